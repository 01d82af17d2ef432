"""The annotation store: round trip, nothing lost, nothing overwritten that qari cannot read.

Covers DESIGN.md "Annotations" and issue 5: every field survives a save and a
reopen with its Arabic intact; no file until there is something to save;
refused changes change nothing. One writer, files qari cannot read, failed
saves and changed articles have files of their own (``test_store_*.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import ARTICLE, QUOTES, anchor, file_state, filled, one_line, reading_order

import reader
from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.store import AnnotationStore, SaveError, StoreError, annotation_path, count_claims

# --------------------------------------------------------------------------
# Round trip


def test_round_trip_of_every_field_with_arabic_intact(article: Path, store: AnnotationStore) -> None:
    sources, claims = filled(store)
    assert store.sources() == sources
    assert store.claims() == reading_order(claims)
    store.close()
    with AnnotationStore.open(article, ARTICLE) as reopened:
        assert not reopened.read_only and reopened.orphans == []
        assert reopened.sources() == sources
        assert reopened.claims() == reading_order(claims)
        for claim in claims:
            again = reopened.claim(claim.id)
            assert again == claim and again is not None
            assert ARTICLE[again.anchor.start : again.anchor.end] == again.anchor.exact
        assert reopened.source(sources[2].id) == sources[2]


def test_updates_and_deletes_survive_a_reopen(article: Path, store: AnnotationStore) -> None:
    sources, claims = filled(store)
    changed = claims[0].edited(
        status="false", note="تبيّن أنه خطأ", tags=("مراجعة",), anchor=anchor(QUOTES[3]), source_ids=(sources[1].id,)
    )
    store.update_claim(changed)
    store.delete_claim(claims[1].id)
    renamed = Source("دبلوماسيون غربيون", "anonymous", "سفارات أوروبية", "", sources[4].id)
    store.update_source(renamed)
    store.delete_source(sources[0].id)  # claims[0] no longer names it
    expected = reading_order([changed, *claims[2:]])
    assert store.claims() == expected
    store.close()
    with AnnotationStore.open(article, ARTICLE) as reopened:
        assert reopened.claims() == expected
        assert reopened.source(renamed.id) == renamed
        assert reopened.source(sources[0].id) is None
        assert len(reopened.sources()) == len(sources) - 1


def test_claims_come_in_reading_order(store: AnnotationStore) -> None:
    later = Claim(anchor(QUOTES[2]))
    earlier = Claim(anchor(QUOTES[0]))
    inner = Claim(Anchor.from_text(ARTICLE, earlier.anchor.start, earlier.anchor.start + 5))
    for claim in (later, earlier, inner):
        store.add_claim(claim)
    assert [c.id for c in store.claims()] == [inner.id, earlier.id, later.id]


def test_unknown_fields_in_a_document_are_kept_on_update(article: Path, store: AnnotationStore) -> None:
    claim = Claim(anchor(QUOTES[0]))
    store.add_claim(claim)
    store.close()
    data = json.loads(annotation_path(article).read_text("utf-8"))
    data["claims"]["1"]["colour"] = "أحمر"
    annotation_path(article).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with AnnotationStore.open(article, ARTICLE) as reopened:
        reopened.update_claim(claim.edited(note="جديد"))
    doc = json.loads(annotation_path(article).read_text("utf-8"))["claims"]["1"]
    assert doc["colour"] == "أحمر" and doc["note"] == "جديد"


# --------------------------------------------------------------------------
# The file on disk


def test_no_file_until_there_is_something_to_save(article: Path, _private_data_dir: Path) -> None:
    before = file_state(article.parent)
    store = AnnotationStore.open(article, ARTICLE)
    assert store.path == annotation_path(article) and not store.read_only and store.notice is None
    assert store.claims() == [] and store.sources() == []
    store.close()
    with AnnotationStore.open(article, ARTICLE):
        assert file_state(article.parent) == before  # not even a lock file
    assert not _private_data_dir.exists()
    with AnnotationStore.open(article, ARTICLE) as store, pytest.raises(StoreError):
        store.add_claim(Claim(Anchor(0, 3, "لا!")))  # refused: creates nothing either
    assert file_state(article.parent) == before
    with AnnotationStore.open(article, ARTICLE) as store:
        store.add_source(Source("وزارة الصحة", "official"))
        assert annotation_path(article).is_file()


def test_json_on_disk_is_valid_and_holds_real_arabic(article: Path, store: AnnotationStore) -> None:
    sources, claims = filled(store)
    raw = annotation_path(article).read_bytes()
    text = raw.decode("utf-8")
    assert "مصدر رقم" in text and "إيران" in text and "\\u06" not in text
    data = json.loads(text)
    assert set(data) == {"meta", "sources", "claims"}
    assert list(data["meta"].values()) == [
        {
            "schema_version": 2,
            "article": "iran.txt",
            "sha256": hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest(),
            "app_version": reader.__version__,
        }
    ]
    docs = sorted(data["claims"].values(), key=lambda d: d["created"])
    assert [d["id"] for d in docs] == [c.id for c in claims]
    assert set(docs[0]) == {
        "id",
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
        "source_ids",
        "tags",
        "note",
        "status",
        "created",
        "updated",
        "evidence",
    }
    assert docs[0]["source_ids"] == list(claims[0].source_ids) and docs[0]["tags"] == list(claims[0].tags)
    assert docs[0]["exact"] == QUOTES[0] and docs[0]["prefix"] == claims[0].anchor.prefix
    source_docs = list(data["sources"].values())
    assert source_docs[0] == {
        "id": sources[0].id,
        "name": sources[0].name,
        "type": "official",
        "role": sources[0].role,
        "note": sources[0].note,
    }
    # Compact JSON, byte for byte what json.dumps writes (the storage assembles it from cached pieces).
    assert raw == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_the_file_is_readable_by_others_like_any_new_file(article: Path, store: AnnotationStore) -> None:
    store.add_claim(Claim(anchor(QUOTES[0])))
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(annotation_path(article).stat().st_mode) == 0o666 & ~umask


# --------------------------------------------------------------------------
# Refused changes


def test_changes_that_make_no_sense_are_refused(store: AnnotationStore) -> None:
    source = Source("وزارة الخارجية", "official")
    store.add_source(source)
    claim = Claim(anchor(QUOTES[0]), source_ids=(source.id,))
    store.add_claim(claim)
    refusals: list[tuple[Callable[[], None], str]] = [
        (lambda: store.add_claim(claim), "exists already"),
        (lambda: store.add_claim(Claim(Anchor(0, 4, "خطأ!"))), "not at 0:4"),
        (lambda: store.add_claim(Claim(anchor(QUOTES[1]), source_ids=("nobody",))), "unknown source"),
        (lambda: store.update_claim(Claim(anchor(QUOTES[1]))), "no claim"),
        (lambda: store.delete_claim("nothing"), "no claim"),
        (lambda: store.add_source(source), "exists already"),
        (lambda: store.update_source(Source("أحد")), "no source"),
        (lambda: store.delete_source("nothing"), "no source"),
        (lambda: store.delete_source(source.id), "named by 1 claim"),
    ]
    for refused, message in refusals:
        with pytest.raises(StoreError, match=message) as raised:
            refused()
        assert not isinstance(raised.value, SaveError) and one_line(str(raised.value))
    assert store.claims() == [claim] and store.sources() == [source]
    store.delete_claim(claim.id)
    store.delete_source(source.id)
    assert store.sources() == []


def test_find_source_ignores_harakat_hamza_forms_and_spacing(store: AnnotationStore) -> None:
    official = Source("مسؤول أمريكي رفيع", "anonymous")
    expert = Source("Mick Mulroy", "expert")
    store.add_source(official)
    store.add_source(expert)
    assert store.find_source("مسؤولٌ امريكيّ  رفيع ") == official
    assert store.find_source("mick mulroy") == expert
    assert store.find_source("مسؤول أوروبي") is None


def test_tags_in_use_most_used_first(store: AnnotationStore) -> None:
    store.add_claim(Claim(anchor(QUOTES[0]), tags=("نووي", "إيران")))
    store.add_claim(Claim(anchor(QUOTES[1]), tags=("إيران",)))
    assert store.tags() == ["إيران", "نووي"]


def test_stale_temp_files_of_a_killed_qari_are_removed(article: Path) -> None:
    with AnnotationStore.open(article, ARTICLE) as store:
        store.add_claim(Claim(anchor(QUOTES[0])))
    stale = article.parent / ".iran.txt.annotations.json.k3j_x.tmp"
    other = article.parent / ".notes.tmp"
    stale.write_bytes(b'{"half')
    other.write_bytes(b"not ours")
    with AnnotationStore.open(article, ARTICLE):
        assert not stale.exists() and other.exists()


# --------------------------------------------------------------------------
# count_claims


def test_count_claims(article: Path, tmp_path: Path) -> None:
    assert count_claims(article) is None
    with AnnotationStore.open(article, ARTICLE) as store:
        store.add_source(Source("مصدر"))
        assert count_claims(article) == 0
        for quote in QUOTES[:3]:
            store.add_claim(Claim(anchor(quote)))
            assert count_claims(article) == len(store.claims())
    annotation_path(article).write_bytes(b"{broken")
    assert count_claims(article) is None
    odd = tmp_path / "folder.txt"
    annotation_path(odd).mkdir()
    assert count_claims(odd) is None
    assert count_claims(Path("\0bad")) is None


def test_with_the_real_anchoring_module(article: Path) -> None:
    """Edits before, inside and after quotes with ``reanchor`` itself; a claim whose paragraph went is an orphan."""
    pytest.importorskip("reader.annotations.anchor")
    with AnnotationStore.open(article, ARTICLE) as store:
        claims = [Claim(anchor(quote)) for quote in QUOTES]
        for claim in claims:
            store.add_claim(claim)
    gone = ARTICLE.splitlines(keepends=True)[5]  # the paragraph of QUOTES[2]
    edited = "عاجل: " + ARTICLE.replace(gone, "").replace("رغم الصعوبات", "رغم كل الصعوبات")
    with AnnotationStore.open(article, edited) as store:
        placed = {c.id: c for c in store.claims()}
        assert [c.id for c in store.orphans] == [claims[2].id]
        for claim in (claims[1], claims[3]):  # untouched quotes, moved
            assert edited[placed[claim.id].anchor.start : placed[claim.id].anchor.end] == claim.anchor.exact
        inside = placed[claims[0].id].anchor  # the quote itself was edited
        assert "رغم كل الصعوبات" in edited[inside.start : inside.end]
    with AnnotationStore.open(article, edited) as store:
        assert len(store.claims()) == 3 and [c.id for c in store.orphans] == [claims[2].id]
