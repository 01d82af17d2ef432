"""What the layout hands out: a paragraph's visual lines and their cell maps, and the options.

A ``VisualLine`` carries its visual string at once (that is what ``qari
render`` and the screen need) and builds its ``CellMap`` only when asked
(cursor, selection, clicks and highlights need it for the lines on screen),
from the paragraph's shared layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .cells import cell_width

if TYPE_CHECKING:
    from .paragraph_layout import ParagraphLayout

BidiMode = Literal["app", "terminal"]
Direction = Literal["rtl", "ltr"]

MIN_WIDTH = 2


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """Everything besides the text that changes how an article is laid out."""

    width: int = 80
    bidi: BidiMode = "app"
    harakat: bool = True
    direction: Direction | None = None  # None: from the first strong character

    def __post_init__(self) -> None:
        if self.width < MIN_WIDTH:
            raise ValueError(f"width must be at least {MIN_WIDTH}, got {self.width}")


@dataclass(frozen=True, slots=True)
class CellMap:
    """Which logical offsets each cell of a visual line draws.

    ``cells[x]`` is the first offset of the cluster drawn in cell ``x``
    (a letter with its marks, a lam-alef ligature, both cells of a wide
    character); ``spans[x]`` is that cluster's ``(start, end)`` range.
    """

    cells: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]
    rtl: bool
    start: int
    end: int

    def offset_at(self, x: int) -> int:
        """The logical offset drawn at cell ``x``; past either end, the line's nearest edge offset."""
        if not self.cells:
            return self.start
        if x < 0:
            return self.end if self.rtl else self.start
        if x >= len(self.cells):
            return self.start if self.rtl else self.end
        return self.cells[x]

    def cell_of(self, offset: int) -> int:
        """The cell that draws ``offset`` (its cluster's cell for marks and ligature tails).

        Offsets that draw nothing at the end of the line (hanging spaces, the
        line end itself) map just past the text in reading direction: -1 for
        a right-to-left line, ``len(cells)`` for a left-to-right one.
        """
        for x, (a, b) in enumerate(self.spans):
            if a <= offset < b:
                return x
        if self.rtl:
            return -1 if offset >= self._last_drawn() else len(self.cells)
        return len(self.cells) if offset >= self._last_drawn() else -1

    def _last_drawn(self) -> int:
        """The end of the last cluster drawn (the line's start when nothing is)."""
        return max((b for _, b in self.spans), default=self.start)


class VisualLine:
    """One terminal line of a paragraph: the logical range it covers and what it draws."""

    __slots__ = ("_draw_end", "_layout", "_map", "end", "paragraph", "rtl", "start", "text")

    def __init__(
        self, paragraph: int, start: int, end: int, rtl: bool, text: str, layout: ParagraphLayout | None, draw_end: int
    ) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.rtl = rtl
        self.text = text
        self._layout = layout
        self._draw_end = draw_end
        self._map: CellMap | None = None

    @property
    def direction(self) -> Direction:
        """``"rtl"`` or ``"ltr"``: the paragraph's direction."""
        return "rtl" if self.rtl else "ltr"

    @property
    def cell_length(self) -> int:
        """Terminal cells the visual string takes."""
        return cell_width(self.text)

    @property
    def draw_end(self) -> int:
        """Where the drawn part ends: the spaces after it (up to ``end``) hang past the edge."""
        return self._draw_end

    @property
    def map(self) -> CellMap:
        """The cell map, built on first use."""
        if self._map is None:
            if self._layout is None:
                self._map = CellMap((), (), self.rtl, self.start, self.end)
            else:
                self._map = self._layout.cell_map(self)
        return self._map

    def __repr__(self) -> str:
        return f"VisualLine(paragraph={self.paragraph}, start={self.start}, end={self.end}, {self.direction}, {self.text!r})"
