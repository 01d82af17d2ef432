"""A small question before qari writes over a file: replace it, write a new name, or cancel.

Export dialogs of desktop tools (GIMP, Inkscape, LibreOffice) ask before
they replace a file, and so does qari: an export beside an article may have
been opened and annotated in a spreadsheet since, and one key is cheaper
than lost work. ``n`` keeps both (``…-2.csv``), which is what a browser's
downloads do without asking.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..text.sanitise import printable
from .label import bidi_of, ltr_line

Choice = Literal["replace", "new"]
"""What to do with a file that is there already (None from the dialog: cancel)."""


class ReplaceDialog(ModalScreen[Choice | None]):
    """``<file> exists``: r replaces it, n writes ``new`` beside it, Escape cancels.

    | key | action |
    |---|---|
    | r | replace the file |
    | n | write the new name instead |
    | escape | cancel: nothing is written |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('replace')", "Replace", id="replace.replace"),
        Binding("n", "choose('new')", "New name", id="replace.new"),
        Binding("escape", "choose('')", "Cancel", id="replace.cancel"),
    ]

    DEFAULT_CSS = """
    ReplaceDialog {
        align: center middle;
        & > #replace-box {
            width: 90%; max-width: 80; height: auto;
            border: round $warning; background: $surface; padding: 0 1;
        }
        #replace-keys { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(self, existing: Path, new: Path) -> None:
        super().__init__()
        self.existing = existing
        self.new = new

    def compose(self) -> ComposeResult:
        bidi = bidi_of(self)
        with Vertical(id="replace-box"):
            yield Static(ltr_line(f"{printable(self.existing.name)} is there already", bidi=bidi), id="replace-what")
            yield Static(
                ltr_line(f"r replace it · n write {printable(self.new.name)} · Escape cancel", bidi=bidi),
                id="replace-keys",
            )

    def action_choose(self, choice: str) -> None:
        self.dismiss("replace" if choice == "replace" else "new" if choice == "new" else None)
