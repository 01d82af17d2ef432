"""The article's visual rows: which lines are laid out so far, and the maps between rows, cells and offsets.

A row is one visual line on screen, counted from the top of the article.
Only paragraphs the reader has not hidden have rows. The first screenful is
laid out at once (``first_rows``); the rest comes in chunks from a
``RestOfLayout``, which owns its own ``ArticleLayout`` so it can run in a
worker thread while the rows already laid out are read on the UI thread.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from ..article import Article, Paragraphs
from ..text.layout import ArticleLayout, LayoutOptions, VisualLine

BidiMode = Literal["app", "terminal"]
Direction = Literal["rtl", "ltr"]

#: Visual lines laid out at once before the rest goes to the background (two tall screens).
FIRST_SCREEN_LINES = 120
#: Paragraphs laid out per chunk of the background layout.
WORKER_CHUNK = 100


@dataclass(frozen=True, slots=True)
class Settings:
    """How the reader asked to see the article; changing any of these means laying it out again."""

    bidi: BidiMode = "app"
    harakat: bool = True
    #: A forced paragraph direction; None: each paragraph's own, from its first strong letter.
    direction: Direction | None = None
    #: Hide repeats of earlier lines and the related-news block (``r``).
    hide_repeated: bool = False
    #: Lines are at most this wide (a reading column) even in a wider window.
    wrap_width: int | None = None

    def layout_options(self, width: int) -> LayoutOptions:
        """The engine's options for a view ``width`` cells wide."""
        if self.wrap_width:
            width = min(width, self.wrap_width)
        return LayoutOptions(width=max(width, 2), bidi=self.bidi, harakat=self.harakat, direction=self.direction)


def hidden_paragraphs(article: Article, settings: Settings) -> frozenset[int]:
    """Paragraphs without rows: none unless the reader hides repeats and related news."""
    if not settings.hide_repeated:
        return frozenset()
    return article.repeated | article.related


class Rows:
    """The visual lines laid out so far, and the maps between rows, cells and offsets.

    ``width`` is the view's width in cells: right-to-left lines are padded on
    the left to end at its right edge, so every map from a screen column to an
    offset goes through ``pad``.
    """

    __slots__ = ("_article", "bidi", "lines", "starts", "width")

    def __init__(self, article: Article, lines: list[VisualLine], width: int, bidi: BidiMode) -> None:
        self._article = article
        self.lines = lines
        self.starts = [line.start for line in lines]
        self.width = width
        self.bidi = bidi

    def __len__(self) -> int:
        return len(self.lines)

    def extend(self, chunk: list[VisualLine]) -> None:
        self.lines.extend(chunk)
        self.starts.extend(line.start for line in chunk)

    def row_of(self, offset: int) -> int:
        """The row that shows ``offset``, or the first row after it (its paragraph may be hidden)."""
        if not self.lines:
            return 0
        row = bisect_right(self.starts, offset) - 1
        if row < 0:
            return 0
        line = self.lines[row]
        if offset >= max(line.end, line.start + 1) and row + 1 < len(self.lines):
            # Past this line's end: the newline, or a hidden paragraph; the next row shows what follows.
            if self._article.paragraph_at(offset) != line.paragraph:
                return row + 1
        return row

    def pad(self, line: VisualLine) -> int:
        """Cells of right alignment before a line's text."""
        if line.rtl:  # in both modes: a right-to-left paragraph ends at the right edge
            return max(self.width - line.cell_length, 0)
        return 0

    def x_of(self, line: VisualLine, offset: int) -> int:
        """The screen column (inside the view's content) that draws ``offset`` on ``line``."""
        return self.pad(line) + line.map.cell_of(offset)

    def offset_at(self, row: int, x: int) -> int:
        """The logical offset drawn at screen column ``x`` of ``row`` (below the last row: the text's end)."""
        if row >= len(self.lines):
            return len(self._article.text)
        line = self.lines[row]
        return line.map.offset_at(x - self.pad(line))


def first_rows(
    article: Article, settings: Settings, width: int, through_paragraph: int
) -> tuple[list[VisualLine], int]:
    """A screenful of lines, and at least every paragraph up to ``through_paragraph``; and where they stop.

    Returns the lines and the index of the first paragraph not laid out
    (the paragraph count when the article is done).
    """
    layout = ArticleLayout(*_paragraphs_for_the_top(article, through_paragraph), settings.layout_options(width))
    hidden = hidden_paragraphs(article, settings)
    lines: list[VisualLine] = []
    paragraph = 0
    count = layout.paragraph_count
    while paragraph < count and (len(lines) < FIRST_SCREEN_LINES or paragraph <= through_paragraph):
        if paragraph not in hidden:
            lines.extend(layout.paragraph_lines(paragraph))
        paragraph += 1
    return lines, paragraph


def _paragraphs_for_the_top(article: Article, through_paragraph: int) -> tuple[Paragraphs, str]:
    """The paragraphs and text the first screen is laid out from.

    Opening at the top needs only the first paragraphs: they come from the
    article's beginning (whole paragraphs, index for index), so a 5 MB
    article does not build its whole paragraph table before its first frame.
    """
    if through_paragraph == 0:
        top = article.beginning()
        if top is article or article.head.startswith("\n", len(top.text)):
            return top.paragraphs, top.text
    return article.paragraphs, article.text


class RestOfLayout:
    """The paragraphs after the first screen, laid out a chunk at a time, safe to run in a worker thread.

    It reads the article and its own layout only, never the rows the UI
    thread is drawing; the caller hands each chunk over and drops them all
    when ``generation`` is no longer the document's.
    """

    def __init__(self, article: Article, settings: Settings, width: int, first: int, generation: int) -> None:
        self.generation = generation
        self._article = article
        self._options = settings.layout_options(width)
        self._settings = settings
        self._next = first
        self._layout: ArticleLayout | None = None
        self._hidden: frozenset[int] = frozenset()

    @property
    def done(self) -> bool:
        return self._next >= self._article.paragraph_count

    def chunk(self) -> list[VisualLine]:
        """The lines of the next ``WORKER_CHUNK`` paragraphs (hidden ones left out)."""
        if self._layout is None:
            # Here, in the worker: the paragraph table and the repeats of a 5 MB article cost more than
            # its first screen, which must not wait for them.
            self._hidden = hidden_paragraphs(self._article, self._settings)
            article = self._article
            self._layout = ArticleLayout(article.paragraphs, article.text, self._options, cache_size=1)
        stop = min(self._next + WORKER_CHUNK, self._layout.paragraph_count)
        lines: list[VisualLine] = []
        for index in range(self._next, stop):
            if index not in self._hidden:
                lines.extend(self._layout.paragraph_lines(index))
        self._next = stop
        return lines
