"""Pilot test helpers: typing what pilot.press cannot, and waiting for what qari does in the background."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from textual import events
from textual.app import App
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


async def type_text(app: App[None], pilot: Pilot[None], text: str) -> None:
    """Key events as a terminal sends them, a character each.

    ``pilot.press`` cannot type harakat or ZWNJ: it turns "\u064e" into the key
    "arabic_fatha" and then fails to look the character up again (Textual 8.2.8).
    """
    for ch in text:
        key = ch if ch.isalnum() else unicodedata.name(ch).lower().replace(" ", "_").replace("-", "_")
        app.post_message(events.Key(key, ch))
        await pilot.pause()
