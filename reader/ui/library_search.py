"""Search the words of every article of a library, and open one at a hit.

The filter of the library looks at titles, outlets and file names; this
screen looks inside the articles, folded as the reader's search folds
(``reader.text.search``: harakat, tatweel, hamza forms, ة / ه, ى / ي).
A folder of thousands of articles is read in a worker thread, a file at a
time, and the hits are listed as they come (a batch every tenth of a
second), so typing and scrolling never wait. Each hit shows its article
and the matched words among the words around them; Enter opens the article
with the match selected and the search set, so ``n`` goes on from there.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from ..article import ArticleError, load_article
from ..text.search import FoldedText, match_context
from .article_view import ArticleView
from .entry_list import EntryList
from .footer import QariFooter
from .label import bidi_of, ltr_line, plural, visual_cell
from .reader_screen import ReaderScreen
from .rtl_input import RtlInput

PER_ARTICLE = 50  # hits listed per article (its count is said in full)
MOST = 5_000  # hits listed in all: past that, the search is too broad to read
BATCH_SECONDS = 0.1


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the article, where it is, and the words around it."""

    path: Path
    title: str
    start: int
    end: int
    context: tuple[str, str, str]
    number: int  # 1-based, within its article
    total: int  # matches in its article


def article_hits(path: Path, query: str) -> list[Hit]:
    """The hits of ``query`` in the article at ``path`` (none when it cannot be read)."""
    try:
        article = load_article(path)
    except ArticleError:
        return []
    text = article.text
    spans = FoldedText.of(text).find_all(query)
    title = article.beginning().metadata.title or article.name
    return [
        Hit(path, title, start, end, match_context(text, start, end), number, len(spans))
        for number, (start, end) in enumerate(spans[:PER_ARTICLE], 1)
    ]


class LibrarySearchScreen(Screen[None]):
    """A query line over the hits of every article of the library; Enter on a hit opens it there.

    | key | does |
    |---|---|
    | Enter (query) | search every article |
    | ↑ ↓, Enter (hits) | move, open the article at the hit |
    | escape | back to the library |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="library-search.back", tooltip="Back to the library"),
        Binding("slash", "focus_query", "Search", id="library-search.query", show=False),
    ]

    DEFAULT_CSS = """
    LibrarySearchScreen {
        #library-search-title { height: 1; padding: 0 1; background: $panel; }
        #library-search-query { height: 3; }
        #library-search-hits { height: 1fr; padding: 0 1; background: $surface; }
    }
    """

    def __init__(self, folder: Path, paths: list[Path], query: str = "") -> None:
        super().__init__()
        self.folder = folder
        self.paths = paths
        self.hits: list[Hit] = []
        self.query_text = query
        self.searched = 0  # articles read so far for the current query
        self.done = False

    def compose(self) -> ComposeResult:
        yield Static("", id="library-search-title")
        yield RtlInput(
            self.query_text, placeholder="بحث في النصوص — search the articles' words", id="library-search-query"
        )
        yield EntryList(self._row, rows_per_entry=2, id="library-search-hits")
        yield QariFooter()

    def on_mount(self) -> None:
        self._show_title()
        if self.query_text:
            self._start(self.query_text)
        else:
            self.query_one(RtlInput).focus()

    # --- searching ----------------------------------------------------------------

    def on_rtl_input_submitted(self, event: RtlInput.Submitted) -> None:
        event.stop()
        self._start(event.value)

    def _start(self, query: str) -> None:
        self.query_text = query.strip()
        self.hits, self.searched, self.done = [], 0, False
        hits = self.query_one(EntryList)
        hits.set_entries(self.hits)
        if not self.query_text:
            self.done = True
            self._show_title()
            return
        hits.focus()
        self._show_title()
        self._search(self.query_text)

    @work(thread=True, exclusive=True, group="library-search")
    def _search(self, query: str) -> None:
        """Read the articles one by one; hand the hits over in batches (a new query cancels this one)."""
        worker = get_current_worker()
        found: list[Hit] = []
        read = 0
        sent = time.monotonic()
        for path in self.paths:
            if worker.is_cancelled:
                return
            found.extend(article_hits(path, query))
            read += 1
            if time.monotonic() - sent >= BATCH_SECONDS:
                self.app.call_from_thread(self._arrived, query, found, read, False)
                found, sent = [], time.monotonic()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._arrived, query, found, read, True)

    def _arrived(self, query: str, found: list[Hit], read: int, done: bool) -> None:
        if query != self.query_text:
            return  # a batch of a search the user has replaced
        self.searched, self.done = read, done
        if found and len(self.hits) < MOST:
            hits = self.query_one(EntryList)
            keep = hits.highlighted or 0
            self.hits.extend(found[: MOST - len(self.hits)])
            hits.set_entries(self.hits, highlight=keep)
        self._show_title()

    def _show_title(self) -> None:
        articles = len({hit.path for hit in self.hits})
        if not self.query_text:
            what = "type words and press Enter to search every article"
        else:
            found = f"{plural(len(self.hits), 'hit')} in {plural(articles, 'article')}"
            more = "" if self.done else f" · searching {self.searched}/{len(self.paths)}…"
            cut = f" (the first {MOST})" if len(self.hits) >= MOST else ""
            what = f"{found}{cut}{more}"
        line = ltr_line(f"{self.folder} · {plural(len(self.paths), 'article')} · {what}", bidi=bidi_of(self))
        self.query_one("#library-search-title", Static).update(line)

    # --- rows ---------------------------------------------------------------------

    def _row(self, hit: Hit, width: int) -> list[Text]:
        bidi = bidi_of(self)
        where = f"{hit.path.name} · {hit.number}/{hit.total}"
        name = ltr_line(where, bidi=bidi)
        name.truncate(width, overflow="ellipsis")
        title_room = width - name.cell_len - 2
        first = Text.assemble(visual_cell(hit.title, title_room, "bold", bidi=bidi), "  ", name)
        if title_room < 8:
            first = name
        before, match, after = hit.context
        context = visual_cell(f"{before}«{match}»{after}", width, bidi=bidi)
        return [first, context]

    # --- opening ------------------------------------------------------------------

    async def on_entry_list_selected(self, event: EntryList.Selected) -> None:
        hit = cast(Hit, event.control.entries[event.index])
        try:
            article = load_article(hit.path)
        except ArticleError as err:
            self.notify(str(err), severity="error", markup=False)
            return
        reader = ReaderScreen(article, bidi=self.app.bidi)  # type: ignore[attr-defined]
        await self.app.push_screen(reader)
        view = reader.query_one(ArticleView)
        view.set_search(self.query_text)
        view.select(hit.start, hit.end)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_focus_query(self) -> None:
        self.query_one(RtlInput).focus()
