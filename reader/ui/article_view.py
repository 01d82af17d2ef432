"""The article view: a thin Line-API scroll view over a ``reader.document.Document``.

The document holds the article laid out, the cursor, the selection and the
highlights, all as logical offsets. This widget turns keys and mouse events
into document calls and publishes what the screen shows (cursor, selection,
search, toggles) as reactives. What it inherits does the rest:
``BackgroundLayout`` (``article_background.py``) lays the article out at the
view's width, the rest in a worker thread, and draws the pages around the
view ahead; ``ArticleStrips`` (``article_strips.py``) draws the rows as
cached ``Strip``s in the component classes' styles.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import var

from ..annotations.model import Claim
from ..article import Article
from ..document import FIRST_SCREEN_LINES, Document, Settings, Side, page_rows
from .article_background import BackgroundLayout

__all__ = ["FIRST_SCREEN_LINES", "ArticleView"]


class ArticleView(BackgroundLayout, can_focus=True):
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
        Binding("up", "cursor_line(-1)", "Up", id="article.up", show=False),
        Binding("down", "cursor_line(1)", "Down", id="article.down", show=False),
        Binding("shift+up", "cursor_line(-1, True)", "Select up", id="article.select-up", show=False),
        Binding("shift+down", "cursor_line(1, True)", "Select down", id="article.select-down", show=False),
        Binding("pageup", "cursor_page(-1)", "Page up", id="article.page-up", show=False),
        Binding("pagedown,space", "cursor_page(1)", "Page down", id="article.page-down", show=False),
        Binding("g,home", "cursor_edge(-1)", "Top", id="article.top", show=False),
        Binding("G,end", "cursor_edge(1)", "Bottom", id="article.bottom", show=False),
        Binding("left", "cursor_word('left')", "Word left", id="article.word-left", show=False),
        Binding("right", "cursor_word('right')", "Word right", id="article.word-right", show=False),
        Binding(
            "shift+left", "cursor_word('left', True)", "Select word left", id="article.select-word-left", show=False
        ),
        Binding(
            "shift+right", "cursor_word('right', True)", "Select word right", id="article.select-word-right", show=False
        ),
        Binding("v", "toggle_selecting", "Select", id="article.select"),
        Binding("s", "select_sentence", "Sentence", id="article.sentence"),
        Binding("n", "next_match(1)", "Next match", id="article.next-match", show=False),
        Binding("N", "next_match(-1)", "Previous match", id="article.previous-match", show=False),
        Binding("right_square_bracket", "next_claim(1)", "Next claim", id="article.next-claim", show=False),
        Binding("left_square_bracket", "next_claim(-1)", "Previous claim", id="article.previous-claim", show=False),
        Binding("escape", "clear", "Clear", id="article.clear", show=False),
        # Toggles: in the help (?) and the palette; the footer keeps its room for annotating.
        Binding("h", "toggle_harakat", "Harakat", id="article.harakat", show=False),
        Binding("r", "toggle_repeated", "Repeats", id="article.repeats", show=False),
        Binding("t", "cycle_direction", "Direction", id="article.direction", show=False),
    ]

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

    def __init__(
        self,
        article: Article,
        *,
        bidi: str = "app",
        harakat: bool = True,
        wrap_width: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        settings = Settings(bidi=bidi, harakat=harakat, wrap_width=wrap_width)  # type: ignore[arg-type]
        super().__init__(Document(article, settings), name=name, id=id, classes=classes)
        self.set_reactive(ArticleView.harakat, harakat)
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
            at = self.document.match_position
            count = self.match_count
            parts.append(f"match {at}/{count}" if at else f"{count} match{'' if count == 1 else 'es'}")
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

    def _laid_out(self) -> None:
        self._publish()
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

    def action_toggle_harakat(self) -> None:
        self.harakat = not self.harakat

    def action_toggle_repeated(self) -> None:
        self.hide_repeated = not self.hide_repeated

    def action_cycle_direction(self) -> None:
        self.direction = {None: "rtl", "rtl": "ltr", "ltr": None}[self.direction]

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

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._announce()

    def _announce(self) -> None:
        """Tell the screen the cursor's paragraph (numbered as the export numbers it) and how far down the view is."""
        if self.document.lines:
            fraction = 1.0 if self.max_scroll_y == 0 else self.scroll_y / self.max_scroll_y
            self.post_message(self.Moved(self, self.article.paragraph_number(self.document.cursor), fraction))
