"""RtlInput through the pilot: typing, editing, visual cursor movement, drawing.

pytest-asyncio is not installed, so every test is a plain function running its
async body with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable

from pilot_helpers import type_text
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from reader.text.layout import LayoutOptions, layout_paragraph
from reader.ui.rtl_input import InputRow, RtlInput, clean_paste

SIZE = (40, 6)
# What must never reach the terminal.
CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
QAL = "\ufedd\ufe8e\ufed7"  # قال shaped, in visual order: ﻝﺎﻗ


class InputApp(App[None]):
    """One RtlInput (and a second one to take the focus), recording what they post."""

    def __init__(self, **options: object) -> None:
        super().__init__()
        self.options = options
        self.changed: list[str] = []
        self.submitted: list[tuple[RtlInput, str]] = []

    def compose(self) -> ComposeResult:
        yield RtlInput(id="field", cursor_blink=False, **self.options)  # type: ignore[arg-type]
        yield RtlInput(id="other", cursor_blink=False)

    def on_rtl_input_changed(self, event: RtlInput.Changed) -> None:
        if event.control.id == "field":
            self.changed.append(event.value)

    def on_rtl_input_submitted(self, event: RtlInput.Submitted) -> None:
        self.submitted.append((event.control, event.value))


Body = Callable[[InputApp, RtlInput, Pilot[None]], Awaitable[None]]


def run(body: Body, size: tuple[int, int] = SIZE, **options: object) -> None:
    async def main() -> None:
        app = InputApp(**options)
        async with app.run_test(size=size) as pilot:
            field = app.query_one("#field", RtlInput)
            field.focus()
            await pilot.pause()
            await body(app, field, pilot)

    asyncio.run(main())


def row(field: RtlInput) -> str:
    return field.render_line(0).text


def cursor_column(field: RtlInput) -> int:
    """The first column drawn in the cursor style (-1 if none)."""
    style = field.get_component_rich_style("rtl-input--cursor")
    column = 0
    for segment in field.render_line(0):
        if segment.style is not None and segment.style.bgcolor == style.bgcolor and segment.text:
            return column
        column += segment.cell_length
    return -1


def cursor_text(field: RtlInput) -> str:
    style = field.get_component_rich_style("rtl-input--cursor")
    return "".join(s.text for s in field.render_line(0) if s.style is not None and s.style.bgcolor == style.bgcolor)


def screen_rows(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_arabic_then_english_in_visual_order_and_shaped() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await pilot.press(*"قال")
        await pilot.press("space", *"Ahmed")
        assert field.value == "قال Ahmed"
        text = row(field)
        assert "Ahmed" in text and QAL in text
        assert text.index(QAL) > text.index("Ahmed")
        # Right-aligned: the first letter typed is in the rightmost column.
        assert text.rstrip() == text and text.endswith(QAL)
        # And that is what reaches the screen.
        await pilot.pause()
        assert any(line.rstrip(" ▎▊").endswith("Ahmed " + QAL) for line in screen_rows(app))
        assert not any("قال" in line for line in screen_rows(app))

    run(body)


def test_value_is_logical_with_harakat_and_zwnj() -> None:
    typed = "مي\u200cخواهم كَتَبَ (x)"

    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await type_text(app, pilot, typed)
        assert field.value == typed
        assert field.cursor_position == len(typed)
        expected = layout_paragraph(typed, LayoutOptions(width=1000))[0].text
        assert row(field).strip() == expected
        assert "\u200c" not in row(field)

    run(body)


def test_backspace_and_delete() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await type_text(app, pilot, "ب\u064e")  # ba, fatha
        assert field.value == "بَ"
        await pilot.press("backspace")
        assert field.value == "ب"  # the harakah alone
        await pilot.press("backspace")
        assert field.value == ""
        field.value = "قال المتحدث"
        await pilot.press("ctrl+w")
        assert field.value == "قال "
        # Delete at the cursor takes the letter with its harakat.
        field.value = "بَتَ"
        await pilot.press("home", "delete")
        assert (field.value, field.cursor_position) == ("تَ", 0)

    run(body)


def test_left_and_right_move_in_visual_direction() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await pilot.press(*"قال")
        assert field.cursor_position == 3
        end_column = cursor_column(field)
        await pilot.press("right")
        assert field.cursor_position == 2
        assert cursor_text(field) == "\ufedd"  # on the lam, right of the end cell
        assert cursor_column(field) == end_column + 1
        await pilot.press("right", "right")
        assert field.cursor_position == 0
        await pilot.press("right")  # the right edge is the start: stays
        assert field.cursor_position == 0
        await pilot.press("left")
        assert field.cursor_position == 1
        # Into an embedded English word from the end: "left" of the line end is nothing,
        # "right" reaches its first letter, then goes on to the right through it.
        field.value = "قال Ahmed"
        await pilot.press("right")
        assert (field.cursor_position, cursor_text(field)) == (4, "A")
        await pilot.press("right")
        assert (field.cursor_position, cursor_text(field)) == (5, "h")
        visited = [field.cursor_position]
        for _ in range(10):
            await pilot.press("right")
            visited.append(field.cursor_position)
        assert visited[:6] == [5, 6, 7, 8, 3, 2]
        assert visited[-1] == 0

    run(body)


def test_left_and_right_in_a_left_to_right_field() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await pilot.press(*"said", "space", *"قال")
        assert not field.is_rtl
        text = row(field)
        assert text.startswith("said " + QAL)  # left-aligned
        await pilot.press("home", "right")
        assert field.cursor_position == 1
        await pilot.press("ctrl+right")
        assert field.cursor_position == 5  # the Arabic word starts at its right end...
        assert cursor_text(field) == "\ufed7"
        await pilot.press("ctrl+right")
        assert field.cursor_position == 8  # ...then the line end

    run(body)


def test_word_movement_in_a_right_to_left_field() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        field.value = "قال Ahmed وقال"
        await pilot.press("home")
        stops = []
        for _ in range(4):
            await pilot.press("ctrl+left")
            stops.append(field.cursor_position)
        assert stops == [4, 10, 14, 14]
        await pilot.press("ctrl+right", "ctrl+right")
        assert field.cursor_position == 4

    run(body)


def test_home_and_end() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await pilot.press(*"سلام")
        await pilot.press("home")
        assert field.cursor_position == 0
        assert cursor_column(field) == field.content_size.width - 1  # the rightmost column
        await pilot.press("end")
        assert field.cursor_position == 4
        await pilot.press("ctrl+a")
        assert field.cursor_position == 0
        await pilot.press("ctrl+e")
        assert field.cursor_position == 4
        await pilot.press("home", "ب")
        assert field.value == "بسلام"

    run(body)


def test_paste_turns_newlines_into_spaces_at_the_cursor() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        field.value = "قال إن"
        await pilot.press("home")
        field.post_message(events.Paste("أكد\r\nمصدر\tأمريكي\n"))
        await pilot.pause()
        assert field.value == "أكد مصدر أمريكي قال إن"
        assert field.cursor_position == len("أكد مصدر أمريكي ")

    run(body)


def test_enter_posts_submitted() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await pilot.press(*"نعم")
        await pilot.press("enter")
        await pilot.pause()
        assert app.submitted == [(field, "نعم")]

    run(body)


def test_placeholder_when_empty() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        shaped = layout_paragraph("ابحث", LayoutOptions(width=100))[0].text
        assert row(field).rstrip().endswith(shaped)
        style = field.get_component_rich_style("rtl-input--placeholder")
        assert any(
            s.text.strip() and s.style is not None and s.style.color == style.color for s in field.render_line(0)
        )
        await pilot.press("x")
        assert shaped not in row(field)
        field.clear()
        assert field.value == ""
        assert shaped in row(field)

    run(body, placeholder="ابحث")


def test_no_control_character_is_ever_drawn() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await field._on_key(events.Key("escape", "\x1b"))
        await pilot.press(*"[2J")
        field.post_message(events.Paste("\x1b[2J\x07\x9b"))
        await pilot.pause()
        assert field.value == "[2J[2J"
        # A value set from code keeps its controls but draws them as symbols.
        field.value = "قال \x1b]52;c;AAAA\x07"
        await pilot.pause()
        assert not CONTROL_RE.search(row(field))
        assert "␛" in row(field)
        assert not any(CONTROL_RE.search(line) for line in screen_rows(app))
        assert clean_paste("a\x1bb\x00c\nd") == "abc d"

    run(body)


def test_long_value_scrolls_to_keep_the_cursor_visible() -> None:
    words = ["بداية"] + ["كلمة"] * 10 + ["نهاية"]

    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        width = field.content_size.width
        field.value = " ".join(words[:-1]) + " "
        await pilot.press(*words[-1])
        assert len(field.value) > 3 * width
        # The last word typed is at the left end, next to the cursor (the line end).
        assert cursor_column(field) == 0
        last = layout_paragraph(words[-1], LayoutOptions(width=100))[0].text
        assert row(field).startswith(" " + last)
        first = layout_paragraph(words[0], LayoutOptions(width=100))[0].text
        assert first not in row(field)
        await pilot.press("home")
        assert cursor_column(field) == width - 1
        assert row(field).endswith(first)
        assert last not in row(field)
        # From the far edge, one step further scrolls by one cell, not a page.
        await pilot.press("end")
        before = row(field)
        right_edge = field.row.offset_at(field.row.width - 1 - (field.row.width - width))
        field.cursor_position = right_edge
        assert (row(field), cursor_column(field)) == (before, width - 1)
        await pilot.press("right")
        assert field.cursor_position == right_edge - 1
        assert cursor_column(field) == width - 1
        assert row(field)[:-1] == before[1:]

    run(body, size=(24, 5))


def test_setting_value_from_code_updates_the_display() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        field.value = "قال"
        await pilot.pause()
        assert row(field).endswith(QAL)
        assert field.cursor_position == 3
        assert any(line.rstrip(" ▎▊").endswith(QAL) for line in screen_rows(app))
        field.value = "Ahmed"
        await pilot.pause()
        assert row(field).startswith("Ahmed")
        assert app.changed == ["قال", "Ahmed"]

    run(body)


def test_changed_is_posted_on_each_edit() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await pilot.press("ق", "ا", "backspace", "left", "right")
        await pilot.pause()
        assert app.changed == ["ق", "قا", "ق"]

    run(body)


def test_direction_options_and_max_length() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        # Forced right to left: English is right-aligned too.
        await pilot.press(*"abcdefgh")
        assert field.value == "abcde"  # max_length
        assert row(field).rstrip() == row(field)
        assert row(field).strip() == "abcde"
        field.direction = "ltr"
        assert row(field).startswith("abcde")

    run(body, direction="rtl", max_length=5)


def test_empty_field_follows_default_direction() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        assert not field.is_rtl
        assert row(field).startswith("search")
        assert cursor_column(field) == 0
        await pilot.press(*"قال")
        assert field.is_rtl
        assert row(field).endswith(QAL)

    run(body, placeholder="search", default_direction="ltr")


def test_trailing_space_is_drawn() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await pilot.press(*"قال")
        before = cursor_column(field)
        await pilot.press("space")
        assert cursor_column(field) == before - 1
        await pilot.press("right")
        assert field.cursor_position == 3

    run(body)


def test_tab_still_moves_focus() -> None:
    async def body(app: InputApp, field: RtlInput, pilot: Pilot[None]) -> None:
        await pilot.press("tab")
        assert app.focused is app.query_one("#other")
        assert field.value == ""
        assert cursor_column(field) == -1  # no cursor when blurred

    run(body)


def test_row_model_reaches_every_cluster() -> None:
    value = "لا بَيْت Ahmed (12) 中文 "
    row_model = InputRow.build(value, rtl=True)
    seen = {len(value)}
    offset = len(value)
    for _ in range(row_model.width):
        offset = row_model.move(offset, +1)
        seen.add(offset)
    starts = {a for a, b in row_model.spans}
    assert seen == starts
    assert {0, 3, 9, 15, 16, 22} <= seen


def test_the_input_model_imports_neither_textual_nor_rich() -> None:
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, reader.ui.rtl_input_model; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.stdout.strip() == "[]"
