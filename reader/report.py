"""The statistics of ``reader.stats`` as Rich tables: ``qari stats`` prints them, the library's screen shows them.

Kept apart from ``reader.stats`` so that counting stays free of any drawing
library (the core never imports Rich or Textual).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text

from .stats import CorpusStats

__all__ = ["stats_tables"]


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def stats_tables(
    stats: CorpusStats, *, top: int = 10, max_articles: int = 30, visual: Callable[[str], str] = str
) -> list[Table]:
    """The figures as rich tables for the terminal: summary, per article, source type, top sources,
    status, tag. Lists longer than ``max_articles`` / ``top`` are cut (``--json`` has all).

    ``visual`` turns a name, tag or path into what the terminal should get:
    the text engine's shaped visual order for a terminal without bidi (as
    ``qari render`` draws), or the text as it is."""
    summary = Table(title="claims", show_header=False)
    summary.add_column("what")
    summary.add_column("count", justify="right")
    summary.add_row("annotated articles", f"{len(stats.articles):,}")
    if stats.articles_without_annotations:
        summary.add_row("articles without annotations", f"{stats.articles_without_annotations:,}")
    if stats.skipped:
        summary.add_row("articles skipped (unreadable annotations)", f"{len(stats.skipped):,}")
    summary.add_row("claims", f"{stats.claims:,}")
    summary.add_row(
        "from anonymous sources", f"{stats.anonymous_claims:,} ({_share(stats.anonymous_claims, stats.claims)})"
    )
    summary.add_row("without a source", f"{stats.unsourced_claims:,}")
    tables = [summary]

    per_article = Table(title="claims per article")
    per_article.add_column("article", overflow="fold")  # a long path wraps rather than losing its name
    for column in ("claims", "anonymous", "orphans"):
        per_article.add_column(column, justify="right")
    ranked = sorted(stats.articles, key=lambda a: (-a.claims, a.article))
    for row in ranked[:max_articles]:
        per_article.add_row(
            Text(visual(row.article)),
            f"{row.claims:,}",
            f"{row.anonymous:,}",
            f"{row.orphans:,}" if row.orphans else "",
        )
    if len(ranked) > max_articles:
        per_article.caption = f"the {max_articles} with most claims of {len(ranked):,} (--json for all)"
    tables.append(per_article)

    for title, counts in (
        ("claims per source type", stats.by_source_type),
        ("claims per status", stats.by_status),
        ("claims per tag", stats.by_tag),
    ):
        table = Table(title=title)
        table.add_column(title.removeprefix("claims per "))
        table.add_column("claims", justify="right")
        table.add_column("share", justify="right")
        for key, count in counts.items():
            table.add_row(Text(visual(key)), f"{count:,}", _share(count, stats.claims))
        tables.append(table)

    sources = Table(title=f"top sources (of {len(stats.sources):,}; one name, once across articles)")
    for column, justify in (("source", "left"), ("type", "left"), ("claims", "right"), ("articles", "right")):
        sources.add_column(column, justify=justify)  # type: ignore[arg-type]
    for source in stats.top_sources(top):
        sources.add_row(Text(visual(source.name)), source.type, f"{source.claims:,}", f"{source.articles:,}")
    tables.insert(3, sources)
    return tables
