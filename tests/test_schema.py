"""The one schema: records ↔ documents through one codec, and files of an older schema migrated step by step.

The migrations are tried with a synthetic schema 0 (claims had one ``source``
id where schema 1 has ``source_ids``) and with the real step 1 → 2 (claims
gain ``evidence``).
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotations import schema
from reader.annotations.model import STATUSES, Anchor, Claim, ClaimColumns, Source
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
    migrated = schema.migrate(data, 0, {0: _zero_to_one, **schema.MIGRATIONS})
    assert data == before
    assert migrated["claims"]["1"]["source_ids"] == ["s1"] and "source" not in migrated["claims"]["1"]
    assert migrated["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION
    with pytest.raises(schema.Damaged, match="schema_version is 0"):
        schema.migrate(data, 0, {})


def test_an_older_file_is_migrated_on_opening_and_saved_in_the_current_schema(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", {0: _zero_to_one, **schema.MIGRATIONS})
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


# --------------------------------------------------------------------------
# The quick check of many claims (columns, C loops) and the one-by-one check that says what is wrong

_BAD: dict[str, list[object]] = {
    "id": ["", 3, None, "c1"],  # "c1": the id of another claim
    "start": [-1, True, 1.0, "0", None, 99],
    "end": [-1, False, 2.5, None, 0],
    "exact": [None, 1, "زائد"],
    "prefix": [None, 0],
    "suffix": [[], None],
    "source_ids": ["s1", None, [1], [None], ["s9"]],  # s9: not in the sources table
    "tags": ["وسم", [["x"]], [2], None],
    "note": [None, 1.5],
    "status": ["maybe", None, ["false"], 1, "Unverified"],
    "created": [0, None],
    "updated": [None, 0, ""],  # "": fine, it is the created time
    "evidence": ["https://example.com", None, [3], [["x"]], ["بيان", 1]],
}


@st.composite
def _claim_docs(draw: st.DrawFn, number: int) -> dict[str, object]:
    exact = draw(st.text(alphabet="اب ", max_size=4))
    start = draw(st.integers(0, 5))
    doc: dict[str, object] = {
        "id": f"c{number}",
        "start": start,
        "end": start + len(exact),
        "exact": exact,
        "prefix": "قبل",
        "suffix": "",
        "source_ids": draw(st.lists(st.sampled_from(["s1", "s2"]), max_size=2)),
        "tags": draw(st.lists(st.sampled_from(["إيران", "نووي"]), max_size=2)),
        "note": "",
        "status": draw(st.sampled_from(STATUSES)),
        "created": "2025-01-01T00:00:00Z",
        "updated": "2025-01-02T00:00:00Z",
        "evidence": draw(st.lists(st.sampled_from(["https://example.com/a", "بيان الوزارة"]), max_size=2)),
    }
    if draw(st.integers(0, 3)) == 0:  # a quarter of the claims spoilt in one or two fields
        for field in draw(st.lists(st.sampled_from(sorted(_BAD)), min_size=1, max_size=2)):
            doc[field] = draw(st.sampled_from(_BAD[field]))
    if draw(st.integers(0, 15)) == 0:
        del doc[draw(st.sampled_from(sorted(_BAD)))]
    return doc


@given(st.integers(0, 6).flatmap(lambda n: st.tuples(*(_claim_docs(i) for i in range(1, n + 1)))))
def test_the_quick_check_of_many_claims_agrees_with_the_one_by_one_check(docs: tuple[dict[str, object], ...]) -> None:
    table = {str(number): doc for number, doc in enumerate(docs, 1)}
    try:
        quick = schema.good_claims(schema.claim_columns(table.values()), {"s1", "s2"})
    except KeyError:
        quick = False
    try:
        schema._check_claims(table, {"s1", "s2"})
        detailed = True
    except schema.Damaged:
        detailed = False
    assert quick is detailed


def test_claims_read_as_columns_are_the_claims_the_codec_makes(article: Path) -> None:
    """Export and statistics read claims as columns: the same claims, in reading order, ``updated`` filled in."""
    data = _v0_database()
    data["meta"]["1"]["schema_version"] = schema.SCHEMA_VERSION
    claim = data["claims"].pop("1")
    del claim["source"]
    claim["evidence"] = ["https://example.com/الأسعار"]
    first = {**claim, "id": "late", "start": 4, "end": 10, "exact": TEXT[4:10], "source_ids": ["s1"], "updated": ""}
    second = {**claim, "id": "early", "start": 0, "end": 3, "exact": TEXT[0:3], "source_ids": [], "tags": []}
    data["claims"] = {"1": first, "2": second}
    annotation_path(article).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    snapshot = read_annotations(article, TEXT)
    assert snapshot is not None and snapshot.placed == 2 and snapshot.orphans == ()
    assert snapshot.claims == (schema.claim_from_doc(second), schema.claim_from_doc(first))
    assert snapshot.claims[1].updated == claim["created"]
    assert ClaimColumns.of(snapshot.claims).claims() == snapshot.columns.claims() == snapshot.claims
    assert snapshot.columns.take([1, 0]).claims() == snapshot.claims[::-1]


@given(st.lists(st.sampled_from(["1", "2", "0", "01", "00", "10", "", " 1", "+1", "-1", "1_0", "١", "x", "007"])))
def test_document_numbers_are_checked_as_one_by_one(keys: list[str]) -> None:
    assert schema.numbered(keys) is all(k.isascii() and k.isdigit() and str(int(k)) == k for k in keys)


# --------------------------------------------------------------------------
# Schema 2: evidence


def _v1_database() -> dict[str, Any]:
    """A file as qari 0.1.0 wrote it: schema 1, claims without ``evidence``."""
    data = _zero_to_one(_v0_database())
    data["meta"]["1"]["schema_version"] = 1
    assert "evidence" not in data["claims"]["1"]
    return data


def test_a_schema_1_file_gains_empty_evidence_and_is_saved_as_schema_2(article: Path) -> None:
    path = annotation_path(article)
    path.write_text(json.dumps(_v1_database(), ensure_ascii=False), encoding="utf-8")
    snapshot = read_annotations(article, TEXT)
    assert snapshot is not None and snapshot.claims[0].evidence == ()
    assert json.loads(path.read_text("utf-8"))["meta"]["1"]["schema_version"] == 1  # read only: untouched
    with AnnotationStore.open(article, TEXT) as store:
        assert not store.read_only
        (claim,) = store.claims()
        assert claim.evidence == () and claim.source_ids == ("s1",) and claim.status == "disputed"
        store.update_claim(claim.edited(evidence=("https://example.com/بيان", "بيان وزارة المالية")))
    saved = json.loads(path.read_text("utf-8"))
    assert saved["meta"]["1"]["schema_version"] == 2
    assert saved["claims"]["1"]["evidence"] == ["https://example.com/بيان", "بيان وزارة المالية"]
    with AnnotationStore.open(article, TEXT) as store:
        assert store.claims()[0].evidence == ("https://example.com/بيان", "بيان وزارة المالية")
    again = read_annotations(article, TEXT)
    assert again is not None and again.claims[0].evidence == ("https://example.com/بيان", "بيان وزارة المالية")


def test_the_step_to_schema_2_keeps_evidence_a_file_already_has_and_changes_nothing_given() -> None:
    data = _v1_database()
    data["claims"]["1"]["evidence"] = ["ملاحظة"]
    data["claims"]["2"] = "not a claim"
    before = copy.deepcopy(data)
    migrated = schema.migrate(data, 1)
    assert data == before
    assert migrated["claims"]["1"]["evidence"] == ["ملاحظة"] and migrated["claims"]["2"] == "not a claim"
    assert migrated["meta"]["1"]["schema_version"] == 2


def test_a_file_of_a_newer_schema_stays_read_only_and_untouched(article: Path) -> None:
    data = _v1_database()
    data["meta"]["1"]["schema_version"] = schema.SCHEMA_VERSION + 1
    path = annotation_path(article)
    content = json.dumps(data, ensure_ascii=False).encode()
    path.write_bytes(content)
    with AnnotationStore.open(article, TEXT) as store:
        assert store.read_only and "newer qari" in (store.read_only_reason or "")
    assert path.read_bytes() == content


def test_evidence_that_is_not_a_list_of_strings_is_damage(article: Path) -> None:
    data = schema.migrate(_v1_database(), 1)
    data["claims"]["1"]["evidence"] = "https://example.com"
    with pytest.raises(schema.Damaged, match=re.escape("evidence is 'https://example.com', not a list of strings")):
        schema.check(data)
