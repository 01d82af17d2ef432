"""The one schema of the annotations file: records ↔ documents, checks of damaged files, migrations.

Three tables (DESIGN.md, "Annotations"; docs/formats.md): ``meta`` (one
document, a ``Meta``), ``sources`` (``Source``) and ``claims`` (``Claim``
with its ``Anchor`` flattened in). The codec here is the only code that
turns a record into a document or back (or many claim documents into
``ClaimColumns``). ``check`` says whether a parsed file is one qari can use,
and brings an older schema up to this one through ``MIGRATIONS``, one
function per version step, so a file is never read against a schema it was
not written in. Its checks of many claims run a field at a time in C loops
(``good_claims``), and say what is wrong one claim at a time only when
something is. No Textual import.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from operator import eq, itemgetter, le, sub
from typing import Any

from ..text.sanitise import printable
from .migrations import MIGRATIONS
from .model import FIELD_COUNT, SOURCE_TYPES, STATUSES, Anchor, Claim, ClaimColumns, Source
from .storage import NOTHING, Data, Doc, TooLarge

__all__ = [
    "CLAIM_FIELDS",
    "MIGRATIONS",
    "READ_ERRORS",
    "SCHEMA_VERSION",
    "SOURCE_FIELDS",
    "Damaged",
    "Meta",
    "Newer",
    "anchor_fields",
    "check",
    "check_fields",
    "check_with_claims",
    "claim_columns",
    "claim_columns_of_rows",
    "claim_from_doc",
    "claim_to_doc",
    "documents",
    "good_claim_values",
    "good_claims",
    "meta_to_doc",
    "migrate",
    "numbered",
    "read_problem",
    "show",
    "source_from_doc",
    "source_to_doc",
]

#: 1: the first; 2: claims have ``evidence`` (``migrations.MIGRATIONS`` brings older files up to it).
SCHEMA_VERSION = 2


# --------------------------------------------------------------------------
# Records ↔ documents


@dataclass(frozen=True, slots=True)
class Meta:
    """The ``meta`` document: what the file is and which text its anchors belong to."""

    schema_version: int
    article: str
    sha256: str
    app_version: str


def meta_to_doc(meta: Meta) -> Doc:
    return {
        "schema_version": meta.schema_version,
        "article": meta.article,
        "sha256": meta.sha256,
        "app_version": meta.app_version,
    }


def anchor_fields(anchor: Anchor) -> Doc:
    return {
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    }


def claim_to_doc(claim: Claim) -> Doc:
    anchor = claim.anchor
    return {
        "id": claim.id,
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "source_ids": list(claim.source_ids),
        "tags": list(claim.tags),
        "note": claim.note,
        "status": claim.status,
        "created": claim.created,
        "updated": claim.updated,
        "evidence": list(claim.evidence),
    }


def claim_from_doc(doc: Doc) -> Claim:
    anchor = Anchor(doc["start"], doc["end"], doc["exact"], doc["prefix"], doc["suffix"])
    return Claim(
        anchor,
        tuple(doc["source_ids"]),
        tuple(doc["tags"]),
        doc["note"],
        doc["status"],
        doc["id"],
        doc["created"],
        doc["updated"],
        tuple(doc["evidence"]),
    )


def source_to_doc(source: Source) -> Doc:
    return {"id": source.id, "name": source.name, "type": source.type, "role": source.role, "note": source.note}


def source_from_doc(doc: Doc) -> Source:
    return Source(doc["name"], doc["type"], doc["role"], doc["note"], doc["id"])


def claim_columns(docs: Iterable[Doc]) -> ClaimColumns:
    """Claim documents as columns, in the order given, fields as saved (KeyError for a missing one)."""
    return claim_columns_of_rows(map(_CLAIM_DOC, docs))


def claim_columns_of_rows(rows: Iterable[tuple[Any, ...]]) -> ClaimColumns:
    """Claims given as the values of their ``CLAIM_FIELDS``, in that order, as columns."""
    listed = list(rows)
    return ClaimColumns(*zip(*listed)) if listed else ClaimColumns(*((),) * FIELD_COUNT)


def documents(data: Data | None, name: str) -> Iterator[tuple[int, Doc]]:
    """A checked database's documents of one table, with their numbers."""
    for key, doc in (data or {}).get(name, {}).items():
        yield int(key), doc


# --------------------------------------------------------------------------
# Checking a parsed file


class Damaged(Exception):
    """The file is not what qari writes; str(err) says what is wrong (short, one line)."""


class Newer(Exception):
    """The file was written by a newer qari (schema_version above ours)."""


def show(value: object, limit: int = 30) -> str:
    """A value in a message: short, one line, no control characters."""
    return printable(repr(value), limit=limit)


