"""Which language's rules read which line of an article: Arabic, Persian, Hebrew or none.

Each line (a paragraph of a saved article, or its headline) is given the
language of its letters and words by the engine's ``line_language``
(``reader.text.language``, where the article's own language is guessed too).
A line in a language without rules (Latin, Urdu: its rules are not written
yet) gets no suggestions rather than another language's wrong ones.

Each language's rules then read a *masked* copy of the article: every line of
another language blanked to spaces, so offsets into it are offsets into the
article and no rule sees a word that is not its own.
"""

from __future__ import annotations

from ..text.language import line_languages


def views(text: str) -> dict[str, str]:
    """Rule language → the text its rules read: the article itself when every line with a language is in
    that one, else the article masked for it (other lines blanked: same length, line breaks kept)."""
    found = line_languages(text)  # once: each line's letters and words are read a single time
    present = {language for language in found if language}
    if len(present) <= 1:
        return dict.fromkeys(present, text)
    lines = text.split("\n")
    return {
        language: "\n".join(line if found[i] == language else " " * len(line) for i, line in enumerate(lines))
        for language in present
    }
