"""The Textual UI through the pilot: the library, the article view, the status line.

pytest-asyncio is not installed, so every test is a plain function running its
async body with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from pilot_helpers import library_read
from textual import events
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static

from reader.article import Article, find_articles
from reader.cli import SAMPLES
from reader.text.layout import ArticleLayout, LayoutOptions
from reader.text.unidata import cell_width
from reader.ui.app import LibraryScreen, QariApp, ReaderScreen
from reader.ui.article_view import FIRST_SCREEN_LINES, ArticleView
from reader.ui.entry_list import EntryList
from reader.ui.rtl_input import RtlInput

SIZE = (100, 30)
PRESENTATION_RE = re.compile("[\ufe70-\ufefc]")
# What must never reach the terminal (newline cannot occur inside a strip either).
CONTROL_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")

SENTENCES = (
    "قال المتحدث باسم وزارة الخارجية إن جولة المحادثات ستستمر حتى نهاية الأسبوع المقبل في العاصمة.",
    "وأكدت مصادر دبلوماسية غربية أن الاتفاق يشمل وقفا لإطلاق النار وتبادلا للأسرى على مراحل.",
    "وأشار الخبير الاقتصادي إلى أن أسعار الوقود ارتفعت بنسبة كبيرة خلال العام الماضي في المنطقة.",
)
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def arabic_article(paragraphs: int, *, name: str = "khabar.txt") -> Article:
    """An Arabic article whose paragraphs are numbered in Arabic-Indic digits."""
    lines = []
    for n in range(paragraphs):
        number = str(n + 1).translate(ARABIC_DIGITS)
        lines.append(f"{SENTENCES[n % 3]} {SENTENCES[(n + 1) % 3]} {number}")
    return Article.from_text("\n".join(lines), name=name)


def run(body: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(body())


def strips(view: ArticleView) -> list[Strip]:
    return [view.render_line(y) for y in range(view.scrollable_content_region.height)]


def screen_text(app: QariApp) -> list[str]:
    """Every row of the whole screen as the compositor would send it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def wait_complete(pilot: Pilot[None], view: ArticleView, timeout: float = 20) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not view.complete:
        assert loop.time() < deadline, f"layout not complete after {timeout}s ({view.line_count} lines)"
        await pilot.pause(0.05)
    await pilot.pause()


# --------------------------------------------------------------------------
# library


def test_library_lists_filters_opens_and_goes_back() -> None:
    paths = find_articles(SAMPLES)
    hebrew = [path for path in paths if "hebrew" in path.name]
    assert len(paths) >= 5 and len(hebrew) == 1

    async def body() -> None:
        app = QariApp(folder=SAMPLES, paths=paths)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            library = app.screen
            assert isinstance(library, LibraryScreen)
            assert library.shown_paths == paths

            await pilot.press("slash")
            assert isinstance(app.focused, RtlInput)
            await pilot.press(*"hebrew")
            await pilot.pause()
            assert app.screen.query_one(RtlInput).value == "hebrew"
            assert library.shown_paths == hebrew

            await pilot.press("enter")  # leaves the filter for the list
            assert isinstance(app.focused, EntryList)
            await pilot.press("enter")  # opens the row
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            view = app.screen.query_one(ArticleView)
            assert view.article.path == hebrew[0]
            # The view draws that article: its first rows are the engine's lines of it.
            article = view.article
            width = view.scrollable_content_region.width
            expected = ArticleLayout(article.paragraphs, article.text, LayoutOptions(width=width)).lines()
            rows = [strip.text for strip in strips(view)][:5]
            for row, line in zip(rows, expected):
                assert row.strip() == line.text.strip()
            assert any("\u05d0" <= ch <= "\u05ea" for ch in "".join(rows))  # Hebrew letters on screen
            assert hebrew[0].name in "\n".join(screen_text(app))

            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert app.screen.shown_paths == hebrew  # the filter is still there

    run(body)


def test_library_filter_that_matches_nothing_and_clearing_it() -> None:
    paths = find_articles(SAMPLES)

    async def body() -> None:
        app = QariApp(folder=SAMPLES, paths=paths)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            library = app.screen
            await pilot.press("slash", *"zzqx")
            await pilot.pause()
            assert library.shown_paths == []
            await pilot.press("escape")
            await pilot.pause()
            assert library.shown_paths == paths
            assert app.screen.query_one(RtlInput).value == ""

    run(body)


