"""The reader's copy keys: ``y`` copies words of the article, ``Y`` a citation, ctrl+c a selection.

What is copied is always the article's own characters (``Article.text``
between two offsets), never the shaped, reordered strings on screen: a quote
pasted into a report must be the words as the outlet wrote them, in logical
order, searchable (``reader.text.sanitise.copyable`` takes out bidi marks,
controls and presentation forms). It reaches the clipboard as OSC 52
(``QariApp.copy_to_clipboard``), so it works over SSH and inside tmux.

ctrl+c copies only a selection. With nothing selected it copies nothing and
says how to quit, as vim does ("Type :qa! and press <Enter> to abandon all
changes and exit Vim") and Textual apps do: in a terminal ctrl+c is the
interrupt key, so a user pressing it with nothing selected most likely wants
out, and quietly copying a sentence would neither quit nor tell them how.
``y`` is the key that copies what is at the cursor.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from ..annotations.citation import citation
from ..annotations.editor import claim_span
from ..annotations.model import Claim
from ..text.sanitise import copyable
from .annotating import AnnotatingScreen
from .article_view import ArticleView

__all__ = ["CopyingScreen"]


class CopyingScreen(AnnotatingScreen):
    """An annotating screen whose selection, claim or sentence at the cursor can be copied (``ReaderScreen``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "y",
            "copy",
            "Copy",
            id="reader.copy",
            show=False,
            tooltip="Copy the selection, else the claim at the cursor, else the sentence",
        ),
        Binding(
            "Y",
            "cite",
            "Cite",
            id="reader.cite",
            show=False,
            tooltip="Copy a citation of the claim at the cursor: «quote» — source (role), title, outlet, date, URL",
        ),
        Binding(
            "ctrl+c,super+c",
            "copy_selection",
            "Copy selection",
            id="reader.copy-selection",
            show=False,
            tooltip="Copy the selection (ctrl+c never quits)",
        ),
    ]

    def _to_copy(self) -> tuple[int, int, str, Claim | None]:
        """The selection, else the claim at the cursor, else the sentence at the cursor, and what it is."""
        view = self.query_one(ArticleView)
        if view.selection:
            start, end = claim_span(self.article.text, *view.selection)  # without the space a word move takes
            claim = view.claim_at(start) if view.claims else None
            whole = claim is not None and claim.anchor.start <= start and end <= claim.anchor.end
            return start, end, "selection", claim if whole else None
        claim = view.claim_at(view.cursor) if view.claims else None
        if claim is not None:
            return claim.anchor.start, claim.anchor.end, "claim", claim
        start, end = view.document.sentence_at(view.cursor)
        return start, end, "sentence", None

    def _copy(self, text: str, said: str) -> None:
        self.app.copy_to_clipboard(text)
        self.notify(said, timeout=3, markup=False)

    def action_copy(self) -> None:
        """y: the selection, else the claim at the cursor, else the sentence at the cursor."""
        start, end, what, _ = self._to_copy()
        text = copyable(self.article.text[start:end]).strip()
        if not text:
            self.notify("nothing to copy here: select words or move the cursor into a sentence", severity="warning")
            return
        count = f"{len(text)} character{'' if len(text) == 1 else 's'}"
        self._copy(text, f"copied {count}" if what == "selection" else f"copied the {what} ({count})")

    def action_cite(self) -> None:
        """Y: «quote» — source (role), title, outlet, date, URL, for the claim (or selection, or sentence) here."""
        start, end, what, claim = self._to_copy()
        quote = self.article.text[start:end]
        if not copyable(quote).strip():
            self.notify("nothing to cite here: move to a claim (] [) or select words", severity="warning")
            return
        sources: list[tuple[str, str]] = []
        if claim is not None and self.store is not None:
            named = (self.store.source(i) for i in claim.source_ids)
            sources = [(source.name, source.role) for source in named if source is not None]
        self._copy(citation(quote, sources, self.article.metadata), f"copied the citation of the {what}")

    def action_copy_selection(self) -> None:
        """ctrl+c: copy the selection; with none, copy nothing and say how to quit (see the module's docstring)."""
        if self.query_one(ArticleView).selection:
            self.action_copy()
            return
        selected = self.get_selected_text()  # Textual's own mouse selection, in a header or a panel
        if selected:
            self._copy(copyable(selected), f"copied {len(selected)} characters")
            return
        quit_key = next(
            (
                self.app.get_key_display(active.binding)
                for active in self.active_bindings.values()
                if active.binding.action in ("quit", "app.quit")
            ),
            "ctrl+q",
        )
        copy_key = next(
            (
                self.app.get_key_display(active.binding)
                for active in self.active_bindings.values()
                if active.binding.action == "copy"
            ),
            "y",
        )
        self.notify(
            f"ctrl+c copies a selection and never quits: {quit_key} quits; "
            f"{copy_key} copies the claim or sentence at the cursor",
            markup=False,
        )
