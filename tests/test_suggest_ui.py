"""Attribution suggestions in the reader: a shows them, Enter confirms one as a claim, Escape skips."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from pilot_helpers import store_open
from textual.pilot import Pilot

from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.store import AnnotationStore
from reader.article import load_article
from reader.ui.app import QariApp, ReaderScreen
from reader.ui.article_view import ArticleView
from reader.ui.claim_dialog import ClaimDialog
from reader.ui.suggestion_bar import SuggestionBar

TEXT = (
    "قال الوزير إن الأسعار ستنخفض الشهر المقبل. "
    "وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة للدعم.\n"
    "وأشار كريم نور، الخبير الاقتصادي، إلى أن التضخم سيتراجع.\n"
)


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def saved(path: Path) -> dict:
    file = path.parent / (path.name + ".annotations.json")
    return json.loads(file.read_text(encoding="utf-8")) if file.exists() else {"claims": {}, "sources": {}}


def run(path: Path, steps: Callable[[QariApp, Pilot[None]], Awaitable[None]]) -> None:
    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(110, 30)) as pilot:
            await store_open(pilot)
            await steps(app, pilot)

    asyncio.run(body())


async def suggest(app: QariApp, pilot: Pilot[None]) -> SuggestionBar:
    await pilot.press("a")
    bar = app.screen.query_one(SuggestionBar)
    for _ in range(50):  # found in a worker
        await pilot.pause()
        if bar.suggestions:
            break
    return bar


def article(tmp_path: Path) -> Path:
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_a_marks_the_attributions_and_selects_the_first_claim(tmp_path: Path) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        bar = await suggest(app, pilot)
        assert [s.source for s in bar.suggestions] == ["الوزير", "مصادر مطلعة", "كريم نور"]
        assert bar.has_focus
        view = app.screen.query_one(ArticleView)
        assert span("مصادر مطلعة") in view.suggestions and span("التضخم سيتراجع") in view.suggestions
        assert view.selection == span("الأسعار ستنخفض الشهر المقبل")

    run(article(tmp_path), steps)


def test_enter_opens_the_dialog_filled_in_and_saving_moves_on(tmp_path: Path) -> None:
    path = article(tmp_path)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        bar = await suggest(app, pilot)
        await pilot.press("escape")  # skip the minister
        assert bar.current is not None and bar.current.source == "مصادر مطلعة"
        assert app.screen.query_one(ArticleView).selection == span("الحكومة تدرس خطة جديدة للدعم")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ClaimDialog)
        assert dialog.query_one("#claim-source").value == "مصادر مطلعة"
        assert dialog.query_one("#claim-source-type").value == "anonymous"
        await pilot.press("enter")
        await pilot.pause()
        (claim,) = saved(path)["claims"].values()
        assert (claim["start"], claim["end"]) == span("الحكومة تدرس خطة جديدة للدعم")
        (source,) = saved(path)["sources"].values()
        assert (source["name"], source["type"]) == ("مصادر مطلعة", "anonymous")
        # The confirmed one leaves the list; the expert is next, with his role.
        assert [s.source for s in bar.suggestions] == ["الوزير", "كريم نور"]
        assert bar.current is not None and bar.current.role == "الخبير الاقتصادي"
        assert bar.has_focus

    run(path, steps)


def test_escape_in_the_dialog_keeps_the_suggestion_and_a_stops(tmp_path: Path) -> None:
    path = article(tmp_path)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        bar = await suggest(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # cancel the dialog
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert len(bar.suggestions) == 3 and bar.index == 0 and bar.has_focus
        assert saved(path)["claims"] == {}
        await pilot.press("a")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert not bar.display and view.suggestions == [] and view.has_focus

    run(path, steps)


def test_spans_already_claimed_are_not_suggested_again(tmp_path: Path) -> None:
    path = article(tmp_path)
    with AnnotationStore.open(path, TEXT) as store:
        source = Source("الوزير", "official")
        store.add_source(source)
        start, end = span("الأسعار ستنخفض")  # part of the suggested claim is enough
        store.add_claim(Claim(Anchor.from_text(TEXT, start, end), (source.id,)))

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        bar = await suggest(app, pilot)
        assert [s.source for s in bar.suggestions] == ["مصادر مطلعة", "كريم نور"]

    run(path, steps)


def test_an_article_without_attributions_says_so(tmp_path: Path) -> None:
    path = tmp_path / "weather.txt"
    path.write_text("الطقس معتدل اليوم في معظم المناطق.\n", encoding="utf-8")

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("a")
        for _ in range(20):
            await pilot.pause()
        assert not app.screen.query_one(SuggestionBar).display
        assert any("no attributions to suggest" in n.message for n in app._notifications)

    run(path, steps)


def test_a_long_suggested_span_marks_every_line_it_covers(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(" ".join(["كلمة"] * 400) + "\n", encoding="utf-8")

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        view = app.screen.query_one(ArticleView)
        text = view.article.text
        many_short = [(i, i + 3) for i in range(1500, 1900, 10)]
        view.set_suggestions([(0, 1400), *many_short])  # one long span, then many short ones after it
        await pilot.pause()
        middle = next(line for line in view.document.lines if line.start > 500)
        assert ("suggestion", 0, 1400) in view.document.marks_on(middle)
        late = next(line for line in view.document.lines if line.start > 1500)
        assert ("suggestion", 0, 1400) not in view.document.marks_on(late)
        assert len(text) > 1900

    run(path, steps)


def test_a_relayed_suggestion_opens_the_dialog_noting_who_relayed_it(tmp_path: Path) -> None:
    path = tmp_path / "relay.txt"
    path.write_text("ونقلت وكالة الأنباء المحلية عن مسؤول في الوزارة قوله إن المعبر سيفتح غدا.\n", encoding="utf-8")

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        bar = await suggest(app, pilot)
        (found,) = bar.suggestions
        assert (found.source, found.relay) == ("مسؤول في الوزارة", "وكالة الأنباء المحلية")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ClaimDialog)
        assert dialog.query_one("#claim-source").value == "مسؤول في الوزارة"
        assert dialog.query_one("#claim-note").value == "relayed by وكالة الأنباء المحلية"

    run(path, steps)