# --------------------------------------------------------------------------
# article view


def check_right_aligned(view: ArticleView, rows: int) -> None:
    width = view.scrollable_content_region.width
    assert 60 <= width < 100
    texts = [strip.text for strip in strips(view)]
    assert len(texts) == view.scrollable_content_region.height > 10
    for text in texts[:rows]:
        assert cell_width(text) == width
        assert text.startswith(" ")  # right-aligned: the padding is on the left
        assert text[-1] != " "  # and the text ends at the right edge
        assert PRESENTATION_RE.search(text)
        assert not re.search("[\u0621-\u064a]", text)  # no unshaped base letters left
        assert not CONTROL_RE.search(text)
    # The first logical word (قال) is drawn rightmost, shaped and reversed.
    assert texts[0].endswith("\ufedd\ufe8e\ufed7")


def test_article_view_right_aligns_and_shapes_arabic() -> None:
    async def body() -> None:
        # Short enough to need no scrollbar (the test below covers a long one).
        article = Article.from_text("\n".join(SENTENCES[:2]) + "\n\n" + SENTENCES[2], name="short.txt")
        app = QariApp(article=article)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            assert view.max_scroll_y == 0
            check_right_aligned(view, 2)
            texts = [strip.text for strip in strips(view)]
            assert texts[2].strip() == ""  # the empty paragraph stays a blank row
            assert texts[3].strip() and texts[3].startswith(" ")

    run(body)


def test_article_view_right_aligns_a_long_article() -> None:
    async def body() -> None:
        app = QariApp(article=arabic_article(40))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            assert view.max_scroll_y > 0
            check_right_aligned(view, 4)

    run(body)


def test_long_article_rows_show_whole_lines() -> None:
    async def body() -> None:
        article = arabic_article(40)
        app = QariApp(article=article)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            width = view.scrollable_content_region.width
            expected = list(ArticleLayout(article.paragraphs, article.text, LayoutOptions(width=width)).lines())
            rows = [strip.text for strip in strips(view)]
            for row, line in zip(rows, expected):
                assert row.strip() == line.text.strip()

    run(body)


def test_article_view_keys_move_the_cursor_and_scroll_to_keep_it_in_view() -> None:
    async def body() -> None:
        app = QariApp(article=arabic_article(60))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            assert app.focused is view
            page = view.scrollable_content_region.height
            assert view.max_scroll_y > 2 * page
            assert view.scroll_y == 0 and view.cursor == 0
            first_row = view.render_line(0).text

            await pilot.press("down")
            await settle(pilot)
            assert view.document.rows.row_of(view.cursor) == 1
            assert view.scroll_y == 0  # the cursor is still on screen: no scrolling

            for _ in range(page):
                await pilot.press("down")
            await settle(pilot)
            assert view.document.rows.row_of(view.cursor) == page + 1
            assert view.scroll_y == 2  # scrolled just enough to show the cursor's row

            await pilot.press("pagedown")
            await settle(pilot)
            assert page - 1 <= view.document.rows.row_of(view.cursor) - (page + 1) <= page + 1

            await pilot.press("G")
            await settle(pilot)
            assert view.cursor == len(view.article.text)
            assert view.scroll_y == view.max_scroll_y > 0
            assert view.top_paragraph > 40
            last = [strip.text for strip in strips(view)]
            assert "٦٠" in "".join(last)  # the last paragraph's number is on screen

            await pilot.press("g")
            await settle(pilot)
            assert view.scroll_y == 0 and view.cursor == 0
            assert view.render_line(0).text == first_row

    run(body)


def test_resize_relays_out_and_keeps_the_top_paragraph() -> None:
    async def body() -> None:
        app = QariApp(article=arabic_article(60))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            await wait_complete(pilot, view)
            wide_lines = view.line_count
            view.scroll_to(y=13, animate=False)
            await settle(pilot)
            assert view.scroll_y == 13
            top = view.top_paragraph
            assert top > 2

            await pilot.resize_terminal(60, 30)
            await settle(pilot)
            await wait_complete(pilot, view)
            width = view.scrollable_content_region.width
            assert width < 60
            assert view.line_count > wide_lines
            assert view.top_paragraph == top
            assert view.scroll_y > 13  # the same paragraph is further down at a narrower width
            for text in (strip.text for strip in strips(view)[:3]):
                assert cell_width(text) == width
                if text.strip():
                    assert text[-1] != " "
                    assert PRESENTATION_RE.search(text)

    run(body)


