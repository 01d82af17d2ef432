"""f in the library: search the words of every article, folded as the reader's search; open one at a hit."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pilot_helpers import type_text, until

from reader.article import find_articles
from reader.ui.app import LibraryScreen, QariApp, ReaderScreen
from reader.ui.article_view import ArticleView
from reader.ui.entry_list import EntryList
from reader.ui.label import plural
from reader.ui.library_search import LibrarySearchScreen, article_hits

ARTICLES = {
    "a.txt": "أمطار غزيرة في المدينة\nقال مدير الأرصاد إن الأمطار ستستمر حتى الغد في مدينة كراتشي.\n",
    "b.txt": "الوقود\nأكّد الوزير أن أسعار الوقود لن ترتفع.\nوقالت الشركة إن الوقود متوفر.\n",
    "c.txt": "خبر بلا صلة\nافتُتح المعرض صباح اليوم.\n",
}


def folder(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_article_hits_are_folded_and_carry_their_context(tmp_path: Path) -> None:
    path = folder(tmp_path) / "b.txt"
    hits = article_hits(path, "اكد")  # أكّد: hamza and shadda folded
    assert len(hits) == 1 and hits[0].context[1] == "أكّد" and hits[0].context[2].startswith(" الوزير")
    fuel = article_hits(path, "الوقود")
    assert [(h.number, h.total) for h in fuel] == [(1, 3), (2, 3), (3, 3)]
    assert article_hits(tmp_path / "missing.txt", "الوقود") == []  # unreadable: no hits, no error


def test_plural_says_one_article_and_two_articles() -> None:
    assert plural(1, "article") == "1 article" and plural(2, "article") == "2 articles"
    assert plural(1, "match", "matches") == "1 match" and plural(0, "hit") == "0 hits"


def test_f_searches_every_article_and_enter_opens_one_at_the_hit(tmp_path: Path) -> None:
    folder(tmp_path)

    async def body() -> None:
        app = QariApp(folder=tmp_path, paths=find_articles(tmp_path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("f")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LibrarySearchScreen)
            await type_text(app, pilot, "الوقود")
            await pilot.press("enter")
            await until(pilot, lambda: screen.done)
            assert [h.path.name for h in screen.hits] == ["b.txt"] * 3
            title = str(screen.query_one("#library-search-title").render())
            assert "3 hits in 1 article" in title
            await pilot.press("down", "enter")  # the second hit
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
            reader = app.screen
            assert isinstance(reader, ReaderScreen) and reader.article.name == "b.txt"
            view = reader.query_one(ArticleView)
            second = screen.hits[1]
            assert view.selection == (second.start, second.end) and view.cursor == second.end
            assert "match 2/3" in view.settings
            await pilot.press("escape", "escape")  # the selection, then the search; once more: back
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
            await pilot.press("f")  # the last query comes back
            await until(pilot, lambda: isinstance(app.screen, LibrarySearchScreen) and app.screen.done)
            assert len(app.screen.hits) == 3  # type: ignore[attr-defined]
            assert app.screen.query_one(EntryList).entries

    asyncio.run(body())
