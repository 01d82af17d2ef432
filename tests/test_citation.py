"""What the copy keys put on the clipboard: the article's own characters, a citation, the OSC 52 around them."""

from __future__ import annotations

import base64

import pytest
from presentation_forms import form

from reader.annotations.citation import citation, iso_date
from reader.article.metadata import Metadata
from reader.terminal.clipboard import SCREEN_PIECE, osc52, sequences
from reader.text.sanitise import copyable

QUOTE = "وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة"
FULL = Metadata(
    title="خطة الدعم الجديدة", outlet="جريدة الغد", date="2025-01-08T09:30:00+02:00", url="https://example.com/plan"
)


# --- copyable: the article's characters, nothing that only drives a display --------------------------------


def test_bidi_marks_and_controls_are_left_out_and_lines_and_tabs_kept() -> None:
    text = "\u200fقال\u200e الوزير\x1b[31m \u2067إن\u2069\u061c\n\tالأسعار\x7f\u202bستنخفض\u202c\ufeff"
    assert copyable(text) == "قال الوزير[31m إن\n\tالأسعارستنخفض"


def test_presentation_forms_become_the_letters_they_draw() -> None:
    # «قائد لا» as a shaper draws it (an article scraped from an old PDF may hold these).
    shaped = form("ini", "ق") + form("fin", "ا") + form("ini", "ئ") + form("fin", "د") + " " + form("iso", "لا")
    assert copyable(shaped) == "قائد لا"
    assert copyable("\ufb4b") == "\u05d5\u05b9"  # Hebrew vav with holam, decomposed


def test_zwnj_and_harakat_are_spelling_and_stay() -> None:
    persian = "می\u200cشود كَتَبَ"
    assert copyable(persian) == persian


# --- the citation -------------------------------------------------------------------------------------------


def test_a_full_citation_in_arabic_reads_quote_source_title_outlet_date_url_with_arabic_commas() -> None:
    got = citation(QUOTE, [("سلمى حداد", "المتحدثة باسم الوزارة")], FULL)
    assert got == (
        "«وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة» — سلمى حداد (المتحدثة باسم الوزارة)، "
        "خطة الدعم الجديدة، جريدة الغد، 2025-01-08، https://example.com/plan"
    )


def test_without_metadata_or_source_the_citation_is_the_quote_alone() -> None:
    assert citation(QUOTE, [], Metadata()) == f"«{QUOTE}»"


def test_unknown_parts_are_left_out_not_shown_blank() -> None:
    got = citation(QUOTE, [("مصادر مطلعة", "")], Metadata(outlet="جريدة الغد", date="2025-01-08"))
    assert got == f"«{QUOTE}» — مصادر مطلعة، جريدة الغد، 2025-01-08"
    assert "()" not in got and "، ،" not in got


def test_several_sources_are_separated_by_the_arabic_semicolon() -> None:
    got = citation(QUOTE, [("وزارة الصحة", ""), ("منظمة الصحة العالمية", "")], Metadata())
    assert got == f"«{QUOTE}» — وزارة الصحة؛ منظمة الصحة العالمية"


def test_the_quote_is_collapsed_to_one_line_without_marks() -> None:
    quote = "  قال الوزير\u200f إن الأسعار\n\nستنخفض\t الشهر المقبل \u2066(2025)\u2069 "
    got = citation(quote, [], Metadata(title="عنوان\nعلى سطرين"))
    assert got == "«قال الوزير إن الأسعار ستنخفض الشهر المقبل (2025)» — عنوان على سطرين"
    assert "\n" not in got


def test_a_hebrew_quote_takes_latin_commas() -> None:
    got = citation("השר אמר כי המחירים ירדו", [("השר", "שר האוצר")], Metadata(outlet="הארץ", date="2025-01-08"))
    assert got == "«השר אמר כי המחירים ירדו» — השר (שר האוצר), הארץ, 2025-01-08"


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2025-01-08", "2025-01-08"),
        ("2025-01-08T01:00:00+03:00", "2025-01-08"),  # the outlet's day, not the day in UTC
        ("2025/1/8", "2025-01-08"),
        ("الأربعاء 8 يناير 2025 - 13:44", "2025-01-08"),
        ("٨ كانون الثاني ٢٠٢٥", "2025-01-08"),
        ("۱۸ ژانویه ۲۰۲۵", "2025-01-18"),
        ("January 8, 2025", "2025-01-08"),
        ("8 בינואר 2025", "2025-01-08"),
        ("7 رجب 1446", "7 رجب 1446"),  # Hijri: kept as written
        ("31 فبراير 2025", "31 فبراير 2025"),  # no such day: kept as written
    ],
)
def test_dates_are_given_in_iso_form_when_qari_can_read_them(written: str, iso: str) -> None:
    assert iso_date(written) == iso


# --- OSC 52 ---------------------------------------------------------------------------------------------------


def _payload(sequence: str) -> str:
    return base64.b64decode(sequence.removeprefix("\x1b]52;c;").removesuffix("\a")).decode("utf-8")


def test_osc52_carries_the_text_as_utf8_base64() -> None:
    assert _payload(osc52(QUOTE)) == QUOTE


def test_outside_a_multiplexer_or_when_tmux_takes_osc52_nothing_more_is_sent() -> None:
    assert sequences(QUOTE) == ""
    assert sequences(QUOTE, "tmux", tmux_clipboard="on") == ""


def test_tmux_that_drops_osc52_gets_it_through_its_passthrough_with_escapes_doubled() -> None:
    wrapped = sequences(QUOTE, "tmux", tmux_clipboard="external")
    assert wrapped.startswith("\x1bPtmux;\x1b\x1b]52;c;") and wrapped.endswith("\a\x1b\\")
    inner = wrapped.removeprefix("\x1bPtmux;").removesuffix("\x1b\\").replace("\x1b\x1b", "\x1b")
    assert _payload(inner) == QUOTE
    assert sequences(QUOTE, "tmux", tmux_clipboard="", passthrough_allowed=True) == wrapped  # unknown: both go
    assert sequences(QUOTE, "tmux", tmux_clipboard="off", passthrough_allowed=False) == ""


def test_screen_gets_osc52_in_pieces_under_its_passthrough_limit() -> None:
    text = QUOTE * 20
    sent = sequences(text, "screen")
    strings = sent.split("\x1b\\")[:-1]
    assert all(s.startswith("\x1bP") for s in strings)
    assert max(len(s) for s in strings) <= SCREEN_PIECE + 12
    joined = "".join(s.removeprefix("\x1bP") for s in strings)
    assert _payload(joined) == text
