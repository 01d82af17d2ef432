"""Finding a claim's quote as it was: with all its old context, or the occurrence that kept most of it.

The cheap, sure steps of re-anchoring (see ``anchor``): the quote with its
prefix and suffix, searched in windows that grow around the old offset, then
every occurrence of the quote scored by the context it kept. Both work on
plain ``str.find``, so an insertion of n characters costs a search of about
4n characters, not of the whole article.
"""

from __future__ import annotations

import heapq

from reader.annotations.anchor_context import Context
from reader.annotations.model import CONTEXT, Anchor

#: Context scores this close to the best count as equally good (then the nearest wins).
TIE = 3

_MAX_OCCURRENCES = 10_000  # exact quotes scored, the nearest ones, when a quote is everywhere
_MAX_TIED = 256  # occurrences given the tolerant score after a tie
RADII = (64, 1024, 16_384, 262_144)  # search windows around the old offset, then the whole text


def nearest(text: str, needle: str, center: int, limit: int, reach: int | None = None) -> list[int]:
    """Up to ``limit`` starts of ``needle`` nearest ``center`` (and no farther than ``reach``), nearest first.

    Searches windows growing around ``center``; every hit in the first window
    that has one is nearer than anything outside it.
    """
    n, m = len(text), len(needle)
    if m == 0 or m > n:
        return []
    center = min(max(center, 0), n - m)
    radii = (*RADII, n) if reach is None else (*(r for r in RADII if r < reach), reach)
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


def full_context_hit(anchor: Anchor, text: str, ctx: Context) -> int | None:
    """The start of the quote, with all its old context around it, nearest the old start."""
    exact, prefix, suffix = anchor.exact, anchor.prefix, anchor.suffix
    if len(prefix) < CONTEXT:  # the quote was near the text's start: it can only be as near again
        start = len(prefix)
    elif len(suffix) < CONTEXT:  # … near its end
        start = len(text) - len(suffix) - len(exact)
    else:  # near the old offset only: farther, _best_exact finds it among all the quote's occurrences
        hits = nearest(text, prefix + exact + suffix, anchor.start - len(prefix), 1, RADII[-1])
        return hits[0] + len(prefix) if hits else None
    end = start + len(exact)
    if start >= 0 and end <= len(text) and text.startswith(exact, start) and ctx.full(text, start, end):
        return start
    return None


def best_exact(anchor: Anchor, text: str, ctx: Context) -> tuple[int, int] | None:
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
