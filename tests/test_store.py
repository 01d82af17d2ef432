"""The annotation store: round trip, nothing lost, nothing overwritten that qari cannot read.

Covers DESIGN.md "Annotations" and issue 5: every field survives a save and a
reopen with its Arabic intact; no file until there is something to save; one
writer (a second store, in this process or another, is read-only); damaged or
newer files are left byte for byte; a read-only folder falls back to the data
folder; a failed save changes nothing; a changed article re-anchors its claims
and keeps the orphans.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from filelock import FileLock
from tinydb import TinyDB

import reader
import reader.annotations.store as store_module
from reader.annotations import schema
from reader.annotations.model import SOURCE_TYPES, STATUSES, Anchor, Claim, Source
from reader.annotations.store import (
    DATA_DIR_ENV,
    LOCKED_REASON,
    AnnotationStore,
    AtomicJSONStorage,
    SaveError,
    StoreError,
    annotation_path,
    count_claims,
    fallback_path,
)

ARTICLE = (
    "٢٢ يناير ٢٠٢٥\n"
    "الشرق الآن\n"
    "\n"
    "أكدت باربرا ليف، مساعدة وزير الخارجية الأمريكي، أن المفاوضات مستمرة رغم الصعوبات.\n"
    "وأشار ميك مولروي، المسؤول السابق في البنتاغون، إلى أن الضربات لم تحقق أهدافها.\n"
    "وكشف دبلوماسيون غربيون أن إيران زادت مخزونها من اليورانيوم المخصّب بنسبة ٦٠٪.\n"
    "وقال مسؤولًا أمريكيًا رفيعًا إن «الوقت ينفد» أمام الحل الدبلوماسي.\n"
)
QUOTES = ("المفاوضات مستمرة رغم الصعوبات", "الضربات لم تحقق أهدافها", "زادت مخزونها من اليورانيوم المخصّب",
          "«الوقت ينفد»")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "qari-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def article(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "iran.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def store(article: Path) -> Iterator[AnnotationStore]:
    with AnnotationStore.open(article, ARTICLE) as opened:
        yield opened


def anchor(quote: str, text: str = ARTICLE) -> Anchor:
    start = text.index(quote)
    return Anchor.from_text(text, start, start + len(quote))


def filled(store: AnnotationStore) -> tuple[list[Source], list[Claim]]:
    """A source of every type and a claim of every status, with Arabic everywhere there is text."""
    sources = [Source(f"مصدر رقم {i} «{kind}»", kind, "مساعدة وزير الخارجية", f"ملاحظة {i}\nسطر ثانٍ")
               for i, kind in enumerate(SOURCE_TYPES)]
    for source in sources:
        store.add_source(source)
    claims = []
    for i, status in enumerate(STATUSES):
        claim = Claim(anchor(QUOTES[i % len(QUOTES)]), source_ids=(sources[i].id, sources[-1].id),
                      tags=("إيران", f"وسم {i}", "nuclear"), note=f'قالَ "{i}" \\ ٪ 😀\nسطر', status=status,
                      created=f"2025-01-0{i + 1}T10:00:00Z", updated=f"2025-02-0{i + 1}T11:30:00Z")
        store.add_claim(claim)
        claims.append(claim)
    return sources, claims


def reading_order(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.anchor.start, c.anchor.end))


def file_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def one_line(message: str) -> bool:
    return bool(message) and "\n" not in message and "\r" not in message


def valid_meta() -> dict[str, object]:
    return {"schema_version": 1, "article": "iran.txt",
            "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(), "app_version": "0.1.0"}


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
            assert ARTICLE[again.anchor.start:again.anchor.end] == again.anchor.exact
        assert reopened.source(sources[2].id) == sources[2]


def test_updates_and_deletes_survive_a_reopen(article: Path, store: AnnotationStore) -> None:
    sources, claims = filled(store)
    changed = claims[0].edited(status="false", note="تبيّن أنه خطأ", tags=("مراجعة",),
                               anchor=anchor(QUOTES[3]), source_ids=(sources[1].id,))
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
    assert list(data["meta"].values()) == [{
        "schema_version": 1, "article": "iran.txt", "sha256": hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest(),
        "app_version": reader.__version__}]
    docs = sorted(data["claims"].values(), key=lambda d: d["created"])
    assert [d["id"] for d in docs] == [c.id for c in claims]
    assert set(docs[0]) == {"id", "start", "end", "exact", "prefix", "suffix", "source_ids", "tags", "note",
                            "status", "created", "updated"}
    assert docs[0]["source_ids"] == list(claims[0].source_ids) and docs[0]["tags"] == list(claims[0].tags)
    assert docs[0]["exact"] == QUOTES[0] and docs[0]["prefix"] == claims[0].anchor.prefix
    source_docs = list(data["sources"].values())
    assert source_docs[0] == {"id": sources[0].id, "name": sources[0].name, "type": "official",
                              "role": sources[0].role, "note": sources[0].note}
    # Compact JSON, byte for byte what json.dumps writes (the storage assembles it from cached pieces).
    assert raw == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_the_file_is_readable_by_others_like_any_new_file(article: Path, store: AnnotationStore) -> None:
    store.add_claim(Claim(anchor(QUOTES[0])))
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(annotation_path(article).stat().st_mode) == 0o666 & ~umask


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
        [sys.executable, "-c",
         "import sys; from filelock import FileLock; lock = FileLock(sys.argv[1], timeout=5); lock.acquire(); "
         "print('locked', flush=True); sys.stdin.read()", str(annotation_path(article)) + ".lock"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
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
# Files qari must not overwrite


def _claim_doc(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = {"id": "c1", "start": 0, "end": 3, "exact": ARTICLE[0:3], "prefix": "",
                              "suffix": ARTICLE[3:35], "source_ids": [], "tags": [], "note": "", "status": "unverified",
                              "created": "2025-01-01T00:00:00Z", "updated": "2025-01-01T00:00:00Z"}
    doc.update(changes)
    return doc


def _database(claims: object = None, **changes: object) -> bytes:
    data: dict[str, object] = {"meta": {"1": valid_meta()}, "sources": {},
                               "claims": {"1": _claim_doc()} if claims is None else claims}
    data.update(changes)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _without(field: str) -> dict[str, object]:
    doc = _claim_doc()
    del doc[field]
    return doc


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
    "document numbers that are one": (_database(claims={"1": _claim_doc(), "01": _claim_doc(id="c2")}),
                                      "numbered '01'"),
    "source of unknown type": (_database(sources={"1": {"id": "s", "name": "ن", "type": "rumour", "role": "",
                                                        "note": ""}}), "type is 'rumour'"),
    "no meta": (json.dumps({"claims": {}}).encode(), "no meta table"),
    "two metas": (_database(meta={"1": valid_meta(), "2": valid_meta()}), "2 documents"),
    "a claim naming a missing source": (_database(claims={"1": _claim_doc(source_ids=["gone"])}),
                                        "names the source 'gone', which is not in the sources table"),
    "nested a hundred thousand deep": (b'{"meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    "newer schema": (_database(meta={"1": {**valid_meta(), "schema_version": 2}}), "written by a newer qari"),
    "newer schema, other shape": (json.dumps({"meta": {"1": {"schema_version": 7}}, "claims": []}).encode(),
                                  "schema 7"),
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
# A folder qari cannot write in


@contextmanager
def made_read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``folder`` made read-only: chmod, or (as root, where chmod stops nothing) a denying os.access."""
    if os.geteuid() == 0:
        real_access = os.access

        def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
            inside = (folder.resolve(), *folder.resolve().iterdir())
            if mode & os.W_OK and Path(path).resolve() in inside:  # type: ignore[arg-type]
                return False
            return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", access)
        yield folder
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


