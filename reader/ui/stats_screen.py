"""The library's statistics: what ``qari stats`` prints for the folder, with bar charts.

Counting reads every annotations file of the folder, so it runs in a
thread; the screen says so meanwhile and can be left at any time.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..corpus import annotated_articles
from ..report import stats_tables
from ..stats import CorpusStats, corpus_stats
from ..text.layout import BidiMode
from .footer import QariFooter
from .label import bidi_of, ltr_line, plural, visual

BAR = 40  # cells for the longest bar


def bar_chart(title: str, counts: dict[str, int], total: int, *, bidi: BidiMode, style: str = "bold") -> Table:
    """Horizontal bars, one a row, scaled to the largest count; the share of ``total`` beside each."""
    chart = Table(title=title, show_header=False, box=None, padding=(0, 1))
    chart.add_column("what", justify="right")
    chart.add_column("bar")
    chart.add_column("claims", justify="right")
    chart.add_column("share", justify="right", style="dim")
    largest = max(counts.values(), default=0)
    for key, count in counts.items():
        cells = round(BAR * count / largest) if largest else 0
        bar = Text("█" * cells or ("▏" if count else ""), style=style)
        share = f"{count / total:.0%}" if total else "–"
        chart.add_row(visual(key, bidi=bidi), bar, f"{count:,}", share)
    return chart


def stats_view(stats: CorpusStats, *, bidi: BidiMode) -> RenderableType:
    """Everything the screen shows: bar charts of source types and statuses, then the tables."""
    anonymous = Text.assemble(
        ("anonymous sources: ", "bold"),
        f"{stats.anonymous_claims:,} of {stats.claims:,} claims ({stats.anonymous_share:.0%})",
    )
    charts = [
        bar_chart("claims per source type", stats.by_source_type, stats.claims, bidi=bidi),
        bar_chart("claims per status", stats.by_status, stats.claims, bidi=bidi),
    ]
    charted = {"claims per source type", "claims per status"}  # drawn as bars above
    tables = [
        table
        for table in stats_tables(stats, visual=lambda text: visual(text, bidi=bidi).plain)
        if str(table.title) not in charted
    ]
    return Group(anonymous, Text(""), *charts, *tables)


class StatsScreen(Screen[None]):
    """Claims per article, source type, status and tag; the anonymous share; top sources."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="stats.back", tooltip="Back to the library")
    ]

    DEFAULT_CSS = """
    StatsScreen {
        #stats-title { height: 1; padding: 0 1; background: $panel; }
        #stats-body { padding: 0 1; }
    }
    """

    def __init__(self, folder: Path, paths: list[Path]) -> None:
        super().__init__()
        self.folder = folder
        self.paths = paths
        self.stats: CorpusStats | None = None

    def compose(self) -> ComposeResult:
        title = f"statistics · {self.folder} · {plural(len(self.paths), 'article')}"
        yield Static(ltr_line(title, bidi=bidi_of(self)), id="stats-title")
        with VerticalScroll(id="stats-scroll"):
            yield Static(
                f"counting the claims of {len(self.paths):,} article{'' if len(self.paths) == 1 else 's'}…",
                id="stats-body",
            )
        yield QariFooter()

    def on_mount(self) -> None:
        self.query_one("#stats-scroll").focus()
        self._count()

    def _short(self, name: str) -> str:
        """An article as the library knows it: its path below the folder."""
        try:
            return Path(name).relative_to(self.folder).as_posix()
        except ValueError:
            return name

    @work(thread=True, exclusive=True, group="stats")
    def _count(self) -> None:
        items = (replace(item, name=self._short(item.name)) for item in annotated_articles(self.paths))
        stats = corpus_stats(items, articles_seen=len(self.paths))
        self.app.call_from_thread(self._show, stats)

    def _show(self, stats: CorpusStats) -> None:
        self.stats = stats
        body = self.query_one("#stats-body", Static)
        if not stats.claims:
            body.update("no claims in this folder yet: open an article and press c (or a for suggestions)")
            return
        body.update(stats_view(stats, bidi=bidi_of(self)))
        if stats.skipped:
            self.notify(
                f"{len(stats.skipped)} annotations files could not be read and are left out",
                severity="warning",
                markup=False,
            )
