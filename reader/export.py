"""Claims of many articles as CSV, JSONL or W3C Web Annotations, written as they are read.

DESIGN.md, "Export". Every format is streamed: one article is read, its
claims written, and the next one read, so memory stays flat however many
articles there are (see ``benchmarks/export.py``).

- **CSV**: one row per claim, ``CSV_COLUMNS`` in that order; several sources
  or tags joined with `` | ``. ``paragraph`` is 1-based, as the reader's
  status line shows it (¶ n/total: every line of the article counts, blank
  ones too). A text cell starting with ``= + - @``, a tab or a carriage
  return gets a leading ``'`` so that a spreadsheet never runs it as a
  formula (OWASP, "CSV injection"). The byte-order mark that makes
  spreadsheet programs read UTF-8 is written by ``export_to_file`` (``bom``),
  never by ``export_claims``, whose stream may be stdout.
- **JSONL**: one claim a line, its sources in full and its anchor.
- **W3C**: Web Annotation Data Model JSON-LD (see ``W3CWriter``).

Orphans (claims that could not be placed in the changed article) are never
left out: they are written with their quote, prefix and suffix as saved and
with no offsets (empty start, end and paragraph in CSV; ``null`` in JSONL;
only a TextQuoteSelector in W3C), since their old offsets point into a text
that no longer exists. The caller is told through ``warn``.

No Textual import.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TextIO
from urllib.parse import quote

from .annotations.model import Claim, Source
from .corpus import Annotated, Skipped, annotated_articles, printable
from .files import atomic_text_output

__all__ = ["CSV_COLUMNS", "FORMATS", "ExportResult", "W3CWriter", "export_claims", "export_to_file", "guard_cell"]

FORMATS: tuple[str, ...] = ("csv", "jsonl", "w3c")
CSV_COLUMNS: tuple[str, ...] = ("article", "claim_id", "quote", "start", "end", "paragraph", "status", "sources",
                                "source_types", "tags", "note", "created", "updated")
JOIN = " | "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: articles with at least one claim, claims, and how many warnings it gave."""

    articles: int
    claims: int
    warnings: int


def guard_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: ``'`` before a leading ``= + - @``, tab or CR."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


@dataclass(frozen=True, slots=True)
class _Row:
    """One claim with everything JSONL and W3C need; ``placed`` False for an orphan (no offsets)."""

    article: str
    claim: Claim
    sources: tuple[Source, ...]
    paragraph: int | None  # 1-based
    placed: bool
    source_uri: str


class _Writer(Protocol):
    def begin(self) -> None: ...
    def write_article(self, item: Annotated) -> int: ...
    def end(self) -> None: ...


class CSVWriter:
    """Rows of ``CSV_COLUMNS`` (a header first).

    The hot loop of a big export (100,000 rows): one article's rows are made
    in one pass, without a record per claim, and handed to ``writerows``.
    """

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def begin(self) -> None:
        self._writer.writerow(CSV_COLUMNS)

    def write_article(self, item: Annotated) -> int:
        snapshot, paragraph_at = item.annotations, item.article.paragraph_at
        sources = {source.id: source for source in snapshot.sources}
        name = guard_cell(item.name)
        by_sources: dict[tuple[str, ...], tuple[str, str]] = {}  # an article's claims share a few source lists
        by_tags: dict[tuple[str, ...], str] = {}
        starts = _FORMULA_STARTS
        placed = len(snapshot.claims)  # the first ``placed`` rows; orphans after them
        rows: list[tuple[object, ...]] = []
        for claim in (*snapshot.claims, *snapshot.orphans):
            anchor = claim.anchor
            joined = by_sources.get(claim.source_ids)
            if joined is None:
                named = [sources[i] for i in claim.source_ids if i in sources]
                joined = by_sources[claim.source_ids] = (guard_cell(JOIN.join([s.name for s in named])),
                                                         JOIN.join([s.type for s in named]))
            tags = by_tags.get(claim.tags)
            if tags is None:
                tags = by_tags[claim.tags] = guard_cell(JOIN.join(claim.tags))
            # guard_cell written out (a call per cell costs ~10% of a big export); status and source
            # types come from fixed lists, checked on reading: never a formula
            claim_id, exact, note, created, updated = claim.id, anchor.exact, claim.note, claim.created, claim.updated
            if claim_id.startswith(starts):
                claim_id = "'" + claim_id
            if exact.startswith(starts):
                exact = "'" + exact
            if note.startswith(starts):
                note = "'" + note
            if created.startswith(starts):
                created = "'" + created
            if updated.startswith(starts):
                updated = "'" + updated
            if len(rows) < placed:
                rows.append((name, claim_id, exact, anchor.start, anchor.end, paragraph_at(anchor.start) + 1,
                             claim.status, *joined, tags, note, created, updated))
            else:  # an orphan: its offsets point into the old text
                rows.append((name, claim_id, exact, "", "", "", claim.status, *joined, tags, note, created, updated))
        self._writer.writerows(rows)
        return len(rows)

    def end(self) -> None:
        pass


