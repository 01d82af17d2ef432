"""Claims, suggestions and search matches: offset ranges found by the rows they touch.

Every row drawn asks which ranges touch it, so that must not cost the number
of ranges: each kind is kept sorted by start with the length of its longest
range (its "reach"), and a row looks back from its own start only that far.
The answer for one row is a tuple of *marks*, which is also the row's part
of the view's strip-cache key: a row no highlight touches has none.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..annotations.model import Claim
from ..text.search import FoldedText

#: Characters; claims longer than this (a paragraph or more) are few and always looked at (see ClaimIndex).
LONG_CLAIM = 2_000

Span = tuple[int, int]
#: ("cursor", offset), ("selection", start, end), ("claim", start, end, status), ("suggestion", start, end)
#: or ("match", start, end).
Mark = tuple[object, ...]


def step_index(starts: Sequence[int], here: int, step: int) -> int:
    """The index of the first start after ``here`` (step > 0) or the last one before it, wrapping around."""
    if step > 0:
        return bisect_right(starts, here) % len(starts)
    return (bisect_left(starts, here) - 1) % len(starts)


@dataclass(frozen=True, slots=True)
class SpanIndex:
    """Offset ranges in reading order (they may overlap), with the way to the ones a row touches."""

    spans: list[Span]
    starts: list[int]
    reach: int  # the longest range: how far back from a row a range covering it may start

    @classmethod
    def of(cls, spans: Iterable[Span]) -> SpanIndex:
        ordered = sorted(spans)
        return cls(ordered, [start for start, _ in ordered], max((end - start for start, end in ordered), default=0))

    def touching(self, start: int, end: int) -> list[Span]:
        """The ranges that overlap [start, end), by start."""
        low = bisect_left(self.starts, start - self.reach)
        return [span for span in self.spans[low : bisect_left(self.starts, end)] if span[1] > start]


EMPTY = SpanIndex.of(())


class ClaimIndex:
    """Claims in reading order, found by offset or by row.

    Claims up to ``LONG_CLAIM`` characters are found by looking back from a
    row only as far as the longest of them; the few longer ones are kept
    apart and always looked at, so one long claim does not make every row
    look back across the whole article.
    """

    __slots__ = ("_long", "_short", "_short_reach", "_short_starts", "claims", "starts")

    def __init__(self, claims: Iterable[Claim] = ()) -> None:
        self.claims = sorted(claims, key=lambda claim: (claim.anchor.start, claim.anchor.end))
        self.starts = [claim.anchor.start for claim in self.claims]
        self._long = [c for c in self.claims if c.anchor.end - c.anchor.start > LONG_CLAIM]
        self._short = [c for c in self.claims if c.anchor.end - c.anchor.start <= LONG_CLAIM]
        self._short_starts = [claim.anchor.start for claim in self._short]
        self._short_reach = max((c.anchor.end - c.anchor.start for c in self._short), default=0)

    def near(self, start: int, end: int) -> list[Claim]:
        """Claims that may touch [start, end]: long ones first, then short ones by start (inner drawn last)."""
        low = bisect_left(self._short_starts, start - self._short_reach)
        return [*self._long, *self._short[low : bisect_right(self._short_starts, end)]]

    def at(self, offset: int) -> Claim | None:
        """The innermost claim covering ``offset``, if any (an empty claim covers its own offset)."""
        found = None
        for claim in self.near(offset, offset):
            if claim.anchor.start <= offset < claim.anchor.end or (offset == claim.anchor.end == claim.anchor.start):
                if found is None or claim.anchor.end - claim.anchor.start <= found.anchor.end - found.anchor.start:
                    found = claim
        return found


class Search:
    """A query and its matches in the article, Arabic-normalised (harakat ignored, أ إ آ ا alike…)."""

    __slots__ = ("_folded", "_text", "matches", "query")

    def __init__(self, text: Callable[[], str]) -> None:
        self._text = text  # asked for at the first search
        self._folded: FoldedText | None = None  # the text in search form, made at the first search
        self.query = ""
        self.matches = EMPTY

    def set(self, query: str) -> int:
        """Search for ``query`` (blank: no search); returns the number of matches."""
        self.query = query
        if query.strip():
            if self._folded is None:
                self._folded = FoldedText.of(self._text())
            self.matches = SpanIndex.of(self._folded.find_all(query))
        else:
            self.matches = EMPTY
        return len(self.matches.spans)

    def next_from(self, cursor: int, selection: Span | None, step: int) -> Span | None:
        """The match after (or before) the selection or the cursor, wrapping around; None with no match.

        A cursor right at a match's start (no selection) goes to that match:
        it is the one the reader is looking at.
        """
        starts = self.matches.starts
        if not starts:
            return None
        here = selection[0] if selection else cursor
        index = step_index(starts, here, step)
        if step > 0 and not selection:
            at = bisect_left(starts, cursor)
            if at < len(starts) and starts[at] == cursor:
                index = at
        return self.matches.spans[index]

    def position_of(self, selection: Span | None) -> int | None:
        """Which match (1-based) ``selection`` is, for "3/7"; None when it is not one."""
        if selection is None:
            return None
        starts = self.matches.starts
        at = bisect_left(starts, selection[0])
        if at < len(starts) and self.matches.spans[at] == selection:
            return at + 1
        return None


def marks_on(
    start: int,
    end: int,
    cursor: int | None,
    selection: Span | None,
    claims: ClaimIndex,
    suggestions: SpanIndex,
    matches: SpanIndex,
) -> tuple[Mark, ...]:
    """What is highlighted on the row that covers [start, end] (``cursor`` None: the cursor is not drawn).

    Empty for most rows; otherwise it says everything that changes how the
    row is drawn, so it can key a cache of drawn rows.
    """
    marks: list[Mark] = []
    if cursor is not None and start <= cursor <= end:
        marks.append(("cursor", cursor))
    if selection and selection[0] < end and selection[1] > start:
        marks.append(("selection", *selection))
    if claims.claims:
        for claim in claims.near(start, end - 1):
            if claim.anchor.end > start and claim.anchor.start < end:
                marks.append(("claim", claim.anchor.start, claim.anchor.end, claim.status))
    for kind, spans in (("suggestion", suggestions), ("match", matches)):
        if spans.spans:
            marks.extend((kind, *span) for span in spans.touching(start, end))
    return tuple(marks)


def layers(marks: Iterable[Mark]) -> tuple[list[tuple[str, Span]], bool]:
    """A row's marks as (name, range) in drawing order, and whether the cursor is on the row.

    Claims and suggestions come first, so the selection and search matches
    are drawn over them; a claim's name carries its status ("claim-false").
    """
    below: list[tuple[str, Span]] = []
    above: list[tuple[str, Span]] = []
    has_cursor = False
    for mark in marks:
        kind = mark[0]
        if kind == "cursor":
            has_cursor = True
            continue
        span: Span = (mark[1], mark[2])  # type: ignore[assignment]
        if kind == "claim":
            below.append((f"claim-{mark[3]}", span))
        else:
            (below if kind == "suggestion" else above).append((str(kind), span))
    return below + above, has_cursor
