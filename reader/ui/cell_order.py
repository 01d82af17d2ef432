"""Every row Textual draws, arranged for a terminal that reorders cells itself (kitty, qterminal).

Those terminals run their own reordering on each run of cells they draw
(``reader.terminal.cells``), so every row that holds right-to-left text —
the article, but also toasts, dialogs, the palette, Textual's own widgets —
must be rearranged before it goes out, with each style kept on its cell.
All of Textual's widgets hand their rows to the compositor through
``Widget.render_lines``; that one method is wrapped while the app runs, and
put back after.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from rich.segment import Segment
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from ..terminal.cells import RULES, has_rtl, reorder_segments

#: Rows remembered once arranged: a screenful redrawn for a cursor move is mostly the same rows.
ROWS_REMEMBERED = 4096


@lru_cache(maxsize=ROWS_REMEMBERED)
def _arranged(rule: str, segments: tuple[Segment, ...]) -> tuple[str, ...]:
    spec = [
        (
            segment.text,
            bool(segment.style and segment.style.bold),
            bool(segment.style and segment.style.italic),
            segment.style,
        )
        for segment in segments
    ]
    return tuple(reorder_segments(rule, spec))


def arranged(strip: Strip, rule: str) -> Strip:
    """``strip`` with its characters arranged for ``rule``'s terminal; the same strip when it has no RTL text."""
    segments = tuple(strip)
    if not has_rtl("".join(segment.text for segment in segments)):
        return strip
    texts = _arranged(rule, segments)
    return Strip(
        [Segment(text, segment.style, segment.control) for text, segment in zip(texts, segments, strict=True)],
        strip.cell_length,
    )


@contextmanager
def cells_arranged(rule: str) -> Iterator[None]:
    """While the block runs, every widget's rows are arranged for ``rule`` (a ``RULES`` name; others: no change)."""
    if rule not in RULES:
        yield
        return
    original = Widget.render_lines

    def render_lines(self: Widget, crop: Region) -> list[Strip]:
        return [arranged(strip, rule) for strip in original(self, crop)]

    Widget.render_lines = render_lines  # type: ignore[method-assign]
    try:
        yield
    finally:
        Widget.render_lines = original  # type: ignore[method-assign]
