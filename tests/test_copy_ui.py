"""The reader's copy keys: y and ctrl+c copy the article's own words, Y a citation, ctrl+c never quits."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import pytest
from pilot_helpers import store_open
from textual.pilot import Pilot

import reader.terminal.clipboard as clipboard
from reader.annotations.drafts import ClaimDraft
from reader.article import load_article
from reader.terminal.detect import Found
from reader.terminal.plan import plan
from reader.terminal.profiles import PROFILES
from reader.ui.app import QariApp
from reader.ui.article_view import ArticleView
from reader.ui.reader_screen import ReaderScreen

# An RLM and a shaped lam-alef (U+FEFB) in the second sentence, as scraped pages have them.
TEXT = (
    "قال الوزير إن الأسعار ستنخفض الشهر المقبل. "
    "وكشفت مصادر\u200f مطلعة أن الحكومة تدرس خطة جديدة \ufefb تزال سرية.\n"
    "وأشار كريم نور، الخبير الاقتصادي، إلى أن التضخم سيتراجع.\n"
)
HEADER = (
    "---\ntitle: خطة الدعم الجديدة\noutlet: جريدة الغد\npublished: 2025-01-08T09:30:00+02:00\n"
    "url: https://example.com/plan\n---\n"
)
SECOND = "وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة لا تزال سرية."


def article_file(tmp_path: Path, header: str = "") -> Path:
    path = tmp_path / "prices.txt"
    path.write_text(header + TEXT, encoding="utf-8")
    return path


def decoded(written: list[str]) -> list[str]:
    """The texts of the OSC 52 sequences among what the driver wrote."""
    found = []
    for data in written:
        for part in data.split("\x1b]52;c;")[1:]:
            found.append(base64.b64decode(part.split("\a")[0]).decode("utf-8"))
    return found


def notes(app: QariApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def reader(pilot: Pilot[None]) -> tuple[ReaderScreen, ArticleView, list[str]]:
    """The reader once its store is open, and a list that receives what the driver writes from now on."""
    screen = await store_open(pilot)
    written: list[str] = []
    driver = pilot.app._driver
    assert driver is not None
    driver.write = written.append  # type: ignore[method-assign]
    return screen, screen.query_one(ArticleView), written


def test_y_copies_the_sentence_at_the_cursor_as_written_without_marks_or_presentation_forms(tmp_path: Path) -> None:
    path = article_file(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            _, view, written = await reader(pilot)
            view.move_cursor(TEXT.index("الحكومة"))
            await pilot.press("y")
            await pilot.pause()
            assert app.clipboard == SECOND
            assert decoded(written) == [SECOND]  # the bytes a terminal gets
            assert not any("\ufb50" <= ch <= "\ufeff" or ch in "\u200e\u200f" for ch in app.clipboard)
            assert notes(app)[-1] == f"copied the sentence ({len(SECOND)} characters)"

    asyncio.run(body())


def test_y_copies_the_selection_in_logical_order_whatever_the_screen_shows(tmp_path: Path) -> None:
    path = article_file(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            _, view, written = await reader(pilot)
            view.move_cursor(TEXT.index("الوزير"))
            await pilot.press("v", "left", "left")  # two words forward in a right-to-left line
            await pilot.press("y")
            await pilot.pause()
            assert app.clipboard == "الوزير إن"
            assert decoded(written) == ["الوزير إن"]
            assert notes(app)[-1] == "copied 9 characters"

    asyncio.run(body())


def test_ctrl_c_copies_a_selection_and_otherwise_never_quits_but_says_how(tmp_path: Path) -> None:
    path = article_file(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            _, view, written = await reader(pilot)
            await pilot.press("ctrl+c", "ctrl+c", "ctrl+c")
            await pilot.pause()
            assert app.is_running and app.return_code is None
            assert app.clipboard == "" and decoded(written) == []
            assert "q quits" in notes(app)[-1] and "never quits" in notes(app)[-1]
            view.select(TEXT.index("كريم"), TEXT.index("كريم") + len("كريم نور"))
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert app.clipboard == "كريم نور" and decoded(written) == ["كريم نور"]
            assert app.is_running

    asyncio.run(body())


def test_ctrl_c_in_the_library_does_not_quit_either(tmp_path: Path) -> None:
    article_file(tmp_path)

    async def body() -> None:
        app = QariApp(folder=tmp_path, paths=[tmp_path / "prices.txt"])
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert app.is_running and app.return_code is None

    asyncio.run(body())


def test_after_c_saves_a_claim_the_cursor_is_on_it_and_y_and_capital_y_copy_it(tmp_path: Path) -> None:
    path = article_file(tmp_path, HEADER)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            _, view, written = await reader(pilot)
            view.move_cursor(TEXT.index("وكشفت"))
            await pilot.press("v", "left", "left", "left")  # three words (an RLM among them), and the space after
            await pilot.press("c")
            await pilot.pause()
            await pilot.press(*"مصادر", "space", *"مطلعة", "enter")
            await pilot.pause()
            claim = view.claim_at(view.cursor)
            assert claim is not None and claim.anchor.exact == "وكشفت مصادر\u200f مطلعة"
            assert view.selection is None and not view.selecting
            await pilot.press("y")
            await pilot.pause()
            assert app.clipboard == "وكشفت مصادر مطلعة"
            await pilot.press("Y")
            await pilot.pause()
            cited = (
                "«وكشفت مصادر مطلعة» — مصادر مطلعة، خطة الدعم الجديدة، جريدة الغد، 2025-01-08، https://example.com/plan"
            )
            assert app.clipboard == cited
            assert decoded(written) == ["وكشفت مصادر مطلعة", cited]
            assert notes(app)[-1] == "copied the citation of the claim"

    asyncio.run(body())


def test_capital_y_without_metadata_cites_the_quote_and_its_source_with_a_role(tmp_path: Path) -> None:
    # A first paragraph too long to be a title: nothing is known of the article.
    long_first = "قال الوزير إن الأسعار ستنخفض الشهر المقبل " * 7 + ".\n"
    path = tmp_path / "long.txt"
    path.write_text(long_first + TEXT, encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            screen, view, _ = await reader(pilot)
            assert screen.article.metadata.title is None
            start = len(long_first) + TEXT.index("كريم")
            draft = ClaimDraft("كريم نور", "expert", "الخبير الاقتصادي", None, (), "unverified", "")
            assert screen.editor is not None
            screen.editor.add_claim(start, start + len("كريم نور"), draft)
            await pilot.pause()
            view.move_cursor(start + 1)
            await pilot.press("Y")
            await pilot.pause()
            assert app.clipboard == "«كريم نور» — كريم نور (الخبير الاقتصادي)"

    asyncio.run(body())


@pytest.mark.parametrize(("tmux_says", "through"), [("external", True), ("on", False)])
def test_inside_tmux_osc52_also_goes_through_the_passthrough_unless_tmux_takes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmux_says: str, through: bool
) -> None:
    path = article_file(tmp_path)
    monkeypatch.setattr(clipboard, "tmux_set_clipboard", lambda: tmux_says)
    monkeypatch.setattr(clipboard, "tmux_passthrough_allowed", lambda: True)
    in_tmux = plan(Found(PROFILES["xterm"], "test", "tmux"), "app")

    async def body() -> None:
        app = QariApp(article=load_article(path), plan=in_tmux)
        async with app.run_test(size=(100, 30)) as pilot:
            _, view, written = await reader(pilot)
            view.move_cursor(TEXT.index("كريم"))
            await pilot.press("y")
            await pilot.pause()
            sent = "".join(written)
            assert sent.startswith("\x1b]52;c;")  # tmux with set-clipboard on takes this one
            assert ("\x1bPtmux;\x1b\x1b]52;c;" in sent) is through

    asyncio.run(body())


def test_the_help_screen_lists_the_copy_keys(tmp_path: Path) -> None:
    from reader.ui.help import binding_groups

    path = article_file(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            listed = {row.description: row.keys for _, rows in binding_groups(app.screen) for row in rows}
            assert (listed["Copy"], listed["Cite"]) == ("y", "Y")
            assert listed["Copy selection"].startswith("^c")

    asyncio.run(body())
