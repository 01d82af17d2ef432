"""Arabic-normalised search, and the words and sentences the cursor moves by.

Search folds what a reader does not type: harakat and tatweel are ignored,
أ إ آ ٱ count as ا, ى as ي, ة as ه, Arabic-Indic and Persian digits as ASCII
digits, Latin letters ignore case. Matches are reported as offsets into the
article's own text (which is never changed), so a match selects exactly the
letters it covers, harakat included.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Harakat, Quranic marks, superscript alef and tatweel: not typed, not compared.
_IGNORED = [
    *range(0x0610, 0x061B),
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06DD),
    *range(0x06DF, 0x06E9),
    *range(0x06EA, 0x06EE),
    0x0640,
]
_IGNORED_RE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in _IGNORED) + "]")

_FOLD: dict[int, str | None] = dict.fromkeys(_IGNORED)
_FOLD.update({ord(ch): "\u0627" for ch in "\u0622\u0623\u0625\u0671\u0672\u0673"})  # alef variants
_FOLD[0x0649] = "\u064a"  # alef maqsura → yeh
_FOLD[0x0629] = "\u0647"  # teh marbuta → heh: «قناه» is how many type «قناة» (Lucene's Arabic normaliser folds it too)
_FOLD[0x06CC] = "\u064a"  # Persian yeh → yeh
_FOLD[0x06A9] = "\u0643"  # Persian keheh → kaf
_FOLD.update({0x0660 + d: str(d) for d in range(10)})  # Arabic-Indic digits
_FOLD.update({0x06F0 + d: str(d) for d in range(10)})  # Persian digits


def fold(text: str) -> str:
    """The search form of ``text`` (shorter when it holds harakat or tatweel)."""
    return text.translate(_FOLD).casefold()


@dataclass(frozen=True, slots=True)
class FoldedText:
    """An article's text in search form, with the way back to the article's offsets."""

    folded: str
    #: For each removed code point, the number of kept ones before it (sorted).
    _kept_before_removed: tuple[int, ...]
    _length: int
    _text: str

    @classmethod
    def of(cls, text: str) -> FoldedText:
        removed = [m.start() for m in _IGNORED_RE.finditer(text)]
        folded = text.translate(_FOLD)
        casefolded = folded.casefold()
        if len(casefolded) != len(folded):
            # A few letters casefold to two (ß → ss): keep offsets exact, fold case by lowering only.
            casefolded = folded.lower() if len(folded.lower()) == len(folded) else folded
        return cls(casefolded, tuple(p - j for j, p in enumerate(removed)), len(text), text)

    def original(self, index: int) -> int:
        """The article offset of the folded text's ``index``."""
        return index + bisect_right(self._kept_before_removed, index)

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Every match of ``query`` as (start, end) article offsets, in reading order, not overlapping."""
        needle = fold(query)
        if not needle.strip():
            return []
        spans: list[tuple[int, int]] = []
        at = self.folded.find(needle)
        while at >= 0:
            start = self.original(at)
            end = self.original(at + len(needle) - 1) + 1
            # The last letter's harakat belong to the match.
            while end < self._length and _IGNORED_RE.match(self._text, end):
                end += 1
            spans.append((start, end))
            at = self.folded.find(needle, at + len(needle))
        return spans


# --- Words and sentences ---------------------------------------------------------

_WORD_RE = re.compile(r"[^\s\.,;:!?\u060c\u061b\u061f\u06d4()\[\]{}«»\"'“”‘’<>…–—-]+")
_SENTENCE_END_RE = re.compile(r"[.!?\u061f\u06d4…]+[\"'»”’)\]]*|\n")


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word (letters, digits, marks) that contains ``offset``, or None on a space or punctuation."""
    for m in _WORD_RE.finditer(text, max(0, offset - 64), offset + 64):
        if m.start() <= offset < m.end():
            return m.span()
        if m.start() > offset:
            break
    return None


def next_word_start(text: str, offset: int) -> int:
    """The start of the first word after the one at ``offset`` (``len(text)`` when there is none)."""
    current = word_at(text, offset)
    m = _WORD_RE.search(text, current[1] if current else offset)
    return m.start() if m else len(text)


