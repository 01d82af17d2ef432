"""Re-anchoring: find a claim's quote again after the article's text changed.

DESIGN.md ("Annotations"): when an article's sha differs from the one saved with
its annotations, each claim is placed again: the exact quote nearest its old
offset, else a fuzzy match on quote + prefix + suffix. A claim that cannot be
placed is an orphan (``None`` here): the caller lists it, never drops it.

``reanchor`` tries, cheapest and surest first:

1. The quote is still at its offsets with all its context: the anchor itself.
2. Prefix + quote + suffix occur together: the occurrence nearest the old
   offset, searched in windows that grow around it (so an insertion or
   deletion of n characters costs a search of about 4n characters, not of the
   whole article; beyond 256 K characters step 3 finds it). ``reanchor_all``
   first tries the shifts of the claims placed just before (a claim with all
   its context there is taken at once).
3. The quote occurs, but its context was edited: every occurrence is scored by
   the context it kept. First by the characters next to it that still agree
   exactly (``_Context.kept``); occurrences within ``TIE`` of the best go on to
   a tolerant score (up to ``MAX_EDITS`` edits each side, harakat, tatweel and
   letter variants ignored: ``_Context.support``); among those within ``TIE``
   of the best, the nearest to the old offset wins. If the winner kept almost
   no context (``WEAK_CONTEXT``), a fuzzy placement with a strong context
   (``STRONG_CONTEXT``) is preferred: the quote was edited in place and its old
   wording happens to occur elsewhere.
4. Fuzzy: the quote itself was edited. Landmarks first: the old prefix (or its
   last ``LANDMARK`` characters) and the old suffix (or its first ones) are
   searched near the old offset; a prefix hit and a suffix hit give the span
   between them; one of them alone fixes one end, and the other end comes from
   aligning the quote (``difflib.SequenceMatcher``) in a window no longer than
   about 1.5 quotes. With no landmark, the quote's longest words are searched
   near the old offset and the windows where several of them fall together are
   aligned. A span is accepted when its similarity to the old quote (harakat,
   tatweel and letter variants folded as search folds them) is at least
   ``MIN_RATIO`` and the context supports it (``MIN_SUPPORT`` characters), or,
   for a quote of ``MIN_LENGTH_ALONE`` letters or more, at least
   ``MIN_RATIO_ALONE`` without context. A span never crosses a paragraph
   boundary ("\\n") unless the old quote did, never splits a letter from its
   harakat, and never starts or ends with white space the old quote did not
   have.

Offsets are code-point offsets (DESIGN.md, "Text and offsets"). No Textual here.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from reader.annotations.model import CONTEXT, Anchor
from reader.text.search import fold

__all__ = [
    "LANDMARK", "MAX_EDITS", "MIN_LENGTH_ALONE", "MIN_RATIO", "MIN_RATIO_ALONE", "MIN_SUPPORT",
    "STRONG_CONTEXT", "TIE", "WEAK_CONTEXT", "reanchor", "reanchor_all",
]

#: Fuzzy: the least similarity of the new span to the old quote (folded), with context support.
MIN_RATIO = 0.75
#: Fuzzy: the least similarity when the context gives no support …
MIN_RATIO_ALONE = 0.9
#: … and the least length (folded letters) of a quote placed without context.
MIN_LENGTH_ALONE = 20
#: Context characters (tolerant score, both sides) that count as support for a fuzzy span.
MIN_SUPPORT = 8
#: An exact occurrence with less tolerant context than this gives way to a fuzzy span with at least …
WEAK_CONTEXT = 12
#: … this much.
STRONG_CONTEXT = 24
#: Context scores this close to the best count as equally good (then the nearest wins).
TIE = 3
#: Edits allowed on each side by the tolerant context score.
MAX_EDITS = 2
#: Characters of the prefix's end / suffix's start searched when the whole prefix / suffix is not found.
LANDMARK = 16

_MAX_OCCURRENCES = 10_000  # exact quotes scored, the nearest ones, when a quote is everywhere
_MAX_TIED = 256  # occurrences given the tolerant score after a tie
_RADII = (64, 1024, 16_384, 262_144)  # search windows around the old offset, then the whole text
_LANDMARK_RADIUS = 65_536  # landmarks of an edited quote: only this near its old offset (moved by a hint)
_WORD_RADIUS = 16_384  # the words of an edited quote without landmarks: only this near
_EDGE = "\uffff"  # stands for the start or end of the text in a side of context
_SEED_WORDS = 4  # longest words of a quote searched when no landmark is found
_SEED_HITS = 4  # nearest hits kept per word / landmark
_BLOCK_CHOICES = 16  # matching blocks tried as the first / last of a free alignment


# --- Folding -------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
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
    return unicodedata.category(ch) == "Mn"


# --- Context -------------------------------------------------------------------


def _before(text: str, start: int) -> str:
    """The context before ``start``, read outwards (nearest character first); _EDGE for the text's start."""
    side = text[max(0, start - CONTEXT):start][::-1]
    return side + _EDGE if start < CONTEXT else side


