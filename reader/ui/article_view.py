"""The article view: a Line-API scroll view over the text engine's visual lines.

Only the rows on screen are drawn (``render_line``), from the engine's lazy
layout. The first screenful is laid out at once; the rest of the article is
laid out in a worker thread so a 5 MB article opens as fast as a short one,
and the scrollbar grows as the worker goes.

The cursor, the selection and search matches are logical offsets into the
article's text; they reach the screen only through each visual line's cell
map, so a selection across Arabic and English lights the right cells even
where it is split in two on screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from time import monotonic, sleep
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from ..annotations.model import STATUSES, Claim
from ..article import Article
from ..text.layout import ArticleLayout, LayoutOptions, VisualLine
from ..text.search import FoldedText, next_word_start, previous_word_start, sentence_at, word_at
from ..text.unidata import ANY_TEXT, cell_width

#: Visual lines laid out on the UI thread before the worker takes over (two tall screens).
FIRST_SCREEN_LINES = 120
#: Paragraphs the worker lays out between two hand-overs to the UI thread.
WORKER_CHUNK = 100
#: Seconds after a key or mouse event during which the background layout waits.
INTERACTIVE_PAUSE = 0.3
#: Rows of the neighbouring pages drawn ahead per turn of the event loop, and how long after a frame.
PREFETCH_ROWS = 8
PREFETCH_DELAY = 0.05
LONG_CLAIM = 2_000  # characters; longer claims (a paragraph or more) are few, and kept apart (see set_claims)


def cell_strings(line: VisualLine) -> list[str]:
    """What each cell of a visual line draws (a letter with its marks; '' for a wide character's second cell)."""
    cells: list[str] = []
    for cluster in ANY_TEXT.cluster.findall(line.text):
        width = cell_width(cluster)
        if width:
            cells.append(cluster)
            cells.extend([""] * (width - 1))
    return cells


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

    def __init__(self, article: Article, *, bidi: str = "app", harakat: bool = True, wrap_width: int | None = None,
                 name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article = article
        #: Lines are at most this wide (a reading column) even in a wider window.
        self.wrap_width = wrap_width
        self.bidi = bidi
        self.harakat = harakat
        self.hide_repeated = False
        self.direction: str | None = None
        self._lines: list[VisualLine] = []
        self._starts: list[int] = []
        self._complete = False
        self._generation = 0
        self._width = 0
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._prefetch_pending = False
        # Guesses from the article's beginning for the first screen; the worker makes the full ones.
        self._beginning = article.beginning()
        self._dimmed = self._beginning.repeated | self._beginning.related
        self._title_paragraph = self._find_title()
        self.cursor = 0
        self.selection_anchor: int | None = None  # not `anchor`: Textual's Widget.anchor() has that name
        self.selecting = False
        self._goal_x: int | None = None
        self._folded: FoldedText | None = None
        self.search_query = ""  # not `query`: Textual's DOM query method has that name
        self.matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []
        #: Attribution suggestions shown as faint marks (source and claim spans), by start.
        self.suggestions: list[tuple[int, int]] = []
        self._suggestion_starts: list[int] = []
        self._suggestion_reach = 0  # the longest span: how far back a line must look for one covering it
        self._dragging = False
        self._styles: Style | None = None
        self._interactive_until = 0.0
        self.claims: list[Claim] = []
        self._claim_starts: list[int] = []
        self._long_claims: list[Claim] = []
        self._short_claims: list[Claim] = []
        self._short_starts: list[int] = []
        self._short_reach = 0

    def _find_title(self) -> int | None:
        title = self._beginning.metadata.title
        if not title:
            return None
        for paragraph in self._beginning.paragraphs[:40]:
            if self._beginning.paragraph_text(paragraph.index).strip() == title:
                return paragraph.index
        return None

    # --- layout -------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def complete(self) -> bool:
        """True once every paragraph has been laid out."""
        return self._complete

    def _options(self, width: int) -> LayoutOptions:
        if self.wrap_width:
            width = min(width, self.wrap_width)
        return LayoutOptions(width=max(width, 2), bidi=self.bidi, harakat=self.harakat,  # type: ignore[arg-type]
                             direction=self.direction)  # type: ignore[arg-type]

    def _shown(self, paragraph: int) -> bool:
        """False for paragraphs the reader asked to hide (repeats of earlier lines, related news)."""
        if not self.hide_repeated:
            return True
        return not (paragraph in self.article.repeated or paragraph in self.article.related)

    def action_toggle_harakat(self) -> None:
        self.harakat = not self.harakat
        self.relayout(self._width)

    def action_toggle_repeated(self) -> None:
        self.hide_repeated = not self.hide_repeated
        self.relayout(self._width)

    def action_cycle_direction(self) -> None:
        self.direction = {None: "rtl", "rtl": "ltr", "ltr": None}[self.direction]
        self.relayout(self._width)

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
        selection = self.selection
        if selection:
            parts.append(f"selected {selection[1] - selection[0]} characters")
        elif self.selecting:
            parts.append("selecting")
        if self.search_query:
            parts.append(f"{len(self.matches)} matches")
        return " · ".join(parts)

    def on_resize(self, event: events.Resize) -> None:
        width = max(self.scrollable_content_region.width, 2)
        if width != self._width:
            self.relayout(width)

    def relayout(self, width: int) -> None:
        """Lay the article out again at ``width``, keeping the paragraph at the top in view."""
        top_offset = self._lines[int(self.scroll_y)].start if self._lines and int(self.scroll_y) < len(self._lines) else 0
        self._generation += 1
        self._width = width
        self._strips.clear()
        layout = ArticleLayout(self.article.paragraphs, self.article.text, self._options(width))
        lines: list[VisualLine] = []
        paragraph = 0
        count = layout.paragraph_count
        target = max(self.article.paragraph_at(top_offset), self.article.paragraph_at(self.cursor)) if self.article.text else 0
        while paragraph < count and (len(lines) < FIRST_SCREEN_LINES or paragraph <= target):
            if self._shown(paragraph):
                lines.extend(layout.paragraph_lines(paragraph))
            paragraph += 1
        self._lines = lines
        self._starts = [line.start for line in lines]
        self._complete = paragraph >= count
        self._update_size()
        self.scroll_to(y=self._row_of(top_offset), animate=False)
        self._announce()
        if not self._complete:
            # After the first frame: the worker must not compete with drawing it.
            generation = self._generation
            self.call_after_refresh(self._lay_out_rest, generation, width, paragraph)

    def _row_of(self, offset: int) -> int:
        """The row that shows ``offset``, or the first row after it (its paragraph may be hidden)."""
        if not self._lines:
            return 0
        row = bisect_right(self._starts, offset) - 1
        if row < 0:
            return 0
        line = self._lines[row]
        if offset >= max(line.end, line.start + 1) and row + 1 < len(self._lines):
            # Past this line's end: the newline, or a hidden paragraph; the next row shows what follows.
            if self.article.paragraph_at(offset) != line.paragraph:
                return row + 1
        return row

    @work(thread=True, exclusive=True, group="layout")
    def _lay_out_rest(self, generation: int, width: int, first: int) -> None:
        worker = get_current_worker()
        if self._beginning is not self.article:
            dimmed = self.article.repeated | self.article.related
            self.app.call_from_thread(self._set_dimmed, generation, dimmed)
        layout = ArticleLayout(self.article.paragraphs, self.article.text, self._options(width), cache_size=1)
        count = layout.paragraph_count
        paragraph = first
        while paragraph < count:
            if worker.is_cancelled or generation != self._generation:
                return
            # The reader comes first: while keys or the mouse are busy, wait.
            while monotonic() < self._interactive_until and not worker.is_cancelled:
                sleep(0.02)
            chunk: list[VisualLine] = []
            stop = min(paragraph + WORKER_CHUNK, count)
            for index in range(paragraph, stop):
                if self._shown(index):
                    chunk.extend(layout.paragraph_lines(index))
            paragraph = stop
            self.app.call_from_thread(self._extend, generation, chunk, paragraph >= count)

    def _set_dimmed(self, generation: int, dimmed: frozenset[int]) -> None:
        if generation == self._generation and dimmed != self._dimmed:
            self._dimmed = dimmed
            self._strips.clear()
            self.refresh()

    def _extend(self, generation: int, chunk: list[VisualLine], done: bool) -> None:
        if generation != self._generation:
            return
        self._lines.extend(chunk)
        self._starts.extend(line.start for line in chunk)
        self._complete = done
        self._update_size()
        self._announce()

    def _update_size(self) -> None:
        self.virtual_size = Size(self._width, len(self._lines))

    # --- cursor and selection -------------------------------------------------

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected logical range, or None."""
        if self.selection_anchor is None or self.selection_anchor == self.cursor:
            return None
        return (min(self.selection_anchor, self.cursor), max(self.selection_anchor, self.cursor))

    @property
    def selected_text(self) -> str:
        selection = self.selection
        return self.article.text[selection[0]:selection[1]] if selection else ""

    def _pad(self, line: VisualLine) -> int:
        """Cells of right alignment before a line's text."""
        if line.rtl and self.bidi == "app":
            return max(self.scrollable_content_region.width - line.cell_length, 0)
        return 0

    def _cursor_x(self, line: VisualLine, offset: int) -> int:
        """The screen column (inside the content) of ``offset`` on ``line``."""
        return self._pad(line) + line.map.cell_of(offset)

    def move_cursor(self, offset: int, *, extend: bool = False, keep_goal: bool = False) -> None:
        """Put the cursor at a logical offset; ``extend`` keeps (or starts) a selection from the old place."""
        offset = max(0, min(offset, len(self.article.text)))
        if extend or self.selecting:
            if self.selection_anchor is None:
                self.selection_anchor = self.cursor
        else:
            self.selection_anchor = None
        self.cursor = offset
        if not keep_goal:
            self._goal_x = None
        self.refresh()  # the strip cache's keys hold each row's highlights: nothing to drop
        self._scroll_to_cursor()
        self._announce()

    def select(self, start: int, end: int) -> None:
        """Select [start, end), cursor at the end."""
        self.selection_anchor = start
        self.cursor = start
        self.move_cursor(end, extend=True)

    def _scroll_to_cursor(self) -> None:
        row = self._row_of(self.cursor)
        height = self.scrollable_content_region.height or 1
        if row < self.scroll_y:
            self.scroll_to(y=row, animate=False)
        elif row >= self.scroll_y + height:
            self.scroll_to(y=row - height + 1, animate=False)

    def action_cursor_line(self, delta: int, extend: bool = False) -> None:
        if not self._lines:
            return
        row = self._row_of(self.cursor)
        line = self._lines[row]
        goal = self._goal_x if self._goal_x is not None else self._cursor_x(line, self.cursor)
        target_row = max(0, min(row + delta, len(self._lines) - 1))
        if target_row == row:
            offset = line.start if delta < 0 else line.end
        else:
            target = self._lines[target_row]
            offset = target.map.offset_at(goal - self._pad(target))
        self.move_cursor(offset, extend=extend, keep_goal=True)
        self._goal_x = goal

    def action_cursor_page(self, delta: int) -> None:
        height = max((self.scrollable_content_region.height or 1) - 1, 1)
        self.scroll_to(y=self.scroll_y + delta * height, animate=False)
        self.action_cursor_line(delta * height)

    def action_cursor_edge(self, delta: int) -> None:
        self.move_cursor(0 if delta < 0 else len(self.article.text))
        if delta > 0:
            self.scroll_end(animate=False)

    def action_cursor_word(self, side: str, extend: bool = False) -> None:
        """One word in visual direction: in a right-to-left paragraph, left is forward."""
        rtl = self._lines[self._row_of(self.cursor)].rtl if self._lines else True
        forward = (side == "left") == rtl
        text = self.article.text
        offset = next_word_start(text, self.cursor) if forward else previous_word_start(text, self.cursor)
        self.move_cursor(offset, extend=extend)

    def action_toggle_selecting(self) -> None:
        self.selecting = not self.selecting
        if self.selecting:
            self.selection_anchor = self.cursor
        self.refresh()
        self._announce()

    def action_select_sentence(self) -> None:
        start, end = sentence_at(self.article.text, self.cursor)
        self.selecting = False
        self.select(start, end)

    def action_clear(self) -> None:
        """Escape: clear the selection, then the search; with nothing to clear, leave the article."""
        if self.selection or self.selecting:
            self.selecting = False
            self.selection_anchor = None
        elif self.search_query:
            self.set_search("")
        else:
            self.screen.action_back()  # type: ignore[attr-defined]
            return
        self.refresh()
        self._announce()

    # --- claims ---------------------------------------------------------------

    def set_claims(self, claims: list[Claim]) -> None:
        """The claims to highlight, in reading order.

        Every row drawn asks which claims touch it, so that must not cost the
        number of claims: claims up to ``LONG_CLAIM`` characters are found by
        looking back from the row only as far as the longest of them; the few
        longer ones are kept apart and always looked at.
        """
        self.claims = sorted(claims, key=lambda claim: (claim.anchor.start, claim.anchor.end))
        self._claim_starts = [claim.anchor.start for claim in self.claims]
        self._long_claims = [c for c in self.claims if c.anchor.end - c.anchor.start > LONG_CLAIM]
        self._short_claims = [c for c in self.claims if c.anchor.end - c.anchor.start <= LONG_CLAIM]
        self._short_starts = [claim.anchor.start for claim in self._short_claims]
        self._short_reach = max((c.anchor.end - c.anchor.start for c in self._short_claims), default=0)
        self.refresh()

    def _claims_near(self, start: int, end: int) -> list[Claim]:
        """Claims that may touch [start, end]: long ones first, then short ones by start (inner drawn last)."""
        low = bisect_left(self._short_starts, start - self._short_reach)
        return [*self._long_claims, *self._short_claims[low:bisect_right(self._short_starts, end)]]

    def claim_at(self, offset: int) -> Claim | None:
        """The innermost claim covering ``offset`` (the cursor), if any."""
        found = None
        for claim in self._claims_near(offset, offset):
            if claim.anchor.start <= offset < claim.anchor.end or (offset == claim.anchor.end == claim.anchor.start):
                if found is None or claim.anchor.end - claim.anchor.start <= found.anchor.end - found.anchor.start:
                    found = claim
        return found

    def action_next_claim(self, step: int = 1) -> None:
        """Select the next (or previous) claim after the cursor, wrapping around."""
        if not self.claims:
            self.notify("no claims in this article yet: select text and press c", severity="information")
            return
        selection = self.selection
        here = selection[0] if selection else self.cursor
        if step > 0:
            index = bisect_right(self._claim_starts, here) % len(self.claims)
        else:
            index = (bisect_left(self._claim_starts, here) - 1) % len(self.claims)
        anchor = self.claims[index].anchor
        self.selecting = False
        self.select(anchor.start, anchor.end)

    def set_suggestions(self, spans: list[tuple[int, int]]) -> None:
        """Faint marks on suggested attributions (empty: none). Spans may overlap; they are drawn alike."""
        self.suggestions = sorted(spans)
        self._suggestion_starts = [start for start, _ in self.suggestions]
        self._suggestion_reach = max((end - start for start, end in self.suggestions), default=0)
        self.refresh()

    # --- search ---------------------------------------------------------------

    def set_search(self, query: str) -> int:
        """Highlight every match of ``query`` (Arabic-normalised); returns how many there are."""
        self.search_query = query
        if query.strip():
            if self._folded is None:
                self._folded = FoldedText.of(self.article.text)
            self.matches = self._folded.find_all(query)
        else:
            self.matches = []
        self._match_starts = [start for start, _ in self.matches]
        self.refresh()
        self._announce()
        return len(self.matches)

    def action_next_match(self, step: int = 1) -> None:
        """Select the next (or previous) match after the cursor, wrapping around."""
        if not self.matches:
            if self.search_query:
                self.notify(f"no match for {self.search_query!r}", severity="warning")
            return
        selection = self.selection
        here = selection[0] if selection else self.cursor
        if step > 0:
            index = bisect_right(self._match_starts, here) % len(self.matches)
            if not selection and self.cursor in self._match_starts:
                index = self._match_starts.index(self.cursor)
        else:
            index = (bisect_left(self._match_starts, here) - 1) % len(self.matches)
        self.selecting = False
        self.select(*self.matches[index])

    def on_key(self, event: events.Key) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._interactive_until = monotonic() + INTERACTIVE_PAUSE

    # --- mouse ------------------------------------------------------------------

    def _offset_at_event(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or not self._lines:
            return None
        row = int(self.scroll_y) + offset.y
        if row >= len(self._lines):
            return len(self.article.text)
        line = self._lines[row]
        return line.map.offset_at(offset.x - self._pad(line))

    async def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        offset = self._offset_at_event(event)
        if offset is None:
            return
        self.focus()
        self.selecting = False
        self.move_cursor(offset, extend=event.shift)
        self._dragging = True
        self.capture_mouse()

    async def on_click(self, event: events.Click) -> None:
        if event.chain == 2:
            offset = self._offset_at_event(event)
            word = word_at(self.article.text, offset) if offset is not None else None
            if word:
                self.select(*word)

    async def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        offset = self._offset_at_event(event)
        if offset is not None and offset != self.cursor:
            if self.selection_anchor is None:
                self.selection_anchor = self.cursor
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

    def _marks_on(self, line: VisualLine) -> tuple[object, ...]:
        """What highlights touch ``line``: part of the strip cache key, empty for most lines."""
        start, end = line.start, max(line.end, line.start + 1)
        marks: list[object] = []
        if start <= self.cursor <= end and self.has_focus:
            marks.append(("cursor", self.cursor))
        selection = self.selection
        if selection and selection[0] < end and selection[1] > start:
            marks.append(("selection", *selection))
        if self.claims:
            for claim in self._claims_near(start, end - 1):
                if claim.anchor.end > start and claim.anchor.start < end:
                    marks.append(("claim", claim.anchor.start, claim.anchor.end, claim.status))
        if self.suggestions:  # spans overlap little; none is longer than _suggestion_reach
            low = bisect_left(self._suggestion_starts, start - self._suggestion_reach)
            for span in self.suggestions[low:bisect_left(self._suggestion_starts, end)]:
                if span[1] > start:
                    marks.append(("suggestion", *span))
        if self.matches:
            first = max(bisect_right(self._match_starts, start) - 1, 0)
            for match in self.matches[first:bisect_left(self._match_starts, end)]:
                if match[1] > start:
                    marks.append(("match", *match))
        return tuple(marks)

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if row >= len(self._lines):
            return Strip.blank(width, self._base_style())
        self._schedule_prefetch()
        return self._strip_of(row, width)

    def _strip_of(self, row: int, width: int) -> Strip:
        line = self._lines[row]
        marks = self._marks_on(line)
        key = (row, width, self._generation, marks)
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
        if rows is None:
            top = int(self.scroll_y)
            below = range(top + height, min(top + 2 * height, len(self._lines)))
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
            if row < len(self._lines):
                self._strip_of(row, width)
        if rows[PREFETCH_ROWS:]:
            self.call_later(self._prefetch, rows[PREFETCH_ROWS:])
        else:
            self._prefetch_pending = False

    def _line_style(self, line: VisualLine, base: Style) -> Style:
        if line.paragraph == self._title_paragraph:
            return base + self.get_component_rich_style("article-view--title", partial=True)
        if line.paragraph in self._dimmed:
            # Not partial: a muted colour is an alpha blend, only resolved against the background.
            return base + self.get_component_rich_style("article-view--repeated", partial=False)
        return base

    def _render_row(self, line: VisualLine, width: int, base: Style, marks: tuple[object, ...]) -> Strip:
        style = self._line_style(line, base)
        pad = self._pad(line)
        if not marks:
            segments = [Segment(" " * pad, base)] if pad else []
            segments.append(Segment(line.text, style))
            return Strip(segments).crop_extend(0, width, base)
        ranges, has_cursor = self._highlights(marks)
        whole = None if has_cursor else self._whole_line_style(line, style, ranges)
        if whole is not None:  # one style for the whole line: no cell map needed (most claim lines)
            segments = [Segment(" " * pad, base)] if pad else []
            segments.append(Segment(line.text, whole))
            return Strip(segments).crop_extend(0, width, base)
        cells = cell_strings(line)
        spans = line.map.spans
        if len(cells) != len(spans):  # never expected; draw plainly rather than wrongly
            return Strip([Segment(" " * pad, base), Segment(line.text, style)]).crop_extend(0, width, base)
        cursor_style = self.get_component_rich_style("article-view--cursor", partial=True)
        cursor_x = line.map.cell_of(self.cursor) if has_cursor else None
        segments: list[Segment] = []
        if pad:
            if cursor_x == -1:
                segments.append(Segment(" " * (pad - 1), base))
                segments.append(Segment(" ", base + cursor_style))
            else:
                segments.append(Segment(" " * pad, base))
        # A cell's style is the line's plus each highlight over it: added up once per set of highlights
        # (not per cell: Style addition is the costly part), and neighbouring cells alike share a segment.
        # Which highlights cover an offset changes only at their ends: one bisect a cell finds its piece.
        bounds = sorted({edge for _, a, b in ranges for edge in (a, b)})
        piece_keys = [tuple(i for i, (_, a, b) in enumerate(ranges) if a <= at < b)
                      for at in [bounds[0] - 1 if bounds else 0, *bounds]]
        combined: dict[tuple[int, ...], Style] = {}
        run: list[str] = []
        run_key: tuple[int, ...] | None = None
        for x, (text, (start, _)) in enumerate(zip(cells, spans)):
            if not text:
                continue
            key = piece_keys[bisect_right(bounds, start)]
            if x == cursor_x:
                key += (-1,)
            if key != run_key:
                if run:
                    segments.append(Segment("".join(run), combined[run_key]))  # type: ignore[index]
                run, run_key = [], key
                if key not in combined:
                    cell_style = style
                    for i in key:
                        cell_style = cell_style + (cursor_style if i == -1 else ranges[i][0])
                    combined[key] = cell_style
            run.append(text)
        if run:
            segments.append(Segment("".join(run), combined[run_key]))  # type: ignore[index]
        if cursor_x is not None and cursor_x >= len(cells) and not pad:
            segments.append(Segment(" ", base + cursor_style))
        return Strip(segments).crop_extend(0, width, base)

    def _highlights(self, marks: tuple[object, ...]) -> tuple[list[tuple[Style, int, int]], bool]:
        """The marks' styles over their offset ranges, in drawing order (claims and suggestions first,
        selection and matches over them), and whether the cursor is on the line."""
        below: list[tuple[Style, int, int]] = []
        above: list[tuple[Style, int, int]] = []
        styles: dict[str, Style] = {}  # a row holds several claims of one status
        has_cursor = False
        for mark in marks:
            kind = mark[0]  # type: ignore[index]
            if kind == "cursor":
                has_cursor = True
                continue
            component = (f"article-view--claim-{mark[3]}" if kind == "claim"  # type: ignore[index]
                         else f"article-view--{kind}")
            if component not in styles:
                styles[component] = self.get_component_rich_style(component, partial=True)
            (below if kind in ("claim", "suggestion") else above).append(
                (styles[component], mark[1], mark[2]))  # type: ignore[index]
        return below + above, has_cursor

    def _whole_line_style(self, line: VisualLine, style: Style, ranges: list[tuple[Style, int, int]]) -> Style | None:
        """The line's style when every highlight on it covers all of it, else None."""
        start, end = line.start, line.end
        if end <= start or any(a > start or b < end for _, a, b in ranges):
            return None
        whole = style
        for highlight, _, _ in ranges:
            whole = whole + highlight
        return whole

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._announce()

    def _announce(self) -> None:
        """Tell the screen where the top of the view is (for the status line)."""
        if self._lines:
            row = min(int(self.scroll_y), len(self._lines) - 1)
            fraction = 1.0 if self.max_scroll_y == 0 else self.scroll_y / self.max_scroll_y
            self.post_message(self.Moved(self, self._lines[row].paragraph, fraction))

    @property
    def top_paragraph(self) -> int:
        if not self._lines:
            return 0
        return self._lines[min(int(self.scroll_y), len(self._lines) - 1)].paragraph
