"""What every export format is made of: one row per claim, the CSV cell guard, and the result of an export."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from ..annotations.model import Claim, Source
from ..article.metadata import Metadata
from ..corpus import Annotated

__all__ = ["FORMULA_STARTS", "JOIN", "ExportOptions", "ExportResult", "Row", "Writer", "claim_rows", "guard_cell"]

JOIN = " | "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: articles with at least one claim, claims, and how many warnings it gave."""

    articles: int
    claims: int
    warnings: int


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What an export says besides the claims: who annotated (config ``annotator``; W3C ``creator``)."""

    annotator: str | None = None


def guard_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: ``'`` before a leading ``= + - @``, tab or CR."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@dataclass(frozen=True, slots=True)
class Row:
    """One claim with everything JSONL and W3C need; ``placed`` False for an orphan (no offsets)."""

    article: str
    claim: Claim
    sources: tuple[Source, ...]
    paragraph: int | None  # 1-based
    placed: bool
    source_uri: str
    metadata: Metadata = field(default_factory=Metadata)  # the article's header or guessed metadata


class Writer(Protocol):
    """An export format's writer: ``begin``, then ``write_article`` per article (returns its claim count), ``end``."""

    def begin(self) -> None: ...
    def write_article(self, item: Annotated) -> int: ...
    def end(self) -> None: ...


def _article_uri(path: Path | None, name: str) -> str:
    if path is None:
        return quote(name)
    try:
        return path.resolve().as_uri()
    except ValueError:
        return quote(name)


def claim_rows(item: Annotated) -> Iterable[Row]:
    """The article's claims in reading order, then its orphans."""
    article, snapshot = item.article, item.annotations
    sources = {source.id: source for source in snapshot.sources}
    uri = _article_uri(article.path, item.name)
    meta = article.metadata
    for claim in snapshot.claims:
        named = tuple(sources[i] for i in claim.source_ids if i in sources)
        yield Row(item.name, claim, named, article.paragraph_number(claim.anchor.start), True, uri, meta)
    for claim in snapshot.orphans:
        named = tuple(sources[i] for i in claim.source_ids if i in sources)
        yield Row(item.name, claim, named, None, False, uri, meta)