def _after(text: str, end: int) -> str:
    """The context after ``end``, read outwards; _EDGE for the text's end."""
    side = text[end:end + CONTEXT]
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


class _Context:
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
        return (_side(_run(self.before, _before(text, start)), self.before)
                + _side(_run(self.after, _after(text, end)), self.after))

    def support(self, text: str, start: int, end: int) -> int:
        """Like ``kept``, folded and allowing a few edits each side."""
        return (_side(_tolerant(self.before_folded, fold(_before(text, start))), self.before_folded)
                + _side(_tolerant(self.after_folded, fold(_after(text, end))), self.after_folded))


# --- Searching -----------------------------------------------------------------


def _nearest(text: str, needle: str, center: int, limit: int, reach: int | None = None) -> list[int]:
    """Up to ``limit`` starts of ``needle`` nearest ``center`` (and no farther than ``reach``), nearest first.

    Searches windows growing around ``center``; every hit in the first window
    that has one is nearer than anything outside it.
    """
    n, m = len(text), len(needle)
    if m == 0 or m > n:
        return []
    center = min(max(center, 0), n - m)
    radii = (*_RADII, n) if reach is None else (*(r for r in _RADII if r < reach), reach)
    for radius in radii:
        lo, hi = max(0, center - radius), min(n, center + radius + m)
        hits = []
        at = text.find(needle, lo, hi)
        while at != -1:
            hits.append(at)
            at = text.find(needle, at + 1, hi)
        if hits:
            return heapq.nsmallest(limit, hits, key=lambda h: (abs(h - center), h))
        if lo == 0 and hi == n:
            break
    return []


def _occurrences(text: str, needle: str, center: int) -> list[int]:
    """Every start of ``needle`` (the _MAX_OCCURRENCES nearest ``center`` when there are more)."""
    hits = []
    at = text.find(needle)
    while at != -1:
        hits.append(at)
        at = text.find(needle, at + 1)
    if len(hits) > _MAX_OCCURRENCES:
        hits = heapq.nsmallest(_MAX_OCCURRENCES, hits, key=lambda h: (abs(h - center), h))
    return hits


def _full_context_hit(anchor: Anchor, text: str, ctx: _Context) -> int | None:
    """The start of the quote, with all its old context around it, nearest the old start."""
    exact, prefix, suffix = anchor.exact, anchor.prefix, anchor.suffix
    if len(prefix) < CONTEXT:  # the quote was near the text's start: it can only be as near again
        start = len(prefix)
    elif len(suffix) < CONTEXT:  # … near its end
        start = len(text) - len(suffix) - len(exact)
    else:  # near the old offset only: farther, _best_exact finds it among all the quote's occurrences
        hits = _nearest(text, prefix + exact + suffix, anchor.start - len(prefix), 1, _RADII[-1])
        return hits[0] + len(prefix) if hits else None
    end = start + len(exact)
    if 0 <= start and end <= len(text) and text.startswith(exact, start) and ctx.full(text, start, end):
        return start
    return None


def _best_exact(anchor: Anchor, text: str, ctx: _Context) -> tuple[int, int] | None:
    """The occurrence of the quote whose context agrees best, nearest the old start on a tie,
    and its tolerant context score. One with all its old context wins outright."""
    size = len(anchor.exact)
    hits = _occurrences(text, anchor.exact, anchor.start)
    if not hits:
        return None
    kept = [(ctx.kept(text, h, h + size), h) for h in hits]
    best = max(k for k, _ in kept)
    hits = sorted((h for k, h in kept if k >= best - TIE), key=lambda h: (abs(h - anchor.start), h))
    if best == 2 * (CONTEXT + 1):  # all the old context: the nearest of those
        start = min((h for k, h in kept if k == best), key=lambda h: (abs(h - anchor.start), h))
        return start, ctx.support(text, start, start + size)
    if len(hits) == 1:
        return hits[0], ctx.support(text, hits[0], hits[0] + size)
    scored = [(ctx.support(text, h, h + size), h) for h in hits[:_MAX_TIED]]
    best = max(s for s, _ in scored)
    return next((h, s) for s, h in scored if s >= best - TIE)


# --- Fuzzy placement -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Placement:
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


