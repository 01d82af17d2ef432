"""Document changes and the state they apply to: what one save of the store is made of.

A user action is a list of changes (a new source, then the claim that names
it; every claim of a source moved to another, then the source deleted). The
store applies them in order to a copy of its state, checking each against
what the ones before it left, and saves the documents they touched with one
write; only then does the copy become the store's state. So a change that
makes no sense, or a save that fails, leaves everything as it was.
No Textual import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .errors import StoreError
from .model import Claim, Source
from .schema import claim_to_doc, show, source_to_doc
from .storage import Doc

__all__ = [
    "AddClaim",
    "AddSource",
    "Batch",
    "Change",
    "DeleteClaim",
    "DeleteSource",
    "State",
    "UpdateClaim",
    "UpdateSource",
]

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class AddClaim:
    """A new claim: its quote must be at its offsets, its sources must exist."""

    claim: Claim


@dataclass(frozen=True, slots=True)
class UpdateClaim:
    """A changed claim, matched by id. An orphan given a quote that fits is placed again."""

    claim: Claim


@dataclass(frozen=True, slots=True)
class DeleteClaim:
    """A claim taken out (an orphan too)."""

    claim_id: str


@dataclass(frozen=True, slots=True)
class AddSource:
    source: Source


@dataclass(frozen=True, slots=True)
class UpdateSource:
    source: Source


@dataclass(frozen=True, slots=True)
class DeleteSource:
    """A source taken out; refused while a claim names it, or with ``if_unused`` quietly kept then
    (taking back a claim drops the source made for it, unless another claim names it by now)."""

    source_id: str
    if_unused: bool = False


Change = AddClaim | UpdateClaim | DeleteClaim | AddSource | UpdateSource | DeleteSource


@dataclass(slots=True)
class State:
    """The store's records and where each is in the file (document numbers)."""

    placed: dict[str, Claim] = field(default_factory=dict)
    orphans: dict[str, Claim] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    claim_keys: dict[str, int] = field(default_factory=dict)
    source_keys: dict[str, int] = field(default_factory=dict)
    next_claim_key: int = 1
    next_source_key: int = 1


_GONE: Any = object()


class _Overlay(Generic[V]):
    """A dict's pending changes: reads see them over the dict, ``settle`` writes them into it.

    So a batch costs what it changes, not a copy of 5,000 claims, and the
    dict is untouched until the save went through.
    """

    __slots__ = ("base", "changes")

    def __init__(self, base: dict[str, V]) -> None:
        self.base = base
        self.changes: dict[str, V] = {}

    def get(self, key: str) -> V | None:
        value = self.changes.get(key, self)
        if value is self:
            return self.base.get(key)
        return None if value is _GONE else value  # type: ignore[return-value]

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __setitem__(self, key: str, value: V) -> None:
        self.changes[key] = value

    def pop(self, key: str) -> V | None:
        value = self.get(key)
        self.changes[key] = _GONE
        return value

    def values(self) -> list[V]:
        kept = [value for key, value in self.base.items() if key not in self.changes]
        return kept + [value for value in self.changes.values() if value is not _GONE]

    def settle(self) -> None:
        for key, value in self.changes.items():
            if value is _GONE:
                self.base.pop(key, None)
            else:
                self.base[key] = value


#: Documents a batch touched: (table, document number) → the new document, or None when removed.
Touched = dict[tuple[str, int], Doc | None]


