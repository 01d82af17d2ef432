"""The storage under the store: cached pieces give json.dumps's bytes, it works as a TinyDB storage, commit
behaves like TinyDB and changes nothing when it fails, and the quick claim check agrees with the detailed one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from store_helpers import _claim_doc, _disk_full, _without
from tinydb import TinyDB

from reader.annotations import schema
from reader.annotations.store import AtomicJSONStorage


def test_pieces_cached_between_saves_give_the_same_bytes_as_json_dumps(tmp_path: Path) -> None:
    storage = AtomicJSONStorage(tmp_path / "db.json", immutable_documents=True)
    plain = AtomicJSONStorage(tmp_path / "plain.json")
    data: dict = {"meta": {"1": {"v": 1}}, "claims": {}}
    for i in range(1, 30):
        data = {**data, "claims": {**data["claims"], str(i): {"n": i, "نص": "ب" * i, "l": [1, None, True]}}}
        if i % 7 == 0:
            data["claims"] = {k: v for k, v in data["claims"].items() if k != str(i - 3)}
        if i % 5 == 0:
            data["claims"][str(i - 1)] = {"n": -i, "changed": "نعم"}
        storage.write(data)
        plain.write(data)
        assert storage.path.read_bytes() == plain.path.read_bytes()
        assert json.loads(storage.path.read_bytes()) == data


def test_atomic_storage_works_as_a_tinydb_storage(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    assert db.storage.read() is None and not path.exists()
    db.table("t").insert({"name": "مصادر مطلعة"})
    db.table("t").update({"name": "مصادر"})  # plain TinyDB edits in place: fine without immutable_documents
    assert json.loads(path.read_text("utf-8")) == {"t": {"1": {"name": "مصادر"}}}
    again = TinyDB(path, storage=AtomicJSONStorage)
    assert again.table("t").all() == [{"name": "مصادر"}]


def test_committed_changes_behave_like_tinydb_and_never_edit_saved_documents(tmp_path: Path) -> None:
    """Inserts, replacements and removals through ``commit`` give what stock TinyDB gives, saved documents stay."""
    import random

    from tinydb.storages import MemoryStorage
    from tinydb.table import Document

    from reader.annotations.storage import open_database

    storage = AtomicJSONStorage(tmp_path / "db.json", immutable_documents=True)
    ours = open_database(storage)
    stock = TinyDB(storage=MemoryStorage)
    rng = random.Random(11)
    for step in range(300):
        before = storage.read() or {}
        snapshot = json.dumps(before, sort_keys=True)
        changes: dict[str, dict[int, dict | None]] = {}
        for name in rng.sample(["t", "u"], rng.randint(1, 2)):
            table = stock.table(name)
            for doc_id in rng.sample(range(1, 13), rng.randint(1, 4)):  # each document changes once a step
                if rng.random() < 0.3:
                    if table.contains(doc_id=doc_id):  # TinyDB 4.8 raises for a missing one
                        table.remove(doc_ids=[doc_id])
                    changes.setdefault(name, {})[doc_id] = None
                else:
                    doc = {"v": rng.randrange(20), "tags": ["وسم"] * rng.randint(0, 2)}
                    if table.contains(doc_id=doc_id):  # replaced where it stands, as TinyDB's update does
                        table.update(lambda old, new=doc: (old.clear(), old.update(new)), doc_ids=[doc_id])
                    else:
                        table.insert(Document(doc, doc_id=doc_id))
                    changes.setdefault(name, {})[doc_id] = doc
        ours.commit(changes)
        on_disk = json.loads(storage.path.read_bytes())
        assert on_disk == stock.storage.read(), step  # type: ignore[union-attr]
        assert storage.path.read_bytes() == json.dumps(on_disk, ensure_ascii=False, separators=(",", ":")).encode()
        for name in changes:
            assert ours.table(name).all() == stock.table(name).all(), step
        assert json.dumps(before, sort_keys=True) == snapshot, step  # the change did not edit what was saved


def test_a_failed_commit_changes_neither_file_nor_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.annotations.storage import open_database

    storage = AtomicJSONStorage(tmp_path / "db.json", immutable_documents=True)
    db = open_database(storage)
    db.commit({"t": {1: {"v": 1}}, "u": {1: {"w": 2}}})
    saved = storage.path.read_bytes()
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _disk_full)
        with pytest.raises(OSError):
            db.commit({"t": {1: None, 2: {"v": 3}}, "u": {1: {"w": 4}}})
    assert storage.path.read_bytes() == saved
    assert db.table("t").all() == [{"v": 1}] and db.table("u").all() == [{"w": 2}]


def _verdicts(table: dict[str, dict[str, object]], sources: set[str]) -> tuple[bool, bool]:
    """(the quick check's verdict on the claims, the one-by-one check's)."""
    try:
        quick = schema.good_claims(schema.claim_columns(table.values()), sources)
    except KeyError:
        quick = False
    try:
        schema._check_claims(table, sources)
        detailed = True
    except schema.Damaged:
        detailed = False
    return quick, detailed


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"id": ""},
        {"id": 3},
        {"start": 1.0},
        {"end": None},
        {"start": False},
        {"exact": None},
        {"prefix": 1},
        {"suffix": []},
        {"source_ids": ["a", 1]},
        {"source_ids": "a"},
        {"tags": [["x"]]},
        {"tags": ()},
        {"note": None},
        {"status": "unverified "},
        {"status": ["false"]},
        {"created": 0},
        {"updated": None},
        {"start": -1},
    ],
)
def test_the_quick_claim_check_agrees_with_the_detailed_one(changes: dict[str, object]) -> None:
    good = {str(i): _claim_doc(id=f"c{i}") for i in range(2, 6)}
    quick, detailed = _verdicts({**good, "1": _claim_doc(**changes)}, set())  # the bad one among good ones
    assert quick is detailed
    assert _verdicts({"1": _without("status")}, set()) == (False, False)


@pytest.mark.parametrize(
    ("table", "sources", "passes"),
    [
        ({}, set(), True),
        ({"1": _claim_doc(), "2": _claim_doc(id="c2", source_ids=["s"], tags=["a", "b"])}, {"s"}, True),
        ({"1": _claim_doc(start=3, end=0)}, set(), False),
        ({"1": _claim_doc(end=4)}, set(), False),
        ({"1": _claim_doc(), "2": _claim_doc()}, set(), False),
        ({"1": _claim_doc(source_ids=["gone"])}, {"s"}, False),
        ({"1": _claim_doc(), "2": _without("note")}, set(), False),
        ({"1": _claim_doc(updated="")}, set(), True),
        ({"1": _claim_doc(updated="", created=None)}, set(), False),
        ({"1": _claim_doc(updated=None)}, set(), False),
        ({"1": _claim_doc(start=0, end=0, exact="")}, set(), True),
    ],
)
def test_the_quick_claim_check_agrees_on_whole_tables(
    table: dict[str, dict[str, object]], sources: set[str], passes: bool
) -> None:
    assert _verdicts(table, sources) == (passes, passes)
