"""The source dialog: rename a source, change its type, role or note, for every claim it makes.

Opened from the sources list of the side panel. Renaming a source to the
name of another one of the article merges the two (the reader asks the
store to move the claims); the dialog itself only says what was typed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ..annotations.drafts import SourceDraft
from ..annotations.model import SOURCE_TYPES, Source, name_key
from .claim_dialog import ChoiceField
from .form_dialog import FormDialog
from .label import VisualLabel, bidi_of, visual
from .rtl_input import RtlInput


class SourceDialog(FormDialog[SourceDraft | None]):
    """Name, type, role and note of one source; Enter saves, Escape cancels."""

    DEFAULT_CSS = """
    SourceDialog {
        #source-heading { color: $text-muted; }
    }
    """

    def __init__(
        self,
        source: Source,
        *,
        claims: int,
        others: list[Source],
        draft: SourceDraft | None = None,
        error: str | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self.claims = claims
        self.others = others
        self.draft = draft or SourceDraft(source.name, source.type, source.role, source.note)
        self.error = error

    def compose(self) -> ComposeResult:
        draft = self.draft
        bidi = bidi_of(self)
        with Vertical(id="source-box", classes="form-box"):
            count = f"{self.claims} claim{'' if self.claims == 1 else 's'}"
            yield Static(f"source of {count} in this article: changes apply to all of them", id="source-heading")
            if self.error:
                yield VisualLabel(self.error, id="source-error", classes="form-error")
            yield Static(visual("name — الاسم", bidi=bidi), classes="form-label")
            yield RtlInput(draft.name, id="source-name", compact=True)
            yield Static("source type (← →)", classes="form-label")
            yield ChoiceField(SOURCE_TYPES, draft.type, id="source-type")
            yield Static(visual("role or affiliation — الصفة", bidi=bidi), classes="form-label")
            yield RtlInput(draft.role, id="source-role", compact=True)
            yield Static(visual("note — ملاحظة", bidi=bidi), classes="form-label")
            yield RtlInput(draft.note, id="source-note", compact=True)
            yield VisualLabel(self.HELP, id="source-help", classes="form-help")

    def on_mount(self) -> None:
        self.query_one("#source-name", RtlInput).focus()

    HELP = "Enter saves · Esc cancels · Tab moves · a name another source has merges the two"

    def on_rtl_input_changed(self, event: RtlInput.Changed) -> None:
        """Say before Enter that this name belongs to another source, and what saving will do."""
        if event.control.id != "source-name":
            return
        other = self.merges_into(event.value)
        hint = f"Enter merges this source into «{other.name}» ({other.type})" if other else self.HELP
        self.query_one("#source-help", VisualLabel).text = hint

    def merges_into(self, name: str) -> Source | None:
        """The other source this name would merge into, if any."""
        key = name_key(name)
        return next((s for s in self.others if s.id != self.source.id and name_key(s.name) == key), None)

    def action_save(self) -> None:
        name = " ".join(self.query_one("#source-name", RtlInput).value.split())
        if not name:
            self.notify("a source needs a name", severity="warning")
            return
        self.dismiss(
            SourceDraft(
                name=name,
                type=self.query_one("#source-type", ChoiceField).value,
                role=" ".join(self.query_one("#source-role", RtlInput).value.split()),
                note=self.query_one("#source-note", RtlInput).value.strip(),
            )
        )
