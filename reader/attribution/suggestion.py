"""The record of one attribution suggestion: who the article says claims what, and where.

Everything the claim dialog needs to be filled in: the reporting verb, the
source and its role, whether the source is named, its type, and the claim,
each with its span in the article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A (start, end) range of code-point offsets into the analysed text.
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One attribution the article seems to make, with everything a claim dialog needs.

    Spans are (start, end) code-point offsets into the analysed text; the
    strings are that text's own characters (harakat and tatweel kept).
    """

    verb: str  # the reporting verb or phrase as written («وأكدت», «وبحسب», «على لسان»)
    verb_span: Span
    source: str  # who: «مصادر مطلعة», «سلمى حداد», «وزارة الصحة»
    source_span: Span
    role: str  # the apposition that says who the source is, or ""
    role_span: Span | None
    named: bool  # False: an anonymous source (no name, no identifiable office or body)
    source_type: str  # one of model.SOURCE_TYPES; "anonymous" whenever named is False
    claim: str
    claim_span: Span
    pattern: str  # "verb-source", "source-verb", "according-to" or "quote"
    quoted: bool = False  # the whole claim is inside quotation marks (else a paraphrase)
    relay: str = ""  # who passes the words on («نقلت وكالة X عن مسؤول…»: وكالة X), or ""
    language: str = "ar"  # whose rules found it: "ar", "fa" or "he"

    @property
    def anonymous(self) -> bool:
        """True for an anonymous source (``not named``)."""
        return not self.named


_REOPENED = re.compile(r"\n\s*[«\"]")
_STRAIGHT_MARK = re.compile(r'(?<!\w)"|"(?!\w)')
_OPENING = "«“”\"„‘'‹\u05f4"  # ״ (gershayim): Hebrew text set with one mark for both ends of a quote
_CLOSING = "»”“\"‟’'›\u05f4"


def quoted_claim(text: str, span: Span) -> bool:
    """True when the claim at ``span`` is wholly inside quotation marks (journalists open with ” too)."""
    start, end = span
    claim = text[start:end].strip()
    if len(claim) >= 2 and claim[0] in _OPENING and claim.rstrip(".")[-1:] in _CLOSING:
        # A paragraph of a long quote may open with « (or ") again; a straight mark between two letters is a
        # Hebrew gershayim (צה"ל), not a quote mark. Any other mark inside means a paraphrase with quotes in it.
        inner = _REOPENED.sub("\n", claim[1:].rstrip(".")[:-1])
        straight = claim[0] == '"' and _STRAIGHT_MARK.search(inner) is not None
        return not (straight or any(mark in inner for mark in "«»"))
    before = text[:start].rstrip(" \u00a0\t")
    after = text[end:].lstrip(" \u00a0\t.")
    return bool(before) and before[-1] in _OPENING and after[:1] in _CLOSING and after[:1] != ""
