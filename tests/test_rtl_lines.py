"""The whole-paragraph reordering (reader.text.rtl_lines) gives exactly the lines of the line-by-line path."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.text.bidi import resolve_levels
from reader.text.bidi_props import classes_of
from reader.text.layout import LayoutOptions
from reader.text.paragraph_layout import ParagraphLayout
from reader.text.patterns import ANY_TEXT

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
# Words as Arabic news has them (harakat, lam-alef, numbers, Latin names, brackets and quotes), and the odd
# things that must send a paragraph down the line-by-line path: a mark after a space or at the start, a
# mark of class L (Kannada, Hangul), format characters, an em space (whitespace that is not a space).
LETTERS = "قالوزيرةأإآى"
arabic = st.builds(str.__add__, st.sampled_from(LETTERS), st.text(alphabet=LETTERS + HARAKAT, max_size=7))
lam_alef = st.sampled_from(["لا", "الأ", "لإ", "لَا", "للّا", "سلام"])
latin = st.builds(str.__add__, st.sampled_from("abcXYZé"), st.text(alphabet="abcXYZé\u0301\u0300", max_size=5))
numbers = st.text(alphabet="0123456789٠١٢٣۴۵.,:/-+%$#\u066b\u066c", min_size=1, max_size=5)
hebrew = st.builds(str.__add__, st.sampled_from("שלוםא"), st.text(alphabet="שלוםא\u05b0\u05b8", max_size=4))
punctuation = st.text(alphabet='()[]«»<>"!؟،؛.:-–\u064e', min_size=1, max_size=3)
odd = st.sampled_from(
    ["\u064e", "\u0301", "\u0cbf", "\u1161", "\u200f", "\u200e", "\u061c", "\u202b", "\u2003", "\u00a0", "\u200c"]
)
token = st.one_of(arabic, arabic, arabic, lam_alef, latin, numbers, numbers, hebrew, punctuation)
separator = st.sampled_from([" ", " ", " ", "  ", ""])
words = st.lists(st.tuples(token, separator), min_size=1, max_size=40).map(
    lambda parts: "".join(word + space for word, space in parts)
)
# Half the paragraphs hold one odd thing somewhere.
with_odd = st.tuples(words, odd, st.integers(0, 400)).map(lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :])
paragraph = st.one_of(words, with_odd)
options = st.builds(
    LayoutOptions,
    width=st.one_of(st.integers(2, 12), st.integers(13, 100)),
    harakat=st.booleans(),
    direction=st.sampled_from([None, None, "rtl", "ltr"]),
)


def line_by_line(layout: ParagraphLayout) -> list[str]:
    return [layout.visual_text(line.start, line.draw_end) for line in layout.lines(0)]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph, options)
@example("قال إن 25% من (1,500) طالب «نجحوا» في ٣٫٥ ساعات، و12،5 أخرى", LayoutOptions(width=20))
@example("قالَ Reuters الوزيرُ 'é' (ABC) لَا بَأْسَ", LayoutOptions(width=9))
@example("قال \u064eب", LayoutOptions(width=4))
@example("قال a\u0cbf ب", LayoutOptions(width=4))
@example("قال (\u064eب) «\u0651نعم» [x]", LayoutOptions(width=30))  # a mirrored character with a mark on it
@example("قال abc\u2003 xyz", LayoutOptions(width=8))  # L1: whitespace that ends a line goes to level 1
def test_whole_paragraph_lines_equal_line_by_line(text: str, opts: LayoutOptions) -> None:
    layout = ParagraphLayout(text, 0, opts)
    assert [line.text for line in layout.lines(0)] == line_by_line(layout)


@settings(max_examples=500, deadline=None)
@given(paragraph)
def test_marks_take_the_level_of_what_they_follow(text: str) -> None:
    """What makes the whole-paragraph path exact: with no format character, W1 gives every mark of class
    NSM the level of the character before it, so a cluster never straddles two runs."""
    if ANY_TEXT.unsafe.search(text):
        return
    levels = resolve_levels(text, 1)
    classes = classes_of(text)
    assert all(levels[i] == levels[i - 1] for i in range(1, len(text)) if classes[i] == "M")


def test_arabic_news_takes_the_whole_paragraph_path() -> None:
    texts = [
        "قالَ الوزيرُ إن 25% من الطلاب (نحو 1,500) «نجحوا» في عام 2024.",
        "أكدت باربرا ليف Barbara Leaf أن المحادثات [في القاهرة] مستمرة.",
        "لا بأس",
    ]
    for text in texts:
        layout = ParagraphLayout(text, 0, LayoutOptions(width=12))
        spans = [(line.start, line.draw_end) for line in layout.lines(0)]
        assert layout._rtl_texts(spans) is not None, text
