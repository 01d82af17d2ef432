"""The annotation store: claims and sources saved in a TinyDB file beside the article.

``iran.txt`` → ``iran.txt.annotations.json`` (``paths.py``), a TinyDB
database of three tables (``schema.py``). The rules, all meant so that a
fact-checker never loses work:

- Every change is saved before the method returns, atomically
  (``storage.py``); several changes of one user action go in one save
  (``apply``). A save that fails (disk full, permission denied) raises
  ``SaveError`` and leaves the file and the store exactly as they were, so
  the edit can be retried.
- Nothing is created until there is something to save: opening an article
  makes no file, not even a lock.
- One writer per file: a lock beside it (``….annotations.json.lock``). A
  second qari on the same article opens it read-only and says so.
- A file qari cannot understand (not JSON, cut short, wrong shape, a newer
  schema) is never overwritten: the store opens read-only with a one-line
  reason.
- A folder qari cannot write in: the annotations go to the user data folder,
  keyed by the article's path, with a ``notice`` saying where.
- The article changed since it was annotated (its sha256 differs): every claim
  is placed again (``reader.annotations.anchor.reanchor``); a claim that
  cannot be placed is an orphan, listed and kept in the file untouched.

No Textual import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Self

from .. import __version__
from ..text.sanitise import printable
from .changes import AddClaim, AddSource, Batch, Change, DeleteClaim, DeleteSource, State, UpdateClaim, UpdateSource
from .errors import SaveError, StoreError
from .lifecycle import LOCKED_REASON, StoreFile
from .model import Claim, Source, name_key
from .paths import DATA_DIR_ENV, annotation_path, annotations_file, article_sha256, default_data_dir, fallback_path
from .reading import AnnotationSnapshot, count_claims, read_annotations

# One name here, so a test can stand a simpler re-anchorer in.
from .reading import place_all as _place_all
from .schema import SCHEMA_VERSION, Meta, anchor_fields, claim_from_doc, documents, meta_to_doc, source_from_doc
from .storage import AtomicJSONStorage, Data, Doc, open_database

__all__ = [
    "DATA_DIR_ENV",
    "LOCKED_REASON",
    "SCHEMA_VERSION",
    "AnnotationSnapshot",
    "AnnotationStore",
    "AtomicJSONStorage",
    "SaveError",
    "StoreError",
    "annotation_path",
    "annotations_file",
    "article_sha256",
    "count_claims",
    "default_data_dir",
    "fallback_path",
    "read_annotations",
]


class AnnotationStore(StoreFile):
    """The claims and sources of one article, saved at every change (see the module's docstring).

    Open with ``AnnotationStore.open(article_path, article_text)``; use as a
    context manager or call ``close()`` to release the lock. Reads come from
    memory; every change returns only once it is on disk, and raises
    ``StoreError`` (read-only, unknown id, a source still in use…) or
    ``SaveError`` (the save itself failed) with a one-line message.
    ``generation`` counts the changes of the state in memory (saves and
    loads), so a caller can tell whether a call changed what it shows.
    """

    def __init__(self, article_path: Path, article_text: str, beside: Path, fallback: Path) -> None:
        self.article_text = article_text
        self._sha = article_sha256(article_text)
        self._dirty = False  # the state in memory has changes not on disk yet (claims placed again)
        self._storage = AtomicJSONStorage(beside, immutable_documents=True)
        self._storage.adopt(None)
        self._db = open_database(self._storage)
        self._state = State()
        self._ordered: list[Claim] | None = None
        self.generation = 0
        super().__init__(Path(article_path), beside, fallback)

    @classmethod
    def open(cls, article_path: Path, article_text: str, *, data_dir: Path | None = None) -> AnnotationStore:
        """The store of an article whose text (as ``Article.text``) is ``article_text``.

        Never fails for a file it cannot use: it opens read-only and says why
        in ``read_only_reason``. Creates no file.
        """
        article_path = Path(article_path)
        folder = default_data_dir() if data_dir is None else Path(data_dir)
        store = cls(article_path, article_text, annotation_path(article_path), fallback_path(article_path, folder))
        store._open()
        return store

    def _open(self) -> None:
        if not self._open_file() or self.read_only or not self._dirty:
            return
        try:  # placed claims' new anchors, the new sha256, a migrated schema
            self.apply([])
        except StoreError as err:
            if not self.read_only:
                unsaved = f"the claims placed again in the changed article are not saved yet: {err}"
                self._notice = f"{self._notice}; {unsaved}" if self._notice else unsaved

    def _moved_to(self, path: Path) -> None:
        self._storage.path = path

    def _install(self, data: Data | None, version: int = SCHEMA_VERSION) -> None:
        """Make ``data`` (checked) the store's state: place every claim, note what changed."""
        text = self.article_text
        meta_table: dict[str, Doc] = dict(data["meta"]) if data else {"1": {}}
        ((meta_key, meta),) = meta_table.items()
        same_text = meta.get("sha256") == self._sha
        new_meta = {**meta, **meta_to_doc(Meta(SCHEMA_VERSION, self.article_path.name, self._sha, __version__))}
        self._dirty = bool(data) and (
            not same_text or meta.get("article") != new_meta["article"] or version != SCHEMA_VERSION
        )
        state = State()
        for key, doc in documents(data, "sources"):
            source = source_from_doc(doc)
            state.sources[source.id] = source
            state.source_keys[source.id] = key
        claims_table: dict[str, Doc] = dict((data or {}).get("claims", {}))
        unplaced: list[tuple[int, Doc, Claim]] = []
        for key, doc in documents(data, "claims"):
            claim = claim_from_doc(doc)
            state.claim_keys[claim.id] = key
            if same_text and claim.anchor.fits(text):
                state.placed[claim.id] = claim
            else:
                unplaced.append((key, doc, claim))
        # All at once: each claim's shift is a hint for its neighbours (a 1 MB insertion: 0.14 s for 5,000).
        anchors = _place_all([claim.anchor for _, _, claim in unplaced], text) if unplaced else []
        for (key, doc, claim), anchor in zip(unplaced, anchors):
            if anchor is None:
                state.orphans[claim.id] = claim  # kept in the file as it is
                continue
            if anchor != claim.anchor:
                claim = replace(claim, anchor=anchor)
                claims_table[str(key)] = {**doc, **anchor_fields(anchor)}
                self._dirty = True
            state.placed[claim.id] = claim
        state.next_claim_key = max(state.claim_keys.values(), default=0) + 1
        state.next_source_key = max(state.source_keys.values(), default=0) + 1
        self._state = state
        self._changed()
        tables = dict(data or {})
        tables["meta"] = {meta_key: new_meta}
        tables.setdefault("sources", {})
        tables["claims"] = claims_table
        self._storage.adopt(tables)
        self._db = open_database(self._storage)

    def _changed(self) -> None:
        """The state in memory changed: forget the reading order, tell whoever watches ``generation``."""
        self._ordered = None
        self.generation += 1

    # -- changing

    def apply(self, changes: Sequence[Change]) -> None:
        """Make ``changes`` in order and save them all with one write: every one of them, or none.

        Each change is checked against what the ones before it left; a
        refused change (StoreError) or a failed save (SaveError) leaves the
        file and the store as they were. No changes: the state in memory is
        saved as it is (claims placed again on opening).
        """
        self._check_writable()
        batch = self._batch(changes)  # before the lock: a refused change creates nothing
        for attempt in (1, 2):
            try:
                if self._ensure_lock():
                    batch = self._batch(changes)  # again: another qari's claims were just loaded
                self._db.commit(batch.documents())
            except OSError as err:
                if attempt == 1 and self._may_fall_back(err):
                    continue
                raise SaveError(
                    f"could not save {printable(Path(self._path.name))}: {self._reason(err)}; "
                    "the annotations are as they were before this change"
                ) from None
            self._dirty = False
            if changes:
                batch.settle()
                self._changed()
            return

    def _batch(self, changes: Sequence[Change]) -> Batch:
        batch = Batch(self._state, self.article_text, self._saved_document)
        for change in changes:
            batch.apply(change)
        return batch

    def _saved_document(self, table: str, key: int) -> Doc | None:
        return ((self._storage.read() or {}).get(table) or {}).get(str(key))

    def add_claim(self, claim: Claim) -> None:
        """Save a new claim (its quote must be at its offsets; its sources must exist)."""
        self.apply([AddClaim(claim)])

    def update_claim(self, claim: Claim) -> None:
        """Save a changed claim (matched by id). An orphan given a quote that fits is placed again."""
        self.apply([UpdateClaim(claim)])

    def delete_claim(self, claim_id: str) -> None:
        """Delete a claim (an orphan too)."""
        self.apply([DeleteClaim(claim_id)])

    def add_source(self, source: Source) -> None:
        self.apply([AddSource(source)])

    def update_source(self, source: Source) -> None:
        self.apply([UpdateSource(source)])

    def delete_source(self, source_id: str) -> None:
        """Delete a source no claim names (StoreError while one does)."""
        self.apply([DeleteSource(source_id)])

    # -- reading

    @property
    def orphans(self) -> list[Claim]:
        """Claims that could not be placed in the changed article: kept in the file, not in ``claims()``."""
        return sorted(self._state.orphans.values(), key=lambda c: (c.anchor.start, c.anchor.end))

    def claims(self) -> list[Claim]:
        """The placed claims in reading order (by start, then end)."""
        if self._ordered is None:
            self._ordered = sorted(self._state.placed.values(), key=lambda c: (c.anchor.start, c.anchor.end))
        return list(self._ordered)

    def claim(self, claim_id: str) -> Claim | None:
        """A claim by id, placed or orphan."""
        return self._state.placed.get(claim_id) or self._state.orphans.get(claim_id)

    def claims_of(self, source_id: str) -> list[Claim]:
        """The claims (placed in reading order, then orphans) that name a source."""
        return [claim for claim in [*self.claims(), *self.orphans] if source_id in claim.source_ids]

    def sources(self) -> list[Source]:
        """The sources, in the order they were added."""
        return list(self._state.sources.values())

    def source(self, source_id: str) -> Source | None:
        return self._state.sources.get(source_id)

    def find_source(self, name: str) -> Source | None:
        """The source called ``name``, compared Arabic-normalised (harakat, hamza forms, ى/ي, case)."""
        key = name_key(name)
        for source in self._state.sources.values():
            if name_key(source.name) == key:
                return source
        return None

    def tags(self) -> list[str]:
        """Every tag in use, most used first (ties alphabetical): for completion."""
        counts: dict[str, int] = {}
        for claim in [*self._state.placed.values(), *self._state.orphans.values()]:
            for tag in claim.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts, key=lambda tag: (-counts[tag], tag))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
