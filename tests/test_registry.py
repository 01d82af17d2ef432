"""The source registry: the sources other articles of a folder name, read once and again only when a file
changes, offered by the claim dialog's type-ahead without reading files on the UI thread."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.paths import annotation_path
from reader.annotations.registry import SourceRegistry, known_sources
from reader.annotations.store import AnnotationStore

TEXT = "قالت سلمى حداد إن حملة التطعيم بدأت. وأكدت مصادر مطلعة أن اللقاحات وصلت.\n"


def annotated(folder: Path, name: str, *sources: Source) -> Path:
    path = folder / name
    path.write_text(TEXT, encoding="utf-8")
    with AnnotationStore.open(path, TEXT) as store:
        for source in sources:
            store.add_source(source)
        if sources:
            store.add_claim(Claim(Anchor.from_text(TEXT, 0, 4), (sources[0].id,)))
    return path


def test_neighbours_sources_are_read_once_and_again_only_when_a_file_changes(tmp_path: Path) -> None:
    salma = Source("سلمى حداد", "official", "المتحدثة باسم وزارة الصحة")
    insiders = Source("مصادر مطلعة", "anonymous")
    mine = annotated(tmp_path, "mine.txt", Source("مصدر المقال نفسه"))
    annotated(tmp_path, "health.txt", salma)
    other = annotated(tmp_path, "vaccines.txt", insiders)
    registry = SourceRegistry()
    found = registry.sources_near(mine)
    assert [(s.name, s.type, s.role) for s in found] == [
        (salma.name, "official", salma.role),
        (insiders.name, "anonymous", ""),
    ]
    assert registry.reads == 2
    assert registry.sources_near(mine) == found and registry.reads == 2  # nothing changed: nothing read
    with AnnotationStore.open(other, TEXT) as store:
        store.add_source(Source("وكالة الأنباء", "media"))
    names = [s.name for s in registry.sources_near(mine)]
    assert names == [salma.name, insiders.name, "وكالة الأنباء"] and registry.reads == 3
    assert registry.sources_near(None) == []


def test_a_damaged_neighbour_offers_what_it_can(tmp_path: Path) -> None:
    mine = tmp_path / "mine.txt"
    mine.write_text(TEXT, encoding="utf-8")
    annotation_path(tmp_path / "broken.txt").write_bytes(b"{not json")
    data = {
        "meta": {},
        "claims": "damaged",
        "sources": {"1": {"id": "s", "name": "سلمى حداد", "type": "rumour"}, "2": {"name": "  "}, "3": "x"},
    }
    annotation_path(tmp_path / "odd.txt").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    found = SourceRegistry().sources_near(mine)
    assert [(s.name, s.type, s.role) for s in found] == [("سلمى حداد", "other", "")]


def test_the_articles_own_sources_win_by_name_and_the_list_is_sorted() -> None:
    near = [Source("مصادر مطلعة", "anonymous", id="n1"), Source("سلمى حداد", "official", id="n2")]
    own = [Source("سلمي حداد", "official", id="mine")]  # ى and ي alike
    assert [s.id for s in known_sources(near, own)] == ["mine", "n1"]


def test_the_claim_dialog_offers_a_source_of_another_article_in_the_folder(tmp_path: Path) -> None:
    from pilot_helpers import store_open, until

    from reader.article import load_article
    from reader.ui.app import QariApp
    from reader.ui.claim_dialog import ClaimDialog

    annotated(tmp_path, "health.txt", Source("سلمى حداد", "official", "المتحدثة باسم وزارة الصحة"))
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 40)) as pilot:
            screen = await store_open(pilot)
            await until(pilot, lambda: bool(screen._near_sources))
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, ClaimDialog)
            assert [s.name for s in app.screen.known_sources] == ["سلمى حداد"]
            await pilot.press(*"سلمى", "down", "enter")
            await pilot.pause()
            assert app.screen.query_one("#claim-role").value == "المتحدثة باسم وزارة الصحة"
            await pilot.press("enter")
            await pilot.pause()
        saved = json.loads(annotation_path(path).read_text("utf-8"))
        (source,) = saved["sources"].values()
        assert (source["name"], source["type"]) == ("سلمى حداد", "official")  # this article's own copy

    asyncio.run(body())
