"""The model behind ``RtlInput``: its value laid out as a row of cells, the cursor's moves, the edits.

Everything a right-to-left field decides that is not drawing lives here, in
pure Python (no Textual, no Rich), so it can be tested and reused alone: what
may be typed or pasted, the field's direction, the row of cells the text
engine lays the value out as (``InputRow``: cell ⇄ logical offset, moves by
cluster and by word in visual direction, sideways scrolling), which range an
edit key removes, and which row cells a field's columns show.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..text.bidi import base_level_of
from ..text.layout import BidiMode, Direction, LayoutOptions, layout_paragraph
from ..text.unidata import char_cells

#: A logical range [start, end) of the value.
Span = tuple[int, int]

#: Wide enough that a single-line value is never wrapped by the engine.
_MIN_LAYOUT_WIDTH = 100_000

#: What a paste turns into a space: line breaks and tabs.
_BREAKS = {"\r\n": " ", "\r": " ", "\n": " ", "\t": " ", "\u2028": " ", "\u2029": " ", "\x85": " "}


def insertable(character: str) -> bool:
    """May ``character`` go into the value? Letters, marks (harakat), spaces, format
    characters such as ZWNJ: yes. Control characters, surrogates, line breaks: no."""
    category = unicodedata.category(character)
    return category not in ("Cc", "Cs", "Zl", "Zp")


def clean_paste(text: str) -> str:
    """Pasted text for a single-line field: line breaks and tabs become spaces, other controls go."""
    for old, new in _BREAKS.items():
        text = text.replace(old, new)
    return "".join(ch for ch in text if insertable(ch))


def _is_mark(character: str) -> bool:
    """A combining mark: it goes with the character before it."""
    return unicodedata.category(character) in ("Mn", "Me")


# --- The field's direction ---------------------------------------------------------------


def field_is_rtl(value: str, direction: Direction | None, default_direction: Direction) -> bool:
    """Is a field right-to-left: ``direction`` if forced, else the value's first strong character,
    else ``default_direction``?"""
    if direction is not None:
        return direction == "rtl"
    default = 1 if default_direction == "rtl" else 0
    return base_level_of(value, default) == 1


# --- The row of cells --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InputRow:
    """One laid-out value as a row of cells, with the extra cell where the cursor sits at the end.

    ``pieces[x]`` is what cell ``x`` draws (a letter with its marks; ``""`` for
    the second cell of a wide character); ``spans[x]`` the logical range it
    draws, the same for every cell of one cluster. Cell ``end_cell`` is blank,
    span ``(len, len)``: the line end, left of the text in a right-to-left
    field, right of it in a left-to-right one, where the cursor stands after
    the last character. Every cluster start is some cell's ``spans[x][0]``,
    so moving cell by cell reaches every place the cursor can be drawn.
    """

    pieces: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    rtl: bool
    length: int  # len(value)
    cell_for_offset: tuple[int, ...]  # len(value) + 1 entries
    align_right: bool = False
    """A right-to-left value in logical order (``--bidi terminal``): the row runs left to right, but a
    row that fits is drawn against the field's right edge, as the terminal's bidi expects."""

    @property
    def width(self) -> int:
        """Cells in the row, the line-end cell included."""
        return len(self.pieces)

    @property
    def end_cell(self) -> int:
        """The blank cell where the cursor stands after the last character."""
        return 0 if self.rtl else len(self.pieces) - 1

    def cell_of(self, offset: int) -> int:
        """The cell the cursor is drawn on when it stands before ``offset``."""
        return self.cell_for_offset[max(0, min(offset, self.length))]

    def offset_at(self, x: int) -> int:
        """The cursor offset for a click or a move to cell ``x`` (clamped to the row)."""
        return self.spans[max(0, min(x, len(self.spans) - 1))][0]

    def move(self, offset: int, step: int) -> int:
        """The offset one cluster to the left (``step`` -1) or right (+1) on screen."""
        x = self.cell_of(offset)
        here = self.spans[x]
        while 0 <= x + step < len(self.spans):
            x += step
            if self.spans[x] != here:
                return self.spans[x][0]
        return offset

    def move_word(self, offset: int, step: int, value: str) -> int:
        """The offset of the nearest word start (or the line end) to the left or right on screen."""
        x = self.cell_of(offset)
        while 0 <= x + step < len(self.spans):
            x += step
            start = self.spans[x][0]
            if start == self.length or start == 0:
                return start
            if value[start] != " " and value[start - 1] == " " and start != offset:
                return start
        return offset

    def window(self, cursor: int, width: int, scroll: int) -> tuple[int, int]:
        """The row cell drawn in a field's leftmost column (negative: blank columns first), and the new scroll.

        ``scroll`` is how far the row was scrolled from its start edge (right in
        a right-to-left field). The cursor is kept in view, moving as little as
        possible, so text added at the far end does not shift what is shown.
        """
        width = max(width, 1)
        overflow = max(0, self.width - width)
        if self.align_right and not overflow:
            return self.width - width, 0
        # Every cell of the cursor's cluster (both halves of a wide character) must show.
        first = self.cell_of(cursor)
        last = first
        while last + 1 < self.width and self.spans[last + 1] == self.spans[first]:
            last += 1
        if self.rtl:
            near, far = self.width - 1 - last, self.width - 1 - first
        else:
            near, far = first, last
        scroll = max(0, min(scroll, overflow))
        if near < scroll:
            scroll = near
        elif far >= scroll + width:
            scroll = far - width + 1
        if self.rtl:
            return self.width - width - scroll, scroll
        return scroll, scroll

    @classmethod
    def build(cls, value: str, *, rtl: bool, bidi: BidiMode = "app", harakat: bool = True) -> InputRow:
        """Lay ``value`` out as one line and add the cells the engine leaves out.

        The engine lets trailing spaces hang past the line edge (right for a
        paragraph); in a field the user must see the space they just typed, so
        they get blank cells at the line end, where UBA rule L1 puts them.
        """
        n = len(value)
        width = max(_MIN_LAYOUT_WIDTH, 2 * n + 8)
        options = LayoutOptions(width=width, bidi=bidi, harakat=harakat, direction="rtl" if rtl else "ltr")
        lines = layout_paragraph(value, options)
        pieces: list[str] = []
        spans: list[tuple[int, int]] = []
        if lines:
            line = lines[0]
            cell_map = line.map
            for ch in line.text:
                cells = char_cells(ch)
                if cells == 0 and pieces:
                    pieces[-1] += ch
                    continue
                if cells == 0:
                    ch = "\u25cc" + ch
                    cells = 1
                pieces.append(ch)
                if cells == 2:
                    pieces.append("")
            if len(pieces) != len(cell_map.cells):
                # Should not happen; fall back to the map's count so cursor maths stays right.
                pieces = (pieces + [" "] * len(cell_map.cells))[: len(cell_map.cells)]
            spans = list(cell_map.spans)
        drawn_end = max((b for _, b in spans), default=0)
        # The hanging tail: a blank cell per space; marks and format characters after it ride on it.
        tail_spans: list[list[int]] = []
        for i in range(drawn_end, n):
            if value[i] == " ":
                tail_spans.append([i, i + 1])
            elif tail_spans:
                tail_spans[-1][1] = i + 1
        tail = [(" ", (a, b)) for a, b in tail_spans]
        body = list(zip(pieces, spans))
        end = [(" ", (n, n))]
        terminal_order = bidi == "terminal"
        if rtl and not terminal_order:
            row = end + tail[::-1] + body
        else:
            row = body + tail + end
        cell_for = [-1] * (n + 1)
        for x, (_, (a, b)) in enumerate(row):
            for k in range(a, max(b, a + 1)):
                if cell_for[k] < 0:
                    cell_for[k] = x  # the first cell: the left half of a wide character
        # Offsets that draw nothing (a format character before the text): the next one's cell.
        for k in range(n - 1, -1, -1):
            if cell_for[k] < 0:
                cell_for[k] = cell_for[k + 1]
        return cls(
            pieces=tuple(p for p, _ in row),
            spans=tuple(s for _, s in row),
            rtl=rtl and not terminal_order,
            length=n,
            cell_for_offset=tuple(cell_for),
            align_right=rtl and terminal_order,
        )


def placeholder_row(text: str, *, field_rtl: bool, bidi: BidiMode) -> InputRow:
    """A placeholder laid out in its own direction (the field's when it has no strong character)."""
    return InputRow.build(text, rtl=base_level_of(text, 1 if field_rtl else 0) == 1, bidi=bidi)


def placeholder_view(row: InputRow, width: int, field_rtl: bool) -> tuple[list[str], int, int]:
    """A placeholder's cells without the line end, the row cell in the leftmost column, the cursor's column.

    Too long a placeholder keeps its start edge (right in a right-to-left
    field); the cursor waits at that edge.
    """
    body = [piece for x, piece in enumerate(row.pieces) if x != row.end_cell]
    left = len(body) - width if field_rtl else 0
    return body, left, width - 1 if field_rtl else 0


def visible_cells(
    pieces: tuple[str, ...] | list[str],
    left: int,
    width: int,
    cursor_column: int | None,
    cursor: tuple[tuple[tuple[int, int], ...], tuple[int, int] | None] | None,
) -> list[tuple[str, bool]]:
    """Columns ``left`` to ``left + width`` of a row of cell pieces, blank outside it: (piece, on the cursor).

    A wide character cut by either edge becomes a blank; the cursor is the
    column ``cursor_column`` or every cell drawing the span ``cursor[1]``
    (``cursor[0]`` being the row's spans).
    """
    cells: list[tuple[str, bool]] = []
    for column in range(width):
        x = left + column
        piece = pieces[x] if 0 <= x < len(pieces) else " "
        if piece == "" and column == 0:
            piece = " "  # the right half of a wide character whose left half is off screen
        elif piece and char_cells(piece[0]) == 2 and column == width - 1:
            piece = " "  # the left half of one whose right half is off screen
        on_cursor = column == cursor_column or (
            cursor is not None and cursor[1] is not None and 0 <= x < len(pieces) and cursor[0][x] == cursor[1]
        )
        cells.append((piece, on_cursor))
    return cells


# --- Edits: what a key inserts or removes -----------------------------------------------


def fit_insert(text: str, length: int, max_length: int) -> tuple[str, bool]:
    """What of ``text`` may be typed into a value of ``length`` code points: the insertable characters,
    cut to ``max_length`` (0: no limit); and whether any had to be cut."""
    text = "".join(ch for ch in text if insertable(ch))
    if max_length:
        room = max(0, max_length - length)
        if len(text) > room:
            return text[:room], True
    return text, False


def code_point_before(value: str, cursor: int) -> Span:
    """What Backspace removes: the code point before the cursor (a harakah alone)."""
    return max(0, cursor - 1), cursor


def character_at(value: str, cursor: int) -> Span:
    """What Delete removes: the character at the cursor with its marks (nothing at the end)."""
    if cursor >= len(value):
        return cursor, cursor
    end = cursor + 1
    while end < len(value) and _is_mark(value[end]):
        end += 1
    return cursor, end


def word_before(value: str, cursor: int) -> Span:
    """What ctrl+w removes: the word before the cursor, with the spaces between."""
    start = cursor
    while start > 0 and value[start - 1] == " ":
        start -= 1
    while start > 0 and value[start - 1] != " ":
        start -= 1
    return start, cursor


def word_after(value: str, cursor: int) -> Span:
    """What ctrl+delete removes: up to the start of the next word."""
    end = cursor
    while end < len(value) and value[end] != " ":
        end += 1
    while end < len(value) and value[end] == " ":
        end += 1
    return cursor, end


def all_before(value: str, cursor: int) -> Span:
    """What ctrl+u removes: everything before the cursor."""
    return 0, cursor


def all_after(value: str, cursor: int) -> Span:
    """What ctrl+k removes: everything after the cursor."""
    return cursor, len(value)
