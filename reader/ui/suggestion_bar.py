"""The suggestion bar: step through the attributions qari found, confirm one as a claim or skip it.

It holds the suggestions and which one is current; the reader screen draws
them in the text and turns a confirmed one into a claim (the claim dialog,
filled in with the source, its role and type).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ..attribution import Suggestion
from .label import bidi_of, visual_cell


def describe(suggestion: Suggestion) -> str:
    """One line about a suggestion: who, in what role, named or not, quoted or paraphrased, relayed by whom,
    and through which verb: what a fact-checker weighs before confirming it."""
    who = f"{suggestion.source} — {suggestion.role}" if suggestion.role else suggestion.source
    kind = suggestion.source_type if suggestion.named else "anonymous"
    how = "quoted" if suggestion.quoted else "paraphrased"
    via = f" · via {suggestion.relay}" if suggestion.relay else ""
    return f"{who} · {kind} · {how}{via} · «{suggestion.verb}»"


class SuggestionBar(Widget, can_focus=True):
    """Under the article's status line while suggestions are shown; it has the focus, so its keys win.

    | key | does |
    |---|---|
    | Enter | make the current suggestion a claim (the dialog opens filled in) |
    | Escape | skip it: the next one |
    | Tab, shift+Tab | next / previous without deciding |
    | `a` | stop suggesting |
    """

    BINDING_GROUP_TITLE = "Attribution suggestions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "accept",
            "Claim it",
            id="suggestions.claim-it",
            tooltip="Make this suggestion a claim (the dialog opens filled in)",
        ),
        Binding("escape", "skip", "Skip", id="suggestions.skip", tooltip="Leave this one and go to the next"),
        Binding(
            "tab", "step(1)", "Next", id="suggestions.next", show=False, tooltip="Next suggestion without deciding"
        ),
        Binding(
            "shift+tab", "step(-1)", "Previous", id="suggestions.previous", show=False, tooltip="Previous suggestion"
        ),
        Binding("a", "stop", "Stop", id="suggestions.stop", tooltip="Stop suggesting; back to the article"),
    ]

    DEFAULT_CSS = """
    SuggestionBar {
        height: 2;
        padding: 0 1;
        background: $boost;
        display: none;
        &.-shown { display: block; }
        &:focus { background: $primary 20%; }
    }
    """

    index: reactive[int] = reactive(0, always_update=True)
    """Which suggestion is current."""

    @dataclass
    class Changed(Message):
        """Another suggestion became current (None: the list ran out or suggesting stopped)."""

        bar: SuggestionBar
        suggestion: Suggestion | None

        @property
        def control(self) -> SuggestionBar:
            return self.bar

    @dataclass
    class Accepted(Message):
        """Enter on a suggestion: the reader opens the claim dialog for it."""

        bar: SuggestionBar
        suggestion: Suggestion

        @property
        def control(self) -> SuggestionBar:
            return self.bar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.suggestions: list[Suggestion] = []

    @property
    def current(self) -> Suggestion | None:
        return self.suggestions[self.index] if 0 <= self.index < len(self.suggestions) else None

    def start(self, suggestions: list[Suggestion], first: int = 0) -> None:
        """Show ``suggestions`` (in reading order), ``first`` current, and take the focus."""
        self.suggestions = list(suggestions)
        self.add_class("-shown")
        self.focus()
        self.index = min(max(first, 0), len(self.suggestions) - 1)

    def remove_current(self) -> None:
        """The current suggestion became a claim: drop it and show the one after it."""
        if self.current is None:
            return
        del self.suggestions[self.index]
        if not self.suggestions:
            self.action_stop()
            return
        self.index = min(self.index, len(self.suggestions) - 1)

    def watch_index(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self, self.current))

    def render(self) -> Text:
        width = self.content_region.width
        current = self.current
        if current is None:
            return Text("")
        head = f"suggestion {self.index + 1}/{len(self.suggestions)}  "
        about = visual_cell(describe(current), max(width - len(head), 10), bidi=bidi_of(self))
        keys = Text("Enter: claim it · Esc: skip · Tab: next · a: stop", style="dim")
        return Text.assemble(head, about, "\n", keys)

    def action_accept(self) -> None:
        if self.current is not None:
            self.post_message(self.Accepted(self, self.current))

    def action_skip(self) -> None:
        if self.index + 1 >= len(self.suggestions):
            self.notify("that was the last suggestion", severity="information")
            self.action_stop()
            return
        self.index += 1

    def action_step(self, step: int) -> None:
        if self.suggestions:
            self.index = (self.index + step) % len(self.suggestions)

    def action_stop(self) -> None:
        self.suggestions = []
        self.remove_class("-shown")
        self.post_message(self.Changed(self, None))