def previous_word_start(text: str, offset: int) -> int:
    """The start of the word before ``offset`` (or of the word ``offset`` is inside, when not at its start)."""
    start = max(0, offset - 256)
    while True:
        previous = None
        for m in _WORD_RE.finditer(text, start, offset):
            if m.start() < offset:
                previous = m
        if previous is not None or start == 0:
            return previous.start() if previous else 0
        start = max(0, start - 4096)


# A headline is short; 25 words is more than any the sample outlets print, fewer than most body paragraphs.
_HEADLINE_WORDS = 25
_DOTS_RE = re.compile(r"[.\u06d4]+")
_AFTER_STOP = " \t\"'»”’)]"


def _ends_a_sentence(paragraph: str, dots: re.Match[str]) -> bool:
    """One dot before a space, a closing quote or the end, not after a one-letter abbreviation («د. ليلى»).

    «..» and «...» part a headline's halves; a dot inside a number (3.5) ends nothing.
    """
    at, end = dots.span()
    if end - at > 1 or (end < len(paragraph) and paragraph[end] not in _AFTER_STOP):
        return False
    abbreviation = at >= 1 and paragraph[at - 1].isalpha() and (at < 2 or not paragraph[at - 2].isalnum())
    return not abbreviation


def is_headline(paragraph: str) -> bool:
    """A short paragraph with no full stop: a headline or subheading, read as one unit.

    Headlines part their halves with «..», «…», «؟» or «!» («مفاوضات الهدنة تدخل أسبوعها
    الثالث.. خلاف على الممرات»), which end sentences in body text but not here.
    """
    words = paragraph.split()
    if not words or len(words) > _HEADLINE_WORDS:
        return False
    return not any(_ends_a_sentence(paragraph, dots) for dots in _DOTS_RE.finditer(paragraph))


def paragraph_around(text: str, offset: int) -> tuple[int, int]:
    """The paragraph (line) holding ``offset``, without its leading and trailing spaces."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence around ``offset``: from after the previous sentence end to its own end mark.

    A paragraph (a line) ends a sentence too; leading spaces are not part of it.
    A cursor at the end of a paragraph (on its newline) is in its last sentence.
    A headline (``is_headline``) is one sentence, whatever marks it holds.
    """
    if offset > 0 and (offset >= len(text) or text[offset] == "\n") and text[offset - 1] != "\n":
        offset -= 1
    paragraph = paragraph_around(text, offset)
    if paragraph[1] - paragraph[0] <= 400 and is_headline(text[slice(*paragraph)]):
        return paragraph
    start = max(0, offset - 4096)
    sentence_start = 0 if start == 0 else start
    for m in _SENTENCE_END_RE.finditer(text, start, offset):
        sentence_start = m.end()
    while sentence_start < len(text) and text[sentence_start] in " \t":
        sentence_start += 1
    found = _SENTENCE_END_RE.search(text, max(offset, sentence_start))
    end = len(text) if found is None else (found.start() if found.group() == "\n" else found.end())
    return sentence_start, max(end, sentence_start)


# --- A match in its context (the library's search across articles) ---------------------------

_RUN_RE = re.compile(r"\S+")
_SPACES_RE = re.compile(r"\s+")


def match_context(text: str, start: int, end: int, words: int = 6) -> tuple[str, str, str]:
    """The match ``text[start:end]`` with up to ``words`` words either side, inside its paragraph.

    Returns ``(before, match, after)``, white space collapsed, "…" where the
    paragraph goes on, so ``before + match + after`` reads as the article does
    (a match inside a word stays joined to the rest of it).
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    head = text[max(line_start, start - 400) : start]  # 400: words are never that long; a paragraph may be
    starts = [m.start() for m in _RUN_RE.finditer(head)]
    cut = starts[-words] if len(starts) > words else 0
    more_before = cut > 0 or start - 400 > line_start
    tail = text[end : min(line_end, end + 400)]
    ends = [m.end() for m in _RUN_RE.finditer(tail)]
    stop = ends[words - 1] if len(ends) > words else len(tail)
    more_after = bool(tail[stop:].strip()) or end + 400 < line_end
    before = ("…" if more_before else "") + _SPACES_RE.sub(" ", head[cut:]).lstrip()
    after = _SPACES_RE.sub(" ", tail[:stop]).rstrip() + ("…" if more_after else "")
    return before, _SPACES_RE.sub(" ", text[start:end]), after
