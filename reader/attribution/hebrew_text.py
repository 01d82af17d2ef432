"""A Hebrew article as the attribution rules read it: normalised lines, tokens, quotes and sentences.

The rules compare words without niqqud or cantillation, with gershayim (״)
as " and geresh (׳) as ', so «מד״א» and «מד"א» are one word. Dropping marks
changes offsets, so the normalised text keeps, for each of its characters,
the offset of the article's character it came from: every span the rules
find maps back to ``text[start:end]`` as written.

A token is a word (letters and digits, with an acronym's gershayim «דו"ח», «מנכ"לית»,
a final geresh «פרופ'» and maqaf joins «בן־חמו», «מ־30») or one punctuation
mark. Quotation marks are paired per paragraph (a line), so a quote of
several sentences is one claim, and sentences are never split inside one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .hebrew_words import verb

_MARKS = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
_FOLD = str.maketrans({"\u05f4": '"', "\u05f3": "'"})
_TOKEN = re.compile(r"""\w+(?:["']\w(?!\w)|(?<=\w\w)"\w{2,}(?![\w"])|'(?!\w))?(?:[־-]\w+(?:["']\w(?!\w))?)*|[^\w\s]""")
QUOTES = frozenset('"“”„«»')
_ENDS = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation mark, with its offsets into the normalised text."""

    start: int
    end: int
    word: str


@dataclass(slots=True)
class Line:
    """One paragraph's tokens, its paired quotation marks and its sentences (token ranges)."""

    tokens: list[Token]
    pairs: dict[int, int] = field(default_factory=dict)  # opening mark's index → closing mark's, and back
    inside: list[bool] = field(default_factory=list)  # token is between a pair of quotation marks
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def word(self, index: int) -> str:
        """The token's text at ``index``; "" outside the line."""
        return self.tokens[index].word if 0 <= index < len(self.tokens) else ""

    def is_open(self, index: int) -> bool:
        """An opening quotation mark (one that has a closing partner after it)."""
        return self.pairs.get(index, -1) > index


class HebrewText:
    """The article's text without niqqud, split into lines of tokens, with the way back to its offsets."""

    def __init__(self, text: str) -> None:
        removed = [m.start() for m in _MARKS.finditer(text)]
        self.text = text
        self.normalised = _MARKS.sub("", text).translate(_FOLD)
        self._kept_before_removed = [p - j for j, p in enumerate(removed)]
        self.lines = [_line(self.normalised, m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.normalised)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The article's (start, end) for a normalised range."""
        if end <= start:
            return self._original(start), self._original(start)
        return self._original(start), self._original(end - 1) + 1

    def _original(self, index: int) -> int:
        return index + bisect_right(self._kept_before_removed, index)

    def slice(self, start: int, end: int) -> tuple[str, tuple[int, int]]:
        """The article's own characters for a normalised range, with their span."""
        a, b = self.span(start, end)
        return self.text[a:b], (a, b)


def _line(normalised: str, start: int, end: int) -> Line:
    tokens = [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(normalised, start, end)]
    line = Line(tokens)
    _pair_quotes(normalised, line)
    _split_sentences(line)
    return line


def _pair_quotes(normalised: str, line: Line) -> None:
    """Pair the quotation marks: a mark opens where it may open and closes where it may close."""
    tokens, opened = line.tokens, -1
    for i, token in enumerate(tokens):
        if token.word not in QUOTES:
            continue
        before = normalised[token.start - 1] if token.start else " "
        after = normalised[token.end] if token.end < len(normalised) else " "
        prefix = i > 0 and tokens[i - 1].end == token.start and len(tokens[i - 1].word) == 1
        may_open = token.word != "»" and (not before.isalnum() or prefix) and after.strip() != ""
        may_close = token.word != "«" and (not after.isalnum()) and before.strip() != ""
        if opened >= 0 and may_close:
            line.pairs[opened], line.pairs[i] = i, opened
            opened = -1
        elif may_open:
            opened = i
    line.inside = [False] * len(tokens)
    for a, b in line.pairs.items():
        if a < b:
            for k in range(a + 1, b):
                line.inside[k] = True


def _split_sentences(line: Line) -> None:
    """Sentences end at . ! ? … before a space or a closing quote, never inside a quote."""
    tokens, start = line.tokens, 0
    for i, token in enumerate(tokens):
        if token.word not in _ENDS or line.inside[i]:
            if not (token.word in _ENDS and _ends_quote(line, i)):
                continue
            line.sentences.append((start, i + 2))  # the closing mark stays with its sentence
            start = i + 2
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and following.start == token.end and following.word not in QUOTES | {")"}:
            continue  # 4.8%, a number
        if i > 0 and len(tokens[i - 1].word) == 1 and tokens[i - 1].word.isalpha() and following is not None:
            continue  # an initial: «א. ב. יהושע»
        line.sentences.append((start, i + 1))
        start = i + 1
    if start < len(tokens):
        line.sentences.append((start, len(tokens)))
    line.sentences = [(a, b) for a, b in line.sentences if b > a]


def _ends_quote(line: Line, i: int) -> bool:
    """A full stop that ends a quote and its sentence («…כלום." ואז…»), not one before «", אמר»."""
    close = i + 1
    if close >= len(line.tokens) or line.pairs.get(close, len(line.tokens)) >= close:
        return False
    after = line.word(close + 1)
    if verb(after) is not None or after in ("כך", "וכך"):
        return False  # «"…. …." אמר המהנדס»: the quote is this verb's claim
    return after != "" and (after[0].isalnum() or after in QUOTES)
