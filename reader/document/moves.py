"""Where the cursor keys lead: pure functions from the cursor's offset to the next one.

↑ ↓ move through the *visual* rows, aiming for a screen column; ← → move by
word in *visual* direction, so in a right-to-left paragraph ← is the next
word. Everything comes back as a logical offset.
"""

from __future__ import annotations

from typing import Literal

from ..text.search import next_word_start, previous_word_start
from .rows import Rows

Side = Literal["left", "right"]


def line_target(rows: Rows, offset: int, goal_x: int | None, delta: int) -> tuple[int, int]:
    """Where moving ``delta`` rows from ``offset`` lands, and the screen column it aims for.

    The column is the cursor's own on the first of a run of ↑ ↓ (``goal_x``
    None) and stays that one after, so a short line on the way does not pull
    the cursor sideways. Past the first or last row, the cursor goes to its
    own row's start or end.
    """
    row = rows.row_of(offset)
    line = rows.lines[row]
    goal = goal_x if goal_x is not None else rows.x_of(line, offset)
    target_row = max(0, min(row + delta, len(rows) - 1))
    if target_row == row:
        return (line.start if delta < 0 else line.end), goal
    return rows.offset_at(target_row, goal), goal


def word_target(text: str, offset: int, rtl: bool, side: Side) -> int:
    """One word towards ``side`` on screen: forward in the text when that is the line's reading direction."""
    forward = (side == "left") == rtl
    return next_word_start(text, offset) if forward else previous_word_start(text, offset)


def page_rows(height: int) -> int:
    """Rows one page moves: a screen less one, so the last row read stays in view."""
    return max(height - 1, 1)
