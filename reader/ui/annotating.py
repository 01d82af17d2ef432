"""The reader's annotating half: opening the store, the claim and source dialogs, undo and redo.

Widgets here show state and turn keys into editor commands
(``reader.annotations.editor``): the editor makes each change with one save
and keeps the undo and redo stacks; this screen listens to its events to
redraw the highlights and the side panel, and words the outcome for the
user (a failed save brings the dialog back filled in). ``ReaderScreen``
builds on it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.screen import Screen

from ..annotations.drafts import ClaimDraft, SourceDraft
from ..annotations.editor import AnnotationEditor, Command, EditorEvent
from ..annotations.errors import SaveError, StoreError
from ..annotations.model import Claim, Source
from ..annotations.registry import REGISTRY, known_sources
from ..annotations.store import AnnotationStore
from ..article import Article
from ..attribution import Suggestion
from .annotations_panel import AnnotationsPanel
from .article_view import ArticleView
from .claim_dialog import FIELDS_HELP, ClaimDialog
from .read_only import ReadOnlyBar
from .source_dialog import SourceDialog

Action = Callable[[AnnotationEditor], Command]
"""One user action, given the editor: the command it ran."""


class AnnotatingScreen(Screen[None]):
    """A screen that annotates ``article``: holds its store and editor (see the module's docstring)."""

    #: After the keys, the help screen lists the claim dialog's fields (c and e open it from here).
    HELP_SECTIONS: ClassVar[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (("Claim fields", FIELDS_HELP),)

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.store: AnnotationStore | None = None
        self.editor: AnnotationEditor | None = None
        self._store_loading = False
        self._near_sources: list[Source] = []  # the folder's other articles' sources, once indexed
        self._store_problem: str | None = None  # why the annotations could not be opened at all

    # --- the store: opening and closing ------------------------------------------

    def _open_store_later(self) -> None:
        """After the first frame: parsing 5,000 claims in a thread would share the interpreter with it."""
        if self.article.path is not None:
            self._store_loading = True  # keys that need the store say so until it is open
            self.call_after_refresh(self._load_store, self.article.path)

    @work(thread=True, exclusive=True, group="store")
    def _load_store(self, path: Path) -> None:
        """Open the annotations off the UI thread (5,000 claims take ~130 ms): the text shows first."""
        text = self.article.text  # a streamed article's rest is decoded here, after the first frame
        if self.article.decode_problem is not None:
            # Never anchor claims in a text decoded with replacement characters: open the file again instead.
            self.app.call_from_thread(self._reopen_whole, path)
            return
        try:
            store = AnnotationStore.open(path, text)
        except StoreError as err:
            self.app.call_from_thread(self._store_failed, str(err))
            return
        self.app.call_from_thread(self._store_ready, store)

    def _reopen_whole(self, path: Path) -> None:
        """A streamed file's rest was not UTF-8 (``Article.decode_problem``): the reader opens it again whole."""
        raise NotImplementedError

    def _store_failed(self, message: str) -> None:
        self._store_loading = False
        self._store_problem = message
        self._show_read_only()
        self.notify(message, severity="error", markup=False, timeout=15)

    def _store_ready(self, store: AnnotationStore) -> None:
        self._store_loading = False
        if not self.is_attached:  # the article was closed meanwhile
            store.close()
            return
        self.store = store
        self.editor = AnnotationEditor(store)
        self.editor.subscribe(self._annotations_changed)
        self._show_read_only()
        for message in (store.notice, store.read_only_reason):
            if message:
                self.notify(message, severity="warning", markup=False, timeout=15)
        if store.orphans:
            count = len(store.orphans)
            self.notify(
                f"{count} claim{'s' if count > 1 else ''} could not be placed in the changed text: "
                "kept, and listed at the end of the claims panel (p)",
                severity="warning",
                markup=False,
                timeout=15,
            )
        self._show_annotations()
        self._index_near_sources()

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    def _annotations_changed(self, event: EditorEvent) -> None:
        self._show_annotations()

    def _show_annotations(self) -> None:
        """Draw the store's state: highlights in the text, and the panel's lists."""
        if self.store is None:
            return
        claims = self.store.claims()
        self.query_one(ArticleView).set_claims(claims)
        self.query_one(AnnotationsPanel).set_data(claims, self.store.orphans, self.store.sources())

    # --- the sources other articles of the folder name ---------------------------

    @work(thread=True, exclusive=True, group="sources")
    def _index_near_sources(self) -> None:
        """Read (or find unchanged) the neighbours' annotations off the UI thread, for the type-ahead."""
        found = REGISTRY.sources_near(self.article.path)
        self.app.call_from_thread(self._near_sources_indexed, found)

    def _near_sources_indexed(self, found: list[Source]) -> None:
        self._near_sources = found
        dialog = self.app.screen
        if isinstance(dialog, ClaimDialog):  # opened before the index was ready: offer them now
            dialog.known_sources = self._known_sources()

    def _known_sources(self) -> list[Source]:
        return known_sources(self._near_sources, self.store.sources() if self.store is not None else [])

    def _known_tags(self) -> list[str]:
        return self.store.tags() if self.store is not None else []

    # --- running an action ------------------------------------------------------------

    def _writable(self) -> AnnotationEditor | None:
        """The editor when changes can be saved (taking over from a qari that has closed); else say why."""
        if self._store_loading:
            self.notify("the annotations are still loading", severity="information")
            return None
        if self.editor is None:
            problem = self._store_problem or "annotations are saved beside an article file; this text has none"
            self.notify(problem, severity="warning", markup=False)
            return None
        if self.editor.take_over():
            # The other qari has closed meanwhile: its claims are drawn now. This key stops here, so the
            # takeover is seen (and what it loaded) before anything is changed: the same key again goes on.
            self._show_read_only()
            notice = self.editor.store.notice or "the other qari on this article has closed"
            self.notify(f"{notice}; press the key again", severity="warning", markup=False, timeout=12)
            return None
        if self.editor.read_only:
            self._show_read_only()
            self.notify(self.editor.store.read_only_reason or "read-only", severity="error", markup=False)
            return None
        return self.editor

    def _show_read_only(self) -> None:
        """The read-only row under the header (``ReadOnlyBar``): shown with its reason, or hidden."""
        reason = self.store.read_only_reason if self.store is not None else self._store_problem
        for bar in self.query(ReadOnlyBar):
            bar.show_reason(reason)

    def _run(self, action: Action, *, failed: str = "not saved", retry: Callable[[str], None] | None = None) -> bool:
        """Run one action through the editor and say how it went.

        A failed save shows its reason; with ``retry`` the user's input comes
        back to them (the dialog again, filled in), so a full disk never
        costs what was typed.
        """
        editor = self._writable()
        if editor is None:
            return False
        notice = editor.store.notice
        try:
            command = action(editor)
        except SaveError as err:
            if retry is not None:
                retry(f"not saved: {err}. Enter tries again, Escape gives up.")
            else:
                self.notify(f"{failed}: {err}", severity="error", markup=False, timeout=15)
            return False
        except StoreError as err:
            self.notify(f"{failed}: {err}", severity="error", markup=False, timeout=15)
            self._show_read_only()  # another qari may have taken the lock meanwhile
            return False
        self.notify(command.label, timeout=3, markup=False)
        if editor.store.notice and editor.store.notice != notice:  # saved, but elsewhere (the folder refused)
            self.notify(editor.store.notice, severity="warning", markup=False, timeout=15)
        return True

    # --- claims ---------------------------------------------------------------------

    def _new_claim_dialog(
        self,
        start: int,
        end: int,
        draft: ClaimDraft | None = None,
        error: str | None = None,
        then: Callable[[bool], None] | None = None,
        suggestion: Suggestion | None = None,
    ) -> None:
        """The claim dialog for [start, end); ``then(saved)`` runs once the user is done with it."""
        dialog = ClaimDialog(
            self.article.text[start:end],
            sources=self._known_sources(),
            tags=self._known_tags(),
            draft=draft,
            error=error,
        )
        self.app.push_screen(dialog, partial(self._save_new_claim, start, end, then=then, suggestion=suggestion))
        self._index_near_sources()  # a neighbour may have changed since: fresh for the next dialog

    def _save_new_claim(
        self,
        start: int,
        end: int,
        draft: ClaimDraft | None,
        then: Callable[[bool], None] | None = None,
        suggestion: Suggestion | None = None,
    ) -> None:
        if draft is None:
            if then is not None:
                then(False)
            return

        def action(editor: AnnotationEditor) -> Command:
            if suggestion is not None:
                return editor.accept_suggestion(suggestion, draft)
            return editor.add_claim(start, end, draft)

        saved = self._run(
            action, retry=lambda error: self._new_claim_dialog(start, end, draft, error, then, suggestion)
        )
        if saved and suggestion is None:
            self._stay_on(start, end)
        elif saved:
            self.query_one(ArticleView).selection = None  # the claim's highlight shows it now; c again starts afresh
        if saved and then is not None:
            then(True)

    def _stay_on(self, start: int, end: int) -> None:
        """The cursor on the claim just saved (e, d, y, Y act on it), the selection that made it gone."""
        view = self.query_one(ArticleView)
        view.selecting = False
        view.selection = None
        if not start <= view.cursor < end:
            view.move_cursor(start)

    def _edit_claim_dialog(self, claim: Claim, draft: ClaimDraft | None = None, error: str | None = None) -> None:
        store = self.store
        named = [s for i in claim.source_ids if store is not None and (s := store.source(i)) is not None]
        dialog = ClaimDialog(
            claim.anchor.exact,
            sources=self._known_sources(),
            tags=self._known_tags(),
            claim=claim,
            source=named[0] if named else None,
            more=named[1:],
            draft=draft,
            error=error,
        )
        self.app.push_screen(dialog, partial(self._save_edited_claim, claim))
        self._index_near_sources()

    def _save_edited_claim(self, before: Claim, draft: ClaimDraft | None) -> None:
        if draft is not None:
            self._run(
                lambda editor: editor.edit_claim(before, draft),
                retry=lambda error: self._edit_claim_dialog(before, draft, error),
            )

    def _delete_claim(self, claim: Claim) -> None:
        self._run(lambda editor: editor.delete_claim(claim, label="claim deleted (u undoes)"), failed="not deleted")

    def _attach_orphan(self, claim: Claim) -> None:
        """Place a claim the changed article lost at the words selected in the article."""
        view = self.query_one(ArticleView)
        if view.selection is None:
            self.notify("select the claim's new place in the article first, then press m here", severity="warning")
            return
        start, end = view.selection
        self._run(
            lambda editor: editor.attach_orphan(claim, start, end, label="claim placed at the selection"),
            failed="not placed",
        )

    # --- sources --------------------------------------------------------------------

    def _edit_source_dialog(self, source: Source, draft: SourceDraft | None = None, error: str | None = None) -> None:
        if self._writable() is None or self.store is None:
            return
        dialog = SourceDialog(
            source, claims=len(self.store.claims_of(source.id)), others=self.store.sources(), draft=draft, error=error
        )
        self.app.push_screen(dialog, partial(self._save_source, source))

    def _save_source(self, before: Source, draft: SourceDraft | None) -> None:
        if draft is None or self.editor is None:
            return
        into = self.editor.merge_target(before, draft.name)
        if into is not None:
            self._run(lambda editor: editor.merge_sources(before, into), failed="not merged")
            return
        self._run(
            lambda editor: editor.edit_source(before, draft),
            retry=lambda error: self._edit_source_dialog(before, draft, error),
        )

    def _delete_source(self, source: Source) -> None:
        self._run(lambda editor: editor.delete_source(source), failed="not deleted")

    # --- undo and redo ----------------------------------------------------------------

    def action_undo(self) -> None:
        self._step_back_or_forth(undo=True)

    def action_redo(self) -> None:
        self._step_back_or_forth(undo=False)

    def _step_back_or_forth(self, *, undo: bool) -> None:
        editor = self._writable()
        if editor is None:
            return
        word = "undo" if undo else "redo"
        if not (editor.can_undo if undo else editor.can_redo):
            self.notify(f"nothing to {word}", severity="information")
            return
        try:
            command = editor.undo() if undo else editor.redo()
        except StoreError as err:
            self.notify(f"{word} failed: {err}", severity="error", markup=False, timeout=15)
            return
        if command is not None:
            self.notify(f"{'undone' if undo else 'redone'}: {command.label}", timeout=3, markup=False)
