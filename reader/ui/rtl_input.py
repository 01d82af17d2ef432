"""A single-line text input for Arabic, Persian, Urdu and Hebrew (and English beside them).

Textual's ``Input`` draws its value left to right as it is stored: Arabic comes
out reversed and unjoined (DESIGN.md, "Rendering right-to-left text in a
terminal"). ``RtlInput`` keeps the value in logical order, as it is typed, and
draws what the text engine lays out: shaped presentation forms in visual
order, brackets mirrored, marks after their letter, control characters made
visible. The cursor is a logical offset; the arrow keys move it in *visual*
direction through the engine's cell map.

The row model (``InputRow``) is pure Python; the widget only crops it to its
width and paints the cursor.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from ..text.bidi import base_level_of
from ..text.layout import LayoutOptions, layout_paragraph
from ..text.unidata import char_cells

Direction = Literal["rtl", "ltr"]
BidiMode = Literal["app", "terminal"]

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
    return unicodedata.category(character) in ("Mn", "Me")


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

    @property
    def width(self) -> int:
        return len(self.pieces)

    @property
    def end_cell(self) -> int:
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
            cells = end + tail[::-1] + body
        else:
            cells = body + tail + end
        cell_for = [-1] * (n + 1)
        for x, (_, (a, b)) in enumerate(cells):
            for k in range(a, max(b, a + 1)):
                if cell_for[k] < 0:
                    cell_for[k] = x  # the first cell: the left half of a wide character
        # Offsets that draw nothing (a format character before the text): the next one's cell.
        for k in range(n - 1, -1, -1):
            if cell_for[k] < 0:
                cell_for[k] = cell_for[k + 1]
        return cls(
            pieces=tuple(p for p, _ in cells),
            spans=tuple(s for _, s in cells),
            rtl=rtl and not terminal_order,
            length=n,
            cell_for_offset=tuple(cell_for),
        )


class RtlInput(Widget, can_focus=True):
    """A single-line input that shows right-to-left and mixed text shaped and in visual order.

    The value is kept and edited in logical order (what was typed); the row
    is drawn right-aligned in a right-to-left field and left-aligned in a
    left-to-right one, and scrolls sideways to keep the cursor in view. The
    field's direction is ``direction`` if given, else that of the value's first
    strong character, else ``default_direction``.

    Backspace removes one code point, so a wrong harakah can be taken off its
    letter alone; Delete removes the character at the cursor with its marks.
    Left and right move one cluster in the direction of the arrow on screen
    (in Arabic text "left" is forward), and so do ctrl+left/right by word.

    | Key(s) | Description |
    | :- | :- |
    | left | Move the cursor one character left on screen (forward in right-to-left text). |
    | right | Move the cursor one character right on screen (backward in right-to-left text). |
    | ctrl+left | Move the cursor to the next word start to the left on screen. |
    | ctrl+right | Move the cursor to the next word start to the right on screen. |
    | home,ctrl+a | Go to the logical start of the value. |
    | end,ctrl+e | Go to the logical end of the value. |
    | backspace | Delete the code point before the cursor (a harakah alone). |
    | delete,ctrl+d | Delete the character at the cursor with its marks. |
    | ctrl+backspace,alt+backspace,ctrl+w | Delete the word before the cursor. |
    | ctrl+delete,alt+delete,ctrl+f | Delete to the start of the next word. |
    | ctrl+u | Delete everything before the cursor. |
    | ctrl+k | Delete everything after the cursor. |
    | enter | Submit the value. |

    Other printable keys, harakat and ZWNJ included, are typed at the cursor;
    control characters never get in (a paste turns line breaks and tabs into
    spaces and drops the rest). Escape and Tab are left to the screen.
    """

    DEFAULT_CSS = """
    RtlInput {
        background: $surface;
        color: $foreground;
        padding: 0 2;
        border: tall $border-blurred;
        width: 100%;
        height: 3;
        pointer: text;

        &.-textual-compact {
            border: none !important;
            height: 1;
            padding: 0;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
        }
        & > .rtl-input--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        & > .rtl-input--placeholder {
            color: $text-disabled;
        }
        &:ansi {
            background: ansi_default;
            color: ansi_default;
            & > .rtl-input--cursor {
                background: ansi_white;
                color: ansi_black;
            }
            & > .rtl-input--placeholder {
                text-style: dim;
                color: ansi_default;
            }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "cursor_left", "Move cursor left", show=False),
        Binding("right", "cursor_right", "Move cursor right", show=False),
        Binding("ctrl+left", "cursor_left_word", "Move cursor left a word", show=False),
        Binding("ctrl+right", "cursor_right_word", "Move cursor right a word", show=False),
        Binding("home,ctrl+a", "home", "Go to start", show=False),
        Binding("end,ctrl+e", "end", "Go to end", show=False),
        Binding("backspace", "delete_left", "Delete character before the cursor", show=False),
        Binding("delete,ctrl+d", "delete_right", "Delete character at the cursor", show=False),
        Binding("ctrl+backspace,alt+backspace,ctrl+w", "delete_left_word", "Delete word before the cursor",
                show=False),
        Binding("ctrl+delete,alt+delete,ctrl+f", "delete_right_word", "Delete word after the cursor", show=False),
        Binding("ctrl+u", "delete_left_all", "Delete everything before the cursor", show=False),
        Binding("ctrl+k", "delete_right_all", "Delete everything after the cursor", show=False),
        Binding("enter", "submit", "Submit", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rtl-input--cursor", "rtl-input--placeholder"}
    """
    | Class | Description |
    | :- | :- |
    | `rtl-input--cursor` | The cursor cell. |
    | `rtl-input--placeholder` | The placeholder, shown while the value is empty. |
    """

    value: reactive[str] = reactive("", init=False)
    """The text, in logical order (as typed)."""
    cursor_position: reactive[int] = reactive(0)
    """Where the cursor stands: a code-point offset into ``value``, 0 to ``len(value)``."""
    placeholder: reactive[str] = reactive("")
    """Shown, dimmed, while the value is empty."""
    direction: reactive[Direction | None] = reactive(None)
    """``"rtl"`` or ``"ltr"`` to force the field's direction; ``None``: from the first strong character."""
    default_direction: reactive[Direction] = reactive("rtl")
    """The direction when ``direction`` is None and the value has no strong character (or is empty)."""
    max_length: reactive[int] = reactive(0)
    """The longest value typing or pasting can make, in code points; 0 for no limit."""
    cursor_blink: reactive[bool] = reactive(True, init=False)
    """Blink the cursor while focused."""
    compact: reactive[bool] = reactive(False, toggle_class="-textual-compact")
    """No border (height 1)."""
    _cursor_visible: reactive[bool] = reactive(True)

    @dataclass
    class Changed(Message):
        """Posted when the value changes (by typing, pasting, deleting or from code)."""

        input: RtlInput
        value: str

        @property
        def control(self) -> RtlInput:
            return self.input

    @dataclass
    class Submitted(Message):
        """Posted when Enter is pressed."""

        input: RtlInput
        value: str

        @property
        def control(self) -> RtlInput:
            return self.input

    def __init__(
        self,
        value: str | None = None,
        placeholder: str = "",
        *,
        direction: Direction | None = None,
        default_direction: Direction = "rtl",
        max_length: int = 0,
        bidi: BidiMode = "app",
        harakat: bool = True,
        cursor_blink: bool = True,
        compact: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.bidi: BidiMode = bidi
        """``"terminal"``: the terminal does the bidi, the value is sent in logical order, unshaped."""
        self.harakat = harakat
        """Draw harakat (they stay in the value either way)."""
        self._blink_timer: Timer | None = None
        self._scroll = 0  # cells hidden past the start edge (right in an RTL field)
        self._row_key: tuple[object, ...] | None = None
        self._row: InputRow | None = None
        self._editing = False
        self.set_reactive(RtlInput.placeholder, placeholder)
        self.set_reactive(RtlInput.direction, direction)
        self.set_reactive(RtlInput.default_direction, default_direction)
        self.set_reactive(RtlInput.max_length, max_length)
        self.set_reactive(RtlInput.cursor_blink, cursor_blink)
        if value:
            self.set_reactive(RtlInput.value, value)
            self.set_reactive(RtlInput.cursor_position, len(value))
        self.compact = compact
        if tooltip is not None:
            self.tooltip = tooltip

    # --- model ---------------------------------------------------------------------------

    @property
    def is_rtl(self) -> bool:
        """Is the field right-to-left now (forced, or from the value's first strong character)?"""
        if self.direction is not None:
            return self.direction == "rtl"
        default = 1 if self.default_direction == "rtl" else 0
        return base_level_of(self.value, default) == 1

    @property
    def row(self) -> InputRow:
        """The value laid out as one row of cells (cached until the value or options change)."""
        rtl = self.is_rtl
        key = (self.value, rtl, self.bidi, self.harakat)
        if self._row is None or key != self._row_key:
            self._row = InputRow.build(self.value, rtl=rtl, bidi=self.bidi, harakat=self.harakat)
            self._row_key = key
        return self._row

    def validate_cursor_position(self, position: int) -> int:
        return max(0, min(position, len(self.value)))

    def _watch_value(self, value: str) -> None:
        if not self._editing:
            self.cursor_position = len(value)
        self.post_message(self.Changed(self, value))
        if self.styles.auto_dimensions:
            self.refresh(layout=True)

    def _watch_cursor_position(self) -> None:
        if self.has_focus:
            self.app.cursor_position = self.cursor_screen_offset

    def _watch_cursor_blink(self, blink: bool) -> None:
        if self._blink_timer is None:
            return
        if blink and self.has_focus:
            self._blink_timer.resume()
        else:
            self._blink_timer.pause()
            self._cursor_visible = True

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace ``value[start:end]`` with ``text`` and put the cursor after it (no checks)."""
        value = self.value
        self._editing = True
        try:
            self.value = value[:start] + text + value[end:]
        finally:
            self._editing = False
        self.cursor_position = start + len(text)

    def insert_text_at_cursor(self, text: str) -> None:
        """Insert ``text`` (control characters dropped) at the cursor, within ``max_length``."""
        text = "".join(ch for ch in text if insertable(ch))
        if self.max_length:
            room = max(0, self.max_length - len(self.value))
            if len(text) > room:
                text = text[:room]
                self.app.bell()
        if text:
            self.replace(text, self.cursor_position, self.cursor_position)

    def clear(self) -> None:
        """Empty the field."""
        self.value = ""

    # --- events ----------------------------------------------------------------------------

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and insertable(character)

    def _on_mount(self) -> None:
        self._blink_timer = self.set_interval(0.5, self._toggle_cursor,
                                              pause=not (self.cursor_blink and self.has_focus))

    def _toggle_cursor(self) -> None:
        self._cursor_visible = not self._cursor_visible if self.screen.is_active else True

    def _restart_blink(self) -> None:
        self._cursor_visible = True
        if self.cursor_blink and self._blink_timer is not None:
            self._blink_timer.reset()

    def _on_focus(self, event: events.Focus) -> None:
        self._restart_blink()
        self.app.cursor_position = self.cursor_screen_offset
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        if self._blink_timer is not None:
            self._blink_timer.pause()
        self._cursor_visible = True
        self.refresh()

    async def _on_key(self, event: events.Key) -> None:
        self._restart_blink()
        if event.character is not None and insertable(event.character):
            event.stop()
            event.prevent_default()
            self.insert_text_at_cursor(event.character)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        if event.text:
            self.insert_text_at_cursor(clean_paste(event.text))

    def _on_mouse_down(self, event: events.MouseDown) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        left = self._window(self.content_size.width)
        self.cursor_position = self.row.offset_at(left + offset.x)
        self._restart_blink()

    # --- actions ---------------------------------------------------------------------------

    def action_cursor_left(self) -> None:
        self.cursor_position = self.row.move(self.cursor_position, -1)

    def action_cursor_right(self) -> None:
        self.cursor_position = self.row.move(self.cursor_position, +1)

    def action_cursor_left_word(self) -> None:
        self.cursor_position = self.row.move_word(self.cursor_position, -1, self.value)

    def action_cursor_right_word(self) -> None:
        self.cursor_position = self.row.move_word(self.cursor_position, +1, self.value)

    def action_home(self) -> None:
        self.cursor_position = 0

    def action_end(self) -> None:
        self.cursor_position = len(self.value)

    def action_delete_left(self) -> None:
        position = self.cursor_position
        if position > 0:
            self.replace("", position - 1, position)

    def action_delete_right(self) -> None:
        position = self.cursor_position
        value = self.value
        if position < len(value):
            end = position + 1
            while end < len(value) and _is_mark(value[end]):
                end += 1
            self.replace("", position, end)

    def action_delete_left_word(self) -> None:
        value = self.value
        end = self.cursor_position
        start = end
        while start > 0 and value[start - 1] == " ":
            start -= 1
        while start > 0 and value[start - 1] != " ":
            start -= 1
        if start < end:
            self.replace("", start, end)

    def action_delete_right_word(self) -> None:
        value = self.value
        start = self.cursor_position
        end = start
        while end < len(value) and value[end] != " ":
            end += 1
        while end < len(value) and value[end] == " ":
            end += 1
        if start < end:
            self.replace("", start, end)

    def action_delete_left_all(self) -> None:
        if self.cursor_position:
            self.replace("", 0, self.cursor_position)

    def action_delete_right_all(self) -> None:
        if self.cursor_position < len(self.value):
            self.replace("", self.cursor_position, len(self.value))

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.value))

    # --- drawing -----------------------------------------------------------------------------

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if not self.value and self.placeholder:
            return self._placeholder_row().width - 1
        return self.row.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def _window(self, width: int) -> int:
        """The row cell drawn in the field's leftmost column (negative: blank columns first).

        Keeps the cursor in view, moving as little as possible, and remembers how far
        the row is scrolled from its start edge, so text added at the far end does not
        shift what is shown.
        """
        row = self.row
        width = max(width, 1)
        overflow = max(0, row.width - width)
        # Every cell of the cursor's cluster (both halves of a wide character) must show.
        first = row.cell_of(self.cursor_position)
        last = first
        while last + 1 < row.width and row.spans[last + 1] == row.spans[first]:
            last += 1
        if row.rtl:
            near, far = row.width - 1 - last, row.width - 1 - first
        else:
            near, far = first, last
        scroll = max(0, min(self._scroll, overflow))
        if near < scroll:
            scroll = near
        elif far >= scroll + width:
            scroll = far - width + 1
        self._scroll = scroll
        if row.rtl:
            return row.width - width - scroll
        return scroll

    @property
    def cursor_screen_offset(self) -> Offset:
        """Where the cursor is on screen (for the terminal's own cursor, which IMEs follow)."""
        x, y, width, _ = self.content_region
        left = self._window(width)
        return Offset(x + self.row.cell_of(self.cursor_position) - left, y)

    def _placeholder_row(self) -> InputRow:
        rtl = self.is_rtl
        text = self.placeholder
        return InputRow.build(text, rtl=base_level_of(text, 1 if rtl else 0) == 1, bidi=self.bidi)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base = self.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        show_cursor = self.has_focus and self._cursor_visible
        cursor_style = self.get_component_rich_style("rtl-input--cursor")
        if not self.value:
            row = self._placeholder_row()
            body = [piece for x, piece in enumerate(row.pieces) if x != row.end_cell]
            style = self.get_component_rich_style("rtl-input--placeholder")
            rtl = self.is_rtl
            # Too long: keep the start edge (right in a right-to-left field).
            left = len(body) - width if rtl else 0
            cursor_column = width - 1 if rtl else 0
            return self._strip(body, left, width, style, cursor_column if show_cursor else None,
                               None, cursor_style).apply_style(base)
        row = self.row
        left = self._window(width)
        cursor_span = row.spans[row.cell_of(self.cursor_position)] if show_cursor else None
        return self._strip(row.pieces, left, width, Style(), None,
                           (row.spans, cursor_span), cursor_style).apply_style(base)

    @staticmethod
    def _strip(pieces: tuple[str, ...] | list[str], left: int, width: int, style: Style,
               cursor_column: int | None, cursor: tuple[tuple[tuple[int, int], ...], tuple[int, int] | None] | None,
               cursor_style: Style) -> Strip:
        """Columns ``left`` to ``left + width`` of a row of cell pieces, blank outside it.

        A wide character cut by either edge becomes a blank; the cursor is the
        column ``cursor_column`` or every cell drawing the span ``cursor[1]``.
        """
        segments: list[Segment] = []
        for column in range(width):
            x = left + column
            piece = pieces[x] if 0 <= x < len(pieces) else " "
            if piece == "" and column == 0:
                piece = " "  # the right half of a wide character whose left half is off screen
            elif piece and char_cells(piece[0]) == 2 and column == width - 1:
                piece = " "  # the left half of one whose right half is off screen
            on_cursor = column == cursor_column or (
                cursor is not None and cursor[1] is not None and 0 <= x < len(pieces) and cursor[0][x] == cursor[1])
            segments.append(Segment(piece, cursor_style if on_cursor else style))
        return Strip(segments, width).simplify()
