"""The annotation editor: every change a user makes, as one command saved with one write, with undo and redo.

The reader's keys and dialogs say what the annotator wants (a claim on these
words, with this draft; this source renamed…); the editor turns that into a
``Command``: the store changes that do it and, when it can be taken back,
the changes that undo it. ``AnnotationStore.apply`` saves each list with one
atomic write, so a claim with two new sources, or a merge that moves twenty
claims, is one save, and a failed save changes nothing. Undo and redo are one
save each too. Whoever shows the annotations subscribes to the editor's
events. No Textual import: the UI only turns keys into these calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from .changes import AddClaim, AddSource, Change, DeleteClaim, DeleteSource, UpdateClaim, UpdateSource
from .drafts import ClaimDraft, SourceDraft
from .errors import StoreError
from .model import Anchor, Claim, Source, name_key
from .store import AnnotationStore

if TYPE_CHECKING:
    from ..attribution import Suggestion

__all__ = ["AnnotationEditor", "Command", "EditorEvent", "claim_span"]


@dataclass(frozen=True, slots=True)
class Command:
    """One user action: its label for messages, its changes, and the changes that take it back (None: it
    cannot be taken back, as an orphan placed again, whose old place is no longer in the article)."""

    label: str
    changes: tuple[Change, ...]
    inverse: tuple[Change, ...] | None


@dataclass(frozen=True, slots=True)
class EditorEvent:
    """What changed the annotations: a command ``done``, ``undone`` or ``redone``; or ``reloaded``, when the
    store loaded what another qari saved (taking over its lock, or before a save)."""

    kind: Literal["done", "undone", "redone", "reloaded"]
    command: Command | None = None


Listener = Callable[[EditorEvent], None]


def claim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space at either end: a claim's quote starts and ends with words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class AnnotationEditor:
    """Commands on one article's store, the undo and redo stacks, and the listeners to tell.

    Every command method raises StoreError (refused, read-only) or SaveError
    (the save failed) and then leaves the file, the store and both stacks as
    they were.
    """

    def __init__(self, store: AnnotationStore) -> None:
        self.store = store
        self.undo_stack: list[Command] = []
        self.redo_stack: list[Command] = []
        self._listeners: list[Listener] = []

    # -- events

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every change of the annotations; returns what unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _tell(self, event: EditorEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _saving(self, changes: Sequence[Change], kind: Literal["done", "undone", "redone"], command: Command) -> None:
        """Apply ``changes`` with one save, then tell the listeners (``reloaded`` if only a reload happened)."""
        generation = self.store.generation
        try:
            self.store.apply(changes)
        except StoreError:
            if self.store.generation != generation:
                self._tell(EditorEvent("reloaded"))
            raise
        self._tell(EditorEvent(kind, command))

    # -- state

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def take_over(self) -> bool:
        """Read-only because another qari had the article open: take over if it has closed (its claims
        are loaded; the listeners hear ``reloaded``). False when still read-only or never was."""
        if not self.store.read_only or not self.store.retry_lock():
            return False
        self._tell(EditorEvent("reloaded"))
        return True

    # -- running commands

    def run(self, command: Command) -> Command:
        """Do ``command`` (one save); remember it for undo when it can be taken back."""
        self._saving(command.changes, "done", command)
        if command.inverse is not None:
            self.undo_stack.append(command)
        self.redo_stack.clear()
        return command

    def undo(self) -> Command | None:
        """Take back the last command (one save); None when there is nothing to undo."""
        if not self.undo_stack:
            return None
        command = self.undo_stack[-1]
        self._saving(command.inverse or (), "undone", command)
        self.redo_stack.append(self.undo_stack.pop())
        return command

    def redo(self) -> Command | None:
        """Do again the last command undone (one save); None when there is nothing to redo."""
        if not self.redo_stack:
            return None
        command = self.redo_stack[-1]
        self._saving(command.changes, "redone", command)
        self.undo_stack.append(self.redo_stack.pop())
        return command

    # -- claims

    def add_claim(self, start: int, end: int, draft: ClaimDraft, *, label: str | None = None) -> Command:
        """A new claim on the article's words [start, end) with the draft's sources (found, or made for this article)."""
        ids, forward, inverse = self._sources_for(draft)
        anchor = Anchor.from_text(self.store.article_text, start, end)
        claim = Claim(anchor, ids, draft.tags, draft.note, draft.status, evidence=draft.evidence)
        return self.run(
            Command(
                label or f"claim saved ({draft.status}, {draft.source_name})",
                (*forward, AddClaim(claim)),
                (DeleteClaim(claim.id), *inverse),
            )
        )

    def accept_suggestion(self, suggestion: Suggestion, draft: ClaimDraft, *, label: str | None = None) -> Command:
        """An attribution suggestion confirmed (the draft as the annotator left it): its claim span a claim."""
        start, end = suggestion.claim_span
        return self.add_claim(start, end, draft, label=label)

    def edit_claim(self, before: Claim, draft: ClaimDraft, *, label: str | None = None) -> Command:
        """The claim as the draft says; a source taken out of the draft is taken off the claim."""
        ids, forward, inverse = self._sources_for(draft)
        after = before.edited(
            source_ids=ids, tags=draft.tags, note=draft.note, status=draft.status, evidence=draft.evidence
        )
        return self.run(
            Command(label or "claim updated", (*forward, UpdateClaim(after)), (UpdateClaim(before), *inverse))
        )

    def set_evidence(self, claim: Claim, evidence: Sequence[str], *, label: str | None = None) -> Command:
        """The claim's evidence (links, short notes) replaced by ``evidence``: blank items and repeats dropped."""
        items = tuple(dict.fromkeys(item.strip() for item in evidence if item.strip()))
        after = claim.edited(evidence=items)
        count = f"{len(items)} item{'' if len(items) == 1 else 's'}"
        return self.run(Command(label or f"evidence saved ({count})", (UpdateClaim(after),), (UpdateClaim(claim),)))

    def delete_claim(self, claim: Claim, *, label: str | None = None) -> Command:
        return self.run(Command(label or "claim deleted", (DeleteClaim(claim.id),), (AddClaim(claim),)))

    def attach_orphan(self, claim: Claim, start: int, end: int, *, label: str | None = None) -> Command:
        """Place a claim the changed article lost at the words [start, end); no way back (its old place is gone)."""
        after = claim.edited(anchor=Anchor.from_text(self.store.article_text, start, end))
        return self.run(Command(label or "claim placed again", (UpdateClaim(after),), None))

    def _sources_for(self, draft: ClaimDraft) -> tuple[tuple[str, ...], list[Change], list[Change]]:
        """The ids of a draft's sources, the changes that make or update them, and those that take that back
        (in undo order: further sources first, as they were added last)."""
        store = self.store
        first_back: list[Change] = []
        forward: list[Change] = []
        source = store.source(draft.source_id) if draft.source_id else store.find_source(draft.source_name)
        if source is None:
            # Known from another article of the folder, or new: this article gets its own copy.
            source = Source(draft.source_name, draft.source_type, draft.source_role)
            forward.append(AddSource(source))
            first_back.append(DeleteSource(source.id, if_unused=True))
        elif (source.type, source.role) != (draft.source_type, draft.source_role or source.role):
            before = source
            source = replace(source, type=draft.source_type, role=draft.source_role or source.role)
            forward.append(UpdateSource(source))
            first_back.append(UpdateSource(before))
        made = {name_key(source.name): source}
        ids = [source.id]
        more_back: list[Change] = []
        for wanted in draft.more_sources:
            found = store.source(wanted.id) or store.find_source(wanted.name) or made.get(name_key(wanted.name))
            if found is None:
                found = made[name_key(wanted.name)] = Source(wanted.name, wanted.type, wanted.role)
                forward.append(AddSource(found))
                more_back.append(DeleteSource(found.id, if_unused=True))
            ids.append(found.id)
        return tuple(dict.fromkeys(ids)), forward, [*more_back, *first_back]

    # -- sources

    def merge_target(self, source: Source, name: str) -> Source | None:
        """The other source of the article called ``name`` (renaming ``source`` so merges the two), if any."""
        other = self.store.find_source(name)
        return other if other is not None and other.id != source.id else None

    def edit_source(self, before: Source, draft: SourceDraft, *, label: str | None = None) -> Command:
        """Rename (or retype…) a source for all its claims; a name another source has merges the two."""
        into = self.merge_target(before, draft.name)
        if into is not None:
            return self.merge_sources(before, into)
        after = replace(before, name=draft.name, type=draft.type, role=draft.role, note=draft.note)
        return self.run(
            Command(label or f"source updated: {draft.name}", (UpdateSource(after),), (UpdateSource(before),))
        )

    def merge_sources(self, source: Source, into: Source, *, label: str | None = None) -> Command:
        """Every claim of ``source`` moved to ``into`` (the same person typed two ways), ``source`` dropped."""
        claims = self.store.claims_of(source.id)
        moved = [
            replace(claim, source_ids=tuple(dict.fromkeys(into.id if i == source.id else i for i in claim.source_ids)))
            for claim in claims
        ]
        return self.run(
            Command(
                label or f"{source.name} merged into {into.name} ({len(claims)} claims)",
                (*(UpdateClaim(claim) for claim in moved), DeleteSource(source.id)),
                (AddSource(source), *(UpdateClaim(claim) for claim in claims)),
            )
        )

    def delete_source(self, source: Source, *, label: str | None = None) -> Command:
        """Delete a source no claim names (StoreError while one does)."""
        return self.run(
            Command(label or f"source deleted: {source.name}", (DeleteSource(source.id),), (AddSource(source),))
        )
