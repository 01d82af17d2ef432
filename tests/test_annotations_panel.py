"""The side panel in the reader: p lists claims, S lists sources; Enter goes there; e, d, m act on them."""

from __future__ import annotations

import asyncio
import errno
import json
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from pilot_helpers import store_open, until
from textual.pilot import Pilot

from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.store import AnnotationStore, AtomicJSONStorage
from reader.article import load_article
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.app import QariApp, ReaderScreen
from reader.ui.article_view import ArticleView
from reader.ui.claim_dialog import ClaimDialog
from reader.ui.entry_list import EntryList
from reader.ui.source_dialog import SourceDialog

TEXT = (
    "قال الوزير إن الأسعار ستنخفض الشهر المقبل. "
    "وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة للدعم.\n"
    "وأشار كريم نور، الخبير الاقتصادي، إلى أن التضخم سيتراجع.\n"
)

MINISTER = Source("الوزير", "official", id="s-minister")
INSIDERS = Source("مصادر مطلعة", "anonymous", id="s-insiders")
EXPERT = Source("كريم نور", "expert", "الخبير الاقتصادي", id="s-expert")


def anchor(words: str, text: str = TEXT) -> Anchor:
    start = text.index(words)
    return Anchor.from_text(text, start, start + len(words))


# Stored out of reading order on purpose: the panel sorts.
CLAIMS = [
    Claim(anchor("التضخم سيتراجع"), (EXPERT.id,), ("اقتصاد",), id="c-inflation"),
    Claim(anchor("الأسعار ستنخفض"), (MINISTER.id,), ("اقتصاد", "أسعار"), status="disputed", id="c-prices"),
    Claim(anchor("الحكومة تدرس خطة"), (INSIDERS.id,), ("دعم",), id="c-plan"),
]


def annotated_article(tmp_path: Path, text: str = TEXT) -> Path:
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")
    with AnnotationStore.open(path, TEXT) as store:
        for source in (MINISTER, INSIDERS, EXPERT):
            store.add_source(source)
        for claim in CLAIMS:
            store.add_claim(claim)
    if text != TEXT:
        path.write_text(text, encoding="utf-8")
    return path


def saved(path: Path) -> dict:
    return json.loads((path.parent / (path.name + ".annotations.json")).read_text(encoding="utf-8"))


def run(path: Path, steps: Callable[[QariApp, Pilot[None]], Awaitable[None]]) -> None:
    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(110, 32)) as pilot:
            await store_open(pilot)
            await steps(app, pilot)

    asyncio.run(body())


def select_words(app: QariApp, words: str) -> ArticleView:
    """Select ``words`` in the article (as shift+arrows would), and return the view."""
    view = app.screen.query_one(ArticleView)
    start = TEXT.index(words)
    view.select(start, start + len(words))
    return view


def listed(app: QariApp) -> list[str]:
    panel = app.screen.query_one(AnnotationsPanel)
    return [entry.claim.id if hasattr(entry, "claim") else entry.source.id for entry in panel.entries()]


def test_p_lists_the_claims_in_reading_order_and_enter_goes_to_one(tmp_path: Path) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("p")
        await pilot.pause()
        panel = app.screen.query_one(AnnotationsPanel)
        entry_list = panel.query_one(EntryList)
        assert panel.display and entry_list.has_focus
        assert listed(app) == ["c-prices", "c-plan", "c-inflation"]
        assert entry_list.entry_count == 3
        # Moving in the list shows the claim in the article without leaving the list.
        await pilot.press("down")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.selection == (CLAIMS[2].anchor.start, CLAIMS[2].anchor.end)
        assert entry_list.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        assert view.selection == (CLAIMS[0].anchor.start, CLAIMS[0].anchor.end)
        assert view.has_focus
        # p again: back to the list; p from the list hides it.
        await pilot.press("p")
        assert entry_list.has_focus
        await pilot.press("p")
        await pilot.pause()
        assert not panel.display and view.has_focus

    run(annotated_article(tmp_path), steps)


def test_the_panel_shows_each_claims_source_status_and_tags(tmp_path: Path) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("p")
        await pilot.pause()
        entry_list = app.screen.query_one(AnnotationsPanel).query_one(EntryList)
        # Shown in visual order: compare with the engine's shaped output.
        quote_row, about_row, tags_row = entry_list.rows_of(0)
        assert about_row.strip().startswith("disputed · ")
        assert "ﺮﻳﺯﻮﻟﺍ" in about_row  # الوزير, shaped and in visual order
        assert "ﺾﻔﺨﻨﺘﺳ" in quote_row  # ستنخفض
        assert quote_row.endswith(" ") is False  # a right-to-left quote is aligned right
        assert "ﺩﺎﺼﺘﻗﺍ#" in tags_row and "ﺭﺎﻌﺳﺃ#" in tags_row  # both tags, # first in reading order: اقتصاد، أسعار
        # The expert's role is shown with his name.
        expert = next(i for i in range(entry_list.entry_count) if "ﺭﻮﻧ ﻢﻳﺮﻛ" in "".join(entry_list.rows_of(i)))
        assert "ﻱﺩﺎﺼﺘﻗﻻﺍ ﺮﻴﺒﺨﻟﺍ" in "".join(entry_list.rows_of(expert))  # الخبير الاقتصادي

    run(annotated_article(tmp_path), steps)