def test_control_characters_never_reach_the_screen() -> None:
    hostile = (
        "\x1b]0;pwned\x07 قال المسؤول \x1b[2J إن المحادثات \x1b]52;c;aGVsbG8=\x07 مستمرة\n"
        "جرس \x07 صفر \x00 حذف \x7f سي \x9b31m نهاية \x1bc\n"
        "English \x1b[31mred\x1b[0m text\x08\x0b\x0c end\n"
        "وأضاف المصدر أن الخلاف ما زال قائما"
    )

    async def body() -> None:
        app = QariApp(article=Article.from_text(hostile, name="hostile.txt"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            rows = [strip.text for strip in strips(view)]
            for text in rows:
                assert not CONTROL_RE.search(text), repr(text)
            shown = "".join(rows)
            assert shown.count("␛") == hostile.count("\x1b")
            assert "␇" in shown and "␀" in shown and "␡" in shown
            # The whole screen (header with the title line, status line) too.
            whole = screen_text(app)
            for text in whole:
                assert not CONTROL_RE.search(text), repr(text)
            assert any("␛" in text for text in whole)

    run(body)


def test_large_article_shows_its_first_screen_before_layout_completes() -> None:
    count = 3000
    article = arabic_article(count)

    async def body() -> None:
        app = QariApp(article=article)
        async with app.run_test(size=SIZE) as pilot:
            view = app.screen.query_one(ArticleView)
            # The first screen is drawn from the lines laid out on the UI thread.
            assert not view.complete
            assert FIRST_SCREEN_LINES <= view.line_count < 2 * count
            first = view.render_line(0).text
            assert first.strip() and PRESENTATION_RE.search(first)
            assert "\ufee2\ufeb3\ufe8e\ufe91" in first  # باسم, from the first sentence, shaped and reversed
            status = app.screen.query_one("#article-status", Static)
            assert "laying out" in str(status.render())

            await wait_complete(pilot, view)
            assert view.line_count >= 2 * count  # every paragraph is wider than one line
            assert view.virtual_size.height == view.line_count
            assert "laying out" not in str(status.render())
            await pilot.press("G")
            await settle(pilot)
            assert view.top_paragraph >= count - 15
            assert "٣٠٠٠" in "".join(strip.text for strip in strips(view))

    run(body)


def test_status_line_shows_file_name_and_paragraph() -> None:
    async def body() -> None:
        article = arabic_article(30, name="khabar-ajil.txt")
        app = QariApp(article=article)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            status = str(app.screen.query_one("#article-status", Static).render())
            assert "khabar-ajil.txt" in status
            assert "¶ 1/30" in status
            assert any("khabar-ajil.txt" in row and "¶ 1/30" in row for row in screen_text(app))
            view = app.screen.query_one(ArticleView)
            await pilot.press("G")
            await settle(pilot)
            status = str(app.screen.query_one("#article-status", Static).render())
            # The cursor's paragraph (the last), not the one at the top of the view.
            assert view.top_paragraph + 1 < 30
            assert "¶ 30/30" in status

    run(body)


def test_status_line_paragraph_is_the_cursors_numbered_as_the_export_numbers_it(tmp_path: Path) -> None:
    from reader.annotations.model import Anchor, Claim, Source
    from reader.annotations.store import AnnotationStore
    from reader.article import load_article
    from reader.corpus import annotated_articles
    from reader.export import export_claims

    # Blank lines count as paragraphs in the export: the status line must count them too.
    text = "العنوان\n\nقال الوزير إن الأسعار ستنخفض.\n\n" + "\n\n".join(f"فقرة رقم {i} عن الموضوع." for i in range(40))
    path = tmp_path / "asaar.txt"
    path.write_text(text, encoding="utf-8")
    start = text.index("فقرة رقم 31")
    with AnnotationStore.open(path, text) as store:
        store.add_source(Source("الوزير", "official", id="s-1"))
        store.add_claim(Claim(Anchor.from_text(text, start, start + 11), ("s-1",), id="c-1"))
    exported = io.StringIO()
    export_claims(annotated_articles([path], data_dir=tmp_path), exported, "csv", warn=print)
    exported_paragraph = next(csv.DictReader(io.StringIO(exported.getvalue())))["paragraph"]

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            await pilot.press("G")
            await settle(pilot)
            view.cursor = start + 3
            await settle(pilot)
            status = str(app.screen.query_one("#article-status", Static).render())
            assert f"¶ {exported_paragraph}/{text.count(chr(10)) + 1} " in status
            assert view.top_paragraph + 1 != int(exported_paragraph)

    run(body)


# --------------------------------------------------------------------------
# Known bugs (see the report): the file name goes to the screen unescaped, as Textual markup.


def test_file_name_with_escape_sequence_does_not_reach_the_screen() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text("قال المسؤول", name="x\x1b]0;pwned\x07.txt"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for text in screen_text(app):
                assert not CONTROL_RE.search(text), repr(text)

    run(body)


def test_file_name_with_markup_characters_opens() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text("قال المسؤول", name='[x="]y.txt'))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert any('[x="]y.txt' in row for row in screen_text(app))

    run(body)


def library_screen_text(folder: Path) -> list[str]:
    result: list[str] = []

    async def body() -> None:
        app = QariApp(folder=folder, paths=find_articles(folder))
        async with app.run_test(size=SIZE) as pilot:
            library = await library_read(pilot)
            assert len(library.shown_paths) == 1
            result.extend(screen_text(app))

    run(body)
    return result


def test_library_shows_file_names_with_brackets_literally(tmp_path: Path) -> None:
    (tmp_path / "[b]bold[-b].txt").write_text("قال المسؤول\n", encoding="utf-8")
    assert any("[b]bold[-b].txt" in row for row in library_screen_text(tmp_path))


def test_library_file_name_with_escape_sequence_does_not_reach_the_screen(tmp_path: Path) -> None:
    (tmp_path / "x\x1b]0;pwned\x07.txt").write_text("قال المسؤول\n", encoding="utf-8")
    whole = library_screen_text(tmp_path)
    assert any("pwned" in row for row in whole)
    for text in whole:
        assert not CONTROL_RE.search(text), repr(text)


def test_toggles_hide_harakat_hide_repeats_and_force_direction() -> None:
    vowelled = "كَتَبَ الطَّالِبُ الدَّرْسَ"
    title = "عنوان الخبر المكرر"
    text = "\n".join([title, vowelled, title, "Plain English line"])

    async def run() -> None:
        app = QariApp(article=Article.from_text(text, "toggles.txt"))
        async with app.run_test(size=(80, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            shown = lambda: [line.text for line in view.document.lines]  # noqa: E731
            assert any("\u064e" in row for row in shown())
            await pilot.press("h")
            await pilot.pause()
            assert not any("\u064e" in row for row in shown())
            assert "harakat hidden" in str(app.screen.query_one("#article-status").render())
            before = view.line_count
            await pilot.press("r")
            await pilot.pause()
            assert view.line_count == before - 1  # the repeated title is gone
            assert "repeats hidden" in str(app.screen.query_one("#article-status").render())
            english = next(line for line in view.document.lines if "English" in line.text)
            assert not english.rtl
            await pilot.press("t")  # forced right to left
            await pilot.pause()
            english = next(line for line in view.document.lines if "English" in line.text)
            assert english.rtl
            await pilot.press("t", "t")  # left to right, then back to the text's own
            await pilot.pause()
            assert not next(line for line in view.document.lines if "English" in line.text).rtl
            assert next(line for line in view.document.lines if line.paragraph == 0).rtl

    asyncio.run(run())


CURSOR_TEXT = "\n".join(
    [
        "قال الوزير إن الأسعار ستنخفض. وأكّد مسؤولٌ آخر ذلك؟ ثم انتهى الاجتماع.",
        "The minister said prices will fall.",
        "وأشار الخبير إلى أنّ الأسعار مرتفعة.",
    ]
)


def test_left_is_the_next_word_in_rtl_and_right_in_ltr_and_shift_selects() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text(CURSOR_TEXT, "cursor.txt"))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            await pilot.press("left")
            assert view.cursor == CURSOR_TEXT.index("الوزير")
            await pilot.press("left")
            assert view.cursor == CURSOR_TEXT.index("إن")
            await pilot.press("right")
            assert view.cursor == CURSOR_TEXT.index("الوزير")
            await pilot.press("shift+left", "shift+left")
            assert view.selected_text == "الوزير إن "
            # An English paragraph: right is forward.
            view.move_cursor(CURSOR_TEXT.index("The"))
            await pilot.press("right")
            assert view.cursor == CURSOR_TEXT.index("minister")
            assert view.selection is None

    run(body)


def test_s_selects_the_sentence_at_the_cursor_and_escape_clears_it() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text(CURSOR_TEXT, "sentence.txt"))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            view.move_cursor(CURSOR_TEXT.index("مسؤول"))
            await pilot.press("s")
            assert view.selected_text == "وأكّد مسؤولٌ آخر ذلك؟"
            await pilot.press("escape")
            assert view.selection is None
            assert isinstance(app.screen, ReaderScreen)

    run(body)


def test_v_selection_mode_extends_with_plain_moves() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text(CURSOR_TEXT, "v.txt"))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            await pilot.press("v", "left", "left")
            assert view.selected_text == "قال الوزير "
            await pilot.press("v", "left")
            assert view.selection is None

    run(body)


def test_search_ignores_harakat_and_hamza_forms_selects_matches_and_n_cycles() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text(CURSOR_TEXT, "search.txt"))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            await pilot.press("slash")
            await pilot.press(*"الاسعار")  # typed without hamza
            await pilot.press("enter")
            await pilot.pause()
            first = CURSOR_TEXT.index("الأسعار")
            second = CURSOR_TEXT.index("الأسعار", first + 1)
            assert view.matches == [(first, first + 7), (second, second + 7)]
            assert view.selection == (first, first + 7)
            assert app.focused is view
            await pilot.press("n")
            assert view.selection == (second, second + 7)
            await pilot.press("n")
            assert view.selection == (first, first + 7)  # wraps around
            await pilot.press("N")
            assert view.selection == (second, second + 7)
            # Harakat in the text do not stop a plain query, and belong to the match.
            assert view.set_search("اكد") == 1
            assert CURSOR_TEXT[slice(*view.matches[0])] == "أكّد"
            # Every match is highlighted on screen: its cells carry the match style.
            view.set_search("الاسعار")
            await pilot.pause()
            match_style = view.get_component_rich_style("article-view--match", partial=True)
            row = view.render_line(0)
            styled = "".join(seg.text for seg in row if seg.style and seg.style.bgcolor == match_style.bgcolor)
            assert styled == "ﺭﺎﻌﺳﻷﺍ"

    run(body)


