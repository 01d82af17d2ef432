"""The article view: a Line-API scroll view over the text engine's visual lines.

Only the rows on screen are drawn (``render_line``), from the engine's lazy
layout. The first screenful is laid out at once; the rest of the article is
laid out in a worker thread so a 5 MB article opens as fast as a short one,
and the scrollbar grows as the worker goes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from ..article import Article
from ..text.layout import ArticleLayout, LayoutOptions, VisualLine

#: Visual lines laid out on the UI thread before the worker takes over.
FIRST_SCREEN_LINES = 200
#: Paragraphs the worker lays out between two hand-overs to the UI thread.
WORKER_CHUNK = 400


class ArticleView(ScrollView, can_focus=True):
    """Shows an article shaped and ordered, right-to-left paragraphs right-aligned.

    | key | action |
    |---|---|
    | ↑ ↓ | one visual line |
    | PgUp PgDn space | one page |
    | g G home end | top / bottom |
    | h | hide or show harakat (Arabic vowel marks) |
    | r | hide or show repeated lines and the related-news block |
    | t | paragraph direction: from the text, right to left, left to right |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Up", show=False),
        Binding("down,j", "scroll_down", "Down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("h", "toggle_harakat", "Harakat"),
        Binding("r", "toggle_repeated", "Repeats"),
        Binding("t", "cycle_direction", "Direction"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-view--repeated", "article-view--title"}
    """
    | class | what |
    |---|---|
    | `article-view--repeated` | a line that repeats an earlier one (scraped title, related headlines) |
    | `article-view--title` | the article's title line |
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
    }
    """

    class Moved(Message):
        """The top of the view now shows another place in the article."""

        def __init__(self, view: ArticleView, paragraph: int, fraction: float) -> None:
            super().__init__()
            self.view = view
            self.paragraph = paragraph
            self.fraction = fraction

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(self, article: Article, *, bidi: str = "app", harakat: bool = True,
                 name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article = article
        self.bidi = bidi
        self.harakat = harakat
        self.hide_repeated = False
        self.direction: str | None = None
        self._lines: list[VisualLine] = []
        self._complete = False
        self._generation = 0
        self._width = 0
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._title_paragraph = self._find_title()

    def _find_title(self) -> int | None:
        title = self.article.metadata.title
        if not title:
            return None
        for paragraph in self.article.paragraphs[:40]:
            if self.article.paragraph_text(paragraph.index).strip() == title:
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
        return LayoutOptions(width=max(width, 2), bidi=self.bidi, harakat=self.harakat,  # type: ignore[arg-type]
                             direction=self.direction)  # type: ignore[arg-type]

    def _shown(self, paragraph: int) -> bool:
        """False for paragraphs the reader asked to hide (repeats of earlier lines, related news)."""
        return not (self.hide_repeated and (paragraph in self.article.repeated or paragraph in self.article.related))

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
        """The view's toggles, for the status line."""
        parts = []
        if not self.harakat:
            parts.append("harakat hidden")
        if self.hide_repeated:
            parts.append("repeats hidden")
        if self.direction:
            parts.append(f"forced {self.direction}")
        return " · ".join(parts)

    def on_resize(self, event: Resize) -> None:
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
        target = self.article.paragraph_at(top_offset) if self.article.text else 0
        while paragraph < count and (len(lines) < FIRST_SCREEN_LINES or paragraph <= target):
            if self._shown(paragraph):
                lines.extend(layout.paragraph_lines(paragraph))
            paragraph += 1
        self._lines = lines
        self._complete = paragraph >= count
        self._update_size()
        self.scroll_to(y=self._row_of(top_offset), animate=False)
        self._announce()
        if not self._complete:
            self._lay_out_rest(self._generation, width, paragraph)

    def _row_of(self, offset: int) -> int:
        """The row that shows ``offset``, or the first row after it (its paragraph may be hidden)."""
        for row, line in enumerate(self._lines):
            if offset < max(line.end, line.start + 1):
                return row
        return max(len(self._lines) - 1, 0)

    @work(thread=True, exclusive=True, group="layout")
    def _lay_out_rest(self, generation: int, width: int, first: int) -> None:
        worker = get_current_worker()
        layout = ArticleLayout(self.article.paragraphs, self.article.text, self._options(width), cache_size=1)
        count = layout.paragraph_count
        paragraph = first
        while paragraph < count:
            if worker.is_cancelled or generation != self._generation:
                return
            chunk: list[VisualLine] = []
            stop = min(paragraph + WORKER_CHUNK, count)
            for index in range(paragraph, stop):
                if self._shown(index):
                    chunk.extend(layout.paragraph_lines(index))
            paragraph = stop
            self.app.call_from_thread(self._extend, generation, chunk, paragraph >= count)

    def _extend(self, generation: int, chunk: list[VisualLine], done: bool) -> None:
        if generation != self._generation:
            return
        self._lines.extend(chunk)
        self._complete = done
        self._update_size()
        self._announce()

    def _update_size(self) -> None:
        self.virtual_size = Size(self._width, len(self._lines))

    # --- drawing ------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self._lines):
            return Strip.blank(width, base)
        key = (row, width, self._generation)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(self._lines[row], width, base)
            self._strips[key] = strip
        return strip

    def _render_row(self, line: VisualLine, width: int, base: Style) -> Strip:
        style = base
        if line.paragraph == self._title_paragraph:
            style = base + self.get_component_rich_style("article-view--title", partial=True)
        elif line.paragraph in self.article.repeated or line.paragraph in self.article.related:
            style = base + self.get_component_rich_style("article-view--repeated", partial=True)
        text = line.text
        length = line.cell_length
        segments = []
        if line.rtl and self.bidi == "app" and length < width:
            segments.append(Segment(" " * (width - length), base))
        segments.append(Segment(text, style))
        return Strip(segments).crop_extend(0, width, base)

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
