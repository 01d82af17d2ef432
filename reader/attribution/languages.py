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


def masked(text: str, language: str) -> str:
    """``text`` with every line not in ``language`` blanked (same length, line breaks kept)."""
    lines = text.split("\n")
    found = line_languages(text)
    kept = [line if found[i] == language else " " * len(line) for i, line in enumerate(lines)]
    return "\n".join(kept)


def languages_in(text: str) -> set[str]:
    """The rule languages that have at least one line in ``text``."""
    return {language for language in line_languages(text) if language}
