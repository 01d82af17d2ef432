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

from .arabic import HEADS, conjunction_first, verb_lemma
from .folding import norm_set
from .phrases import addressed, source_in
from .sentences import QUOTE_OPEN, Sentence, sentence_of

_LONGEST_LINE = 30  # words; a longer line is a paragraph, not a headline
_LONGEST_SOURCE = 6
_LONGEST_SUBHEADING = 14  # words in a subheading between paragraphs
_TRANSCRIPT_TAGS = 4  # lines whose speaker's tag comes back
_LINK_LABELS = norm_set("اقرأ", "اقرا", "شاهد", "طالع", "انظر")
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
    item) is never taken for a headline; in the body, only a subheading standing alone between
    paragraphs whose source is an office or a body, and never in a transcript.
    """
    offset = 0
    titles: set[str] = set()
    in_body = False
    lines = normalised.split("\n")
    transcript = _is_transcript(lines)
    for index, line in enumerate(lines):
        start, offset = offset, offset + len(line) + 1
        key = " ".join(line.split())
        if not key:
            continue
        if not in_body and _is_paragraph(key):
            in_body = True
        link = key.split()[0] in _LINK_LABELS  # «اقرأ أيضا: SOURCE: claim», a link's headline on its line
        subheading = in_body and (link or (not transcript and _stands_alone(lines, index)))
        if in_body and key not in titles and not subheading:
            continue
        found = _headline(normalised, start, start + len(line))
        if (
            found is not None
            and in_body
            and key not in titles
            and not (_institution(found) or link or _linked(lines, index))
        ):
            continue  # a subheading in the body speaks for a body or an office only: «النقابة: لا تراجع»
        if found is not None and _speaker(lines, key):
            continue  # «الوزير: …» on several different lines: turns of speech
        if found is not None:
            titles.add(key)
            yield found


def _speaker(lines: list[str], key: str) -> bool:
    """Does the part before the colon open other, different lines too (a speaker's tag, not a headline)?"""
    tag = key[: key.find(":") + 1]
    return any(line.strip().startswith(tag) and " ".join(line.split()) != key for line in lines)


def _stands_alone(lines: list[str], index: int) -> bool:
    """A short line with a blank line (or the text's edge) on each side: a subheading between paragraphs."""
    before = lines[index - 1] if index > 0 else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return not before.strip() and not after.strip() and len(lines[index].split()) <= _LONGEST_SUBHEADING


def _linked(lines: list[str], index: int) -> bool:
    """Is the line a link's headline, under «اقرأ أيضا» / «شاهد أيضا»? It is a headline like the page's own."""
    before = next((line for line in reversed(lines[:index]) if line.strip()), "")
    words = before.replace(":", " ").split()
    return 0 < len(words) <= 3 and words[0] in _LINK_LABELS


def _is_transcript(lines: list[str]) -> bool:
    """Speaker turns («المذيعة: …», «الوزير: …») on several lines, the same tags coming back."""
    tags = [line[: line.find(":")].strip() for line in lines if line.find(":") > 0]
    tags = [tag for tag in tags if len(tag.split()) <= 3]
    return sum(1 for tag in tags if tags.count(tag) > 1) >= _TRANSCRIPT_TAGS


def _institution(found: Headline) -> bool:
    """Does the headline's source start with an office or a body («وزارة الصحة», «النقابة», «رئيس البلدية»)?"""
    head = found.sentence.word(found.first)[found.skip :]
    return head in HEADS or (head.startswith("ال") and head[2:] in HEADS)


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
    if colon is not None and tokens[0].word in _LINK_LABELS:
        colon = next((i for i in range(colon + 1, len(tokens)) if tokens[i].word == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(tokens):
        return None
    after = tokens[colon + 1]
    if after.start == tokens[colon].end and after.word not in QUOTE_OPEN:
        return None  # «10:15»: a time, not a headline's colon
    if sum(1 for t in tokens if t.word[0].isalnum()) > _LONGEST_LINE:
        return None
    first = colon
    while first > 0 and tokens[first - 1].word not in _SEPARATORS and tokens[first - 1].word != ":":
        first -= 1
    last = colon - 1
    if last < first:
        return None
    if last - first >= 2 and tokens[first].word in QUOTE_OPEN and tokens[last].word in _CLOSING:
        first, last = first + 1, last - 1  # «الصحة العالمية»: …: the source named in quotes
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
    said = sum(1 for t in tokens[colon + 1 :] if t.word[0].isalnum())
    if said < 3:
        return None  # «حوار: خالد الحارثي»: a name after a label, not a claim
    if said == 3 and first == last and words[0] not in HEADS and words[0][2:] not in HEADS:
        return None  # «وهران: سمير بن عودة»: a dateline and a byline
    skip = 1 if conjunction_first(words[0]) else 0
    return Headline(line, first, last, colon, skip, (after.start, line.tokens[-1].end))
