"""A quotation before its verb: «…»، قال SOURCE — the claim is the quote."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from .arabic import HEADS, PREPOSITIONS, definite
from .folding import norm_set
from .phrases import Phrase, comma_segments, role_in, source_in
from .sentences import QUOTE_CLOSE, QUOTE_OPEN, Sentence, is_comma

_SO = norm_set("هكذا", "كذا")
_CLOSERS = QUOTE_CLOSE | {"“"}  # ”…“ reversed, as scraped pages write it

if TYPE_CHECKING:
    from .analyser import Analyser


def quote_first(an: Analyser, sentence: Sentence, v: int, start: int) -> None:
    """«…»، قال SOURCE: the claim is the quote before the verb."""
    before = v - 1
    so = sentence.word(before) in _SO
    if so:
        before -= 1  # «”الأسعار نار“، هكذا وصفت أم محمد الوضع»
    if not (is_comma(sentence.word(before)) and sentence.word(before - 1) in _CLOSERS):
        return
    close = before - 1
    # « pairs with », “ or ” with ” (journalists open with ” too), „ or " with ".
    openers = {"»": "«", "”": "“”", '"': '"„', "“": "“”"}.get(sentence.word(close), QUOTE_OPEN)
    open_index = next((i for i in range(close - 1, -1, -1) if sentence.word(i) in openers), None)
    if open_index is None or open_index + 1 >= close:
        return
    open_index = _first_paragraph(an.normalised, sentence, open_index, openers)
    segments = comma_segments(sentence, start, len(sentence.tokens))
    if not segments or segments[0][0] != start:
        return
    phrase = source_in(sentence, *segments[0])
    if phrase is None:
        return
    if so:  # «هكذا وصفت ربة المنزل سعاد الوضع»: the verb's object is not the source's
        cut = next((k for k in range(phrase[0] + 1, phrase[1] + 1) if described_object(sentence, phrase[0], k)), None)
        if cut is not None:
            phrase = (phrase[0], cut - 1)
    role = role_in(sentence, segments[1] if len(segments) > 1 and phrase[1] == segments[0][1] else None)
    claim = (sentence.tokens[open_index + 1].start, sentence.tokens[close - 1].end)
    an.add(sentence, (v, v), Phrase(phrase[0], phrase[1], role), claim, "quote")


# What «هكذا وصف X …» and «وصف X … بأنه» describe: the situation, a day, a life, a step, in any person.
# fmt: off
_DESCRIBED = norm_set(
    "الوضع", "الأوضاع", "الحال", "الحالة", "المشهد", "الأمر", "الأزمة", "الموقف", "الواقع", "الظروف", "الأجواء",
    "المعاناة", "التجربة", "الحياة", "اليوم", "الليلة", "الرحلة", "القرار", "الخطوة", "الأسعار", "السوق",
    "الاتفاق", "الهجوم", "التصريحات", "الحادث", "الاقتراح", "المقترح", "العملية", "الإجراء", "الإجراءات",
    "الاتهامات", "الأنباء", "هذه", "هذا", "ذلك", "تلك",
)
_DESCRIBED_OWN = norm_set(
    *(stem + end for stem in ("حال", "وضع", "يوم", "حيات", "معانات", "تجربت", "شعور", "رحلت", "ليلت", "موقف")
      for end in ("ه", "ها", "هم", "هما"))
)
# fmt: on


def described_object(sentence: Sentence, first: int, k: int) -> bool:
    """Does word ``k`` begin the object of «هكذا وصف»: the situation described, or a preposition (علّق على…)?

    After an indefinite title and its indefinite adjective, a definite word starts the object:
    «نائب مخضرم | الصيغة المطروحة».
    """
    word = sentence.word(k)
    if word in _DESCRIBED or word in _DESCRIBED_OWN or word in PREPOSITIONS or word == "ما":
        return True
    head, before = sentence.word(first), sentence.word(k - 1)
    return head in HEADS and not definite(head) and k - 1 > first and not definite(before) and definite(word)


def _first_paragraph(normalised: str, sentence: Sentence, open_index: int, openers: Collection[str]) -> int:
    """The opening mark of a quote whose later paragraphs open with the mark again («…\n\n«…»): the first one."""
    while True:
        start = sentence.tokens[open_index].start
        if "\n" not in normalised[max(0, start - 3) : start]:
            return open_index
        earlier = next((i for i in range(open_index - 1, -1, -1) if sentence.word(i) in openers), None)
        if earlier is None or any(sentence.word(i) in _CLOSERS for i in range(earlier + 1, open_index)):
            return open_index
        open_index = earlier


def quote_after(an: Analyser, sentence: Sentence, v: int, start: int) -> None:
    """VERB SOURCE[ CIRCUMSTANCE]، «…»: «كما قال لي أحد أصدقائه قبل أيام، "رجل صبور"» — the quote after the comma."""
    comma = next((k for k in range(start, min(start + 16, len(sentence.tokens))) if is_comma(sentence.word(k))), None)
    if comma is None or comma == start or sentence.word(comma + 1) not in QUOTE_OPEN:
        return
    closer = {"«": "»", "“": "”"}.get(sentence.word(comma + 1), sentence.word(comma + 1))
    close = next((k for k in range(comma + 2, len(sentence.tokens)) if sentence.word(k) in (closer, "”")), None)
    if close is None or close == comma + 2:
        return
    phrase = source_in(sentence, start, comma - 1)
    if phrase is None:
        return
    claim = (sentence.tokens[comma + 2].start, sentence.tokens[close - 1].end)
    an.add(sentence, (v, v), Phrase(phrase[0], phrase[1], None), claim, "quote")
