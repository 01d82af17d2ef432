"""What qari does in the terminal it found: who orders the text, how rows are sent, what to switch.

``plan`` is pure: the terminal found, the user's bidi setting, what the
multiplexer allows and which cell rules exist go in; a ``Plan`` comes out,
read by the reader (``reader.ui.app``), by ``qari doctor`` and by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from .detect import Found
from .profiles import LOGICAL, VISUAL

#: The values of the ``bidi`` setting: ``auto`` lets the terminal found decide between the two others.
BIDI_SETTINGS = ("auto", "app", "terminal")


@dataclass(frozen=True, slots=True)
class Plan:
    """How qari draws in one terminal, and what it sends at start and on every way out."""

    found: Found
    bidi: str
    """``app``: qari shapes and orders the text; ``terminal``: the terminal does (logical order)."""
    cells: str
    """``visual``, ``logical`` or a ``reader.terminal.cells`` rule."""
    enter: str = ""
    """Written to the terminal when qari starts."""
    leave: str = ""
    """Written on every way out (and before a suspend; ``enter`` again on resume)."""
    notice: str = ""
    """One line for the first screen when qari can't make this terminal right by itself."""

    @property
    def what(self) -> str:
        """What qari does here, in a few words, for ``qari doctor`` and the status of the reader."""
        if self.bidi == "terminal":
            return "sends text as written and lets the terminal do the bidi"
        if self.cells not in (VISUAL, LOGICAL):
            return f"orders the text itself and arranges each row for {self.found.terminal.label}'s own reordering"
        if self.found.terminal.reorders and self.enter:
            return "orders the text itself and switches the terminal's own bidi off while it runs"
        return "orders and shapes the text itself"


def passthrough(sequence: str, inside: str) -> str:
    """``sequence`` wrapped so that tmux or screen hands it to the terminal around them."""
    if not sequence:
        return ""
    if inside == "tmux":
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    if inside == "screen":
        return "\x1bP" + sequence + "\x1b\\"
    return sequence


def plan(found: Found, bidi: str = "auto", *, passthrough_allowed: bool = True, rules: tuple[str, ...] = ()) -> Plan:
    """The plan for ``found`` under the ``bidi`` setting (``auto``, ``app`` or ``terminal``).

    ``passthrough_allowed``: tmux lets sequences through to the outer terminal
    (``allow-passthrough``); ``rules``: the cell rules this qari knows.
    """
    terminal = found.terminal
    if bidi == "terminal" or (bidi == "auto" and terminal.cells == LOGICAL):
        return Plan(found, "terminal", LOGICAL)
    cells = terminal.cells if terminal.cells in rules else VISUAL
    notice = ""
    if terminal.cells not in (VISUAL, LOGICAL):
        if cells == VISUAL:
            notice = f"{terminal.label} reorders right-to-left text itself and can't be told not to: {terminal.advice}"
        elif terminal.caveat:
            notice = f"{terminal.label} reorders right-to-left text itself; {terminal.caveat}: {terminal.advice}"
    enter, leave = terminal.switch_off, terminal.switch_on
    if found.inside:
        needs_switch = terminal.reorders and enter
        if found.inside == "tmux" and not passthrough_allowed:
            tell = "add 'set -g allow-passthrough on' to tmux.conf"
            if needs_switch and terminal.unswitched in rules:
                cells = terminal.unswitched  # its own bidi stays on: arrange the rows for it instead
                notice = (
                    f"tmux keeps qari from switching {terminal.label}'s own bidi off, so a number beside "
                    f"Arabic may land on its other side: {tell}"
                )
            elif needs_switch:
                notice = f"tmux keeps qari from switching {terminal.label}'s own bidi off: {tell}"
            enter = leave = ""
        else:
            enter, leave = passthrough(enter, found.inside), passthrough(leave, found.inside)
    return Plan(found, "app", cells, enter, leave, notice)