def _is_int(value: object) -> bool:
    return type(value) is int


def _is_str_list(value: object) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


SOURCE_FIELDS: dict[str, Callable[[object], bool]] = {
    "id": lambda v: type(v) is str and bool(v),
    "name": lambda v: type(v) is str,
    "type": lambda v: v in SOURCE_TYPES,
    "role": lambda v: type(v) is str,
    "note": lambda v: type(v) is str,
}
CLAIM_FIELDS: dict[str, Callable[[object], bool]] = {
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
    "evidence": _is_str_list,
}
_CLAIM_DOC = itemgetter(*CLAIM_FIELDS)  # a document's fields in the order of ClaimColumns
_FIRST = itemgetter(slice(None, 1))
_WANTED = {
    "start": "a whole number ≥ 0",
    "end": "a whole number ≥ 0",
    "source_ids": "a list of strings",
    "tags": "a list of strings",
    "evidence": "a list of strings",
    "status": "one of " + "/".join(STATUSES),
    "type": "one of " + "/".join(SOURCE_TYPES),
    "id": "a non-empty string",
}


def _documents(data: Data, name: str) -> dict[str, Doc]:
    table = data.get(name, {})
    if type(table) is not dict:
        raise Damaged(f"the {name} table is not an object")
    if numbered(table) and set(map(type, table.values())) <= _DICT:
        return table  # the usual case, in C loops; otherwise the first wrong document, said:
    for key, doc in table.items():
        if not key.isascii() or not key.isdigit() or str(int(key)) != key:
            raise Damaged(f"{name} has a document numbered {show(key)}")
        if type(doc) is not dict:
            raise Damaged(f"{name} {key} is {show(doc)}, not an object")
    return table


