"""Claims of many articles as CSV, JSONL, W3C Web Annotations or ClaimReviews, written as they are read.

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
- **ClaimReview**: schema.org fact checks for the claims with a verdict
  (see ``claimreview``), rated on the ``[claimreview]`` scale of config.toml.

Orphans (claims that could not be placed in the changed article) are never
left out: they are written with their quote, prefix and suffix as saved and
with no offsets (empty start, end and paragraph in CSV; ``null`` in JSONL;
only a TextQuoteSelector in W3C), since their old offsets point into a text
that no longer exists. The caller is told through ``warn``.

The formats are named once, in ``registry.FORMATS``; each has a module
(``csv_writer``, ``jsonl``, ``w3c``, ``claimreview``) with its writer. No Textual import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from ..config import Config
from ..corpus import Annotated, Skipped, annotated_articles
from ..files import atomic_text_output
from ..text.sanitise import printable
from .claimreview import CLAIMREVIEW_CONTEXT, ClaimReviewWriter, claim_review
from .csv_writer import CSV_COLUMNS, CSVWriter
from .jsonl import JSONLWriter, claim_json
from .registry import FORMATS, ExportFormat, export_format
from .rows import ExportOptions, ExportResult, guard_cell
from .w3c import W3C_CONTEXT, W3CWriter, w3c_annotation

__all__ = [
    "CLAIMREVIEW_CONTEXT",
    "CSV_COLUMNS",
    "FORMATS",
    "W3C_CONTEXT",
    "CSVWriter",
    "ClaimReviewWriter",
    "ExportFormat",
    "ExportOptions",
    "ExportResult",
    "JSONLWriter",
    "W3CWriter",
    "claim_json",
    "claim_review",
    "export_claims",
    "export_format",
    "export_to_file",
    "guard_cell",
    "w3c_annotation",
]


def export_claims(
    items: Iterable[Annotated | Skipped],
    out: TextIO,
    fmt: str = "csv",
    *,
    warn: Callable[[str], None],
    config: Config | None = None,
) -> ExportResult:
    """Write the claims of ``items`` (``corpus.annotated_articles``) to ``out`` in ``fmt``.

    ``warn`` gets one line (``qari: …``) for each skipped article and for each
    article with orphans; those are exported without offsets; and the
    writer's own (ClaimReview: no claim had a verdict). ``config``: the
    user's settings (the ``[claimreview]`` table); None: the defaults.
    """
    warnings = 0

    def writer_warns(line: str) -> None:
        nonlocal warnings
        warnings += 1
        warn(line)

    writer = export_format(fmt).writer(out, Config() if config is None else config, writer_warns)
    writer.begin()
    articles = claims = 0
    for item in items:
        if isinstance(item, Skipped):
            warn(f"qari: {printable(item.name)}: {item.reason}; skipped")
            warnings += 1
            continue
        count = writer.write_article(item)
        orphans = len(item.annotations.orphans)
        if orphans:
            warn(
                f"qari: {printable(item.name)}: {orphans} claim{'s' if orphans > 1 else ''} could not be placed in the "
                "changed article: exported without offsets"
            )
            warnings += 1
        articles += count > 0
        claims += count
    writer.end()
    return ExportResult(articles, claims, warnings)


def export_to_file(
    articles: Iterable[Path],
    out: Path,
    fmt: str = "csv",
    *,
    bom: bool = True,
    warn: Callable[[str], None],
    data_dir: Path | None = None,
    config: Config | None = None,
) -> ExportResult:
    """Export the claims of ``articles`` (paths) to the file ``out``, whole or not at all.

    For ``qari export -o`` and the reader's export of one article: the file
    appears only once everything is written (``files.atomic_text_output``);
    an OSError leaves ``out`` as it was. ``bom``: a UTF-8 byte-order mark,
    for CSV only (JSON must not have one).
    """
    with atomic_text_output(Path(out)) as stream:
        if bom and fmt == "csv":
            stream.write("\ufeff")  # by hand: the utf-8-sig codec encodes in Python, ~15% of a big export
        return export_claims(annotated_articles(articles, data_dir=data_dir), stream, fmt, warn=warn, config=config)