LONG_QUOTE = "وقال المتحدث باسم الوزارة إن الحكومة ستعلن خلال الأيام المقبلة حزمة إجراءات لدعم الأسر الأكثر تضررًا"


def test_a_long_quote_wraps_over_several_rows_and_the_panel_widens_and_narrows_from_the_keyboard(
    tmp_path: Path,
) -> None:
    text = LONG_QUOTE + ".\n"
    path = tmp_path / "daam.txt"
    path.write_text(text, encoding="utf-8")
    with AnnotationStore.open(path, text) as store:
        store.add_source(EXPERT)
        store.add_claim(Claim(Anchor.from_text(text, 0, len(LONG_QUOTE)), (EXPERT.id,), ("دعم", "أسعار")))

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("p")
        panel = app.screen.query_one(AnnotationsPanel)
        entry_list = panel.query_one(EntryList)
        await until(pilot, lambda: entry_list.has_focus and entry_list.entry_count == 1)
        narrow = entry_list.rows_of(0)
        quote_rows = [row for row in narrow if "ﺮﻴﺒﺨﻟﺍ" not in row and "#" not in row]
        assert len(quote_rows) >= 3  # wrapped, not cut at one row
        assert "ﻢﻋﺩ#" in "".join(narrow) and "ﺭﺎﻌﺳﺃ#" in "".join(narrow)  # both tags, none dropped
        width = panel.outer_size.width
        await pilot.press(*["greater_than_sign"] * 5)
        await pilot.pause()
        assert panel.outer_size.width == width + 20
        assert len(entry_list.rows_of(0)) < len(narrow)  # wider: the quote takes fewer rows
        for _ in range(30):
            await pilot.press("less_than_sign")
        await pilot.pause()
        assert panel.outer_size.width == 28  # never narrower than that
        for _ in range(30):
            await pilot.press("greater_than_sign")
        await pilot.pause()
        assert app.screen.size.width - panel.outer_size.width == 30  # the article keeps its room

    run(path, steps)


def test_filter_by_tag_then_by_source_and_escape_clears(tmp_path: Path) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("p", "slash")
        await pilot.press("#", *"اقتصاد")
        await pilot.pause()
        assert listed(app) == ["c-prices", "c-inflation"]
        panel = app.screen.query_one(AnnotationsPanel)
        panel.set_filter("@كريم")
        await pilot.pause()
        assert listed(app) == ["c-inflation"]
        await pilot.press("enter")  # from the filter field to the list
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert panel.filter_text == "" and len(listed(app)) == 3
        await pilot.press("escape")  # back to the article
        assert app.screen.query_one(ArticleView).has_focus

    run(annotated_article(tmp_path), steps)


def test_S_lists_sources_with_counts_and_enter_lists_that_sources_claims(tmp_path: Path) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("S")
        await pilot.pause()
        panel = app.screen.query_one(AnnotationsPanel)
        assert panel.view == "sources"
        assert listed(app) == ["s-minister", "s-insiders", "s-expert"]  # one claim each: who speaks first
        assert "expert · 1 claim" in panel.query_one(EntryList).rows_of(2)[1]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert panel.view == "claims" and panel.filter_text == "@كريم نور"
        assert listed(app) == ["c-inflation"]
        view = app.screen.query_one(ArticleView)
        assert view.selection == (CLAIMS[0].anchor.start, CLAIMS[0].anchor.end)

    run(annotated_article(tmp_path), steps)


def test_e_on_a_source_renames_it_for_all_its_claims_and_u_undoes(tmp_path: Path) -> None:
    path = annotated_article(tmp_path)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("S", "down", "down", "e")
        await pilot.pause()
        assert isinstance(app.screen, SourceDialog)
        await pilot.press("end", *" الأستاذ", "tab", "right", "enter")  # a longer name; type expert → anonymous
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        sources = {doc["id"]: doc for doc in saved(path)["sources"].values()}
        assert sources["s-expert"]["name"] == "كريم نور الأستاذ"
        assert sources["s-expert"]["type"] == "anonymous"
        await pilot.press("u")
        await pilot.pause()
        sources = {doc["id"]: doc for doc in saved(path)["sources"].values()}
        assert sources["s-expert"]["name"] == "كريم نور" and sources["s-expert"]["type"] == "expert"

    run(path, steps)


