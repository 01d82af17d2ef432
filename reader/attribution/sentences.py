"""Sentences and tokens of an article's normalised text, with their offsets.

The analyser reads one sentence at a time, token by token: a token is a run
of word characters or one punctuation mark. A sentence ends at ``.``, ``!``,
``?``, ``؟``, ``۔`` or ``…`` before a space, a quote or the end (not at the
dot of an abbreviation such as «د.»), and at every line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A full stop with no space after it also ends a sentence between two Arabic words («الشحمي.وأفيد»), not after
# a lone letter («د.ليلى», «أ.ف.ب»).
_SENTENCE_END_RE = re.compile(
    r"[.!?\u061f\u06d4…]+(?=[\s\"'»”’)\]]|$)|(?<=[\u0621-\u064a]{2})\.(?=[\u0621-\u064a]{2})|\n"
)
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
COMMAS = frozenset(",\u060c")
QUOTE_OPEN = frozenset('«"“')
QUOTE_CLOSE = frozenset('»"”')
#: A quote may hold several sentences; one longer than this is taken for a stray mark, not a quote.
_LONGEST_QUOTE = 600
#: A quote running over paragraphs closes within this many of them, and this many characters.
_MOST_PARAGRAPHS = 4
_LONGEST_RUN = 2000


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation mark."""

    start: int  # offsets into the normalised text
    end: int
    word: str


class Sentence:
    """One sentence's tokens, with the way back to the article's text."""

    def __init__(self, tokens: list[Token], start: int, end: int) -> None:
        self.tokens = tokens
        self.start = start  # normalised offsets of the sentence, terminator excluded
        self.end = end

    def word(self, index: int) -> str:
        """The token's text at ``index``; "" outside the sentence."""
        return self.tokens[index].word if 0 <= index < len(self.tokens) else ""


def quoted_ranges(normalised: str) -> list[tuple[int, int]]:
    """[open, close] offsets of the quotations in the text, each within one line.

    « » and “ ” pair by direction; ” ” (journalists open with ” too), " " and
    „ " pair as they come. A mark with no partner on its line, or one too far
    away, opens nothing: scraped pages carry stray marks.
    """
    ranges: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", normalised):
        text, base = line.group(), line.start()
        i = 0
        while i < len(text):
            mark = text[i]
            closers = {"«": "»", "“": "”", "”": "”“", '"': '"“', "„": '"“”'}.get(mark)
            if closers is None:
                i += 1
                continue
            found = [k for k in (text.find(c, i + 1, i + _LONGEST_QUOTE) for c in closers) if k >= 0]
            close = min(found) if found else None
            if close is None:
                if mark in '«“"' and (not text[:i].strip() or text[:i].rstrip().endswith(":")):
                    end = _closed_later(normalised, line.end(), mark)
                    if end is not None:
                        ranges.append((base + i, end))  # a quote running on over paragraphs
                i += 1
                continue
            ranges.append((base + i, base + close))
            i = close + 1
    return sorted(ranges)


def _closed_later(normalised: str, at: int, mark: str) -> int | None:
    """Where a quotation left open at the end of a paragraph closes, in one of the next few; None if it does not.

    A later paragraph may open with the mark again (the quote goes on); a mark opening anywhere else, or
    no close within a few paragraphs, means the first one was stray.
    """
    closer = {"«": "»", "“": "”"}.get(mark, mark)
    for paragraphs, line in enumerate(re.finditer(r"[^\n]+", normalised[at : at + _LONGEST_RUN]), 1):
        text = line.group().strip()
        if paragraphs > _MOST_PARAGRAPHS:
            return None
        body = text[1:] if text.startswith(mark) else text
        close, reopen = body.find(closer), body.find(mark)
        if closer == mark:  # straight quotes: the paragraph closes it when it holds an odd number of them
            close, reopen = (close if body.count(mark) % 2 else -1), -1
        if close >= 0 and (reopen < 0 or close < reopen):
            return at + line.start() + line.group().index(body) + close
        if reopen >= 0:
            return None
    return None


def split_sentences(normalised: str) -> list[Sentence]:
    """The sentences of the normalised text, in order (empty ones left out); a quotation is never cut."""
    sentences = []
    start = 0
    quotes = quoted_ranges(normalised)
    q = 0
    for match in _SENTENCE_END_RE.finditer(normalised):
        at = match.start()
        while q < len(quotes) and quotes[q][1] < at:
            q += 1
        if q < len(quotes) and quotes[q][0] < at and at + len(match.group()) <= quotes[q][1]:
            if match.group() != "\n" or "\n" in normalised[quotes[q][0] : quotes[q][1]]:
                continue  # «…نفسها. المواطن لا يريد…»: a full stop inside a quotation, or a quote's paragraph break
        if match.group() == "\n" and _opens_quote(normalised, start, at):
            continue  # «وقال X:» and the quote in the next paragraph
        if (
            match.group() == "."
            and at >= 1
            and normalised[at - 1].isalpha()
            and (at < 2 or not normalised[at - 2].isalnum())
        ):
            continue  # «د. ليلى قاسم»: an abbreviation, not the end of a sentence
        if match.start() > start:
            sentences.append(_sentence(normalised, start, match.start()))
        start = match.end()
    if start < len(normalised):
        sentences.append(_sentence(normalised, start, len(normalised)))
    return sentences


def _opens_quote(normalised: str, start: int, at: int) -> bool:
    """Does the paragraph ending at ``at`` end with a colon, and the next one open with a quote mark?"""
    if not normalised[start:at].rstrip().endswith(":"):
        return False
    after = normalised[at : at + 40].lstrip()
    return after[:1] in QUOTE_OPEN


def sentence_of(normalised: str, start: int, end: int) -> Sentence:
    """The tokens of ``normalised[start:end]`` as one sentence (a headline line, say)."""
    return _sentence(normalised, start, end)


def _sentence(normalised: str, start: int, end: int) -> Sentence:
    tokens = [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(normalised, start, end)]
    return Sentence(tokens, start, end)


def is_comma(word: str) -> bool:
    """A Latin or an Arabic comma."""
    return word in COMMAS


def trim_end(normalised: str, end: int) -> int:
    """``end`` moved back over white space."""
    while end > 0 and normalised[end - 1].isspace():
        end -= 1
    return end
