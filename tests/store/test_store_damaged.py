"""Files qari must not overwrite (damaged, cut short, too large, newer) and saves that fail: nothing is
lost and nothing changes."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import (
    ARTICLE,
    QUOTES,
    _claim_doc,
    _database,
    _disk_full,
    _without,
    anchor,
    file_state,
    filled,
    one_line,
    valid_meta,
)

from reader.annotations.model import Claim, Source
from reader.annotations.store import AnnotationStore, SaveError, StoreError, annotation_path

# --------------------------------------------------------------------------
# Files qari must not overwrite


DAMAGED: dict[str, tuple[bytes, str]] = {
    "not JSON": (b'{"meta": {"1": {"schema_version": 1}},\n\n  "claims": {oops}}', "not valid JSON (line 3)"),
    "truncated": (_database()[:-40], "cut short"),
    "truncated in a string": (_database()[:45], "cut short"),
    "not UTF-8": (_database().replace("الشرق".encode(), b"\xff\xfe\xfa"), "not UTF-8"),
    "null": (b"null", "damaged"),
    "a list": (b"[1, 2]", "damaged"),
    "claims table is a string": (_database(claims="مطالبات"), "claims table is not an object"),
    "claim is a string": (_database(claims={"1": "نص"}), "not an object"),
    "claim without start": (_database(claims={"1": _without("start")}), "has no start"),
    "start is text": (_database(claims={"1": _claim_doc(start="0")}), "start is '0'"),
    "start is a bool": (_database(claims={"1": _claim_doc(start=True, end=True, exact="٢")}), "start is True"),
    "start after end": (_database(claims={"1": _claim_doc(start=5, end=2)}), "starts at 5, after its end 2"),
    "negative offset": (_database(claims={"1": _claim_doc(start=-2, end=1)}), "start is -2"),
    "offsets beyond the quote": (_database(claims={"1": _claim_doc(end=900)}), "not 900"),
    "unknown status": (_database(claims={"1": _claim_doc(status="maybe")}), "status is 'maybe'"),
    "tags not a list": (_database(claims={"1": _claim_doc(tags="إيران")}), "tags is"),
    "a tag that is a number": (_database(claims={"1": _claim_doc(tags=["إيران", 5])}), "not a list of strings"),
    "a source id that is null": (_database(claims={"1": _claim_doc(source_ids=[None])}), "source_ids is"),
    "two claims with one id": (_database(claims={"1": _claim_doc(), "2": _claim_doc()}), "two claims"),
    "document number not a number": (_database(claims={"x": _claim_doc()}), "numbered 'x'"),
    "document numbers that are one": (
        _database(claims={"1": _claim_doc(), "01": _claim_doc(id="c2")}),
        "numbered '01'",
    ),
    "source of unknown type": (
        _database(sources={"1": {"id": "s", "name": "ن", "type": "rumour", "role": "", "note": ""}}),
        "type is 'rumour'",
    ),
    "no meta": (json.dumps({"claims": {}}).encode(), "no meta table"),
    "two metas": (_database(meta={"1": valid_meta(), "2": valid_meta()}), "2 documents"),
    "a claim naming a missing source": (
        _database(claims={"1": _claim_doc(source_ids=["gone"])}),
        "names the source 'gone', which is not in the sources table",
    ),
    "nested a hundred thousand deep": (b'{"meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    "newer schema": (_database(meta={"1": {**valid_meta(), "schema_version": 3}}), "written by a newer qari"),
    "newer schema, other shape": (
        json.dumps({"meta": {"1": {"schema_version": 7}}, "claims": []}).encode(),
        "schema 7",
    ),
}


@pytest.mark.parametrize("case", DAMAGED)
def test_a_file_qari_cannot_read_is_never_overwritten(article: Path, case: str) -> None:
    content, expected = DAMAGED[case]
    path = annotation_path(article)
    path.write_bytes(content)
    store = AnnotationStore.open(article, ARTICLE)
    reason = store.read_only_reason
    assert store.read_only and reason is not None and one_line(reason)
    assert expected in reason and reason.startswith("iran.txt.annotations.json ") and "read-only" in reason
    assert store.claims() == [] and store.orphans == [] and store.sources() == []
    attempts: list[Callable[[], None]] = [
        lambda: store.add_claim(Claim(anchor(QUOTES[0]))),
        lambda: store.add_source(Source("مصدر")),
        lambda: store.delete_claim("c1"),
        lambda: store.update_claim(Claim(anchor(QUOTES[0]), id="c1")),
        lambda: store.delete_source("s"),
    ]
    for attempt in attempts:
        with pytest.raises(StoreError) as raised:
            attempt()
        assert str(raised.value) == reason
    store.close()
    assert path.read_bytes() == content
    assert [p.name for p in article.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_file_too_large_to_be_annotations_is_refused_unread(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.annotations import storage

    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1000)
    path = annotation_path(article)
    content = _database(claims={str(i): _claim_doc(id=f"c{i}") for i in range(1, 40)})
    assert len(content) > 1000
    path.write_bytes(content)
    with AnnotationStore.open(article, ARTICLE) as store:
        assert store.read_only and "too large" in (store.read_only_reason or "")
        assert one_line(store.read_only_reason or "")
    assert path.read_bytes() == content


def test_offsets_beyond_the_article_make_an_orphan_not_a_crash(article: Path) -> None:
    path = annotation_path(article)
    far = 10**12
    content = _database(claims={"1": _claim_doc(start=far, end=far + 5, exact="غائب!", prefix="", suffix="")})
    path.write_bytes(content)
    with AnnotationStore.open(article, ARTICLE) as store:
        assert not store.read_only
        assert store.claims() == [] and [c.id for c in store.orphans] == ["c1"]
    assert path.read_bytes() == content  # nothing placed, nothing to save


def test_an_empty_file_is_an_empty_store(article: Path) -> None:
    annotation_path(article).write_bytes(b"")
    with AnnotationStore.open(article, ARTICLE) as store:
        assert not store.read_only
        store.add_claim(Claim(anchor(QUOTES[0])))
    assert len(json.loads(annotation_path(article).read_bytes())["claims"]) == 1


# --------------------------------------------------------------------------
# A save that fails


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_a_full_disk_changes_nothing(
    article: Path, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    sources, claims = filled(store)
    unused = Source("مصدر لا يستخدمه أحد")
    store.add_source(unused)
    saved = annotation_path(article).read_bytes()
    folder_before = file_state(article.parent)
    state = (store.claims(), store.sources(), store.orphans)
    new = Claim(anchor(QUOTES[0]), note="جديد")
    with monkeypatch.context() as patch:
        patch.setattr(os, failing, _disk_full)
        attempts: list[Callable[[], None]] = [
            lambda: store.add_claim(new),
            lambda: store.update_claim(claims[0].edited(note="تعديل لم يحفظ", tags=("x",))),
            lambda: store.delete_claim(claims[1].id),
            lambda: store.add_source(Source("مصدر جديد")),
            lambda: store.update_source(Source("اسم آخر", "expert", id=sources[0].id)),
            lambda: store.delete_source(unused.id),
        ]
        for attempt in attempts:
            with pytest.raises(SaveError) as raised:
                attempt()
            message = str(raised.value)
            assert one_line(message) and "No space left on device".lower() in message.lower()
            assert (store.claims(), store.sources(), store.orphans) == state
    assert file_state(article.parent) == folder_before  # same file, no temp file left
    assert annotation_path(article).read_bytes() == saved
    # The failed update did not change the saved document behind the store's back: a later save keeps the old one.
    store.add_claim(new)
    on_disk = {d["id"]: d for d in json.loads(annotation_path(article).read_bytes())["claims"].values()}
    assert on_disk[claims[0].id]["note"] == claims[0].note and on_disk[claims[0].id]["tags"] == list(claims[0].tags)
    assert claims[1].id in on_disk and new.id in on_disk


def test_a_full_disk_on_the_very_first_save_creates_nothing(
    article: Path, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = file_state(article.parent)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _disk_full)
        with pytest.raises(SaveError):
            store.add_claim(Claim(anchor(QUOTES[0])))
    assert store.claims() == []
    assert set(file_state(article.parent)) - set(before) <= {"iran.txt.annotations.json.lock"}
    assert not annotation_path(article).exists()
    retry = Claim(anchor(QUOTES[0]))
    store.add_claim(retry)  # the UI kept the edit: trying again works
    assert store.claims() == [retry]
