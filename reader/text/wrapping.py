"""Line breaking: a paragraph's display string cut into lines of at most a width, in logical order.

Wrapping happens before reordering (UAX #9 works per line), at spaces, by
terminal cells: marks take none, wide characters two. A word wider than a
line is cut between clusters, never between a letter and its harakat, and
trailing spaces hang past the edge. The scanning is done by ``str`` methods,
so the loop runs once per line, not per word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .cells import HIDDEN, cell_width, char_cells
from .patterns import Patterns, patterns_for


def wrap(display: str, width: int, marks: bool = True, patterns: Patterns | None = None) -> list[tuple[int, int, int]]:
    """Break a display string into lines of at most ``width`` cells, at spaces, in logical order.

    Returns ``(start, end, draw_end)`` per line: the line covers [start, end)
    and draws [start, draw_end); the spaces after ``draw_end`` hang past the
    edge, as in any word processor. A word wider than a line is cut between
    clusters (never between a letter and its marks). The loop runs once per
    line, not per word: the scanning is done by ``str`` methods. ``marks``
    False promises there are no combining marks (the caller has looked);
    ``patterns`` are the searches for this text (see ``patterns_for``).
    """
    n = len(display)
    if patterns is None:
        patterns = patterns_for(display)
    if patterns.wide.search(display):
        cells = _cells_general(display)
    elif marks and patterns.marks.search(display):
        cells = _cells_marks(display, patterns.marks)
    elif HIDDEN in display:
        cells = _cells_hidden(display)
    else:
        cells = None
    lines: list[tuple[int, int, int]] = []
    start = 0
    # A paragraph that starts with a mark draws it on a dotted circle: one more cell.
    room = width - 1 if marks and patterns.lone_mark.match(display) else width
    while True:
        # The furthest end that fits in the width.
        if cells is None:
            fit = min(start + room, n)
        else:
            fit = _fit(display, start, room, cells)
        room = width
        if fit >= n:
            lines.append((start, n, _drawn_end(display, start, n)))
            return lines
        brk = display.rfind(" ", start, fit + 1)
        if brk < start:
            # No space within reach: the word is wider than a line, cut it where it stops fitting.
            cut = fit if fit > start else _next_cluster(display, start, patterns)
            lines.append((start, cut, cut))
            start = cut
            continue
        after = brk + 1
        while after < n and display[after] == " ":
            after += 1
        if cells is not None:
            # Marks (and format characters) right after the spaces belong to the
            # last space: they hang with it rather than start the next line bare.
            while after < n and (display[after] == HIDDEN or char_cells(display[after]) == 0):
                after += 1
        if after >= n:
            lines.append((start, n, _drawn_end(display, start, n)))
            return lines
        lines.append((start, after, _drawn_end(display, start, brk)))
        start = after


def _drawn_end(display: str, start: int, end: int) -> int:
    """Where the drawn part of a line ends: trailing spaces hang, and so does
    whatever draws nothing on them (a format character or a mark after a space)."""
    k = start + len(display[start:end].rstrip(" "))
    while k > start and (display[k - 1] == HIDDEN or char_cells(display[k - 1]) == 0):
        j = k - 1
        while j > start and (display[j - 1] == HIDDEN or char_cells(display[j - 1]) == 0):
            j -= 1
        if j == start or display[j - 1] != " ":
            break  # marks on a letter are drawn with it; marks that start the line on a dotted circle
        k = start + len(display[start:j].rstrip(" "))
    return k


def _cells_general(display: str) -> Callable[[int, int], int]:
    """Cells of display[a:b], any text (wide characters included)."""
    return lambda a, b: cell_width(display[a:b])


def _cells_marks(display: str, marks: re.Pattern[str]) -> Callable[[int, int], int]:
    # No wide characters: every code point is one cell but marks and hidden ones.
    return lambda a, b: b - a - display.count(HIDDEN, a, b) - len(marks.findall(display, a, b))


def _cells_hidden(display: str) -> Callable[[int, int], int]:
    # Only ligature tails and format characters draw nothing: count them.
    return lambda a, b: b - a - display.count(HIDDEN, a, b)


def _fit(display: str, start: int, width: int, cells: Callable[[int, int], int]) -> int:
    """The largest end such that display[start:end] takes at most ``width`` cells, on a cluster boundary."""
    n = len(display)
    end = min(start + width, n)
    used = cells(start, end)
    # Zero-width characters let more characters in; wide ones fewer.
    while used < width and end < n:
        step = min(width - used, n - end)
        used += cells(end, end + step)
        end += step
    while used > width:
        end -= 1
        used -= char_cells(display[end]) if display[end] != HIDDEN else 0
    # Never leave a letter's marks (or a ligature's tail) for the next line.
    while end < n and (display[end] == HIDDEN or char_cells(display[end]) == 0):
        end += 1
    return end


def _next_cluster(display: str, start: int, patterns: Patterns) -> int:
    """The end of the cluster that starts at ``start``."""
    m = patterns.cluster.match(display, start)
    return m.end() if m else start + 1
