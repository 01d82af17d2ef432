"""The article view's reactives: what it publishes of its document, and what setting them does."""

from __future__ import annotations

import asyncio

from reader.article import Article
from reader.ui.app import QariApp
from reader.ui.article_view import ArticleView

TEXT = "قال الوزير إن الأسعار ستنخفض. ثم انتهى الاجتماع.\nThe minister said prices will fall.\nوالأسعار مرتفعة."


def test_keys_publish_the_cursor_selection_and_search_for_watchers() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text(TEXT, "reactive.txt"))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            seen: list[int] = []
            # A lambda, not seen.append: Textual's watch looks for a Python function's __func__.
            app.screen.watch(view, "cursor", lambda offset: seen.append(offset), init=False)  # noqa: PLW0108
            await pilot.press("left", "left")
            assert seen == [TEXT.index("الوزير"), TEXT.index("إن")]
            await pilot.press("s")
            assert view.selection == view.document.selection == (0, TEXT.index("ستنخفض.") + len("ستنخفض."))
            await pilot.press("v")
            assert view.selecting
            view.set_search("الاسعار")
            assert view.search_query == "الاسعار" and view.match_count == 2
            assert "2 matches" in view.settings and "selecting" in view.settings

    asyncio.run(body())


def test_setting_the_reactives_moves_selects_searches_and_lays_out_again() -> None:
    async def body() -> None:
        app = QariApp(article=Article.from_text("كَتَبَ الطالبُ\n" + TEXT, "set.txt"))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            text = view.article.text
            view.cursor = text.index("The")
            assert view.document.cursor == text.index("The")
            view.selection = (text.index("minister"), text.index("minister") + 8)
            assert view.selected_text == "minister" and view.cursor == text.index("minister") + 8
            view.selection = None
            assert view.document.selection is None
            view.search_query = "الاسعار"
            assert view.document.matches and view.match_count == 2
            view.harakat = False
            assert not any("\u064e" in line.text for line in view.document.lines)
            english = next(line for line in view.document.lines if "minister" in line.text)
            assert not english.rtl
            view.direction = "rtl"
            assert next(line for line in view.document.lines if "minister" in line.text).rtl
            assert view.document.cursor == text.index("minister") + 8  # a new layout keeps the cursor

    asyncio.run(body())
