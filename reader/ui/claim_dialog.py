"""The claim dialog: who says it, what kind of source, tags, status, note, evidence.

Keyboard first: it opens with the focus in the source field, Tab moves
field to field, ↓ ↑ in a field move through its suggestions (the list never
takes the focus), Enter saves from any field (or takes the highlighted
suggestion), Escape closes the suggestions, else cancels. Every text field is an ``RtlInput``, so Arabic
shows shaped and in order while it is typed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..annotations.drafts import EVIDENCE_SEPARATOR, SOURCE_SEPARATOR, ClaimDraft, split_evidence, split_items
from ..annotations.model import SOURCE_TYPES, STATUSES, Claim, Source, name_key
from ..annotations.sources import guess_source_type
from ..text.search import fold
from .form_dialog import FormDialog
from .label import VisualLabel, bidi_of, visual
from .rtl_input import RtlInput

#: The dialog's fields as the help screen lists them (opened from the reader or from this dialog). In Latin
#: letters but the separators: the help's table draws its text as it is, with no right-to-left layout.
FIELDS_HELP: tuple[tuple[str, str], ...] = (
    ("source", "who makes the claim; several separated by ؛ or ; (known sources are suggested as you type)"),
    ("source type", " · ".join(SOURCE_TYPES) + " (← → or an initial); follows the name until you pick one"),
    ("role", "the source's role or title: minister, spokesman, analyst…"),
    ("tags", "separated by , or ، (completed from the tags already used)"),
    ("status", " · ".join(STATUSES) + " (← → or an initial)"),
    ("note", "your own note on the claim"),
    (
        "evidence",
        f"links and short notes that back the verdict, on one line with{EVIDENCE_SEPARATOR}between items: "
        f"https://…{EVIDENCE_SEPARATOR}the ministry's statement",
    ),
)


def split_sources(text: str) -> tuple[str, ...]:
    """Source names typed in one field, separated by ؛ or ;, spaces tidied, each once (Arabic-folded)."""
    return split_items(text, "؛;", fold)


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed as a comma- (or Arabic comma-) separated list, without repeats, in the order typed."""
    return split_items(text, ",،")


