"""What the claim and source dialogs share: a box in the middle, labelled fields, Enter saves, Escape cancels."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class FormDialog(ModalScreen[ResultType]):
    """A modal form. Subclasses put their fields in a ``Vertical`` with the class ``form-box`` and
    implement ``action_save`` (dismiss with the result) and ``action_cancel``.

    Enter and Escape are priority bindings: a focused field never swallows them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save", id="dialog.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", priority=True),
    ]

    DEFAULT_CSS = """
    FormDialog {
        align: center middle;
        .form-box {
            width: 90%; max-width: 110; height: auto; max-height: 95%;
            border: round $primary; background: $surface; padding: 0 1;
        }
        .form-label { color: $text-muted; height: 1; margin-top: 1; }
        .form-error { color: $error; text-style: bold; }
        .form-help { color: $text-muted; margin-top: 1; }
        RtlInput { background: $boost; }
        /* The focused field: a bar in the accent colour at its left (every field keeps the bar's room, so
           nothing moves) on a tinted background. */
        .form-box > RtlInput.-textual-compact, .form-box > ChoiceField { border-left: thick $boost !important; }
        .form-box > RtlInput.-textual-compact:focus, .form-box > ChoiceField:focus {
            border-left: thick $accent !important;
            background: $accent 15%;
        }
    }
    """

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
