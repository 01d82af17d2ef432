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
   exactly (``Context.kept``); occurrences within ``TIE`` of the best go on to
   a tolerant score (up to ``MAX_EDITS`` edits each side, harakat, tatweel and
   letter variants ignored: ``Context.support``); among those within ``TIE``
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

The steps live by job: ``anchor_context`` scores a place by the context it
kept, ``anchor_exact`` finds the quote as it was (steps 2–3) and
``anchor_fuzzy`` places an edited one (step 4); this module chooses.

Offsets are code-point offsets (DESIGN.md, "Text and offsets"). No Textual here.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.annotations.anchor_context import MAX_EDITS, Context
from reader.annotations.anchor_exact import TIE, best_exact, full_context_hit
from reader.annotations.anchor_fuzzy import (
    LANDMARK,
    MIN_LENGTH_ALONE,
    MIN_RATIO,
    MIN_RATIO_ALONE,
    MIN_SUPPORT,
    fuzzy_placement,
)
from reader.annotations.model import Anchor

__all__ = [
    "LANDMARK",
    "MAX_EDITS",
    "MIN_LENGTH_ALONE",
    "MIN_RATIO",
    "MIN_RATIO_ALONE",
    "MIN_SUPPORT",
    "STRONG_CONTEXT",
    "TIE",
    "WEAK_CONTEXT",
    "reanchor",
    "reanchor_all",
]

#: An exact occurrence with less tolerant context than this gives way to a fuzzy span with at least …
WEAK_CONTEXT = 12
#: … this much.
STRONG_CONTEXT = 24


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
    ctx = Context(anchor)
    if anchor.fits(text) and ctx.full(text, anchor.start, anchor.end):
        return anchor
    hints = tuple(hints)
    shifts = (0, *dict.fromkeys(d for d in hints[:3] if d))
    for shift in hints:
        start = anchor.start + shift
        if shift and start >= 0 and text.startswith(exact, start) and ctx.full(text, start, start + size):
            return Anchor.from_text(text, start, start + size)
    hit = full_context_hit(anchor, text, ctx)
    if hit is not None:
        return Anchor.from_text(text, hit, hit + size)
    found = best_exact(anchor, text, ctx)
    if found is not None:
        start, support = found
        if support < WEAK_CONTEXT:
            placed = fuzzy_placement(anchor, text, ctx, shifts)
            if placed is not None and placed.support >= STRONG_CONTEXT and placed.start != start:
                return Anchor.from_text(text, placed.start, placed.end)
        return anchor if start == anchor.start else Anchor.from_text(text, start, start + size)
    placed = fuzzy_placement(anchor, text, ctx, shifts)
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
