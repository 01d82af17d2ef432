"""Opened on one file, Escape goes to that folder's library with the article highlighted."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pilot_helpers import store_open, until

from reader.article import load_article
from reader.ui.app import LibraryScreen, QariApp, ReaderScreen
from reader.ui.entry_list import EntryList


def test_escape_on_a_single_file_opens_its_folders_library_with_it_highlighted(tmp_path: Path) -> None:
    for name, text in (("أ.txt", "خبر أول عن الأمطار.\n"), ("ب.txt", "خبر ثان عن الوقود.\n"), ("ت.txt", "خبر ثالث.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(tmp_path / "ب.txt"))
        async with app.run_test(size=(100, 30)) as pilot:
            await store_open(pilot)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
            library = app.screen
            assert isinstance(library, LibraryScreen) and library.folder == tmp_path
            assert [p.name for p in library.paths] == ["أ.txt", "ب.txt", "ت.txt"]
            entries = library.query_one(EntryList)
            assert (
                entries.highlighted is not None and library.paths[entries.entries[entries.highlighted]].name == "ب.txt"
            )
            await pilot.press("enter")  # and back into it
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
            assert isinstance(app.screen, ReaderScreen) and app.screen.article.name == "ب.txt"
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
            assert app.screen is library  # popped, not another library

    asyncio.run(body())
