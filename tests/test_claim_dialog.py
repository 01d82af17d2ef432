"""The claim dialog: source type-ahead, type guessed from the name, Enter saves, Escape cancels."""

from __future__ import annotations

import asyncio

from pilot_helpers import type_text
from textual.app import App

from reader.annotations.drafts import split_evidence
from reader.annotations.model import Anchor, Claim, Source
from reader.ui.claim_dialog import ChoiceField, ClaimDialog, ClaimDraft, split_tags
from reader.ui.rtl_input import RtlInput

QUOTE = "كشفت مصادر مطلعة أن الوزارة طلبت دعمًا عاجلًا"
KNOWN = [Source("سلمى حداد", "official", "المتحدثة باسم وزارة الصحة"), Source("كريم نور", "expert", "خبير اقتصادي")]


class Host(App[None]):
    def __init__(self, dialog: ClaimDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: ClaimDraft | str | None = "not closed"

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._done)

    def _done(self, result: ClaimDraft | None) -> None:
        self.result = result


def run(body) -> None:
    asyncio.run(body())


def test_split_tags_accepts_arabic_commas_and_drops_repeats() -> None:
    assert split_tags("اقتصاد، صحة, اقتصاد ,  لقاحات  ") == ("اقتصاد", "صحة", "لقاحات")
    assert split_tags("") == ()


def test_new_anonymous_source_is_typed_anonymous_and_enter_saves_from_any_field() -> None:
    async def body() -> None:
        app = Host(ClaimDialog(QUOTE, sources=KNOWN, tags=["صحة"]))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.focused, RtlInput) and app.focused.id == "claim-source"
            await pilot.press(*"مصادر", "space", *"مطلعة")
            await pilot.pause()
            assert app.screen.query_one("#claim-source-type", ChoiceField).value == "anonymous"
            await pilot.press("tab", "tab", "tab")  # type → role → tags
            await pilot.press(*"صح")
            await pilot.pause()
            await pilot.press("tab", "right", "right")  # status: unverified → supported → disputed
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.result, ClaimDraft)
            assert app.result.source_name == "مصادر مطلعة"
            assert app.result.source_type == "anonymous"
            assert app.result.source_id is None
            assert app.result.tags == ("صح",)
            assert app.result.status == "disputed"

    run(body)


def test_type_ahead_picks_a_known_source_with_its_type_and_role() -> None:
    async def body() -> None:
        app = Host(ClaimDialog(QUOTE, sources=KNOWN, tags=[]))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press(*"سلمي")  # typed with ي: alef maqsura and yeh are alike
            await pilot.pause()
            await pilot.press("down", "enter")
            await pilot.pause()
            assert app.screen.query_one("#claim-source", RtlInput).value == "سلمى حداد"
            assert app.screen.query_one("#claim-role", RtlInput).value == "المتحدثة باسم وزارة الصحة"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.result, ClaimDraft)
            assert app.result.source_id == KNOWN[0].id
            assert app.result.source_type == "official"

    run(body)


def test_escape_cancels_and_a_claim_needs_a_source() -> None:
    async def body() -> None:
        app = Host(ClaimDialog(QUOTE, sources=[], tags=[]))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # no source yet: stays open
            await pilot.pause()
            assert app.result == "not closed"
            await pilot.press("escape")
            await pilot.pause()
            assert app.result is None

    run(body)


def test_split_sources_takes_arabic_and_latin_semicolons_and_drops_repeats() -> None:
    from reader.ui.claim_dialog import split_sources

    assert split_sources("وزارة الصحة؛ منظمة  الصحة العالمية ; وزارة الصّحة") == ("وزارة الصحة", "منظمة الصحة العالمية")
    assert split_sources(" ؛ ") == ()


def test_several_sources_in_one_field_known_ones_keep_their_type_new_ones_get_a_guess() -> None:
    async def body() -> None:
        app = Host(ClaimDialog(QUOTE, sources=KNOWN, tags=[]))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await type_text(app, pilot, "وزارة الصحة؛ مصادر مطلعة؛ كريم")  # pilot.press cannot type ؛
            await pilot.pause()
            # The first source's type is guessed from the first name only; type-ahead works on the last one.
            assert app.screen.query_one("#claim-source-type", ChoiceField).value == "official"
            await pilot.press("down", "enter")  # take «كريم نور» from the suggestions
            await pilot.pause()
            field = app.screen.query_one("#claim-source", RtlInput)
            assert field.value == "وزارة الصحة؛ مصادر مطلعة؛ كريم نور"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.result, ClaimDraft)
            assert app.result.source_name == "وزارة الصحة" and app.result.source_type == "official"
            (insiders, karim) = app.result.more_sources
            assert (insiders.name, insiders.type) == ("مصادر مطلعة", "anonymous")
            assert karim == KNOWN[1]  # known: its type, role and id

    run(body)


