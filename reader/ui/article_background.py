"""The article view's layout at its width, and the work it does while the reader reads.

The first screenful is laid out at once (by the document); the rest of the
article in a worker thread, so a 5 MB article opens as fast as a short one
and the scrollbar grows as the worker goes. Between keys, the pages above
and below the view are drawn ahead, so the next page is ready when PgDn
comes. Both give way while keys or the mouse are busy.
"""

from __future__ import annotations

from time import monotonic, sleep
from typing import Any

from textual import events, work
from textual.geometry import Size
from textual.strip import Strip
from textual.worker import get_current_worker

from ..document import RestOfLayout
from ..text.layout import VisualLine
from .article_strips import ArticleStrips

#: Seconds after a key or mouse event during which the background layout waits.
INTERACTIVE_PAUSE = 0.3
#: Rows of the neighbouring pages drawn ahead per turn of the event loop, and how long after a frame.
PREFETCH_ROWS = 8
PREFETCH_DELAY = 0.05


class BackgroundLayout(ArticleStrips):
    """Lays the document out at the view's width (again on a resize or a new setting), the rest in a thread."""

    _interactive_until = 0.0
    """Until when (``monotonic()``) keys or the mouse count as busy: the background waits."""
    _prefetch_pending = False
    """Pages are being drawn ahead, or will be after a timer."""

    def _laid_out(self) -> None:
        """Rows were laid out anew, or more of them: the view says so (a subclass publishes its state)."""

    # --- layout -------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        width = max(self.scrollable_content_region.width, 2)
        if width != self.document.width:
            self.relayout(width)

    def relayout(self, width: int) -> None:
        """Lay the article out again at ``width``, keeping the paragraph at the top in view."""
        self._relaid_out(self.document.relayout(width, int(self.scroll_y)))

    def _configure(self, **changes: Any) -> None:
        """Change the document's settings (harakat, hidden repeats, direction), laying out again if any differs."""
        settings = self.document.settings
        if any(getattr(settings, name) != value for name, value in changes.items()):
            self._relaid_out(self.document.configure(int(self.scroll_y), **changes))

    def _relaid_out(self, top_row: int) -> None:
        self._strips.clear()
        self._update_size()
        self.scroll_to(y=top_row, animate=False)
        self._laid_out()
        if not self.document.complete:
            # After the first frame: the worker must not compete with drawing it.
            self.call_after_refresh(self._lay_out_rest, self.document.rest_of_layout())

    @work(thread=True, exclusive=True, group="layout")
    def _lay_out_rest(self, rest: RestOfLayout) -> None:
        worker = get_current_worker()
        document = self.document
        dimmed = document.refine_guesses()
        if dimmed is not None:
            self.app.call_from_thread(self._set_dimmed, rest.generation, dimmed)
        while not rest.done:
            if worker.is_cancelled or rest.generation != document.generation:
                return
            # The reader comes first: while keys or the mouse are busy, wait.
            while monotonic() < self._interactive_until and not worker.is_cancelled:
                sleep(0.02)
            chunk = rest.chunk()
            self.app.call_from_thread(self._extend, rest.generation, chunk, rest.done)

    def _set_dimmed(self, generation: int, dimmed: frozenset[int]) -> None:
        if self.document.set_dimmed(generation, dimmed):
            self._strips.clear()
            self.refresh()

    def _extend(self, generation: int, chunk: list[VisualLine], done: bool) -> None:
        if self.document.extend(generation, chunk, done):
            self._update_size()
            self._laid_out()

    def _update_size(self) -> None:
        self.virtual_size = Size(self.document.width, len(self.document.lines))

    # --- the reader comes first ---------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    # --- pages drawn ahead ----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if int(self.scroll_y) + y < len(self.document.lines):
            self._schedule_prefetch()
        return super().render_line(y)

    def _schedule_prefetch(self) -> None:
        if not self._prefetch_pending:
            self._prefetch_pending = True
            self.set_timer(PREFETCH_DELAY, self._prefetch)

    def _prefetch(self, rows: list[int] | None = None) -> None:
        """Draw the pages above and below the view ahead of time, a few rows per turn of the event loop.

        A row with claims costs ~0.5 ms to draw (its cell map, then a style per
        cell): a page of them made PgDn miss two or three frames. Drawn while
        the user reads, the next page is ready when the key comes.
        """
        height = self.scrollable_content_region.height
        width = self.scrollable_content_region.width
        count = len(self.document.lines)
        if rows is None:
            top = int(self.scroll_y)
            below = range(top + height, min(top + 2 * height, count))
            above = range(max(top - height, 0), top)
            rows = [*below, *reversed(above)]
        if not width:
            self._prefetch_pending = False
            return
        wait = self._interactive_until - monotonic()
        if wait > 0:  # keys first: try again once they stop
            self.set_timer(wait + 0.01, self._prefetch)
            return
        for row in rows[:PREFETCH_ROWS]:
            if row < count:
                self._strip_of(row, width)
        if rows[PREFETCH_ROWS:]:
            self.call_later(self._prefetch, rows[PREFETCH_ROWS:])
        else:
            self._prefetch_pending = False
