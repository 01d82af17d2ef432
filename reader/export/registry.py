"""The export formats, named once: the command line, the command palette and the reader's ``x`` read this.

Each format has its name (``--format``), the suffix of the file written
beside an article, a label for menus, a one-line description for help, and
its writer. A writer is made with the stream it writes to, the user's
settings (ClaimReview reads its ``[claimreview]`` table) and ``warn``, for a
line about what it left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from ..config import Config
from .claimreview import ClaimReviewWriter
from .csv_writer import CSVWriter
from .jsonl import JSONLWriter
from .rows import ExportOptions, Writer
from .w3c import W3CWriter

__all__ = ["FORMATS", "ExportFormat", "MakeWriter", "export_format"]

#: A writer from the stream it writes to, the user's settings, and where a warning line goes.
MakeWriter = Callable[[TextIO, Config, Callable[[str], None]], Writer]


def _plain(writer: Callable[[TextIO, ExportOptions], Writer]) -> MakeWriter:
    """A format that takes only what every export says besides the claims (the annotator) and never warns."""
    return lambda out, config, _warn: writer(out, ExportOptions(annotator=config.annotator))


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format."""

    name: str
    suffix: str  # of the file written beside an article: iran.txt → iran.txt.claims.csv
    label: str
    description: str
    writer: MakeWriter


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("csv", ".claims.csv", "CSV", "one row per claim, for spreadsheets", _plain(CSVWriter)),
        ExportFormat(
            "jsonl",
            ".claims.jsonl",
            "JSONL",
            "one JSON object per claim, with its sources and anchor",
            _plain(JSONLWriter),
        ),
        ExportFormat(
            "w3c",
            ".claims.w3c.json",
            "W3C Web Annotation",
            "a JSON array of W3C Web Annotations (JSON-LD)",
            _plain(W3CWriter),
        ),
        ExportFormat(
            "claimreview",
            ".claimreview.json",
            "ClaimReview",
            "a JSON array of schema.org ClaimReviews (JSON-LD) for the claims with a verdict",
            ClaimReviewWriter,
        ),
    )
}


def export_format(name: str) -> ExportFormat:
    """The format called ``name``; ``ValueError`` naming the known ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r} (one of {', '.join(FORMATS)})") from None
