"""The reader: one article, its claims, the search line and the status line."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..annotations.model import Anchor, Claim, Source
from ..annotations.sources import sources_in_folder
from ..annotations.store import AnnotationStore, StoreError
from ..article import Article
from ..config import Config
from ..text.search import fold, sentence_at
from .article_view import ArticleView
from .claim_dialog import ClaimDialog, ClaimDraft
from .label import VisualLabel, plain
from .rtl_input import RtlInput


class ReaderScreen(Screen[None]):
    """One article: a header with the guessed metadata, the text, a status line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("c", "new_claim", "Claim"),
        Binding("e", "edit_claim", "Edit", show=False),
        Binding("d", "delete_claim", "Delete", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    DEFAULT_CSS = """
    ReaderScreen {
        layout: vertical;
        #search { dock: bottom; display: none; }
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
        #: What ``u`` undoes, last first: ("added", claim), ("deleted", claim) or ("edited", the claim before).
        self.undo_stack: list[tuple[str, Claim]] = []

    def compose(self) -> ComposeResult:
        meta = self.article.beginning().metadata  # a 5 MB article opens as fast as a short one
        details = " · ".join(part for part in (meta.outlet, meta.date) if part)
        header = (meta.title or self.article.name) + ("\n" + details if details else "")
        yield VisualLabel(header, max_lines=3, id="article-header")
        config: Config = getattr(self.app, "config", Config())
        yield ArticleView(self.article, bidi=self.bidi, harakat=config.harakat, wrap_width=config.wrap_width,
                          id="article")
        yield Static("", id="article-status")
        yield RtlInput(placeholder="بحث — search (harakat, tatweel and hamza forms ignored)", id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self._show_status(0, 0.0)
        self._open_store()

    # --- annotations ----------------------------------------------------------

    def _open_store(self) -> None:
        if self.article.path is None:
            return
        self._store_loading = True
        self._load_store(self.article.path)

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
            self.notify(f"{len(self.store.orphans)} claims could not be placed in the changed text; "
                        "they are kept in the annotations file", severity="warning", markup=False, timeout=15)
        self.query_one(ArticleView).set_claims(self.store.claims())

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    def _writable_store(self) -> AnnotationStore | None:
        if self._store_loading:
            self.notify("the annotations are still loading", severity="information")
            return None
        if self.store is None:
            self.notify("annotations are saved beside an article file; this text has none", severity="warning")
            return None
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

    def action_new_claim(self) -> None:
        """c: a claim from the selection, or from the sentence at the cursor."""
        store = self._writable_store()
        if store is None:
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
        dialog = ClaimDialog(text[start:end], sources=self._known_sources(), tags=self._known_tags())
        self.app.push_screen(dialog, partial(self._save_new_claim, start, end))

    def _source_for(self, store: AnnotationStore, draft: ClaimDraft) -> Source:
        """The store's source for a draft: an existing one (updated if its type or role changed) or a new one."""
        source = store.source(draft.source_id) if draft.source_id else store.find_source(draft.source_name)
        if source is None:
            # Known from another article of the folder, or new: this article gets its own copy.
            source = Source(draft.source_name, draft.source_type, draft.source_role)
            store.add_source(source)
        elif (source.type, source.role) != (draft.source_type, draft.source_role or source.role):
            source = replace(source, type=draft.source_type, role=draft.source_role or source.role)
            store.update_source(source)
        return source

    def _save_new_claim(self, start: int, end: int, draft: ClaimDraft | None) -> None:
        if draft is None or self.store is None:
            return
        try:
            source = self._source_for(self.store, draft)
            claim = Claim(Anchor.from_text(self.article.text, start, end), (source.id,), draft.tags, draft.note,
                          draft.status)
            self.store.add_claim(claim)
        except StoreError as err:
            self.notify(f"not saved: {err}", severity="error", markup=False, timeout=15)
            return
        self.undo_stack.append(("added", claim))
        self._claims_changed(f"claim saved ({draft.status}, {draft.source_name})")

    def _claim_here(self) -> Claim | None:
        view = self.query_one(ArticleView)
        claim = view.claim_at(view.cursor)
        if claim is None and view.selection:
            claim = view.claim_at(view.selection[0])
        if claim is None:
            self.notify("no claim at the cursor (] and [ move between claims)", severity="warning")
        return claim

    def action_edit_claim(self) -> None:
        store = self._writable_store()
        claim = self._claim_here() if store is not None else None
        if store is None or claim is None:
            return
        source = store.source(claim.source_ids[0]) if claim.source_ids else None
        dialog = ClaimDialog(claim.anchor.exact, sources=self._known_sources(), tags=self._known_tags(),
                             claim=claim, source=source)
        self.app.push_screen(dialog, partial(self._save_edited_claim, claim))

    def _save_edited_claim(self, before: Claim, draft: ClaimDraft | None) -> None:
        if draft is None or self.store is None:
            return
        try:
            source = self._source_for(self.store, draft)
            after = before.edited(source_ids=(source.id, *[s for s in before.source_ids[1:] if s != source.id]),
                                  tags=draft.tags, note=draft.note, status=draft.status)
            self.store.update_claim(after)
        except StoreError as err:
            self.notify(f"not saved: {err}", severity="error", markup=False, timeout=15)
            return
        self.undo_stack.append(("edited", before))
        self._claims_changed("claim updated")

    def action_delete_claim(self) -> None:
        store = self._writable_store()
        claim = self._claim_here() if store is not None else None
        if store is None or claim is None:
            return
        try:
            store.delete_claim(claim.id)
        except StoreError as err:
            self.notify(f"not deleted: {err}", severity="error", markup=False, timeout=15)
            return
        self.undo_stack.append(("deleted", claim))
        self._claims_changed("claim deleted (u undoes)")

    def action_undo(self) -> None:
        store = self._writable_store()
        if store is None:
            return
        if not self.undo_stack:
            self.notify("nothing to undo", severity="information")
            return
        what, claim = self.undo_stack[-1]
        try:
            if what == "added":
                store.delete_claim(claim.id)
            elif what == "deleted":
                store.add_claim(claim)
            else:
                store.update_claim(claim)
        except StoreError as err:
            self.notify(f"undo failed: {err}", severity="error", markup=False, timeout=15)
            return
        self.undo_stack.pop()
        self._claims_changed(f"undone: {what} claim")

    def _claims_changed(self, message: str) -> None:
        assert self.store is not None
        self.query_one(ArticleView).set_claims(self.store.claims())
        self.notify(message, timeout=3, markup=False)

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
        # One row whatever it says: no layout pass (it would cost a whole frame on every key).
        self.query_one("#article-status", Static).update(plain(status), layout=False)

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
