"""Layout of single paragraphs (reader.text.layout): what the terminal is sent, and the cell maps."""

from __future__ import annotations

import pytest
from presentation_forms import form

from reader.text.layout import ArticleLayout, LayoutOptions, layout_paragraph

TAIL = "\ufeff"
FATHA = "\u064e"
DOTTED_CIRCLE = "\u25cc"


def f(kind: str, letters: str) -> str:
    """A presentation form from Unicode's data: f("ini", "ب"), f("fin", "لا")."""
    return form(kind, letters)


def one_line(text: str, **options) -> object:
    lines = layout_paragraph(text, LayoutOptions(**options))
    assert len(lines) == 1, lines
    return lines[0]


# --- Direction and order -----------------------------------------------------


def test_rtl_paragraph_starts_at_the_right():
    line = one_line("مرحبا بالعالم")
    assert line.rtl and line.direction == "rtl"
    first_word = f("ini", "م") + f("fin", "ر") + f("ini", "ح") + f("med", "ب") + f("fin", "ا")
    assert line.text.endswith(first_word[::-1])
    assert line.text.startswith(f("fin", "م"))  # the last letter of the last word, on the left
    assert line.map.cells[-1] == 0  # the rightmost cell draws the first character
    assert line.map.offset_at(len(line.map.cells) - 1) == 0


def test_ltr_paragraph_starts_at_the_left():
    line = one_line("Hello عالم")
    assert not line.rtl and line.direction == "ltr"
    assert line.text.startswith("Hello ")
    assert line.map.cells[0] == 0


def test_hebrew_is_reversed():
    assert one_line("שלום עולם").text == "םלוע םולש"


def test_harakah_follows_its_letter():
    # L3: in the visual string each fatha comes right after the letter it sits on.
    line = one_line("كَتَبَ")
    assert line.text == f("fin", "ب") + FATHA + f("med", "ت") + FATHA + f("ini", "ك") + FATHA
    assert line.map.spans == ((4, 6), (2, 4), (0, 2))


def test_shadda_and_fatha_follow_their_letter_in_order():
    line = one_line("\u0645\u0651\u064e")  # مَّ
    assert line.text == f("iso", "م") + "\u0651\u064e"


def test_hebrew_points_follow_their_letter():
    line = one_line("שָׁלוֹם")  # shin + qamats + shin dot, lamed, vav + holam, final mem
    assert line.text == "ם" + "ו\u05b9" + "ל" + "ש\u05b8\u05c1"


def test_brackets_are_mirrored_in_rtl_runs():
    assert one_line("(שלום) abc", direction="rtl").text == "abc (םולש)"


