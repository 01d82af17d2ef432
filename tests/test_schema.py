"""The one schema: records ↔ documents through one codec, and files of an older schema migrated step by step.

Only schema 1 was ever written, so the migrations are tried with a synthetic
schema 0: claims had one ``source`` id where schema 1 has ``source_ids``.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from reader.annotations import schema
from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.paths import annotation_path
from reader.annotations.reading import read_annotations
from reader.annotations.store import AnnotationStore

TEXT = "قال الوزير إن الأسعار ستنخفض الشهر المقبل.\n"
QUOTE = "الأسعار ستنخفض"


def _v0_database() -> dict[str, Any]:
    start = TEXT.index(QUOTE)
    meta = {
        "schema_version": 0,
        "article": "prices.txt",
        "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "app_version": "0.0.1",
    }
    claim = {
        "id": "c1",
        "start": start,
        "end": start + len(QUOTE),
        "exact": QUOTE,
        "prefix": TEXT[:start],
        "suffix": TEXT[start + len(QUOTE) :],
        "source": "s1",
        "tags": ["أسعار"],
        "note": "",
        "status": "disputed",
        "created": "2024-05-01T09:00:00Z",
        "updated": "2024-05-01T09:00:00Z",
    }
    source = {"id": "s1", "name": "الوزير", "type": "official", "role": "", "note": ""}
    return {"meta": {"1": meta}, "sources": {"1": source}, "claims": {"1": claim}}


def _zero_to_one(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 0 → 1: a claim's one ``source`` becomes the list ``source_ids``."""
    claims = {}
    for key, doc in data["claims"].items():
        doc = {name: value for name, value in doc.items() if name != "source"}
        doc["source_ids"] = [data["claims"][key]["source"]] if data["claims"][key].get("source") else []
        claims[key] = doc
    return {**data, "claims": claims}


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "prices.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_the_codec_gives_back_every_record() -> None:
    claim = Claim(Anchor.from_text(TEXT, 4, 10), ("s1", "s2"), ("وسم",), "ملاحظة", "false")
    source = Source("مصادر مطلعة", "anonymous", "دبلوماسي", "ملاحظة", "s1")
    meta = schema.Meta(1, "prices.txt", "ab" * 32, "0.1.0")
    assert schema.claim_from_doc(schema.claim_to_doc(claim)) == claim
    assert schema.source_from_doc(schema.source_to_doc(source)) == source
    assert schema.meta_to_doc(meta) == {
        "schema_version": 1,
        "article": "prices.txt",
        "sha256": "ab" * 32,
        "app_version": "0.1.0",
    }
    assert json.loads(json.dumps(schema.claim_to_doc(claim))) == schema.claim_to_doc(claim)


def test_migrate_takes_each_step_and_never_changes_what_it_was_given() -> None:
    data = _v0_database()
    before = copy.deepcopy(data)
    migrated = schema.migrate(data, 0, {0: _zero_to_one})
    assert data == before
    assert migrated["claims"]["1"]["source_ids"] == ["s1"] and "source" not in migrated["claims"]["1"]
    assert migrated["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION
    with pytest.raises(schema.Damaged, match="schema_version is 0"):
        schema.migrate(data, 0, {})


def test_an_older_file_is_migrated_on_opening_and_saved_in_the_current_schema(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", {0: _zero_to_one})
    path = annotation_path(article)
    path.write_text(json.dumps(_v0_database(), ensure_ascii=False), encoding="utf-8")
    snapshot = read_annotations(article, TEXT)  # export and statistics read it too, without writing
    assert snapshot is not None and snapshot.claims[0].source_ids == ("s1",)
    assert json.loads(path.read_text("utf-8"))["meta"]["1"]["schema_version"] == 0
    with AnnotationStore.open(article, TEXT) as store:
        assert not store.read_only
        (claim,) = store.claims()
        assert claim.source_ids == ("s1",) and claim.status == "disputed" and claim.tags == ("أسعار",)
        assert store.source("s1") == Source("الوزير", "official", id="s1")
    saved = json.loads(path.read_text("utf-8"))
    assert saved["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION
    assert saved["claims"]["1"]["source_ids"] == ["s1"] and "source" not in saved["claims"]["1"]
    monkeypatch.setattr(schema, "MIGRATIONS", {})  # the current schema needs no step
    with AnnotationStore.open(article, TEXT) as store:
        assert not store.read_only and store.claims()[0].source_ids == ("s1",)


def test_an_older_file_without_a_migration_is_damaged_and_left_alone(article: Path) -> None:
    path = annotation_path(article)
    content = json.dumps(_v0_database(), ensure_ascii=False).encode()
    path.write_bytes(content)
    with AnnotationStore.open(article, TEXT) as store:
        assert store.read_only and "schema_version is 0" in (store.read_only_reason or "")
    assert path.read_bytes() == content
