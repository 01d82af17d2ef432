"""A single-line text input for Arabic, Persian, Urdu and Hebrew (and English beside them).

Textual's ``Input`` draws its value left to right as it is stored: Arabic comes
out reversed and unjoined (DESIGN.md, "Rendering right-to-left text in a
terminal"). ``RtlInput`` keeps the value in logical order, as it is typed, and
draws what the text engine lays out: shaped presentation forms in visual
order, brackets mirrored, marks after their letter, control characters made
visible. The cursor is a logical offset; the arrow keys move it in *visual*
direction through the engine's cell map.

The row model, the moves and the edits (``rtl_input_model``) are pure
Python; ``RtlInputView`` (``rtl_input_view``) draws the value and its
cursor; ``RtlInput`` adds typing, pasting, the keys and the messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive

from ..text.layout import BidiMode, Direction
from .rtl_input_model import (
    InputRow,
    Span,
    all_after,
    all_before,
    character_at,
    clean_paste,
    code_point_before,
    fit_insert,
    insertable,
    word_after,
    word_before,
)
from .rtl_input_view import RtlInputView

__all__ = ["InputRow", "RtlInput", "clean_paste"]


class RtlInput(RtlInputView, can_focus=True):
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
        Binding("left", "cursor_left", "Move cursor left", id="input.move-cursor-left", show=False),
        Binding("right", "cursor_right", "Move cursor right", id="input.move-cursor-right", show=False),
        Binding(
            "ctrl+left", "cursor_left_word", "Move cursor left a word", id="input.move-cursor-left-a-word", show=False
        ),
        Binding(
            "ctrl+right",
            "cursor_right_word",
            "Move cursor right a word",
            id="input.move-cursor-right-a-word",
            show=False,
        ),
        Binding("home,ctrl+a", "home", "Go to start", id="input.go-to-start", show=False),
        Binding("end,ctrl+e", "end", "Go to end", id="input.go-to-end", show=False),
        Binding(
            "backspace",
            "delete_left",
            "Delete character before the cursor",
            id="input.delete-character-before-the-cursor",
            show=False,
        ),
        Binding(
            "delete,ctrl+d",
            "delete_right",
            "Delete character at the cursor",
            id="input.delete-character-at-the-cursor",
            show=False,
        ),
        Binding(
            "ctrl+backspace,alt+backspace,ctrl+w",
            "delete_left_word",
            "Delete word before the cursor",
            id="input.delete-word-before-the-cursor",
            show=False,
        ),
        Binding(
            "ctrl+delete,alt+delete,ctrl+f",
            "delete_right_word",
            "Delete word after the cursor",
            id="input.delete-word-after-the-cursor",
            show=False,
        ),
        Binding(
            "ctrl+u",
            "delete_left_all",
            "Delete everything before the cursor",
            id="input.delete-everything-before-the-cursor",
            show=False,
        ),
        Binding(
            "ctrl+k",
            "delete_right_all",
            "Delete everything after the cursor",
            id="input.delete-everything-after-the-cursor",
            show=False,
        ),
        Binding("enter", "submit", "Submit", id="input.submit", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rtl-input--cursor", "rtl-input--placeholder"}
    """
    | Class | Description |
    | :- | :- |
    | `rtl-input--cursor` | The cursor cell. |
    | `rtl-input--placeholder` | The placeholder, shown while the value is empty. |
    """
    max_length: reactive[int] = reactive(0)
    """The longest value typing or pasting can make, in code points; 0 for no limit."""
    compact: reactive[bool] = reactive(False, toggle_class="-textual-compact")
    """No border (height 1)."""

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
        bidi: BidiMode | None = None,
        harakat: bool = True,
        cursor_blink: bool = True,
        compact: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(bidi=bidi, harakat=harakat, name=name, id=id, classes=classes, disabled=disabled)
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

    # --- editing ---------------------------------------------------------------------------

    def _watch_value(self, value: str) -> None:
        if not self._editing:
            self.cursor_position = len(value)
        self.post_message(self.Changed(self, value))
        if self.styles.auto_dimensions:
            self.refresh(layout=True)

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
        text, cut = fit_insert(text, len(self.value), self.max_length)
        if cut:
            self.app.bell()
        if text:
            self.replace(text, self.cursor_position, self.cursor_position)

    def clear(self) -> None:
        """Empty the field."""
        self.value = ""

    # --- events ----------------------------------------------------------------------------

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and insertable(character)

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

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
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
        self._delete(code_point_before(self.value, self.cursor_position))

    def action_delete_right(self) -> None:
        self._delete(character_at(self.value, self.cursor_position))

    def action_delete_left_word(self) -> None:
        self._delete(word_before(self.value, self.cursor_position))

    def action_delete_right_word(self) -> None:
        self._delete(word_after(self.value, self.cursor_position))

    def action_delete_left_all(self) -> None:
        self._delete(all_before(self.value, self.cursor_position))

    def action_delete_right_all(self) -> None:
        self._delete(all_after(self.value, self.cursor_position))

    def _delete(self, span: Span) -> None:
        """Remove ``value[start:end]``; nothing when the span is empty."""
        if span[0] < span[1]:
            self.replace("", *span)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.value))
