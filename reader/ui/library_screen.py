"""The library: a folder's articles with their title, date, outlet, size and claim count.

A folder of 10,000 scraped articles opens at once: the rows start as file
names, and a thread reads each article's header (visible rows first) and
fills them in. Rows are drawn only when seen (``EntryList``), so typing in
the filter stays quick however long the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from ..annotations.reading import count_claims
from ..article import ArticleError, find_articles, load_article
from ..config import Config
from ..files import free_name
from ..library import ArticleInfo, InfoReader, human_size
from ..text.layout import BidiMode
from ..text.search import fold
from .confirm_dialog import Choice, ReplaceDialog
from .entry_list import EntryList
from .footer import QariFooter
from .label import bidi_of, ltr_line, plural, visual_cell
from .reader_screen import ReaderScreen
from .rtl_input import RtlInput

# Fixed columns (cells); the title takes what is left.
DATE, OUTLET, SIZE, CLAIMS, FILE = 19, 16, 8, 6, 22
GAP = "  "  # two cells: a right-aligned Arabic title must not run into the date


def _columns(width: int) -> tuple[int, int, int, int, int, int]:
    """Widths of title, date, outlet, size, claims and file for a row ``width`` cells wide.

    Narrow screens drop the outlet, then the size, then the date: the title and
    the file name (what a scraped folder is known by) stay.
    """
    file = min(FILE, max(12, width // 5))
    date, outlet, size = DATE, OUTLET, SIZE

    def title() -> int:
        gaps = sum(1 for column in (date, outlet, size) if column) + 2
        return width - date - outlet - size - CLAIMS - file - gaps * len(GAP)

    for drop in ("outlet", "size", "date"):
        if title() >= 24:
            break
        if drop == "outlet":
            outlet = 0
        elif drop == "size":
            size = 0
        else:
            date = 0
    return max(title(), 8), date, outlet, size, CLAIMS, file


def _fit_left(text: Text | str, width: int) -> Text:
    cell = text if isinstance(text, Text) else Text(text)
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


def library_row(info: ArticleInfo | None, path: Path, width: int, *, bidi: BidiMode) -> Text:
    """One row of the library: right-to-left titles right-aligned in their column, numbers on the right."""
    title_w, date_w, outlet_w, size_w, claims_w, file_w = _columns(width)
    if info is None:
        cells = [
            Text("…" + " " * (title_w - 1), style="dim"),
            Text(" " * date_w),
            Text(" " * outlet_w),
            Text(" " * size_w),
            Text(" " * claims_w),
        ]
    else:
        title = (
            visual_cell(info.problem, title_w, "dim italic", bidi=bidi)
            if info.problem
            else visual_cell(info.title, title_w, bidi=bidi)
        )
        claims = "" if info.claims is None else str(info.claims)
        cells = [
            title,
            visual_cell(info.date, date_w, bidi=bidi) if date_w else Text(),
            visual_cell(info.outlet, outlet_w, bidi=bidi) if outlet_w else Text(),
            Text(human_size(info.size).rjust(size_w)) if size_w else Text(),
            Text(claims.rjust(claims_w), style="bold"),
        ]
    if file_w:
        cells.append(_fit_left(ltr_line(path.name, bidi=bidi), file_w))
    return Text(GAP).join(cell for cell in cells if cell.cell_len)


def library_header(width: int) -> Text:
    title_w, date_w, outlet_w, size_w, claims_w, file_w = _columns(width)
    cells = [Text("title".rjust(title_w))]
    for name, column in (("date", date_w), ("outlet", outlet_w), ("size", size_w), ("claims", claims_w)):
        if column:
            cells.append(Text(name.rjust(column)))
    if file_w:
        cells.append(Text("file".ljust(file_w)))
    return Text(GAP).join(cells)


FOLDER_EXPORT = "qari-claims.csv"  # x in the library: every claim of the folder, beside its articles
SORTS = ("file", "title", "date", "claims", "size")  # o cycles through them; date, claims, size: the most first


def _order(screen: LibraryScreen, field: str) -> Callable[[int], tuple[int, object]]:
    """A sort key over row indices; rows not read yet go after every read one (until they are read)."""

    def key(index: int) -> tuple[int, object]:
        info = screen.infos[index]
        if info is None:
            return (1, 0)
        if field == "title":
            return (0, fold(info.title))
        if field == "date":  # newest first; a date that is not ISO 8601 (a guessed dateline) after them
            return (0, -info.published_at) if info.published_at is not None else (1, 0)
        return (0, -(getattr(info, field) or 0))

    return key


class LibraryHeader(Static):
    """The column titles, laid out with the rows' widths."""

    def render(self) -> Text:
        return library_header(self.content_region.width)