def test_renaming_a_source_to_another_sources_name_merges_them(tmp_path: Path) -> None:
    path = annotated_article(tmp_path)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("S", "down", "e")  # مصادر مطلعة
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SourceDialog)
        dialog.query_one("#source-name").value = "الوزير"
        await pilot.pause()
        assert "merges this source into «الوزير»" in dialog.query_one("#source-help").text
        await pilot.press("enter")
        await pilot.pause()
        data = saved(path)
        assert {doc["id"] for doc in data["sources"].values()} == {"s-minister", "s-expert"}
        by_id = {doc["id"]: doc for doc in data["claims"].values()}
        assert by_id["c-plan"]["source_ids"] == ["s-minister"]
        assert listed(app) == ["s-minister", "s-expert"]
        await pilot.press("u")  # the merge comes undone: the source and its claim are back
        await pilot.pause()
        data = saved(path)
        assert {doc["id"]: doc for doc in data["claims"].values()}["c-plan"]["source_ids"] == ["s-insiders"]
        assert len(data["sources"]) == 3

    run(path, steps)


def test_d_on_a_source_still_named_by_a_claim_refuses_and_keeps_it(tmp_path: Path) -> None:
    path = annotated_article(tmp_path)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("S", "d")
        await pilot.pause()
        assert len(saved(path)["sources"]) == 3
        # The message names the source in Arabic, so it comes wrapped at the toast's width.
        assert any("named by 1 claim" in " ".join(n.message.split()) for n in app._notifications)

    run(path, steps)


def test_d_in_the_claims_list_deletes_the_highlighted_claim(tmp_path: Path) -> None:
    path = annotated_article(tmp_path)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("p", "down", "d")
        await pilot.pause()
        assert {doc["id"] for doc in saved(path)["claims"].values()} == {"c-prices", "c-inflation"}
        assert listed(app) == ["c-prices", "c-inflation"]
        assert len(app.screen.query_one(ArticleView).claims) == 2

    run(path, steps)


def test_orphans_are_listed_last_and_m_places_one_at_the_selection(tmp_path: Path) -> None:
    # The article was edited: the plan's sentence is gone, its words now elsewhere in other words.
    changed = TEXT.replace(
        "وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة للدعم.", "وقالت مصادر إن وزارة المالية تعد برنامجًا للدعم."
    )
    path = annotated_article(tmp_path, changed)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.store is not None
        assert [c.id for c in screen.store.orphans] == ["c-plan"]
        await pilot.press("p")
        await pilot.pause()
        panel = screen.query_one(AnnotationsPanel)
        assert listed(app) == ["c-prices", "c-inflation", "c-plan"]
        entry_list = panel.query_one(EntryList)
        assert entry_list.entry_count == 3 and entry_list.rule_before == 2
        assert "not placed" in entry_list.rows_of(2)[1]
        # Select the new words in the article, come back, a.
        view = screen.query_one(ArticleView)
        start = changed.index("وزارة المالية تعد برنامجًا")
        view.select(start, start + len("وزارة المالية تعد برنامجًا"))
        await pilot.press("end", "m")
        await pilot.pause()
        assert screen.store.orphans == []
        doc = {d["id"]: d for d in saved(path)["claims"].values()}["c-plan"]
        assert changed[doc["start"] : doc["end"]] == "وزارة المالية تعد برنامجًا" == doc["exact"]
        assert listed(app) == ["c-prices", "c-plan", "c-inflation"]

    run(path, steps)


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"), PermissionError(errno.EACCES, "Permission denied")],
    ids=["disk full", "no access"],
)
def test_a_failed_save_brings_the_dialog_back_with_what_was_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    path = annotated_article(tmp_path)
    before = (path.parent / (path.name + ".annotations.json")).read_bytes()
    full = {"on": True}
    real_write = AtomicJSONStorage.write

    def write(self: AtomicJSONStorage, data: object) -> None:
        if full["on"]:  # everywhere: beside the article and in the data folder
            raise error
        real_write(self, data)  # type: ignore[arg-type]

    monkeypatch.setattr(AtomicJSONStorage, "write", write)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        select_words(app, "قال الوزير")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"مصدر", "space", *"جديد", "tab", "tab", "tab", *"وسم", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ClaimDialog), "the dialog comes back"
        assert dialog.query_one("#claim-source").value == "مصدر جديد"
        assert dialog.query_one("#claim-tags").value == "وسم"
        assert (error.strerror or "").lower() in (dialog.error or "").lower()
        assert (path.parent / (path.name + ".annotations.json")).read_bytes() == before
        full["on"] = False  # room again: Enter retries
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        store = app.screen.store
        assert store is not None
        claims = json.loads(store.path.read_text(encoding="utf-8"))["claims"].values()  # beside, or the data folder
        assert any(doc["exact"] == "قال الوزير" and doc["tags"] == ["وسم"] for doc in claims)

    run(path, steps)


