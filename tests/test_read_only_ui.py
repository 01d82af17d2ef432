"""A read-only article says so for as long as it lasts (a row under the header), and every editing key says why."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pilot_helpers import store_open

from reader.annotations.model import Anchor, Claim
from reader.annotations.store import LOCKED_REASON, AnnotationStore
from reader.article import load_article
from reader.ui.app import QariApp, ReaderScreen
from reader.ui.read_only import ReadOnlyBar, read_only_line

TEXT = "قال الوزير إن الأسعار ستنخفض الشهر المقبل.\nوكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة.\n"


def test_read_only_line_says_read_only_once_and_names_the_keys() -> None:
    line = read_only_line(LOCKED_REASON)
    assert line.startswith("read-only: open in another qari") and line.count("read-only") == 1
    assert "c e d u" in line
    damaged = read_only_line("غزة.txt.annotations.json is cut short: opened read-only, the file is left as it is")
    assert damaged.startswith("read-only: غزة.txt.annotations.json is cut short ·")


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _bar(screen: ReaderScreen) -> ReadOnlyBar:
    return screen.query_one(ReadOnlyBar)


def test_an_article_open_in_another_qari_shows_read_only_in_the_header_and_keys_say_why(tmp_path: Path) -> None:
    path = _article(tmp_path)
    holder = AnnotationStore.open(path, TEXT)
    holder.add_claim(Claim(Anchor.from_text(TEXT, 0, 10)))
    try:

        async def body() -> None:
            app = QariApp(article=load_article(path))
            async with app.run_test(size=(100, 30)) as pilot:
                screen = await store_open(pilot)
                bar = _bar(screen)
                assert bar.display and "open in another qari" in str(bar.render())
                for key in ("c", "d", "u", "a"):
                    app.clear_notifications()
                    await pilot.press(key)
                    await pilot.pause()
                    assert isinstance(app.screen, ReaderScreen)
                    assert any("another qari" in n.message for n in app._notifications), key
                assert bar.display  # still there, long after the first toast

        asyncio.run(body())
    finally:
        holder.close()


def test_a_newer_schema_is_read_only_with_its_reason_in_the_header(tmp_path: Path) -> None:
    path = _article(tmp_path)
    (tmp_path / "prices.txt.annotations.json").write_text('{"meta": {"1": {"schema_version": 99}}}', encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await store_open(pilot)
            assert screen.store is not None and screen.store.read_only
            bar = _bar(screen)
            assert bar.display and str(bar.render()).startswith("read-only:")

    asyncio.run(body())


def test_a_writable_article_has_no_read_only_row(tmp_path: Path) -> None:
    path = _article(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await store_open(pilot)
            assert not _bar(screen).display

    asyncio.run(body())


def test_taking_over_from_a_closed_qari_is_said_and_hides_the_read_only_row(tmp_path: Path) -> None:
    path = _article(tmp_path)
    holder = AnnotationStore.open(path, TEXT)
    holder.add_claim(Claim(Anchor.from_text(TEXT, 0, 10)))

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await store_open(pilot)
            assert _bar(screen).display
            holder.close()
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)  # the key that took over stops there
            assert any("has closed" in n.message for n in app._notifications)
            assert not _bar(screen).display

    asyncio.run(body())
