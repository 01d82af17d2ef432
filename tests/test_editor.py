"""The annotation editor without Textual: every command is one save, undo and redo are one save each,
listeners hear each change, and a refused or failed command changes nothing (file, store, stacks)."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.annotations.drafts import ClaimDraft, SourceDraft
from reader.annotations.editor import AnnotationEditor, EditorEvent, claim_span
from reader.annotations.errors import SaveError, StoreError
from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.paths import annotation_path
from reader.annotations.storage import AtomicJSONStorage
from reader.annotations.store import LOCKED_REASON, AnnotationStore
from reader.attribution import suggest

TEXT = (
    "قال الوزير إن الأسعار ستنخفض الشهر المقبل. "
    "وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة للدعم.\n"
    "وأشار كريم نور، الخبير الاقتصادي، إلى أن التضخم سيتراجع.\n"
)


def span(words: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def draft(
    name: str,
    kind: str = "other",
    role: str = "",
    *,
    more: tuple[Source, ...] = (),
    source_id: str | None = None,
    tags: tuple[str, ...] = (),
    status: str = "unverified",
    note: str = "",
    evidence: tuple[str, ...] = (),
) -> ClaimDraft:
    return ClaimDraft(name, kind, role, source_id, tags, status, note, more, evidence)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every storage write (each is one atomic save of the whole file), by path."""
    done: list[Path] = []
    real = AtomicJSONStorage.write

    def write(self: AtomicJSONStorage, data: dict) -> None:
        done.append(self.path)
        real(self, data)

    monkeypatch.setattr(AtomicJSONStorage, "write", write)
    return done


@pytest.fixture
def editor(article: Path) -> Iterator[AnnotationEditor]:
    with AnnotationStore.open(article, TEXT) as store:
        yield AnnotationEditor(store)


def on_disk(article: Path) -> dict:
    return json.loads(annotation_path(article).read_text("utf-8"))


def state(editor: AnnotationEditor) -> tuple[object, ...]:
    store = editor.store
    return store.claims(), store.orphans, store.sources(), list(editor.undo_stack), list(editor.redo_stack)


def test_a_claim_with_two_new_sources_is_one_save_and_undo_and_redo_one_each(
    article: Path, editor: AnnotationEditor, writes: list[Path]
) -> None:
    more = (Source("وكالة الأنباء الرسمية", "media"),)
    command = editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير", "official", more=more, tags=("أسعار",)))
    assert len(writes) == 1 and command.label == "claim saved (unverified, الوزير)"
    (claim,) = editor.store.claims()
    assert [editor.store.source(i).name for i in claim.source_ids] == ["الوزير", "وكالة الأنباء الرسمية"]
    assert len(on_disk(article)["sources"]) == 2 and len(on_disk(article)["claims"]) == 1
    assert editor.undo() is command and len(writes) == 2
    assert editor.store.claims() == [] and editor.store.sources() == []  # the sources made for it go too
    assert on_disk(article)["claims"] == {} and on_disk(article)["sources"] == {}
    assert editor.redo() is command and len(writes) == 3
    assert editor.store.claims() == [claim] and len(editor.store.sources()) == 2
    assert editor.undo_stack == [command] and editor.redo_stack == []


def test_a_known_source_keeps_its_id_and_a_new_role_is_taken_back_with_the_claim(
    editor: AnnotationEditor, writes: list[Path]
) -> None:
    minister = Source("الوزير", "official")
    editor.store.add_source(minister)
    writes.clear()
    editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير", "official", "وزير المالية", source_id=minister.id))
    assert len(writes) == 1
    assert editor.store.claims()[0].source_ids == (minister.id,)
    assert editor.store.source(minister.id).role == "وزير المالية"
    editor.undo()
    assert len(writes) == 2 and editor.store.sources() == [minister]


def test_a_source_another_claim_names_stays_when_the_claim_made_with_it_is_undone(editor: AnnotationEditor) -> None:
    first = editor.add_claim(*span("الأسعار ستنخفض"), draft("مصادر مطلعة", "anonymous"))
    source_id = editor.store.claims()[0].source_ids[0]
    editor.store.add_claim(Claim(Anchor.from_text(TEXT, *span("الحكومة تدرس خطة")), (source_id,)))
    assert editor.undo() is first
    assert editor.store.source(source_id) is not None and len(editor.store.claims()) == 1


def test_editing_a_claim_takes_a_source_off_it_and_undo_puts_it_back(
    editor: AnnotationEditor, writes: list[Path]
) -> None:
    editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير", more=(Source("كريم نور", "expert"),)))
    before = editor.store.claims()[0]
    writes.clear()
    command = editor.edit_claim(
        before, draft("الوزير", source_id=before.source_ids[0], status="false", tags=("اقتصاد",), note="ملاحظة")
    )
    after = editor.store.claims()[0]
    assert len(writes) == 1 and command.label == "claim updated"
    assert after.source_ids == before.source_ids[:1] and after.status == "false" and after.note == "ملاحظة"
    editor.undo()
    assert editor.store.claims() == [before] and len(writes) == 2
    editor.redo()
    assert editor.store.claims()[0].status == "false" and len(writes) == 3