@pytest.mark.parametrize(("opening", "closing"), [("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("<", ">")])
def test_brackets_are_mirrored_in_arabic(opening, closing):
    line = one_line(f"قال {opening}نعم{closing} هنا")
    word = f("fin", "م") + f("med", "ع") + f("ini", "ن")  # نعم reversed
    # The opening bracket is on the right of the word: drawn with the closing bracket's glyph there.
    assert opening + word + closing in line.text
    assert closing + word + opening not in line.text


def test_brackets_are_not_mirrored_in_ltr_text():
    assert one_line("a (b) [c] {d} <e> «f»").text == "a (b) [c] {d} <e> «f»"


def test_ltr_text_inside_rtl_keeps_its_order():
    line = one_line("قال Ahmed Ali إن")
    assert line.rtl
    assert "Ahmed Ali" in line.text
    assert line.text.index("Ahmed") < line.text.index("Ali")
    # إن is the last word: on the left.
    assert line.text.startswith(f("iso", "ن") + f("iso", "إ"))


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("عام 2024", "2024"),
        ("في عام ٢٠٢٤ م", "٢٠٢٤"),
        ("بنسبة 3.5%", "%3.5"),  # W2: digits after Arabic letters are AN, so % is not a terminator (as FriBidi)
        ("rate 3.5%", "3.5%"),
        ("قتل 1,250 شخصا", "1,250"),
        ("العدد 12 و34", "34"),
    ],
)
def test_numbers_keep_their_digit_order(text, digits):
    assert digits in one_line(text).text


def test_number_ranges_in_arabic():
    line = one_line("بين 10 و20")
    assert "10" in line.text and "20" in line.text
    assert line.text.index("20") < line.text.index("10")  # the later number is further left


# --- Clusters and the cell map -------------------------------------------------


def test_lam_alef_takes_one_cell_covering_two_offsets():
    line = one_line("سلام")
    assert line.text == f("iso", "م") + f("fin", "لا") + f("ini", "س")
    assert line.cell_length == 3
    assert line.map.spans == ((3, 4), (1, 3), (0, 1))
    assert line.map.cell_of(1) == line.map.cell_of(2) == 1
    assert line.map.offset_at(1) == 1


def test_isolated_lam_alef_variants():
    for alef in "اأإآ":
        line = one_line("ل" + alef)
        assert line.text == f("iso", "ل" + alef)
        assert line.map.spans == ((0, 2),)


def test_marks_share_their_letter_cell():
    line = one_line("كَتَبَ")
    assert line.cell_length == 3
    for offset in range(6):
        assert line.map.cell_of(offset) == 2 - offset // 2


def test_wide_characters_take_two_cells_of_one_cluster():
    line = one_line("a漢b")
    assert line.text == "a漢b"
    assert line.cell_length == 4
    assert line.map.cells == (0, 1, 1, 2)
    assert line.map.spans[1] == line.map.spans[2] == (1, 2)


def test_cell_map_of_mixed_line():
    line = one_line("אב cd")
    assert line.text == "cd בא"
    assert line.map.cells == (3, 4, 2, 1, 0)


def test_offset_at_past_the_edges():
    line = one_line("אבג")
    assert line.map.offset_at(-1) == line.end  # left of an RTL line: its end
    assert line.map.offset_at(99) == line.start
    line = one_line("abc")
    assert line.map.offset_at(-1) == line.start
    assert line.map.offset_at(99) == line.end


# --- What may reach the terminal ----------------------------------------------


def test_control_characters_become_visible_symbols():
    line = one_line("a\x1bb\x07c\x00d")
    assert line.text == "a\u241bb\u2407c\u2400d"
    assert line.cell_length == 7
    assert line.map.cells == tuple(range(7))


def test_escape_sequences_are_defused():
    for bidi in ("app", "terminal"):
        line = one_line("\x1b]52;c;SGk=\x07\x1b[2J\x9b31m\x7f", bidi=bidi)
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in line.text), line
        assert line.text.startswith("\u241b]52;c;SGk=\u2407\u241b[2J")


def test_format_characters_draw_nothing():
    line = one_line("a\u200db\u2066c\u2069\u200e")
    assert line.text == "abc"
    assert line.cell_length == 3


def test_lone_mark_is_drawn_on_a_dotted_circle():
    line = one_line("\u0301a", direction="ltr")
    assert line.text == DOTTED_CIRCLE + "\u0301a"
    assert line.map.cells == (0, 1)


def test_line_starting_with_a_lone_mark_still_mirrors_and_shapes():
    line = one_line("\u064e(\u0628)")
    assert line.text == "(" + f("iso", "ب") + ")" + DOTTED_CIRCLE + FATHA
    assert line.map.cells == (3, 2, 1, 0)


# --- Edge cases and options ----------------------------------------------------


def test_empty_paragraph_gives_one_empty_line():
    lines = layout_paragraph("", LayoutOptions(), offset=5, index=2)
    assert len(lines) == 1
    (line,) = lines
    assert (line.paragraph, line.start, line.end, line.text, line.cell_length) == (2, 5, 5, "", 0)
    assert line.map.cells == () and line.map.spans == ()


def test_only_spaces():
    (line,) = layout_paragraph("   ", LayoutOptions())
    assert (line.start, line.end) == (0, 3)
    assert line.text.strip() == ""


def test_harakat_can_be_hidden():
    line = one_line("كَتَبَ", harakat=False)
    assert line.text == f("fin", "ب") + f("med", "ت") + f("ini", "ك")
    assert line.cell_length == 3
    assert line.map.spans == ((4, 6), (2, 4), (0, 2))  # the marks still belong to their letter


def test_hiding_harakat_keeps_hebrew_points():
    assert one_line("בָּ", harakat=False).text == "בָּ"


def test_forced_direction():
    assert one_line("abc אבג").text == "abc גבא"
    assert one_line("abc אבג", direction="rtl").text == "גבא abc"
    assert one_line("אבג abc").text == "abc גבא"
    assert one_line("אבג abc", direction="ltr").text == "גבא abc"
    assert one_line("abc", direction="rtl").rtl
    assert not one_line("אבג", direction="ltr").rtl


def test_no_strong_character_means_rtl():
    assert one_line("123 456").rtl
    assert layout_paragraph("", LayoutOptions())[0].rtl
    assert one_line("...").rtl


def test_first_strong_character_skips_isolates():
    assert one_line("\u2067abc\u2069 אבג").rtl
    assert not one_line("\u2067אבג\u2069 abc").rtl