class ChoiceField(Widget, can_focus=True):
    """One of a few fixed choices on one line; ← → (or the first letter) change it."""

    DEFAULT_CSS = """
    ChoiceField {
        height: 1;
        padding: 0 1;
        &:focus { background: $boost; }
        & > .choice-field--current { text-style: bold reverse; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-field--current"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous", id="claim-dialog.previous", show=False),
        Binding("right", "move(1)", "Next", id="claim-dialog.next", show=False),
    ]

    value: reactive[str] = reactive("")

    class Changed(Message):
        def __init__(self, field: ChoiceField, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(self, choices: tuple[str, ...], value: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = choices
        self.set_reactive(ChoiceField.value, value if value in choices else choices[0])

    def render(self) -> Text:
        current = self.get_component_rich_style("choice-field--current")
        text = Text()
        for index, choice in enumerate(self.choices):
            if index:
                text.append(" · ")
            text.append(choice, style=current if choice == self.value else "")
        return text

    def action_move(self, step: int) -> None:
        index = self.choices.index(self.value)
        self.value = self.choices[(index + step) % len(self.choices)]

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isalpha():
            for choice in self.choices:
                if choice.startswith(event.character.lower()):
                    self.value = choice
                    event.stop()
                    return

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))


class SuggestionList(OptionList, can_focus=False):
    """A text field's suggestions: never focused (Tab goes field to field); its field's ↓ ↑ move the
    highlight, Enter takes it, a click takes the one clicked."""


class ClaimDialog(FormDialog[ClaimDraft | None]):
    """New or edited claim: the quote on top, then source, type, role, tags, status, note, evidence."""

    HELP_SECTIONS: ClassVar[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (("Claim fields", FIELDS_HELP),)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "suggestion(1)",
            "Next suggestion",
            id="claim-dialog.next-suggestion",
            show=False,
            tooltip="Highlight the next of the field's suggestions (the focus stays in the field)",
        ),
        Binding(
            "up",
            "suggestion(-1)",
            "Previous suggestion",
            id="claim-dialog.previous-suggestion",
            show=False,
            tooltip="Highlight the previous suggestion; above the first, back to typing",
        ),
    ]

    DEFAULT_CSS = """
    ClaimDialog {
        #claim-quote { color: $text-muted; max-height: 4; margin-bottom: 1; }
        #claim-suggestions { height: auto; max-height: 6; display: none; }
        #claim-suggestions.-shown { display: block; }
        /* The list is never focused: its highlight is drawn as a focused list's. */
        #claim-suggestions > .option-list--option-highlighted {
            color: $block-cursor-foreground; background: $block-cursor-background;
        }
    }
    """

    def __init__(
        self,
        quote: str,
        *,
        sources: list[Source],
        tags: list[str],
        claim: Claim | None = None,
        source: Source | None = None,
        more: list[Source] | None = None,
        draft: ClaimDraft | None = None,
        error: str | None = None,
    ) -> None:
        """``source`` and ``more``: the claim's sources when editing. ``draft`` and ``error``: the dialog
        again after a save failed, filled in as the user left it."""
        super().__init__()
        self.quote = quote
        self.known_sources = sources
        self.known_tags = tags
        self.claim = claim
        self.error = error
        if draft is None:
            draft = ClaimDraft(
                source.name if source else "",
                source.type if source else "other",
                source.role if source else "",
                source.id if source else None,
                claim.tags if claim else (),
                claim.status if claim else "unverified",
                claim.note if claim else "",
                tuple(more or ()),
                claim.evidence if claim else (),
            )
        self.draft = draft
        if draft.source_id is not None:
            source = next((s for s in sources if s.id == draft.source_id), source)
        self._picked: Source | None = source
        self._type_chosen = source is not None or bool(draft.source_name)
        self._suggesting = "claim-source"  # the field whose suggestions are listed

    def compose(self) -> ComposeResult:
        draft = self.draft
        bidi = bidi_of(self)
        with Vertical(id="claim-box", classes="form-box"):
            yield VisualLabel(self.quote, max_lines=4, id="claim-quote")
            if self.error:
                yield VisualLabel(self.error, id="claim-error", classes="form-error")
            yield Static(visual("source — المصدر (type to find known sources)", bidi=bidi), classes="form-label")
            yield RtlInput(
                draft.source_names,
                placeholder="مثال: مصادر مطلعة — several: وزارة الصحة؛ منظمة الصحة العالمية",
                id="claim-source",
                compact=True,
            )
            yield SuggestionList(id="claim-suggestions")
            yield Static("source type (← →)", classes="form-label")
            yield ChoiceField(SOURCE_TYPES, draft.source_type, id="claim-source-type")
            yield Static(visual("role or affiliation — الصفة", bidi=bidi), classes="form-label")
            yield RtlInput(
                draft.source_role, placeholder="مثال: المتحدثة باسم وزارة الصحة", id="claim-role", compact=True
            )
            yield Static(visual("tags, separated by commas — وسوم", bidi=bidi), classes="form-label")
            yield RtlInput(", ".join(draft.tags), id="claim-tags", compact=True)
            yield Static("status (← →)", classes="form-label")
            yield ChoiceField(STATUSES, draft.status, id="claim-status")
            yield Static(visual("note — ملاحظة", bidi=bidi), classes="form-label")
            yield RtlInput(draft.note, id="claim-note", compact=True)
            yield Static(visual("evidence: links or notes, separated by | — أدلة", bidi=bidi), classes="form-label")
            yield RtlInput(
                EVIDENCE_SEPARATOR.join(draft.evidence),
                placeholder="https://… | بيان الوزارة",
                id="claim-evidence",
                compact=True,
            )
            yield Static("Enter saves · Esc cancels · Tab moves", id="claim-help", classes="form-help")

    def on_mount(self) -> None:
        self.query_one("#claim-source", RtlInput).focus()

    # --- type-ahead over known sources ---------------------------------------------

    def on_rtl_input_changed(self, event: RtlInput.Changed) -> None:
        if event.control.id == "claim-source":
            typed = event.value.replace(";", "؛").split("؛")
            first = typed[0]
            self._suggest(typed[-1])  # type-ahead for the source being typed
            if self._picked is not None and name_key(first) != name_key(self._picked.name):
                self._picked = None
            if not self._type_chosen and self._picked is None:
                self.query_one("#claim-source-type", ChoiceField).set_reactive(
                    ChoiceField.value, guess_source_type(first)
                )
                self.query_one("#claim-source-type", ChoiceField).refresh()
        elif event.control.id == "claim-tags":
            self._suggest_tags(event.value)

    def _suggest(self, typed: str) -> None:
        suggestions = self.query_one("#claim-suggestions", OptionList)
        suggestions.clear_options()
        needle = fold(typed).strip()
        matches = [s for s in self.known_sources if needle and needle in fold(s.name)][:8]
        for source in matches:
            label = visual(f"{source.name} — {source.role}" if source.role else source.name, 80, bidi=bidi_of(self))
            label.append(f"  ({source.type})")
            suggestions.add_option(Option(label, id=source.id))
        self._suggesting = "claim-source"
        suggestions.set_class(bool(matches), "-shown")

    def _suggest_tags(self, typed: str) -> None:
        suggestions = self.query_one("#claim-suggestions", OptionList)
        suggestions.clear_options()
        last = fold(typed.replace("،", ",").split(",")[-1]).strip()
        matches = [t for t in self.known_tags if last and fold(t).startswith(last)][:8]
        for tag in matches:
            suggestions.add_option(Option(visual(tag, 60, bidi=bidi_of(self)), id=f"tag:{tag}"))
        self._suggesting = "claim-tags"
        suggestions.set_class(bool(matches), "-shown")

    def _take_suggestion(self, option_id: str) -> None:
        suggestions = self.query_one("#claim-suggestions", OptionList)
        suggestions.remove_class("-shown")
        if option_id.startswith("tag:"):
            tags_field = self.query_one("#claim-tags", RtlInput)
            typed = list(split_tags(tags_field.value))
            if typed:
                typed.pop()
            tags_field.value = ", ".join([*typed, option_id[4:]]) + ", "
            tags_field.focus()
            return
        source = next((s for s in self.known_sources if s.id == option_id), None)
        if source is None:
            return
        field = self.query_one("#claim-source", RtlInput)
        before = [" ".join(part.split()) for part in field.value.replace(";", "؛").split("؛")][:-1]
        if before:  # a further source: the first one's type and role stay
            field.value = SOURCE_SEPARATOR.join([*before, source.name])
            suggestions.remove_class("-shown")
            self.query_one("#claim-tags", RtlInput).focus()
            return
        self._picked = source
        self._type_chosen = True
        field.value = source.name
        self.query_one("#claim-source-type", ChoiceField).value = source.type
        self.query_one("#claim-role", RtlInput).value = source.role
        self._picked = source  # setting the field's value above must not forget the pick
        suggestions.remove_class("-shown")
        self.query_one("#claim-tags", RtlInput).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._take_suggestion(event.option.id)

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        if event.control.id == "claim-source-type" and event.control.has_focus:
            self._type_chosen = True

    def _suggestions_open(self) -> bool:
        """The focused field's suggestions are listed."""
        shown = self.query_one("#claim-suggestions", OptionList).has_class("-shown")
        return shown and self.focused is not None and self.focused.id == self._suggesting

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self._suggestions_open() if action == "suggestion" else True

    def action_suggestion(self, step: int) -> None:
        """↓ ↑ in a field whose suggestions are open move their highlight; above the first, back to typing."""
        if not self._suggestions_open():
            raise SkipAction()
        suggestions = self.query_one("#claim-suggestions", OptionList)
        highlighted = suggestions.highlighted
        if step > 0:
            suggestions.highlighted = 0 if highlighted is None else min(highlighted + 1, suggestions.option_count - 1)
        else:
            suggestions.highlighted = None if not highlighted else highlighted - 1

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Another field: the suggestions of the one left are closed.
        if event.widget.id != self._suggesting:
            self.query_one("#claim-suggestions", OptionList).remove_class("-shown")

    # --- save / cancel ----------------------------------------------------------------

    def action_save(self) -> None:
        suggestions = self.query_one("#claim-suggestions", OptionList)
        if suggestions.has_class("-shown") and suggestions.highlighted is not None:
            option = suggestions.get_option_at_index(suggestions.highlighted)
            if option.id:
                self._take_suggestion(option.id)
            return
        names = split_sources(self.query_one("#claim-source", RtlInput).value)
        name = names[0] if names else ""
        if not name:
            self.notify("a claim needs a source: who says it?", severity="warning")
            self.query_one("#claim-source", RtlInput).focus()
            return
        picked = self._picked if self._picked is not None and name_key(self._picked.name) == name_key(name) else None
        if picked is None:
            picked = next((s for s in self.known_sources if name_key(s.name) == name_key(name)), None)
        self.dismiss(
            ClaimDraft(
                source_name=name,
                source_type=self.query_one("#claim-source-type", ChoiceField).value,
                source_role=" ".join(self.query_one("#claim-role", RtlInput).value.split()),
                source_id=picked.id if picked else None,
                tags=split_tags(self.query_one("#claim-tags", RtlInput).value),
                status=self.query_one("#claim-status", ChoiceField).value,
                note=self.query_one("#claim-note", RtlInput).value.strip(),
                more_sources=tuple(self._further(more) for more in names[1:]),
                evidence=split_evidence(self.query_one("#claim-evidence", RtlInput).value),
            )
        )

    def _further(self, name: str) -> Source:
        """A further source by name: the known one (its type, role and id), else new with a guessed type."""
        known = next((s for s in self.known_sources if name_key(s.name) == name_key(name)), None)
        return known if known is not None else Source(name, guess_source_type(name))

    def action_cancel(self) -> None:
        suggestions = self.query_one("#claim-suggestions", OptionList)
        if suggestions.has_class("-shown"):
            suggestions.remove_class("-shown")
            return
        self.dismiss(None)