def test_selection_over_mixed_arabic_and_english_lights_the_right_cells() -> None:
    text = "قال Ahmed Ali إن الخبر صحيح"

    async def body() -> None:
        app = QariApp(article=Article.from_text(text, "mixed.txt"))
        async with app.run_test(size=(60, 10)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            start = text.index("Ali")
            view.select(start, text.index("الخبر") + len("الخبر"))
            await pilot.pause()
            selection_style = view.get_component_rich_style("article-view--selection", partial=True)
            row = view.render_line(0)
            lit = [seg.text for seg in row if seg.style and seg.style.bgcolor == selection_style.bgcolor]
            # "Ali", the space, "إن" and "الخبر" are selected; on screen Ali sits right of Ahmed while the
            # Arabic words sit to its left: the highlight is split.
            joined = "".join(lit)
            assert "Ali" in joined and "Ahmed" not in joined
            assert "ﻥﺇ" in joined and "ﺮﺒﺨﻟﺍ" in joined and "ﻝﺎﻗ" not in joined

    run(body)


def test_mouse_click_places_the_cursor_drag_selects_double_click_selects_a_word() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text(CURSOR_TEXT, "mouse.txt"))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            line = view.document.lines[0]
            pad = view.document.rows.pad(line)
            region = view.content_region
            # The rightmost cell of the first line draws the first letter of "قال".
            x_first = pad + len(line.map.cells) - 1
            await pilot.click(view, offset=(x_first + region.x - view.region.x, 0))
            assert view.cursor == 0
            word_x = pad + line.map.cell_of(CURSOR_TEXT.index("الوزير"))
            await pilot.double_click(view, offset=(word_x + region.x - view.region.x, 0))
            assert view.selected_text == "الوزير"
            # Drag from the first letter leftwards over two words.
            end_x = pad + line.map.cell_of(CURSOR_TEXT.index("إن"))
            await pilot.mouse_down(view, offset=(x_first + region.x - view.region.x, 0))
            await pilot.hover(view, offset=(end_x + region.x - view.region.x, 0))
            await pilot.mouse_up(view, offset=(end_x + region.x - view.region.x, 0))
            assert view.selected_text == "قال الوزير "

    run(body)


