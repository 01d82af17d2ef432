"""Placing an edited quote: the span near its old place that is most like it, if any is like enough.

The last step of re-anchoring (see ``anchor`` for the rules): landmarks
(the old prefix's end, the old suffix's start) fix one or both ends, the
other end comes from aligning the folded quote with ``difflib``; with no
landmark, the quote's longest words find the windows to align in. A span is
accepted only above the similarity and context thresholds below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from reader.annotations.anchor_context import Context
from reader.annotations.anchor_exact import nearest
from reader.annotations.model import CONTEXT, Anchor
from reader.text.search import fold

#: Fuzzy: the least similarity of the new span to the old quote (folded), with context support.
MIN_RATIO = 0.75
#: Fuzzy: the least similarity when the context gives no support …
MIN_RATIO_ALONE = 0.9
#: … and the least length (folded letters) of a quote placed without context.
MIN_LENGTH_ALONE = 20
#: Context characters (tolerant score, both sides) that count as support for a fuzzy span.
MIN_SUPPORT = 8
#: Characters of the prefix's end / suffix's start searched when the whole prefix / suffix is not found.
LANDMARK = 16

_LANDMARK_RADIUS = 65_536  # landmarks of an edited quote: only this near its old offset (moved by a hint)
_WORD_RADIUS = 16_384  # the words of an edited quote without landmarks: only this near
_SEED_WORDS = 4  # longest words of a quote searched when no landmark is found
_SEED_HITS = 4  # nearest hits kept per word / landmark
_BLOCK_CHOICES = 16  # matching blocks tried as the first / last of a free alignment


# --- Folding -------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """``fold`` of one character, remembered (alignment folds windows character by character)."""
    return fold(ch)


def _folded_map(text: str, lo: int, hi: int) -> tuple[str, list[int]]:
    """``text[lo:hi]`` folded, and for each folded character the offset of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    for i in range(lo, hi):
        f = _fold_char(text[i])
        if f:
            out.append(f)
            where.extend([i] * len(f))
    return "".join(out), where


def _is_mark(ch: str) -> bool:
    """A non-spacing mark (a harakah): it belongs with the letter before it."""
    return unicodedata.category(ch) == "Mn"


# --- Fuzzy placement -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Placement:
    """A fuzzy span [start, end) with its similarity to the old quote and its context support."""

    start: int
    end: int
    ratio: float
    support: int


def _settle(text: str, start: int, end: int, exact: str) -> tuple[int, int]:
    """Whole letters (harakat go with their letter), and no white space at the ends the quote had not."""
    while 0 < start < end and _is_mark(text[start]):
        start -= 1
    while end < len(text) and _is_mark(text[end]):
        end += 1
    if not exact[:1].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not exact[-1:].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _wordish(ch: str) -> bool:
    """Part of a word: a letter, a digit, a harakah or tatweel."""
    return ch.isalnum() or _is_mark(ch) or ch == "\u0640"  # tatweel


def _word_edges(text: str, at: int) -> list[int]:
    """``at``, or if it falls inside a word, the end and the start of that word."""
    if not (0 < at < len(text) and _wordish(text[at - 1]) and _wordish(text[at])):
        return [at]
    end = start = at
    while end < len(text) and _wordish(text[end]):
        end += 1
    while start > 0 and _wordish(text[start - 1]):
        start -= 1
    return [end, start]


def _similarity(quote: str, span: str) -> float:
    """SequenceMatcher ratio of the folded quote and the folded span (0 when it cannot reach MIN_RATIO)."""
    matcher = SequenceMatcher(None, quote, fold(span), autojunk=False)
    if matcher.real_quick_ratio() < MIN_RATIO or matcher.quick_ratio() < MIN_RATIO:
        return 0.0
    return matcher.ratio()


