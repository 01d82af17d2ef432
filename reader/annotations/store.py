"""The annotation store: claims and sources saved in a TinyDB file beside the article.

``iran.txt`` → ``iran.txt.annotations.json``, a TinyDB database with three
tables: ``meta`` (one document: schema_version, article name, sha256 of the
article text, app version), ``sources`` and ``claims`` (see DESIGN.md,
"Annotations"). The rules, all meant so that a fact-checker never loses work:

- Every change is saved before the method returns, atomically: temp file in
  the same folder, flush, fsync, ``os.replace``, fsync of the folder. A crash
  at any moment leaves the old file or the new one, never a torn one. A save
  that fails (disk full, permission denied) raises ``SaveError``, leaves the
  file and the store exactly as they were, so the edit can be retried.
- Nothing is created until there is something to save: opening an article
  makes no file, not even a lock.
- One writer per file: a lock beside it (``….annotations.json.lock``). A
  second qari on the same article opens it read-only and says so.
- A file qari cannot understand (not JSON, cut short, wrong shape, a newer
  schema) is never overwritten: the store opens read-only with a one-line
  reason.
- A folder qari cannot write in: the annotations go to the user data folder,
  keyed by the article's path, with a ``notice`` saying where.
- The article changed since it was annotated (its sha256 differs): every claim
  is placed again (``reader.annotations.anchor.reanchor``); a claim that
  cannot be placed is an orphan, listed and kept in the file untouched.

Saving stays cheap with thousands of claims: the storage keeps the data in
memory (the file is read once), and TinyDB's tables here are copy-on-write,
so a document once saved is never changed in place. That lets the storage
keep every document's JSON from the previous save and serialise only what
changed: a save costs one ``b"".join`` and one atomic write, not a full
``json.dumps`` (see ``benchmarks/store.py`` for the figures).

No Textual import.
"""

from __future__ import annotations

import copy
import errno
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from platformdirs import user_data_dir
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from .. import __version__
from ..files import atomic_write
from ..text.search import fold
from .model import SOURCE_TYPES, STATUSES, Anchor, Claim, Source

__all__ = [
    "SCHEMA_VERSION",
    "AnnotationStore",
    "AtomicJSONStorage",
    "SaveError",
    "StoreError",
    "annotation_path",
    "article_sha256",
    "count_claims",
    "default_data_dir",
    "fallback_path",
]

SCHEMA_VERSION = 1
#: Set to a folder to keep qari's data (annotations of read-only folders) there instead of the platform's.
DATA_DIR_ENV = "QARI_DATA_DIR"
SUFFIX = ".annotations.json"
LOCKED_REASON = "open in another qari: read-only"

_T = TypeVar("_T")
Doc = dict[str, Any]
Data = dict[str, Any]


class StoreError(Exception):
    """A change the store refuses or cannot make (one-line message for the UI)."""


class SaveError(StoreError):
    """Saving failed (disk full, permission denied…); the file and the store are as they were."""


# --------------------------------------------------------------------------
# Where the file lives


def annotation_path(article_path: Path) -> Path:
    """The annotations file beside an article: ``iran.txt`` → ``iran.txt.annotations.json``."""
    article_path = Path(article_path)
    return article_path.with_name(article_path.name + SUFFIX)


def default_data_dir() -> Path:
    """Where annotations of articles in read-only folders go: ``$QARI_DATA_DIR/annotations`` or the platform's."""
    override = os.environ.get(DATA_DIR_ENV)
    base = Path(override).expanduser() if override else Path(user_data_dir("qari", appauthor=False))
    return base / "annotations"


def fallback_path(article_path: Path, folder: Path | None = None) -> Path:
    """The file used when the article's folder is read-only: keyed by the article's absolute path."""
    article_path = Path(article_path)
    key = hashlib.sha256(os.fsencode(article_path.resolve())).hexdigest()[:16]
    return (default_data_dir() if folder is None else Path(folder)) / f"{key}-{article_path.name}{SUFFIX}"


