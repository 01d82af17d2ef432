"""The one reader of annotations files: the store, the library, export, statistics and the source registry.

Every reader of an annotations file comes through here, so the file is
read one way (``storage.read_file``: size limit; ``storage.parse_json``:
UTF-8 with or without a BOM, an empty file is "nothing yet") and understood
one way (``schema.check``: checks and migrations; ``schema``'s codec for
records). What differs is only how much a caller needs:

| caller | reads with |
|---|---|
| ``AnnotationStore`` | ``read_database``: checked and migrated, or a one-line reason |
| export, statistics (``reader.corpus``) | ``read_annotations``: an ``AnnotationSnapshot``, claims placed in the text |
| library rows, ``qari info`` | ``count_claims``: the shape only, remembered per file state |
| the claim dialog's type-ahead (``registry``) | ``sources_in_file``: every readable source, whatever else is damaged |

Export and statistics read thousands of files, so ``read_annotations``
first tries ``_quick``: msgspec parses a file as qari writes it and checks
every field's type as it goes, the rest of the checks run over columns, and
the claims stay columns (``ClaimColumns``) until records are asked for. A
file it does not take goes through ``schema.check`` as for the store, which
gives the same claims or says what is wrong.

None of them takes a lock or writes: the store writes atomically, so a
reader sees the old file or the new one whole. No Textual import.
"""

from __future__ import annotations

from codecs import BOM_UTF8
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import add, le, mul
from pathlib import Path
from typing import Any

import msgspec

from ..text.sanitise import printable
from .errors import StoreError
from .model import SOURCE_TYPES, Anchor, Claim, ClaimColumns, Source
from .paths import FileState, annotations_file, article_sha256, newer_file
from .schema import (
    READ_ERRORS,
    SCHEMA_VERSION,
    check,
    check_with_claims,
    claim_columns_of_rows,
    documents,
    good_claim_values,
    numbered,
    read_problem,
    source_from_doc,
)
from .storage import NOTHING, Data, load_json, parse_json, read_file

__all__ = ["AnnotationSnapshot", "count_claims", "place_all", "read_annotations", "read_database", "sources_in_file"]


def read_database(path: Path) -> tuple[Data | None, int]:
    """The file as a database of the current schema (None when missing or empty), and the schema it had.

    Raises what ``schema.READ_ERRORS`` lists; ``schema.read_problem`` words it.
    """
    return check(load_json(path))


def place_all(anchors: list[Anchor], text: str) -> list[Anchor | None]:
    """Claims placed again in a changed text (``anchor.reanchor_all``); None for an orphan."""
    from .anchor import reanchor_all

    return list(reanchor_all(anchors, text))


# --------------------------------------------------------------------------
# For export and statistics: the annotations as saved, read without the lock


