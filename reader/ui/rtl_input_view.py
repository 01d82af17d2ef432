"""The showing half of ``RtlInput``: a value in logical order drawn as the text engine lays it out.

``RtlInputView`` keeps what is drawn (the value, the cursor, the placeholder,
the direction) and draws it: one row of cells (``rtl_input_model.InputRow``)
cropped to the field's width and scrolled sideways to keep the cursor in
view, the cursor blinking while the field has focus. Typing, keys and edits
are ``RtlInput``'s.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Offset, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from ..text.layout import BidiMode, Direction
from .label import bidi_of
from .rtl_input_model import InputRow, field_is_rtl, placeholder_row, placeholder_view, visible_cells


class RtlInputView(Widget):
    """A one-line field that shows a logical-order value right-to-left (or left-to-right), with a cursor."""

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
    cursor_blink: reactive[bool] = reactive(True, init=False)
    """Blink the cursor while focused."""
    _cursor_visible: reactive[bool] = reactive(True)

    def __init__(
        self,
        *,
        bidi: BidiMode | None,
        harakat: bool,
        name: str | None,
        id: str | None,
        classes: str | None,
        disabled: bool,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._bidi = bidi
        self.harakat = harakat
        """Draw harakat (they stay in the value either way)."""
        self._blink_timer: Timer | None = None
        self._scroll = 0  # cells hidden past the start edge (right in an RTL field)
        self._row_key: tuple[object, ...] | None = None
        self._row: InputRow | None = None

    # --- what is drawn ---------------------------------------------------------------------

    @property
    def bidi(self) -> BidiMode:
        """``"terminal"``: the terminal does the bidi, the value is sent in logical order, unshaped.

        The mode given when the field was made, else the app's (``label.bidi_of``): a dialog's
        fields follow ``--bidi`` without each caller passing it on.
        """
        return self._bidi if self._bidi is not None else bidi_of(self)

    @property
    def is_rtl(self) -> bool:
        """Is the field right-to-left now (forced, or from the value's first strong character)?"""
        return field_is_rtl(self.value, self.direction, self.default_direction)

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

    # --- the cursor's blink ---------------------------------------------------------------

    def _on_mount(self, event: events.Mount) -> None:
        self._blink_timer = self.set_interval(
            0.5, self._toggle_cursor, pause=not (self.cursor_blink and self.has_focus)
        )

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

    # --- drawing -----------------------------------------------------------------------------

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if not self.value and self.placeholder:
            return self._placeholder_row().width - 1
        return self.row.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def _window(self, width: int) -> int:
        """The row cell drawn in the field's leftmost column (negative: blank columns first).

        Keeps the cursor in view and remembers how far the row is scrolled (``InputRow.window``).
        """
        left, self._scroll = self.row.window(self.cursor_position, width, self._scroll)
        return left

    @property
    def cursor_screen_offset(self) -> Offset:
        """Where the cursor is on screen (for the terminal's own cursor, which IMEs follow)."""
        x, y, width, _ = self.content_region
        left = self._window(width)
        return Offset(x + self.row.cell_of(self.cursor_position) - left, y)

    def _placeholder_row(self) -> InputRow:
        return placeholder_row(self.placeholder, field_rtl=self.is_rtl, bidi=self.bidi)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base = self.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        show_cursor = self.has_focus and self._cursor_visible
        cursor_style = self.get_component_rich_style("rtl-input--cursor")
        if not self.value:
            body, left, cursor_column = placeholder_view(self._placeholder_row(), width, self.is_rtl)
            style = self.get_component_rich_style("rtl-input--placeholder")
            return self._strip(
                body, left, width, style, cursor_column if show_cursor else None, None, cursor_style
            ).apply_style(base)
        row = self.row
        left = self._window(width)
        cursor_span = row.spans[row.cell_of(self.cursor_position)] if show_cursor else None
        return self._strip(row.pieces, left, width, Style(), None, (row.spans, cursor_span), cursor_style).apply_style(
            base
        )

    @staticmethod
    def _strip(
        pieces: tuple[str, ...] | list[str],
        left: int,
        width: int,
        style: Style,
        cursor_column: int | None,
        cursor: tuple[tuple[tuple[int, int], ...], tuple[int, int] | None] | None,
        cursor_style: Style,
    ) -> Strip:
        """Columns ``left`` to ``left + width`` of a row of cell pieces, blank outside it.

        See ``visible_cells`` for the cropping and where the cursor is.
        """
        segments = [
            Segment(piece, cursor_style if on_cursor else style)
            for piece, on_cursor in visible_cells(pieces, left, width, cursor_column, cursor)
        ]
        return Strip(segments, width).simplify()
