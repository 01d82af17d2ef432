"""The side panel: the article's claims in reading order, or its sources, filtered by tag or source.

It shows what ``reader.annotations.listing`` computes and says what the user
picked through one message; the reader screen does the saving, so the panel
never touches the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from ..annotations.listing import ClaimEntry, SourceEntry, claim_entries, source_entries
from ..annotations.model import STATUSES, Claim, Source
from .entry_list import EntryList
from .label import bidi_of, row_count, visual_cell, visual_rows
from .rtl_input import RtlInput

VIEWS = ("claims", "sources")
#: An entry's rows at most: the quote, who says it (status, sources with their roles), the tags.
QUOTE_ROWS, ABOUT_ROWS, TAG_ROWS = 4, 2, 2
#: The panel's narrowest, and the room it always leaves the article; < and > change its width by a step.
MIN_WIDTH, ARTICLE_ROOM, WIDTH_STEP = 28, 30, 4


@dataclass(frozen=True, slots=True)
class PanelData:
    """What the panel lists: the store's state when it last changed."""

    claims: tuple[Claim, ...] = ()
    orphans: tuple[Claim, ...] = ()
    sources: Mapping[str, Source] | None = None


class AnnotationsPanel(Vertical):
    """Claims (or sources) of the article, with a filter line on top.

    | key | in the list |
    |---|---|
    | ↑ ↓ | move; the article follows the highlighted claim |
    | Enter | go to the claim (for a source: its claims, and the first of them) |
    | `e` `d` | edit / delete the claim or source |
    | `m` | move an orphan claim to the article's selection |
    | `/` | filter: `#tag`, `@source`, or any word |
    | `<` `>` | narrower / wider |
    | Escape | clear the filter, then back to the article |
    """

    BINDING_GROUP_TITLE = "Claims panel"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "act('edit')", "Edit", id="panel.edit", tooltip="Edit the highlighted claim or source"),
        Binding(
            "d",
            "act('delete')",
            "Delete",
            id="panel.delete",
            tooltip="Delete the highlighted claim (or an unused source)",
        ),
        Binding(
            "m",
            "act('attach')",
            "Move here",
            id="panel.move-here",
            show=False,
            tooltip="Place the highlighted orphan claim at the article's selection",
        ),
        Binding("slash", "filter", "Filter", id="panel.filter", tooltip="Filter by #tag, @source or any word"),
        Binding("less_than_sign", f"resize({-WIDTH_STEP})", "Narrower", id="panel.narrower", show=False),
        Binding("greater_than_sign", f"resize({WIDTH_STEP})", "Wider", id="panel.wider", show=False),
        Binding(
            "escape",
            "leave",
            "Back",
            id="panel.back",
            show=False,
            tooltip="Clear the filter, then go back to the article",
        ),
    ]

    DEFAULT_CSS = """
    AnnotationsPanel {
        dock: left;
        width: 40%;
        min-width: 28;
        max-width: 64;
        display: none;
        padding-bottom: 1;  /* the footer's row: docked too, the footer covers the panel's last row */
        background: $panel;
        border-right: vkey $border-blurred;
        &.-shown { display: block; }
        &:focus-within { border-right: vkey $border; }
        #panel-title { height: 1; padding: 0 1; color: $text-muted; }
        #panel-filter { margin: 0 1; background: $boost; }
        /* The scrollbar's room is kept: entries are wrapped at the list's width. */
        #panel-list { height: 1fr; scrollbar-gutter: stable; }
        #panel-empty { padding: 1; color: $text-muted; display: none; }
        #panel-empty.-shown { display: block; }
        #panel-hint { height: auto; padding: 0 1; color: $text-muted; }
    }
    """

    view: reactive[str] = reactive("claims")
    """Which list is shown: ``claims`` or ``sources``."""

    @dataclass
    class Picked(Message):
        """The user did something to an entry: ``preview``, ``jump``, ``edit``, ``delete`` or ``attach``."""

        panel: AnnotationsPanel
        action: str
        claim: Claim | None = None
        source: Source | None = None
        orphan: bool = False

        @property
        def control(self) -> AnnotationsPanel:
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = PanelData()
        self._entries: list[ClaimEntry | SourceEntry] = []
        self._built_for: tuple[object, ...] | None = None
        self._width: int | None = None  # set by < and >; None: the stylesheet's

    def compose(self) -> ComposeResult:
        yield Static("", id="panel-title")
        yield RtlInput(placeholder="#tag  @source  or any word", id="panel-filter", compact=True)
        yield EntryList(self._rows_of, height_of=self._height_of, id="panel-list")
        yield _EmptyNote("", id="panel-empty")
        yield Static("", id="panel-hint")

    # --- data --------------------------------------------------------------------

    def set_data(self, claims: list[Claim], orphans: list[Claim], sources: list[Source]) -> None:
        """The store changed (or opened): list it again, keeping the highlighted entry when it is still there."""
        self.data = PanelData(tuple(claims), tuple(orphans), {source.id: source for source in sources})
        self._built_for = None
        if self.display:
            self.rebuild()

    @property
    def filter_text(self) -> str:
        return self.query_one("#panel-filter", RtlInput).value

    def set_filter(self, typed: str) -> None:
        self.query_one("#panel-filter", RtlInput).value = typed
        self.rebuild()

    def entries(self) -> list[ClaimEntry | SourceEntry]:
        """The entries listed now, in order (what the options show)."""
        sources = self.data.sources or {}
        if self.view == "sources":
            return list(source_entries(self.data.claims, sources, self.filter_text))
        return list(claim_entries(self.data.claims, self.data.orphans, sources, self.filter_text))

    def rebuild(self) -> None:
        entry_list = self._list()
        key = (self.data, self.view, self.filter_text)
        if key == self._built_for:
            return
        self._built_for = key
        before = self.highlighted_entry
        self._entries = self.entries()
        rule = next((i for i, e in enumerate(self._entries) if isinstance(e, ClaimEntry) and e.orphan), None)
        entry_list.set_entries(self._entries, rule_before=rule, highlight=self._index_of(before))
        self._show_title()
        empty = self.query_one("#panel-empty", Static)
        empty.update(self._empty_message())
        empty.set_class(not self._entries, "-shown")
        entry_list.display = bool(self._entries)

    def _list(self) -> EntryList[ClaimEntry | SourceEntry]:
        return self.query_one("#panel-list", EntryList)

    def _index_of(self, entry: ClaimEntry | SourceEntry | None) -> int:
        """The index of the entry for the same claim or source as ``entry`` (else the first)."""
        if entry is not None:
            for index, candidate in enumerate(self._entries):
                if type(candidate) is type(entry) and _key(candidate) == _key(entry):
                    return index
        return 0

    def _empty_message(self) -> str:
        if self.filter_text.strip():
            return "nothing matches the filter (Escape clears it)"
        if self.view == "sources":
            return "no sources yet: a claim's dialog names its source"
        return "no claims yet: select text in the article and press c"

    def _show_title(self) -> None:
        claims = len(self.data.claims) + len(self.data.orphans)
        sources = len(self.data.sources or {})
        shown = len(self._entries)
        title = Text.assemble(
            ("Claims", "bold reverse" if self.view == "claims" else ""),
            f" {claims}  ",
            ("Sources", "bold reverse" if self.view == "sources" else ""),
            f" {sources}",
        )
        if self.filter_text.strip():
            title.append(f"  · {shown} shown")
        self.query_one("#panel-title", Static).update(title)

    def _rows_of(self, entry: ClaimEntry | SourceEntry, width: int) -> list[Text]:
        """An entry's rows: the quote wrapped, then status and sources with their roles, then the tags (for a
        source: its name and role, then its type and claim count)."""
        bidi = bidi_of(self)
        if isinstance(entry, SourceEntry):
            count = f"{entry.count} claim{'' if entry.count == 1 else 's'}"
            return [
                *visual_rows(_who(entry.source), width, "bold", bidi=bidi, max_rows=ABOUT_ROWS),
                visual_cell(f"{entry.source.type} · {count}", width, "dim", bidi=bidi),
            ]
        claim = entry.claim
        rows = visual_rows(claim.anchor.exact, width, "dim" if entry.orphan else "", bidi=bidi, max_rows=QUOTE_ROWS)
        rows += visual_rows(_about(entry), width, self._status_style(claim.status), bidi=bidi, max_rows=ABOUT_ROWS)
        if claim.tags:
            rows += visual_rows(_tags(claim), width, bidi=bidi, max_rows=TAG_ROWS)
        return rows

    def _height_of(self, entry: ClaimEntry | SourceEntry, width: int) -> int:
        """How many rows ``_rows_of`` gives the entry (the list asks it of every entry: cached wrapping)."""
        bidi = bidi_of(self)
        if isinstance(entry, SourceEntry):
            return row_count(_who(entry.source), width, bidi=bidi, max_rows=ABOUT_ROWS) + 1
        claim = entry.claim
        rows = row_count(claim.anchor.exact, width, bidi=bidi, max_rows=QUOTE_ROWS)
        rows += row_count(_about(entry), width, bidi=bidi, max_rows=ABOUT_ROWS)
        return rows + (row_count(_tags(claim), width, bidi=bidi, max_rows=TAG_ROWS) if claim.tags else 0)

    def action_resize(self, step: int) -> None:
        """< >: the panel narrower or wider, leaving the article its room (kept while qari runs)."""
        widest = max(self.screen.size.width - ARTICLE_ROOM, MIN_WIDTH)
        # From the width asked last: keys pressed faster than the layout follows all count.
        self._width = min(max((self._width or self.outer_size.width) + step, MIN_WIDTH), widest)
        self.styles.max_width = widest
        self.styles.width = self._width

    def _status_style(self, status: str) -> Style:
        """The article's colour for the status, so the list and the text agree."""
        from .article_view import ArticleView  # the view owns the claim colours

        try:
            view = self.screen.query_one(ArticleView)
        except Exception:
            return Style()
        if status not in STATUSES:
            return Style()
        return view.get_component_rich_style(f"article-view--claim-{status}", partial=True)

    # --- what is highlighted ------------------------------------------------------------

    @property
    def highlighted_entry(self) -> ClaimEntry | SourceEntry | None:
        index = self._list().highlighted
        return self._entries[index] if index is not None and index < len(self._entries) else None

    def _post(self, action: str, entry: ClaimEntry | SourceEntry | None) -> None:
        if isinstance(entry, ClaimEntry):
            self.post_message(self.Picked(self, action, claim=entry.claim, orphan=entry.orphan))
        elif isinstance(entry, SourceEntry):
            first = entry.claims[0] if entry.claims else None
            self.post_message(self.Picked(self, action, claim=first, source=entry.source))

    def on_entry_list_highlighted(self, event: EntryList.Highlighted) -> None:
        event.stop()
        if self._list().has_focus:
            self._post("preview", self.highlighted_entry)

    def on_entry_list_selected(self, event: EntryList.Selected) -> None:
        event.stop()
        entry = self.highlighted_entry
        if isinstance(entry, SourceEntry):
            # A source's claims, listed: Enter again on one goes to it.
            self.view = "claims"
            self.set_filter(f"@{entry.source.name}")
            self._list().focus()
        self._post("jump", entry)

    def action_act(self, action: str) -> None:
        entry = self.highlighted_entry
        if entry is None:
            self.notify("nothing highlighted in the list", severity="warning")
            return
        self._post(action, entry)

    # --- filter and focus -------------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one("#panel-filter", RtlInput).focus()

    def on_rtl_input_changed(self, event: RtlInput.Changed) -> None:
        if event.control.id == "panel-filter":
            event.stop()
            self.rebuild()

    def on_rtl_input_submitted(self, event: RtlInput.Submitted) -> None:
        if event.control.id == "panel-filter":
            event.stop()
            self.focus_list()

    def focus_list(self) -> None:
        entry_list = self._list()
        if entry_list.display:
            entry_list.focus()
        elif self.filter_text:
            self.query_one("#panel-filter", RtlInput).focus()
        else:  # nothing listed: the note takes the focus, so p and Escape are not typed into the filter
            self.query_one("#panel-empty", _EmptyNote).focus()

    def on_descendant_focus(self) -> None:
        self._show_hint()

    def on_descendant_blur(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        """The panel's last row says what the panel's key (p, or S for sources) does next, as the focus is now."""
        wanted = "reader.sources" if self.view == "sources" else "reader.claims"
        key = next(
            (
                self.app.get_key_display(a.binding)
                for a in self.screen.active_bindings.values()
                if a.binding.id == wanted
            ),
            "S" if self.view == "sources" else "p",
        )
        hint = f"{key}: hide · Esc: to the text" if self.has_focus_within else f"{key}: into the list"
        self.query_one("#panel-hint", Static).update(Text(hint))

    def action_leave(self) -> None:
        if self.filter_text:
            self.set_filter("")
            self.focus_list()
            return
        self.post_message(self.Picked(self, "leave"))

    def on_key(self, event: events.Key) -> None:
        # Escape in the filter field: the same as in the list.
        if event.key == "escape" and self.query_one("#panel-filter", RtlInput).has_focus:
            event.stop()
            self.action_leave()

    def watch_view(self) -> None:
        if self.is_mounted and self.display:
            self.rebuild()
            self._show_hint()

    def show(self, view: str) -> None:
        """Show the panel with ``view`` listed and the focus in its list."""
        self.view = view
        self.add_class("-shown")
        self.call_after_refresh(self._after_show)

    def _after_show(self) -> None:
        self.rebuild()
        self.focus_list()

    def hide(self) -> None:
        self.remove_class("-shown")


class _EmptyNote(Static, can_focus=True):
    """ "no claims yet…": focusable, so the panel keeps the focus (and its keys) with nothing to list."""


def _who(source: Source) -> str:
    return f"{source.name} — {source.role}" if source.role else source.name


def _about(entry: ClaimEntry) -> str:
    """Status, how much evidence, and sources, each with its role: «unverified · 2 evidence · كريم نور (خبير اقتصادي)»."""
    names = "، ".join(f"{s.name} ({s.role})" if s.role else s.name for s in entry.sources) or "no source"
    # How much backs the verdict (the links themselves are in the claim dialog), next to the status: it
    # stays in sight in a narrow panel, and between two Latin words its number keeps its place.
    evidence = f" · {len(entry.claim.evidence)} evidence" if entry.claim.evidence else ""
    about = f"{entry.claim.status}{evidence} · {names}"
    return f"not placed · {about}" if entry.orphan else about


def _tags(claim: Claim) -> str:
    return "  ".join(f"#{tag}" for tag in claim.tags)


def _key(entry: ClaimEntry | SourceEntry) -> str:
    return entry.source.id if isinstance(entry, SourceEntry) else entry.claim.id