@dataclass(frozen=True, slots=True)
class AnnotationSnapshot:
    """An article's claims and sources as last saved.

    ``columns``: every claim, the ``placed`` ones first (placed in the text,
    in reading order), then the orphans (claims that could not be placed in
    the changed text, their anchors as saved). ``claims`` and ``orphans``
    are the same claims as records, made when first asked for: the CSV
    export reads the columns and never needs them.
    """

    path: Path
    columns: ClaimColumns
    placed: int
    sources: tuple[Source, ...]
    _records: dict[str, tuple[Claim, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The placed claims, in reading order."""
        if "claims" not in self._records:
            self._records["claims"] = self.columns.claims(0, self.placed)
        return self._records["claims"]

    @property
    def orphans(self) -> tuple[Claim, ...]:
        """The claims that could not be placed, with the anchors they were saved with."""
        if "orphans" not in self._records:
            self._records["orphans"] = self.columns.claims(self.placed)
        return self._records["orphans"]


def read_annotations(
    article_path: Path, article_text: str, *, data_dir: Path | None = None, file: Path | None = None
) -> AnnotationSnapshot | None:
    """The saved annotations of an article, for reading only; None when it has none.

    Takes no lock and writes nothing, so an export can run while a reader is
    saving. Claims of a changed article are placed in memory, as the store
    would place them; the file keeps its old anchors. Raises StoreError (one
    line) for a file that is damaged or from a newer qari. ``file``: the one
    ``annotations_file`` gave, when the caller has looked already.
    """
    path = file or annotations_file(article_path, data_dir=data_dir)
    if path is None:
        return None
    try:
        saved = _read_saved(path)
    except READ_ERRORS as err:
        reason = read_problem(printable(Path(path.name)), err)
        raise StoreError(
            reason.removesuffix(", the file is left as it is").removesuffix(": opened read-only")
        ) from None
    if saved is None:
        return None
    sha256, sources, columns = saved
    text = article_text
    same_text = sha256 == article_sha256(text)
    # startswith: the quote at its offset without a copy of the text there (quote lengths are checked)
    if same_text and all(map(text.startswith, columns.exacts, columns.starts)):
        # The article as it was saved: every claim is where it was, no record needed. Reading order as the
        # slow path sorts (stable, by start then end), on one int a claim: start × (largest end + 1) + end.
        span = max(columns.ends, default=0) + 1
        keys = list(map(add, map(mul, columns.starts, repeat(span)), columns.ends))
        if not all(map(le, keys, keys[1:])):
            columns = columns.take(sorted(range(len(keys)), key=keys.__getitem__))
        return AnnotationSnapshot(path, columns, len(columns), sources)
    placed: list[Claim] = []
    unplaced: list[Claim] = []
    for claim in columns.claims():
        (placed if same_text and claim.anchor.fits(text) else unplaced).append(claim)
    orphans: list[Claim] = []
    for claim, anchor in zip(unplaced, place_all([c.anchor for c in unplaced], text) if unplaced else []):
        if anchor is None:
            orphans.append(claim)
        else:
            placed.append(replace(claim, anchor=anchor))
    placed.sort(key=lambda c: (c.anchor.start, c.anchor.end))
    return AnnotationSnapshot(path, ClaimColumns.of(placed + orphans), len(placed), sources)


Saved = tuple[str, tuple[Source, ...], ClaimColumns]


def _read_saved(path: Path) -> Saved | None:
    """The file's ``meta.sha256``, sources and claims (in the order of the file); None when it has none.

    A file as qari writes it is read by ``_quick``; anything else (an older
    schema, an unknown field, damage of any kind) by ``schema.check``, which
    says what is wrong. Raises what ``schema.READ_ERRORS`` lists.
    """
    raw = read_file(path)
    return _quick(raw) or _checked(raw)


def _checked(raw: bytes) -> Saved | None:
    """``_read_saved`` for any file, through ``schema.check``."""
    data, _, columns = check_with_claims(parse_json(raw))
    if data is None:
        return None
    (meta,) = data["meta"].values()
    return meta["sha256"], tuple(source_from_doc(doc) for _, doc in documents(data, "sources")), columns


class _ClaimDoc(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """A ``claims`` document with the types ``schema.CLAIM_FIELDS`` wants, its fields in that order."""

    id: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    source_ids: list[str]
    tags: list[str]
    note: str
    status: str
    created: str
    updated: str
    evidence: list[str]


class _SourceDoc(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    id: str
    name: str
    type: str
    role: str
    note: str


class _MetaDoc(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    schema_version: int
    article: str
    sha256: str
    app_version: str


class _Database(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    meta: dict[str, _MetaDoc]
    sources: dict[str, _SourceDoc] = {}
    claims: dict[str, _ClaimDoc] = {}


_DECODE = msgspec.json.Decoder(_Database).decode
_FIELDS = msgspec.structs.astuple  # a document's values, in the order of its fields
_DOC = msgspec.structs.asdict
_SOURCE_TYPES = frozenset(SOURCE_TYPES)


def _quick(raw: bytes) -> Saved | None:
    """``_read_saved`` for a file as qari writes it; None for any other.

    msgspec parses the file and checks each field's type as it goes, in C:
    twice as fast as ``json.loads`` alone, and the checks of
    ``schema._check_tables`` that are left are a few passes over columns
    (``schema.good_claim_values``). Only a file every byte of which msgspec
    has read as a known field is taken (it skips unknown fields unread: a
    byte that is not UTF-8 there would pass), and nothing it refuses is told
    apart: the standard path reads it again and says what is wrong.
    """
    try:
        data = _DECODE(raw[len(BOM_UTF8) :] if raw.startswith(BOM_UTF8) else raw)
    except (msgspec.DecodeError, RecursionError):
        return None
    if len(data.meta) != 1 or not (numbered(data.meta) and numbered(data.sources) and numbered(data.claims)):
        return None
    (meta,) = data.meta.values()
    ids = [source.id for source in data.sources.values()]
    if (
        meta.schema_version != SCHEMA_VERSION
        or "" in ids
        or len(set(ids)) != len(ids)
        or not _SOURCE_TYPES.issuperset([source.type for source in data.sources.values()])
    ):
        return None
    claims = claim_columns_of_rows(map(_FIELDS, data.claims.values()))
    if not good_claim_values(claims, set(ids)):
        return None
    return meta.sha256, tuple(source_from_doc(_DOC(source)) for source in data.sources.values()), claims


# --------------------------------------------------------------------------
# For the library: how many claims an article has

_COUNTS: dict[Path, tuple[FileState, int | None]] = {}


def count_claims(article_path: Path, *, data_dir: Path | None = None) -> int | None:
    """The number of claims saved for an article (orphans included); None when it has no readable file.

    No lock and no checks beyond the shape: for the library's claim column.
    Remembers the answer per file until the file changes. Never raises.
    """
    try:
        path = newer_file(Path(article_path), data_dir)
        state = FileState.of(path)
        if state is None:
            return None
        known = _COUNTS.get(path)
        if known is not None and known[0] == state:
            return known[1]
        data = _shape_only(path)
        claims = data.get("claims", {}) if type(data) is dict else None
        count = len(claims) if type(claims) is dict else None
        _COUNTS[path] = (state, count)
        return count
    except Exception:
        return None


def _shape_only(path: Path) -> Any:
    """The parsed file, unchecked (None for a missing or empty one)."""
    value = load_json(path)
    return None if value is NOTHING else value


# --------------------------------------------------------------------------
# For the type-ahead: the sources another article of the folder names


def sources_in_file(path: Path) -> list[Source]:
    """Every source in an annotations file that has a name, with its type and role; [] when unreadable.

    Tolerant of any damage elsewhere in the file: a neighbour's broken claim
    must not hide the sources it names from the claim dialog.
    """
    try:
        data = _shape_only(path)
    except READ_ERRORS:
        return []
    table = data.get("sources", {}) if isinstance(data, dict) else {}
    found: list[Source] = []
    for doc in table.values() if isinstance(table, dict) else []:
        if isinstance(doc, dict) and isinstance(doc.get("name"), str) and doc["name"].strip():
            kind, role = doc.get("type"), doc.get("role")
            found.append(
                Source(doc["name"], kind if kind in SOURCE_TYPES else "other", role if isinstance(role, str) else "")
            )
    return found
