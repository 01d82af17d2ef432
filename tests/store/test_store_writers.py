"""The store's one writer and its files' places: a second qari is read-only and can take over; a folder
qari cannot write in keeps the annotations in the data folder."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from store_helpers import ARTICLE, QUOTES, anchor, file_state, filled, made_read_only, one_line, reading_order

from reader.annotations.model import Claim
from reader.annotations.store import (
    LOCKED_REASON,
    AnnotationStore,
    StoreError,
    annotation_path,
    count_claims,
    fallback_path,
)

# --------------------------------------------------------------------------
# Two writers


def test_a_second_store_on_the_same_article_is_read_only(article: Path, store: AnnotationStore) -> None:
    _, claims = filled(store)
    saved = annotation_path(article).read_bytes()
    with AnnotationStore.open(article, ARTICLE) as second:
        assert second.read_only and second.read_only_reason == LOCKED_REASON
        assert second.claims() == reading_order(claims)  # it shows them
        with pytest.raises(StoreError, match="open in another qari"):
            second.add_claim(Claim(anchor(QUOTES[1])))
        with pytest.raises(StoreError, match="open in another qari"):
            second.delete_claim(claims[0].id)
        assert annotation_path(article).read_bytes() == saved
        extra = Claim(anchor(QUOTES[3]), note="الأول ما زال يكتب")
        store.add_claim(extra)  # the first keeps writing
    store.close()
    with AnnotationStore.open(article, ARTICLE) as third:
        assert not third.read_only
        assert third.claims() == reading_order([*claims, extra])


def test_a_read_only_store_takes_over_once_the_other_qari_closes(article: Path, store: AnnotationStore) -> None:
    _, claims = filled(store)
    with AnnotationStore.open(article, ARTICLE) as second:
        assert second.read_only and not second.retry_lock()  # the first is still open
        extra = Claim(anchor(QUOTES[3]), note="آخر ما حفظه الأول")
        store.add_claim(extra)
        store.close()
        assert second.retry_lock()
        assert not second.read_only and "has closed" in (second.notice or "")
        assert second.claims() == reading_order([*claims, extra])  # what the first saved last is loaded
        mine = Claim(anchor(QUOTES[1]), note="الثاني يكتب الآن")
        second.add_claim(mine)
    with AnnotationStore.open(article, ARTICLE) as third:
        assert {c.id for c in third.claims()} == {c.id for c in [*claims, extra, mine]}


def test_a_lock_held_by_another_process_makes_the_store_read_only(article: Path, store: AnnotationStore) -> None:
    store.add_claim(Claim(anchor(QUOTES[0])))
    store.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from filelock import FileLock; lock = FileLock(sys.argv[1], timeout=5); lock.acquire(); "
            "print('locked', flush=True); sys.stdin.read()",
            str(annotation_path(article)) + ".lock",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        with AnnotationStore.open(article, ARTICLE) as second:
            assert second.read_only_reason == LOCKED_REASON and len(second.claims()) == 1
    finally:
        holder.communicate(b"", timeout=10)
    with AnnotationStore.open(article, ARTICLE) as after:
        assert not after.read_only


def test_two_stores_opened_before_any_file_existed(article: Path) -> None:
    first = AnnotationStore.open(article, ARTICLE)
    second = AnnotationStore.open(article, ARTICLE)
    kept = Claim(anchor(QUOTES[0]))
    first.add_claim(kept)
    with pytest.raises(StoreError, match="open in another qari"):
        second.add_claim(Claim(anchor(QUOTES[1])))
    assert second.read_only
    first.close()
    second.close()
    with AnnotationStore.open(article, ARTICLE) as reopened:
        assert reopened.claims() == [kept]


def test_a_file_saved_by_another_qari_meanwhile_is_loaded_not_overwritten(article: Path) -> None:
    first = AnnotationStore.open(article, ARTICLE)
    second = AnnotationStore.open(article, ARTICLE)
    theirs = Claim(anchor(QUOTES[0]))
    first.add_claim(theirs)
    first.close()
    mine = Claim(anchor(QUOTES[1]))
    second.add_claim(mine)
    assert second.notice is not None and "another qari" in second.notice
    assert second.claims() == [theirs, mine]
    second.close()
    with AnnotationStore.open(article, ARTICLE) as reopened:
        assert reopened.claims() == [theirs, mine]


def test_closing_releases_the_lock_and_stops_changes(article: Path, store: AnnotationStore) -> None:
    store.add_claim(Claim(anchor(QUOTES[0])))
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.add_claim(Claim(anchor(QUOTES[1])))
    lock = FileLock(str(annotation_path(article)) + ".lock", timeout=0)
    lock.acquire()  # would raise Timeout if the store still held it
    lock.release()


# --------------------------------------------------------------------------
# A folder qari cannot write in


@pytest.fixture
def read_only_folder(article: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with made_read_only(article.parent, monkeypatch) as folder:
        yield folder


def test_a_read_only_folder_keeps_the_annotations_in_the_data_folder(
    article: Path, read_only_folder: Path, _private_data_dir: Path
) -> None:
    before = file_state(read_only_folder)
    expected = (
        _private_data_dir
        / "annotations"
        / (hashlib.sha256(os.fsencode(article.resolve())).hexdigest()[:16] + "-iran.txt.annotations.json")
    )
    with AnnotationStore.open(article, ARTICLE) as store:
        assert store.path == expected == fallback_path(article)
        assert not store.read_only and store.notice is not None and one_line(store.notice)
        assert str(expected) in store.notice and "read-only" in store.notice
        assert not expected.exists()  # still nothing to save
        claim = Claim(anchor(QUOTES[0]), note="في مجلد القراءة فقط")
        store.add_claim(claim)
    assert file_state(read_only_folder) == before
    assert json.loads(expected.read_bytes())["claims"]["1"]["note"] == "في مجلد القراءة فقط"
    assert count_claims(article) == 1
    with AnnotationStore.open(article, ARTICLE) as again:
        assert again.claims() == [claim] and again.path == expected


def test_a_read_only_folder_with_annotations_starts_from_them(
    article: Path, monkeypatch: pytest.MonkeyPatch, _private_data_dir: Path
) -> None:
    with AnnotationStore.open(article, ARTICLE) as store:
        first = Claim(anchor(QUOTES[0]))
        store.add_claim(first)
    beside = annotation_path(article).read_bytes()
    with made_read_only(article.parent, monkeypatch):
        with AnnotationStore.open(article, ARTICLE) as store:
            assert store.claims() == [first] and store.path == fallback_path(article)
            assert store.notice is not None and "read-only" in store.notice
            second = Claim(anchor(QUOTES[1]))
            store.add_claim(second)
        assert annotation_path(article).read_bytes() == beside
        with AnnotationStore.open(article, ARTICLE) as store:
            assert store.claims() == [first, second]


def test_permission_denied_on_the_first_save_falls_back_to_the_data_folder(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: object, dir: object = None, **kwargs: object) -> tuple[int, str]:
        if Path(str(dir)) == article.parent:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, dir=dir, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    with AnnotationStore.open(article, ARTICLE) as store:
        assert store.path == annotation_path(article)
        claim = Claim(anchor(QUOTES[2]))
        store.add_claim(claim)
        assert store.path == fallback_path(article)
        assert store.notice is not None and "permission denied" in store.notice and one_line(store.notice)
    assert not annotation_path(article).exists()
    assert [d["id"] for d in json.loads(fallback_path(article).read_bytes())["claims"].values()] == [claim.id]
    with AnnotationStore.open(article, ARTICLE) as again:  # the folder seems writable: it reads the newer copy
        assert again.claims() == [claim]
