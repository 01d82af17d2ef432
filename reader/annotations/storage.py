"""The annotations file as bytes: reading it once, writing it atomically, and cheaply.

``load_json`` is the only place that opens an annotations file for reading
(the store, the library's counts, export, statistics and the source registry
all come through it, see ``reading.py``). ``AtomicJSONStorage`` is a TinyDB
``Storage`` (TinyDB's documented extension point) that writes with
``reader.files.atomic_write``: temp file, fsync, ``os.replace``, fsync of
the folder. ``AnnotationDatabase`` adds one thing to TinyDB: ``commit``,
several document changes in several tables saved with one write.

Saving stays cheap with thousands of claims: documents are never changed in
place (a changed document is a new dict), so the storage keeps every
document's JSON from the previous save and serialises only new ones; a save
is a ``b"".join`` and one atomic write, not a full ``json.dumps`` (see
``benchmarks/store.py``). No Textual import.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from ..files import atomic_write

__all__ = [
    "MAX_FILE_BYTES",
    "NOTHING",
    "AnnotationDatabase",
    "AtomicJSONStorage",
    "Changes",
    "TooLarge",
    "load_json",
    "open_database",
    "parse_json",
    "read_file",
]

Doc = dict[str, Any]
Data = dict[str, Any]

MAX_FILE_BYTES = 128 * 1024 * 1024  # ~200,000 claims; parsing more would take seconds and gigabytes

#: What ``load_json`` gives for a missing or empty file.
NOTHING: Any = object()

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False, allow_nan=False).encode


class TooLarge(Exception):
    """The file is larger than an annotations file can sensibly be (``MAX_FILE_BYTES``)."""


def load_json(path: Path) -> Any:
    """The parsed file, or ``NOTHING`` when it is missing or empty.

    Raises OSError, UnicodeDecodeError, ValueError, RecursionError, or TooLarge.
    """
    return parse_json(read_file(path))


def read_file(path: Path) -> bytes:
    """The file's bytes (``b""`` when it is missing). Raises OSError or TooLarge."""
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size  # read(MAX + 1) would allocate that much for each file
            raw = file.read(min(size, MAX_FILE_BYTES) + 1)
            if len(raw) > size:  # it grew since (or says size 0): the rest, as far as the limit
                raw += file.read(MAX_FILE_BYTES + 1 - len(raw))
    except FileNotFoundError:
        return b""
    if len(raw) > MAX_FILE_BYTES:
        raise TooLarge(f"more than {MAX_FILE_BYTES // 2**20} MB")
    return raw


def parse_json(raw: bytes) -> Any:
    """``read_file``'s bytes parsed, or ``NOTHING`` for none. Raises UnicodeDecodeError, ValueError or
    RecursionError."""
    text = raw.decode("utf-8-sig")
    if not text.strip():
        return NOTHING
    return json.loads(text)


class _PlainJSON(Exception):
    """The data has a shape the fragment encoder does not handle: use ``json.dumps``."""