def claim_json(row: _Row) -> dict[str, Any]:
    """A claim as one JSONL object: article, claim_id, status, tags, note, times, paragraph, anchor, sources."""
    claim, anchor = row.claim, row.claim.anchor
    return {
        "article": row.article,
        "claim_id": claim.id,
        "status": claim.status,
        "tags": list(claim.tags),
        "note": claim.note,
        "created": claim.created,
        "updated": claim.updated,
        "orphan": not row.placed,
        "paragraph": row.paragraph,
        "anchor": {"start": anchor.start if row.placed else None, "end": anchor.end if row.placed else None,
                   "exact": anchor.exact, "prefix": anchor.prefix, "suffix": anchor.suffix},
        "sources": [{"id": s.id, "name": s.name, "type": s.type, "role": s.role, "note": s.note}
                    for s in row.sources],
    }


class JSONLWriter:
    """One JSON object a line (``claim_json``), Arabic as is (not ``\\u`` escapes)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def begin(self) -> None:
        pass

    def write_article(self, item: Annotated) -> int:
        count = 0
        for row in _rows(item):
            self._out.write(json.dumps(claim_json(row), ensure_ascii=False))
            self._out.write("\n")
            count += 1
        return count

    def end(self) -> None:
        pass


def _annotation_id(row: _Row) -> str:
    """``urn:uuid:…`` for qari's ids (uuid4 hex); a fragment of the article's IRI for any other id."""
    try:
        return uuid.UUID(hex=row.claim.id).urn
    except ValueError:
        return f"{row.source_uri}#claim-{quote(row.claim.id, safe='')}"


def _source_text(source: Source) -> str:
    detail = ", ".join(part for part in (source.type, source.role) if part)
    return f"{source.name} ({detail})"


def w3c_annotation(row: _Row) -> dict[str, Any]:
    """A claim as a W3C Web Annotation (motivation ``assessing``)."""
    claim, anchor = row.claim, row.claim.anchor
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "assessing", "value": claim.status}]
    body += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in claim.tags]
    body += [{"type": "TextualBody", "purpose": "describing", "value": f"source: {_source_text(source)}"}
             for source in row.sources]
    if claim.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": claim.note})
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": anchor.exact,
                                        "prefix": anchor.prefix, "suffix": anchor.suffix}]
    if row.placed:
        selectors.append({"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end})
    return {
        "@context": W3C_CONTEXT,
        "id": _annotation_id(row),
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim.created,
        "modified": claim.updated,
        "body": body,
        "target": {"source": row.source_uri, "selector": selectors},
    }


class W3CWriter:
    """A JSON array of W3C Web Annotations, each a complete JSON-LD document with its own ``@context``.

    Why an array and not an AnnotationCollection: an array is what annotation
    tools import directly (Annotorious/Recogito take a list of W3C annotations;
    each element can be POSTed as is to a Web Annotation Protocol server, and
    any JSON library reads it), whereas a collection wraps the annotations in
    pages that an importer must unwrap, and wants a ``total`` that a
    streamed export only knows at its end.

    Each claim's target is its article (a ``file:`` IRI) with two equivalent
    selectors: a TextQuoteSelector (quote, 32 characters of prefix and
    suffix) and a TextPositionSelector (code-point offsets, as the model's
    text selectors count). The body says what the annotator found: the status
    (purpose ``assessing``), each tag (``tagging``), each source
    (``describing``: "source: name (type, role)") and the note (``commenting``).
    An orphan has the quote selector only. ``created`` / ``modified`` are the
    claim's times.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._first = True

    def begin(self) -> None:
        self._out.write("[")

    def write_article(self, item: Annotated) -> int:
        count = 0
        for row in _rows(item):
            self._out.write("\n" if self._first else ",\n")
            self._first = False
            self._out.write(json.dumps(w3c_annotation(row), ensure_ascii=False))
            count += 1
        return count

    def end(self) -> None:
        self._out.write("]\n" if self._first else "\n]\n")