class LibraryScreen(Screen[None]):
    """A folder's articles: title, date, outlet, size, claims; type to filter, Enter to open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="library.quit"),
        Binding("slash", "focus_filter", "Filter", id="library.filter"),
        Binding("f", "search_articles", "Find", id="library.find", tooltip="Search the words of every article here"),
        Binding(
            "s",
            "statistics",
            "Statistics",
            id="library.statistics",
            tooltip="Claims per article, source type, status and tag",
        ),
        Binding(
            "x",
            "export",
            "Export",
            id="library.export",
            tooltip="Every claim of the folder's articles to qari-claims.csv in the folder",
        ),
        Binding(
            "o",
            "sort",
            "Sort",
            id="library.sort",
            tooltip="Order by file name, title, date (newest first), claims (most first) or size (largest first)",
        ),
        Binding("escape", "clear_filter", "Clear filter", id="library.clear-filter", show=False),
    ]

    DEFAULT_CSS = """
    LibraryScreen {
        #library-title { height: 1; padding: 0 1; background: $panel; }
        #library-filter { height: 3; }
        LibraryHeader { height: 1; padding: 0 1; color: $text-muted; text-style: bold; background: $panel; }
        #library-list { height: 1fr; padding: 0 1; background: $surface; }
    }
    """

    def __init__(self, folder: Path, paths: list[Path], *, selected: Path | None = None) -> None:
        """``selected``: the article highlighted at first (the one qari was opened on)."""
        super().__init__()
        self.folder = folder
        self.paths = paths
        self._selected = selected
        self._last_search = ""  # f fills it in again
        #: What is known of each article, index for index with ``paths`` (None: not read yet).
        self.infos: list[ArticleInfo | None] = [None] * len(paths)
        self._reader = InfoReader(paths)
        self._asked: set[int] = set()  # rows seen on screen before their article was read
        self._needle = ""
        self._opened: int | None = None
        self._name_keys = [fold(path.name) for path in paths]  # the filter for rows not read yet
        self.sort = "file"  # one of SORTS

    def compose(self) -> ComposeResult:
        yield Static(
            ltr_line(f"{self.folder} · {plural(len(self.paths), 'article')}", bidi=bidi_of(self)), id="library-title"
        )
        yield RtlInput(placeholder="تصفية — filter by title, outlet or file name", id="library-filter")
        yield LibraryHeader()
        yield EntryList(self._row, rows_per_entry=1, id="library-list")
        yield QariFooter()

    def on_mount(self) -> None:
        entry_list = self.query_one(EntryList)
        selected = self.paths.index(self._selected) if self._selected in self.paths else 0
        entry_list.set_entries(range(len(self.paths)), highlight=selected)
        entry_list.focus()
        self._read_infos()

    @property
    def shown_paths(self) -> list[Path]:
        """The articles listed now (the filter applied), in order."""
        return [self.paths[index] for index in self.query_one(EntryList).entries]

    @property
    def all_read(self) -> bool:
        """Every article's title, date, outlet and claim count is known."""
        return all(info is not None for info in self.infos)

    # --- rows ---------------------------------------------------------------------

    def _row(self, index: int, width: int) -> list[Text]:
        info = self.infos[index]
        if info is None and index not in self._asked:
            self._asked.add(index)
            self._reader.wanted.append(index)  # read next: the user is looking at it
        return [library_row(info, self.paths[index], width, bidi=bidi_of(self))]

    @work(thread=True, exclusive=True, group="library")
    def _read_infos(self) -> None:
        """Read every article's header (rows on screen first) and hand the rows over as they come."""
        worker = get_current_worker()

        def deliver(chunk: list[tuple[int, ArticleInfo]]) -> None:
            for index, info in chunk:
                self.infos[index] = info  # whole references: safe to publish from this thread
            self.app.call_from_thread(self._arrived, [index for index, _ in chunk])

        self._reader.run(lambda index: self.infos[index] is not None, deliver, lambda: worker.is_cancelled)

    def _arrived(self, indices: list[int]) -> None:
        needle = self._needle
        if self.sort != "file" or (
            needle
            and any(
                self.infos[i].matches(needle) and needle not in self._name_keys[i]  # type: ignore[union-attr]
                for i in indices
            )
        ):
            self._apply_filter()  # a row that just arrived matches the filter, or has its place in the order
        else:
            self.query_one(EntryList).redraw()  # only the rows on screen are drawn again

    # --- filter -------------------------------------------------------------------

    def _apply_filter(self) -> None:
        entry_list = self.query_one(EntryList)
        current = entry_list.highlighted
        keep = entry_list.entries[current] if current is not None and entry_list.entries else None
        needle = self._needle
        shown: range | list[int] = (
            range(len(self.paths))
            if not needle
            else [
                i
                for i, info in enumerate(self.infos)
                if (info.matches(needle) if info is not None else needle in self._name_keys[i])
            ]
        )
        if self.sort != "file":
            shown = sorted(shown, key=_order(self, self.sort))
        highlight = shown.index(keep) if keep is not None and keep in shown else 0
        entry_list.set_entries(shown, highlight=highlight)

    def action_sort(self) -> None:
        """o: the next order of SORTS; rows not read yet go last until they are."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._apply_filter()
        self._show_title()

    def _show_title(self) -> None:
        order = "" if self.sort == "file" else f" · sorted by {self.sort}"
        title = ltr_line(f"{self.folder} · {plural(len(self.paths), 'article')}{order}", bidi=bidi_of(self))
        self.query_one("#library-title", Static).update(title)

    def on_rtl_input_changed(self, event: RtlInput.Changed) -> None:
        self._needle = fold(event.value).strip()
        self._apply_filter()

    def on_rtl_input_submitted(self, event: RtlInput.Submitted) -> None:
        self.query_one(EntryList).focus()

    def action_statistics(self) -> None:
        """s: the folder's figures (what ``qari stats`` prints), with bar charts."""
        from .stats_screen import StatsScreen

        self.app.push_screen(StatsScreen(self.folder, self.paths))

    def action_export(self) -> None:
        """x: the claims of every article here to ``qari-claims.csv`` in the folder (in a thread: 10,000 articles
        take seconds)."""
        out = self.folder / FOLDER_EXPORT
        if out.exists():  # ask first, as the reader's x does (confirm_dialog.py)
            self.app.push_screen(ReplaceDialog(out, free_name(out)), lambda choice: self._export_chosen(out, choice))
        else:
            self._export_chosen(out, "replace")

    def _export_chosen(self, out: Path, choice: Choice | None) -> None:
        if choice is None:
            self.notify("not exported", timeout=3)
            return
        self.notify("exporting the folder's claims…", timeout=3)
        self._export(free_name(out) if choice == "new" else out)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, out: Path) -> None:
        from ..export import export_to_file

        warnings: list[str] = []
        config: Config = getattr(self.app, "config", Config())
        try:
            result = export_to_file(self.paths, out, "csv", warn=warnings.append, config=config)
        except OSError as err:
            message = f"not exported: {out}: {(err.strerror or str(err)).lower()}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False, timeout=15)
            return
        claims = f"{plural(result.claims, 'claim')} of {plural(result.articles, 'article')}"
        skipped = (
            f"; {plural(len(warnings), 'warning')} (the first: {warnings[0].removeprefix('qari: ')})"
            if warnings
            else ""
        )
        self.app.call_from_thread(self.notify, f"{claims} exported to {out}{skipped}", markup=False, timeout=10)

    def action_search_articles(self) -> None:
        """f: search inside every article listed (library_search.py), the last query filled in."""
        from .library_search import LibrarySearchScreen

        screen = LibrarySearchScreen(self.folder, self.shown_paths, self._last_search)

        def remember(_: None) -> None:
            self._last_search = screen.query_text

        self.app.push_screen(screen, remember)

    def action_focus_filter(self) -> None:
        self.query_one(RtlInput).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one(RtlInput)
        if filter_input.value:
            filter_input.value = ""
        self.query_one(EntryList).focus()

    # --- opening ------------------------------------------------------------------

    def on_entry_list_selected(self, event: EntryList.Selected) -> None:
        index = cast(int, event.control.entries[event.index])  # the library lists row numbers
        path = self.paths[index]
        try:
            article = load_article(path, streamed=True)  # a big file's first screen shows before its rest decodes
        except ArticleError as err:
            self.notify(str(err), severity="error", markup=False)
            return
        self._opened = index
        self.app.push_screen(ReaderScreen(article, bidi=self.app.bidi))  # type: ignore[attr-defined]

    def on_screen_resume(self) -> None:
        """Back from an article: its claim count may have changed."""
        index, self._opened = self._opened, None
        info = self.infos[index] if index is not None else None
        if index is None or info is None:
            return
        self.infos[index] = replace(info, claims=count_claims(info.path))
        if self.sort == "claims":
            self._apply_filter()  # its place in the order may have changed
        else:
            self.query_one(EntryList).redraw()


def library_of(article: Path) -> LibraryScreen:
    """The library of the folder ``article`` is in, with it highlighted (qari was opened on that one file)."""
    folder = article.parent
    try:
        paths = find_articles(folder)
    except ArticleError:  # the folder cannot be listed: the article alone
        paths = []
    selected = next((path for path in paths if path.name == article.name), None)
    if selected is None:  # a file the library would not list (another extension): listed all the same
        paths = sorted([*paths, article])
        selected = article
    return LibraryScreen(folder, paths, selected=selected)