class ChangedTable(dict):  # type: ignore[type-arg]
    """A table ``commit`` made from ``previous`` by changing the documents numbered ``changed``.

    Tells the storage which documents to serialise, so a save at 5,000
    claims touches one document's JSON, not 5,000 dictionary look-ups.
    """

    __slots__ = ("changed", "previous")

    def __init__(self, previous: dict[str, Doc], changed: set[str]) -> None:
        super().__init__(previous)
        self.previous: dict[str, Doc] | None = previous
        self.changed = changed


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and reads the file only once.

    ``read()`` gives the parsed file (``None`` for a missing or empty one)
    from memory after the first call; ``write(data)`` saves ``data``
    atomically and only then makes it the data in memory, so a failed write
    leaves both the file and the memory as they were. ``read()`` returns a
    new top-level dict each time, so TinyDB, which puts a changed table into
    that dict, never changes the data in memory behind the storage's back.

    ``immutable_documents=True`` promises that a document, once written, is
    never changed in place (a changed document is a new dict), as with
    ``AnnotationDatabase.commit``. The storage then keeps each document's
    JSON from the last save and serialises only new documents. Plain
    TinyDB's ``Table.update`` edits documents in place: leave it False there.
    """

    def __init__(self, path: str | os.PathLike[str], *, immutable_documents: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.immutable_documents = immutable_documents
        self._data: Data | None = None
        self._loaded = False
        # table name → (the table as last written, its documents' JSON: b'"number":{…}' by number, in order)
        self._written: dict[str, tuple[dict[str, Doc], dict[str, bytes]]] = {}
        self._writing: dict[str, tuple[dict[str, Doc], dict[str, bytes]]] = {}

    def read(self) -> Data | None:
        if not self._loaded:
            value = load_json(self.path)
            self._data = None if value is NOTHING else value
            self._loaded = True
        return None if self._data is None else dict(self._data)

    def write(self, data: Data) -> None:
        try:
            blob = self.encode(data)
        finally:
            for table in data.values():
                if isinstance(table, ChangedTable):
                    table.previous = None  # no chain of old tables kept alive
        atomic_write(self.path, blob)
        self._data = data
        self._loaded = True
        self._written, self._writing = self._writing, {}

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
        self._writing = {}
        return _ENCODE(data).encode("utf-8")

    def _encode_pieces(self, data: Data) -> bytes:
        out = [b"{"]
        self._writing = {}
        for name, table in data.items():
            if type(name) is not str or not isinstance(table, dict):
                raise _PlainJSON
            pieces = self._pieces(name, table)
            self._writing[name] = (table, pieces)
            if len(out) > 1:
                out.append(b",")
            out.append(_ENCODE(name).encode() + b":{")
            out.append(b",".join(pieces.values()))
            out.append(b"}")
        out.append(b"}")
        return b"".join(out)

    def _pieces(self, name: str, table: dict[str, Doc]) -> dict[str, bytes]:
        """Every document's JSON, in the table's order: from the last save where the document is the same."""
        written = self._written.get(name)
        if written is None:
            return {key: _piece(key, doc) for key, doc in table.items()}
        before, pieces = written
        if table is before:
            return pieces
        if isinstance(table, ChangedTable) and table.previous is before:
            pieces = dict(pieces)  # same order as ``before``; changed in the same way as ``table``
            for key in table.changed:
                doc = table.get(key)
                if doc is None:
                    pieces.pop(key, None)
                else:
                    pieces[key] = _piece(key, doc)
            return pieces
        return {
            key: hit if (hit := pieces.get(key)) is not None and before.get(key) is doc else _piece(key, doc)
            for key, doc in table.items()
        }


def _piece(key: str, doc: Doc) -> bytes:
    """``"key":{document}`` as UTF-8 JSON."""
    if type(key) is not str:
        raise _PlainJSON
    return f"{_ENCODE(key)}:{_ENCODE(doc)}".encode()


#: Document changes by table name, then document number: the new document, or None to remove it.
Changes = Mapping[str, Mapping[int, Doc | None]]


class AnnotationDatabase(TinyDB):
    """TinyDB whose changes go through ``commit``: copy-on-write, every table in one save.

    TinyDB's own ``Table.update`` changes a document in place and each table
    method is a save of its own; one user action (a claim with its new
    source, a merge of two sources) must be one save, and a failed save must
    leave the data in memory as it was. ``commit`` builds the new tables from
    the old ones (a C-level dict copy each, plus the changed documents) and
    hands them to the storage in one ``write``, through TinyDB's public
    storage and table API only. Reading through ``table(name)`` works as in
    TinyDB; don't mix ``commit`` with ``Table.insert`` on one instance
    (TinyDB remembers its next document number).
    """

    def commit(self, changes: Changes) -> None:
        """Apply ``changes`` and save them with one storage write; on an error nothing changes."""
        tables: Data = self.storage.read() or {}
        for name, docs in changes.items():
            table = ChangedTable(tables.get(name, {}), {str(doc_id) for doc_id in docs})
            for doc_id, doc in docs.items():
                if doc is None:
                    table.pop(str(doc_id), None)
                else:
                    table[str(doc_id)] = doc
            tables[name] = table
        self.storage.write(tables)
        for name in changes:
            self.table(name).clear_cache()


def open_database(storage: AtomicJSONStorage) -> AnnotationDatabase:
    """An ``AnnotationDatabase`` over an existing storage (TinyDB makes its storage from a factory)."""
    return AnnotationDatabase(storage=lambda: storage)
