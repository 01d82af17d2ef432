"""Rows arranged for kitty and qterminal: every widget's rows while the app runs, styles kept on their cells."""

from __future__ import annotations

import asyncio

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from reader.terminal.cells import reorder_for
from reader.text.layout import LayoutOptions, layout_paragraph
from reader.ui.cell_order import arranged, cells_arranged

WORDS = layout_paragraph("قال الوزير", LayoutOptions(width=40))[0].text


def test_a_row_without_right_to_left_text_is_the_same_strip() -> None:
    strip = Strip([Segment("plain text", Style(bold=True))])
    assert arranged(strip, "kitty") is strip


def test_a_row_is_arranged_as_the_rule_says_and_keeps_its_styles_and_width() -> None:
    strip = Strip([Segment("  "), Segment(WORDS, Style(color="red"))])
    out = arranged(strip, "qt")
    assert out.text == "  " + reorder_for("qt", WORDS) and out.text != strip.text
    assert [segment.style for segment in out] == [segment.style for segment in strip]
    assert out.cell_length == strip.cell_length


def test_a_style_change_inside_a_word_cuts_qterminals_fragment_but_not_kittys_run() -> None:
    half = len(WORDS) // 2
    strip = Strip([Segment(WORDS[:half], Style(color="red")), Segment(WORDS[half:], Style(color="blue"))])
    assert arranged(strip, "kitty").text == reorder_for("kitty", WORDS)
    assert arranged(strip, "qt").text == reorder_for("qt", WORDS, [half])


def test_widgets_rows_are_arranged_only_inside_the_block() -> None:
    original = Widget.render_lines
    with cells_arranged("kitty"):
        assert Widget.render_lines is not original
    assert Widget.render_lines is original
    with cells_arranged("visual"):  # not a rule: nothing changes
        assert Widget.render_lines is original


def test_the_apps_rows_reach_the_compositor_arranged() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(WORDS)

    rows: list[str] = []

    async def body() -> None:
        async with One().run_test(size=(30, 3)) as pilot:
            rows.extend(strip.text for strip in pilot.app.screen._compositor.render_strips())

    with cells_arranged("kitty"):
        asyncio.run(body())
    assert rows[0].rstrip() == reorder_for("kitty", WORDS)
