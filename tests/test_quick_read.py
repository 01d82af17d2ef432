"""Export and statistics read a file as qari writes it through msgspec (``reading._quick``): whatever it takes,
the standard read (json and ``schema.check``) reads the same; whatever is damaged, it leaves to the standard
read, which says what is wrong."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_schema import _claim_docs

from reader.annotations import reading, schema
from reader.annotations.model import SOURCE_TYPES

SHA = hashlib.sha256(b"text").hexdigest()


def _meta(**changes: object) -> dict[str, object]:
    return {
        "schema_version": schema.SCHEMA_VERSION,
        "article": "a.txt",
        "sha256": SHA,
        "app_version": "0.1.0",
        **changes,
    }


def _source(number: int, **changes: object) -> dict[str, object]:
    return {"id": f"s{number}", "name": "مصادر مطلعة", "type": "anonymous", "role": "", "note": "", **changes}


def _file(claims: dict[str, Any] | None = None, **tables: object) -> bytes:
    data: dict[str, object] = {"meta": {"1": _meta()}, "sources": {"1": _source(1), "2": _source(2)}}
    data["claims"] = {} if claims is None else claims
    data.update(tables)
    return json.dumps(data, ensure_ascii=False).encode()


def _standard(raw: bytes) -> reading.Saved | str | None:
    """What the standard read gives, or its reason for refusing."""
    try:
        return reading._checked(raw)
    except schema.READ_ERRORS as err:
        return schema.read_problem("f", err)


def _same(quick: reading.Saved, standard: reading.Saved | str | None) -> bool:
    assert standard is not None and not isinstance(standard, str), standard
    return quick[:2] == standard[:2] and quick[2].claims() == standard[2].claims()


def test_its_documents_are_the_schemas() -> None:
    assert reading._ClaimDoc.__struct_fields__ == tuple(schema.CLAIM_FIELDS)
    assert reading._SourceDoc.__struct_fields__ == tuple(schema.SOURCE_FIELDS)


def test_a_file_as_qari_writes_it_is_read_quickly_and_the_same() -> None:
    claim = {
        "id": "c1",
        "start": 0,
        "end": 3,
        "exact": "قال",
        "prefix": "",
        "suffix": " الوزير",
        "source_ids": ["s2", "s1"],
        "tags": ["أسعار"],
        "note": "",
        "status": "disputed",
        "created": "2025-01-01T00:00:00Z",
        "updated": "",
        "evidence": ["https://example.com/بيان", "بيان الوزارة"],
    }
    for raw in (_file({"1": claim}), b"\xef\xbb\xbf" + _file({"1": claim}), _file()):
        quick = reading._quick(raw)
        assert quick is not None and _same(quick, _standard(raw))
    assert quick is not None and quick[1][1].id == "s2"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{}",
        b"  \n",
        b"null",
        _file(sources={"1": _source(1, type="rumour")}),
        _file(sources={"1": _source(1), "2": _source(2, id="s1")}),
        _file(sources={"1": _source(1, id="")}),
        _file(sources={"01": _source(1)}),
        _file(sources={"1": _source(1, extra="x")}),
        _file(meta={"1": _meta(schema_version=True)}),
        _file(meta={"1": _meta(schema_version=0)}),
        _file(meta={"1": _meta(schema_version=schema.SCHEMA_VERSION + 1)}),
        _file(meta={"1": _meta(schema_version=1)}),  # an older schema: migrated by the standard read
        _file(meta={"1": _meta(), "2": _meta()}),
        _file(meta={"1": _meta(sha256=None)}),
        _file(meta={"1": {"schema_version": 1}}),
        _file(claims="none"),
        _file(other={}),  # an unknown table: only the standard read looks at every byte
        _file(sources={"1": _source(1), "2": _source(2, extra=10**30)}),
        _file().replace(b'"note"', b'"x":"\xff","note"', 1),  # not UTF-8 where msgspec would not look
        _file().replace(b'"note": ""', b'"note": NaN', 1),
        _file().replace(b'"name": "', b'"name": "\\ud800', 1),
        _file() + b" x",
    ],
)
def test_anything_else_is_left_to_the_standard_read(raw: bytes) -> None:
    assert reading._quick(raw) is None


_SOURCES = {"1": _source(1), "2": _source(2)}


@given(
    st.integers(0, 5).flatmap(lambda n: st.tuples(*(_claim_docs(i) for i in range(1, n + 1)))),
    st.sampled_from([{}, _SOURCES, {"1": _source(1)}, {"1": _source(1, type=sorted(SOURCE_TYPES)[0])}]),
    st.sampled_from(["1", "2", "10", "01", "x", " 3", "-4", "٥"]),
)
def test_what_the_quick_read_takes_the_standard_read_takes_alike(
    docs: tuple[dict[str, object], ...], sources: dict[str, object], key: str
) -> None:
    claims = {str(number): doc for number, doc in enumerate(docs, 1)}
    if claims:
        claims[key] = claims.pop(str(len(docs)))  # the last claim numbered oddly, perhaps
    raw = _file(claims, sources=sources)
    quick = reading._quick(raw)
    standard = _standard(raw)
    if quick is None:
        return  # the standard read decides, as it always did
    assert _same(quick, standard)
