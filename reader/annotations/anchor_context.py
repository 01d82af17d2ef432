"""An anchor's old context compared with a place in the new text: exactly, or allowing a few edits.

Re-anchoring judges every candidate place for a quote by how much of the
32 characters before and after it are as they were. ``Context`` reads an
anchor's prefix and suffix outwards from the quote once, and scores a place
two ways: ``kept`` (characters that still agree exactly) and ``support``
(folded, allowing up to ``MAX_EDITS`` edits each side).
"""

from __future__ import annotations

from reader.annotations.model import CONTEXT, Anchor
from reader.text.search import fold

#: Edits allowed on each side by the tolerant context score.
MAX_EDITS = 2

_EDGE = "\uffff"  # stands for the start or end of the text in a side of context


def _before(text: str, start: int) -> str:
    """The context before ``start``, read outwards (nearest character first); _EDGE for the text's start."""
    side = text[max(0, start - CONTEXT) : start][::-1]
    return side + _EDGE if start < CONTEXT else side


def _after(text: str, end: int) -> str:
    """The context after ``end``, read outwards; _EDGE for the text's end."""
    side = text[end : end + CONTEXT]
    return side + _EDGE if end + CONTEXT > len(text) else side


def _run(a: str, b: str, i: int = 0, j: int = 0) -> int:
    """How many characters of a[i:] and b[j:] agree from the start."""
    n = min(len(a) - i, len(b) - j)
    k = 0
    while k < n and a[i + k] == b[j + k]:
        k += 1
    return k


def _tolerant(a: str, b: str) -> int:
    """Characters of ``a`` and ``b`` that agree from the start, allowing MAX_EDITS substitutions,
    insertions or deletions (each one chosen greedily: the one after which most agrees)."""
    i = j = kept = 0
    edits = MAX_EDITS
    while True:
        r = _run(a, b, i, j)
        kept += r
        i += r
        j += r
        if edits == 0 or i >= len(a) or j >= len(b):
            return kept
        edits -= 1
        i, j = max(((i + 1, j + 1), (i + 1, j), (i, j + 1)), key=lambda p: _run(a, b, p[0], p[1]))


def _side(agreed: int, old: str) -> int:
    """A side's score: the characters that agree, or CONTEXT + 1 when all of it does (a quote at the
    text's start agreeing up to it is as well placed as one keeping all of a 32-character prefix)."""
    return CONTEXT + 1 if agreed >= len(old) else agreed


class Context:
    """An anchor's old context, read outwards from the quote, to compare with a place in the new text."""

    __slots__ = ("after", "after_folded", "before", "before_folded")

    def __init__(self, anchor: Anchor) -> None:
        self.before = anchor.prefix[::-1] + (_EDGE if len(anchor.prefix) < CONTEXT else "")
        self.after = anchor.suffix + (_EDGE if len(anchor.suffix) < CONTEXT else "")
        self.before_folded = fold(self.before)
        self.after_folded = fold(self.after)

    def full(self, text: str, start: int, end: int) -> bool:
        """All the old context is still there around [start, end)."""
        return _before(text, start) == self.before and _after(text, end) == self.after

    def kept(self, text: str, start: int, end: int) -> int:
        """Characters next to [start, end), either side, that are as they were (see ``_side``);
        2 * (CONTEXT + 1) when all are."""
        return _side(_run(self.before, _before(text, start)), self.before) + _side(
            _run(self.after, _after(text, end)), self.after
        )

    def support(self, text: str, start: int, end: int) -> int:
        """Like ``kept``, folded and allowing a few edits each side."""
        return _side(_tolerant(self.before_folded, fold(_before(text, start))), self.before_folded) + _side(
            _tolerant(self.after_folded, fold(_after(text, end))), self.after_folded
        )
