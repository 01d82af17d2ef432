"""The article view's drawing: a document's rows as ``Strip``s.

``ArticleStrips`` is the Line-API half of the article view: ``render_line``
turns a screen row into a document row, draws it (the line's style, then
each highlight's over the cells it covers, then the cursor) and keeps the
strip in a cache whose key holds everything that changes a row. It declares
the view's component classes, whose styles the highlights are drawn in.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..annotations.model import STATUSES
from ..document import CURSOR, Document, Mark, cell_runs, covers_whole_line, layers
from ..text.layout import VisualLine


class ArticleStrips(ScrollView):
    """Draws the rows of a ``Document`` as cached strips, right-to-left lines padded to the right edge."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--repeated",
        "article-view--title",
        "article-view--cursor",
        "article-view--selection",
        "article-view--match",
        "article-view--suggestion",
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
    ArticleStrips {
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

    def __init__(
        self, document: Document, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        #: The article laid out, the cursor, the selection and the highlights: everything but the drawing.
        self.document = document
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._styles: Style | None = None

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

    # The cursor is drawn only while the view has the focus (``Document.marks_on``).

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
