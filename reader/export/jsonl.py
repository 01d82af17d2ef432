"""JSONL: one claim a line, its sources in full and its anchor; Arabic as is, not as ``\\u`` escapes."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..corpus import Annotated
from .rows import ExportOptions, Row, claim_rows

__all__ = ["JSONLWriter", "claim_json"]


def claim_json(row: Row) -> dict[str, Any]:
    """A claim as one JSONL object: article, claim_id, status, tags, note, times, paragraph, anchor, sources,
    then what the CSV's later columns hold (source roles, evidence, the article's metadata; null when unknown)."""
    claim, anchor, meta = row.claim, row.claim.anchor, row.metadata
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
        "anchor": {
            "start": anchor.start if row.placed else None,
            "end": anchor.end if row.placed else None,
            "exact": anchor.exact,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
        },
        "sources": [{"id": s.id, "name": s.name, "type": s.type, "role": s.role, "note": s.note} for s in row.sources],
        "source_roles": [s.role for s in row.sources],
        "evidence": list(claim.evidence),
        "article_title": meta.title,
        "article_outlet": meta.outlet,
        "article_author": meta.author,
        "article_published": meta.date,
        "article_url": meta.url,
    }


class JSONLWriter:
    """One JSON object a line (``claim_json``), Arabic as is (not ``\\u`` escapes)."""

    def __init__(self, out: TextIO, options: ExportOptions | None = None) -> None:  # nothing to add to rows
        self._out = out

    def begin(self) -> None:
        pass

    def write_article(self, item: Annotated) -> int:
        count = 0
        for row in claim_rows(item):
            self._out.write(json.dumps(claim_json(row), ensure_ascii=False))
            self._out.write("\n")
            count += 1
        return count

    def end(self) -> None:
        pass
