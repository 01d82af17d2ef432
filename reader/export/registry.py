"""The export formats, named once: the command line, the command palette and the reader's ``x`` read this.

Each format has its name (``--format``), the suffix of the file written
beside an article, a label for menus, a one-line description for help, and
its writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from .csv_writer import CSVWriter
from .jsonl import JSONLWriter
from .rows import ExportOptions, Writer
from .w3c import W3CWriter

__all__ = ["FORMATS", "ExportFormat", "export_format"]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format."""

    name: str
    suffix: str  # of the file written beside an article: iran.txt → iran.txt.claims.csv
    label: str
    description: str
    writer: Callable[[TextIO, ExportOptions], Writer]


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("csv", ".claims.csv", "CSV", "one row per claim, for spreadsheets", CSVWriter),
        ExportFormat(
            "jsonl", ".claims.jsonl", "JSONL", "one JSON object per claim, with its sources and anchor", JSONLWriter
        ),
        ExportFormat(
            "w3c", ".claims.w3c.json", "W3C Web Annotation", "a JSON array of W3C Web Annotations (JSON-LD)", W3CWriter
        ),
    )
}


def export_format(name: str) -> ExportFormat:
    """The format called ``name``; ``ValueError`` naming the known ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r} (one of {', '.join(FORMATS)})") from None
