"""Which language an article is in, from the letters it uses: Arabic, Persian, Urdu, Hebrew.

All three Arabic-script languages share most letters; each has a few of its
own that its everyday spelling cannot avoid: Arabic writes ي ك ة, Persian
writes ی ک and پ چ ژ گ, Urdu adds ے ٹ ڈ ڑ ں ہ to the Persian ones. Counting
those over the first part of the text tells them apart on any news article;
a text too short or mixed to tell is "und" (undetermined, as BCP 47 has it).
"""

from __future__ import annotations

import re

__all__ = [
    "LANGUAGE_NAMES",
    "RTL_LANGUAGES",
    "guess_language",
    "line_language",
    "line_languages",
    "short_text_language",
]

LANGUAGE_NAMES = {"ar": "Arabic", "fa": "Persian", "ur": "Urdu", "he": "Hebrew", "en": "English", "und": "undetermined"}
_SAMPLE = 200_000
_ARABIC_ONLY = frozenset("\u064a\u0643\u0629")  # ي ك ة
_PERSIAN = frozenset("\u06cc\u06a9\u067e\u0686\u0698\u06af")  # ی ک پ چ ژ گ
_URDU_ONLY = frozenset("\u06d2\u0679\u0688\u0691\u06ba\u06c1")  # ے ٹ ڈ ڑ ں ہ
_MIN_LETTERS = 20
#: The languages qari reads that are written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he"})


def _script(char: str) -> str:
    code = ord(char)
    if 0x0590 <= code <= 0x05FF or 0xFB1D <= code <= 0xFB4F:
        return "hebrew"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFC:
        return "arabic"
    if char.isascii():
        return "latin"
    return "other"


def guess_language(text: str) -> str:
    """A BCP 47 code for ``text``: ``ar``, ``fa``, ``ur``, ``he``, ``en`` (mostly ASCII letters) or ``und``."""
    sample = text[:_SAMPLE]
    counts = {"hebrew": 0, "arabic": 0, "latin": 0, "other": 0}
    arabic_only = persian = urdu = 0
    for char in sample:
        if not char.isalpha():
            continue
        counts[_script(char)] += 1
        if char in _ARABIC_ONLY:
            arabic_only += 1
        elif char in _URDU_ONLY:
            urdu += 1
        elif char in _PERSIAN:
            persian += 1
    letters = sum(counts.values())
    if letters < _MIN_LETTERS:
        return "und"
    script = max(counts, key=counts.__getitem__)
    if counts[script] < 0.5 * letters:
        return "und"
    if script == "hebrew":
        return "he"
    if script == "latin":
        return "en"
    if script != "arabic":
        return "und"
    if urdu > 0.01 * counts["arabic"] and urdu >= arabic_only:
        return "ur"
    if persian + urdu > arabic_only:
        return "fa"
    return "ar"


def short_text_language(text: str, article_language: str = "und") -> str:
    """The language of a few words about an article (a tag, a source's name, a note): ``guess_language``
    when the text is long enough to tell, else the script most of its letters are in, an Arabic-script
    text taken to be in the article's language when that is Arabic-script too (``ar`` otherwise)."""
    guessed = guess_language(text)
    if guessed != "und":
        return guessed
    counts = {"hebrew": 0, "arabic": 0, "latin": 0, "other": 0}
    for char in text[:_SAMPLE]:
        if char.isalpha():
            counts[_script(char)] += 1
    script = max(counts, key=counts.__getitem__)
    if not counts[script] or counts[script] < 0.5 * sum(counts.values()):
        return "und"
    if script == "arabic":
        return article_language if article_language in ("ar", "fa", "ur") else "ar"
    return {"hebrew": "he", "latin": "en"}.get(script, "und")


_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_ARABIC_SCRIPT = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_PERSIAN_LETTERS = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")  # پ چ ژ گ ک ی
_URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")  # ٹ ڈ ڑ ں ھ ہ ے
# Persian words that Arabic does not write, also as scraped pages spell them with Arabic ي/ك (كه، مي).
_PERSIAN_WORDS = re.compile(r"(?<!\w)(?:که|كه|می|مي|است|این|را|برای|براي|گفت|های|هاي|کرد|شده|بود)(?!\w)")


def line_language(line: str) -> str:
    """The language of one line (a paragraph, a headline): "ar", "fa", "he", or "" for any other.

    Hebrew letters make it Hebrew; Arabic-script letters make it Persian when it has letters or words
    only Persian uses (پ چ ژ گ ی ک, «که», «است», also as scraped pages spell them with Arabic ي/ك),
    else Arabic; two Urdu letters, Latin or no letters give "". Unlike ``guess_language`` it tells a
    short line apart: a headline is one line.
    """
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


# What only Arabic writes: ة and function words Persian does not use (Persian «من» is "I", so not that).
_ARABIC_WORDS = re.compile(r"\u0629|(?<!\w)(?:في|على|إلى|الى|عن|التي|الذي|أن|إن|هذا|هذه|قال|وقال)(?!\w)")


def line_languages(text: str) -> list[str]:
    """``line_language`` of each line of ``text``, with the article's weight behind the unsure ones.

    A line of Arabic letters with nothing that only Persian or only Arabic writes («به گفته مديرعامل
    شركت، …» as a page spelled it with Arabic ي/ك) goes with the Arabic-script lines that can be told:
    Persian when most of those are Persian.
    """
    lines = text.split("\n")
    found = [line_language(line) for line in lines]
    told_persian = sum(1 for language in found if language == "fa")
    told_arabic = sum(
        1 for line, language in zip(lines, found, strict=True) if language == "ar" and _ARABIC_WORDS.search(line)
    )
    if told_persian <= told_arabic:
        return found
    return [
        "fa" if language == "ar" and not _ARABIC_WORDS.search(line) else language
        for line, language in zip(lines, found, strict=True)
    ]
