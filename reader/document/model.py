"""The Document: an article as the reader shows it, with everything a view needs but the drawing.

It holds the article, its rows laid out at the view's width, the cursor and
the selection, and the highlights (claims, suggestions, search matches), and
answers every question a view asks in logical offsets: which row shows this
offset, which offset this cell draws, where ↑ or ← leads, what touches this
row. A view turns keys and clicks into the calls below and draws the rows;
nothing here knows about a terminal, Textual or Rich, so all of it can be
tested on plain strings.

The layout is lazy: ``relayout`` lays out a screenful (and the paragraphs
up to the cursor), and ``rest_of_layout`` hands the remaining paragraphs to a
worker a chunk at a time. Every relayout bumps ``generation``; chunks made
for an older one are dropped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..annotations.model import Claim
from ..article import Article
from ..text.layout import VisualLine
from ..text.search import paragraph_around, sentence_at, word_at
from .highlights import EMPTY, ClaimIndex, Mark, Search, Span, SpanIndex, marks_on, step_index
from .moves import Side, line_target, word_target
from .rows import RestOfLayout, Rows, Settings, first_rows
from .selection import Caret


def find_title(article: Article) -> int | None:
    """The paragraph that holds the article's title (among the first 40), if the title is known."""
    title = article.metadata.title
    if not title:
        return None
    for paragraph in article.paragraphs[:40]:
        if article.paragraph_text(paragraph.index).strip() == title:
            return paragraph.index
    return None


