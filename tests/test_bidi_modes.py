"""Every piece of UI text honours the bidi mode, read off the screen the app composes.

``--bidi terminal`` (a terminal that runs the bidi algorithm itself) must get
right-to-left text as written (logical order, unshaped), right-aligned; the
default ``app`` mode must get the engine's visual string (shaped, reordered),
right-aligned too. Textual draws what it is given left to right, so a label,
a list row or a toast that skipped the engine would show the other string.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from pilot_helpers import library_read, store_open, until
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._toast import Toast

from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.store import AnnotationStore
from reader.article import load_article
from reader.text.layout import BidiMode, Direction, LayoutOptions, layout_paragraph
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.app import QariApp, toast_width
from reader.ui.claim_dialog import ClaimDialog
from reader.ui.entry_list import EntryList
from reader.ui.library_screen import _columns
from reader.ui.rtl_input import RtlInput
from reader.ui.stats_screen import StatsScreen

MODES: tuple[BidiMode, ...] = ("app", "terminal")
SIZE = (100, 30)

TITLE = "مفاوضات الهدنة"
OUTLET = "الشرق الآن"
BODY = "قال الوزير إن الأسعار ستنخفض الشهر المقبل.\n"
QUOTE = "الأسعار ستنخفض"
MINISTER = Source("الوزير", "official", id="s-minister")
TAG = "اقتصاد"


def drawn(text: str, bidi: BidiMode, direction: Direction | None = None) -> str:
    """What the engine makes of a one-line ``text`` in ``bidi`` mode: the string the screen must hold."""
    (line,) = layout_paragraph(text, LayoutOptions(width=200, bidi=bidi, direction=direction))
    return line.text


def rows_of(app: QariApp, widget: Widget) -> list[str]:
    """The screen's rows across ``widget``'s content (what the terminal is sent there).

    The texts here are one code point a cell (no harakat, no wide characters), so
    characters and columns agree.
    """
    region = widget.scrollable_content_region  # not a scrollbar's room
    screen = [strip.text for strip in app.screen._compositor.render_strips()]
    return [row[region.x : region.right] for row in screen[region.y : region.bottom]]


def write_article(folder: Path, name: str = "hudna.txt") -> Path:
    """An article with a front-matter title and outlet, one claim by a source with an Arabic name and tag."""
    path = folder / name
    path.write_text(f"---\ntitle: {TITLE}\noutlet: {OUTLET}\n---\n{BODY}", encoding="utf-8")
    text = load_article(path).text
    start = text.index(QUOTE)
    with AnnotationStore.open(path, text) as store:
        store.add_source(MINISTER)
        store.add_claim(Claim(Anchor.from_text(text, start, start + len(QUOTE)), (MINISTER.id,), (TAG,), id="c1"))
    return path


def run_reader(path: Path, bidi: BidiMode, steps: Callable[[QariApp, Pilot[None]], Awaitable[None]]) -> None:
    async def body() -> None:
        app = QariApp(article=load_article(path), bidi=bidi)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await store_open(pilot)
            await steps(app, pilot)

    asyncio.run(body())


@pytest.mark.parametrize("bidi", MODES)
def test_the_header_shows_title_and_outlet_in_the_modes_order_against_the_right_edge(
    tmp_path: Path, bidi: BidiMode
) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        title, details = rows_of(app, app.screen.query_one("#article-header"))[:2]
        assert title.endswith(drawn(TITLE, bidi)) and title.strip() == drawn(TITLE, bidi)
        assert details.endswith(drawn(OUTLET, bidi)) and details.strip() == drawn(OUTLET, bidi)

    run_reader(write_article(tmp_path), bidi, steps)


@pytest.mark.parametrize("bidi", MODES)
def test_the_status_line_names_an_arabic_file_in_the_modes_order(tmp_path: Path, bidi: BidiMode) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        (status,) = rows_of(app, app.screen.query_one("#article-status"))
        assert status.startswith(drawn("هدنة.txt", bidi, "ltr") + " · ¶ 1/")
        assert f"bidi {bidi}" in status

    run_reader(write_article(tmp_path, "هدنة.txt"), bidi, steps)


@pytest.mark.parametrize("bidi", MODES)
def test_a_claim_row_in_the_panel_shows_its_quote_in_the_modes_order_against_the_right_edge(
    tmp_path: Path, bidi: BidiMode
) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("p")
        entry_list = app.screen.query_one(AnnotationsPanel).query_one(EntryList)
        await until(pilot, lambda: entry_list.entry_count == 1)
        quote, about, tags = rows_of(app, entry_list)[:3]
        assert quote.endswith(drawn(QUOTE, bidi)) and quote.strip() == drawn(QUOTE, bidi)
        assert about.strip() == drawn(f"unverified · {MINISTER.name}", bidi)
        assert tags.strip() == drawn(f"#{TAG}", bidi)

    run_reader(write_article(tmp_path), bidi, steps)


@pytest.mark.parametrize("bidi", MODES)
def test_the_claim_dialog_shows_labels_and_fields_in_the_modes_order(tmp_path: Path, bidi: BidiMode) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("e")  # the cursor is in the claim's sentence
        await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
        dialog = app.screen
        label = "source — المصدر (type to find known sources)"
        assert [row.strip() for row in rows_of(app, dialog.query(".form-label").first())] == [drawn(label, bidi)]
        (field,) = rows_of(app, dialog.query_one("#claim-source", RtlInput))
        # The field's row ends with the blank cell where the cursor stands after the last letter;
        # in app mode that cell is on the left of the right-to-left name.
        assert field.rstrip().endswith(drawn(MINISTER.name, bidi))
        assert len(field) - len(field.rstrip()) <= 1
        (quote,) = rows_of(app, dialog.query_one("#claim-quote"))
        assert quote.strip() == drawn(QUOTE, bidi) and quote.endswith(drawn(QUOTE, bidi))

    async def at_claim(app: QariApp, pilot: Pilot[None]) -> None:
        app.screen.query_one("#article").cursor = BODY.index(QUOTE)
        await steps(app, pilot)

    run_reader(write_article(tmp_path), bidi, at_claim)


@pytest.mark.parametrize("bidi", MODES)
def test_a_library_row_shows_the_title_in_the_modes_order_against_its_columns_right_edge(
    tmp_path: Path, bidi: BidiMode
) -> None:
    write_article(tmp_path)

    async def body() -> None:
        paths = [tmp_path / "hudna.txt"]
        app = QariApp(folder=tmp_path, paths=paths, bidi=bidi)
        async with app.run_test(size=(140, 30)) as pilot:  # wide enough for the outlet column
            screen = await library_read(pilot)
            entry_list = screen.query_one(EntryList)
            row = rows_of(app, entry_list)[0]
            title_w, date_w, outlet_w = _columns(entry_list.content_region.width)[:3]
            title = row[:title_w]
            assert title.endswith(drawn(TITLE, bidi)) and title.strip() == drawn(TITLE, bidi)
            start = title_w + 2 + (date_w + 2 if date_w else 0)
            outlet = row[start : start + outlet_w]
            assert outlet.endswith(drawn(OUTLET, bidi)) and outlet.strip() == drawn(OUTLET, bidi)

    asyncio.run(body())


MESSAGE = "قال المتحدث إن الاجتماع سيعقد غدا في العاصمة بعد ظهر يوم الأحد المقبل وأضاف أن الوفود وصلت"


@pytest.mark.parametrize("bidi", MODES)
def test_a_toast_wraps_arabic_in_reading_order_and_shows_each_row_in_the_modes_order(
    tmp_path: Path, bidi: BidiMode
) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        app.notify(MESSAGE, timeout=30)
        await until(pilot, lambda: bool(app.screen.query(Toast)))
        toast = app.screen.query_one(Toast)
        width = toast_width(SIZE[0])
        assert toast.content_region.width == width
        lines = layout_paragraph(MESSAGE, LayoutOptions(width=width, bidi=bidi))
        assert len(lines) > 1  # wrapped: the first row holds the message's first words
        rows = rows_of(app, toast)
        assert [row.strip() for row in rows] == [line.text for line in lines]
        assert all(row.endswith(line.text) for row, line in zip(rows, lines, strict=True))

    run_reader(write_article(tmp_path), bidi, steps)


def test_a_toast_without_right_to_left_letters_goes_to_textual_as_it_is(tmp_path: Path) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        message = "3 claims exported to /tmp/a [b]long[/b] path.csv"
        app.notify(message, markup=False)
        app.notify("[b]bold[/b] and plain")
        await pilot.pause()
        notes = list(app._notifications)
        assert [(n.message, n.markup) for n in notes[-2:]] == [(message, False), ("[b]bold[/b] and plain", True)]

    run_reader(write_article(tmp_path), "app", steps)


@pytest.mark.parametrize("bidi", MODES)
def test_the_statistics_show_sources_and_tags_in_the_modes_order(tmp_path: Path, bidi: BidiMode) -> None:
    write_article(tmp_path)

    async def body() -> None:
        paths = [tmp_path / "hudna.txt"]
        app = QariApp(folder=tmp_path, paths=paths, bidi=bidi)
        async with app.run_test(size=(100, 90)) as pilot:
            await library_read(pilot)
            await pilot.press("s")
            await until(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.stats is not None)
            text = "\n".join(rows_of(app, app.screen.query_one("#stats-body")))
            other = "app" if bidi == "terminal" else "terminal"
            for name in (MINISTER.name, TAG):
                assert drawn(name, bidi) in text
                assert drawn(name, other) not in text

    asyncio.run(body())
