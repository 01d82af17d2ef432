"""The document model without Textual: moves, selection, hidden paragraphs, relayout, highlights, search.

Each test lays out a small text at a narrow width (20 cells unless it says
otherwise) and checks logical offsets, rows and cells, never a screen.
"""

from __future__ import annotations

import subprocess
import sys

from reader.annotations.model import Anchor, Claim
from reader.article import Article
from reader.document import (
    CURSOR,
    FIRST_SCREEN_LINES,
    LONG_CLAIM,
    Document,
    Settings,
    cell_runs,
    covers_whole_line,
    page_rows,
)

MIXED = "\n".join(
    [
        "قال الوزير إن الأسعار ستنخفض. وأكد مسؤول آخر ذلك.",
        "The minister said prices will fall. Another agreed.",
        "قال الخبير",
    ]
)


def laid_out(text: str, width: int = 20, **settings: object) -> Document:
    document = Document(Article.from_text(text, "t.txt"), Settings(**settings))  # type: ignore[arg-type]
    document.relayout(width)
    return document


def row_texts(document: Document) -> list[str]:
    return [line.text for line in document.lines]


def claim(text: str, start: int, end: int, status: str = "unverified") -> Claim:
    return Claim(Anchor.from_text(text, start, end), status=status)


# --- moves -----------------------------------------------------------------------


def test_left_is_the_next_word_in_a_right_to_left_paragraph() -> None:
    document = laid_out(MIXED)
    document.move_word("left")
    assert document.cursor == MIXED.index("الوزير")
    document.move_word("left")
    assert document.cursor == MIXED.index("إن")
    document.move_word("right")
    assert document.cursor == MIXED.index("الوزير")


def test_right_is_the_next_word_in_a_left_to_right_paragraph() -> None:
    document = laid_out(MIXED)
    document.move_to(MIXED.index("The"))
    document.move_word("right")
    assert document.cursor == MIXED.index("minister")
    document.move_word("left")
    assert document.cursor == MIXED.index("The")


def test_down_keeps_the_column_it_started_at_across_a_shorter_line() -> None:
    long_line = "قال الوزير إن الأسعار"
    document = laid_out("\n".join([long_line, "قال", long_line]), width=30)
    rows = document.rows
    first = document.lines[0]
    start_x = rows.pad(first) + 2  # near the left end of the right-aligned first line
    document.move_to(rows.offset_at(0, start_x))
    document.move_lines(1)
    assert rows.row_of(document.cursor) == 1  # the short line: the cursor goes to its left end
    document.move_lines(1)
    assert rows.row_of(document.cursor) == 2
    assert rows.x_of(document.lines[2], document.cursor) == start_x


def test_up_on_the_first_row_goes_to_its_start_and_down_on_the_last_to_its_end() -> None:
    document = laid_out(MIXED)
    document.move_to(MIXED.index("الوزير"))
    document.move_lines(-1)
    assert document.cursor == 0
    document.move_to(MIXED.index("الخبير"))
    document.move_lines(1)
    assert document.cursor == len(MIXED)


def test_a_page_is_a_screen_less_one_row_and_moves_that_many_rows() -> None:
    document = laid_out("\n".join(f"Paragraph {i}" for i in range(40)))
    assert page_rows(10) == 9 and page_rows(1) == 1
    document.move_lines(page_rows(10))
    assert document.rows.row_of(document.cursor) == 9
    document.move_to_edge(1)
    assert document.cursor == len(document.article.text)
    document.move_to_edge(-1)
    assert document.cursor == 0


def test_a_move_past_either_end_of_the_text_stops_at_it() -> None:
    document = laid_out(MIXED)
    document.move_to(-5)
    assert document.cursor == 0
    document.move_to(len(MIXED) + 5)
    assert document.cursor == len(MIXED)


# --- selection ---------------------------------------------------------------------


def test_shift_moves_extend_the_selection_and_a_plain_move_drops_it() -> None:
    document = laid_out(MIXED)
    document.move_word("left", extend=True)
    document.move_word("left", extend=True)
    assert document.selected_text == "قال الوزير "
    document.move_lines(1, extend=True)
    assert document.selection is not None and document.selection[0] == 0
    document.move_word("left")
    assert document.selection is None


def test_selection_mode_makes_plain_moves_extend_until_it_is_turned_off() -> None:
    document = laid_out(MIXED)
    document.toggle_selecting()
    document.move_word("left")
    document.move_word("left")
    assert document.selection == (0, MIXED.index("إن"))
    document.toggle_selecting()
    document.move_word("left")
    assert document.selection is None