def test_terminal_mode_sends_logical_unshaped_text():
    line = one_line("مرحبا (abc) 12", bidi="terminal")
    assert line.text == "مرحبا (abc) 12"
    assert line.rtl
    assert line.map.cells == tuple(range(14))


def test_width_must_be_at_least_two():
    with pytest.raises(ValueError):
        LayoutOptions(width=1)


# --- Wrapping --------------------------------------------------------------------


def test_rtl_paragraph_wraps_in_logical_order():
    # The first words go on the first line (FriBidi's --width gets this wrong).
    text = "واحد اثنان ثلاثة أربعة"
    lines = layout_paragraph(text, LayoutOptions(width=11))
    assert [(l.start, l.end) for l in lines] == [(0, 11), (11, 22)]
    logical = [
        f("iso", "و"),
        f("iso", "ا"),
        f("ini", "ح"),
        f("fin", "د"),
        " ",
        f("iso", "ا"),
        f("ini", "ث"),
        f("med", "ن"),
        f("fin", "ا"),
        f("iso", "ن"),
    ]
    assert lines[0].text == "".join(reversed(logical))
    assert lines[0].map.cells[-1] == 0
    assert all(l.cell_length <= 11 for l in lines)
    assert lines[1].map.cells[-1] == 11


def test_wrap_keeps_spaces_on_the_line_they_end():
    lines = layout_paragraph("ab cd  ef", LayoutOptions(width=5))
    assert [(l.start, l.end, l.text) for l in lines] == [(0, 7, "ab cd"), (7, 9, "ef")]


def test_long_word_is_cut():
    lines = layout_paragraph("abcdefghij", LayoutOptions(width=4))
    assert [l.text for l in lines] == ["abcd", "efgh", "ij"]
    assert [(l.start, l.end) for l in lines] == [(0, 4), (4, 8), (8, 10)]


def test_long_word_is_not_cut_between_a_letter_and_its_marks():
    text = "كَتَبَكَتَبَ"
    lines = layout_paragraph(text, LayoutOptions(width=2))
    for line in lines:
        assert text[line.start] != FATHA
        assert line.cell_length <= 2


def test_long_word_is_not_cut_inside_a_wide_character():
    lines = layout_paragraph("漢字漢字漢", LayoutOptions(width=3))
    assert [l.text for l in lines] == ["漢", "字", "漢", "字", "漢"]


def test_long_word_keeps_lam_alef_together():
    lines = layout_paragraph("سلاسلا", LayoutOptions(width=2))
    for line in lines:
        assert line.start == 0 or "سلاسلا"[line.start] != "ا"


def test_offsets_and_paragraph_index():
    lines = layout_paragraph("אב גד", LayoutOptions(width=2), offset=100, index=7)
    assert [(l.paragraph, l.start, l.end) for l in lines] == [(7, 100, 103), (7, 103, 105)]
    assert lines[1].map.cells == (104, 103)


def test_article_layout():
    class Para:
        def __init__(self, start, end):
            self.start, self.end = start, end

        def __iter__(self):  # also unpacks as (start, end)
            return iter((self.start, self.end))

    text = "سلام عليكم\nhello world\n\nשלום"
    spans = [Para(0, 10), Para(11, 22), Para(23, 23), Para(24, 28)]
    article = ArticleLayout(spans, text, LayoutOptions(width=6))
    lines = list(article.lines())
    assert [l.paragraph for l in lines] == [0, 0, 1, 1, 2, 3]
    assert [(l.start, l.end) for l in lines] == [(0, 5), (5, 10), (11, 17), (17, 22), (23, 23), (24, 28)]
    assert lines[-1].text == "םולש"
    assert [l.text for l in article.paragraph_lines(1)] == ["hello", "world"]
    assert [l.paragraph for l in article.lines(2)] == [2, 3]


def test_astral_noncharacters_and_unassigned_code_points_are_measured_as_they_are_drawn() -> None:
    # Found by the render fuzz test: U+3FFFE was sent raw and counted 2 cells by one table and 1 by another,
    # and Python calls unassigned plane-4 code points "F" (fullwidth) where terminals draw one cell.
    from reader.text.unidata import cell_width

    for odd in ("\U0003fffe", "\U0010ffff", "\U00040000"):
        for line in layout_paragraph("0" * 9 + odd, LayoutOptions(width=10)):
            assert line.cell_length == cell_width(line.text) <= 10
    (line,) = layout_paragraph("0" * 9 + "\U0003fffe", LayoutOptions(width=10))
    assert "\ufffd" in line.text and "\U0003fffe" not in line.text  # shown as a replacement character
