"""A label for right-to-left text: shaped, ordered and wrapped by the engine at its own width."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from ..text.layout import LayoutOptions, VisualLine, layout_paragraph
from ..text.sanitise import visible


def plain(text: str) -> Text:
    """Text from outside (a file name, a path) made safe to show as it is.

    Control characters become visible symbols, so a file named with an
    escape sequence cannot talk to the terminal, and the result is a ``Text``,
    never markup, so brackets in a name are shown, not interpreted.
    """
    return Text(visible(text))


def visual(text: str, width: int = 10_000) -> Text:
    """A one-line label (title, outlet, a table cell) shaped and ordered by the engine.

    Textual draws code points left to right as they come, so Arabic given to
    a plain widget shows reversed and unjoined.
    """
    if not text:
        return Text("")
    lines = layout_paragraph(text.replace("\n", " "), LayoutOptions(width=max(width, 2)))
    if not lines:
        return Text("")
    more = "…" if len(lines) > 1 else ""
    # A right-to-left label continues to the left: the ellipsis goes there.
    return Text(more + lines[0].text, justify="right") if lines[0].rtl else Text(lines[0].text + more)


def visual_cell(text: str, width: int, style: Style | str = "") -> Text:
    """``text`` on one row of exactly ``width`` cells: shaped and ordered, cut in reading order
    (with … where it goes on), right-aligned when it reads right to left. For list rows and table cells."""
    text = " ".join(text.split())
    lines = layout_paragraph(text, LayoutOptions(width=max(width, 2)))
    if not lines or width <= 0:
        return Text(" " * max(width, 0))
    if len(lines) > 1:  # room for the ellipsis
        lines = layout_paragraph(text, LayoutOptions(width=max(width - 1, 1)))
    line = lines[0]
    more = len(lines) > 1
    body = ("…" + line.text if line.rtl else line.text + "…") if more else line.text
    pad = " " * max(width - line.cell_length - more, 0)
    return Text.assemble(pad, (body, style)) if line.rtl else Text.assemble((body, style), pad)


def visual_lines(text: str, width: int) -> list[VisualLine]:
    """Visual lines of a short text (newlines end paragraphs), at ``width`` cells."""
    lines: list[VisualLine] = []
    offset = 0
    for index, paragraph in enumerate(text.split("\n")):
        lines.extend(layout_paragraph(paragraph, LayoutOptions(width=max(width, 2)), offset, index))
        offset += len(paragraph) + 1
    return lines


class VisualLabel(Widget):
    """Like ``Static`` for Arabic, Persian, Urdu or Hebrew text.

    Textual wraps a string left to right, so a right-to-left line that is too
    long loses its *first* words to the next row. This label wraps in logical
    order with the text engine and right-aligns right-to-left lines.
    """

    DEFAULT_CSS = """
    VisualLabel { height: auto; }
    """

    text: reactive[str] = reactive("", layout=True)
    """The logical text shown."""

    def __init__(
        self,
        text: str = "",
        *,
        max_lines: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.max_lines = max_lines
        self.set_reactive(VisualLabel.text, text)

    def _lines(self, width: int) -> list[VisualLine]:
        lines = visual_lines(self.text, width)
        if self.max_lines and len(lines) > self.max_lines:
            lines = lines[: self.max_lines]
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self._lines(width)), 1)

    def render(self) -> RenderResult:
        width = self.content_region.width or self.size.width
        rows = []
        for line in self._lines(width):
            pad = width - line.cell_length if line.rtl else 0
            rows.append(" " * max(pad, 0) + line.text)
        return Text("\n".join(rows), no_wrap=True, overflow="crop")