def test_s_selects_the_sentence_around_the_cursor_and_leaves_selection_mode() -> None:
    document = laid_out(MIXED)
    document.move_to(MIXED.index("مسؤول"))
    document.toggle_selecting()
    document.select_sentence()
    assert document.selected_text == "وأكد مسؤول آخر ذلك."
    assert document.cursor == document.selection[1]  # type: ignore[index]
    assert not document.caret.selecting


def test_a_double_click_selects_the_word_and_a_space_selects_nothing() -> None:
    document = laid_out(MIXED)
    assert document.select_word_at(MIXED.index("الوزير") + 2)
    assert document.selected_text == "الوزير"
    assert not document.select_word_at(MIXED.index(" إن"))


def test_clear_drops_the_selection_then_the_search_then_finds_nothing() -> None:
    document = laid_out(MIXED)
    document.set_search("قال")
    document.select(0, 3)
    assert document.clear() == "selection"
    assert document.selection is None and document.matches
    assert document.clear() == "search"
    assert document.search_query == "" and document.matches == []
    assert document.clear() == ""


# --- hidden paragraphs, relayout ------------------------------------------------------


def test_hidden_repeats_have_no_rows_and_their_offsets_lead_to_the_next_row() -> None:
    text = "عنوان الخبر\nنص الخبر\nعنوان الخبر\nEnglish line"
    document = laid_out(text)
    assert [line.paragraph for line in document.lines] == [0, 1, 2, 3]
    document.configure(hide_repeated=True)
    assert [line.paragraph for line in document.lines] == [0, 1, 3]
    hidden = text.index("عنوان", 1)
    assert document.rows.row_of(hidden) == 2  # the English line, after the hidden one
    document.move_to(text.index("نص"))
    document.move_lines(1)
    assert document.article.paragraph_at(document.cursor) == 3
    document.configure(hide_repeated=False)
    assert len(document.lines) == 4


def test_relayout_at_another_width_keeps_the_cursor_and_the_top_paragraph() -> None:
    text = "\n".join(f"الفقرة {i}: قال المتحدث إن الاجتماع سيعقد غدا في العاصمة" for i in range(30))
    document = laid_out(text, width=60)
    top_row = 10
    top_paragraph = document.top_paragraph(top_row)
    cursor = text.index("الفقرة 12")
    document.move_to(cursor)
    new_top = document.relayout(20, top_row)
    assert document.cursor == cursor
    assert document.top_paragraph(new_top) == top_paragraph
    assert new_top > top_row  # more rows above it at a narrower width
    line = document.lines[document.rows.row_of(cursor)]
    assert line.start <= cursor < line.end


def test_relayout_lays_out_at_once_every_paragraph_up_to_the_cursor() -> None:
    text = "\n".join(f"Paragraph {i} of a long article" for i in range(3 * FIRST_SCREEN_LINES))
    document = laid_out(text, width=40)
    assert not document.complete and len(document.lines) == FIRST_SCREEN_LINES
    far = text.index(f"Paragraph {2 * FIRST_SCREEN_LINES}")
    document.move_to(far)
    document.relayout(40)
    assert document.lines[document.rows.row_of(far)].start == far


def test_the_rest_of_the_layout_comes_in_chunks_and_a_stale_one_is_dropped() -> None:
    count = 3 * FIRST_SCREEN_LINES
    document = laid_out("\n".join(f"Paragraph {i}" for i in range(count)), width=40)
    rest = document.rest_of_layout()
    chunk = rest.chunk()
    document.relayout(30)  # a resize while the worker runs
    assert not document.extend(rest.generation, chunk, rest.done)
    assert len(document.lines) == FIRST_SCREEN_LINES
    rest = document.rest_of_layout()
    while not rest.done:
        assert document.extend(rest.generation, rest.chunk(), rest.done)
    assert document.complete
    assert [line.paragraph for line in document.lines] == list(range(count))


def test_hiding_harakat_and_forcing_a_direction_lay_out_again() -> None:
    vowelled = "كَتَبَ الطَّالِبُ"
    document = laid_out(f"{vowelled}\nPlain English")
    assert "\u064e" in document.lines[0].text
    document.configure(harakat=False)
    assert "\u064e" not in document.lines[0].text
    assert not document.lines[1].rtl
    document.configure(direction="rtl")
    assert document.lines[1].rtl
    assert document.rows.pad(document.lines[1]) > 0  # right-aligned now


