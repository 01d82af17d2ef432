"""Which language an article is in, from the letters it uses: Arabic, Persian, Urdu, Hebrew.

All three Arabic-script languages share most letters; each has a few of its
own that its everyday spelling cannot avoid: Arabic writes ي ك ة, Persian
writes ی ک and پ چ ژ گ, Urdu adds ے ٹ ڈ ڑ ں ہ to the Persian ones. Counting
those over the first part of the text tells them apart on any news article;
a text too short or mixed to tell is "und" (undetermined, as BCP 47 has it).
"""

from __future__ import annotations

__all__ = ["LANGUAGE_NAMES", "guess_language"]

LANGUAGE_NAMES = {"ar": "Arabic", "fa": "Persian", "ur": "Urdu", "he": "Hebrew", "en": "English", "und": "undetermined"}
_SAMPLE = 200_000
_ARABIC_ONLY = frozenset("\u064a\u0643\u0629")  # ي ك ة
_PERSIAN = frozenset("\u06cc\u06a9\u067e\u0686\u0698\u06af")  # ی ک پ چ ژ گ
_URDU_ONLY = frozenset("\u06d2\u0679\u0688\u0691\u06ba\u06c1")  # ے ٹ ڈ ڑ ں ہ
_MIN_LETTERS = 20


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
