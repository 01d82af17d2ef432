"""Rows rewritten for kitty and qterminal (reader.terminal.cells) against models of what those terminals draw.

The models are written from the terminals' source (kitty 0.26.5 kitty/fonts.c,
qtermwidget 1.2.0 lib/TerminalDisplay.cpp and Screen.cpp): given the row a
terminal receives, they give the row it shows, cell by cell. A rewritten row
must show the xterm row. Texts are visual rows as qari's engine makes them.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from reader.terminal.cells import has_rtl, kitty_row, qt_row, reorder_for, reorder_segments
from reader.text.bidi import resolve_levels
from reader.text.layout import LayoutOptions, layout_paragraph

PAIRS = {"(": ")", ")": "(", "[": "]", "]": "[", "«": "»", "»": "«", "<": ">", ">": "<"}
MARK = re.compile(r"[\u064b-\u065f\u0670\u0591-\u05c7]")


def visual(text: str) -> str:
    """The row qari sends xterm for a short paragraph."""
    return layout_paragraph(text, LayoutOptions(width=200))[0].text


def _is_rtl_letter(ch: str) -> bool:
    return ("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc") and (
        unicodedata.category(ch).startswith("L") or "\u0660" <= ch <= "\u0669" or "\u06f0" <= ch <= "\u06f9"
    )


def kitty_shows(sent: str, faces: list[int] | None = None) -> str:
    """Model of kitty: runs of one font face between blanks; a run whose first scripted character
    is right-to-left is reversed (marks with their letter) and mirrored by HarfBuzz."""
    clusters = re.findall(r"(?s).[\u064b-\u065f\u0670\u0591-\u05c7]*", sent)
    faces = faces or [0] * len(clusters)
    out: list[str] = []
    i = 0
    while i < len(clusters):
        j = i + 1
        if clusters[i] != " ":
            while j < len(clusters) and clusters[j] != " " and faces[j] == faces[i]:
                j += 1
        run = clusters[i:j]
        first = next((c[0] for c in run if unicodedata.category(c[0])[0] == "L" or _is_rtl_letter(c[0])), "a")
        if _is_rtl_letter(first):
            run = [PAIRS.get(c[0], c[0]) + c[1:] for c in reversed(run)]
        out.extend(run)
        i = j
    return "".join(out)


def qt_shows(sent: str, breaks: tuple[int, ...] = ()) -> str:
    """Model of qterminal: zero-width characters dropped on input, then every fragment of one style
    laid out by Qt as a left-to-right paragraph (UBA levels, L2 reversal, L4 mirroring)."""
    out: list[str] = []
    cuts = [0, *breaks, len(sent)]
    for a, b in pairwise(cuts):
        text = MARK.sub("", sent[a:b])
        levels = [ord(x) for x in resolve_levels(text, 0)] if text else []
        chars = [PAIRS.get(c, c) if lv % 2 else c for c, lv in zip(text, levels)]
        for level in range(max(levels, default=0), 0, -1):
            k = 0
            while k < len(chars):
                if levels[k] >= level:
                    e = k
                    while e < len(chars) and levels[e] >= level:
                        e += 1
                    chars[k:e] = chars[k:e][::-1]
                    levels[k:e] = levels[k:e][::-1]
                    k = e
                else:
                    k += 1
        out.append("".join(chars))
    return "".join(out)


ROWS = [
    "قال الوزير إن الطلاب نجحوا في الامتحان",
    "          نجح 25% من الطلاب عام 2024.",
    "قال (الوزير) إن «الطلاب» نجحوا [في] الامتحان.",
    "لا الأمر للإمام الآن إلا",
    "هذا Python 3.12 جيد (جدا) اليوم",
    "שלום (עולם) 12 מה נשמע?",
    "عام ٢٠٢٤ و1,500 دولار",
]


def test_kitty_shows_the_xterm_row_for_words_numbers_brackets_latin_and_hebrew() -> None:
    for text in ROWS:
        v = visual(text)
        assert kitty_shows(kitty_row(v)) == v, text


def test_kitty_sent_row_keeps_each_harakah_after_its_letter() -> None:
    v = visual("إنّ تَمَّ")
    sent = kitty_row(v)
    assert sorted(re.findall(r".[\u064b-\u065f]+", sent)) == sorted(re.findall(r".[\u064b-\u065f]+", v))


def test_kitty_row_is_not_reversed_across_a_bold_break_but_is_across_a_colour_change() -> None:
    v = visual("الطلاب")  # five cells: the lam-alef ligature is one
    bold = kitty_row(v, breaks=[2])
    assert bold == kitty_row(v[:2]) + kitty_row(v[2:])
    faces = [0, 0, 1, 1, 1]
    assert kitty_shows(bold, faces) == v
    segments = reorder_segments("kitty", [(v[:2], False, False, "red"), (v[2:], False, False, "")])
    assert "".join(segments) == kitty_row(v)


def test_kitty_leaves_a_run_that_starts_with_latin_letters_as_sent() -> None:
    row = "abc\ufe8f\ufe95"
    assert kitty_row(row) == row
    assert kitty_shows(row) == row


def test_kitty_reverses_arabic_indic_digits_alone_but_not_european_ones() -> None:
    assert kitty_row("\u0661\u0662 12") == "\u0662\u0661 12"


def test_kitty_fallback_font_for_hebrew_keeps_punctuation_in_place() -> None:
    v = visual("שלום.")
    hebrew = [1 if "\u0590" <= ch <= "\u05ff" else 0 for ch in v]
    sent = kitty_row(v, font_of=lambda ch: 1 if "\u0590" <= ch <= "\u05ff" else 0)
    assert kitty_shows(sent, hebrew) == v
    assert kitty_shows(kitty_row(v), hebrew) != v  # one font assumed: the full stop moves


def test_qt_shows_the_xterm_row_without_harakat() -> None:
    for text in [*ROWS, "إنّ الطالبَ تَمَّ قبولُه", "می‌خواهم کتاب‌ها را ۲۰۲۴ بخوانم"]:
        v = visual(text)
        assert qt_shows(qt_row(v)) == MARK.sub("", v), text


def test_qt_reorders_each_style_fragment_on_its_own() -> None:
    v = "   " + visual("الطلاب نجحوا في الامتحان")
    for breaks in [(len(v) - 2,), (len(v) - 5, len(v) - 4), (3, 10)]:
        assert qt_shows(qt_row(v, breaks), breaks) == v, breaks
        assert qt_shows(qt_row(v), breaks) != v, breaks


def test_qt_cannot_show_a_number_right_of_arabic_in_one_fragment_only_with_a_break() -> None:
    v = visual("25% من الطلاب")  # the number starts the line: it is drawn rightmost
    assert qt_shows(qt_row(v)) != v
    cut = (v.index("2") - 1,)
    assert qt_shows(qt_row(v, cut), cut) == v


def test_a_row_bidi_terminal_is_sent_rows_arranged_across_style_breaks() -> None:
    """VTE and Konsole (inside tmux, their own bidi left on) reorder each whole row, whatever its styles."""
    v = "   " + visual("الطلاب نجحوا في الامتحان")
    cut = (len(v) - 5, len(v) - 4)  # a cursor cell inside the last word
    assert qt_shows(reorder_for("line", v, cut)) == v
    texts = reorder_segments("line", [(v[:10], False, False, "a"), (v[10:], False, False, "b")])
    assert qt_shows("".join(texts)) == v and [len(t) for t in texts] == [10, len(v) - 10]


def test_rows_without_right_to_left_text_come_back_as_the_same_object() -> None:
    row = "Hello (world) 2024 «quoted» ── │"
    assert not has_rtl(row)
    assert reorder_for("kitty", row) is row
    assert reorder_for("qt", row, [3]) is row


TEXT = st.text(st.sampled_from(list("ابتلمنهي ()«»[]12.%abق\u064e\u0651")), min_size=1, max_size=30)


def _canonical(s: str) -> list[str]:
    return sorted(PAIRS.get(c, c) if c in ")]»>" else c for c in s)


@given(TEXT, st.sampled_from(["kitty", "qt", "line"]))
def test_rewriting_only_permutes_clusters_and_keeps_the_length(text: str, rule: str) -> None:
    v = visual(text) if text.strip() else text
    sent = reorder_for(rule, v)
    assert len(sent) == len(v)
    assert _canonical(sent) == _canonical(v)  # the same characters, brackets up to mirroring
    assert not MARK.match(sent) or MARK.match(v)


@given(TEXT, st.sampled_from(["kitty", "qt"]), st.lists(st.integers(0, 30), max_size=4))
def test_no_character_crosses_a_break(text: str, rule: str, breaks: list[int]) -> None:
    v = visual(text) if text.strip() else text
    breaks = [b for b in breaks if 0 < b < len(v) and not MARK.match(v[b])]
    if rule == "qt":
        sent = qt_row(v, breaks)
    else:
        sent = kitty_row(v, breaks)
    cuts = [0, *sorted(set(breaks)), len(v)]
    for a, b in pairwise(cuts):
        assert _canonical(sent[a:b]) == _canonical(v[a:b])


@given(st.text(st.characters(max_codepoint=0x58F), max_size=40), st.sampled_from(["kitty", "qt"]))
def test_rows_without_right_to_left_letters_are_untouched(row: str, rule: str) -> None:
    assert reorder_for(rule, row) == row