def test_a_folder_that_refuses_a_save_midway_keeps_the_claim_in_the_data_folder_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = annotated_article(tmp_path)
    beside = path.parent / (path.name + ".annotations.json")
    before = beside.read_bytes()
    real_write = AtomicJSONStorage.write

    def write(self: AtomicJSONStorage, data: object) -> None:
        if Path(self.path) == beside:
            raise PermissionError(errno.EACCES, "Permission denied")
        real_write(self, data)  # type: ignore[arg-type]

    monkeypatch.setattr(AtomicJSONStorage, "write", write)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        select_words(app, "قال الوزير")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"الوزير", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        store = app.screen.store
        assert store is not None and store.path != beside
        saved_there = json.loads(store.path.read_text(encoding="utf-8"))
        assert len(saved_there["claims"]) == 4  # the three before and the new one
        assert any("annotations are kept in" in n.message for n in app._notifications)

    run(path, steps)
    assert beside.read_bytes() == before


def test_the_status_line_says_what_the_claim_at_the_cursor_is(tmp_path: Path) -> None:
    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("right_square_bracket")  # the first claim: the minister's, disputed, two tags
        await pilot.pause()
        status = app.screen.query_one("#article-status")
        shown = str(status.render())
        assert "disputed · " in shown and "ﺮﻳﺯﻮﻟﺍ" in shown  # الوزير, shaped for the terminal
        assert "ﺩﺎﺼﺘﻗﺍ#" in shown or "#ﺩﺎﺼﺘﻗﺍ" in shown  # the tag اقتصاد
        app.screen.query_one(ArticleView).move_cursor(0)  # no claim there
        await pilot.pause()
        assert "disputed" not in str(status.render())

    run(annotated_article(tmp_path), steps)


def test_a_claim_several_sources_make_and_taking_one_off_it(tmp_path: Path) -> None:
    from pilot_helpers import type_text

    path = annotated_article(tmp_path)

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        select_words(app, "قال الوزير")
        await pilot.press("c")
        await pilot.pause()
        await type_text(app, pilot, "الوزير؛ وكالة الأنباء الرسمية")
        await pilot.press("enter")
        await pilot.pause()
        claim = next(d for d in saved(path)["claims"].values() if d["exact"] == "قال الوزير")
        sources = {d["id"]: d for d in saved(path)["sources"].values()}
        assert claim["source_ids"][0] == "s-minister"  # the known source, not a copy
        assert [sources[i]["name"] for i in claim["source_ids"]] == ["الوزير", "وكالة الأنباء الرسمية"]
        # Editing shows both; taking the second out of the field takes it off the claim.
        select_words(app, "قال الوزير")
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#claim-source")
        assert field.value == "الوزير؛ وكالة الأنباء الرسمية"
        field.value = "الوزير"
        await pilot.press("enter")
        await pilot.pause()
        claim = next(d for d in saved(path)["claims"].values() if d["exact"] == "قال الوزير")
        assert claim["source_ids"] == ["s-minister"]
        await pilot.press("u")  # undo the edit: both again
        await pilot.pause()
        claim = next(d for d in saved(path)["claims"].values() if d["exact"] == "قال الوزير")
        assert len(claim["source_ids"]) == 2

    run(path, steps)


def test_evidence_typed_in_the_claim_dialog_is_saved_shown_in_the_panel_and_u_undoes_it(tmp_path: Path) -> None:
    path = annotated_article(tmp_path)

    def evidence_on_disk() -> list[list[str]]:
        return [doc["evidence"] for doc in saved(path)["claims"].values() if doc["id"] == "c-prices"]

    async def steps(app: QariApp, pilot: Pilot[None]) -> None:
        await pilot.press("p")
        await pilot.pause()
        entry_list = app.screen.query_one(AnnotationsPanel).query_one(EntryList)
        assert "evidence" not in entry_list.rows_of(0)[1]
        await pilot.press("e")  # the first claim listed: c-prices
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ClaimDialog)
        field = dialog.query_one("#claim-evidence")
        field.focus()
        await pilot.press(*"https://example.com/a", "space", "|", "space", *"بيان", "space", *"الوزارة", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert evidence_on_disk() == [["https://example.com/a", "بيان الوزارة"]]
        assert saved(path)["meta"]["1"]["schema_version"] == 2
        await pilot.pause()
        assert "2 evidence" in entry_list.rows_of(0)[1]
        app.screen.query_one(ArticleView).focus()
        await pilot.press("u")
        await pilot.pause()
        assert evidence_on_disk() == [[]]
        assert "evidence" not in entry_list.rows_of(0)[1]

    run(path, steps)
