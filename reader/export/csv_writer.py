"""CSV: one row per claim, ``CSV_COLUMNS`` in that order; a cell that could run as a formula gets a leading ``'``.

The first thirteen columns are the claim as qari 0.1 exported it; the ones
after them were added at the end (``source_roles``, ``evidence`` and the
article's header or guessed metadata), so a spreadsheet built on the old
columns still finds each where it was.
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import chain, repeat
from operator import itemgetter, sub
from typing import TextIO

from ..corpus import Annotated
from .rows import FORMULA_STARTS, JOIN, ExportOptions, guard_cell

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
    "source_roles",
    "evidence",
    "article_title",
    "article_outlet",
    "article_author",
    "article_published",
    "article_url",
)


_FORMULA_FIRST = frozenset(FORMULA_STARTS)  # each one character
_FIRST = itemgetter(slice(None, 1))


def _guarded(*columns: Sequence[str]) -> tuple[Sequence[str], ...]:
    """``guard_cell`` over every cell of ``columns``: one C pass over their first characters when, as
    nearly always, no cell needs it."""
    if _FORMULA_FIRST.isdisjoint(map(_FIRST, chain(*columns))):
        return columns
    return tuple(
        column if _FORMULA_FIRST.isdisjoint(map(_FIRST, column)) else [guard_cell(cell) for cell in column]
        for column in columns
    )


def _joined(keys: Iterable[tuple[str, ...]], values: dict[str, str]) -> list[str]:
    """For each tuple of ids, their values joined with `` | `` (in C: no Python code per tuple)."""
    return list(map(JOIN.join, map(map, repeat(values.__getitem__), keys)))


def _then_blank(cells: Iterable[object], blanks: int) -> Iterable[object]:
    """The placed claims' cells, then an empty one for each orphan (their offsets point into the old text)."""
    return chain(cells, repeat("", blanks))


def _paragraph_numbers(starts: Sequence[int], paragraph_starts: list[int]) -> Iterable[int]:
    """``Article.paragraph_number(start)`` for each of ``starts`` (in reading order, within the text): a bisect
    for each paragraph, of the claims before it, rather than one for each claim."""
    before = list(map(bisect_left, repeat(starts), paragraph_starts[1:]))
    counts = map(sub, [*before, len(starts)], [0, *before])
    return chain.from_iterable(map(repeat, range(1, len(paragraph_starts) + 1), counts))


class CSVWriter:
    """Rows of ``CSV_COLUMNS`` (a header first).

    The hot loop of a big export (100,000 rows): an article's rows are made
    a column at a time from its claims' columns (``AnnotationSnapshot.columns``)
    in C loops, zipped, and handed to ``writerows``, with no Python code per
    claim; only an article's few distinct source lists are looked up one by one.
    """

    def __init__(self, out: TextIO, options: ExportOptions | None = None) -> None:  # nothing to add to rows
        self._writer = csv.writer(out)

    def begin(self) -> None:
        self._writer.writerow(CSV_COLUMNS)

    def write_article(self, item: Annotated) -> int:
        snapshot, article = item.annotations, item.article
        claims, placed = snapshot.columns, snapshot.placed
        orphans = len(claims) - placed
        # Every id a claim names is in the sources table (checked on reading), and an article's claims
        # share a few lists of them: each list is joined once.
        lists = list(map(tuple, claims.source_ids))
        keys = list(set(lists))
        (names,) = _guarded(_joined(keys, {source.id: source.name for source in snapshot.sources}))
        types = _joined(keys, {source.id: source.type for source in snapshot.sources})
        (roles,) = _guarded(_joined(keys, {source.id: source.role for source in snapshot.sources}))
        name_of, type_of = dict(zip(keys, names, strict=True)), dict(zip(keys, types, strict=True))
        role_of = dict(zip(keys, roles, strict=True))
        starts = claims.starts[:placed]
        if starts:
            article.paragraph_at(starts[-1])  # the last is the largest: IndexError beyond the text, as for any row
        paragraphs = _paragraph_numbers(starts, [paragraph.start for paragraph in article.paragraphs])
        # guard_cell on every text cell; status and source types come from fixed lists, checked on reading
        ids, exacts, tags, notes, created, updated, evidence = _guarded(
            claims.ids,
            claims.exacts,
            list(map(JOIN.join, claims.tags)),
            claims.notes,
            claims.created,
            claims.updated,
            list(map(JOIN.join, claims.evidence)),
        )
        meta = article.metadata  # one article's cells, the same in each of its rows
        title, outlet, author, published, url = (
            repeat(guard_cell(value or "")) for value in (meta.title, meta.outlet, meta.author, meta.date, meta.url)
        )
        self._writer.writerows(
            zip(
                repeat(guard_cell(item.name)),
                ids,
                exacts,
                _then_blank(starts, orphans),
                _then_blank(claims.ends[:placed], orphans),
                _then_blank(paragraphs, orphans),
                claims.statuses,
                map(name_of.__getitem__, lists),
                map(type_of.__getitem__, lists),
                tags,
                notes,
                created,
                updated,
                map(role_of.__getitem__, lists),
                evidence,
                title,
                outlet,
                author,
                published,
                url,
            )
        )
        return len(claims)

    def end(self) -> None:
        pass
