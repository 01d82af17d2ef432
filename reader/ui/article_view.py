"""The article view: a thin Line-API scroll view over a ``reader.document.Document``.

The document holds the article laid out, the cursor, the selection and the
highlights, all as logical offsets; this widget turns keys and mouse events
into document calls, draws the rows on screen as ``Strip``s (cached, keyed by
everything that changes a row), and publishes what the screen shows (cursor,
selection, search, toggles) as reactives.

The first screenful is laid out at once; the rest of the article is laid out
in a worker thread so a 5 MB article opens as fast as a short one, and the
scrollbar grows as the worker goes.
"""

from __future__ import annotations

from time import monotonic, sleep
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from ..annotations.model import STATUSES, Claim
from ..article import Article
from ..document import (
    CURSOR,
    FIRST_SCREEN_LINES,
    Document,
    Mark,
    RestOfLayout,
    Settings,
    Side,
    cell_runs,
    covers_whole_line,
    layers,
    page_rows,
)
from ..text.layout import VisualLine

__all__ = ["FIRST_SCREEN_LINES", "ArticleView"]

#: Seconds after a key or mouse event during which the background layout waits.
INTERACTIVE_PAUSE = 0.3
#: Rows of the neighbouring pages drawn ahead per turn of the event loop, and how long after a frame.
PREFETCH_ROWS = 8
PREFETCH_DELAY = 0.05


