"""A footer that redraws its keys once per burst of binding changes."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer


class QariFooter(Footer):
    """Textual's ``Footer`` recomposes once for every binding change: five times in a row after the
    reader's first frame (screens pushed, focus set), ~30 ms each, which the first keys then waited
    for. This one recomposes once for changes that arrive before it has."""

    _recompose_pending = False

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        if self._recompose_pending:
            return  # the recompose already scheduled reads the bindings as they are when it runs
        super().bindings_changed(screen)
        # What Footer checks before it schedules a recompose:
        self._recompose_pending = bool(self.app.app_focus and self.is_attached and screen is self.screen)

    async def recompose(self) -> None:
        self._recompose_pending = False  # a change from here on schedules another
        await super().recompose()

    def on_resize(self, event: events.Resize) -> None:
        """Narrower than 120 cells: the compact style, so the last key (``? Help``) still fits at 100."""
        self.compact = event.size.width < 120