def article_sha256(text: str) -> str:
    """The sha256 of the article text as UTF-8 (what ``meta`` keeps to notice an edited article)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --------------------------------------------------------------------------
# JSON on disk

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False, allow_nan=False).encode


_NOTHING: Any = object()  # what _load_json gives for a missing or empty file


MAX_FILE_BYTES = 128 * 1024 * 1024  # ~200,000 claims; parsing more would take seconds and gigabytes


class _TooLarge(Exception):
    """The file is larger than an annotations file can sensibly be (``MAX_FILE_BYTES``)."""


def _load_json(path: Path) -> Any:
    """The parsed file, or ``_NOTHING`` when it is missing or empty.

    Raises OSError, UnicodeDecodeError, ValueError, RecursionError, or _TooLarge.
    """
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return _NOTHING
    if len(raw) > MAX_FILE_BYTES:
        raise _TooLarge(f"more than {MAX_FILE_BYTES // 2**20} MB")
    text = raw.decode("utf-8-sig")
    if not text.strip():
        return _NOTHING
    return json.loads(text)


def _read_json(path: Path) -> Any:
    """The parsed file; ``None`` when it is missing or empty (what TinyDB expects of a storage)."""
    value = _load_json(path)
    return None if value is _NOTHING else value


class _PlainJSON(Exception):
    """The data has a shape the fragment encoder does not handle: use ``json.dumps``."""


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and reads the file only once.

    ``read()`` gives the parsed file (``None`` for a missing or empty one)
    from memory after the first call; ``write(data)`` saves ``data``
    atomically and only then makes it the data in memory, so a failed write
    leaves both the file and the memory as they were. ``read()`` returns a
    new top-level dict each time, so TinyDB, which puts a changed table into
    that dict, never changes the data in memory behind the storage's back.

    ``immutable_documents=True`` promises that a document, once written, is
    never changed in place (a changed document is a new dict), as with the
    copy-on-write tables of ``AnnotationStore``. The storage then keeps each
    document's JSON with it and serialises only new documents: a save is a
    ``b"".join`` of pieces, not a ``json.dumps`` of everything.
    Plain TinyDB's ``Table.update`` edits documents in place: leave it False
    there.
    """

    def __init__(self, path: str | os.PathLike[str], *, immutable_documents: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.immutable_documents = immutable_documents
        self._data: Data | None = None
        self._loaded = False
        # table name → document number → (the document, b'"number":{…}'): its JSON, made once
        self._pieces: dict[str, dict[str, tuple[Doc, bytes]]] = {}

    def read(self) -> Data | None:
        if not self._loaded:
            self._data = _read_json(self.path)
            self._loaded = True
        return None if self._data is None else dict(self._data)

    def write(self, data: Data) -> None:
        atomic_write(self.path, self.encode(data))
        self._data = data
        self._loaded = True

    def adopt(self, data: Data | None) -> None:
        """Use ``data`` as the current state without writing it (it goes out with the next write)."""
        self._data = data
        self._loaded = True

    def encode(self, data: Data) -> bytes:
        """``data`` as compact UTF-8 JSON: the same bytes as ``json.dumps(…, ensure_ascii=False)``."""
        if self.immutable_documents:
            try:
                return self._encode_pieces(data)
            except _PlainJSON:
                pass
        return _ENCODE(data).encode("utf-8")

    def _encode_pieces(self, data: Data) -> bytes:
        # A piece is kept with its document and used again only for that very object, so the
        # pieces stay right whatever happens to the write: they can be filled in as we go.
        out = [b"{"]
        for name, table in data.items():
            if type(name) is not str or type(table) is not dict:
                raise _PlainJSON
            pieces = self._pieces.setdefault(name, {})
            if len(out) > 1:
                out.append(b",")
            out.append(_ENCODE(name).encode() + b":{")
            out.append(b",".join([
                hit[1] if (hit := pieces.get(key)) is not None and hit[0] is doc else _piece(pieces, key, doc)
                for key, doc in table.items()]))
            out.append(b"}")
            if len(pieces) > 2 * len(table) + 64:  # forget the pieces of deleted documents
                self._pieces[name] = {key: pieces[key] for key in table if key in pieces}
        out.append(b"}")
        return b"".join(out)


def _piece(pieces: dict[str, tuple[Doc, bytes]], key: str, doc: Doc) -> bytes:
    """``"key":{document}`` as UTF-8 JSON, remembered in ``pieces``."""
    if type(key) is not str:
        raise _PlainJSON
    piece = f"{_ENCODE(key)}:{_ENCODE(doc)}".encode()
    pieces[key] = (doc, piece)
    return piece


# --------------------------------------------------------------------------
# TinyDB with copy-on-write tables


class _CopyOnWrite(dict):  # type: ignore[type-arg]
    """A table as TinyDB's updaters see it: a document read with ``table[id]`` is a private copy.

    TinyDB's ``update`` changes ``table[id]`` in place; with this, it
    changes a copy, and the document the storage holds stays as saved.
    ``changed`` collects every document number read, set or removed.
    """

    def __init__(self, items: Mapping[int, Doc]) -> None:
        super().__init__(items)
        self.changed: set[int] = set()
        self.cleared = False

    def __getitem__(self, key: int) -> Doc:
        if key not in self.changed:
            dict.__setitem__(self, key, copy.deepcopy(dict.__getitem__(self, key)))
            self.changed.add(key)
        return dict.__getitem__(self, key)

    def __setitem__(self, key: int, value: Doc) -> None:
        self.changed.add(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: int) -> None:
        self.changed.add(key)
        dict.__delitem__(self, key)

    def pop(self, key: int, *default: Any) -> Any:
        self.changed.add(key)
        return dict.pop(self, key, *default)

    def popitem(self) -> tuple[int, Doc]:
        key, doc = dict.popitem(self)
        self.changed.add(key)
        return key, doc

    def clear(self) -> None:
        self.cleared = True
        dict.clear(self)

    def setdefault(self, key: int, default: Any = None) -> Any:
        return self[key] if key in self else self.__setitem__(key, default) or default

    def update(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        for key, doc in dict(*args, **kwargs).items():
            self[key] = doc


class _Table(Table):
    """TinyDB's table with copy-on-write updates (see ``_CopyOnWrite``), in time proportional to the change.

    TinyDB's own ``_update_table`` turns every document number into an int
    and back at each change (a few ms at 5,000 claims). This one does that
    once, keeps the int-keyed table it made with the table it wrote, and
    next time copies both (a C-level dict copy) and applies only what changed.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._written: tuple[dict[str, Doc], dict[int, Doc]] | None = None

    def _update_table(self, updater: Callable[[dict[int, Doc]], None]) -> None:
        tables = self._storage.read() or {}
        raw = tables.get(self.name, {})
        known = self._written is not None and self._written[0] is raw
        if known:
            table = _CopyOnWrite(self._written[1])  # type: ignore[index]
        else:
            table = _CopyOnWrite(dict(zip(map(self.document_id_class, raw), raw.values())))
        updater(table)
        if known and not table.cleared:
            new = dict(raw)
            for doc_id in table.changed:
                if doc_id in table:
                    new[str(doc_id)] = dict.__getitem__(table, doc_id)
                else:
                    new.pop(str(doc_id), None)
        else:
            new = dict(zip(map(str, table), dict.values(table)))
        tables[self.name] = new
        self._storage.write(tables)
        self._written = (new, dict(table))
        self.clear_cache()


class _Database(TinyDB):
    table_class = _Table


def _database(storage: AtomicJSONStorage) -> _Database:
    return _Database(storage=lambda: storage)


# --------------------------------------------------------------------------
# Checking a file read from disk


class _Damaged(Exception):
    """The file is not what qari writes; str(err) says what is wrong (short, one line)."""


class _Newer(Exception):
    """The file was written by a newer qari (schema_version above ours)."""


def _show(value: object, limit: int = 30) -> str:
    """A value in a message: short, one line, no control characters."""
    text = repr(value).translate({cp: "?" for cp in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]})
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _is_int(value: object) -> bool:
    return type(value) is int


def _is_str_list(value: object) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


_SOURCE_FIELDS: dict[str, Callable[[object], bool]] = {
    "id": lambda v: type(v) is str and bool(v),
    "name": lambda v: type(v) is str,
    "type": lambda v: v in SOURCE_TYPES,
    "role": lambda v: type(v) is str,
    "note": lambda v: type(v) is str,
}
_CLAIM_FIELDS: dict[str, Callable[[object], bool]] = {
    "id": lambda v: type(v) is str and bool(v),
    "start": lambda v: _is_int(v) and v >= 0,  # type: ignore[operator]
    "end": lambda v: _is_int(v) and v >= 0,  # type: ignore[operator]
    "exact": lambda v: type(v) is str,
    "prefix": lambda v: type(v) is str,
    "suffix": lambda v: type(v) is str,
    "source_ids": _is_str_list,
    "tags": _is_str_list,
    "note": lambda v: type(v) is str,
    "status": lambda v: v in STATUSES,
    "created": lambda v: type(v) is str,
    "updated": lambda v: type(v) is str,
}
_WANTED = {"start": "a whole number ≥ 0", "end": "a whole number ≥ 0", "source_ids": "a list of strings",
           "tags": "a list of strings", "status": "one of " + "/".join(STATUSES),
           "type": "one of " + "/".join(SOURCE_TYPES), "id": "a non-empty string"}


def _documents(data: Data, name: str) -> dict[str, Doc]:
    table = data.get(name, {})
    if type(table) is not dict:
        raise _Damaged(f"the {name} table is not an object")
    for key, doc in table.items():
        if not key.isascii() or not key.isdigit() or str(int(key)) != key:  # "01" and "1" would be one
            raise _Damaged(f"{name} has a document numbered {_show(key)}")
        if type(doc) is not dict:
            raise _Damaged(f"{name} {key} is {_show(doc)}, not an object")
    return table


def _check_fields(name: str, key: str, doc: Doc, fields: dict[str, Callable[[object], bool]]) -> None:
    for field, good in fields.items():
        if field not in doc:
            raise _Damaged(f"{name} {key} has no {field}")
        if not good(doc[field]):
            wanted = _WANTED.get(field, "a string")
            raise _Damaged(f"{name} {key}: {field} is {_show(doc[field])}, not {wanted}")


_STATUS_SET = frozenset(STATUSES)


def _good_claim(doc: Doc) -> bool:
    """``_check_fields(…, _CLAIM_FIELDS)`` passes: the same test written out, ~10× faster (5,000 claims open)."""
    try:
        start, end, ids, tags = doc["start"], doc["end"], doc["source_ids"], doc["tags"]
        if type(ids) is not list or type(tags) is not list:
            return False
        "".join(ids) + "".join(tags)  # TypeError unless all strings (JSON has no str subclasses)
        return (type(doc["id"]) is str and doc["id"] != "" and type(start) is int and type(end) is int
                and start >= 0 and end >= 0 and type(doc["exact"]) is str and type(doc["prefix"]) is str
                and type(doc["suffix"]) is str and type(doc["note"]) is str and type(doc["status"]) is str
                and doc["status"] in _STATUS_SET and type(doc["created"]) is str and type(doc["updated"]) is str)
    except (KeyError, TypeError):
        return False


def _check(data: Any) -> Data | None:
    """``data`` if it is an annotations database this qari can read (None if empty); else _Damaged or _Newer."""
    if data is _NOTHING or data == {}:
        return None
    if type(data) is not dict:
        raise _Damaged(f"it holds {_show(data, 20)} where an object belongs")
    if "meta" not in data:
        raise _Damaged("no meta table")
    meta = _documents(data, "meta")
    if len(meta) != 1:
        raise _Damaged(f"the meta table has {len(meta)} documents, not 1")
    (info,) = meta.values()
    version = info.get("schema_version")
    if not _is_int(version) or version < 1:
        raise _Damaged(f"schema_version is {_show(version)}")
    if version > SCHEMA_VERSION:
        raise _Newer(f"schema {version}")
    for field in ("article", "sha256", "app_version"):
        if type(info.get(field)) is not str:
            raise _Damaged(f"meta: {field} is {_show(info.get(field))}, not a string")
    seen: set[str] = set()
    for key, doc in _documents(data, "sources").items():
        _check_fields("source", key, doc, _SOURCE_FIELDS)
        if doc["id"] in seen:
            raise _Damaged(f"two sources have the id {_show(doc['id'])}")
        seen.add(doc["id"])
    sources = set(seen)
    seen.clear()
    for key, doc in _documents(data, "claims").items():
        if not _good_claim(doc):
            _check_fields("claim", key, doc, _CLAIM_FIELDS)  # says what is wrong
        if doc["start"] > doc["end"]:
            raise _Damaged(f"claim {key} starts at {doc['start']}, after its end {doc['end']}")
        if len(doc["exact"]) != doc["end"] - doc["start"]:
            raise _Damaged(f"claim {key}: its quote has {len(doc['exact'])} characters, "
                           f"not {doc['end'] - doc['start']} ({doc['start']}:{doc['end']})")
        if doc["id"] in seen:
            raise _Damaged(f"two claims have the id {_show(doc['id'])}")
        seen.add(doc["id"])
        for source_id in doc["source_ids"]:
            if source_id not in sources:
                raise _Damaged(f"claim {key} names the source {_show(source_id)}, which is not in the sources table")
    return data


def _read_problem(name: str, err: BaseException) -> str:
    """The one-line read-only reason for a file that could not be read or understood."""
    tail = "opened read-only, the file is left as it is"
    if isinstance(err, _Newer):
        return f"{name} was written by a newer qari ({err}; this one reads {SCHEMA_VERSION}): {tail}"
    if isinstance(err, UnicodeDecodeError):
        if err.reason == "unexpected end of data":
            return f"{name} is cut short (it ends inside a character): {tail}"
        return f"{name} is not UTF-8 text: {tail}"
    if isinstance(err, json.JSONDecodeError):
        if not err.doc[err.pos:].strip() or err.msg.startswith("Unterminated string"):
            return f"{name} is cut short (its JSON ends early): {tail}"
        return f"{name} is not valid JSON (line {err.lineno}): {tail}"
    if isinstance(err, RecursionError):
        return f"{name} is not valid JSON (nested too deeply): {tail}"
    if isinstance(err, _TooLarge):
        return f"{name} is too large to be an annotations file ({err}): {tail}"
    if isinstance(err, _Damaged):
        return f"{name} is damaged ({err}): {tail}"
    if isinstance(err, OSError):
        return f"{name} cannot be read ({(err.strerror or str(err)).lower()}): opened read-only"
    return f"{name} cannot be read ({_show(str(err), 60)}): {tail}"


# --------------------------------------------------------------------------
# Records ↔ documents


def _claim_doc(claim: Claim) -> Doc:
    anchor = claim.anchor
    return {"id": claim.id, "start": anchor.start, "end": anchor.end, "exact": anchor.exact,
            "prefix": anchor.prefix, "suffix": anchor.suffix, "source_ids": list(claim.source_ids),
            "tags": list(claim.tags), "note": claim.note, "status": claim.status, "created": claim.created,
            "updated": claim.updated}


def _claim_from_doc(doc: Doc) -> Claim:
    anchor = Anchor(doc["start"], doc["end"], doc["exact"], doc["prefix"], doc["suffix"])
    return Claim(anchor, tuple(doc["source_ids"]), tuple(doc["tags"]), doc["note"], doc["status"], doc["id"],
                 doc["created"], doc["updated"])


def _anchor_fields(anchor: Anchor) -> Doc:
    return {"start": anchor.start, "end": anchor.end, "exact": anchor.exact, "prefix": anchor.prefix,
            "suffix": anchor.suffix}


def _source_doc(source: Source) -> Doc:
    return {"id": source.id, "name": source.name, "type": source.type, "role": source.role, "note": source.note}


def _source_from_doc(doc: Doc) -> Source:
    return Source(doc["name"], doc["type"], doc["role"], doc["note"], doc["id"])


def _name_key(name: str) -> str:
    """A source name as ``find_source`` compares it: Arabic-folded, spaces collapsed."""
    return " ".join(fold(name).split())


def _place_all(anchors: list[Anchor], text: str) -> list[Anchor | None]:
    """Claims placed again in a changed text (``anchor.reanchor_all``); None for an orphan."""
    from .anchor import reanchor_all

    return list(reanchor_all(anchors, text))


# --------------------------------------------------------------------------
# The store


@dataclass(frozen=True, slots=True)
class _FileState:
    """What a file looked like when it was read (to notice another program changing it)."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> _FileState | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_ino, info.st_size, info.st_mtime_ns)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _permission_problem(err: OSError) -> bool:
    return isinstance(err, PermissionError) or err.errno in (errno.EACCES, errno.EPERM, errno.EROFS)


def _reason(err: OSError) -> str:
    return (err.strerror or _show(str(err), 60)).lower()


def _line(path: Path) -> str:
    """A path in a one-line message (a file name may hold a newline or an escape)."""
    return str(path).translate({cp: "?" for cp in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]})


class AnnotationStore:
    """The claims and sources of one article, saved at every change (see the module's docstring).

    Open with ``AnnotationStore.open(article_path, article_text)``; use as a
    context manager or call ``close()`` to release the lock. Reads come from
    memory; every change method returns only once the change is on disk,
    and raises ``StoreError`` (read-only, unknown id, a source still in use…)
    or ``SaveError`` (the save itself failed) with a one-line message.
    """

    def __init__(self, article_path: Path, article_text: str, beside: Path, fallback: Path) -> None:
        self.article_path = Path(article_path)
        self.article_text = article_text
        self._sha = article_sha256(article_text)
        self._beside = beside
        self._fallback = fallback
        self._path = beside
        self._read_only_reason: str | None = None
        self._notice: str | None = None
        self._lock: FileLock | None = None
        self._seen: _FileState | None = None  # the target as last read (None: it did not exist)
        self._closed = False
        self._dirty = False  # the state in memory has changes not on disk yet (claims placed again)
        self._storage = AtomicJSONStorage(beside, immutable_documents=True)
        self._storage.adopt(None)
        self._db = _database(self._storage)
        self._placed: dict[str, Claim] = {}
        self._orphans: dict[str, Claim] = {}
        self._sources: dict[str, Source] = {}
        self._claim_doc_ids: dict[str, int] = {}
        self._source_doc_ids: dict[str, int] = {}
        self._ordered: list[Claim] | None = None

    # -- opening

    @classmethod
    def open(cls, article_path: Path, article_text: str, *, data_dir: Path | None = None) -> AnnotationStore:
        """The store of an article whose text (as ``Article.text``) is ``article_text``.

        Never fails for a file it cannot use: it opens read-only and says why
        in ``read_only_reason``. Creates no file.
        """
        article_path = Path(article_path)
        folder = default_data_dir() if data_dir is None else Path(data_dir)
        beside = annotation_path(article_path)
        store = cls(article_path, article_text, beside, fallback_path(article_path, folder))
        store._open()
        return store

    def _open(self) -> None:
        source = self._locate()
        if _exists(self._path):
            try:
                self._take_lock()
            except Timeout:
                self._read_only_reason = LOCKED_REASON
            except OSError:
                pass  # no lock file possible here: the first save deals with it (fallback or SaveError)
        if not self._read(source):
            return
        if self.read_only or not self._dirty:
            return
        try:  # placed claims' new anchors and the new sha256
            self._save(lambda: None, lambda: self._storage.write(self._storage.read() or {}))
        except StoreError as err:
            if not self.read_only:
                unsaved = f"the claims placed again in the changed article are not saved yet: {err}"
                self._notice = f"{self._notice}; {unsaved}" if self._notice else unsaved

    def _locate(self) -> Path | None:
        """Choose the file to save to (``self._path``) and return the file to read (may be another)."""
        beside, fallback = self._beside, self._fallback
        folder = beside.parent
        usable = os.access(folder, os.W_OK) and (not _exists(beside) or os.access(beside, os.W_OK))
        if usable:
            self._path = beside
            if _exists(fallback) and _mtime(fallback) > _mtime(beside):
                self._notice = f"annotations read from {_line(fallback)}; saved beside the article from now on"
                return fallback
            return beside
        self._path = fallback
        self._storage.path = fallback
        where = "read-only" if not os.access(folder, os.W_OK) else f"{_line(Path(beside.name))} is read-only"
        self._notice = f"{_line(folder)}: {where}; annotations are kept in {_line(fallback)}"
        if not _exists(fallback) and _exists(beside):
            return beside
        return fallback

    def _take_lock(self) -> None:
        """Hold the lock beside ``self._path`` (Timeout when another qari has it; OSError when impossible)."""
        lock = FileLock(str(self._path) + ".lock", timeout=0)
        lock.acquire()
        self._lock = lock
        self._remove_stale_temp_files()

    def _remove_stale_temp_files(self) -> None:
        """Temp files a killed qari left (safe only while holding the lock: no other writer)."""
        prefix = f".{self._path.name}."
        try:
            with os.scandir(self._path.parent) as entries:
                stale = [e.path for e in entries if e.name.startswith(prefix) and e.name.endswith(".tmp")]
        except OSError:
            return
        for path in stale:
            try:
                os.unlink(path)
            except OSError:
                pass

    def _read(self, source: Path | None) -> bool:
        """Load ``source`` into the store; False (and read-only) when it cannot be used."""
        try:
            data = _check(_load_json(source)) if source is not None else None
        except (OSError, ValueError, _Damaged, _Newer, _TooLarge, RecursionError, MemoryError) as err:
            self._read_only_reason = _read_problem(_line(Path(source.name)) if source else "?", err)
            self._release_lock()
            return False
        if source == self._path:
            self._seen = _FileState.of(self._path)
        self._install(data)
        return True

    def _install(self, data: Data | None) -> None:
        """Make ``data`` (checked) the store's state: place every claim, note what changed."""
        text = self.article_text
        meta_table: dict[str, Doc] = dict(data["meta"]) if data else {"1": {}}
        ((meta_key, meta),) = meta_table.items()
        same_text = meta.get("sha256") == self._sha
        new_meta = {**meta, "schema_version": SCHEMA_VERSION, "article": self.article_path.name,
                    "sha256": self._sha, "app_version": __version__}
        self._dirty = bool(data) and (not same_text or meta.get("article") != new_meta["article"])
        self._sources, self._source_doc_ids = {}, {}
        for key, doc in (data or {}).get("sources", {}).items():
            source = _source_from_doc(doc)
            self._sources[source.id] = source
            self._source_doc_ids[source.id] = int(key)
        self._placed, self._orphans, self._claim_doc_ids = {}, {}, {}
        claims_table: dict[str, Doc] = dict((data or {}).get("claims", {}))
        unplaced: list[tuple[str, Doc, Claim]] = []
        for key, doc in claims_table.items():
            claim = _claim_from_doc(doc)
            self._claim_doc_ids[claim.id] = int(key)
            if same_text and claim.anchor.fits(text):
                self._placed[claim.id] = claim
            else:
                unplaced.append((key, doc, claim))
        # All at once: each claim's shift is a hint for its neighbours (a 1 MB insertion: 0.14 s for 5,000).
        anchors = _place_all([claim.anchor for _, _, claim in unplaced], text) if unplaced else []
        for (key, doc, claim), anchor in zip(unplaced, anchors):
            if anchor is None:
                self._orphans[claim.id] = claim  # kept in the file as it is
                continue
            if anchor != claim.anchor:
                claim = replace(claim, anchor=anchor)
                claims_table[key] = {**doc, **_anchor_fields(anchor)}
                self._dirty = True
            self._placed[claim.id] = claim
        self._ordered = None
        state = dict(data or {})
        state["meta"] = {meta_key: new_meta}
        state.setdefault("sources", {})
        state["claims"] = claims_table
        self._storage.adopt(state)
        self._db = _database(self._storage)

    # -- saving

    def _save(self, check: Callable[[], object], apply: Callable[[], _T]) -> _T:
        """``check()`` the change (StoreError if it makes no sense), then ``apply()`` it (TinyDB operations
        ending in a write) holding the lock; fall back to the data folder once if the folder refuses."""
        if self._closed:
            raise StoreError("the annotations of this article are closed")
        if self._read_only_reason is not None:
            raise StoreError(self._read_only_reason)
        check()  # before the lock: a refused change creates nothing
        for attempt in (1, 2):
            try:
                if self._ensure_lock():
                    check()  # again: another qari's claims were just loaded
                return apply()
            except OSError as err:
                if attempt == 1 and self._path != self._fallback and _permission_problem(err):
                    self._use_fallback(err)
                    continue
                raise SaveError(f"could not save {_line(Path(self._path.name))}: {_reason(err)}; "
                                "the annotations are as they were before this change") from None
        raise AssertionError("unreachable")

    def retry_lock(self) -> bool:
        """A store read-only because another qari held the lock: take it if that qari has closed.

        Then what it saved is loaded (this store could not change anything
        meanwhile, so nothing is lost) and changes are saved from now on;
        ``notice`` says so. False while the other qari is still open (or when
        the store is read-only for another reason).
        """
        if self._read_only_reason != LOCKED_REASON or self._closed:
            return False
        try:
            self._take_lock()
        except (Timeout, OSError):
            return False
        self._read_only_reason = None
        if not self._read(self._path if _exists(self._path) else None):
            return False  # what it left is damaged: read-only, with that reason now
        self._notice = "the other qari on this article has closed: its claims are loaded, and yours are saved now"
        return True

    def _ensure_lock(self) -> bool:
        """Hold the lock; True when that meant loading what another qari saved meanwhile."""
        if self._lock is not None:
            return False
        self._path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._take_lock()
        except Timeout:
            self._read_only_reason = LOCKED_REASON
            raise StoreError(LOCKED_REASON) from None
        if _FileState.of(self._path) != self._seen:
            # Another qari created or changed the file since we read it (and closed): take its work in.
            if not self._read(self._path):
                raise StoreError(self._read_only_reason)
            self._notice = f"{_line(Path(self._path.name))} was saved by another qari meanwhile: its claims were loaded"
            return True
        return False

    def _use_fallback(self, err: OSError) -> None:
        """The article's folder refused the file: keep the annotations in the user data folder."""
        self._release_lock()
        self._path = self._fallback
        self._storage.path = self._fallback
        self._seen = _FileState.of(self._fallback)  # older than what we hold (see _locate): overwrite it
        self._notice = (f"cannot save in {_line(self._beside.parent)} ({_reason(err)}); "
                        f"annotations are kept in {_line(self._fallback)}")

    def _release_lock(self) -> None:
        if self._lock is not None:
            try:
                self._lock.release()
            finally:
                self._lock = None

    # -- properties

    @property
    def path(self) -> Path:
        """The annotations file in use (beside the article, or in the data folder); it may not exist yet."""
        return self._path

    @property
    def read_only(self) -> bool:
        return self._read_only_reason is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why changes cannot be saved, as one line for the UI; None when they can."""
        return self._read_only_reason

    @property
    def notice(self) -> str | None:
        """Something the user should know (where the annotations are kept…); one line, or None."""
        return self._notice

    @property
    def orphans(self) -> list[Claim]:
        """Claims that could not be placed in the changed article: kept in the file, not in ``claims()``."""
        return sorted(self._orphans.values(), key=lambda c: (c.anchor.start, c.anchor.end))

    # -- reading

    def claims(self) -> list[Claim]:
        """The placed claims in reading order (by start, then end)."""
        if self._ordered is None:
            self._ordered = sorted(self._placed.values(), key=lambda c: (c.anchor.start, c.anchor.end))
        return list(self._ordered)

    def claim(self, claim_id: str) -> Claim | None:
        """A claim by id, placed or orphan."""
        return self._placed.get(claim_id) or self._orphans.get(claim_id)

    def sources(self) -> list[Source]:
        """The sources, in the order they were added."""
        return list(self._sources.values())

    def source(self, source_id: str) -> Source | None:
        return self._sources.get(source_id)

    def find_source(self, name: str) -> Source | None:
        """The source called ``name``, compared Arabic-normalised (harakat, hamza forms, ى/ي, case)."""
        key = _name_key(name)
        for source in self._sources.values():
            if _name_key(source.name) == key:
                return source
        return None

    def tags(self) -> list[str]:
        """Every tag in use, most used first (ties alphabetical): for completion."""
        counts: dict[str, int] = {}
        for claim in [*self._placed.values(), *self._orphans.values()]:
            for tag in claim.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts, key=lambda tag: (-counts[tag], tag))

    # -- changing

    def _check_claim(self, claim: Claim, old: Claim | None) -> None:
        if old is None and claim.id in self._claim_doc_ids:
            raise StoreError(f"a claim with the id {_show(claim.id)} exists already")
        unplaced = old is not None and claim.id in self._orphans and claim.anchor == old.anchor
        if not unplaced and not claim.anchor.fits(self.article_text):
            raise StoreError(f"the claim's quote is not at {claim.anchor.start}:{claim.anchor.end} in the article")
        for source_id in claim.source_ids:
            if source_id not in self._sources:
                raise StoreError(f"the claim names an unknown source {_show(source_id)}")

    def _forget_order(self) -> None:
        self._ordered = None

    def add_claim(self, claim: Claim) -> None:
        """Save a new claim (its quote must be at its offsets; its sources must exist)."""
        doc_id = self._save(lambda: self._check_claim(claim, None),
                            lambda: self._db.table("claims").insert(_claim_doc(claim)))
        self._claim_doc_ids[claim.id] = doc_id
        self._placed[claim.id] = claim
        self._forget_order()

    def update_claim(self, claim: Claim) -> None:
        """Save a changed claim (matched by id). An orphan given a quote that fits is placed again."""
        def check() -> None:
            old = self.claim(claim.id)
            if old is None:
                raise StoreError(f"there is no claim {_show(claim.id)}")
            self._check_claim(claim, old)

        self._save(check, lambda: self._db.table("claims").update(_claim_doc(claim),
                                                                 doc_ids=[self._claim_doc_ids[claim.id]]))
        if claim.id in self._orphans and claim.anchor.fits(self.article_text):
            del self._orphans[claim.id]
        if claim.id in self._orphans:
            self._orphans[claim.id] = claim
        else:
            self._placed[claim.id] = claim
        self._forget_order()

    def delete_claim(self, claim_id: str) -> None:
        """Delete a claim (an orphan too)."""
        def check() -> None:
            if claim_id not in self._claim_doc_ids:
                raise StoreError(f"there is no claim {_show(claim_id)}")

        self._save(check, lambda: self._db.table("claims").remove(doc_ids=[self._claim_doc_ids[claim_id]]))
        del self._claim_doc_ids[claim_id]
        self._placed.pop(claim_id, None)
        self._orphans.pop(claim_id, None)
        self._forget_order()

    def add_source(self, source: Source) -> None:
        def check() -> None:
            if source.id in self._sources:
                raise StoreError(f"a source with the id {_show(source.id)} exists already")

        self._source_doc_ids[source.id] = self._save(
            check, lambda: self._db.table("sources").insert(_source_doc(source)))
        self._sources[source.id] = source

    def update_source(self, source: Source) -> None:
        def check() -> None:
            if source.id not in self._sources:
                raise StoreError(f"there is no source {_show(source.id)}")

        self._save(check, lambda: self._db.table("sources").update(_source_doc(source),
                                                                  doc_ids=[self._source_doc_ids[source.id]]))
        self._sources[source.id] = source

    def delete_source(self, source_id: str) -> None:
        """Delete a source no claim names (StoreError while one does)."""
        def check() -> None:
            source = self._sources.get(source_id)
            if source is None:
                raise StoreError(f"there is no source {_show(source_id)}")
            users = sum(source_id in c.source_ids for c in [*self._placed.values(), *self._orphans.values()])
            if users:
                raise StoreError(f"the source {_show(source.name)} is named by {users} claim"
                                 f"{'s' if users > 1 else ''}: take it off them first")

        self._save(check, lambda: self._db.table("sources").remove(doc_ids=[self._source_doc_ids[source_id]]))
        del self._sources[source_id]
        del self._source_doc_ids[source_id]

    # -- closing

    def close(self) -> None:
        """Release the lock; reading still works, changes raise StoreError."""
        self._closed = True
        self._release_lock()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------
# For the library: how many claims an article has

_COUNTS: dict[Path, tuple[_FileState, int | None]] = {}


def count_claims(article_path: Path, *, data_dir: Path | None = None) -> int | None:
    """The number of claims saved for an article (orphans included); None when it has no readable file.

    No lock and no checks beyond the shape: for the library's claim column.
    Remembers the answer per file until the file changes. Never raises.
    """
    try:
        article_path = Path(article_path)
        beside = annotation_path(article_path)
        fallback = fallback_path(article_path, data_dir)
        path = fallback if _mtime(fallback) > _mtime(beside) else beside
        state = _FileState.of(path)
        if state is None:
            return None
        known = _COUNTS.get(path)
        if known is not None and known[0] == state:
            return known[1]
        data = _read_json(path)
        claims = data.get("claims", {}) if type(data) is dict else None
        count = len(claims) if type(claims) is dict else None
        _COUNTS[path] = (state, count)
        return count
    except Exception:  # noqa: BLE001 - a library column must never break the library
        return None


# --------------------------------------------------------------------------
# For export and statistics: the annotations as saved, read without the lock


@dataclass(frozen=True, slots=True)
class AnnotationSnapshot:
    """An article's claims and sources as last saved: ``claims`` placed in the text, in reading order;
    ``orphans``: claims that could not be placed in the changed text (their anchors as saved)."""

    path: Path
    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    orphans: tuple[Claim, ...]


def annotations_file(article_path: Path, *, data_dir: Path | None = None) -> Path | None:
    """The annotations file an article's store would read (as ``count_claims`` picks it); None without one."""
    article_path = Path(article_path)
    beside = annotation_path(article_path)
    fallback = fallback_path(article_path, data_dir)
    path = fallback if _mtime(fallback) > _mtime(beside) else beside
    return path if _mtime(path) >= 0 else None


def read_annotations(article_path: Path, article_text: str, *, data_dir: Path | None = None,
                     file: Path | None = None) -> AnnotationSnapshot | None:
    """The saved annotations of an article, for reading only; None when it has none.

    Takes no lock and writes nothing, so an export can run while a reader is
    saving: the file is replaced atomically, so this reads the old or the new
    version whole. Claims of a changed article are placed in memory, as the
    store would place them; the file keeps its old anchors. Raises StoreError
    (one line) for a file that is damaged or from a newer qari. ``file``: the
    one ``annotations_file`` gave, when the caller has looked already.
    """
    path = file or annotations_file(article_path, data_dir=data_dir)
    if path is None:
        return None
    try:
        data = _check(_load_json(path))
    except (OSError, ValueError, _Damaged, _Newer, _TooLarge, RecursionError, MemoryError) as err:
        reason = _read_problem(_line(Path(path.name)), err)
        raise StoreError(reason.removesuffix(", the file is left as it is").removesuffix(": opened read-only")
                         ) from None
    if data is None:
        return None
    same_text = next(iter(data["meta"].values())).get("sha256") == article_sha256(article_text)
    placed: list[Claim] = []
    unplaced: list[Claim] = []
    for doc in data.get("claims", {}).values():
        claim = _claim_from_doc(doc)
        (placed if same_text and claim.anchor.fits(article_text) else unplaced).append(claim)
    orphans: list[Claim] = []
    for claim, anchor in zip(unplaced, _place_all([c.anchor for c in unplaced], article_text) if unplaced else []):
        if anchor is None:
            orphans.append(claim)
        else:
            placed.append(replace(claim, anchor=anchor))
    placed.sort(key=lambda c: (c.anchor.start, c.anchor.end))
    sources = tuple(_source_from_doc(doc) for doc in data.get("sources", {}).values())
    return AnnotationSnapshot(path, tuple(placed), sources, tuple(orphans))
