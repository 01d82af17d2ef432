"""Right or reversed: which reference photograph a terminal's text rows are nearest to.

Terminals draw the same glyphs at slightly different places and weights, and a wrong terminal may also move
a line's padding to the other side (mlterm), so pixels are not compared as they are. Each grid is scaled to
8×16 pixels a cell; each cell's ink is what stands out from that cell's own background (its median grey);
each text row is cut to its ink's extent and blurred sideways. Two rows are then compared as ink masks,
aligned at their left and at their right ends (the nearer counts): 0 is the same picture, 1 no ink in
common. A terminal's distance to a reference is the mean over the rows where the right reference differs
from every wrong one (the article's Arabic lines, not the Latin footer); each such row also casts a vote.

The references, all from xterm (which does no bidi of its own): qari as it is (right); qari's text in
logical order, as `qari --bidi terminal` sends it (what a terminal that reorders nothing shows; wrong);
the right picture with each row's cells put in reverse order (what a terminal shows that reorders
qari's already ordered line once more: Konsole, qterminal, mlterm; wrong); and the right picture with each
word's cells reversed where the word stands (kitty; wrong).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xscreen import CELL

CW, CH = CELL
BLUR = 3  # pixels either way: terminals draw the same glyph a pixel or two apart
INK = 48  # grey levels from the cell's background that count as ink
SCROLLBAR = 2  # the last cells of a row hold qari's scroll bar, not text
Mask = list[list[int]]  # CH lines of 0/1 per row


@dataclass(frozen=True)
class Grid:
    """A photographed cell grid as ink: one CH-line mask per text row (None where a row has no ink)."""

    rows: list[Mask | None]
    raw: list[list[list[int]]]  # per row, the ink lines, uncut (for building the reversed reference)


def ink(grey: bytes, cols: int, rows: int) -> list[list[list[int]]]:
    """Per row, CH lines of 0/1 over cols×CW pixels: ink where a pixel differs from its cell's median."""
    width = cols * CW
    out = []
    for r in range(rows):
        lines = [[0] * width for _ in range(CH)]
        for c in range(cols - SCROLLBAR):
            cell = [grey[(r * CH + y) * width + c * CW + x] for y in range(CH) for x in range(CW)]
            bg = sorted(cell)[len(cell) // 2]
            for y in range(CH):
                for x in range(CW):
                    if abs(cell[y * CW + x] - bg) > INK:
                        lines[y][c * CW + x] = 1
        out.append(lines)
    return out


def crop(lines: list[list[int]]) -> Mask | None:
    """Cut a row to its ink's extent, blurred over BLUR pixels either way; None for a row with (almost) no ink."""
    cols = [x for x in range(len(lines[0])) if any(line[x] for line in lines)]
    if len(cols) < 3 * CW:
        return None
    left, right = cols[0], cols[-1] + 1
    pad = [0] * BLUR
    out = []
    for line in lines:
        run = pad + line[left:right] + pad
        out.append([sum(run[x : x + 2 * BLUR + 1]) for x in range(right - left)])
    return out


def grid(grey: bytes, cols: int, rows: int) -> Grid:
    """A grey grid raster (from xscreen.grey_grid) as cut ink rows."""
    raw = ink(grey, cols, rows)
    return Grid([crop(lines) for lines in raw], raw)


def _reorder(g: Grid, order: Callable[[list[bool]], list[int]]) -> Grid:
    """The same rows with their cells moved by order (which maps a row's inked-cell flags to cell indices)."""
    raw = []
    for lines in g.raw:
        ncells = len(lines[0]) // CW
        inked = [any(any(line[c * CW : (c + 1) * CW]) for line in lines) for c in range(ncells)]
        cells = order(inked)
        raw.append([[px for c in cells for px in line[c * CW : (c + 1) * CW]] for line in lines])
    return Grid([crop(lines) for lines in raw], raw)


def _words_reversed(inked: list[bool]) -> list[int]:
    """Each run of inked cells (a word) reversed in its place."""
    order: list[int] = []
    start = 0
    for c in range(len(inked) + 1):
        if c == len(inked) or not inked[c]:
            order.extend(reversed(range(start, c)))
            if c < len(inked):
                order.append(c)
            start = c + 1
    return order


def cells_reversed(g: Grid) -> Grid:
    """Each row's cells in reverse order, each glyph kept as drawn: qari's line reordered once more."""
    return _reorder(g, lambda inked: list(reversed(range(len(inked)))))


def words_reversed(g: Grid) -> Grid:
    """Each word's cells in reverse order, words in their places: a terminal reversing runs where they stand."""
    return _reorder(g, _words_reversed)


def _l1(a: Mask, b: Mask) -> float:
    """The L1 difference over the total ink of two masks of one width."""
    diff = total = 0
    for la, lb in zip(a, b):
        for p, q in zip(la, lb):
            diff += abs(p - q)
            total += p + q
    return diff / total if total else 0.0


def row_distance(a: Mask, b: Mask) -> float:
    """0 for the same ink, 1 for none in common; rows of unequal length are tried aligned left and right."""
    n = max(len(a[0]), len(b[0]))
    left = _l1([line + [0] * (n - len(line)) for line in a], [line + [0] * (n - len(line)) for line in b])
    right = _l1([[0] * (n - len(line)) + line for line in a], [[0] * (n - len(line)) + line for line in b])
    return min(left, right)


def informative_rows(right: Grid, wrongs: list[Grid], least: float = 0.3) -> list[int]:
    """The rows where the right reference differs from every wrong one: lines whose order can be seen."""
    rows = []
    for r, mask in enumerate(right.rows):
        others = [w.rows[r] for w in wrongs]
        if mask is None or any(o is None for o in others):
            continue
        if all(row_distance(mask, o) >= least for o in others if o is not None):
            rows.append(r)
    return rows


def distance(shot: Grid, ref: Grid, rows: list[int]) -> float:
    """The mean row distance over the given rows."""
    return sum(_row(shot, ref, r) for r in rows) / len(rows) if rows else 1.0


@dataclass(frozen=True)
class Verdict:
    """Right when the picture is nearer the right reference than to any wrong one; margin = wrong/right."""

    right: float
    wrong: dict[str, float]
    votes: int  # rows nearer the right reference than to every wrong one
    rows: int

    @property
    def ok(self) -> bool:
        """Nearer to right than to every wrong reference."""
        return self.right < min(self.wrong.values())

    @property
    def margin(self) -> float:
        """How many times nearer the winning side is (≥ 1; near 1 would be a coin toss)."""
        near_wrong = min(self.wrong.values())
        low, high = sorted((self.right, near_wrong))
        return high / low if low else float("inf")


def _row(shot: Grid, ref: Grid, r: int) -> float:
    """One row's distance (a row missing on either side counts as 1)."""
    a, b = shot.rows[r], ref.rows[r]
    return 1.0 if a is None or b is None else row_distance(a, b)


def judge(shot: Grid, right: Grid, wrongs: dict[str, Grid], rows: list[int]) -> Verdict:
    """The distances from a photographed grid to the right and to each wrong reference, and the rows' votes."""
    votes = sum(_row(shot, right, r) < min(_row(shot, w, r) for w in wrongs.values()) for r in rows)
    return Verdict(
        distance(shot, right, rows), {name: distance(shot, g, rows) for name, g in wrongs.items()}, votes, len(rows)
    )
