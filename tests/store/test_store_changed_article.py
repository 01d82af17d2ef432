"""A changed article: the store places its claims again and keeps those it cannot place (orphans)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from filelock import FileLock
from store_helpers import _edited_article, anchor, nearest

import reader.annotations.store as store_module
from reader.annotations.model import Anchor, Claim
from reader.annotations.store import AnnotationStore, annotation_path, count_claims

# --------------------------------------------------------------------------
# The article changed


def test_a_changed_article_re_anchors_claims_and_keeps_orphans(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_place_all", lambda anchors, text: [nearest(a, text) for a in anchors])
    edited, claims = _edited_article(article)
    before = {d["id"]: d for d in json.loads(annotation_path(article).read_bytes())["claims"].values()}
    with AnnotationStore.open(article, edited) as store:
        placed = store.claims()
        assert [c.id for c in placed] == [claims[0].id, claims[2].id]
        for claim in placed:
            assert edited[claim.anchor.start : claim.anchor.end] == claim.anchor.exact
            old = next(c for c in claims if c.id == claim.id)
            assert claim.anchor.start == edited.index(old.anchor.exact) != old.anchor.start
            assert claim.anchor == Anchor.from_text(edited, claim.anchor.start, claim.anchor.end)  # fresh context
        assert store.orphans == [claims[1]]  # listed, as it was
    data = json.loads(annotation_path(article).read_bytes())
    after = {d["id"]: d for d in data["claims"].values()}
    assert after[claims[1].id] == before[claims[1].id]  # kept untouched
    assert after[claims[0].id]["start"] == before[claims[0].id]["start"] + len("تحديث: ")  # saved at once
    assert next(iter(data["meta"].values()))["sha256"] == hashlib.sha256(edited.encode()).hexdigest()
    with AnnotationStore.open(article, edited) as again:  # still an orphan, still kept, new claims saved beside it
        assert again.orphans == [claims[1]]
        again.add_claim(Claim(anchor("حققت", edited)))
        assert len(again.claims()) == 3
    assert claims[1].id in {d["id"] for d in json.loads(annotation_path(article).read_bytes())["claims"].values()}
    assert count_claims(article) == 4


def test_an_orphan_can_be_placed_again_or_deleted(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_place_all", lambda anchors, text: [nearest(a, text) for a in anchors])
    edited, _claims = _edited_article(article)
    with AnnotationStore.open(article, edited) as store:
        (orphan,) = store.orphans
        store.update_claim(orphan.edited(note="ما زال يتيما"))  # its anchor is unchanged: it stays an orphan
        assert store.orphans[0].note == "ما زال يتيما"
        store.update_claim(orphan.edited(anchor=anchor("الضربات حققت", edited)))
        assert store.orphans == [] and orphan.id in [c.id for c in store.claims()]
        store.delete_claim(orphan.id)
    with AnnotationStore.open(article, edited) as store:
        assert store.orphans == [] and len(store.claims()) == 2


def test_a_read_only_store_re_anchors_in_memory_only(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_place_all", lambda anchors, text: [nearest(a, text) for a in anchors])
    edited, _claims = _edited_article(article)
    saved = annotation_path(article).read_bytes()
    lock = FileLock(str(annotation_path(article)) + ".lock", timeout=0)
    lock.acquire()
    try:
        with AnnotationStore.open(article, edited) as store:
            assert store.read_only and len(store.claims()) == 2 and len(store.orphans) == 1
    finally:
        lock.release()
    assert annotation_path(article).read_bytes() == saved