def test_settings_changed_before_the_first_layout_wait_for_it() -> None:
    document = Document(Article.from_text("Plain English", "t.txt"))
    assert document.configure(direction="rtl") == 0 and document.lines == []
    document.relayout(20)
    assert document.lines[0].rtl


# --- maps and highlights ---------------------------------------------------------------


def test_cells_and_offsets_map_both_ways_on_a_right_aligned_line() -> None:
    document = laid_out(MIXED)
    line = document.lines[0]
    rows = document.rows
    assert rows.pad(line) + line.cell_length == 20  # right-aligned
    for x in range(rows.pad(line), 20):
        offset = rows.offset_at(0, x)
        assert rows.x_of(line, offset) == x
    assert rows.offset_at(0, 19) == 0  # the first letter is drawn rightmost
    assert rows.offset_at(len(document.lines), 0) == len(MIXED)  # below the text: its end


def test_a_selection_across_arabic_and_english_lights_exactly_its_cells() -> None:
    text = "قال Ahmed Ali إن الخبر صحيح"
    document = laid_out(text, width=40)
    start, end = text.index("Ali"), text.index("الخبر") + len("الخبر")
    line = document.lines[0]
    runs = cell_runs(line, [(start, end)])
    assert runs is not None
    lit = "".join(run for run, key in runs if key == (0,))
    assert "".join(run for run, _ in runs) == line.text
    assert "Ali" in lit and "Ahmed" not in lit
    assert "ﻥﺇ" in lit and "ﺮﺒﺨﻟﺍ" in lit and "ﻝﺎﻗ" not in lit
    assert len([key for _, key in runs if key == (0,)]) == 2  # one range, two pieces on screen


def test_the_cursor_cell_is_marked_on_its_own_run() -> None:
    document = laid_out(MIXED)
    line = document.lines[0]
    x = line.map.cell_of(MIXED.index("الوزير"))
    runs = cell_runs(line, [], x)
    assert runs is not None
    cursor_runs = [run for run, key in runs if key == (CURSOR,)]
    assert cursor_runs == [line.text[x]]


def test_a_line_wholly_inside_a_claim_needs_no_cell_map() -> None:
    document = laid_out(MIXED)
    line = document.lines[1]
    assert covers_whole_line(line, [(0, len(MIXED))])
    assert not covers_whole_line(line, [(0, len(MIXED)), (line.start + 1, line.end)])


def test_marks_name_only_the_highlights_that_touch_a_row() -> None:
    document = laid_out(MIXED)
    english = MIXED.index("The")
    document.set_claims([claim(MIXED, english, english + 12, "disputed")])
    document.set_suggestions([(0, 3)])
    document.set_search("الخبير")
    first, english_row, last = document.lines[0], document.lines[3], document.lines[-1]
    document.move_to(MIXED.index("الخبير"))
    assert document.marks_on(first) == (("suggestion", 0, 3),)
    assert document.marks_on(english_row) == (("claim", english, english + 12, "disputed"),)
    match = (MIXED.index("الخبير"), MIXED.index("الخبير") + 6)
    assert document.marks_on(last) == (("cursor", document.cursor), ("match", *match))
    assert document.marks_on(last, show_cursor=False) == (("match", *match),)
    assert document.marks_on(document.lines[1]) == ()


def test_a_long_claim_marks_every_row_it_covers() -> None:
    text = " ".join(["كلمة"] * 1000)
    document = laid_out(text, width=40)
    document.set_claims([claim(text, 0, LONG_CLAIM + 500), claim(text, 4000, 4004)])
    middle = next(line for line in document.lines if line.start > LONG_CLAIM)
    assert [mark[0] for mark in document.marks_on(middle, show_cursor=False)] == ["claim"]


def test_claim_at_finds_the_innermost_claim() -> None:
    outer, inner = claim(MIXED, 0, 30), claim(MIXED, 4, 10, "false")
    document = laid_out(MIXED)
    document.set_claims([inner, outer])
    assert document.claims == [outer, inner]  # reading order
    assert document.claim_at(5) is inner
    assert document.claim_at(20) is outer
    assert document.claim_at(40) is None


def test_next_claim_selects_claims_in_reading_order_and_wraps() -> None:
    document = laid_out(MIXED)
    assert not document.next_claim()
    first, second = claim(MIXED, 4, 10), claim(MIXED, 60, 70)
    document.set_claims([second, first])
    document.next_claim()
    assert document.selection == (4, 10)
    document.next_claim()
    assert document.selection == (60, 70)
    document.next_claim()
    assert document.selection == (4, 10)
    document.next_claim(-1)
    assert document.selection == (60, 70)


# --- search --------------------------------------------------------------------------------


