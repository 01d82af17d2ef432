"""``qari export`` and ``qari stats``: the claims of many articles, as files for other tools or as figures."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..config import Config
from ..text.sanitise import printable
from . import EXIT_WARNINGS, OneLineParser, fail, terminal_visual

__all__ = ["add_export_parsers", "cmd_export", "cmd_stats"]


_EXIT_STATUSES = (
    "exit status: 0 done; 1 done with warnings on stderr (an article skipped because its "
    "annotations file is damaged or from a newer qari, or claims that could not be placed "
    "in a changed article; for claimreview: no claim with a verdict, or a bad [claimreview] setting "
    "or no review_url in config.toml); 2 bad input, nothing written"
)


def add_export_parsers(sub: argparse._SubParsersAction[OneLineParser]) -> None:
    export = sub.add_parser(
        "export",
        help="export the claims of articles and folders (CSV, JSONL, W3C Web Annotations, ClaimReview)",
        description="Export the claims of article files and folders (searched recursively): one row or "
        "object per claim. Articles without annotations are left out.",
        epilog=_EXIT_STATUSES,
    )
    export.add_argument("paths", metavar="PATH", nargs="+", help="article file or folder")
    export.add_argument("-o", "--output", metavar="OUT", help="write to OUT (default: stdout; '-' is stdout too)")
    from ..export.registry import FORMATS

    export.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default="csv",
        help="; ".join(
            f"{fmt.name}{' (default)' if fmt.name == 'csv' else ''}: {fmt.description}" for fmt in FORMATS.values()
        ),
    )
    export.add_argument(
        "--no-bom",
        action="store_true",
        help="CSV to a file: no UTF-8 byte-order mark (by default there is one, so that "
        "spreadsheet programs show Arabic; stdout never gets one)",
    )
    export.add_argument("--force", action="store_true", help="replace OUT if it exists")
    stats = sub.add_parser(
        "stats",
        help="claims per article, source type, status and tag; anonymous share; top sources",
        description="Statistics over the claims of article files and folders (searched recursively).",
        epilog=_EXIT_STATUSES.replace(", or claims that could not be placed in a changed article", ""),
    )
    stats.add_argument("paths", metavar="PATH", nargs="+", help="article file or folder")
    stats.add_argument("--json", action="store_true", help="one JSON object with every figure, for scripts")


def _warner() -> tuple[list[int], Callable[[str], None]]:
    """A ``warn`` that prints one line to stderr, and the count of lines it printed."""
    count = [0]

    def warn(line: str) -> None:
        count[0] += 1
        print(line, file=sys.stderr, flush=True)

    return count, warn


def _export_target(output: str, articles: list[Path], force: bool) -> Path:
    """OUT checked before anything is read: exit 2 when it exists (without --force) or cannot be written."""

    out = Path(output)
    shown = printable(output)
    if out.is_dir():
        fail(f"{shown}: is a folder; give a file name to export to")
    if not out.parent.is_dir():
        fail(f"{shown}: no such folder: {printable(str(out.parent))}")
    if out.exists() or out.is_symlink():
        if not force:
            fail(f"{shown} exists already (use --force to replace it)")
    if output.endswith(".annotations.json") or _is_an_article(out, articles):
        fail(f"{shown}: will not replace an article or an annotations file with an export")
    return out


def _is_an_article(out: Path, articles: list[Path]) -> bool:
    """OUT is one of ``articles`` once links are followed.

    Only a file that is there can be an article, and only an article with
    its inode can be it: one ``stat`` each instead of resolving 1,000 paths.
    """
    try:
        target = os.stat(out)
    except OSError:
        return False
    resolved = out.resolve()
    for article in articles:
        try:
            same = os.path.samestat(os.stat(article), target)
        except OSError:
            continue
        if same and article.resolve() == resolved:
            return True
    return False


def _export_config(fmt: str, warn: Callable[[str], None]) -> Config:
    """The settings the format reads: ClaimReview's ``[claimreview]`` table, its problems warned of; the
    other formats read none, so a typo elsewhere in config.toml does not turn their exit status to 1."""
    from ..config import load_claimreview, load_config

    # The annotator names the W3C creator; a broken config is the reader's to report, not the export's.
    base = Config(annotator=load_config()[0].annotator)
    if fmt != "claimreview":
        return base
    settings, problems = load_claimreview()
    for problem in problems:
        warn(f"qari: {printable(problem)}")
    return replace(base, claimreview=settings)


def cmd_export(args: argparse.Namespace) -> int:
    from ..corpus import CorpusError, annotated_articles, find_corpus
    from ..export import export_claims, export_to_file

    try:
        articles = find_corpus(args.paths)
    except CorpusError as err:
        fail(str(err))
    count, warn = _warner()
    out = None if args.output in (None, "-") else _export_target(args.output, articles, args.force)
    config = _export_config(args.format, warn)
    if out is None:
        export_claims(annotated_articles(articles), sys.stdout, args.format, warn=warn, config=config)
        sys.stdout.flush()
    else:
        try:
            export_to_file(articles, out, args.format, bom=not args.no_bom, warn=warn, config=config)
        except OSError as err:
            fail(f"could not write {printable(args.output)}: {(err.strerror or str(err)).lower()}; nothing written")
    return EXIT_WARNINGS if count[0] else 0


def cmd_stats(args: argparse.Namespace) -> int:
    from ..corpus import CorpusError, annotated_articles, find_corpus
    from ..report import stats_tables
    from ..stats import corpus_stats

    try:
        articles = find_corpus(args.paths)
    except CorpusError as err:
        fail(str(err))
    stats = corpus_stats(annotated_articles(articles), articles_seen=len(articles))
    for line in stats.skipped:
        print(f"qari: {printable(line)}; skipped", file=sys.stderr)
    if args.json:
        sys.stdout.write(stats.to_json() + "\n")
    else:
        from rich.console import Console

        console = Console(highlight=False)
        for table in stats_tables(stats, visual=terminal_visual()):
            console.print(table)
    sys.stdout.flush()
    return EXIT_WARNINGS if stats.skipped else 0
