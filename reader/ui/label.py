"""Every piece of UI text that can read right to left, from its logical string to what is drawn: the one place.

Textual draws code points left to right as they come, so Arabic handed to a
plain widget shows reversed and unjoined. Everything the UI shows besides
the article body and the input fields (a header, a status line, a list row,
a dialog label, a table cell, a toast) goes through the functions here,
which lay it out with the text engine for the app's bidi mode
(``QariApp.bidi``, read with ``bidi_of``):

- ``app``: shaped presentation forms in visual order, for terminals that
  draw cells as sent;
- ``terminal``: the logical string, unshaped, for terminals that run the
  bidi algorithm themselves (the text would be reversed twice otherwise).

In both, a right-to-left paragraph is right-aligned (the padding goes on its
left) and control characters are made visible. The mode is an argument, never
state kept here, so no widget or test can leave it set for another.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.content import Content
from textual.dom import DOMNode
from textual.geometry import Size
from textual.markup import MarkupError
from textual.reactive import reactive
from textual.widget import Widget

from ..text.cells import cell_width
from ..text.layout import BidiMode, Direction, LayoutOptions, VisualLine, layout_paragraph
from ..text.sanitise import visible
from ..text.unidata import classes_of

#: Bidi classes (``classes_of`` codes) that make a text need the engine: R, AL and the explicit RTL controls.
_RTL_CODES = frozenset("RA")
_RTL_CONTROLS = frozenset("\u200f\u061c\u202b\u202e\u2067\u2068")


def layout_mode(bidi: str) -> BidiMode:
    """The engine's mode for the app's ``bidi`` setting: logical order only for ``terminal``."""
    return "terminal" if bidi == "terminal" else "app"


def bidi_of(node: DOMNode) -> BidiMode:
    """The bidi mode of the app ``node`` runs in (``app`` for an app that has none, such as a test harness)."""
    return layout_mode(getattr(node.app, "bidi", "app"))


def has_rtl(text: str) -> bool:
    """Does ``text`` hold right-to-left letters (or a control that makes some)? Only then does it need laying out."""
    if text.isascii():
        return False
    return any(code in _RTL_CODES for code in classes_of(text)) or any(ch in _RTL_CONTROLS for ch in text)


def _options(width: int, bidi: BidiMode, direction: Direction | None = None) -> LayoutOptions:
    return LayoutOptions(width=max(width, 2), bidi=bidi, direction=direction)


def plain(text: str) -> Text:
    """Text from outside (a file name, a path) made safe to show as it is, left to right.

    Control characters become visible symbols, so a file named with an
    escape sequence cannot talk to the terminal, and the result is a ``Text``,
    never markup, so brackets in a name are shown, not interpreted.
    """
    return Text(visible(text))


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 article``, ``2 articles``: the count with its noun in the right number (``words`` when not +s)."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def ltr_line(text: str, *, bidi: BidiMode) -> Text:
    """A left-to-right line that may name something right to left (the status line, a path, a file name).

    Laid out as one left-to-right paragraph, so an Arabic file name inside reads
    right in either mode; text without right-to-left letters is only made safe.
    """
    if not has_rtl(text):
        return plain(text)
    lines = layout_paragraph(" ".join(text.split("\n")), _options(10_000, bidi, "ltr"))
    return Text("".join(line.text for line in lines))


def visual(text: str, width: int = 10_000, *, bidi: BidiMode) -> Text:
    """A one-line label (a form label, an option, a table cell) laid out for ``bidi``.

    Cut at ``width`` cells in reading order with "…" where it goes on (in app
    mode that is the left end of a right-to-left label; in terminal mode the
    logical end, which the terminal puts there). Right-to-left labels are
    right-justified.
    """
    if not text:
        return Text("")
    lines = layout_paragraph(text.replace("\n", " "), _options(width, bidi))
    if not lines:
        return Text("")
    more = "…" if len(lines) > 1 else ""
    line = lines[0]
    body = more + line.text if line.rtl and bidi == "app" else line.text + more
    return Text(body, justify="right") if line.rtl else Text(body)


def visual_cell(
    text: str, width: int, style: Style | str = "", *, bidi: BidiMode, direction: Direction | None = None
) -> Text:
    """``text`` on one row of exactly ``width`` cells, laid out for ``bidi``: cut in reading order (with …
    where it goes on), right-aligned when it reads right to left. For list rows and table cells.

    ``direction``: force the paragraph's direction (``ltr`` for a file name, whatever its letters).
    """
    text = " ".join(text.split())
    if width <= 0:
        return Text("")
    lines = layout_paragraph(text, _options(width, bidi, direction))
    if not lines:
        return Text(" " * width)
    if len(lines) > 1:  # room for the ellipsis
        lines = layout_paragraph(text, _options(width - 1, bidi, direction))
    line = lines[0]
    more = "…" if len(lines) > 1 else ""
    body = more + line.text if line.rtl and bidi == "app" else line.text + more
    pad = " " * max(width - line.cell_length - len(more), 0)
    return Text.assemble(pad, (body, style)) if line.rtl else Text.assemble((body, style), pad)


@lru_cache(maxsize=32_768)  # three texts for each of 5,000 claims, at two widths
def _wrapped(text: str, width: int, bidi: BidiMode) -> tuple[tuple[int, int, bool], ...]:
    """Where each row of a one-paragraph text starts and ends at ``width`` cells, and whether it reads right to
    left (kept: a list asks again for every entry each time it changes)."""
    return tuple((line.start, line.end, line.rtl) for line in layout_paragraph(text, _options(width, bidi)))


def visual_rows(text: str, width: int, style: Style | str = "", *, bidi: BidiMode, max_rows: int) -> list[Text]:
    """``text`` wrapped over at most ``max_rows`` rows of exactly ``width`` cells, each laid out as
    ``visual_cell`` lays out a row; the last ends with … where the text goes on. For list entries."""
    text = " ".join(text.split())
    spans = _wrapped(text, width, bidi) if width > 0 and text else ()
    if len(spans) <= 1:
        return [visual_cell(text, width, style, bidi=bidi)]
    direction: Direction = "rtl" if spans[0][2] else "ltr"  # a row alone keeps its paragraph's direction
    shown = [(start, end) for start, end, _ in spans[:max_rows]]
    if len(spans) > max_rows:
        shown[-1] = (shown[-1][0], len(text))
    return [visual_cell(text[start:end], width, style, bidi=bidi, direction=direction) for start, end in shown]


def row_count(text: str, width: int, *, bidi: BidiMode, max_rows: int) -> int:
    """How many rows ``visual_rows`` gives (cheap once the text has been wrapped at that width)."""
    text = " ".join(text.split())
    if width <= 0 or not text:
        return 1
    # Without wrapping when the cells settle it: a lam-alef pair takes one cell, so the text takes at most
    # ``cells`` and at least ``cells`` less its lams (5,000 claims' entries are counted when a list opens).
    cells = cell_width(text)
    if cells <= width:
        return 1
    if cells - text.count("\u0644") > max_rows * width:
        return max_rows
    return min(len(_wrapped(text, width, bidi)), max_rows)


def visual_lines(text: str, width: int, *, bidi: BidiMode) -> list[VisualLine]:
    """The lines of a short text (newlines end paragraphs), wrapped in logical order at ``width`` cells."""
    lines: list[VisualLine] = []
    offset = 0
    for index, paragraph in enumerate(text.split("\n")):
        lines.extend(layout_paragraph(paragraph, _options(width, bidi), offset, index))
        offset += len(paragraph) + 1
    return lines


def block(text: str, width: int, *, bidi: BidiMode, max_lines: int = 0) -> list[str]:
    """The rows of a short text at ``width`` cells, right-to-left ones padded on the left to end at the right edge.

    ``max_lines``: at most this many rows (0: all).
    """
    lines = visual_lines(text, width, bidi=bidi)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
    return [" " * max(width - line.cell_length, 0) + line.text if line.rtl else line.text for line in lines]


def toast_message(message: str, width: int, *, bidi: BidiMode, markup: bool) -> tuple[str, bool]:
    """A notification's message and markup flag as the toast should get them, for a toast ``width`` cells wide.

    A ``Toast`` wraps its message left to right as it comes: a right-to-left
    one would be reversed, and its first words would go to the next row. A
    message with right-to-left letters is therefore wrapped here, in logical
    order, at the toast's width, and each row laid out (its markup, if any,
    read for its text: the styles are lost). Any other message goes as it is.
    """
    if not has_rtl(message):
        return message, markup
    text = message
    if markup:
        try:
            text = Content.from_markup(message).plain
        except MarkupError:
            pass
    return "\n".join(block(text, width, bidi=bidi)), False


class VisualLabel(Widget):
    """Like ``Static`` for Arabic, Persian, Urdu or Hebrew text, in the app's bidi mode.

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

    def rows(self, width: int) -> list[str]:
        """What the label draws at ``width`` cells, a string a row."""
        return block(self.text, width, bidi=bidi_of(self), max_lines=self.max_lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self.rows(width)), 1)

    def render(self) -> RenderResult:
        width = self.content_region.width or self.size.width
        return Text("\n".join(self.rows(width)), no_wrap=True, overflow="crop")
