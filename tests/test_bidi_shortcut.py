"""The Arabic-with-numbers shortcut of resolve_levels gives exactly the levels of the full algorithm."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text import bidi
from reader.text.bidi import resolve_levels
from reader.text.bidi_props import classes_of

# One or more characters of each class the shortcut takes: Arabic letters (AL), harakat (NSM), spaces (WS),
# neutral punctuation (ON), separators (CS: comma, full stop, Arabic comma, no-break space; ES: + -),
# terminators (ET: % $ #), European digits (EN: ASCII, extended Arabic-Indic) and Arabic-Indic digits (AN).
ALPHABET = 'قالوزير َُِّ «»()!؟"،,./:\u00a0+-%$#0123456789۰۱۲٣٤٥\u066b\u066c'
texts = st.text(alphabet=ALPHABET, max_size=40)
# Starting with an Arabic letter, as a paragraph of Arabic news does: most of these take the shortcut.
arabic_first = st.builds(lambda letter, rest: letter + rest, st.sampled_from("قالوزير"), texts)


def full_algorithm(text: str) -> str:
    classes = classes_of(text)
    return bidi._resolve_implicit(text, classes, 1)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(texts, arabic_first))
@example("قال إن 25% من 1,500 طالب «نجحوا» في ٣٫٥ ساعات، و12،5 أخرى")
@example("في العام 2025-2026 بنسبة ١٢٬٥٪")
@example("الوزير: 5 , 6")
def test_the_shortcut_agrees_with_the_full_algorithm(text: str) -> None:
    classes = classes_of(text)
    if bidi._arabic_with_numbers(classes):
        assert bidi.arabic_number_levels(classes) == full_algorithm(text)
    assert resolve_levels(text, 1) == full_algorithm(text)


@settings(max_examples=300, deadline=None)
@given(arabic_first)
def test_most_arabic_first_paragraphs_take_the_shortcut(text: str) -> None:
    classes = classes_of(text)
    # Only a mark after a number (or a separator) turns the shortcut down when an Arabic letter leads.
    assert bidi._arabic_with_numbers(classes) == (bidi._MARK_AFTER_NUMBER_RE.search(classes) is None)


def test_the_shortcut_is_taken_for_arabic_with_numbers_and_not_otherwise() -> None:
    assert bidi._arabic_with_numbers(classes_of("قال إن 25% من 1,500 طالب"))
    assert not bidi._arabic_with_numbers(classes_of("25 طالبا"))  # a number before any Arabic letter
    assert not bidi._arabic_with_numbers(classes_of("قال Reuters إن"))  # a left-to-right letter
    assert not bidi._arabic_with_numbers(classes_of("אמר 25"))  # Hebrew letters are R, not AL
