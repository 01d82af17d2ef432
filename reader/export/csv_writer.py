"""CSV: one row per claim, ``CSV_COLUMNS`` in that order; a cell that could run as a formula gets a leading ``'``."""

from __future__ import annotations

import csv
from typing import TextIO

from ..corpus import Annotated
from .rows import FORMULA_STARTS, JOIN, guard_cell

__all__ = ["CSV_COLUMNS", "CSVWriter"]

CSV_COLUMNS: tuple[str, ...] = (
    "article",
    "claim_id",
    "quote",
    "start",
    "end",
    "paragraph",
    "status",
    "sources",
    "source_types",
    "tags",
    "note",
    "created",
    "updated",
)


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
        starts = FORMULA_STARTS
        placed = len(snapshot.claims)  # the first ``placed`` rows; orphans after them
        rows: list[tuple[object, ...]] = []
        for claim in (*snapshot.claims, *snapshot.orphans):
            anchor = claim.anchor
            joined = by_sources.get(claim.source_ids)
            if joined is None:
                named = [sources[i] for i in claim.source_ids if i in sources]
                joined = by_sources[claim.source_ids] = (
                    guard_cell(JOIN.join([s.name for s in named])),
                    JOIN.join([s.type for s in named]),
                )
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
                rows.append(
                    (
                        name,
                        claim_id,
                        exact,
                        anchor.start,
                        anchor.end,
                        paragraph_at(anchor.start) + 1,
                        claim.status,
                        *joined,
                        tags,
                        note,
                        created,
                        updated,
                    )
                )
            else:  # an orphan: its offsets point into the old text
                rows.append((name, claim_id, exact, "", "", "", claim.status, *joined, tags, note, created, updated))
        self._writer.writerows(rows)
        return len(rows)

    def end(self) -> None:
        pass
