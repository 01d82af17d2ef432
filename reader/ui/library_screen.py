"""The library: a folder's articles with their title, date, outlet, size and claim count."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..annotations.store import count_claims
from ..article import ArticleError, load_article
from ..text.search import fold
from .label import plain, visual
from .reader_screen import ReaderScreen
from .rtl_input import RtlInput


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"

class LibraryScreen(Screen[None]):
    """A folder's articles: title, date, outlet, size; type to filter, Enter to open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit"),
        Binding("slash", "focus_filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    DEFAULT_CSS = """
    LibraryScreen {
        #library-title { height: 1; padding: 0 1; background: $panel; }
        #library-filter { height: 3; }
        DataTable { height: 1fr; }
    }
    """

    def __init__(self, folder: Path, paths: list[Path]) -> None:
        super().__init__()
        self.folder = folder
        self.paths = paths
        self._rows: list[tuple[Path, str, str, str, str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(plain(f"{self.folder} · {len(self.paths)} articles"), id="library-title")
        yield RtlInput(placeholder="تصفية — filter by title, outlet or file name", id="library-filter")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="library-table")
        yield Footer()

    def on_mount(self) -> None:
        for path in self.paths:
            count = count_claims(path)
            claims = "" if count is None else str(count)
            try:
                meta = load_article(path).beginning().metadata
                self._rows.append((path, meta.title or path.name, meta.date or "", meta.outlet or "", _size(path),
                                   claims))
            except ArticleError:
                self._rows.append((path, path.name, "", "", "unreadable", claims))
        table = self.query_one(DataTable)
        table.add_columns("title", "date", "outlet", "size", "claims", "file")
        self._fill("")
        table.focus()

    def _fill(self, needle: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        needle = fold(needle).strip()
        for path, title, date, outlet, size, claims in self._rows:
            if needle and not any(needle in fold(field) for field in (title, outlet, path.name)):
                continue
            table.add_row(visual(title, 56), visual(date, 24), visual(outlet, 24), size, claims, plain(path.name),
                          key=str(path))

    def on_rtl_input_changed(self, event: RtlInput.Changed) -> None:
        self._fill(event.value)

    def on_rtl_input_submitted(self, event: RtlInput.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        """Back from an article: its claim count may have changed."""
        if not self._rows:
            return
        self._rows = [(path, title, date, outlet, size, "" if (n := count_claims(path)) is None else str(n))
                      for path, title, date, outlet, size, _ in self._rows]
        self._fill(self.query_one(RtlInput).value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        path = Path(str(event.row_key.value))
        try:
            article = load_article(path)
        except ArticleError as err:
            self.notify(str(err), severity="error")
            return
        self.app.push_screen(ReaderScreen(article, bidi=self.app.bidi))  # type: ignore[attr-defined]

    def action_focus_filter(self) -> None:
        self.query_one(RtlInput).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one(RtlInput)
        if filter_input.value:
            filter_input.value = ""
        self.query_one(DataTable).focus()


#: The reader's actions as command palette entries: (title, help, action of the article view).
