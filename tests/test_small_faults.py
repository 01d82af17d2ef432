"""Small faults of issue 15: the selection after a saved claim, one article not "1 articles", `s` on a headline,
the suggestion review keeping source and claim in sight, `p` saying where it is."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from pilot_helpers import store_open, type_text, until

from reader.article import find_articles, load_article
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.app import LibraryScreen, QariApp
from reader.ui.article_view import ArticleView
from reader.ui.claim_dialog import ClaimDialog
from reader.ui.suggestion_bar import SuggestionBar

ROOT = Path(__file__).resolve().parent.parent
TEXT = "قال الوزير إن الأسعار ستنخفض الشهر المقبل.\n"


def test_saving_a_claim_clears_the_selection(tmp_path: Path) -> None:
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await store_open(pilot)
            view = screen.query_one(ArticleView)
            start = TEXT.index("الأسعار")
            view.select(start, start + len("الأسعار ستنخفض"))
            await pilot.press("c")
            await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
            await type_text(app, pilot, "الوزير")
            await pilot.press("enter")
            await until(pilot, lambda: not isinstance(app.screen, ClaimDialog))
            assert len(view.claims) == 1
            assert view.selection is None

    asyncio.run(body())


def test_a_library_of_one_article_says_1_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    async def body() -> None:
        app = QariApp(folder=tmp_path, paths=find_articles(tmp_path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            title = str(app.screen.query_one("#library-title").render())
            assert title.endswith("· 1 article")

    asyncio.run(body())


def test_at_100_columns_the_footer_keeps_question_mark_help_in_sight(tmp_path: Path) -> None:
    from textual.widgets._footer import FooterKey

    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await store_open(pilot)
            await pilot.pause()
            keys = {key.description: key for key in app.screen.query(FooterKey)}
            help_key = keys["Help"]
            assert help_key.region.width > 0 and help_key.region.right <= 100 - 12  # left of "^p palette"

    asyncio.run(body())


def ceasefire(tmp_path: Path) -> Path:
    """A copy of the sample article (the reader writes annotations beside it)."""
    return Path(shutil.copy(ROOT / "sample_articles" / "ceasefire-talks.txt", tmp_path))


def test_s_on_a_headline_selects_the_whole_headline(tmp_path: Path) -> None:
    article = load_article(ceasefire(tmp_path))
    headline = "مفاوضات الهدنة تدخل أسبوعها الثالث.. خلاف على الممرات الإنسانية وجدول تبادل الأسرى"

    async def body() -> None:
        app = QariApp(article=article)
        async with app.run_test(size=(100, 30)) as pilot:
            await store_open(pilot)
            view = app.screen.query_one(ArticleView)
            for word in ("مفاوضات", "خلاف"):
                view.move_cursor(article.text.index(word))
                await pilot.press("s")
                assert view.selected_text == headline
            view.move_cursor(article.text.index("وعقد"))  # body text: still one sentence
            await pilot.press("s")
            assert view.selected_text.startswith("وعقد") and view.selected_text.endswith("الحكومي.")

    asyncio.run(body())


def test_the_suggestion_review_keeps_the_source_and_its_claim_in_sight(tmp_path: Path) -> None:
    article = load_article(ceasefire(tmp_path))

    async def body() -> None:
        app = QariApp(article=article)
        async with app.run_test(size=(100, 30)) as pilot:
            await store_open(pilot)
            view = app.screen.query_one(ArticleView)
            bar = app.screen.query_one(SuggestionBar)
            await pilot.press("a")
            await until(pilot, lambda: bool(bar.suggestions))
            rows = view.document.rows
            assert len(rows) > 3 * view.scrollable_content_region.height  # long enough to scroll
            seen = set()
            for step in [*["tab"] * len(bar.suggestions), *["shift+tab"] * 4]:
                await pilot.pause()
                suggestion = bar.current
                assert suggestion is not None
                top, height = int(view.scroll_y), view.scrollable_content_region.height
                source, claim = (
                    (rows.row_of(a), rows.row_of(b - 1)) for a, b in (suggestion.source_span, suggestion.claim_span)
                )
                assert top <= source[0] and source[1] < top + height, (bar.index, suggestion.source)
                if max(source[1], claim[1]) - min(source[0], claim[0]) < height:
                    assert top <= claim[0] and claim[1] < top + height, (bar.index, suggestion.source)
                seen.add(top)
                await pilot.press(step)
            assert len(seen) > 3  # it did scroll

    asyncio.run(body())


def test_p_says_on_the_panel_what_it_does_next_and_an_empty_panel_keeps_the_focus(tmp_path: Path) -> None:
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await store_open(pilot)
            panel = screen.query_one(AnnotationsPanel)
            view = screen.query_one(ArticleView)

            def hint() -> str:
                return str(panel.query_one("#panel-hint").render())

            # No claims yet: the note holds the focus, so p is not typed into the filter and hides the panel.
            await pilot.press("p")
            await until(pilot, lambda: panel.has_focus_within)
            assert hint() == "p: hide · Esc: to the text"
            await pilot.press("p")
            await pilot.pause()
            assert not panel.display and panel.filter_text == "" and view.has_focus

            view.select(0, TEXT.index(" الأسعار"))
            await pilot.press("c")
            await until(pilot, lambda: isinstance(app.screen, ClaimDialog))
            await type_text(app, pilot, "الوزير")
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is screen and bool(view.claims))
            await pilot.press("p")
            await until(pilot, lambda: panel.has_focus_within)
            assert hint() == "p: hide · Esc: to the text"
            hint_row = panel.query_one("#panel-hint").region
            assert hint_row.bottom <= screen.query_one("QariFooter").region.y  # not under the footer
            await pilot.press("escape")
            await pilot.pause()
            assert view.has_focus and hint() == "p: into the list"
            await pilot.press("p")
            await pilot.pause()
            assert panel.has_focus_within and hint() == "p: hide · Esc: to the text"
            await pilot.press("p")
            await pilot.pause()
            assert not panel.display

    asyncio.run(body())
