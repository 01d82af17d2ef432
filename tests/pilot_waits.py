"""Waiting in pilot tests for what qari does in the background: annotations opening, library rows read."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from reader.ui.library_screen import LibraryScreen
from reader.ui.reader_screen import ReaderScreen


async def until(pilot: Pilot[None], done: Callable[[], bool], *, tries: int = 100, delay: float = 0.02) -> None:
    """Let the app run until ``done()`` (or ``tries`` pauses), then one more pause for the frame."""
    for _ in range(tries):
        await pilot.pause(delay)
        if done():
            break
    await pilot.pause()


async def store_open(pilot: Pilot[None]) -> ReaderScreen:
    """The reader screen, once its annotations are open (they open in a thread after the first frame)."""
    app = pilot.app

    def opened() -> bool:
        screen = app.screen
        return isinstance(screen, ReaderScreen) and screen.store is not None

    await until(pilot, opened)
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def library_read(pilot: Pilot[None]) -> LibraryScreen:
    """The library screen, once every row's article has been read (in a separate process)."""
    app = pilot.app

    def read() -> bool:
        screen = app.screen
        return isinstance(screen, LibraryScreen) and screen.all_read

    await until(pilot, read)
    assert isinstance(app.screen, LibraryScreen)
    return app.screen
