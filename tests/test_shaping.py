"""Arabic shaping in logical order (reader.text.shaping.shape): joining forms, lam-alef, marks.

Expected glyphs are looked up in Unicode's own decomposition data
(``<initial> 0628`` is the initial form of beh) rather than copied from the
engine's table; a few are also spelled out as code points.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from presentation_forms import form

from reader.text.shaping import shape

TAIL = "\ufeff"  # what shape() leaves at the alef's offset of a lam-alef ligature
ZWNJ, ZWJ, TATWEEL = "\u200c", "\u200d", "\u0640"
FATHA, DAMMA, KASRA, SHADDA, SUKUN, FATHATAN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b"


def forms(*parts: str) -> str:
    """forms("ini ب", "med ي", "fin ت", " ") → the shaped string; other parts are kept as they are."""
    out = []
    for part in parts:
        kind, _, letters = part.partition(" ")
        if kind in ("iso", "fin", "ini", "med") and letters:
            out.append(form(kind, letters))
            if len(letters) == 2:  # lam-alef: the ligature, then the tail at the alef's offset
                out.append(TAIL)
        else:
            out.append(part)
    return "".join(out)


def test_the_form_table_is_unicode():
    # A few spelled out, so that a broken lookup cannot make every test agree with itself.
    assert form("iso", "ب") == "\ufe8f"
    assert form("fin", "ب") == "\ufe90"
    assert form("ini", "ب") == "\ufe91"
    assert form("med", "ب") == "\ufe92"
    assert form("fin", "لا") == "\ufefc"
    assert form("ini", "پ") == "\ufb58"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ب", forms("iso ب")),
        ("بيت", forms("ini ب", "med ي", "fin ت")),  # beh at word start
        ("كتب", forms("ini ك", "med ت", "fin ب")),  # beh at word end
        ("نبيل", forms("ini ن", "med ب", "med ي", "fin ل")),  # beh in the middle
        ("بـ", forms("ini ب") + TATWEEL),  # tatweel joins: initial beh
        ("ـب", TATWEEL + forms("fin ب")),
        ("ـبـ", TATWEEL + forms("med ب") + TATWEEL),
        ("بيت كتب", forms("ini ب", "med ي", "fin ت", " ", "ini ك", "med ت", "fin ب")),
    ],
)
def test_joining_forms(word, expected):
    assert shape(word) == expected


def test_spelled_out_code_points():
    assert shape("بيت") == "\ufe91\ufef4\ufe96"
    assert shape("كتب") == "\ufedb\ufe98\ufe90"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("دار", forms("iso د", "iso ا", "iso ر")),  # nothing joins after د, ا, ر
        ("بدر", forms("ini ب", "fin د", "iso ر")),
        ("وزير", forms("iso و", "iso ز", "ini ي", "fin ر")),
        ("سارة", forms("ini س", "fin ا", "iso ر", "iso ة")),
        ("رزق", forms("iso ر", "iso ز", "iso ق")),
        ("باب", forms("ini ب", "fin ا", "iso ب")),
    ],
)
def test_right_joining_letters_break_joining(word, expected):
    assert shape(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("لا", forms("iso لا")),
        ("لأ", forms("iso لأ")),
        ("لإ", forms("iso لإ")),
        ("لآ", forms("iso لآ")),
        ("سلام", forms("ini س", "fin لا", "iso م")),  # ﻼ final
        ("ملأ", forms("ini م", "fin لأ")),
        ("بلإ", forms("ini ب", "fin لإ")),
        ("كلآ", forms("ini ك", "fin لآ")),
        ("الآن", forms("iso ا", "iso لآ", "iso ن")),
        ("الأخبار", forms("iso ا", "iso لأ", "ini خ", "med ب", "fin ا", "iso ر")),
        ("لالا", forms("iso لا", "iso لا")),
    ],
)
def test_lam_alef_ligatures(word, expected):
    assert shape(word) == expected


def test_lam_alef_literal():
    assert shape("سلام") == "\ufeb3\ufefc\ufeff\ufee1"
    assert shape("لا") == "\ufefb\ufeff"


def test_lam_with_a_haraka_before_its_alef_still_makes_the_ligature():
    assert shape("لَا") == form("iso", "لا") + FATHA + TAIL


def test_harakat_stay_at_their_offsets():
    word = "كَتَبَ"
    shaped = shape(word)
    assert shaped == form("ini", "ك") + FATHA + form("med", "ت") + FATHA + form("fin", "ب") + FATHA
    for i, ch in enumerate(word):
        if ch == FATHA:
            assert shaped[i] == FATHA


def test_shadda_with_fatha():
    word = "\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f"  # مُحَمَّد: shadda, then fatha
    assert shape(word) == (
        form("ini", "م") + DAMMA + form("med", "ح") + FATHA + form("med", "م") + SHADDA + FATHA + form("fin", "د")
    )


def test_marks_do_not_break_joining():
    # A mark is transparent: the letters on both sides of it join.
    assert shape("بِسْمِ") == form("ini", "ب") + KASRA + form("med", "س") + SUKUN + form("fin", "م") + KASRA
    assert shape("كتابًا") == forms("ini ك", "med ت", "fin ا", "ini ب") + FATHATAN + forms("fin ا")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("پدر", forms("ini پ", "fin د", "iso ر")),
        ("چای", forms("ini چ", "fin ا", "iso ی")),
        ("ژاله", forms("iso ژ", "iso ا", "ini ل", "fin ه")),
        ("گل", forms("ini گ", "fin ل")),
        ("کتاب", forms("ini ک", "med ت", "fin ا", "iso ب")),
        ("یک", forms("ini ی", "fin ک")),
        ("پیچ", forms("ini پ", "med ی", "fin چ")),
        ("بژ", forms("ini ب", "fin ژ")),
    ],
)
def test_persian_letters(word, expected):
    assert shape(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ہے", forms("ini ہ", "fin ے")),
        ("میں", forms("ini م", "med ی", "fin ں")),
        ("ٹھیک", forms("ini ٹ", "med ھ", "med ی", "fin ک")),
        ("ڈر", forms("iso ڈ", "iso ر")),
        ("بڈ", forms("ini ب", "fin ڈ")),
        ("ے", forms("iso ے")),
        ("ہ", forms("iso ہ")),
    ],
)
def test_urdu_letters(word, expected):
    assert shape(word) == expected


def test_zwnj_breaks_joining():
    word = "می" + ZWNJ + "خواهم"
    assert shape(word) == forms("ini م", "fin ی") + ZWNJ + forms("ini خ", "fin و", "iso ا", "ini ه", "fin م")
    # Without the ZWNJ the yeh would be medial.
    assert shape("میخ")[1] == form("med", "ی")


def test_zwj_joins():
    assert shape("ب" + ZWJ) == form("ini", "ب") + ZWJ
    assert shape(ZWJ + "ب") == ZWJ + form("fin", "ب")
    assert shape(ZWJ + "ب" + ZWJ) == ZWJ + form("med", "ب") + ZWJ


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«كلمة»", "«" + forms("ini ك", "med ل", "med م", "fin ة") + "»"),
        ("(كلمة)", "(" + forms("ini ك", "med ل", "med م", "fin ة") + ")"),
        ("كلمة، ", forms("ini ك", "med ل", "med م", "fin ة") + "، "),
        ("كلمة، كلمة", forms("ini ك", "med ل", "med م", "fin ة") + "، " + forms("ini ك", "med ل", "med م", "fin ة")),
        ('"بيت"', '"' + forms("ini ب", "med ي", "fin ت") + '"'),
        ("ب1ب", forms("iso ب") + "1" + forms("iso ب")),
        ("ب.ب", forms("iso ب") + "." + forms("iso ب")),
        ("abc بيت", "abc " + forms("ini ب", "med ي", "fin ت")),
    ],
)
def test_words_next_to_punctuation_are_shaped(text, expected):
    assert shape(text) == expected


def test_text_without_arabic_is_unchanged():
    for text in ["", "hello world", "שלום עולם", "2024", "a\x1bb", "漢字"]:
        assert shape(text) == text


def test_shaping_never_crosses_a_space():
    assert shape("ب ب") == forms("iso ب", " ", "iso ب")
    assert shape("ب  ت") == forms("iso ب", "  ", "iso ت")


ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(
        [
            *list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىپچژگکیےہھٹڈں"),
            TATWEEL,
            ZWNJ,
            ZWJ,
            FATHA,
            DAMMA,
            KASRA,
            SHADDA,
            SUKUN,
            FATHATAN,
            " ",
            " ",
            "،",
            ".",
            "(",
            ")",
            "«",
            "»",
            "1",
            "a",
            "א",
            "\u202b",
        ]
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_shape_keeps_length_and_everything_but_letters(text):
    shaped = shape(text)
    assert len(shaped) == len(text)
    for i, (before, after) in enumerate(zip(text, shaped)):
        if before == after:
            continue
        if after == TAIL:
            # The alef of a lam-alef: the lam (before any marks) carries the ligature.
            j = i - 1
            while unicodedata.category(text[j]) == "Mn":
                j -= 1
            assert text[j] == "ل" and before in "اأإآ"
            assert unicodedata.normalize("NFKC", shaped[j]) == "ل" + before
            continue
        # Only letters change, into one of their own presentation forms.
        assert unicodedata.category(before) == "Lo", (before, after)
        decomposed = unicodedata.normalize("NFKC", after)
        assert decomposed == before or (before == "ل" and decomposed[0] == "ل" and len(decomposed) == 2)