def test_evidence_is_one_command_one_save_and_undo_gives_the_old_list_back(
    article: Path, editor: AnnotationEditor, writes: list[Path]
) -> None:
    editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير", evidence=("https://example.com/بيان",)))
    before = editor.store.claims()[0]
    assert before.evidence == ("https://example.com/بيان",)
    writes.clear()
    items = ["https://example.com/بيان", " بيان وزارة المالية ", "", "https://example.com/بيان", "https://e.org/x"]
    command = editor.set_evidence(before, items)
    after = editor.store.claims()[0]
    assert len(writes) == 1 and command.label == "evidence saved (3 items)"
    assert after.evidence == ("https://example.com/بيان", "بيان وزارة المالية", "https://e.org/x")
    assert on_disk(article)["claims"]["1"]["evidence"] == list(after.evidence)
    assert (after.source_ids, after.status, after.tags) == (before.source_ids, before.status, before.tags)
    editor.undo()
    assert editor.store.claims() == [before] and len(writes) == 2
    assert on_disk(article)["claims"]["1"]["evidence"] == ["https://example.com/بيان"]
    editor.redo()
    assert editor.store.claims()[0].evidence == after.evidence and len(writes) == 3
    editor.edit_claim(after, draft("الوزير", source_id=after.source_ids[0], evidence=()))
    assert editor.store.claims()[0].evidence == () and len(writes) == 4
    editor.undo()
    assert editor.store.claims()[0].evidence == after.evidence


def test_delete_claim_and_undo(editor: AnnotationEditor, writes: list[Path]) -> None:
    editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير"))
    (claim,) = editor.store.claims()
    writes.clear()
    editor.delete_claim(claim, label="claim deleted (u undoes)")
    assert editor.store.claims() == [] and len(writes) == 1
    assert editor.undo().label == "claim deleted (u undoes)"  # type: ignore[union-attr]
    assert editor.store.claims() == [claim] and len(writes) == 2


def test_accepting_a_suggestion_makes_its_claim_span_a_claim(editor: AnnotationEditor, writes: list[Path]) -> None:
    suggestion = next(s for s in suggest(TEXT) if "مصادر" in s.source)
    editor.accept_suggestion(suggestion, draft(suggestion.source, suggestion.source_type, suggestion.role))
    (claim,) = editor.store.claims()
    assert (claim.anchor.start, claim.anchor.end) == suggestion.claim_span and len(writes) == 1
    assert editor.store.source(claim.source_ids[0]).type == "anonymous"


def test_rename_merge_and_delete_sources(editor: AnnotationEditor, writes: list[Path]) -> None:
    editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير", "official"))
    editor.add_claim(*span("الحكومة تدرس خطة"), draft("وزير المالية", "official"))
    editor.add_claim(*span("التضخم سيتراجع"), draft("وزير المالية", "official"))
    minister, finance = editor.store.sources()
    writes.clear()
    renamed = editor.edit_source(minister, SourceDraft("الوزير الأول", "official", "رئيس الحكومة", ""))
    assert renamed.label == "source updated: الوزير الأول" and len(writes) == 1
    assert editor.store.source(minister.id).role == "رئيس الحكومة"
    assert editor.merge_target(finance, "الوزير الأوّل") == editor.store.source(minister.id)
    merged = editor.edit_source(finance, SourceDraft("الوزير الأول", "official", "", ""))
    assert merged.label == "وزير المالية merged into الوزير الأول (2 claims)" and len(writes) == 2
    assert [s.id for s in editor.store.sources()] == [minister.id]
    assert all(c.source_ids == (minister.id,) for c in editor.store.claims())
    editor.undo()  # the merge: the source and its two claims back, one save
    assert len(writes) == 3 and editor.store.source(finance.id) == finance
    assert len(editor.store.claims_of(finance.id)) == 2
    with pytest.raises(StoreError, match="named by 2 claims"):
        editor.delete_source(finance)
    assert len(writes) == 3
    unused = Source("مصدر بلا ادعاء")
    editor.store.add_source(unused)
    command = editor.delete_source(unused)
    assert command.label == "source deleted: مصدر بلا ادعاء" and editor.store.source(unused.id) is None
    editor.undo()
    assert editor.store.source(unused.id) == unused


