"""The cursor and the selection: logical offsets, never screen positions.

The selection runs from an anchor (where it started) to the cursor, in
either order; it is empty when they meet. Selection mode (``v``) makes every
plain move extend it, as shift does for one move.
"""

from __future__ import annotations

from dataclasses import dataclass


def selection_between(anchor: int | None, cursor: int) -> tuple[int, int] | None:
    """The range from ``anchor`` to ``cursor`` in reading order, or None when there is nothing between them."""
    if anchor is None or anchor == cursor:
        return None
    return (min(anchor, cursor), max(anchor, cursor))


@dataclass(slots=True)
class Caret:
    """Where the cursor is, where a selection started, and the column ↑ ↓ aim for."""

    offset: int = 0
    #: Where the selection started (None: no selection). Not ``anchor``: a claim's anchor is another thing.
    anchor: int | None = None
    #: Selection mode (``v``): plain moves extend the selection.
    selecting: bool = False
    #: The screen column ↑ ↓ keep to across short lines; None after any other move.
    goal_x: int | None = None

    @property
    def selection(self) -> tuple[int, int] | None:
        return selection_between(self.anchor, self.offset)

    def move(self, offset: int, *, extend: bool = False, keep_goal: bool = False) -> None:
        """Put the cursor at ``offset``; ``extend`` (or selection mode) keeps or starts a selection from the old place."""
        if extend or self.selecting:
            if self.anchor is None:
                self.anchor = self.offset
        else:
            self.anchor = None
        self.offset = offset
        if not keep_goal:
            self.goal_x = None

    def select(self, start: int, end: int) -> None:
        """Select [start, end) with the cursor at the end."""
        self.anchor = start
        self.offset = start
        self.move(end, extend=True)

    def toggle_selecting(self) -> None:
        """Selection mode on (a selection starts at the cursor) or off (what is selected stays)."""
        self.selecting = not self.selecting
        if self.selecting:
            self.anchor = self.offset

    def clear(self) -> bool:
        """Drop the selection and leave selection mode; False when there was neither."""
        if self.selection is None and not self.selecting:
            return False
        self.selecting = False
        self.anchor = None
        return True
