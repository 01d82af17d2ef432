"""A keyboard list of entries of a fixed number of rows, drawn only where it is seen (the Line API).

Textual's ``OptionList`` measures and renders every option when its options
are replaced: with 5,000 claims that took 1.4 s after each save. This list
asks for an entry's rows only when they come into view, and keeps them until
the entries or the width change, so listing again after a save costs
what is on the screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

T = TypeVar("T")


class EntryList(ScrollView, Generic[T], can_focus=True, inherit_bindings=False):
    """Entries of ``rows_per_entry`` rows each (or as many as ``height_of`` says), with an optional rule before
    one of them.

    | key | does |
    |---|---|
    | ↑ ↓ | highlight the previous / next entry |
    | PgUp PgDn, Home End | by a screenful / to the first or last |
    | Enter, click | select the highlighted entry |
    """

    BINDING_GROUP_TITLE = "List"
    BINDINGS: ClassVar[list[BindingType]] = [  # not ScrollView's: a list has nothing to scroll sideways
        Binding("up", "move(-1)", "Up", id="list.up", show=False),
        Binding("down", "move(1)", "Down", id="list.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="list.page-up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="list.page-down", show=False),
        Binding("home", "edge(-1)", "First", id="list.first", show=False),
        Binding("end", "edge(1)", "Last", id="list.last", show=False),
        Binding("enter", "select", "Go", id="list.go", tooltip="Go to the highlighted entry"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"entry-list--highlighted", "entry-list--rule"}
    """
    | class | what |
    |---|---|
    | `entry-list--highlighted` | the rows of the highlighted entry |
    | `entry-list--rule` | the rule before the entry given as ``rule_before`` |
    """

    DEFAULT_CSS = """
    EntryList {
        background: $panel;
        & > .entry-list--highlighted { background: $block-cursor-blurred-background; }
        &:focus > .entry-list--highlighted {
            background: $block-cursor-background; color: $block-cursor-foreground;
        }
        & > .entry-list--rule { color: $text-muted; }
    }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    """Index of the highlighted entry, or None when there are none."""

    class Highlighted(Message):
        """The highlight moved to another entry."""

        def __init__(self, entry_list: EntryList[object], index: int) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.index = index

        @property
        def control(self) -> EntryList[object]:
            return self.entry_list

    class Selected(Highlighted):
        """Enter (or a click) on an entry."""

    def __init__(
        self,
        render_entry: Callable[[T, int], list[Text]],
        *,
        rows_per_entry: int = 2,
        height_of: Callable[[T, int], int] | None = None,
        id: str | None = None,
    ) -> None:
        """``render_entry(entry, width)``: the entry's rows, each a ``Text`` no wider than ``width``.

        ``height_of(entry, width)``: how many rows the entry takes at that width (it must be cheap: it is asked
        for every entry when the entries or the width change); without it, ``rows_per_entry`` each.
        """
        super().__init__(id=id)
        self._render_entry = render_entry
        self._height_of = height_of
        self.rows_per_entry = rows_per_entry
        self.entries: Sequence[T] = ()
        self.rule_before: int | None = None
        self._drawn: dict[int, list[Strip]] = {}  # entry index → its rows, for the current width and entries
        self._drawn_width = 0
        self._tops: list[int] = [0]  # first row of each entry, then the row after the last
        self._tops_width = -1

    # --- contents ---------------------------------------------------------------

    def set_entries(self, entries: Sequence[T], *, rule_before: int | None = None, highlight: int = 0) -> None:
        """Show ``entries`` (a rule above entry ``rule_before``) with ``highlight`` highlighted."""
        self.entries = entries
        self.rule_before = rule_before if rule_before is not None and 0 < rule_before < len(entries) else None
        self._drawn.clear()
        self._lay_out()
        self.highlighted = min(max(highlight, 0), len(entries) - 1) if entries else None
        self.refresh()

    def redraw(self, positions: Iterable[int] | None = None) -> None:
        """Draw entries again (at these positions, or all): what they show has changed, not the list."""
        if positions is None:
            self._drawn.clear()
        else:
            for position in positions:
                self._drawn.pop(position, None)
        if self._height_of is not None:
            self._lay_out()
        self.refresh()

    @property
    def entry_count(self) -> int:
        return len(self.entries)

    def rows_of(self, index: int) -> list[str]:
        """The rows of an entry as plain strings (what the terminal shows, for tests and screen readers)."""
        width = self.scrollable_content_region.width or 40
        return [text.plain for text in self._render_entry(self.entries[index], width)]

    def _lay_out(self, width: int | None = None) -> None:
        """Where each entry starts at ``width`` (default: the current one; the rule takes a row), and the list's
        height. Entries drawn before are drawn again: their heights may have changed."""
        width = self.scrollable_content_region.width if width is None else width
        self._drawn.clear()
        tops = [0]
        for index, entry in enumerate(self.entries):
            if index == self.rule_before:
                tops[-1] += 1
            height = self.rows_per_entry if self._height_of is None else max(self._height_of(entry, width), 1)
            tops.append(tops[-1] + height)
        self._tops, self._tops_width = tops, width
        if self.virtual_size != Size(width, tops[-1]):
            self.virtual_size = Size(width, tops[-1])

    def _height(self, index: int) -> int:
        return self._tops[index + 1] - self._tops[index] - (index + 1 == self.rule_before)

    def _row_count(self) -> int:
        return self._tops[-1]

    def _first_row(self, index: int) -> int:
        return self._tops[index]

    def _rule_row(self) -> int | None:
        return None if self.rule_before is None else self._tops[self.rule_before] - 1

    def _entry_at_row(self, row: int) -> tuple[int, int] | None:
        """(entry index, row within it) at a row of the list; None on the rule or past the end."""
        if not 0 <= row < self._tops[-1] or row == self._rule_row():
            return None
        index = bisect_right(self._tops, row) - 1
        return index, row - self._tops[index]

    # --- drawing ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()
        if self.highlighted is not None:
            self._show_entry(self.highlighted)

    def _strips_of(self, index: int, width: int) -> list[Strip]:
        if width != self._drawn_width:
            self._drawn.clear()
            self._drawn_width = width
        strips = self._drawn.get(index)
        if strips is None:
            console = self.app.console
            height = self._height(index)
            texts = self._render_entry(self.entries[index], width)[:height]
            texts += [Text("")] * (height - len(texts))
            strips = [Strip(list(text.render(console, end=""))) for text in texts]
            self._drawn[index] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._height_of is not None and width != self._tops_width:
            self._lay_out(width)  # the width changed before on_resize said so (a scrollbar came or went)
        base = self.rich_style
        place = self._entry_at_row(int(self.scroll_y) + y)
        if place is None:
            row = int(self.scroll_y) + y
            if row == self._rule_row():
                # Not partial: a muted colour is an alpha blend, only resolved against the background.
                rule = self.get_component_rich_style("entry-list--rule")
                return Strip([Segment("─" * width, base + rule)], width)
            return Strip.blank(width, base)
        index, line = place
        strip = self._strips_of(index, width)[line]
        if index == self.highlighted:
            # The highlight's colours win over an entry's own (a claim's status colour, chosen to read on the
            # panel, can be the highlight's own colour: blue on blue); its text styles stay. Not partial: the
            # blurred highlight is an alpha blend, only resolved against the background.
            highlight = self.get_component_rich_style("entry-list--highlighted")
            style = base + highlight
            colours = Style(color=highlight.color, bgcolor=highlight.bgcolor)
            strip = Strip(list(Segment.apply_style(strip, style, colours)), strip.cell_length)
            return strip.crop_extend(0, width, style)
        return strip.apply_style(base).crop_extend(0, width, base)

    # --- moving -----------------------------------------------------------------

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh()
        if new is None:
            return
        self._show_entry(new)
        if old != new:
            self.post_message(self.Highlighted(self, new))  # type: ignore[arg-type]

    def _show_entry(self, index: int) -> None:
        region = Region(0, self._first_row(index), 1, self._height(index))
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_move(self, step: int) -> None:
        if self.entries:
            current = self.highlighted if self.highlighted is not None else 0
            self.highlighted = min(max(current + step, 0), len(self.entries) - 1)

    def action_page(self, direction: int) -> None:
        if not self.entries:
            return
        current = self.highlighted if self.highlighted is not None else 0
        # The entry a screenful away (less one entry's room, so the one left is still in view).
        target = self._first_row(current) + direction * max(self.scrollable_content_region.height - 2, 1)
        place = self._entry_at_row(min(max(target, 0), self._row_count() - 1))
        index = place[0] if place is not None else min(max(current + direction, 0), len(self.entries) - 1)
        self.highlighted = index if index != current else min(max(current + direction, 0), len(self.entries) - 1)

    def action_edge(self, direction: int) -> None:
        if self.entries:
            self.highlighted = 0 if direction < 0 else len(self.entries) - 1

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))  # type: ignore[arg-type]

    def on_click(self, event: events.Click) -> None:
        place = self._entry_at_row(int(self.scroll_y) + event.y)
        if place is not None:
            self.highlighted = place[0]
            self.action_select()
