"""A keyboard list of entries of a fixed number of rows, drawn only where it is seen (the Line API).

Textual's ``OptionList`` measures and renders every option when its options
are replaced: with 5,000 claims that took 1.4 s after each save. This list
asks for an entry's rows only when they come into view, and keeps them until
the entries or the width change, so listing again after a save costs
what is on the screen.
"""

from __future__ import annotations

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
    """Entries of ``rows_per_entry`` rows each, with an optional rule before one of them.

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
        self, render_entry: Callable[[T, int], list[Text]], *, rows_per_entry: int = 2, id: str | None = None
    ) -> None:
        """``render_entry(entry, width)``: the entry's rows, each a ``Text`` no wider than ``width``."""
        super().__init__(id=id)
        self._render_entry = render_entry
        self.rows_per_entry = rows_per_entry
        self.entries: Sequence[T] = ()
        self.rule_before: int | None = None
        self._drawn: dict[int, list[Strip]] = {}  # entry index → its rows, for the current width and entries
        self._drawn_width = 0

    # --- contents ---------------------------------------------------------------

    def set_entries(self, entries: Sequence[T], *, rule_before: int | None = None, highlight: int = 0) -> None:
        """Show ``entries`` (a rule above entry ``rule_before``) with ``highlight`` highlighted."""
        self.entries = entries
        self.rule_before = rule_before if rule_before is not None and 0 < rule_before < len(entries) else None
        self._drawn.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._row_count())
        self.highlighted = min(max(highlight, 0), len(entries) - 1) if entries else None
        self.refresh()

    def redraw(self, positions: Iterable[int] | None = None) -> None:
        """Draw entries again (at these positions, or all): what they show has changed, not the list."""
        if positions is None:
            self._drawn.clear()
        else:
            for position in positions:
                self._drawn.pop(position, None)
        self.refresh()

    @property
    def entry_count(self) -> int:
        return len(self.entries)

    def rows_of(self, index: int) -> list[str]:
        """The rows of an entry as plain strings (what the terminal shows, for tests and screen readers)."""
        width = self.scrollable_content_region.width or 40
        return [text.plain for text in self._render_entry(self.entries[index], width)]

    def _row_count(self) -> int:
        return len(self.entries) * self.rows_per_entry + (self.rule_before is not None)

    def _first_row(self, index: int) -> int:
        rule = self.rule_before is not None and index >= self.rule_before
        return index * self.rows_per_entry + rule

    def _entry_at_row(self, row: int) -> tuple[int, int] | None:
        """(entry index, row within it) at a row of the list; None on the rule or past the end."""
        if self.rule_before is not None:
            rule_row = self.rule_before * self.rows_per_entry
            if row == rule_row:
                return None
            if row > rule_row:
                row -= 1
        index, line = divmod(row, self.rows_per_entry)
        return (index, line) if 0 <= index < len(self.entries) else None

    # --- drawing ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._row_count())

    def _strips_of(self, index: int, width: int) -> list[Strip]:
        if width != self._drawn_width:
            self._drawn.clear()
            self._drawn_width = width
        strips = self._drawn.get(index)
        if strips is None:
            console = self.app.console
            texts = self._render_entry(self.entries[index], width)[: self.rows_per_entry]
            texts += [Text("")] * (self.rows_per_entry - len(texts))
            strips = [Strip(list(text.render(console, end=""))) for text in texts]
            self._drawn[index] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        place = self._entry_at_row(int(self.scroll_y) + y)
        if place is None:
            row = int(self.scroll_y) + y
            if self.rule_before is not None and row == self.rule_before * self.rows_per_entry:
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
        region = Region(0, self._first_row(index), 1, self.rows_per_entry)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_move(self, step: int) -> None:
        if self.entries:
            current = self.highlighted if self.highlighted is not None else 0
            self.highlighted = min(max(current + step, 0), len(self.entries) - 1)

    def action_page(self, direction: int) -> None:
        per_page = max(self.scrollable_content_region.height // self.rows_per_entry - 1, 1)
        self.action_move(direction * per_page)

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
