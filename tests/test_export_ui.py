"""Export and statistics in the app: x writes the article's claims beside it; s in the library counts."""

from __future__ import annotations

import asyncio
import csv
import json
from pathlib import Path

import pytest
from pilot_helpers import store_open

from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.store import AnnotationStore
from reader.article import find_articles, load_article
from reader.ui.app import LibraryScreen, QariApp, ReaderScreen
from reader.ui.stats_screen import StatsScreen

TEXT = (
    "قال الوزير إن الأسعار ستنخفض الشهر المقبل. وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة للدعم، «بما فيها الوقود».\n"
)


def annotated(tmp_path: Path, name: str = "prices.txt") -> Path:
    path = tmp_path / name
    path.write_text(TEXT, encoding="utf-8")
    with AnnotationStore.open(path, TEXT) as store:
        minister, insiders = Source("الوزير", "official"), Source("مصادر مطلعة", "anonymous")
        store.add_source(minister)
        store.add_source(insiders)
        for words, source, status in (
            ("الأسعار ستنخفض", minister, "disputed"),
            ("الحكومة تدرس خطة جديدة للدعم، «بما فيها الوقود»", insiders, "unverified"),
        ):
            start = TEXT.index(words)
            store.add_claim(
                Claim(Anchor.from_text(TEXT, start, start + len(words)), (source.id,), ("اقتصاد",), status=status)
            )
    return path


async def opened(app: QariApp, pilot) -> ReaderScreen:  # type: ignore[no-untyped-def]
    return await store_open(pilot)


def test_x_writes_the_claims_csv_beside_the_article_and_says_where(tmp_path: Path) -> None:
    path = annotated(tmp_path)
    out = tmp_path / "prices.txt.claims.csv"

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await opened(app, pilot)
            await pilot.press("x")
            await pilot.pause()
            assert any(str(out) in n.message and "2 claims exported" in n.message for n in app._notifications)

    asyncio.run(body())
    with open(out, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["quote"] for row in rows] == ["الأسعار ستنخفض", "الحكومة تدرس خطة جديدة للدعم، «بما فيها الوقود»"]
    assert rows[1]["sources"] == "مصادر مطلعة" and rows[1]["source_types"] == "anonymous"
    assert out.read_bytes().startswith("\ufeff".encode())  # spreadsheet programs then read it as UTF-8


def test_the_palette_formats_write_jsonl_and_w3c_beside_it(tmp_path: Path) -> None:
    path = annotated(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await opened(app, pilot)
            screen.action_export("jsonl")
            screen.action_export("w3c")

    asyncio.run(body())
    lines = (tmp_path / "prices.txt.claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["sources"][0]["name"] == "الوزير"
    annotations = json.loads((tmp_path / "prices.txt.claims.w3c.json").read_text(encoding="utf-8"))
    assert len(annotations) == 2


def test_a_failed_export_says_why_and_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = annotated(tmp_path)
    import reader.export as export

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "export_to_file", full)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await opened(app, pilot)
            await pilot.press("x")
            await pilot.pause()
            assert any("not exported" in n.message and "no space left" in n.message for n in app._notifications)

    asyncio.run(body())
    assert not (tmp_path / "prices.txt.claims.csv").exists()


def test_s_in_the_library_shows_the_folders_figures(tmp_path: Path) -> None:
    annotated(tmp_path, "a.txt")
    annotated(tmp_path, "b.txt")
    (tmp_path / "c.txt").write_text("خبر بلا ادعاءات\n", encoding="utf-8")

    async def body() -> None:
        app = QariApp(folder=tmp_path, paths=find_articles(tmp_path))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            await pilot.press("s")
            screen = app.screen
            assert isinstance(screen, StatsScreen)
            for _ in range(100):
                await pilot.pause(0.02)
                if screen.stats is not None:
                    break
            stats = screen.stats
            assert stats is not None and stats.claims == 4 and stats.anonymous_claims == 2
            assert stats.articles_without_annotations == 1
            assert [(s.name, s.claims, s.articles) for s in stats.top_sources(2)] == [
                ("الوزير", 2, 2),
                ("مصادر مطلعة", 2, 2),
            ]
            await pilot.pause()
            text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
            assert "████" in text and "50%" in text  # the bars, and anonymous: 2 of 4
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)

    asyncio.run(body())


def test_x_in_the_library_exports_every_claim_of_the_folder(tmp_path: Path) -> None:
    annotated(tmp_path, "a.txt")
    annotated(tmp_path, "b.txt")
    (tmp_path / "c.txt").write_text("خبر بلا ادعاءات\n", encoding="utf-8")
    out = tmp_path / "qari-claims.csv"

    async def body() -> None:
        app = QariApp(folder=tmp_path, paths=find_articles(tmp_path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("x")
            for _ in range(100):
                await pilot.pause(0.02)
                if any("exported to" in n.message for n in app._notifications):
                    break
            assert any(f"4 claims of 2 articles exported to {out}" in n.message for n in app._notifications)

    asyncio.run(body())
    with open(out, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert sorted({Path(row["article"]).name for row in rows}) == ["a.txt", "b.txt"] and len(rows) == 4
    assert find_articles(tmp_path) == [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]  # not an article