def test_mouse_wheel_scrolls_the_article() -> None:
    async def body() -> None:
        app = QariApp(article=arabic_article(60))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            assert view.scroll_y == 0
            # The wheel as the terminal driver reports it (the pilot has no wheel of its own).
            await pilot._post_mouse_events([events.MouseScrollDown], view, offset=(10, 5))
            await settle(pilot)
            assert view.scroll_y > 0
            assert view.cursor == 0  # the wheel scrolls; it does not move the cursor

    run(body)


def test_command_palette_offers_the_readers_actions_and_runs_them() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text("كَتَبَ الطالبُ الدرسَ", "palette.txt"))
        async with app.run_test(size=(80, 20)) as pilot:
            await pilot.pause()
            titles = [command.title for command in app.get_system_commands(app.screen)]
            for wanted in (
                "Toggle harakat",
                "Toggle repeated lines",
                "Paragraph direction",
                "Select sentence",
                "Search",
                "Help: keys",
                "Next match",
            ):
                assert wanted in titles
            assert any(title.startswith("theme: qari-") for title in titles)
            command = next(c for c in app.get_system_commands(app.screen) if c.title == "Toggle harakat")
            result = command.callback()
            if asyncio.iscoroutine(result):
                await result
            await pilot.pause()
            assert not app.screen.query_one(ArticleView).harakat

    run(body)


