"""The reader: one article, its claims, the search line and the status line."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Static

from ..annotations.drafts import ClaimDraft
from ..annotations.editor import claim_span
from ..annotations.model import Claim
from ..annotations.sources import type_with_outlet
from ..article import Article, ArticleError, load_article
from ..attribution import Suggestion, suggest
from ..config import Config
from ..export.registry import FORMATS
from ..files import free_name
from .annotations_panel import AnnotationsPanel
from .article_view import ArticleView
from .confirm_dialog import Choice, ReplaceDialog
from .copying import CopyingScreen
from .footer import QariFooter
from .label import VisualLabel, bidi_of, ltr_line, visual_cell
from .read_only import ReadOnlyBar
from .rtl_input import RtlInput
from .suggestion_bar import SuggestionBar


def _annotated(suggestion: Suggestion, claims: list[Claim]) -> bool:
    """A claim already covers part of the suggested claim: it is not suggested again."""
    start, end = suggestion.claim_span
    return any(claim.anchor.start < end and claim.anchor.end > start for claim in claims)


class ReaderScreen(CopyingScreen):
    """One article: a header with the guessed metadata, the text, a status line; annotating it comes from
    ``AnnotatingScreen``, copying from ``CopyingScreen``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("c", "new_claim", "Claim", id="reader.claim"),
        Binding("e", "edit_claim", "Edit", id="reader.edit", show=False),
        Binding("d", "delete_claim", "Delete", id="reader.delete", show=False),
        Binding("u", "undo", "Undo", id="reader.undo", show=False),
        Binding("U", "redo", "Redo", id="reader.redo", show=False, tooltip="Do again what u undid"),
        Binding(
            "x",
            "export('csv')",
            "Export",
            id="reader.export",
            tooltip="Export this article's claims to <article>.claims.csv beside it",
        ),
        Binding(
            "a",
            "suggest",
            "Suggest",
            id="reader.suggest",
            tooltip="Suggest attributions (who claims what) to confirm as claims",
        ),
        Binding(
            "p",
            "panel('claims')",
            "Claims",
            id="reader.claims",
            tooltip="List the claims (again: back to the article, then hide)",
        ),
        Binding(
            "S", "panel('sources')", "Sources", id="reader.sources", tooltip="List the sources with their claim counts"
        ),
        Binding("q", "app.quit", "Quit", id="reader.quit"),
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
        super().__init__(article)
        self.bidi = bidi
        self._suggest_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        meta = self.article.beginning().metadata  # a 5 MB article opens as fast as a short one
        # An ISO date after Arabic would read backwards (its digits take the Arabic text's direction):
        # isolated left to right, it reads 2024-03-12 as written.
        date = f"\u2066{meta.date}\u2069" if meta.date and meta.date.isascii() else meta.date
        details = " · ".join(part for part in (meta.outlet, date) if part)
        header = (meta.title or self.article.name) + ("\n" + details if details else "")
        yield VisualLabel(header, max_lines=3, id="article-header")
        yield ReadOnlyBar(id="read-only")
        config: Config = getattr(self.app, "config", Config())
        yield AnnotationsPanel(id="panel")
        yield ArticleView(
            self.article, bidi=self.bidi, harakat=config.harakat, wrap_width=config.wrap_width, id="article"
        )
        yield Static("", id="article-status")
        yield SuggestionBar(id="suggestions")
        yield RtlInput(placeholder="بحث — search (harakat, tatweel and hamza forms ignored)", id="search")
        yield QariFooter()

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self._show_status(1, 0.0)
        self._open_store_later()

    # --- claims at the cursor -------------------------------------------------

    def action_new_claim(self) -> None:
        """c: a claim from the selection, or from the sentence at the cursor."""
        if self._writable() is None:
            return
        view = self.query_one(ArticleView)
        start, end = claim_span(self.article.text, *(view.selection or view.document.sentence_at(view.cursor)))
        if start == end:
            self.notify("select the claim's words first (or put the cursor in its sentence)", severity="warning")
            return
        self._new_claim_dialog(start, end)

    def _claim_here(self) -> Claim | None:
        view = self.query_one(ArticleView)
        claim = view.claim_at(view.cursor)
        if claim is None and view.selection:
            claim = view.claim_at(view.selection[0])
        if claim is None:
            self.notify("no claim at the cursor (] and [ move between claims; p lists them)", severity="warning")
        return claim

    def action_edit_claim(self) -> None:
        if self._writable() is not None and (claim := self._claim_here()) is not None:
            self._edit_claim_dialog(claim)

    def action_delete_claim(self) -> None:
        if self._writable() is not None and (claim := self._claim_here()) is not None:
            self._delete_claim(claim)

    # --- export ---------------------------------------------------------------

    def action_export(self, fmt: str = "csv") -> None:
        """x: this article's claims to ``<article>.claims.csv`` beside it (or another format of the registry, from the palette)."""
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
        out = path.with_name(path.name + FORMATS[fmt].suffix)
        if out.exists():  # ask: it may have been edited in a spreadsheet since (confirm_dialog.py)
            self.app.push_screen(ReplaceDialog(out, free_name(out)), partial(self._export_to, path, out, fmt))
            return
        self._export_to(path, out, fmt)

    def _export_to(self, path: Path, out: Path, fmt: str, choice: Choice | None = "replace") -> None:
        from ..export import export_to_file

        if choice is None:
            self.notify("not exported", timeout=3)
            return
        if choice == "new":
            out = free_name(out)
        warnings: list[str] = []
        try:
            result = export_to_file([path], out, fmt, warn=warnings.append, config=getattr(self.app, "config", None))
        except OSError as err:
            self.notify(
                f"not exported: {out.name}: {(err.strerror or str(err)).lower()}",
                severity="error",
                markup=False,
                timeout=15,
            )
            return
        detail = (
            f" ({len(warnings)} warning{'' if len(warnings) == 1 else 's'}: {warnings[0].removeprefix('qari: ')})"
            if warnings
            else ""
        )
        claims = f"{result.claims} claim{'' if result.claims == 1 else 's'}"
        self.notify(f"{claims} exported to {out}{detail}", markup=False, timeout=8)

    # --- attribution suggestions ----------------------------------------------

    def action_suggest(self) -> None:
        """a: find who claims what (reporting verbs), skip what is annotated already, step through the rest."""
        bar = self.query_one(SuggestionBar)
        if bar.has_class("-shown"):
            bar.action_stop()
            return
        if self._writable() is None:
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
        # After the frame: the bar, shown at the first suggestion, takes its rows from the view first.
        self.call_after_refresh(self._show_suggestion, event.control, event.suggestion)

    def _show_suggestion(self, bar: SuggestionBar, suggestion: Suggestion) -> None:
        """Scroll so the suggestion's source is in sight, and as much of its claim as fits."""
        if bar.current is not suggestion:
            return
        view = self.query_one(ArticleView)
        height = view.scrollable_content_region.height
        top = view.document.top_row_showing(suggestion.source_span, suggestion.claim_span, int(view.scroll_y), height)
        view.scroll_to(y=top, animate=False)

    def on_suggestion_bar_accepted(self, event: SuggestionBar.Accepted) -> None:
        suggestion, bar = event.suggestion, event.control
        if self._writable() is None:
            return
        draft = ClaimDraft(
            source_name=suggestion.source,
            source_type=type_with_outlet(
                suggestion.source, self.article.beginning().metadata.outlet or "", suggestion.source_type
            ),
            source_role=suggestion.role,
            source_id=None,
            tags=(),
            status="unverified",
            note=f"relayed by {suggestion.relay}" if suggestion.relay else "",  # who passed the words on
        )

        def then(saved: bool) -> None:
            if saved:
                bar.remove_current()
            if bar.has_class("-shown"):
                bar.focus()

        self._new_claim_dialog(*suggestion.claim_span, draft=draft, then=then, suggestion=suggestion)

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
                self.notify(
                    "this claim's words are no longer in the article: select its new place, "
                    "come back with p and press m",
                    severity="information",
                    timeout=8,
                )
            if event.action == "jump" and source is None and not event.orphan:
                view.focus()
        elif event.action == "edit":
            if source is not None:
                self._edit_source_dialog(source)
            elif claim is not None and self._writable() is not None:
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
        """``paragraph``: the cursor's, 1-based as in the export's ``paragraph`` column."""
        total = self.article.paragraph_count
        view = self.query_one(ArticleView)
        laid_out = "" if view.complete else " · laying out…"
        settings = f" · {view.settings}" if view.settings else ""
        status = f"{self.article.name} · ¶ {paragraph}/{total} · {fraction:.0%} · bidi {self.bidi}{settings}{laid_out}"
        if self.article.is_blank():
            status = f"{self.article.name} · this article is empty"
        bidi = bidi_of(self)
        line = ltr_line(status, bidi=bidi)  # the article's name may be Arabic
        about = self._claim_summary(view)
        if about:
            widget = self.query_one("#article-status", Static)
            room = widget.content_region.width - line.cell_len - 3
            if room >= 12:
                line.append(" · ")
                line.append_text(visual_cell(about, room, "bold", bidi=bidi))
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

    def _reopen_whole(self, path: Path) -> None:
        """The file's beginning was UTF-8 and its rest is not: read it as a small file is read, which decides
        the encoding from all of it (or says in one line why it cannot), and show that instead."""
        try:
            article = load_article(path)
        except ArticleError as err:
            self.app.notify(str(err), severity="error", markup=False, timeout=15)
            self.action_back()  # to the library, where an unreadable file is reported the same way
            return
        self.app.switch_screen(ReaderScreen(article, bidi=self.bidi))

    def action_back(self) -> None:
        """Escape with nothing to clear: back to the library; opened on one file, to its folder's library."""
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        elif self.article.path is not None and (open_folder := getattr(self.app, "open_folder_of", None)):
            open_folder(self.article.path)  # the app's: the library imports this module

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