_WRITERS: dict[str, Callable[[TextIO], _Writer]] = {"csv": CSVWriter, "jsonl": JSONLWriter, "w3c": W3CWriter}


def _article_uri(path: Path | None, name: str) -> str:
    if path is None:
        return quote(name)
    try:
        return path.resolve().as_uri()
    except ValueError:
        return quote(name)


def _rows(item: Annotated) -> Iterable[_Row]:
    """The article's claims in reading order, then its orphans."""
    article, snapshot = item.article, item.annotations
    sources = {source.id: source for source in snapshot.sources}
    uri = _article_uri(article.path, item.name)
    for claim in snapshot.claims:
        named = tuple(sources[i] for i in claim.source_ids if i in sources)
        yield _Row(item.name, claim, named, article.paragraph_at(claim.anchor.start) + 1, True, uri)
    for claim in snapshot.orphans:
        named = tuple(sources[i] for i in claim.source_ids if i in sources)
        yield _Row(item.name, claim, named, None, False, uri)


def export_claims(items: Iterable[Annotated | Skipped], out: TextIO, fmt: str = "csv", *,
                  warn: Callable[[str], None]) -> ExportResult:
    """Write the claims of ``items`` (``corpus.annotated_articles``) to ``out`` in ``fmt``.

    ``warn`` gets one line (``qari: …``) for each skipped article and for each
    article with orphans; those are exported without offsets.
    """
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    writer = _WRITERS[fmt](out)
    writer.begin()
    articles = claims = warnings = 0
    for item in items:
        if isinstance(item, Skipped):
            warn(f"qari: {printable(item.name)}: {item.reason}; skipped")
            warnings += 1
            continue
        count = writer.write_article(item)
        orphans = len(item.annotations.orphans)
        if orphans:
            warn(f"qari: {printable(item.name)}: {orphans} claim{'s' if orphans > 1 else ''} could not be placed in the "
                 "changed article: exported without offsets")
            warnings += 1
        articles += count > 0
        claims += count
    writer.end()
    return ExportResult(articles, claims, warnings)


def export_to_file(articles: Iterable[Path], out: Path, fmt: str = "csv", *, bom: bool = True,
                   warn: Callable[[str], None], data_dir: Path | None = None) -> ExportResult:
    """Export the claims of ``articles`` (paths) to the file ``out``, whole or not at all.

    For ``qari export -o`` and the reader's export of one article: the file
    appears only once everything is written (``files.atomic_text_output``);
    an OSError leaves ``out`` as it was. ``bom``: a UTF-8 byte-order mark,
    for CSV only (JSON must not have one).
    """
    with atomic_text_output(Path(out)) as stream:
        if bom and fmt == "csv":
            stream.write("\ufeff")  # by hand: the utf-8-sig codec encodes in Python, ~15% of a big export
        return export_claims(annotated_articles(articles, data_dir=data_dir), stream, fmt, warn=warn)