@pytest.fixture
def read_only_folder(article: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with made_read_only(article.parent, monkeypatch) as folder:
        yield folder


def test_a_read_only_folder_keeps_the_annotations_in_the_data_folder(
        article: Path, read_only_folder: Path, _private_data_dir: Path) -> None:
    before = file_state(read_only_folder)
    expected = _private_data_dir / "annotations" / (
        hashlib.sha256(os.fsencode(article.resolve())).hexdigest()[:16] + "-iran.txt.annotations.json")
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


def test_a_read_only_folder_with_annotations_starts_from_them(article: Path, monkeypatch: pytest.MonkeyPatch,
                                                              _private_data_dir: Path) -> None:
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
        article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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


# --------------------------------------------------------------------------
# A save that fails


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_a_full_disk_changes_nothing(article: Path, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch,
                                     failing: str) -> None:
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


def test_a_full_disk_on_the_very_first_save_creates_nothing(article: Path, store: AnnotationStore,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
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
# The article changed


def nearest(anchor: Anchor, text: str) -> Anchor | None:
    """A stand-in re-anchorer: the exact quote nearest its old offset."""
    starts = [i for i in range(len(text)) if text.startswith(anchor.exact, i)]
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - anchor.start))
    return Anchor.from_text(text, start, start + len(anchor.exact))


