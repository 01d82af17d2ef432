"""Line breaking: a paragraph's display string cut into lines of at most a width, in logical order.

Wrapping happens before reordering (UAX #9 works per line), at spaces, by
terminal cells: marks take none, wide characters two. A word wider than a
line is cut between clusters, never between a letter and its harakat, and
trailing spaces hang past the edge. The scanning is done by ``str`` methods,
so the loop runs once per line, not per word.
"""

from __future__ import annotations

from collections.abc import Callable

from .cells import HIDDEN, cell_width, char_cells
from .patterns import Patterns, patterns_for


def wrap(
    display: str, width: int, marks: bool = True, patterns: Patterns | None = None, wide: bool | None = None
) -> list[tuple[int, int, int]]:
    """Break a display string into lines of at most ``width`` cells, at spaces, in logical order.

    Returns ``(start, end, draw_end)`` per line: the line covers [start, end)
    and draws [start, draw_end); the spaces after ``draw_end`` hang past the
    edge, as in any word processor. A word wider than a line is cut between
    clusters (never between a letter and its marks). The loop runs once per
    line, not per word: the scanning is done by ``str`` methods. ``marks``
    False promises there are no combining marks (the caller has looked);
    ``patterns`` are the searches for this text (see ``patterns_for``);
    ``wide`` False promises there is no wide character.
    """
    if patterns is None:
        patterns = patterns_for(display)
    # Everything that draws nothing (marks, and what is HIDDEN already) as HIDDEN: then the cells of a
    # range are its length less a count, and "draws nothing" is one comparison.
    zero = patterns.marks.sub(HIDDEN, display) if marks and patterns.marks.search(display) else display
    if wide or (wide is None and patterns.wide.search(display)):
        fit: Fit | None = _cells_fit(display, zero)
    elif HIDDEN in zero:
        fit = _narrow_fit(zero)
    else:
        fit = None  # one cell per code point
    lone = marks and patterns.lone_mark.match(display) is not None
    return break_lines(display, zero, width, fit, lone, patterns)


#: ``fit(start, width)``: the largest end such that [start, end) takes at most ``width`` cells, on a cluster boundary.
Fit = Callable[[int, int], int]


def break_lines(
    display: str, zero: str, width: int, fit: Fit | None, lone: bool, patterns: Patterns
) -> list[tuple[int, int, int]]:
    """``wrap``'s loop, given ``zero`` (``display`` with all that draws nothing as HIDDEN) and how lines fit.

    ``fit`` None: every code point takes one cell. ``lone``: the text starts
    with a mark with no letter, drawn on a dotted circle: one more cell.
    """
    n = len(display)
    lines: list[tuple[int, int, int]] = []
    start = 0
    room = width - 1 if lone else width
    while True:
        # The furthest end that fits in the width.
        end = min(start + room, n) if fit is None else fit(start, room)
        room = width
        if end >= n:
            lines.append((start, n, _drawn_end(display, zero, start, n)))
            return lines
        brk = display.rfind(" ", start, end + 1)
        if brk < start:
            # No space within reach: the word is wider than a line, cut it where it stops fitting.
            cut = end if end > start else _next_cluster(display, start, patterns)
            lines.append((start, cut, cut))
            start = cut
            continue
        after = brk + 1
        while after < n and display[after] == " ":
            after += 1
        # Marks (and format characters) right after the spaces belong to the last space: they hang with
        # it rather than start the next line bare.
        while after < n and zero[after] == HIDDEN:
            after += 1
        if after >= n:
            lines.append((start, n, _drawn_end(display, zero, start, n)))
            return lines
        lines.append((start, after, _drawn_end(display, zero, start, brk)))
        start = after


def _drawn_end(display: str, zero: str, start: int, end: int) -> int:
    """Where the drawn part of a line ends: trailing spaces hang, and so does
    whatever draws nothing on them (a format character or a mark after a space)."""
    k = start + len(display[start:end].rstrip(" "))
    while k > start and zero[k - 1] == HIDDEN:
        j = k - 1
        while j > start and zero[j - 1] == HIDDEN:
            j -= 1
        if j == start or display[j - 1] != " ":
            break  # marks on a letter are drawn with it; marks that start the line on a dotted circle
        k = start + len(display[start:j].rstrip(" "))
    return k


def _narrow_fit(zero: str) -> Fit:
    """How lines fit when no character is wide: a range's cells are its length less its HIDDEN ones."""
    n = len(zero)

    def fit(start: int, width: int) -> int:
        end = min(start + width, n)
        used = end - start - zero.count(HIDDEN, start, end)
        # Characters that draw nothing let more characters in (each of the others takes one cell, so
        # ``used`` never passes ``width``).
        while used < width and end < n:
            step = min(width - used, n - end)
            used += step - zero.count(HIDDEN, end, end + step)
            end += step
        # Never leave a letter's marks (or a ligature's tail) for the next line.
        while end < n and zero[end] == HIDDEN:
            end += 1
        return end

    return fit


def _cells_fit(display: str, zero: str) -> Fit:
    """How lines fit in any text (wide characters included): cells counted by ``cell_width``."""
    n = len(display)

    def fit(start: int, width: int) -> int:
        end = min(start + width, n)
        used = cell_width(display[start:end])
        # Zero-width characters let more characters in; wide ones fewer.
        while used < width and end < n:
            step = min(width - used, n - end)
            used += cell_width(display[end : end + step])
            end += step
        while used > width:
            end -= 1
            used -= char_cells(display[end]) if display[end] != HIDDEN else 0
        # Never leave a letter's marks (or a ligature's tail) for the next line.
        while end < n and zero[end] == HIDDEN:
            end += 1
        return end

    return fit


def _next_cluster(display: str, start: int, patterns: Patterns) -> int:
    """The end of the cluster that starts at ``start``."""
    m = patterns.cluster.match(display, start)
    return m.end() if m else start + 1