def _align(quote: str, text: str, lo: int, hi: int, *, fixed_start: bool = False,
           fixed_end: bool = False) -> tuple[int, int] | None:
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
        hits.update(_nearest(text, piece, center, _SEED_HITS, _LANDMARK_RADIUS))
    return sorted(hits, key=lambda h: (not text.startswith(whole, h - whole_at),
                                       min(abs(h - c) for c in centers), h))[:_SEED_HITS]


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
    words = sorted(((m.start(), m.group()) for m in re.finditer(r"\S+", anchor.exact) if len(m.group()) >= 3),
                   key=lambda w: -len(w[1]))[:_SEED_WORDS]
    if not words:
        return []
    size = len(anchor.exact)
    found = sorted({(h - offset, h, k) for k, (offset, word) in enumerate(words) for shift in shifts
                    for h in _nearest(text, word, anchor.start + shift + offset, _SEED_HITS, _WORD_RADIUS)})
    clusters: list[tuple[int, int, int, set[int]]] = []  # first estimate, last estimate, a hit, words
    for estimate, hit, k in found:
        if clusters and estimate - clusters[-1][1] <= max(8, size // 4):
            first, _, some_hit, ks = clusters[-1]
            clusters[-1] = (first, estimate, some_hit, ks | {k})
        else:
            clusters.append((estimate, estimate, hit, {k}))
    need = min(2, len(words))
    clusters = sorted((c for c in clusters if len(c[3]) >= need),
                      key=lambda c: (-len(c[3]), min(abs(c[0] - anchor.start - shift) for shift in shifts)))
    slack = size // 4 + 8
    windows = []
    for first, last, hit, _ in clusters[:3]:
        lo, hi = max(0, first - slack), min(len(text), last + size + slack)
        windows.append((lo, hi) if multi else _paragraph(text, lo, hi, hit))
    return windows


def _fuzzy(anchor: Anchor, text: str, ctx: _Context, shifts: Sequence[int]) -> _Placement | None:
    """The best edited version of the quote near its landmarks, or None.

    Landmarks (words) are searched within _LANDMARK_RADIUS (_WORD_RADIUS) of the old offset moved
    by each of ``shifts`` (0 first)."""
    quote = fold(anchor.exact)
    if not quote:
        return None
    size = len(anchor.exact)
    multi = "\n" in anchor.exact
    reach = size + size // 2 + LANDMARK
    best: _Placement | None = None
    seen: set[tuple[int, int]] = set()

    def key(p: _Placement) -> tuple[float, int]:
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
        if ratio < MIN_RATIO or (support < MIN_SUPPORT
                                 and not (ratio >= MIN_RATIO_ALONE and len(quote) >= MIN_LENGTH_ALONE)):
            return False
        seen.add((start, end))
        placement = _Placement(start, end, ratio, support)
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


# --- Public --------------------------------------------------------------------


def reanchor(anchor: Anchor, text: str, *, hints: Iterable[int] = ()) -> Anchor | None:
    """``anchor`` placed again in ``text`` (the article's new text), or None for an orphan.

    Returns ``anchor`` itself when the quote is still where it was (and no other
    occurrence has clearly more of its old context), else a new anchor built
    from ``text``. ``hints``: shifts (new start − old start) to try first, e.g.
    those of the claims before this one; a shift is taken only where the quote
    has all its old context. See the module's docstring for the rules.
    """
    exact = anchor.exact
    if not exact:  # an empty quote is a point: only its offset can be checked
        return anchor if anchor.start <= len(text) else None
    size = len(exact)
    ctx = _Context(anchor)
    if anchor.fits(text) and ctx.full(text, anchor.start, anchor.end):
        return anchor
    hints = tuple(hints)
    shifts = (0, *dict.fromkeys(d for d in hints[:3] if d))
    for shift in hints:
        start = anchor.start + shift
        if shift and start >= 0 and text.startswith(exact, start) and ctx.full(text, start, start + size):
            return Anchor.from_text(text, start, start + size)
    start = _full_context_hit(anchor, text, ctx)
    if start is not None:
        return Anchor.from_text(text, start, start + size)
    found = _best_exact(anchor, text, ctx)
    if found is not None:
        start, support = found
        if support < WEAK_CONTEXT:
            placed = _fuzzy(anchor, text, ctx, shifts)
            if placed is not None and placed.support >= STRONG_CONTEXT and placed.start != start:
                return Anchor.from_text(text, placed.start, placed.end)
        return anchor if start == anchor.start else Anchor.from_text(text, start, start + size)
    placed = _fuzzy(anchor, text, ctx, shifts)
    return None if placed is None else Anchor.from_text(text, placed.start, placed.end)


def reanchor_all(anchors: Iterable[Anchor], text: str) -> list[Anchor | None]:
    """``reanchor`` for each anchor (same order), in the order of their old starts, each using the
    shifts of the last few placed before it as hints: after one insertion near the top of a long
    article most claims are then found without searching."""
    todo = list(anchors)
    placed: list[Anchor | None] = [None] * len(todo)
    shifts: list[int] = []
    for i in sorted(range(len(todo)), key=lambda i: todo[i].start):
        old = todo[i]
        new = placed[i] = reanchor(old, text, hints=shifts)
        if new is not None and new.start != old.start:
            shift = new.start - old.start
            if shift in shifts:
                shifts.remove(shift)
            shifts.insert(0, shift)
            del shifts[4:]
    return placed