class Document:
    """An article laid out for a view, with a cursor, a selection and highlights.

    Every offset is a code-point offset into ``article.text``.
    """

    def __init__(self, article: Article, settings: Settings | None = None) -> None:
        self.article = article
        self.settings = settings or Settings()
        #: Bumped by every relayout: rows and chunks of an older layout are stale.
        self.generation = 0
        self.rows = Rows(article, [], 0, self.settings.bidi)
        #: True once every paragraph has rows.
        self.complete = False
        self._rest_from = 0  # the first paragraph the first screen left for the background
        # Guesses from the article's beginning for the first screen; refine_guesses makes the full ones.
        self._beginning = article.beginning()
        #: Paragraphs drawn dimmed: repeats of earlier lines and related-news headlines.
        self.dimmed: frozenset[int] = self._beginning.repeated | self._beginning.related
        #: The paragraph that is the article's title line, if found.
        self.title_paragraph = find_title(self._beginning)
        self.caret = Caret()
        self._claims = ClaimIndex()
        self._suggestions = EMPTY
        self._search = Search(lambda: article.text)  # at the first search: a big file's rest may not be decoded yet

    # --- layout -------------------------------------------------------------

    @property
    def width(self) -> int:
        """The view's width in cells (0 before the first layout)."""
        return self.rows.width

    @property
    def lines(self) -> list[VisualLine]:
        """The visual lines laid out so far, one per row."""
        return self.rows.lines

    def relayout(self, width: int, top_row: int = 0) -> int:
        """Lay the article out again for a view ``width`` cells wide; returns the row of what was at ``top_row``.

        The rows laid out at once cover a screenful and the cursor's
        paragraph; ``rest_of_layout`` gives the others.
        """
        rows = self.rows
        top_offset = rows.lines[top_row].start if 0 <= top_row < len(rows) else 0
        self.generation += 1
        # At the top of the article (the first layout) no paragraph table is needed: building it for a
        # 5 MB article costs more than the first screen.
        wanted = max(top_offset, self.caret.offset)
        through = (
            max(self.article.paragraph_at(top_offset), self.article.paragraph_at(self.caret.offset)) if wanted else 0
        )
        lines, self._rest_from = first_rows(self.article, self.settings, width, through)
        self.rows = Rows(self.article, lines, width, self.settings.bidi)
        self.complete = self._rest_from >= self.article.paragraph_count
        return self.rows.row_of(top_offset)

    def configure(self, top_row: int = 0, **changes: Any) -> int:
        """Change the settings (``harakat=False``, ``hide_repeated=True``…) and lay out again; returns the new top row."""
        self.settings = replace(self.settings, **changes)
        if not self.width:  # not laid out yet: the first relayout will use them
            return 0
        return self.relayout(self.width, top_row)

    def rest_of_layout(self) -> RestOfLayout:
        """The paragraphs the last relayout left, to lay out in a worker and hand to ``extend``."""
        return RestOfLayout(self.article, self.settings, self.width, self._rest_from, self.generation)

    def extend(self, generation: int, chunk: list[VisualLine], done: bool) -> bool:
        """Add a chunk from ``rest_of_layout``; False (and nothing added) if it belongs to an older layout."""
        if generation != self.generation:
            return False
        self.rows.extend(chunk)
        self.complete = done
        return True

    def refine_guesses(self) -> frozenset[int] | None:
        """The dimmed paragraphs guessed from the whole article (slow on a big one: for a worker), or None if
        the first guess already saw all of it."""
        if self._beginning is self.article:
            return None
        return self.article.repeated | self.article.related

    def set_dimmed(self, generation: int, dimmed: frozenset[int]) -> bool:
        """Take the full guess from ``refine_guesses``; True if what is dimmed changed."""
        if generation != self.generation or dimmed == self.dimmed:
            return False
        self.dimmed = dimmed
        return True

    def top_paragraph(self, top_row: int) -> int:
        """The paragraph shown at ``top_row`` (0 with nothing laid out)."""
        if not self.rows.lines:
            return 0
        return self.rows.lines[min(top_row, len(self.rows) - 1)].paragraph

    def top_row_showing(self, first: tuple[int, int], then: tuple[int, int], top: int, height: int) -> int:
        """The top row for a view ``height`` rows high that shows ``first`` and as much of ``then`` as fits.

        The suggestion review shows a source and its claim: the source must be seen, the claim
        as far as the screen allows. Of the tops that do that, the one nearest ``top`` (no jump
        when both are in sight already).
        """
        rows = self.rows

        def span_rows(span: tuple[int, int]) -> tuple[int, int]:
            return rows.row_of(span[0]), rows.row_of(max(span[0], span[1] - 1))

        (f0, f1), (t0, t1) = span_rows(first), span_rows(then)
        height = max(height, 1)
        low, high = f1 - height + 1, f0  # the tops that show all of ``first``
        if low > high:  # taller than the view: its start
            return max(f0, 0)

        def score(y: int) -> tuple[int, int, int]:
            shown = min(t1, y + height - 1) - max(t0, y) + 1  # rows of ``then`` in sight; less than 0: the gap
            return max(shown, 0), min(shown, 0), -abs(y - top)

        tops = {min(max(y, low), high) for y in (top, t0, t1 - height + 1)}
        return max(0, max(tops, key=score))

    # --- cursor and selection -------------------------------------------------

    @property
    def cursor(self) -> int:
        return self.caret.offset

    @property
    def selection(self) -> Span | None:
        """The selected logical range, or None."""
        return self.caret.selection

    @property
    def selected_text(self) -> str:
        selection = self.caret.selection
        return self.article.text[selection[0] : selection[1]] if selection else ""

    def move_to(self, offset: int, *, extend: bool = False, keep_goal: bool = False) -> None:
        """Put the cursor at ``offset`` (clamped to the text); ``extend`` keeps or starts a selection."""
        self.caret.move(max(0, min(offset, len(self.article.text))), extend=extend, keep_goal=keep_goal)

    def select(self, start: int, end: int) -> None:
        """Select [start, end), the cursor at the end."""
        self.caret.select(start, end)

    def move_lines(self, delta: int, extend: bool = False) -> None:
        """Move ``delta`` visual rows (negative: up), keeping to the column the first of these moves started at."""
        if not self.rows.lines:
            return
        offset, goal = line_target(self.rows, self.caret.offset, self.caret.goal_x, delta)
        self.move_to(offset, extend=extend, keep_goal=True)
        self.caret.goal_x = goal

    def move_word(self, side: Side, extend: bool = False) -> None:
        """One word towards ``side`` of the screen: in a right-to-left line, left is the next word."""
        rows = self.rows
        rtl = rows.lines[rows.row_of(self.caret.offset)].rtl if rows.lines else True
        self.move_to(word_target(self.article.text, self.caret.offset, rtl, side), extend=extend)

    def move_to_edge(self, delta: int) -> None:
        """To the start of the text (``delta`` < 0) or its end."""
        self.move_to(0 if delta < 0 else len(self.article.text))

    def toggle_selecting(self) -> None:
        self.caret.toggle_selecting()

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset``; the whole line in the title or any other headline («..» ends nothing there).

        Only a title the file states (header, saved page) is trusted whatever it holds; a guessed one
        may be the first body line, and is one sentence only if it looks like a headline.
        """
        article = self.article
        stated = article.stated is not None and article.stated.title
        if stated and self.title_paragraph is not None and article.paragraph_at(offset) == self.title_paragraph:
            return paragraph_around(article.text, offset)
        return sentence_at(article.text, offset)

    def select_sentence(self) -> None:
        """Select the sentence around the cursor (and leave selection mode)."""
        self.caret.selecting = False
        self.select(*self.sentence_at(self.caret.offset))

    def select_word_at(self, offset: int) -> bool:
        """Select the word at ``offset``; False on a space or punctuation."""
        word = word_at(self.article.text, offset)
        if word:
            self.select(*word)
        return word is not None

    def clear(self) -> str:
        """Clear the selection, else the search; says which ("selection", "search"), or "" for nothing."""
        if self.caret.clear():
            return "selection"
        if self._search.query:
            self.set_search("")
            return "search"
        return ""

    # --- highlights -------------------------------------------------------------

    @property
    def claims(self) -> list[Claim]:
        """The claims highlighted, in reading order."""
        return self._claims.claims

    def set_claims(self, claims: list[Claim]) -> None:
        self._claims = ClaimIndex(claims)

    def claim_at(self, offset: int) -> Claim | None:
        """The innermost claim covering ``offset``, if any."""
        return self._claims.at(offset)

    def next_claim(self, step: int = 1) -> bool:
        """Select the next (or previous) claim after the cursor, wrapping around; False with no claims."""
        claims = self._claims
        if not claims.claims:
            return False
        selection = self.selection
        anchor = claims.claims[step_index(claims.starts, selection[0] if selection else self.cursor, step)].anchor
        self.caret.selecting = False
        self.select(anchor.start, anchor.end)
        return True

    @property
    def suggestions(self) -> list[Span]:
        """Suggested attributions' spans (sources and claims), faintly marked, by start."""
        return self._suggestions.spans

    def set_suggestions(self, spans: list[Span]) -> None:
        """Spans to mark as suggestions (empty: none); they may overlap and are drawn alike."""
        self._suggestions = SpanIndex.of(spans)

    @property
    def search_query(self) -> str:
        return self._search.query

    @property
    def matches(self) -> list[Span]:
        """The search matches, in reading order."""
        return self._search.matches.spans

    def set_search(self, query: str) -> int:
        """Highlight every match of ``query`` (Arabic-normalised); returns how many there are."""
        return self._search.set(query)

    @property
    def match_position(self) -> int | None:
        """Which match (1-based) the selection is, or None when it is not one."""
        return self._search.position_of(self.selection)

    def next_match(self, step: int = 1) -> bool:
        """Select the next (or previous) match after the cursor, wrapping around; False with no match."""
        match = self._search.next_from(self.cursor, self.selection, step)
        if match is None:
            return False
        self.caret.selecting = False
        self.select(*match)
        return True

    def marks_on(self, line: VisualLine, show_cursor: bool = True) -> tuple[Mark, ...]:
        """What is highlighted on ``line`` (the cursor only if ``show_cursor``): empty for most lines."""
        return marks_on(
            line.start,
            max(line.end, line.start + 1),
            self.caret.offset if show_cursor else None,
            self.selection,
            self._claims,
            self._suggestions,
            self._search.matches,
        )
