"""Arabic-normalised search and the words and sentences the cursor moves by."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.search import FoldedText, fold, next_word_start, previous_word_start, sentence_at, word_at

TEXT = "قالَ الوزيرُ إنّ الأسعار ستنخفض. وأكّد مسؤولٌ آخر ذلك؟ نعم\nسطر ثانٍ في عام ٢٠٢٥ عن إلى ومصطفى"


def matches(query: str, text: str = TEXT) -> list[str]:
    return [text[a:b] for a, b in FoldedText.of(text).find_all(query)]


def test_harakat_and_shadda_are_ignored_and_kept_in_the_match() -> None:
    assert matches("قال") == ["قالَ"]
    assert matches("اكد") == ["أكّد"]
    assert matches("مسؤول") == ["مسؤولٌ"]


def test_hamza_forms_of_alef_are_alike() -> None:
    assert matches("الاسعار") == ["الأسعار"]
    assert matches("الى") == ["إلى"]
    assert matches("ان") == ["إنّ", "انٍ"]  # substrings too: ثانٍ


def test_alef_maqsura_and_yeh_are_alike() -> None:
    assert matches("مصطفي") == ["مصطفى"]
    assert matches("علي", "على علي") == ["على", "علي"]


def test_arabic_indic_digits_match_ascii_digits_both_ways() -> None:
    assert matches("2025") == ["٢٠٢٥"]
    assert matches("٢٠٢٥", "year 2025") == ["2025"]


def test_tatweel_is_ignored() -> None:
    assert matches("جميل", "هذا جمـــيل جدا") == ["جمـــيل"]


def test_latin_ignores_case_and_blank_queries_find_nothing() -> None:
    assert matches("who", "The WHO said") == ["WHO"]
    assert matches("   ") == []
    assert matches("") == []


def test_matches_do_not_overlap_and_come_in_reading_order() -> None:
    assert FoldedText.of("ااااا").find_all("اا") == [(0, 2), (2, 4)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابتأإآىيةـ\u064e\u064f\u0650\u0651\u0652 ٠١2", max_size=40), st.data())
def test_every_match_folds_to_the_query(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    if not folded.strip():
        return
    a = data.draw(st.integers(0, len(folded) - 1))
    b = data.draw(st.integers(a + 1, len(folded)))
    query = folded[a:b]
    spans = FoldedText.of(text).find_all(query)
    if query.strip():
        assert spans
    for start, end in spans:
        assert fold(text[start:end]) == fold(query)


def test_words_and_their_neighbours() -> None:
    assert TEXT[slice(*word_at(TEXT, 1))] == "قالَ"
    assert word_at(TEXT, TEXT.index(" ")) is None
    assert next_word_start(TEXT, 0) == TEXT.index("الوزير")
    assert previous_word_start(TEXT, TEXT.index("إنّ")) == TEXT.index("الوزير")
    assert previous_word_start(TEXT, TEXT.index("الوزير") + 2) == TEXT.index("الوزير")
    assert next_word_start(TEXT, len(TEXT) - 2) == len(TEXT)


def test_sentences_end_at_arabic_and_latin_marks_and_at_the_paragraph_end() -> None:
    def sentence(word: str) -> str:
        return TEXT[slice(*sentence_at(TEXT, TEXT.index(word)))]

    assert sentence("الوزير") == "قالَ الوزيرُ إنّ الأسعار ستنخفض."
    assert sentence("مسؤول") == "وأكّد مسؤولٌ آخر ذلك؟"
    assert sentence("نعم") == "نعم"
    assert sentence("ثانٍ") == "سطر ثانٍ في عام ٢٠٢٥ عن إلى ومصطفى"
    quoted = "وقال: «انتهى الأمر.» ثم غادر"
    assert quoted[slice(*sentence_at(quoted, 2))] == "وقال: «انتهى الأمر.»"


def test_a_cursor_at_the_end_of_a_paragraph_is_in_its_last_sentence() -> None:
    text = "الجملة الأولى. الجملة الثانية.\nسطر آخر"
    end = text.index("\n")
    assert text[slice(*sentence_at(text, end))] == "الجملة الثانية."
    assert text[slice(*sentence_at(text, len(text)))] == "سطر آخر"
    assert sentence_at("", 0) == (0, 0)


def test_match_context_keeps_a_few_words_either_side_within_the_paragraph() -> None:
    from reader.text.search import match_context

    text = "عنوان الخبر\nقال الوزير إن الأسعار ستنخفض الشهر المقبل بعد اجتماع الحكومة مع التجار.\nفقرة أخرى"
    start = text.index("الأسعار")
    before, match, after = match_context(text, start, start + len("الأسعار"), words=2)
    assert (before, match, after) == ("…الوزير إن ", "الأسعار", " ستنخفض الشهر…")
    # The first word of its paragraph: nothing of the title before it, the whole short paragraph after.
    first = text.index("فقرة")
    assert match_context(text, first, first + 4, words=5) == ("", "فقرة", " أخرى")


def test_match_context_inside_a_word_stays_joined() -> None:
    from reader.text.search import match_context

    text = "وكشفت مصادر مطلعة"
    start = text.index("مصادر") + 1
    before, match, after = match_context(text, start, start + 3)
    assert before + match + after == text


def test_teh_marbuta_and_heh_match_each_other() -> None:
    from reader.text.search import FoldedText, fold

    assert fold("قناة الجزيرة") == fold("قناه الجزيره")
    text = "أعلنت قناةُ الأخبار"
    ((start, end),) = FoldedText.of(text).find_all("قناه")
    assert text[start:end] == "قناةُ"


HEADLINE = "مفاوضات الهدنة تدخل أسبوعها الثالث.. خلاف على الممرات الإنسانية وجدول تبادل الأسرى"


def test_a_headline_is_a_short_paragraph_without_a_full_stop() -> None:
    from reader.text.search import is_headline

    assert is_headline(HEADLINE)
    assert is_headline("هل تنجح الهدنة؟.. مصادر تجيب")
    assert is_headline("التضخم يبلغ 3.5% في يناير")
    assert is_headline("د. ليلى قاسم: الهدنة صامدة")
    assert not is_headline("قال الوزير إن الأسعار ستنخفض. وأكد مسؤول آخر ذلك")
    assert not is_headline("وقال: «انتهى الأمر.» ثم غادر")
    assert not is_headline(" ".join(["كلمة"] * 26))
    assert not is_headline("   ")


def test_s_in_a_headline_takes_the_whole_line_though_two_dots_part_it() -> None:
    text = f"{HEADLINE}\n\nدخلت المفاوضات أسبوعها الثالث.. دون اختراق. وقال الوسيط إنه متفائل.\n"
    for word in ("الهدنة", "خلاف", "الأسرى"):
        assert text[slice(*sentence_at(text, text.index(word)))] == HEADLINE
    assert text[slice(*sentence_at(text, len(HEADLINE)))] == HEADLINE  # the cursor on its newline
    body = text.index("وقال")
    assert text[slice(*sentence_at(text, body))] == "وقال الوسيط إنه متفائل."
    assert text[slice(*sentence_at(text, text.index("دون")))] == "دون اختراق."
