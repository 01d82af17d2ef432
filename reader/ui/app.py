"""The qari Textual app: a library of articles and the reader."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.app import SystemCommand
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import DataTable, Footer, Static

from ..article import Article, ArticleError, load_article
from ..config import Config, save_config
from ..terminal import bidi_mode, exit_on_signals
from .article_view import ArticleView
from .help import HelpScreen
from .label import VisualLabel, plain, visual
from .rtl_input import RtlInput
from .themes import apply_theme, register_themes, theme_commands, variable_defaults


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


class ReaderScreen(Screen[None]):
    """One article: a header with the guessed metadata, the text, a status line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("q", "app.quit", "Quit"),
    ]

    DEFAULT_CSS = """
    ReaderScreen {
        layout: vertical;
        #search { dock: bottom; display: none; }
        #search.-shown { display: block; }
        #article-header { padding: 0 1; background: $panel; color: $foreground; }
        #article-status { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
        ArticleView { height: 1fr; }
    }
    """

    def __init__(self, article: Article, *, bidi: str = "app") -> None:
        super().__init__()
        self.article = article
        self.bidi = bidi

    def compose(self) -> ComposeResult:
        meta = self.article.beginning().metadata  # a 5 MB article opens as fast as a short one
        details = " · ".join(part for part in (meta.outlet, meta.date) if part)
        header = (meta.title or self.article.name) + ("\n" + details if details else "")
        yield VisualLabel(header, max_lines=3, id="article-header")
        config: Config = getattr(self.app, "config", Config())
        yield ArticleView(self.article, bidi=self.bidi, harakat=config.harakat, wrap_width=config.wrap_width,
                          id="article")
        yield Static("", id="article-status")
        yield RtlInput(placeholder="بحث — search (harakat, tatweel and hamza forms ignored)", id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self._show_status(0, 0.0)

    def on_article_view_moved(self, event: ArticleView.Moved) -> None:
        self._show_status(event.paragraph, event.fraction)

    def _show_status(self, paragraph: int, fraction: float) -> None:
        total = len(self.article.paragraphs)
        view = self.query_one(ArticleView)
        laid_out = "" if view.complete else " · laying out…"
        settings = f" · {view.settings}" if view.settings else ""
        status = f"{self.article.name} · ¶ {paragraph + 1}/{total} · {fraction:.0%} · bidi {self.bidi}{settings}{laid_out}"
        if not self.article.text.strip():
            status = f"{self.article.name} · this article is empty"
        # One row whatever it says: no layout pass (it would cost a whole frame on every key).
        self.query_one("#article-status", Static).update(plain(status), layout=False)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def action_search(self) -> None:
        search = self.query_one("#search", RtlInput)
        search.add_class("-shown")
        search.focus()

    def on_rtl_input_submitted(self, event: RtlInput.Submitted) -> None:
        if event.control.id != "search":
            return
        view = self.query_one(ArticleView)
        event.control.remove_class("-shown")
        view.focus()
        if view.set_search(event.value):
            view.action_next_match(1)
        elif event.value.strip():
            self.notify(f"no match for {event.value!r}", severity="warning")

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#search", RtlInput)
        if event.key == "escape" and search.has_focus:
            search.remove_class("-shown")
            self.query_one(ArticleView).focus()
            event.stop()


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
        self._rows: list[tuple[Path, str, str, str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(plain(f"{self.folder} · {len(self.paths)} articles"), id="library-title")
        yield RtlInput(placeholder="تصفية — filter by title, outlet or file name", id="library-filter")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="library-table")
        yield Footer()

    def on_mount(self) -> None:
        for path in self.paths:
            try:
                meta = load_article(path).metadata
                self._rows.append((path, meta.title or path.name, meta.date or "", meta.outlet or "", _size(path)))
            except ArticleError:
                self._rows.append((path, path.name, "", "", "unreadable"))
        table = self.query_one(DataTable)
        table.add_columns("title", "date", "outlet", "size", "file")
        self._fill("")
        table.focus()

    def _fill(self, needle: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        needle = needle.strip().casefold()
        for path, title, date, outlet, size in self._rows:
            if needle and not any(needle in field.casefold() for field in (title, outlet, path.name)):
                continue
            table.add_row(visual(title, 56), visual(date, 24), visual(outlet, 24), size, plain(path.name), key=str(path))

    def on_rtl_input_changed(self, event: RtlInput.Changed) -> None:
        self._fill(event.value)

    def on_rtl_input_submitted(self, event: RtlInput.Submitted) -> None:
        self.query_one(DataTable).focus()

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
READER_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Toggle harakat", "Hide or show Arabic vowel marks", "toggle_harakat"),
    ("Toggle repeated lines", "Hide or show repeated lines and the related-news block", "toggle_repeated"),
    ("Paragraph direction", "From the text, right to left, left to right", "cycle_direction"),
    ("Select sentence", "Select the sentence at the cursor", "select_sentence"),
    ("Selection mode", "Start or stop selecting at the cursor", "toggle_selecting"),
    ("Next match", "Select the next search match", "next_match(1)"),
    ("Previous match", "Select the previous search match", "next_match(-1)"),
    ("Top of the article", "Move the cursor to the start", "cursor_edge(-1)"),
    ("End of the article", "Move the cursor to the end", "cursor_edge(1)"),
)


class QariApp(App[None]):
    """qari: read right-to-left news articles in the terminal."""

    TITLE = "qari"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help", tooltip="List the keys that work here"),
    ]

    def __init__(self, *, article: Article | None = None, folder: Path | None = None,
                 paths: list[Path] | None = None, bidi: str | None = None, config: Config | None = None,
                 warnings: list[str] | None = None) -> None:
        super().__init__()
        self.config = config or Config()
        if bidi is not None:
            self.config = replace(self.config, bidi=bidi)
        self._article = article
        self._folder = folder
        self._paths = paths or []
        self._warnings = list(warnings or []) + register_themes(self)
        problem = apply_theme(self, self.config.theme)
        if problem:
            self._warnings.append(problem)

    @property
    def bidi(self) -> str:
        return self.config.bidi

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme.dark)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from theme_commands(self)
        yield SystemCommand("Help: keys", "List the keys that work here", self.action_help)
        if isinstance(screen, ReaderScreen):
            view = screen.query_one(ArticleView)
            for title, help_text, action in READER_COMMANDS:
                yield SystemCommand(title, help_text, partial(view.run_action, action))
            yield SystemCommand("Search", "Search the article (Arabic-normalised)", screen.action_search)
            if len(self.screen_stack) > 2:
                yield SystemCommand("Back to the library", "Close this article", screen.action_back)
        elif isinstance(screen, LibraryScreen):
            yield SystemCommand("Filter articles", "Type to filter the library", screen.action_focus_filter)

    def on_mount(self) -> None:
        for warning in self._warnings:
            self.notify(warning, severity="warning", markup=False, timeout=10)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._article is not None:
            self.push_screen(ReaderScreen(self._article, bidi=self.bidi))
        else:
            self.push_screen(LibraryScreen(self._folder or Path("."), self._paths))

    def _remember_theme(self, theme: Theme) -> None:
        """A theme chosen from the palette is kept for next time."""
        if theme.name != self.config.theme:
            self.config = replace(self.config, theme=theme.name)
            try:
                save_config(self.config)
            except OSError as err:
                self.notify(f"theme not saved: {err}", severity="warning", markup=False)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def _run(app: QariApp) -> int:
    """Run the app with the terminal's bidi mode switched and always switched back."""
    with bidi_mode(app.bidi), exit_on_signals(lambda: app.call_later(app.exit)):
        app.run()
    return 0


def run_reader(article: Article, *, config: Config | None = None, warnings: list[str] | None = None) -> int:
    return _run(QariApp(article=article, config=config, warnings=warnings))


def run_library(folder: Path, paths: list[Path], *, config: Config | None = None,
                warnings: list[str] | None = None) -> int:
    return _run(QariApp(folder=folder, paths=paths, config=config, warnings=warnings))