def test_search_ignores_hamza_and_harakat_and_the_match_keeps_its_marks() -> None:
    text = "قال الوزير إن الأسعار ستنخفض، وأكّد أن الاسعار مرتفعة"
    document = laid_out(text)
    assert document.set_search("الاسعار") == 2
    assert document.set_search("اكد") == 1
    assert text[slice(*document.matches[0])] == "أكّد"
    assert document.set_search("   ") == 0 and document.matches == []


def test_next_match_wraps_around_and_previous_goes_back() -> None:
    text = "قال الوزير إن الأسعار ستنخفض، وأكد أن الاسعار مرتفعة"
    document = laid_out(text)
    assert not document.next_match()  # no search yet
    document.set_search("الاسعار")
    first, second = document.matches
    document.move_to(5)
    document.next_match()
    assert document.selection == first
    document.next_match()
    assert document.selection == second
    document.next_match()
    assert document.selection == first
    document.next_match(-1)
    assert document.selection == second


def test_a_cursor_at_a_match_start_goes_to_that_match_first() -> None:
    text = "قال الوزير إن الأسعار ستنخفض، وأكد أن الاسعار مرتفعة"
    document = laid_out(text)
    document.set_search("الاسعار")
    second = document.matches[1]
    document.move_to(second[0])
    document.next_match()
    assert document.selection == second


# --- layering -----------------------------------------------------------------------------


def test_the_document_imports_neither_textual_nor_rich() -> None:
    code = "import reader.document, sys; print(sorted(m for m in sys.modules if m.startswith(('textual', 'rich'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_match_position_says_which_match_is_selected() -> None:
    text = "الأسعار ترتفع. الاسعار تنخفض. لا، الأسعار"
    document = laid_out(text)
    assert document.set_search("الاسعار") == 3
    assert document.match_position is None  # nothing selected yet
    document.next_match(1)
    assert document.match_position == 1
    document.next_match(1)
    assert document.match_position == 2
    document.next_match(-1)
    document.next_match(-1)
    assert document.match_position == 3  # wrapped around to the last
    document.select(0, 3)
    assert document.match_position is None  # a selection that is not a match


def test_the_title_line_is_one_sentence_even_when_long_or_stopped() -> None:
    # A title the header names, too long and with a full stop: no headline by its look, one by the metadata.
    title = "الهدنة. " + " ".join(["مفاوضات"] * 30)
    text = f"---\ntitle: {title}\n---\n{title}\nقال الوسيط إن المفاوضات مستمرة. ثم غادر."
    document = laid_out(text)
    assert document.title_paragraph == 0
    document.move_to(document.article.text.index("مفاوضات"))
    document.select_sentence()
    assert document.selected_text == title
    document.move_to(document.article.text.index("ثم"))
    document.select_sentence()
    assert document.selected_text == "ثم غادر."


def test_a_guessed_title_with_a_full_stop_is_not_taken_whole() -> None:
    document = laid_out("قال الوسيط إن المفاوضات مستمرة. ثم غادر القاعة\nوأكد مسؤول آخر ذلك.")
    assert document.title_paragraph == 0  # the first line, guessed: not what the file says
    document.move_to(document.article.text.index("ثم"))
    document.select_sentence()
    assert document.selected_text == "ثم غادر القاعة"


def test_the_review_top_shows_the_source_and_as_much_of_the_claim_as_fits() -> None:
    text = "\n".join(f"فقرة رقم {n} في نص طويل عن الهدنة والأسرى" for n in range(40))
    document = laid_out(text)
    rows = document.rows

    def span(n: int) -> tuple[int, int]:
        start = text.index(f"رقم {n} ")
        return start, start + len(f"رقم {n}")

    def paragraph(n: int) -> tuple[int, int]:
        start = text.index(f"فقرة رقم {n} ")
        return start, text.index("\n", start)

    source, claim = span(20), paragraph(22)
    top = document.top_row_showing(source, claim, 0, 10)
    assert top <= rows.row_of(source[0]) and rows.row_of(claim[1] - 1) < top + 10
    assert document.top_row_showing(source, claim, top + 1, 10) == top + 1  # both in sight: no jump
    # Too far apart for one screen: the source, then the claim's start below it.
    far = paragraph(35)
    top = document.top_row_showing(source, far, 0, 10)
    assert top == rows.row_of(source[0])
    # A claim before its source: the source at the bottom, the claim's end above it.
    top = document.top_row_showing(span(35), paragraph(20), 0, 10)
    assert top + 9 == rows.row_of(span(35)[1] - 1)
