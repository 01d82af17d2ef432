"""Headlines of the form «SOURCE: claim»: «وزارة الكهرباء: عودة الخطين قبل الصيف».

Press headlines attribute with a colon instead of a verb. A line is read as
such a headline when it is short, does not end as a sentence does (a full
stop, or a question: «لماذا تتعثر الخطة؟» asks, it does not report), and the
words before the colon make a source phrase of a few words after the last
separator («.. ورئيس المدينة: …», «تحليل | …»). Bylines, section labels and
page furniture («حوار: …», «اقرأ أيضا: …», «(إعداد: …)») are left out, and so
are speaker tags: a transcript's turns end with a full stop.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .arabic import conjunction_first, verb_lemma
from .folding import norm_set
from .phrases import addressed, source_in
from .sentences import QUOTE_OPEN, Sentence, sentence_of

_LONGEST_LINE = 30  # words; a longer line is a paragraph, not a headline
_LONGEST_SOURCE = 6
_SEPARATORS = frozenset({"|", "-", "–", "—", ".", "/"})
_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪"})
_CLOSING = frozenset("»\"”“'")
_ENDS = frozenset({".", "؟", "?", "!", ":", "،", ","})
# Page furniture written as «LABEL: …»: bylines, sections, links, tags, contacts.
_LABELS = norm_set(
    "حوار",
    "حاوره",
    "حاورته",
    "حاورها",
    "إعداد",
    "تحرير",
    "كتب",
    "كتبت",
    "بقلم",
    "تصوير",
    "ترجمة",
    "المصدر",
    "مصدر",
    "تحليل",
    "متابعة",
    "اقرأ",
    "شاهد",
    "كلمات",
    "الكلمات",
    "للتواصل",
    "عاجل",
    "فيديو",
    "بالصور",
    "خاص",
    "نص",
    "رأي",
    "مقال",
    "تقرير",
    "إشراف",
    "مراسلة",
    "مراسل",
    "موضوعات",
    "اقرا",
    "انظر",
    "تابع",
    "تابعونا",
    "الوسوم",
    "وسوم",
    "تاريخ",
    "التاريخ",
    "آخر",
    "تحديث",
    "المحرر",
    "الرابط",
    "رابط",
    "س",
    "ج",
)


@dataclass(frozen=True, slots=True)
class Headline:
    """A «SOURCE: claim» line: its tokens, the source's token range, the colon's index, the claim's offsets."""

    sentence: Sentence
    first: int
    last: int
    colon: int
    skip: int  # 1 when a conjunction is glued to the source («ورئيس المدينة»)
    claim: tuple[int, int]


def headlines(normalised: str) -> Iterator[Headline]:
    """The «SOURCE: claim» headlines: lines above the first paragraph, and where the page repeats one.

    Only the top of the page is read, so that a key and value in the body («السعر: …», a list
    item) is never taken for a headline.
    """
    offset = 0
    titles: set[str] = set()
    in_body = False
    for line in normalised.split("\n"):
        start, offset = offset, offset + len(line) + 1
        key = " ".join(line.split())
        if not key:
            continue
        if not in_body and _is_paragraph(key):
            in_body = True
        if in_body and key not in titles:
            continue
        found = _headline(normalised, start, start + len(line))
        if found is not None:
            titles.add(key)
            yield found


def _is_paragraph(line: str) -> bool:
    """A line of running text: it ends as a sentence does, or it is too long for a headline."""
    return line.rstrip("»\"”“' ")[-1:] in (".", "؟", "?", "!") or len(line.split()) > _LONGEST_LINE


def _headline(normalised: str, start: int, end: int) -> Headline | None:
    line = sentence_of(normalised, start, end)
    tokens = line.tokens
    while tokens and tokens[-1].word in _CLOSING:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > _LONGEST_LINE * 2 or tokens[-1].word in _ENDS:
        return None
    if tokens[0].word in _BULLETS:
        return None  # «- قيمة الصادرات: …»: a list item
    colon = next((i for i, t in enumerate(tokens) if t.word == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(tokens):
        return None
    after = tokens[colon + 1]
    if after.start == tokens[colon].end and after.word not in QUOTE_OPEN:
        return None  # «10:15»: a time, not a headline's colon
    if sum(1 for t in tokens if t.word[0].isalnum()) > _LONGEST_LINE:
        return None
    first = colon
    while first > 0 and tokens[first - 1].word not in _SEPARATORS:
        first -= 1
    last = colon - 1
    if last < first:
        return None
    words = [line.word(i) for i in range(first, last + 1)]
    if (
        not words[0][:1].isalpha()
        or words[0].isascii()
        or words[0] in _LABELS
        or any(verb_lemma(w) is not None for w in words)
    ):
        return None  # «(إعداد: …)», ««الحكاية اليوم»: …», «حاوره: …», «قال الوزير: …»
    phrase = source_in(line, first, last)
    if phrase is None or (phrase[1] != last and not addressed(line, phrase[1] + 1)):
        return None  # the source must fill the place before the colon, less who was told («لـ«الخليج»»)
    last = phrase[1]
    if last - first + 1 > _LONGEST_SOURCE:
        return None
    if sum(1 for t in tokens[colon + 1 :] if t.word[0].isalnum()) < 3:
        return None  # «حوار: خالد الحارثي»: a name after a label, not a claim
    skip = 1 if conjunction_first(words[0]) else 0
    return Headline(line, first, last, colon, skip, (after.start, line.tokens[-1].end))