class ArticleView(ScrollView, can_focus=True):
    """Shows an article shaped and ordered, right-to-left paragraphs right-aligned, with a cursor.

    | key | action |
    |---|---|
    | ↑ ↓ | cursor one visual line |
    | PgUp PgDn | one page |
    | g G home end | top / bottom |
    | ← → | one word in visual direction (in a right-to-left paragraph ← is the next word) |
    | shift+arrows | extend the selection |
    | v | selection mode on/off at the cursor |
    | s | select the sentence at the cursor |
    | n N | next / previous search match |
    | ] [ | next / previous claim |
    | escape | clear the selection and the search |
    | h | hide or show harakat (Arabic vowel marks) |
    | r | hide or show repeated lines and the related-news block |
    | t | paragraph direction: from the text, right to left, left to right |

    Mouse: click places the cursor, drag selects, double-click selects a word, the wheel scrolls.
    """

    ALLOW_SELECT = False  # selection is ours, through the engine's maps

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_line(-1)", "Up", show=False),
        Binding("down", "cursor_line(1)", "Down", show=False),
        Binding("shift+up", "cursor_line(-1, True)", "Select up", show=False),
        Binding("shift+down", "cursor_line(1, True)", "Select down", show=False),
        Binding("pageup", "cursor_page(-1)", "Page up", show=False),
        Binding("pagedown,space", "cursor_page(1)", "Page down", show=False),
        Binding("g,home", "cursor_edge(-1)", "Top", show=False),
        Binding("G,end", "cursor_edge(1)", "Bottom", show=False),
        Binding("left", "cursor_word('left')", "Word left", show=False),
        Binding("right", "cursor_word('right')", "Word right", show=False),
        Binding("shift+left", "cursor_word('left', True)", "Select word left", show=False),
        Binding("shift+right", "cursor_word('right', True)", "Select word right", show=False),
        Binding("v", "toggle_selecting", "Select"),
        Binding("s", "select_sentence", "Sentence"),
        Binding("n", "next_match(1)", "Next match", show=False),
        Binding("N", "next_match(-1)", "Previous match", show=False),
        Binding("right_square_bracket", "next_claim(1)", "Next claim", show=False),
        Binding("left_square_bracket", "next_claim(-1)", "Previous claim", show=False),
        Binding("escape", "clear", "Clear", show=False),
        # Toggles: in the help (?) and the palette; the footer keeps its room for annotating.
        Binding("h", "toggle_harakat", "Harakat", show=False),
        Binding("r", "toggle_repeated", "Repeats", show=False),
        Binding("t", "cycle_direction", "Direction", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--repeated", "article-view--title", "article-view--cursor",
        "article-view--selection", "article-view--match", "article-view--suggestion",
        *(f"article-view--claim-{status}" for status in STATUSES),
    }
    """
    | class | what |
    |---|---|
    | `article-view--repeated` | a line that repeats an earlier one (scraped title, related headlines) |
    | `article-view--title` | the article's title line |
    | `article-view--cursor` | the cell at the cursor |
    | `article-view--selection` | selected cells |
    | `article-view--match` | search matches |
    | `article-view--suggestion` | a suggested attribution's source and claim (faint, until confirmed) |
    | `article-view--claim-<status>` | a claim's text, by status (colour and a text style each, so it reads without colour) |
    """

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        padding: 0 1;
        /* The scrollbar's room is kept from the start: lines laid out before
           it appears would otherwise lose their last cells, an RTL line's first word. */
        scrollbar-gutter: stable;
        & > .article-view--repeated { color: $text-muted; }
        & > .article-view--title { text-style: bold; color: $primary; }
        & > .article-view--cursor { background: $cursor-cell; color: $cursor-cell-foreground; }
        & > .article-view--selection { background: $selection-background; color: $selection-foreground; }
        & > .article-view--match { background: $search-match; color: $search-match-foreground; text-style: underline; }
        & > .article-view--suggestion { text-style: dim underline; }
        & > .article-view--claim-unverified { color: $claim-unverified; text-style: underline; }
        & > .article-view--claim-supported { color: $claim-supported; text-style: bold underline; }
        & > .article-view--claim-disputed { color: $claim-disputed; text-style: italic underline; }
        & > .article-view--claim-false { color: $claim-false; text-style: strike; }
        & > .article-view--claim-opinion { color: $claim-opinion; text-style: italic; }
    }
    """

    cursor: var[int] = var(0, init=False)
    """The cursor's logical offset into the article's text; setting it moves the cursor there."""
    selection: var[tuple[int, int] | None] = var(None, init=False)
    """The selected logical range, or None; setting it selects that range (None: drops the selection)."""
    selecting: var[bool] = var(False, init=False)
    """Selection mode (``v``): plain moves extend the selection."""
    search_query: var[str] = var("", init=False)  # not `query`: Textual's DOM query method has that name
    """What the search looks for ("" for no search); setting it searches."""
    match_count: var[int] = var(0, init=False)
    """How many matches the search has."""
    harakat: var[bool] = var(True, init=False)
    """Arabic vowel marks shown (``h``)."""
    hide_repeated: var[bool] = var(False, init=False)
    """Repeated lines and the related-news block hidden (``r``)."""
    direction: var[str | None] = var(None, init=False)
    """A forced paragraph direction ("rtl", "ltr"), or None for each paragraph's own (``t``)."""
    complete: var[bool] = var(False, init=False)
    """True once every paragraph has been laid out."""

    class Moved(Message):
        """The view or its cursor moved (for the status line)."""

        def __init__(self, view: ArticleView, paragraph: int, fraction: float) -> None:
            super().__init__()
            self.view = view
            self.paragraph = paragraph
            self.fraction = fraction

        @property
        def control(self) -> ArticleView:
            return self.view

        def can_replace(self, message: Message) -> bool:
            # A key can move the view two or three times (scroll, then cursor): the status line needs the last.
            return isinstance(message, ArticleView.Moved) and message.view is self.view

    def __init__(self, article: Article, *, bidi: str = "app", harakat: bool = True, wrap_width: int | None = None,
                 name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        settings = Settings(bidi=bidi, harakat=harakat, wrap_width=wrap_width)  # type: ignore[arg-type]
        #: The article laid out, the cursor, the selection and the highlights: everything but the drawing.
        self.document = Document(article, settings)
        self.set_reactive(ArticleView.harakat, harakat)
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._styles: Style | None = None
        self._prefetch_pending = False
        self._interactive_until = 0.0
        self._dragging = False

    # --- what the document knows ------------------------------------------------

    @property
    def article(self) -> Article:
        return self.document.article

    @property
    def bidi(self) -> str:
        return self.document.settings.bidi

    @property
    def wrap_width(self) -> int | None:
        """Lines are at most this wide (a reading column) even in a wider window."""
        return self.document.settings.wrap_width

    @property
    def line_count(self) -> int:
        return len(self.document.lines)

    @property
    def top_paragraph(self) -> int:
        return self.document.top_paragraph(int(self.scroll_y))

    @property
    def selection_anchor(self) -> int | None:
        """Where the selection started (not `anchor`: Textual's Widget.anchor() has that name)."""
        return self.document.caret.anchor

    @property
    def selected_text(self) -> str:
        return self.document.selected_text

    @property
    def claims(self) -> list[Claim]:
        return self.document.claims

    @property
    def suggestions(self) -> list[tuple[int, int]]:
        return self.document.suggestions

    @property
    def matches(self) -> list[tuple[int, int]]:
        return self.document.matches

    def claim_at(self, offset: int) -> Claim | None:
        """The innermost claim covering ``offset`` (the cursor), if any."""
        return self.document.claim_at(offset)

    @property
    def settings(self) -> str:
        """The view's toggles and selection, for the status line."""
        parts = []
        if not self.harakat:
            parts.append("harakat hidden")
        if self.hide_repeated:
            parts.append("repeats hidden")
        if self.direction:
            parts.append(f"forced {self.direction}")
        if self.selection:
            parts.append(f"selected {self.selection[1] - self.selection[0]} characters")
        elif self.selecting:
            parts.append("selecting")
        if self.search_query:
            parts.append(f"{self.match_count} matches")
        return " · ".join(parts)

    def _publish(self) -> None:
        """Copy the document's state to the reactives (their watchers then find nothing to do)."""
        document = self.document
        self.cursor = document.cursor
        self.selection = document.selection
        self.selecting = document.caret.selecting
        self.search_query = document.search_query
        self.match_count = len(document.matches)
        self.complete = document.complete

    def _changed(self, *, scroll: bool = True) -> None:
        """After a document call: publish, redraw (the strip cache's keys hold each row's marks), say where we are."""
        self._publish()
        self.refresh()
        if scroll:
            self._scroll_to_cursor()
        self._announce()

    # Setting a reactive from outside asks the document for it.

    def watch_cursor(self, offset: int) -> None:
        if offset != self.document.cursor:
            self.move_cursor(offset)

    def watch_selection(self, selection: tuple[int, int] | None) -> None:
        if selection != self.document.selection:
            if selection:
                self.select(*selection)
            else:
                self.document.caret.clear()
                self._changed(scroll=False)

    def watch_selecting(self, selecting: bool) -> None:
        if selecting != self.document.caret.selecting:
            self.action_toggle_selecting()

    def watch_search_query(self, query: str) -> None:
        if query != self.document.search_query:
            self.set_search(query)

    def watch_harakat(self, harakat: bool) -> None:
        self._configure(harakat=harakat)

    def watch_hide_repeated(self, hide: bool) -> None:
        self._configure(hide_repeated=hide)

    def watch_direction(self, direction: str | None) -> None:
        self._configure(direction=direction)

    # --- layout -------------------------------------------------------------

    def _configure(self, **changes: Any) -> None:
        settings = self.document.settings
        if any(getattr(settings, name) != value for name, value in changes.items()):
            self._relaid_out(self.document.configure(int(self.scroll_y), **changes))

    def action_toggle_harakat(self) -> None:
        self.harakat = not self.harakat

    def action_toggle_repeated(self) -> None:
        self.hide_repeated = not self.hide_repeated

    def action_cycle_direction(self) -> None:
        self.direction = {None: "rtl", "rtl": "ltr", "ltr": None}[self.direction]

    def on_resize(self, event: events.Resize) -> None:
        width = max(self.scrollable_content_region.width, 2)
        if width != self.document.width:
            self.relayout(width)

    def relayout(self, width: int) -> None:
        """Lay the article out again at ``width``, keeping the paragraph at the top in view."""
        self._relaid_out(self.document.relayout(width, int(self.scroll_y)))

    def _relaid_out(self, top_row: int) -> None:
        self._strips.clear()
        self._update_size()
        self.scroll_to(y=top_row, animate=False)
        self._publish()
        self._announce()
        if not self.document.complete:
            # After the first frame: the worker must not compete with drawing it.
            self.call_after_refresh(self._lay_out_rest, self.document.rest_of_layout())

    @work(thread=True, exclusive=True, group="layout")
    def _lay_out_rest(self, rest: RestOfLayout) -> None:
        worker = get_current_worker()
        document = self.document
        dimmed = document.refine_guesses()
        if dimmed is not None:
            self.app.call_from_thread(self._set_dimmed, rest.generation, dimmed)
        while not rest.done:
            if worker.is_cancelled or rest.generation != document.generation:
                return
            # The reader comes first: while keys or the mouse are busy, wait.
            while monotonic() < self._interactive_until and not worker.is_cancelled:
                sleep(0.02)
            chunk = rest.chunk()
            self.app.call_from_thread(self._extend, rest.generation, chunk, rest.done)

    def _set_dimmed(self, generation: int, dimmed: frozenset[int]) -> None:
        if self.document.set_dimmed(generation, dimmed):
            self._strips.clear()
            self.refresh()

    def _extend(self, generation: int, chunk: list[VisualLine], done: bool) -> None:
        if self.document.extend(generation, chunk, done):
            self._update_size()
            self.complete = self.document.complete
            self._announce()

    def _update_size(self) -> None:
        self.virtual_size = Size(self.document.width, len(self.document.lines))

    # --- cursor and selection -------------------------------------------------

    def move_cursor(self, offset: int, *, extend: bool = False) -> None:
        """Put the cursor at a logical offset; ``extend`` keeps (or starts) a selection from the old place."""
        self.document.move_to(offset, extend=extend)
        self._changed()

    def select(self, start: int, end: int) -> None:
        """Select [start, end), cursor at the end."""
        self.document.select(start, end)
        self._changed()

    def _scroll_to_cursor(self) -> None:
        row = self.document.rows.row_of(self.document.cursor)
        height = self.scrollable_content_region.height or 1
        if row < self.scroll_y:
            self.scroll_to(y=row, animate=False)
        elif row >= self.scroll_y + height:
            self.scroll_to(y=row - height + 1, animate=False)

    def action_cursor_line(self, delta: int, extend: bool = False) -> None:
        self.document.move_lines(delta, extend)
        self._changed()

    def action_cursor_page(self, delta: int) -> None:
        rows = page_rows(self.scrollable_content_region.height or 1)
        self.scroll_to(y=self.scroll_y + delta * rows, animate=False)
        self.action_cursor_line(delta * rows)

    def action_cursor_edge(self, delta: int) -> None:
        self.document.move_to_edge(delta)
        self._changed()
        if delta > 0:
            self.scroll_end(animate=False)

    def action_cursor_word(self, side: Side, extend: bool = False) -> None:
        """One word in visual direction: in a right-to-left paragraph, left is forward."""
        self.document.move_word(side, extend)
        self._changed()

    def action_toggle_selecting(self) -> None:
        self.document.toggle_selecting()
        self._changed(scroll=False)

    def action_select_sentence(self) -> None:
        self.document.select_sentence()
        self._changed()

    def action_clear(self) -> None:
        """Escape: clear the selection, then the search; with nothing to clear, leave the article."""
        if not self.document.clear():
            self.screen.action_back()  # type: ignore[attr-defined]
            return
        self._changed(scroll=False)

    # --- claims, suggestions, search ----------------------------------------------

    def set_claims(self, claims: list[Claim]) -> None:
        """The claims to highlight (any order)."""
        self.document.set_claims(claims)
        self.refresh()

    def action_next_claim(self, step: int = 1) -> None:
        """Select the next (or previous) claim after the cursor, wrapping around."""
        if not self.document.next_claim(step):
            self.notify("no claims in this article yet: select text and press c", severity="information")
            return
        self._changed()

    def set_suggestions(self, spans: list[tuple[int, int]]) -> None:
        """Faint marks on suggested attributions (empty: none). Spans may overlap; they are drawn alike."""
        self.document.set_suggestions(spans)
        self.refresh()

    def set_search(self, query: str) -> int:
        """Highlight every match of ``query`` (Arabic-normalised); returns how many there are."""
        count = self.document.set_search(query)
        self._changed(scroll=False)
        return count

    def action_next_match(self, step: int = 1) -> None:
        """Select the next (or previous) match after the cursor, wrapping around."""
        if not self.document.next_match(step):
            if self.search_query:
                self.notify(f"no match for {self.search_query!r}", severity="warning")
            return
        self._changed()

    def on_key(self, event: events.Key) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    # --- mouse ------------------------------------------------------------------

    def _offset_at_event(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or not self.document.lines:
            return None
        return self.document.rows.offset_at(int(self.scroll_y) + offset.y, offset.x)

    async def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        offset = self._offset_at_event(event)
        if offset is None:
            return
        self.focus()
        self.document.caret.selecting = False
        self.move_cursor(offset, extend=event.shift)
        self._dragging = True
        self.capture_mouse()

    async def on_click(self, event: events.Click) -> None:
        if event.chain == 2:
            offset = self._offset_at_event(event)
            if offset is not None and self.document.select_word_at(offset):
                self._changed()

    async def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        offset = self._offset_at_event(event)
        if offset is not None and offset != self.document.cursor:
            self.move_cursor(offset, extend=True)

    async def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()

    # --- drawing ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._styles = None

    def _base_style(self) -> Style:
        """The view's own style, looked up once per theme or CSS change (it costs ~0.2 ms)."""
        if self._styles is None:
            self._styles = self.rich_style
        return self._styles

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if row >= len(self.document.lines):
            return Strip.blank(width, self._base_style())
        self._schedule_prefetch()
        return self._strip_of(row, width)

    def _strip_of(self, row: int, width: int) -> Strip:
        document = self.document
        line = document.lines[row]
        marks = document.marks_on(line, self.has_focus)
        key = (row, width, document.generation, marks)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(line, width, self._base_style(), marks)
            self._strips[key] = strip
        return strip

    def _schedule_prefetch(self) -> None:
        if not self._prefetch_pending:
            self._prefetch_pending = True
            self.set_timer(PREFETCH_DELAY, self._prefetch)

    def _prefetch(self, rows: list[int] | None = None) -> None:
        """Draw the pages above and below the view ahead of time, a few rows per turn of the event loop.

        A row with claims costs ~0.5 ms to draw (its cell map, then a style per
        cell): a page of them made PgDn miss two or three frames. Drawn while
        the user reads, the next page is ready when the key comes.
        """
        height = self.scrollable_content_region.height
        width = self.scrollable_content_region.width
        count = len(self.document.lines)
        if rows is None:
            top = int(self.scroll_y)
            below = range(top + height, min(top + 2 * height, count))
            above = range(max(top - height, 0), top)
            rows = [*below, *reversed(above)]
        if not width:
            self._prefetch_pending = False
            return
        wait = self._interactive_until - monotonic()
        if wait > 0:  # keys first: try again once they stop
            self.set_timer(wait + 0.01, self._prefetch)
            return
        for row in rows[:PREFETCH_ROWS]:
            if row < count:
                self._strip_of(row, width)
        if rows[PREFETCH_ROWS:]:
            self.call_later(self._prefetch, rows[PREFETCH_ROWS:])
        else:
            self._prefetch_pending = False

    def _line_style(self, line: VisualLine, base: Style) -> Style:
        if line.paragraph == self.document.title_paragraph:
            return base + self.get_component_rich_style("article-view--title", partial=True)
        if line.paragraph in self.document.dimmed:
            # Not partial: a muted colour is an alpha blend, only resolved against the background.
            return base + self.get_component_rich_style("article-view--repeated", partial=False)
        return base

    def _render_row(self, line: VisualLine, width: int, base: Style, marks: tuple[Mark, ...]) -> Strip:
        style = self._line_style(line, base)
        pad = self.document.rows.pad(line)
        segments = [Segment(" " * pad, base)] if pad else []
        drawn, has_cursor = layers(marks)
        ranges = [span for _, span in drawn]
        styles = [self.get_component_rich_style(f"article-view--{name}", partial=True) for name, _ in drawn]
        if not has_cursor and (not marks or covers_whole_line(line, ranges)):
            # One style for the whole line: no cell map needed (most lines, and most claim lines).
            for highlight in styles:
                style = style + highlight
            segments.append(Segment(line.text, style))
            return Strip(segments).crop_extend(0, width, base)
        cursor_x = line.map.cell_of(self.document.cursor) if has_cursor else None
        runs = cell_runs(line, ranges, cursor_x)
        if runs is None:  # never expected; draw plainly rather than wrongly
            return Strip([*segments, Segment(line.text, style)]).crop_extend(0, width, base)
        cursor_style = self.get_component_rich_style("article-view--cursor", partial=True)
        if cursor_x == -1 and pad:  # the cursor past the start of a right-to-left line: on the padding's last cell
            segments[-1:] = [Segment(" " * (pad - 1), base), Segment(" ", base + cursor_style)]
        # A cell's style is the line's plus each highlight over it: added up once per set of highlights
        # (not per cell: Style addition is the costly part).
        combined: dict[tuple[int, ...], Style] = {}
        for text, key in runs:
            if key not in combined:
                cell_style = style
                for i in key:
                    cell_style = cell_style + (cursor_style if i == CURSOR else styles[i])
                combined[key] = cell_style
            segments.append(Segment(text, combined[key]))
        if cursor_x is not None and cursor_x >= len(line.map.spans) and not pad:
            segments.append(Segment(" ", base + cursor_style))
        return Strip(segments).crop_extend(0, width, base)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._announce()

    def _announce(self) -> None:
        """Tell the screen where the top of the view is (for the status line)."""
        if self.document.lines:
            fraction = 1.0 if self.max_scroll_y == 0 else self.scroll_y / self.max_scroll_y
            self.post_message(self.Moved(self, self.top_paragraph, fraction))
