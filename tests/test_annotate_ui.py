"""Annotating in the reader: c creates a claim, e edits, d deletes, u undoes; all saved at once."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from pilot_helpers import library_read

from reader.article import load_article
from reader.ui.app import QariApp, ReaderScreen
from reader.ui.article_view import ArticleView
from reader.ui.claim_dialog import ClaimDialog

TEXT = (
    "قال الوزير إن الأسعار ستنخفض الشهر المقبل. "
    "وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة للدعم.\n"
    "وأشار كريم نور، الخبير الاقتصادي، إلى أن التضخم سيتراجع.\n"
)


def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def saved_claims(path: Path) -> list[dict]:
    data = json.loads((path.parent / (path.name + ".annotations.json")).read_text(encoding="utf-8"))
    return sorted(data["claims"].values(), key=lambda doc: doc["start"])


def saved_sources(path: Path) -> dict[str, dict]:
    data = json.loads((path.parent / (path.name + ".annotations.json")).read_text(encoding="utf-8"))
    return {doc["id"]: doc for doc in data["sources"].values()}


def test_select_with_keys_create_a_claim_with_an_arabic_source_quit_and_find_it_in_the_file(tmp_path: Path) -> None:
    path = article_file(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            view.move_cursor(TEXT.index("وكشفت"))
            await pilot.press("v", "left", "left", "left")  # three words: وكشفت مصادر مطلعة
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, ClaimDialog)
            await pilot.press(*"مصادر", "space", *"مطلعة", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            await pilot.press("q")
        claims = saved_claims(path)
        assert len(claims) == 1
        assert claims[0]["exact"] == "وكشفت مصادر مطلعة"
        assert TEXT[claims[0]["start"] : claims[0]["end"]] == claims[0]["exact"]
        source = saved_sources(path)[claims[0]["source_ids"][0]]
        assert source["name"] == "مصادر مطلعة" and source["type"] == "anonymous"

    asyncio.run(body())


def test_c_without_a_selection_takes_the_sentence_then_edit_delete_and_undo(tmp_path: Path) -> None:
    path = article_file(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            view.move_cursor(TEXT.index("الأسعار"))
            await pilot.press("c")
            await pilot.pause()
            await pilot.press(*"الوزير", "enter")
            await pilot.pause()
            assert [c["exact"] for c in saved_claims(path)] == ["قال الوزير إن الأسعار ستنخفض الشهر المقبل."]
            assert view.claims and view.claim_at(view.cursor) is not None
            # e: mark it false, with a tag.
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("tab", "tab", "tab", *"اقتصاد", "tab", "f", "enter")
            await pilot.pause()
            (claim,) = saved_claims(path)
            assert claim["status"] == "false" and claim["tags"] == ["اقتصاد"]
            # d deletes, u brings it back as it was, u again undoes the edit.
            await pilot.press("d")
            await pilot.pause()
            assert saved_claims(path) == []
            await pilot.press("u")
            await pilot.pause()
            assert saved_claims(path)[0]["status"] == "false"
            await pilot.press("u")
            await pilot.pause()
            assert saved_claims(path)[0]["status"] == "unverified"

    asyncio.run(body())


def test_claims_are_drawn_and_bracket_keys_step_through_them(tmp_path: Path) -> None:
    path = article_file(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            view = screen.query_one(ArticleView)
            for word in ("الأسعار", "مصادر"):
                view.move_cursor(TEXT.index(word))
                await pilot.press("c")
                await pilot.pause()
                await pilot.press(*"مصدر", "enter")
                await pilot.pause()
            view.move_cursor(0)
            await pilot.press("right_square_bracket")
            assert view.selection is not None and view.selection[0] == TEXT.index("وكشفت")
            await pilot.press("right_square_bracket")
            assert view.selection[0] == 0  # wraps around
            style = view.get_component_rich_style("article-view--claim-unverified", partial=True)
            row = view.render_line(0)
            assert any(seg.style and seg.style.underline and seg.style.color == style.color for seg in row)

    asyncio.run(body())


def test_a_second_reader_of_the_same_article_is_read_only_and_says_so(tmp_path: Path) -> None:
    path = article_file(tmp_path)
    from reader.annotations.model import Anchor, Claim
    from reader.annotations.store import AnnotationStore

    holder = AnnotationStore.open(path, TEXT)
    holder.add_claim(Claim(Anchor.from_text(TEXT, 0, 10)))  # the first qari has saved: it holds the lock
    try:

        async def body() -> None:
            app = QariApp(article=load_article(path))
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                assert app.screen.store is not None and app.screen.store.read_only
                await pilot.press("c")
                await pilot.pause()
                assert isinstance(app.screen, ReaderScreen)  # no dialog: nothing could be saved
                assert len(app.screen.query_one(ArticleView).claims) == 1  # the other qari's claim is shown

        asyncio.run(body())
    finally:
        holder.close()


def test_the_library_shows_each_articles_claim_count_and_updates_it(tmp_path: Path) -> None:
    from reader.article import find_articles
    from reader.ui.app import LibraryScreen
    from reader.ui.entry_list import EntryList

    article_file(tmp_path)
    (tmp_path / "other.txt").write_text("خبر آخر بلا ادعاءات\n", encoding="utf-8")

    async def body() -> None:
        app = QariApp(folder=tmp_path, paths=find_articles(tmp_path))
        async with app.run_test(size=(110, 20)) as pilot:
            library = await library_read(pilot)

            def claims_of(name: str) -> int | None:
                return next(info.claims for info in library.infos if info and info.path.name == name)

            assert claims_of("prices.txt") is None and claims_of("other.txt") is None
            library.query_one(EntryList).highlighted = library.shown_paths.index(tmp_path / "prices.txt")
            await pilot.press("enter")
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            view.move_cursor(TEXT.index("مصادر"))
            await pilot.press("c")
            await pilot.pause()
            await pilot.press(*"مصادر", "enter")
            await pilot.pause()
            await pilot.press("escape")  # back to the library
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert claims_of("prices.txt") == 1

    asyncio.run(body())


def test_a_read_only_reader_can_annotate_once_the_other_qari_closes(tmp_path: Path) -> None:
    from pilot_helpers import store_open

    from reader.annotations.model import Anchor, Claim
    from reader.annotations.store import AnnotationStore

    path = article_file(tmp_path)
    holder = AnnotationStore.open(path, TEXT)
    holder.add_claim(Claim(Anchor.from_text(TEXT, 0, 10)))

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await store_open(pilot)
            assert screen.store is not None and screen.store.read_only
            holder.add_claim(Claim(Anchor.from_text(TEXT, 11, 20)))  # the other qari goes on, then closes
            holder.close()
            screen.query_one(ArticleView).move_cursor(TEXT.index("مصادر"))
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)  # the takeover is said first, and what it loaded shown
            assert any("has closed" in n.message and "again" in n.message for n in app._notifications)
            assert len(screen.query_one(ArticleView).claims) == 2  # its last claim is loaded too
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, ClaimDialog)  # writable now
            await pilot.press(*"مصادر", "enter")
            await pilot.pause()
            assert len(saved_claims(path)) == 3

    asyncio.run(body())


def test_capital_u_redoes_what_u_undid_and_says_so(tmp_path: Path) -> None:
    path = article_file(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.screen.query_one(ArticleView).move_cursor(TEXT.index("الأسعار"))
            await pilot.press("U")
            await pilot.pause()
            assert any(n.message == "nothing to redo" for n in app._notifications)
            await pilot.press("c")
            await pilot.pause()
            await pilot.press(*"الوزير", "enter")
            await pilot.pause()
            await pilot.press("u")
            await pilot.pause()
            assert saved_claims(path) == [] and saved_sources(path) == {}
            await pilot.press("U")
            await pilot.pause()
            assert [c["exact"] for c in saved_claims(path)] == ["قال الوزير إن الأسعار ستنخفض الشهر المقبل."]
            assert [s["name"] for s in saved_sources(path).values()] == ["الوزير"]
            assert any(n.message.startswith("redone: claim saved") for n in app._notifications)

    asyncio.run(body())