@pytest.mark.parametrize("theme", ["qari-dark", "qari-light", "qari-high-contrast"])
def test_repeated_lines_are_dimmed_but_readable_in_every_theme(theme: str) -> None:
    from textual.color import Color

    from reader.config import Config

    async def body() -> None:
        app = QariApp(
            article=Article.from_text("عنوان الخبر\nنص الخبر\nعنوان الخبر", "dim.txt"), config=Config(theme=theme)
        )
        async with app.run_test(size=(60, 10)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            plain_style = next(s.style for s in view.render_line(1) if s.text.strip())
            repeated_style = next(s.style for s in view.render_line(2) if s.text.strip())
            background = Color.from_rich_color(view._base_style().bgcolor)
            plain = Color.from_rich_color(plain_style.color)
            dim = Color.from_rich_color(repeated_style.color)
            assert dim != plain  # dimmed

            # Readable: at least 3:1 against the page (WCAG for large or secondary text).
            def luminance(c: Color) -> float:
                def channel(v: int) -> float:
                    v = v / 255
                    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

                return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

            l1, l2 = sorted([luminance(dim), luminance(background)], reverse=True)
            assert (l1 + 0.05) / (l2 + 0.05) >= 3

    run(body)


def test_config_sets_harakat_and_a_reading_column() -> None:
    from reader.config import Config

    text = "وَقَالَ الطَّبِيبُ كَرِيمٌ نُورٌ إِنَّ الْإِقْبَالَ كَانَ جَيِّدًا فِي الْأَيَّامِ الْأُولَى مِنَ الْحَمْلَةِ الْوَطَنِيَّةِ"

    async def body() -> None:
        app = QariApp(article=Article.from_text(text, "c.txt"), config=Config(harakat=False, wrap_width=30))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            assert not view.harakat
            assert all(line.cell_length <= 30 for line in view.document.lines)
            assert len(view.document.lines) > 1
            assert not any("\u064e" in line.text for line in view.document.lines)

    run(body)


def test_the_next_and_previous_pages_are_drawn_ahead_while_the_reader_reads() -> None:
    text = "\n".join(f"الفقرة رقم {i}: قال المتحدث إن الاجتماع سيعقد غدًا في العاصمة." for i in range(300))

    async def body() -> None:
        app = QariApp(article=Article.from_text(text, "pages.txt"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            await pilot.press("pagedown", "pagedown")
            await pilot.pause(0.6)  # the keys have stopped: the pages around are drawn now
            height = view.scrollable_content_region.height
            top = int(view.scroll_y)
            cached = {key[0] for key in view._strips.keys()}  # noqa: SIM118 (an LRUCache is not iterable)
            assert set(range(top + height, top + 2 * height)) <= cached  # the page below
            assert set(range(top - height, top)) <= cached  # and the one above

    run(body)
