"""The help screen: every key that works on the screen below it, and nothing that does not.

The list is read from Textual's own binding chain for that screen (its
focused widget and the widget's ancestors, the screen, the app), so it is
always the truth: a key an ``Input`` swallows, or whose action
``check_action`` hides, is not listed; one that is bound but unavailable
right now is shown dimmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One row of the help: the keys that run one action, and what it does."""

    keys: str
    description: str
    tooltip: str
    enabled: bool


def group_title(node: DOMNode) -> str:
    """A heading for the bindings of ``node``: its ``BINDING_GROUP_TITLE``, else from its kind."""
    if node.BINDING_GROUP_TITLE:
        return node.BINDING_GROUP_TITLE
    if isinstance(node, App):
        return "Everywhere"
    if isinstance(node, Screen):
        return "This screen"
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", type(node).__name__)
    return " ".join(words).capitalize() or type(node).__name__


def _description(binding: Binding) -> str:
    """The binding's description; failing that its tooltip; failing that its action's name."""
    action = binding.action.split(".")[-1].split("(")[0].replace("_", " ")
    return binding.description or binding.tooltip or action


def binding_groups(screen: Screen[object]) -> list[tuple[str, list[KeyHelp]]]:
    """The active bindings of ``screen``, grouped by the node that binds them, nearest first.

    Several keys bound to the same action in the same place share a row.
    Textual's system bindings (hidden helpers such as ctrl+c "help quit") are left out.
    """
    app = screen.app
    groups: dict[DOMNode, dict[tuple[str, str], tuple[list[str], str, bool]]] = {}
    for node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.system:
            continue
        rows = groups.setdefault(node, {})
        description = _description(binding)
        extra = tooltip if tooltip != description else ""
        keys, _, _ = rows.setdefault((binding.action, description), ([], extra, enabled))
        key = app.get_key_display(binding)
        if key not in keys:
            keys.append(key)
    return [
        (
            group_title(node),
            [
                KeyHelp(" ".join(keys), description, tooltip, enabled)
                for (_action, description), (keys, tooltip, enabled) in rows.items()
            ],
        )
        for node, rows in groups.items()
    ]


class HelpScreen(ModalScreen[None]):
    """A dialog listing the keys of the screen it was opened from; Escape, q or ? closes it.

    | key | action |
    |---|---|
    | escape q ? | close |
    | ↑ ↓ PgUp PgDn | scroll |
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close", id="help.close")]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > #help-box {
            width: 80%;
            max-width: 90;
            height: 80%;
            border: round $primary;
            background: $surface;
            padding: 0 1;
        }
        #help-title { height: 1; text-style: bold; color: $primary; }
        /* The scrollbar's room is always kept: the rows are wrapped to what is left. */
        #help-keys { height: 1fr; background: $surface; scrollbar-gutter: stable; overflow-x: hidden; }
        #help-hint { height: 1; color: $text-muted; }
    }
    """

    def __init__(self, target: Screen[object] | None = None) -> None:
        """``target``: the screen whose keys to list (default: the one below this dialog)."""
        super().__init__()
        self._target = target

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Text("Keys"), id="help-title")
            yield DataTable(cursor_type="none", zebra_stripes=False, id="help-keys")
            yield Static(Text("Escape, q or ? closes this help"), id="help-hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns("key", "does")
        target = self._target or self._screen_below()
        if target is None:
            return
        groups = binding_groups(target)
        # Sections the screen adds after its keys: the claim dialog's fields (name, what goes in it).
        sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = getattr(target, "HELP_SECTIONS", ())
        names = [row.keys for _, rows in groups for row in rows] + [
            name for _, fields in sections for name, _ in fields
        ]
        titles = [title for title, _ in groups] + [title for title, _ in sections]
        keys_width = max([cell_len(name) + 2 for name in names] + [cell_len(title) for title in titles] + [8])
        # The box is 80% of the screen (90 at most) less its border and padding, and the scrollbar's room;
        # each column pads 1 either side.
        box = min(self.app.size.width * 4 // 5, 90) - 4 - table.styles.scrollbar_size_vertical
        room = max(box - keys_width - 4, 20)

        def add(name: Text, does: Text) -> None:
            lines = does.wrap(self.app.console, room)  # a long tooltip wraps instead of running off the box
            table.add_row(name, Text("\n").join(lines), height=len(lines))

        for title, rows in groups:
            table.add_row(Text(title, style="bold"), Text(""))
            for row in rows:
                style = "" if row.enabled else "dim"
                does = Text(row.description, style=style)
                if row.tooltip:
                    does.append("  " + row.tooltip, style="dim")
                if not row.enabled:
                    does.append(" (not now)", style="dim")
                add(Text("  " + row.keys, style=style or "bold"), does)
        for title, fields in sections:
            table.add_row(Text(title, style="bold"), Text(""))
            for name, what in fields:
                add(Text("  " + name, style="bold"), Text(what))
        table.focus()

    def _screen_below(self) -> Screen[object] | None:
        stack = self.app.screen_stack
        if self in stack:
            index = stack.index(self)
            return stack[index - 1] if index > 0 else None
        return stack[-1] if stack else None

    def action_close(self) -> None:
        self.dismiss(None)