class Batch:
    """Changes applied one by one over ``state``, collecting the documents to save; ``settle`` then
    makes them the state (only once they are saved).

    ``saved(table, key)`` gives a document as it is in the file, so an update
    keeps the fields this qari does not know (a newer qari's, a script's).
    """

    def __init__(self, state: State, text: str, saved: Callable[[str, int], Doc | None]) -> None:
        self.state = state
        self.text = text
        self.saved = saved
        self.touched: Touched = {}
        self.placed = _Overlay(state.placed)
        self.orphans = _Overlay(state.orphans)
        self.sources = _Overlay(state.sources)
        self.claim_keys = _Overlay(state.claim_keys)
        self.source_keys = _Overlay(state.source_keys)
        self.next_claim_key = state.next_claim_key
        self.next_source_key = state.next_source_key

    def settle(self) -> None:
        """The changes become the state (after a successful save)."""
        for overlay in (self.placed, self.orphans, self.sources, self.claim_keys, self.source_keys):
            overlay.settle()
        self.state.next_claim_key = self.next_claim_key
        self.state.next_source_key = self.next_source_key

    def claim(self, claim_id: str) -> Claim | None:
        return self.placed.get(claim_id) or self.orphans.get(claim_id)

    def users(self, source_id: str) -> int:
        """How many claims (orphans too) name the source."""
        return sum(source_id in c.source_ids for c in [*self.placed.values(), *self.orphans.values()])

    def apply(self, change: Change) -> None:
        match change:
            case AddClaim(claim):
                self._put_claim(claim, None)
            case UpdateClaim(claim):
                old = self.claim(claim.id)
                if old is None:
                    raise StoreError(f"there is no claim {show(claim.id)}")
                self._put_claim(claim, old)
            case DeleteClaim(claim_id):
                self._delete_claim(claim_id)
            case AddSource(source):
                if source.id in self.sources:
                    raise StoreError(f"a source with the id {show(source.id)} exists already")
                self._put_source(source, new=True)
            case UpdateSource(source):
                if source.id not in self.sources:
                    raise StoreError(f"there is no source {show(source.id)}")
                self._put_source(source, new=False)
            case DeleteSource(source_id, if_unused):
                self._delete_source(source_id, if_unused)

    def _document(self, table: str, key: int) -> Doc:
        """The document as this batch left it, else as saved."""
        if (table, key) in self.touched:
            return self.touched[(table, key)] or {}
        return self.saved(table, key) or {}

    def _put_claim(self, claim: Claim, old: Claim | None) -> None:
        if old is None and claim.id in self.claim_keys:
            raise StoreError(f"a claim with the id {show(claim.id)} exists already")
        unplaced = old is not None and claim.id in self.orphans and claim.anchor == old.anchor
        if not unplaced and not claim.anchor.fits(self.text):
            raise StoreError(f"the claim's quote is not at {claim.anchor.start}:{claim.anchor.end} in the article")
        for source_id in claim.source_ids:
            if source_id not in self.sources:
                raise StoreError(f"the claim names an unknown source {show(source_id)}")
        if old is None:
            key = self.next_claim_key
            self.next_claim_key += 1
            self.claim_keys[claim.id] = key
            self.touched[("claims", key)] = claim_to_doc(claim)
            self.placed[claim.id] = claim
            return
        key = self.claim_keys.get(claim.id) or 0
        self.touched[("claims", key)] = {**self._document("claims", key), **claim_to_doc(claim)}
        if claim.id in self.orphans and claim.anchor.fits(self.text):
            self.orphans.pop(claim.id)
        if claim.id in self.orphans:
            self.orphans[claim.id] = claim
        else:
            self.placed[claim.id] = claim

    def _delete_claim(self, claim_id: str) -> None:
        key = self.claim_keys.pop(claim_id)
        if key is None:
            raise StoreError(f"there is no claim {show(claim_id)}")
        self.touched[("claims", key)] = None
        if claim_id in self.placed:
            self.placed.pop(claim_id)
        if claim_id in self.orphans:
            self.orphans.pop(claim_id)

    def _put_source(self, source: Source, *, new: bool) -> None:
        if new:
            key = self.next_source_key
            self.next_source_key += 1
            self.source_keys[source.id] = key
            self.touched[("sources", key)] = source_to_doc(source)
        else:
            key = self.source_keys.get(source.id) or 0
            self.touched[("sources", key)] = {**self._document("sources", key), **source_to_doc(source)}
        self.sources[source.id] = source

    def _delete_source(self, source_id: str, if_unused: bool) -> None:
        source = self.sources.get(source_id)
        users = self.users(source_id) if source is not None else 0
        if if_unused and (source is None or users):
            return
        if source is None:
            raise StoreError(f"there is no source {show(source_id)}")
        if users:
            raise StoreError(
                f"the source {show(source.name)} is named by {users} claim"
                f"{'s' if users > 1 else ''}: take it off them first"
            )
        self.sources.pop(source_id)
        self.touched[("sources", self.source_keys.pop(source_id) or 0)] = None

    def documents(self) -> dict[str, dict[int, Doc | None]]:
        """The touched documents by table, for ``AnnotationDatabase.commit``."""
        tables: dict[str, dict[int, Doc | None]] = {}
        for (table, key), doc in self.touched.items():
            tables.setdefault(table, {})[key] = doc
        return tables
