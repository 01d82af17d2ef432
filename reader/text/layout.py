"""From a paragraph of logical text to visual lines a terminal can draw, with maps back.

The pipeline (DESIGN.md, "Rendering right-to-left text in a terminal"):

1. make the text display-safe (control characters become visible symbols),
2. shape Arabic in logical order (same length, so offsets carry over),
3. resolve bidi levels for the whole paragraph,
4. wrap in logical order at spaces by cell width,
5. per line: L1/L2 reordering, L3 (marks stay after their letter), L4 mirroring.

Every offset here is a code-point offset into the article's text. This
module is the engine's front door: ``layout_paragraph`` for one paragraph
and the lazy, cached ``ArticleLayout`` for a whole article. The work is done
by ``paragraph_layout`` (steps 1–3 and 5), ``wrapping`` (step 4) and
``visual_line`` (the lines and cell maps handed out).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from .paragraph_layout import DOTTED_CIRCLE, ParagraphLayout
from .visual_line import MIN_WIDTH, BidiMode, CellMap, Direction, LayoutOptions, VisualLine
from .wrapping import wrap

__all__ = [
    "DOTTED_CIRCLE",
    "MIN_WIDTH",
    "ArticleLayout",
    "BidiMode",
    "CellMap",
    "Direction",
    "LayoutOptions",
    "Span",
    "VisualLine",
    "layout_paragraph",
    "wrap",
]


class Span(Protocol):
    """A paragraph's place in the article text (``reader.article.Paragraph`` is one)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class ArticleLayout:
    """Lazy, cached layout of a whole article: only the paragraphs asked for are laid out.

    The reader asks for the paragraphs on screen; ``qari render`` walks all
    of them. Laying out a screenful costs the same in a 5 KB and a 5 MB
    article: nothing here touches paragraphs that were not asked for.
    """

    def __init__(self, paragraphs: Sequence[Span], text: str, options: LayoutOptions, cache_size: int = 4096) -> None:
        self._paragraphs = paragraphs
        self._text = text
        self.options = options
        self._cache: dict[int, list[VisualLine]] = {}
        self._cache_size = cache_size

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs the article has."""
        return len(self._paragraphs)

    def paragraph_lines(self, index: int) -> list[VisualLine]:
        """The visual lines of one paragraph, laid out on first use and kept (LRU-ish, bounded)."""
        lines = self._cache.get(index)
        if lines is None:
            lines = self._lay_out(index, self._paragraphs[index])
        return lines

    def _lay_out(self, index: int, span: Span) -> list[VisualLine]:
        if span.start == span.end:  # a blank line between paragraphs: half of a news article's lines
            lines = [VisualLine(index, span.start, span.start, self.options.direction != "ltr", "", None, span.start)]
        else:
            lines = ParagraphLayout(self._text[span.start : span.end], span.start, self.options).lines(index)
        if len(self._cache) >= self._cache_size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[index] = lines
        return lines

    def lines(self, first_paragraph: int = 0) -> Iterator[VisualLine]:
        """Visual lines from ``first_paragraph`` on, laid out as they are read."""
        if first_paragraph == 0:
            # Iterating hands out the paragraphs faster than indexing (reader.article.Paragraphs makes
            # each one on demand), which a whole article's layout notices.
            spans: Iterable[Span] = self._paragraphs
        else:
            spans = (self._paragraphs[index] for index in range(first_paragraph, len(self._paragraphs)))
        cached = self._cache.get
        for index, span in enumerate(spans, first_paragraph):
            yield from cached(index) or self._lay_out(index, span)


def layout_paragraph(text: str, options: LayoutOptions, offset: int = 0, index: int = 0) -> list[VisualLine]:
    """Visual lines of one paragraph (no newline inside), offsets counted from ``offset``."""
    return ParagraphLayout(text, offset, options).lines(index)