def test_split_evidence_takes_bars_and_line_breaks_keeps_links_whole_and_drops_repeats() -> None:
    typed = "https://example.com/a?x=1;y=2 | بيان وزارة الصحة، أمس\nhttps://example.com/a?x=1;y=2 |  | "
    assert split_evidence(typed) == ("https://example.com/a?x=1;y=2", "بيان وزارة الصحة، أمس")
    assert split_evidence("") == ()


def test_evidence_is_shown_one_line_and_what_is_typed_comes_back_as_items() -> None:
    claim = Claim(Anchor(0, 4, "كشفت"), evidence=("https://example.com/بيان", "تقرير الوكالة"))

    async def body() -> None:
        dialog = ClaimDialog(QUOTE, sources=KNOWN, tags=[], claim=claim, source=KNOWN[0])
        app = Host(dialog)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            field = app.screen.query_one("#claim-evidence", RtlInput)
            assert field.value == "https://example.com/بيان | تقرير الوكالة"
            field.focus()
            await pilot.press("end")
            await type_text(app, pilot, " | شهادة مراسلنا")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.result, ClaimDraft)
            assert app.result.evidence == ("https://example.com/بيان", "تقرير الوكالة", "شهادة مراسلنا")
            assert app.result.source_id == KNOWN[0].id

    run(body)


def test_tab_goes_field_to_field_past_open_suggestions_which_up_and_down_reach_from_their_field() -> None:
    async def body() -> None:
        sources = [*KNOWN, Source("سلمان داود", "expert")]
        app = Host(ClaimDialog(QUOTE, sources=sources, tags=[]))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press(*"سلم")
            await pilot.pause()
            suggestions = app.screen.query_one("#claim-suggestions")
            assert suggestions.has_class("-shown") and suggestions.option_count == 2
            await pilot.press("down", "down")  # the field keeps the focus; the highlight moves
            assert app.focused is not None and app.focused.id == "claim-source"
            assert suggestions.highlighted == 1
            await pilot.press("up", "up")  # above the first: back to typing, Enter would save
            assert suggestions.highlighted is None and app.focused.id == "claim-source"
            await pilot.press("down", "tab")  # Tab: the next field, not the list; the list closes
            await pilot.pause()
            assert isinstance(app.focused, ChoiceField) and app.focused.id == "claim-source-type"
            assert not suggestions.has_class("-shown")
            await pilot.press("shift+tab")
            assert app.focused is not None and app.focused.id == "claim-source"
            assert app.result == "not closed"

    run(body)


def test_focused_field_is_marked_in_every_bundled_theme() -> None:
    from pathlib import Path

    from test_themes import contrast

    themes = sorted(path.stem for path in (Path(__file__).resolve().parent.parent / "themes").glob("*.toml"))

    async def body() -> None:
        app = Host(ClaimDialog(QUOTE, sources=KNOWN, tags=[]))
        async with app.run_test(size=(100, 40)) as pilot:
            from reader.ui.themes import register_themes

            register_themes(app)
            for theme in themes:
                app.theme = theme
                for field_id in ("#claim-source", "#claim-source-type", "#claim-note"):
                    field = app.screen.query_one(field_id)
                    field.focus()
                    await pilot.pause()
                    box = app.screen.query_one("#claim-box").styles.background
                    # A focus mark that reads as one (WCAG 2.2 focus appearance: 3:1 against what is around it).
                    kind, mark = field.styles.border_left
                    assert kind not in ("", "none", "hidden"), (theme, field_id)
                    assert contrast((box + mark).hex, box.hex) >= 3, (theme, field_id)
                    # The focused field's text still reads on its tinted background.
                    style = field.rich_style
                    assert contrast(style.color.triplet.hex, style.bgcolor.triplet.hex) >= 4.5, (theme, field_id)
                    other = app.screen.query_one("#claim-role")
                    _, unmarked = other.styles.border_left
                    assert contrast((box + unmarked).hex, box.hex) < 1.5, (theme, "unfocused fields carry no mark")

    run(body)