def test_an_orphan_placed_again_cannot_be_undone(article: Path, writes: list[Path]) -> None:
    with AnnotationStore.open(article, TEXT) as store:
        store.add_claim(Claim(Anchor.from_text(TEXT, *span("الحكومة تدرس خطة")), note="يتيم"))
    changed = TEXT.replace("الحكومة تدرس خطة جديدة", "وزارة المالية تعد برنامجًا")
    with AnnotationStore.open(article, changed) as store:
        editor = AnnotationEditor(store)
        (orphan,) = store.orphans
        editor.add_claim(*span("التضخم سيتراجع", changed), draft("كريم نور"))
        writes.clear()
        command = editor.attach_orphan(orphan, *span("وزارة المالية تعد برنامجًا", changed))
        assert len(writes) == 1 and command.inverse is None
        assert store.orphans == [] and store.claim(orphan.id).anchor.exact == "وزارة المالية تعد برنامجًا"
        assert [c.label for c in editor.undo_stack] == ["claim saved (unverified, كريم نور)"]


def test_listeners_hear_every_change_and_can_stop(editor: AnnotationEditor) -> None:
    heard: list[EditorEvent] = []
    stop = editor.subscribe(heard.append)
    command = editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير"))
    editor.undo()
    editor.redo()
    assert [(e.kind, e.command) for e in heard] == [("done", command), ("undone", command), ("redone", command)]
    with pytest.raises(StoreError):
        editor.delete_source(editor.store.sources()[0])  # refused: nothing changed, nothing heard
    assert len(heard) == 3
    stop()
    editor.undo()
    assert len(heard) == 3


def test_a_new_command_clears_redo_and_nothing_to_undo_is_none(editor: AnnotationEditor) -> None:
    assert editor.undo() is None and editor.redo() is None and not editor.can_undo
    editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير"))
    editor.undo()
    assert editor.can_redo
    editor.add_claim(*span("التضخم سيتراجع"), draft("كريم نور"))
    assert not editor.can_redo and editor.can_undo


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_save_changes_nothing_for_every_command(
    article: Path, editor: AnnotationEditor, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير", "official"))
    editor.add_claim(*span("الحكومة تدرس خطة"), draft("مصادر مطلعة", "anonymous"))
    editor.add_claim(*span("التضخم سيتراجع"), draft("كريم نور", "expert"))
    claim = editor.store.claims()[0]
    minister, insiders, _ = editor.store.sources()
    editor.undo()
    saved = annotation_path(article).read_bytes()
    before = state(editor)
    heard: list[EditorEvent] = []
    editor.subscribe(heard.append)
    attempts = [
        lambda: editor.add_claim(*span("التضخم سيتراجع"), draft("خبير", more=(Source("وكالة"),))),
        lambda: editor.edit_claim(claim, draft("الوزير", source_id=minister.id, status="false")),
        lambda: editor.delete_claim(claim),
        lambda: editor.set_evidence(claim, ["https://example.com/تقرير"]),
        lambda: editor.edit_source(minister, SourceDraft("الوزير الأول", "official", "", "")),
        lambda: editor.merge_sources(minister, insiders),
        editor.undo,
        editor.redo,
    ]
    with monkeypatch.context() as patch:
        patch.setattr(os, failing, _disk_full)
        for attempt in attempts:
            with pytest.raises(SaveError, match="as they were"):
                attempt()
            assert state(editor) == before
    assert annotation_path(article).read_bytes() == saved and heard == []
    assert [p.name for p in article.parent.iterdir() if p.name.endswith(".tmp")] == []
    editor.redo()  # room again: the same command goes through
    assert len(editor.store.claims()) == 3


def test_a_read_only_store_refuses_every_command_and_takes_over_once_the_other_qari_closes(
    article: Path, writes: list[Path]
) -> None:
    first = AnnotationStore.open(article, TEXT)
    first.add_claim(Claim(Anchor.from_text(TEXT, *span("قال الوزير"))))
    with AnnotationStore.open(article, TEXT) as second:
        editor = AnnotationEditor(second)
        heard: list[EditorEvent] = []
        editor.subscribe(heard.append)
        assert editor.read_only and not editor.take_over()
        writes.clear()
        with pytest.raises(StoreError, match=LOCKED_REASON):
            editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير"))
        with pytest.raises(StoreError, match=LOCKED_REASON):
            editor.delete_claim(second.claims()[0])
        assert writes == [] and editor.undo_stack == [] and heard == []
        first.add_claim(Claim(Anchor.from_text(TEXT, *span("التضخم سيتراجع"))))
        first.close()
        assert editor.take_over() and [e.kind for e in heard] == ["reloaded"]
        assert len(second.claims()) == 2  # what the first saved last
        writes.clear()
        editor.add_claim(*span("الأسعار ستنخفض"), draft("الوزير"))
        assert len(writes) == 1 and len(on_disk(article)["claims"]) == 3


def test_claim_span_trims_white_space() -> None:
    assert claim_span(" قال الوزير \n", 0, 13) == (1, 11)
    assert claim_span("   ", 0, 3) == (3, 3)