def _edited_article(article: Path) -> tuple[str, list[Claim]]:
    """Claims on QUOTES 0, 1 (and the text between them), 3; then text inserted before, inside and after."""
    with AnnotationStore.open(article, ARTICLE) as store:
        claims = [Claim(anchor(QUOTES[0]), note="قبل"), Claim(anchor(QUOTES[1]), note="يُحذف"),
                  Claim(anchor(QUOTES[3]), note="بعد")]
        for claim in claims:
            store.add_claim(claim)
    edited = ("تحديث: " + ARTICLE).replace("الضربات لم تحقق", "الضربات حققت").replace("ينفد»", "ينفد» تماما")
    article.write_text(edited, encoding="utf-8")
    return edited, claims


def test_a_changed_article_re_anchors_claims_and_keeps_orphans(article: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_place_all", lambda anchors, text: [nearest(a, text) for a in anchors])
    edited, claims = _edited_article(article)
    before = {d["id"]: d for d in json.loads(annotation_path(article).read_bytes())["claims"].values()}
    with AnnotationStore.open(article, edited) as store:
        placed = store.claims()
        assert [c.id for c in placed] == [claims[0].id, claims[2].id]
        for claim in placed:
            assert edited[claim.anchor.start:claim.anchor.end] == claim.anchor.exact
            old = next(c for c in claims if c.id == claim.id)
            assert claim.anchor.start == edited.index(old.anchor.exact) != old.anchor.start
            assert claim.anchor == Anchor.from_text(edited, claim.anchor.start, claim.anchor.end)  # fresh context
        assert store.orphans == [claims[1]]  # listed, as it was
    data = json.loads(annotation_path(article).read_bytes())
    after = {d["id"]: d for d in data["claims"].values()}
    assert after[claims[1].id] == before[claims[1].id]  # kept untouched
    assert after[claims[0].id]["start"] == before[claims[0].id]["start"] + len("تحديث: ")  # saved at once
    assert list(data["meta"].values())[0]["sha256"] == hashlib.sha256(edited.encode()).hexdigest()
    with AnnotationStore.open(article, edited) as again:  # still an orphan, still kept, new claims saved beside it
        assert again.orphans == [claims[1]]
        again.add_claim(Claim(anchor("حققت", edited)))
        assert len(again.claims()) == 3
    assert claims[1].id in {d["id"] for d in json.loads(annotation_path(article).read_bytes())["claims"].values()}
    assert count_claims(article) == 4


def test_an_orphan_can_be_placed_again_or_deleted(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_place_all", lambda anchors, text: [nearest(a, text) for a in anchors])
    edited, claims = _edited_article(article)
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
    edited, claims = _edited_article(article)
    saved = annotation_path(article).read_bytes()
    lock = FileLock(str(annotation_path(article)) + ".lock", timeout=0)
    lock.acquire()
    try:
        with AnnotationStore.open(article, edited) as store:
            assert store.read_only and len(store.claims()) == 2 and len(store.orphans) == 1
    finally:
        lock.release()
    assert annotation_path(article).read_bytes() == saved


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
            assert edited[placed[claim.id].anchor.start:placed[claim.id].anchor.end] == claim.anchor.exact
        inside = placed[claims[0].id].anchor  # the quote itself was edited
        assert "رغم كل الصعوبات" in edited[inside.start:inside.end]
    with AnnotationStore.open(article, edited) as store:
        assert len(store.claims()) == 3 and [c.id for c in store.orphans] == [claims[2].id]


@pytest.mark.parametrize("changes", [
    {}, {"id": ""}, {"id": 3}, {"start": 1.0}, {"end": None}, {"start": False}, {"exact": None}, {"prefix": 1},
    {"suffix": []}, {"source_ids": ["a", 1]}, {"source_ids": "a"}, {"tags": [["x"]]}, {"tags": ()}, {"note": None},
    {"status": "unverified "}, {"status": ["false"]}, {"created": 0}, {"updated": None}, {"start": -1},
])
def test_the_quick_claim_check_agrees_with_the_detailed_one(changes: dict[str, object]) -> None:
    doc = _claim_doc(**changes)
    try:
        schema.check_fields("claim", "1", doc, schema.CLAIM_FIELDS)
        detailed = True
    except schema.Damaged:
        detailed = False
    assert schema.good_claim(doc) is detailed
    assert schema.good_claim(_without("status")) is False
