"""Which highlights cover which cells of a visual line: the drawing plan, without any styles.

A highlight is a logical range; on screen it may light two separate pieces of
a line (Arabic with an English name inside). Each cell's cluster range comes
from the line's cell map, so a range lights exactly its own cells. The view
turns each run's key into one style.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..text.layout import VisualLine
from ..text.unidata import ANY_TEXT, cell_width
from .highlights import Span

#: In a run's key: the cursor's cell.
CURSOR = -1
Run = tuple[str, tuple[int, ...]]


def cell_strings(line: VisualLine) -> list[str]:
    """What each cell of a visual line draws (a letter with its marks; '' for a wide character's second cell)."""
    cells: list[str] = []
    for cluster in ANY_TEXT.cluster.findall(line.text):
        width = cell_width(cluster)
        if width:
            cells.append(cluster)
            cells.extend([""] * (width - 1))
    return cells


def covers_whole_line(line: VisualLine, ranges: Sequence[Span]) -> bool:
    """True when every range covers all of the line: one style for it, no cell map needed."""
    return line.end > line.start and all(a <= line.start and b >= line.end for a, b in ranges)


def cell_runs(line: VisualLine, ranges: Sequence[Span], cursor_x: int | None = None) -> list[Run] | None:
    """The line's text in runs of neighbouring cells under the same ranges, left to right.

    A run's key lists the indices into ``ranges`` that cover it, in
    ``ranges``' order, with ``CURSOR`` last on the cursor's cell (column
    ``cursor_x`` of the line's text). None if the cell map and the text
    disagree (never expected: the caller draws the line plainly then).
    """
    cells = cell_strings(line)
    spans = line.map.spans
    if len(cells) != len(spans):
        return None
    # Which ranges cover an offset changes only at their ends: one bisect a cell finds its piece.
    bounds = sorted({edge for a, b in ranges for edge in (a, b)})
    piece_keys = [
        tuple(i for i, (a, b) in enumerate(ranges) if a <= at < b) for at in [bounds[0] - 1 if bounds else 0, *bounds]
    ]
    runs: list[Run] = []
    run: list[str] = []
    run_key: tuple[int, ...] = ()
    for x, (text, (start, _)) in enumerate(zip(cells, spans)):
        if not text:
            continue
        key = piece_keys[bisect_right(bounds, start)]
        if x == cursor_x:
            key += (CURSOR,)
        if key != run_key and run:
            runs.append(("".join(run), run_key))
            run = []
        run_key = key
        run.append(text)
    if run:
        runs.append(("".join(run), run_key))
    return runs