def numbered(table: Iterable[str]) -> bool:
    """Every document number (a table's keys) is a decimal number as ``str(int)`` writes it ("01" and "1"
    would be one): ASCII digits, no leading zero. A few C passes; int() and str() on each cost ten times more."""
    keys = list(table)
    digits = "".join(keys)
    if not keys or (digits.isascii() and digits.isdigit() and "" not in keys and "0" not in map(_FIRST, keys)):
        return True
    return all(key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") for key in keys)


def check_fields(name: str, key: str, doc: Doc, fields: dict[str, Callable[[object], bool]]) -> None:
    for field, good in fields.items():
        if field not in doc:
            raise Damaged(f"{name} {key} has no {field}")
        if not good(doc[field]):
            wanted = _WANTED.get(field, "a string")
            raise Damaged(f"{name} {key}: {field} is {show(doc[field])}, not {wanted}")


_STATUS_SET = frozenset(STATUSES)
_DICT, _INT, _LIST, _STR = frozenset({dict}), frozenset({int}), frozenset({list}), frozenset({str})


def good_claims(claims: ClaimColumns, sources: set[str]) -> bool:
    """Every claim passes ``_check_claims`` (``sources``: the ids in the sources table).

    The same tests, a field at a time in C loops (``map``, ``set``, ``all``)
    instead of Python calls per claim: a 100-claim file in ~0.1 ms, what
    checking one claim at a time took for ten. An empty ``updated`` holds
    ``created`` already (``ClaimColumns``), which passes and fails as ``""`` would.
    """
    texts = (claims.ids, claims.exacts, claims.prefixes, claims.suffixes, claims.notes, claims.statuses)
    lists = (claims.source_ids, claims.tags, claims.evidence)
    return (
        set(map(type, chain(*texts, claims.created, claims.updated))) <= _STR
        and set(map(type, chain(claims.starts, claims.ends))) <= _INT  # not bool: type(True) is bool
        and set(map(type, chain(*lists))) <= _LIST
        and set(map(type, chain.from_iterable(chain(*lists)))) <= _STR
        and good_claim_values(claims, sources)
    )


def good_claim_values(claims: ClaimColumns, sources: set[str]) -> bool:
    """``good_claims`` for claims whose fields are known to have the right types."""
    return (
        min(claims.starts, default=0) >= 0
        and all(map(le, claims.starts, claims.ends))
        and all(map(eq, map(len, claims.exacts), map(sub, claims.ends, claims.starts)))
        and set(claims.statuses) <= _STATUS_SET
        and "" not in (ids := set(claims.ids))
        and len(ids) == len(claims)
        and sources.issuperset(chain.from_iterable(claims.source_ids))
    )


def migrate(data: Data, version: int, migrations: dict[int, Callable[[Data], Data]] | None = None) -> Data:
    """A database of schema ``version`` brought to ``SCHEMA_VERSION``, one step at a time.

    Damaged when a step is missing (a version this qari never wrote).
    """
    steps = MIGRATIONS if migrations is None else migrations
    while version < SCHEMA_VERSION:
        step = steps.get(version)
        if step is None:
            raise Damaged(f"schema_version is {show(version)}")
        data = step(data)
        version += 1
        ((key, meta),) = data["meta"].items()
        data = {**data, "meta": {key: {**meta, "schema_version": version}}}
    return data


def check(value: Any) -> tuple[Data | None, int]:
    """A parsed file as a database of this schema (None if empty), and the schema it was written in.

    Raises Damaged or Newer.
    """
    data, version, _ = check_with_claims(value)
    return data, version


def check_with_claims(value: Any) -> tuple[Data | None, int, ClaimColumns]:
    """``check``, and the database's claims as columns in the order of the file, made by the check anyway."""
    if value is NOTHING or value == {}:
        return None, SCHEMA_VERSION, claim_columns(())
    if type(value) is not dict:
        raise Damaged(f"it holds {show(value, 20)} where an object belongs")
    if "meta" not in value:
        raise Damaged("no meta table")
    meta = _documents(value, "meta")
    if len(meta) != 1:
        raise Damaged(f"the meta table has {len(meta)} documents, not 1")
    (info,) = meta.values()
    version = info.get("schema_version")
    if type(version) is not int:
        raise Damaged(f"schema_version is {show(version)}")
    if version > SCHEMA_VERSION:
        raise Newer(f"schema {version}")
    data = migrate(value, version)
    return data, version, _check_tables(data)


def _check_tables(data: Data) -> ClaimColumns:
    (info,) = data["meta"].values()
    for field in ("article", "sha256", "app_version"):
        if type(info.get(field)) is not str:
            raise Damaged(f"meta: {field} is {show(info.get(field))}, not a string")
    sources: set[str] = set()
    for key, doc in _documents(data, "sources").items():
        check_fields("source", key, doc, SOURCE_FIELDS)
        if doc["id"] in sources:
            raise Damaged(f"two sources have the id {show(doc['id'])}")
        sources.add(doc["id"])
    table = _documents(data, "claims")
    try:
        claims = claim_columns(table.values())
        if good_claims(claims, sources):
            return claims
    except KeyError:  # a claim without a field
        pass
    _check_claims(table, sources)  # the first claim that is wrong, and what is wrong with it
    return claim_columns(table.values())  # not reached while good_claims agrees with _check_claims


def _check_claims(table: dict[str, Doc], sources: set[str]) -> None:
    seen: set[str] = set()
    for key, doc in table.items():
        check_fields("claim", key, doc, CLAIM_FIELDS)
        if doc["start"] > doc["end"]:
            raise Damaged(f"claim {key} starts at {doc['start']}, after its end {doc['end']}")
        if len(doc["exact"]) != doc["end"] - doc["start"]:
            raise Damaged(
                f"claim {key}: its quote has {len(doc['exact'])} characters, "
                f"not {doc['end'] - doc['start']} ({doc['start']}:{doc['end']})"
            )
        if doc["id"] in seen:
            raise Damaged(f"two claims have the id {show(doc['id'])}")
        seen.add(doc["id"])
        for source_id in doc["source_ids"]:
            if source_id not in sources:
                raise Damaged(f"claim {key} names the source {show(source_id)}, which is not in the sources table")


#: What reading a file can raise besides Damaged and Newer (all turned into a read-only reason).
READ_ERRORS = (OSError, ValueError, Damaged, Newer, TooLarge, RecursionError, MemoryError)


def read_problem(name: str, err: BaseException) -> str:
    """The one-line read-only reason for a file that could not be read or understood."""
    tail = "opened read-only, the file is left as it is"
    if isinstance(err, Newer):
        return f"{name} was written by a newer qari ({err}; this one reads {SCHEMA_VERSION}): {tail}"
    if isinstance(err, UnicodeDecodeError):
        if err.reason == "unexpected end of data":
            return f"{name} is cut short (it ends inside a character): {tail}"
        return f"{name} is not UTF-8 text: {tail}"
    if isinstance(err, json.JSONDecodeError):
        if not err.doc[err.pos :].strip() or err.msg.startswith("Unterminated string"):
            return f"{name} is cut short (its JSON ends early): {tail}"
        return f"{name} is not valid JSON (line {err.lineno}): {tail}"
    if isinstance(err, RecursionError):
        return f"{name} is not valid JSON (nested too deeply): {tail}"
    if isinstance(err, TooLarge):
        return f"{name} is too large to be an annotations file ({err}): {tail}"
    if isinstance(err, Damaged):
        return f"{name} is damaged ({err}): {tail}"
    if isinstance(err, OSError):
        return f"{name} cannot be read ({(err.strerror or str(err)).lower()}): opened read-only"
    return f"{name} cannot be read ({show(str(err), 60)}): {tail}"
