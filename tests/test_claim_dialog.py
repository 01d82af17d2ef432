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
