"""The reader: one article, its claims, the search line and the status line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from ..attribution import Suggestion, suggest
from ..annotations.model import Anchor, Claim, Source
from ..annotations.sources import sources_in_folder
from ..annotations.store import AnnotationStore, SaveError, StoreError
from ..article import Article
from ..config import Config
from ..text.search import fold, sentence_at
from .annotations_panel import AnnotationsPanel
from .article_view import ArticleView
from .claim_dialog import ClaimDialog, ClaimDraft
from .footer import QariFooter
from .label import VisualLabel, plain, visual_cell
from .rtl_input import RtlInput
from .source_dialog import SourceDialog, SourceDraft
from .suggestion_bar import SuggestionBar

EXPORT_SUFFIXES = {"csv": ".claims.csv", "jsonl": ".claims.jsonl", "w3c": ".claims.w3c.json"}

Revert = Callable[[AnnotationStore], None]
"""Store changes that take one user action back."""


@dataclass(frozen=True, slots=True)
class UndoStep:
    """What ``u`` undoes: a label for the message, and how."""

    label: str
    revert: Revert


def _quietly(revert: Revert | None, store: AnnotationStore) -> None:
    """Take back the first half of a change whose second half failed; a second failure changes nothing more."""
    if revert is not None:
        try:
            revert(store)
        except StoreError:
            pass


def _then(first: Revert, second: Revert | None) -> Revert:
    """Undo ``first``, then ``second`` (a claim, then the source made for it)."""
    def revert(store: AnnotationStore) -> None:
        first(store)
        _quietly(second, store)
    return revert


def _annotated(suggestion: Suggestion, claims: list[Claim]) -> bool:
    """A claim already covers part of the suggested claim: it is not suggested again."""
    start, end = suggestion.claim_span
    return any(claim.anchor.start < end and claim.anchor.end > start for claim in claims)


def _both(first: Revert | None, second: Revert | None) -> Revert | None:
    """Take back ``second`` then ``first`` (either may be None)."""
    if first is None or second is None:
        return first or second
    return _then(second, first)


def _delete_if_unused(store: AnnotationStore, source_id: str) -> None:
    if store.source(source_id) is not None and not any(
            source_id in claim.source_ids for claim in [*store.claims(), *store.orphans]):
        store.delete_source(source_id)


class ReaderScreen(Screen[None]):
    """One article: a header with the guessed metadata, the text, a status line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("c", "new_claim", "Claim"),
        Binding("e", "edit_claim", "Edit", show=False),
        Binding("d", "delete_claim", "Delete", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("x", "export('csv')", "Export", tooltip="Export this article's claims to <article>.claims.csv beside it"),
        Binding("a", "suggest", "Suggest", tooltip="Suggest attributions (who claims what) to confirm as claims"),
        Binding("p", "panel('claims')", "Claims", tooltip="List the claims (again: back to the article, then hide)"),
        Binding("S", "panel('sources')", "Sources", tooltip="List the sources with their claim counts"),
        Binding("q", "app.quit", "Quit"),
    ]

    DEFAULT_CSS = """
    ReaderScreen {
        layout: vertical;
        #search { display: none; }
        #search.-shown { display: block; }
        #article-header { padding: 0 1; background: $panel; color: $foreground; }
        #article-status { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
        ArticleView { height: 1fr; }
    }
    """

    def __init__(self, article: Article, *, bidi: str = "app") -> None:
        super().__init__()
        self.article = article
        self.bidi = bidi
        self.store: AnnotationStore | None = None
        self._store_loading = False
        self._suggest_timer: Timer | None = None
        #: What ``u`` undoes, last on top.
        self.undo_stack: list[UndoStep] = []

    def compose(self) -> ComposeResult:
        meta = self.article.beginning().metadata  # a 5 MB article opens as fast as a short one
        # An ISO date after Arabic would read backwards (its digits take the Arabic text's direction):
        # isolated left to right, it reads 2024-03-12 as written.
        date = f"\u2066{meta.date}\u2069" if meta.date and meta.date.isascii() else meta.date
        details = " · ".join(part for part in (meta.outlet, date) if part)
        header = (meta.title or self.article.name) + ("\n" + details if details else "")
        yield VisualLabel(header, max_lines=3, id="article-header")
        config: Config = getattr(self.app, "config", Config())
        yield AnnotationsPanel(id="panel")
        yield ArticleView(self.article, bidi=self.bidi, harakat=config.harakat, wrap_width=config.wrap_width,
                          id="article")
        yield Static("", id="article-status")
        yield SuggestionBar(id="suggestions")
        yield RtlInput(placeholder="بحث — search (harakat, tatweel and hamza forms ignored)", id="search")
        yield QariFooter()

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self._show_status(0, 0.0)
        if self.article.path is not None:
            self._store_loading = True  # keys that need the store say so until it is open
            # After the first frame: parsing 5,000 claims in a thread would share the interpreter with it.
            self.call_after_refresh(self._load_store, self.article.path)

    # --- annotations: opening -------------------------------------------------

    @work(thread=True, exclusive=True, group="store")
    def _load_store(self, path: Path) -> None:
        """Open the annotations off the UI thread (5,000 claims take ~130 ms): the text shows first."""
        try:
            store = AnnotationStore.open(path, self.article.text)
        except StoreError as err:
            self.app.call_from_thread(self._store_failed, str(err))
            return
        self.app.call_from_thread(self._store_ready, store)

    def _store_failed(self, message: str) -> None:
        self._store_loading = False
        self.notify(message, severity="error", markup=False, timeout=15)

    def _store_ready(self, store: AnnotationStore) -> None:
        self._store_loading = False
        if not self.is_attached:  # the article was closed meanwhile
            store.close()
            return
        self.store = store
        for message in (self.store.notice, self.store.read_only_reason):
            if message:
                self.notify(message, severity="warning", markup=False, timeout=15)
        if self.store.orphans:
            count = len(self.store.orphans)
            self.notify(f"{count} claim{'s' if count > 1 else ''} could not be placed in the changed text: "
                        "kept, and listed at the end of the claims panel (p)",
                        severity="warning", markup=False, timeout=15)
        self._show_annotations()

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    def _show_annotations(self) -> None:
        """Draw the store's state: highlights in the text, and the panel's lists."""
        if self.store is None:
            return
        claims = self.store.claims()
        self.query_one(ArticleView).set_claims(claims)
        self.query_one(AnnotationsPanel).set_data(claims, self.store.orphans, self.store.sources())

    def _writable_store(self) -> AnnotationStore | None:
        if self._store_loading:
            self.notify("the annotations are still loading", severity="information")
            return None
        if self.store is None:
            self.notify("annotations are saved beside an article file; this text has none", severity="warning")
            return None
        if self.store.read_only and self.store.retry_lock():  # the other qari has closed meanwhile
            self._show_annotations()
            self.notify(self.store.notice or "", severity="information", markup=False, timeout=8)
        if self.store.read_only:
            self.notify(self.store.read_only_reason or "read-only", severity="error", markup=False)
            return None
        return self.store

    def _known_sources(self) -> list[Source]:
        known = {fold(source.name): source for source in sources_in_folder(self.article.path)}
        if self.store is not None:
            known.update({fold(source.name): source for source in self.store.sources()})
        return sorted(known.values(), key=lambda source: source.name)

    def _known_tags(self) -> list[str]:
        return self.store.tags() if self.store is not None else []

    def _change(self, label: str, change: Callable[[AnnotationStore], Revert | None], *, failed: str = "not saved",
                retry: Callable[[str], None] | None = None) -> bool:
        """Make one change in the store, remember how to undo it, and show the result.

        ``change`` returns what takes it back (None: nothing to undo). A failed
        save shows its reason; with ``retry`` the user's input comes back to them
        (the dialog again, filled in), so a full disk never costs what was typed.
        """
        store = self._writable_store()
        if store is None:
            return False
        notice = store.notice
        try:
            revert = change(store)
        except SaveError as err:
            if retry is not None:
                retry(f"not saved: {err}. Enter tries again, Escape gives up.")
            else:
                self.notify(f"{failed}: {err}", severity="error", markup=False, timeout=15)
            return False
        except StoreError as err:
            self.notify(f"{failed}: {err}", severity="error", markup=False, timeout=15)
            return False
        finally:
            self._show_annotations()
        if revert is not None:
            self.undo_stack.append(UndoStep(label, revert))
        self.notify(label, timeout=3, markup=False)
        if store.notice and store.notice != notice:  # saved, but somewhere else than before (the folder refused)
            self.notify(store.notice, severity="warning", markup=False, timeout=15)
        return True

    # --- annotations: claims --------------------------------------------------

    def action_new_claim(self) -> None:
        """c: a claim from the selection, or from the sentence at the cursor."""
        if self._writable_store() is None:
            return
        view = self.query_one(ArticleView)
        start, end = view.selection or sentence_at(self.article.text, view.cursor)
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            self.notify("select the claim's words first (or put the cursor in its sentence)", severity="warning")
            return
        self._new_claim_dialog(start, end)

    def _new_claim_dialog(self, start: int, end: int, draft: ClaimDraft | None = None, error: str | None = None,
                          then: Callable[[bool], None] | None = None) -> None:
        """The claim dialog for [start, end); ``then(saved)`` runs once the user is done with it."""
        dialog = ClaimDialog(self.article.text[start:end], sources=self._known_sources(), tags=self._known_tags(),
                             draft=draft, error=error)
        self.app.push_screen(dialog, partial(self._save_new_claim, start, end, then=then))

    def _source_for(self, store: AnnotationStore, draft: ClaimDraft) -> tuple[Source, Revert | None]:
        """The store's source for a draft, and how to take back what that needed (a new source, a new role…)."""
        source = store.source(draft.source_id) if draft.source_id else store.find_source(draft.source_name)
        if source is None:
            # Known from another article of the folder, or new: this article gets its own copy.
            source = Source(draft.source_name, draft.source_type, draft.source_role)
            store.add_source(source)
            added = source
            return source, lambda s: _delete_if_unused(s, added.id)
        if (source.type, source.role) != (draft.source_type, draft.source_role or source.role):
            before = source
            source = replace(source, type=draft.source_type, role=draft.source_role or source.role)
            store.update_source(source)
            return source, lambda s: s.update_source(before)
        return source, None

    def _more_sources_for(self, store: AnnotationStore, draft: ClaimDraft) -> tuple[tuple[str, ...], Revert | None]:
        """The store's ids for a draft's further sources (added when new), and how to take the new ones back."""
        ids: list[str] = []
        added: list[str] = []
        for wanted in draft.more_sources:
            source = store.source(wanted.id) or store.find_source(wanted.name)
            if source is None:
                source = Source(wanted.name, wanted.type, wanted.role)
                store.add_source(source)
                added.append(source.id)
            ids.append(source.id)

        def revert(s: AnnotationStore) -> None:
            for source_id in added:
                _quietly(lambda st, i=source_id: _delete_if_unused(st, i), s)

        return tuple(ids), revert if added else None

    def _save_new_claim(self, start: int, end: int, draft: ClaimDraft | None,
                        then: Callable[[bool], None] | None = None) -> None:
        if draft is None:
            if then is not None:
                then(False)
            return

        def change(store: AnnotationStore) -> Revert:
            source, source_revert = self._source_for(store, draft)
            more, more_revert = self._more_sources_for(store, draft)
            source_revert = _both(source_revert, more_revert)
            ids = tuple(dict.fromkeys((source.id, *more)))
            claim = Claim(Anchor.from_text(self.article.text, start, end), ids, draft.tags, draft.note, draft.status)
            try:
                store.add_claim(claim)
            except StoreError:
                _quietly(source_revert, store)
                raise
            return _then(lambda s: s.delete_claim(claim.id), source_revert)

        saved = self._change(f"claim saved ({draft.status}, {draft.source_name})", change,
                             retry=lambda error: self._new_claim_dialog(start, end, draft, error, then))
        if saved and then is not None:
            then(True)

    def _claim_here(self) -> Claim | None:
        view = self.query_one(ArticleView)
        claim = view.claim_at(view.cursor)
        if claim is None and view.selection:
            claim = view.claim_at(view.selection[0])
        if claim is None:
            self.notify("no claim at the cursor (] and [ move between claims; p lists them)", severity="warning")
        return claim

    def action_edit_claim(self) -> None:
        if self._writable_store() is not None and (claim := self._claim_here()) is not None:
            self._edit_claim_dialog(claim)

    def _edit_claim_dialog(self, claim: Claim, draft: ClaimDraft | None = None, error: str | None = None) -> None:
        store = self.store
        named = [s for i in claim.source_ids if store is not None and (s := store.source(i)) is not None]
        dialog = ClaimDialog(claim.anchor.exact, sources=self._known_sources(), tags=self._known_tags(),
                             claim=claim, source=named[0] if named else None, more=named[1:], draft=draft,
                             error=error)
        self.app.push_screen(dialog, partial(self._save_edited_claim, claim))

    def _save_edited_claim(self, before: Claim, draft: ClaimDraft | None) -> None:
        if draft is None:
            return

        def change(store: AnnotationStore) -> Revert:
            source, source_revert = self._source_for(store, draft)
            more, more_revert = self._more_sources_for(store, draft)
            source_revert = _both(source_revert, more_revert)
            # The field lists every source: one taken out of it is taken off the claim.
            after = before.edited(source_ids=tuple(dict.fromkeys((source.id, *more))),
                                  tags=draft.tags, note=draft.note, status=draft.status)
            try:
                store.update_claim(after)
            except StoreError:
                _quietly(source_revert, store)
                raise
            return _then(lambda s: s.update_claim(before), source_revert)

        self._change("claim updated", change, retry=lambda error: self._edit_claim_dialog(before, draft, error))

    def action_delete_claim(self) -> None:
        if self._writable_store() is not None and (claim := self._claim_here()) is not None:
            self._delete_claim(claim)

    def _delete_claim(self, claim: Claim) -> None:
        def change(store: AnnotationStore) -> Revert:
            store.delete_claim(claim.id)
            return lambda s: s.add_claim(claim)

        self._change("claim deleted (u undoes)", change, failed="not deleted")

    def _attach_orphan(self, claim: Claim) -> None:
        """Place a claim the changed article lost at the words selected in the article."""
        view = self.query_one(ArticleView)
        if view.selection is None:
            self.notify("select the claim's new place in the article first, then press m here", severity="warning")
            return
        start, end = view.selection
        after = claim.edited(anchor=Anchor.from_text(self.article.text, start, end))

        def change(store: AnnotationStore) -> None:
            store.update_claim(after)  # no way back: the old place is no longer in the article

        self._change("claim placed at the selection", change, failed="not placed")

    # --- annotations: sources -------------------------------------------------

    def _claims_of(self, source_id: str) -> list[Claim]:
        store = self.store
        if store is None:
            return []
        return [claim for claim in [*store.claims(), *store.orphans] if source_id in claim.source_ids]

    def _edit_source_dialog(self, source: Source, draft: SourceDraft | None = None, error: str | None = None) -> None:
        if self._writable_store() is None or self.store is None:
            return
        dialog = SourceDialog(source, claims=len(self._claims_of(source.id)), others=self.store.sources(),
                              draft=draft, error=error)
        self.app.push_screen(dialog, partial(self._save_source, source))

    def _save_source(self, before: Source, draft: SourceDraft | None) -> None:
        if draft is None:
            return
        merge_into = self.store.find_source(draft.name) if self.store is not None else None
        if merge_into is not None and merge_into.id != before.id:
            self._merge_sources(before, merge_into)
            return
        after = replace(before, name=draft.name, type=draft.type, role=draft.role, note=draft.note)

        def change(store: AnnotationStore) -> Revert:
            store.update_source(after)
            return lambda s: s.update_source(before)

        self._change(f"source updated: {draft.name}", change,
                     retry=lambda error: self._edit_source_dialog(before, draft, error))

    def _merge_sources(self, source: Source, into: Source) -> None:
        """Move every claim of ``source`` to ``into`` (the same person typed two ways), then drop ``source``."""
        claims = self._claims_of(source.id)

        def change(store: AnnotationStore) -> Revert:
            done: list[Claim] = []
            try:
                for claim in claims:
                    ids = tuple(dict.fromkeys(into.id if i == source.id else i for i in claim.source_ids))
                    store.update_claim(replace(claim, source_ids=ids))
                    done.append(claim)
                store.delete_source(source.id)
            except StoreError:
                for claim in done:
                    _quietly(lambda s, c=claim: s.update_claim(c), store)
                raise

            def revert(s: AnnotationStore) -> None:
                s.add_source(source)
                for claim in claims:
                    s.update_claim(claim)
            return revert

        self._change(f"{source.name} merged into {into.name} ({len(claims)} claims)", change, failed="not merged")

    def _delete_source(self, source: Source) -> None:
        def change(store: AnnotationStore) -> Revert:
            store.delete_source(source.id)
            return lambda s: s.add_source(source)

        self._change(f"source deleted: {source.name}", change, failed="not deleted")

    # --- annotations: undo ----------------------------------------------------

    def action_undo(self) -> None:
        store = self._writable_store()
        if store is None:
            return
        if not self.undo_stack:
            self.notify("nothing to undo", severity="information")
            return
        step = self.undo_stack[-1]
        try:
            step.revert(store)
        except StoreError as err:
            self.notify(f"undo failed: {err}", severity="error", markup=False, timeout=15)
            return
        finally:
            self._show_annotations()
        self.undo_stack.pop()
        self.notify(f"undone: {step.label}", timeout=3, markup=False)

    # --- export ---------------------------------------------------------------

    def action_export(self, fmt: str = "csv") -> None:
        """x: this article's claims to ``<article>.claims.csv`` beside it (or .jsonl / .w3c.json from the palette)."""
        from ..export import export_to_file

        path = self.article.path
        if self._store_loading:
            self.notify("the annotations are still loading", severity="information")
            return
        if path is None or self.store is None:
            self.notify("only an article file's annotations can be exported", severity="warning")
            return
        if not self.store.claims() and not self.store.orphans:
            self.notify("no claims to export yet: select text and press c", severity="information")
            return
        out = path.with_name(path.name + EXPORT_SUFFIXES[fmt])
        warnings: list[str] = []
        try:
            result = export_to_file([path], out, fmt, warn=warnings.append)
        except OSError as err:
            self.notify(f"not exported: {out.name}: {(err.strerror or str(err)).lower()}", severity="error",
                        markup=False, timeout=15)
            return
        detail = f" ({len(warnings)} warning: {warnings[0].removeprefix('qari: ')})" if warnings else ""
        claims = f"{result.claims} claim{'' if result.claims == 1 else 's'}"
        self.notify(f"{claims} exported to {out}{detail}", markup=False, timeout=8)

    # --- attribution suggestions ----------------------------------------------

    def action_suggest(self) -> None:
        """a: find who claims what (reporting verbs), skip what is annotated already, step through the rest."""
        bar = self.query_one(SuggestionBar)
        if bar.has_class("-shown"):
            bar.action_stop()
            return
        if self._writable_store() is None:
            return
        # A long article takes a second or two: say so then, not for the usual few milliseconds.
        self._suggest_timer = self.set_timer(0.3, lambda: self.notify("looking for attributions…", timeout=3))
        self._find_suggestions()

    @work(thread=True, exclusive=True, group="suggest")
    def _find_suggestions(self) -> None:
        found = suggest(self.article.text)  # ~40 ms for 50 KB; a 2 MB article takes seconds
        self.app.call_from_thread(self._suggestions_found, found)

    def _suggestions_found(self, found: list[Suggestion]) -> None:
        if self._suggest_timer is not None:
            self._suggest_timer.stop()
        claims = self.store.claims() if self.store is not None else []
        fresh = [s for s in found if not _annotated(s, claims)]
        if not fresh:
            what = "all of them are claims already" if found else "no reporting verbs with a source found"
            self.notify(f"no attributions to suggest: {what}", severity="information")
            return
        cursor = self.query_one(ArticleView).cursor
        first = next((i for i, s in enumerate(fresh) if s.claim_span[0] >= cursor), 0)
        self.query_one(SuggestionBar).start(fresh, first)

    def on_suggestion_bar_changed(self, event: SuggestionBar.Changed) -> None:
        view = self.query_one(ArticleView)
        if event.suggestion is None:
            view.set_suggestions([])
            if view.selection:
                view.action_clear()
            view.focus()
            return
        spans = [span for s in event.control.suggestions for span in (s.source_span, s.claim_span)]
        view.set_suggestions(spans)
        view.select(*event.suggestion.claim_span)

    def on_suggestion_bar_accepted(self, event: SuggestionBar.Accepted) -> None:
        suggestion, bar = event.suggestion, event.control
        if self._writable_store() is None:
            return
        draft = ClaimDraft(source_name=suggestion.source, source_type=suggestion.source_type,
                           source_role=suggestion.role, source_id=None, tags=(), status="unverified", note="")

        def then(saved: bool) -> None:
            if saved:
                bar.remove_current()
            if bar.has_class("-shown"):
                bar.focus()

        self._new_claim_dialog(*suggestion.claim_span, draft=draft, then=then)

    # --- the side panel -------------------------------------------------------

    def action_panel(self, view: str) -> None:
        """p / S: show the claims (or sources) list; again: back to the article, then hide it."""
        panel = self.query_one(AnnotationsPanel)
        if not panel.has_class("-shown") or panel.view != view:
            panel.show(view)
        elif panel.has_focus_within:
            panel.hide()
            self.query_one(ArticleView).focus()
        else:
            panel.focus_list()

    def on_annotations_panel_picked(self, event: AnnotationsPanel.Picked) -> None:
        view = self.query_one(ArticleView)
        claim, source = event.claim, event.source
        if event.action == "leave":
            view.focus()
        elif event.action in ("preview", "jump"):
            if claim is not None and not event.orphan:
                view.select(claim.anchor.start, claim.anchor.end)
            elif event.orphan and event.action == "jump":
                self.notify("this claim's words are no longer in the article: select its new place, "
                            "come back with p and press m", severity="information", timeout=8)
            if event.action == "jump" and source is None and not event.orphan:
                view.focus()
        elif event.action == "edit":
            if source is not None:
                self._edit_source_dialog(source)
            elif claim is not None and self._writable_store() is not None:
                self._edit_claim_dialog(claim)
        elif event.action == "delete":
            if source is not None:
                self._delete_source(source)
            elif claim is not None:
                self._delete_claim(claim)
        elif event.action == "attach":
            if claim is not None and event.orphan:
                self._attach_orphan(claim)
            else:
                self.notify("m is for claims the changed article lost (listed last)", severity="information")

    def on_article_view_moved(self, event: ArticleView.Moved) -> None:
        self._show_status(event.paragraph, event.fraction)

    def _show_status(self, paragraph: int, fraction: float) -> None:
        total = len(self.article.paragraphs)
        view = self.query_one(ArticleView)
        laid_out = "" if view.complete else " · laying out…"
        settings = f" · {view.settings}" if view.settings else ""
        status = f"{self.article.name} · ¶ {paragraph + 1}/{total} · {fraction:.0%} · bidi {self.bidi}{settings}{laid_out}"
        if not self.article.text.strip():
            status = f"{self.article.name} · this article is empty"
        line = plain(status)
        about = self._claim_summary(view)
        if about:
            widget = self.query_one("#article-status", Static)
            room = widget.content_region.width - line.cell_len - 3
            if room >= 12:
                line.append(" · ")
                line.append_text(visual_cell(about, room, "bold"))
        # One row whatever it says: no layout pass (it would cost a whole frame on every key).
        self.query_one("#article-status", Static).update(line, layout=False)

    def _claim_summary(self, view: ArticleView) -> str:
        """The claim at the cursor in a few words (status, sources, tags, note), or ""."""
        selection = view.selection
        claim = view.claim_at(selection[0] if selection else view.cursor) if view.claims else None
        if claim is None or self.store is None:
            return ""
        names = [source.name for i in claim.source_ids if (source := self.store.source(i)) is not None]
        tags = " ".join(f"#{tag}" for tag in claim.tags)
        return " · ".join(part for part in (claim.status, "، ".join(names), tags, claim.note) if part)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def action_search(self) -> None:
        search = self.query_one("#search", RtlInput)
        search.add_class("-shown")
        search.focus()

    def on_rtl_input_submitted(self, event: RtlInput.Submitted) -> None:
        if event.control.id != "search":
            return
        view = self.query_one(ArticleView)
        event.control.remove_class("-shown")
        view.focus()
        if view.set_search(event.value):
            view.action_next_match(1)
        elif event.value.strip():
            self.notify(f"no match for {event.value!r}", severity="warning")

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#search", RtlInput)
        if event.key == "escape" and search.has_focus:
            search.remove_class("-shown")
            self.query_one(ArticleView).focus()
            event.stop()
