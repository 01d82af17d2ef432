"""Which language's rules read which line of an article: Arabic, Persian, Hebrew or none.

Each line (a paragraph of a saved article, or its headline) is given the
language of its letters: Hebrew letters make it Hebrew; Arabic-script letters
make it Persian when it has letters or words only Persian uses (پ چ ژ گ, the
Persian ی and ک, «که», «می», «است»…), else Arabic. A line in none of them
(Latin, Urdu's own rules are not written yet) gets no suggestions rather than
another language's wrong ones.

Each language's rules then read a *masked* copy of the article: every line of
another language blanked to spaces, so offsets into it are offsets into the
article and no rule sees a word that is not its own.
"""

from __future__ import annotations

import re

_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_ARABIC_SCRIPT = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_PERSIAN_LETTERS = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")  # پ چ ژ گ ک ی
_URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")  # ٹ ڈ ڑ ں ھ ہ ے
# Persian words that Arabic does not write, also as scraped pages spell them with Arabic ي/ك (كه، مي).
_PERSIAN_WORDS = re.compile(r"(?<!\w)(?:که|كه|می|مي|است|این|را|برای|براي|گفت|های|هاي|کرد|شده|بود)(?!\w)")


def line_language(line: str) -> str:
    """ "ar", "fa", "he", or "" for a line no rules read."""
    hebrew = len(_HEBREW.findall(line))
    arabic = len(_ARABIC_SCRIPT.findall(line))
    if not hebrew and not arabic:
        return ""
    if hebrew > arabic:
        return "he"
    if len(_URDU_LETTERS.findall(line)) >= 2:
        return ""
    persian = len(_PERSIAN_LETTERS.findall(line)) + 2 * len(_PERSIAN_WORDS.findall(line))
    return "fa" if persian >= 2 or (persian and arabic < 20) else "ar"


def masked(text: str, language: str) -> str:
    """``text`` with every line not in ``language`` blanked (same length, line breaks kept)."""
    lines = text.split("\n")
    kept = [line if line_language(line) == language else " " * len(line) for line in lines]
    return "\n".join(kept)


def languages_in(text: str) -> set[str]:
    """The rule languages that have at least one line in ``text``."""
    return {language for line in text.split("\n") if (language := line_language(line))}
