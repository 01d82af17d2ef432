"""x beside an export that is there already: qari asks (replace, a new name, or cancel) instead of writing over it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pilot_helpers import store_open
from test_export_ui import annotated

from reader.article import load_article
from reader.files import free_name
from reader.ui.app import QariApp
from reader.ui.confirm_dialog import ReplaceDialog


def test_free_name_numbers_before_the_last_suffix(tmp_path: Path) -> None:
    out = tmp_path / "غزة.txt.claims.csv"
    assert free_name(out) == out  # nothing there: the name itself
    out.write_text("x")
    assert free_name(out) == tmp_path / "غزة.txt.claims-2.csv"
    (tmp_path / "غزة.txt.claims-2.csv").write_text("x")
    assert free_name(out) == tmp_path / "غزة.txt.claims-3.csv"


def _export_with(tmp_path: Path, key: str | None) -> tuple[QariApp, Path]:
    path = annotated(tmp_path)
    out = tmp_path / "prices.txt.claims.csv"
    out.write_text("edited in a spreadsheet\n", encoding="utf-8")
    app = QariApp(article=load_article(path))

    async def body() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await store_open(pilot)
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, ReplaceDialog)  # asked, nothing written yet
            assert out.read_text(encoding="utf-8") == "edited in a spreadsheet\n"
            if key is not None:
                await pilot.press(key)
                await pilot.pause()

    asyncio.run(body())
    return app, out


def test_x_asks_before_replacing_and_r_replaces(tmp_path: Path) -> None:
    _app, out = _export_with(tmp_path, "r")
    assert "الأسعار ستنخفض" in out.read_text(encoding="utf-8-sig")
    assert not (tmp_path / "prices.txt.claims-2.csv").exists()


def test_n_writes_a_new_name_and_keeps_the_old_file(tmp_path: Path) -> None:
    app, out = _export_with(tmp_path, "n")
    assert out.read_text(encoding="utf-8") == "edited in a spreadsheet\n"
    second = tmp_path / "prices.txt.claims-2.csv"
    assert "الأسعار ستنخفض" in second.read_text(encoding="utf-8-sig")
    assert any(str(second) in n.message for n in app._notifications)


def test_escape_writes_nothing(tmp_path: Path) -> None:
    app, out = _export_with(tmp_path, "escape")
    assert out.read_text(encoding="utf-8") == "edited in a spreadsheet\n"
    assert not (tmp_path / "prices.txt.claims-2.csv").exists()
    assert any(n.message == "not exported" for n in app._notifications)


def test_x_in_the_library_asks_too_and_n_keeps_the_old_export(tmp_path: Path) -> None:
    from reader.article import find_articles

    annotated(tmp_path, "a.txt")
    out = tmp_path / "qari-claims.csv"
    out.write_text("last week's export\n", encoding="utf-8")
    second = tmp_path / "qari-claims-2.csv"

    async def body() -> None:
        app = QariApp(folder=tmp_path, paths=find_articles(tmp_path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, ReplaceDialog)
            await pilot.press("n")
            for _ in range(100):
                await pilot.pause(0.02)
                if second.exists():
                    break

    asyncio.run(body())
    assert out.read_text(encoding="utf-8") == "last week's export\n"
    assert "الأسعار ستنخفض" in second.read_text(encoding="utf-8-sig")