def _align(
    quote: str, text: str, lo: int, hi: int, *, fixed_start: bool = False, fixed_end: bool = False
) -> tuple[int, int] | None:
    """The part of text[lo:hi] that best matches the (folded) quote, from matching blocks.

    ``fixed_start`` / ``fixed_end``: the span starts at ``lo`` / ends at ``hi``.
    The other end is the block boundary giving the best 2·matched / (quote + span).
    """
    window, where = _folded_map(text, lo, hi)
    if not window:
        return None
    matcher = SequenceMatcher(None, quote, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    total = [0]
    for b in blocks:
        total.append(total[-1] + b.size)
    count = len(blocks)
    firsts = [0] if fixed_start else list(range(min(count, _BLOCK_CHOICES)))
    lasts = [count - 1] if fixed_end else list(range(0 if fixed_start else max(0, count - _BLOCK_CHOICES), count))
    best: tuple[float, int, int] | None = None
    for i in firsts:
        a = 0 if fixed_start else blocks[i].b
        for k in lasts:
            if k < i:
                continue
            z = len(window) if fixed_end else blocks[k].b + blocks[k].size
            matched = total[k + 1] - total[i]
            score = 2 * matched / (len(quote) + z - a)
            if best is None or score > best[0]:
                best = (score, a, z)
    if best is None:
        return None
    _, a, z = best
    start = lo if fixed_start else where[a]
    end = hi if fixed_end else where[z - 1] + 1
    return start, end


def _paragraph(text: str, lo: int, hi: int, around: int) -> tuple[int, int]:
    """[lo, hi) cut to the paragraph holding ``around``."""
    cut = text.rfind("\n", lo, around)
    if cut != -1:
        lo = cut + 1
    cut = text.find("\n", around, hi)
    if cut != -1:
        hi = cut
    return lo, hi


def _landmarks(text: str, whole: str, piece: str, centers: Sequence[int], whole_at: int) -> list[int]:
    """Starts of ``piece`` nearest the centers, those where all of ``whole`` is (``piece`` at ``whole_at``
    in it) first."""
    hits: set[int] = set()
    for center in centers:
        hits.update(nearest(text, piece, center, _SEED_HITS, _LANDMARK_RADIUS))
    return sorted(hits, key=lambda h: (not text.startswith(whole, h - whole_at), min(abs(h - c) for c in centers), h))[
        :_SEED_HITS
    ]


def _left_landmarks(anchor: Anchor, text: str, shifts: Sequence[int]) -> list[int]:
    """Where the quote may start: just after the old prefix (or its last LANDMARK characters) found
    near the old start (or the old start moved by one of ``shifts``)."""
    prefix = anchor.prefix
    if len(prefix) < CONTEXT and text.startswith(prefix):  # the text's start is a landmark too
        return [len(prefix)]
    piece = prefix[-LANDMARK:]
    if len(piece) < LANDMARK // 2:
        return []
    centers = [anchor.start + shift - len(piece) for shift in shifts]
    return [h + len(piece) for h in _landmarks(text, prefix, piece, centers, len(prefix) - len(piece))]


def _right_landmarks(anchor: Anchor, text: str, centers: Sequence[int]) -> list[int]:
    """Where the quote may end: just before the old suffix (or its first LANDMARK characters) found
    near one of ``centers``."""
    suffix = anchor.suffix
    if len(suffix) < CONTEXT and text.endswith(suffix):
        return [len(text) - len(suffix)]
    piece = suffix[:LANDMARK]
    if len(piece) < LANDMARK // 2:
        return []
    return _landmarks(text, suffix, piece, centers, 0)


def _seed_windows(anchor: Anchor, text: str, multi: bool, shifts: Sequence[int]) -> list[tuple[int, int]]:
    """Windows where several of the quote's longest words fall together, best first."""
    words = sorted(
        ((m.start(), m.group()) for m in re.finditer(r"\S+", anchor.exact) if len(m.group()) >= 3),
        key=lambda w: -len(w[1]),
    )[:_SEED_WORDS]
    if not words:
        return []
    size = len(anchor.exact)
    found = sorted(
        {
            (h - offset, h, k)
            for k, (offset, word) in enumerate(words)
            for shift in shifts
            for h in nearest(text, word, anchor.start + shift + offset, _SEED_HITS, _WORD_RADIUS)
        }
    )
    clusters: list[tuple[int, int, int, set[int]]] = []  # first estimate, last estimate, a hit, words
    for estimate, hit, k in found:
        if clusters and estimate - clusters[-1][1] <= max(8, size // 4):
            first, _, some_hit, ks = clusters[-1]
            clusters[-1] = (first, estimate, some_hit, ks | {k})
        else:
            clusters.append((estimate, estimate, hit, {k}))
    need = min(2, len(words))
    clusters = sorted(
        (c for c in clusters if len(c[3]) >= need),
        key=lambda c: (-len(c[3]), min(abs(c[0] - anchor.start - shift) for shift in shifts)),
    )
    slack = size // 4 + 8
    windows = []
    for first, last, hit, _ in clusters[:3]:
        lo, hi = max(0, first - slack), min(len(text), last + size + slack)
        windows.append((lo, hi) if multi else _paragraph(text, lo, hi, hit))
    return windows


def fuzzy_placement(anchor: Anchor, text: str, ctx: Context, shifts: Sequence[int]) -> Placement | None:
    """The best edited version of the quote near its landmarks, or None.

    Landmarks (words) are searched within _LANDMARK_RADIUS (_WORD_RADIUS) of the old offset moved
    by each of ``shifts`` (0 first)."""
    quote = fold(anchor.exact)
    if not quote:
        return None
    size = len(anchor.exact)
    multi = "\n" in anchor.exact
    reach = size + size // 2 + LANDMARK
    best: Placement | None = None
    seen: set[tuple[int, int]] = set()

    def key(p: Placement) -> tuple[float, int]:
        return (p.ratio + 0.1 * p.support / (2 * (CONTEXT + 1)), -abs(p.start - anchor.start))

    def judge(start: int, end: int) -> bool:
        """Keep [start, end) if acceptable and better; True if acceptable."""
        nonlocal best
        start, end = _settle(text, start, end, anchor.exact)
        if end <= start or (not multi and "\n" in text[start:end]):
            return False
        if (start, end) in seen:
            return True
        ratio = _similarity(quote, text[start:end])
        support = ctx.support(text, start, end) if ratio >= MIN_RATIO else 0
        if ratio < MIN_RATIO or (
            support < MIN_SUPPORT and not (ratio >= MIN_RATIO_ALONE and len(quote) >= MIN_LENGTH_ALONE)
        ):
            return False
        seen.add((start, end))
        placement = Placement(start, end, ratio, support)
        if best is None or key(placement) > key(best):
            best = placement
        return True

    def consider(span: tuple[int, int] | None, *, free_start: bool = False, free_end: bool = False) -> None:
        """Judge a span; an end found by alignment that falls inside a word (where the old quote's
        did not) is first moved to the word's either edge."""
        if span is None:
            return
        starts = _word_edges(text, span[0]) if free_start and whole_start else [span[0]]
        ends = _word_edges(text, span[1]) if free_end and whole_end else [span[1]]
        accepted = [judge(a, z) for a in starts for z in ends if a < z]  # all judged: the best is kept
        if not any(accepted):
            judge(*span)

    whole_start = not anchor.prefix or not _wordish(anchor.prefix[-1]) or not _wordish(anchor.exact[0])
    whole_end = not anchor.suffix or not _wordish(anchor.suffix[0]) or not _wordish(anchor.exact[-1])

    lefts = _left_landmarks(anchor, text, shifts)
    rights = _right_landmarks(anchor, text, [lefts[0] + size] if lefts else [anchor.end + d for d in shifts])
    for p in lefts:  # both landmarks: the span between them
        for q in rights:
            if p < q <= p + 2 * size + LANDMARK:
                consider((p, q))
    if best is not None:
        return best
    for p in lefts:  # one landmark: align the quote after it / before it
        hi = min(len(text), p + reach)
        if not multi:
            hi = _paragraph(text, p, hi, p)[1]
        consider(_align(quote, text, p, hi, fixed_start=True), free_end=True)
    for q in rights:
        lo = max(0, q - reach)
        if not multi:
            lo = _paragraph(text, lo, q, q)[0]
        consider(_align(quote, text, lo, q, fixed_end=True), free_start=True)
    if best is not None:
        return best
    for lo, hi in _seed_windows(anchor, text, multi, shifts):  # no landmark: where its words are
        consider(_align(quote, text, lo, hi), free_start=True, free_end=True)
    return best
