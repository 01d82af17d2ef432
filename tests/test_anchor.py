"""Re-anchoring claims after the article's text changed (reader.annotations.anchor)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.annotations.anchor import reanchor, reanchor_all
from reader.annotations.model import CONTEXT, Anchor

ARTICLE = (
    "أعلنت وزارة المالية صباح اليوم عن خطة جديدة لخفض العجز في الموازنة العامة. "
    "وقال الوزير في مؤتمر صحفي إن الحكومة ستخفض أسعار الوقود بنسبة عشرة بالمئة اعتبارا من الشهر المقبل. "
    "وأضاف أن الخطة تشمل دعما مباشرا للأسر الفقيرة.\n"
    "من جهتها، قالت مصادر مطلعة إن المفاوضات مع صندوق النقد الدولي ما زالت متعثرة. "
    "وأكد دبلوماسيون غربيون أن الاتفاق قد يتأخر حتى نهاية العام.\n"
    "وفي الأسواق، ارتفعت الأسعار بشكل ملحوظ خلال الأسبوع الماضي، وقال تجار إن الطلب تراجع. "
    "وانتهى الاجتماع الأخير بين الحكومة والنقابات دون التوصل إلى اتفاق نهائي حول الأجور.\n"
    "وقال الوزير في ختام حديثه إن الحكومة ملتزمة بالإصلاحات."
)

NEW_PARAGRAPH = (
    "وفي تطور لاحق، أصدرت النقابات بيانا طالبت فيه بزيادة الأجور وتحسين ظروف العمل في القطاع العام، "
    "وهددت بالإضراب إذا لم تستجب الحكومة لمطالبها خلال أسبوعين. وقال ممثل عن النقابات إن صبر العمال نفد.\n"
)

FUEL = "إن الحكومة ستخفض أسعار الوقود بنسبة عشرة بالمئة"


def anchor_on(text: str, quote: str, nth: int = 0) -> Anchor:
    """The anchor of the ``nth`` occurrence of ``quote`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return Anchor.from_text(text, start, start + len(quote))


def expected(text: str, quote: str, nth: int = 0) -> Anchor:
    return anchor_on(text, quote, nth)


# --- The text did not change, or changed away from the quote -------------------


@pytest.mark.parametrize("quote", [FUEL, "أعلنت وزارة المالية", "ملتزمة بالإصلاحات.", "قال", "حول الأجور.\nوقال"])
def test_an_unchanged_text_gives_back_the_same_anchor(quote: str) -> None:
    anchor = anchor_on(ARTICLE, quote)
    assert reanchor(anchor, ARTICLE) is anchor


def test_an_edit_before_the_quote_shifts_it() -> None:
    anchor = anchor_on(ARTICLE, FUEL)
    new = ARTICLE.replace("صباح اليوم", "صباح يوم الأحد")
    shift = len("صباح يوم الأحد") - len("صباح اليوم")
    assert reanchor(anchor, new) == Anchor.from_text(new, anchor.start + shift, anchor.end + shift)


def test_an_edit_inside_the_prefix_shifts_the_quote() -> None:
    anchor = anchor_on(ARTICLE, FUEL)
    new = ARTICLE.replace("في مؤتمر صحفي", "في مؤتمره الصحفي")  # right before the quote
    assert reanchor(anchor, new) == expected(new, FUEL)


def test_an_edit_after_the_quote_keeps_it_where_it_was() -> None:
    anchor = anchor_on(ARTICLE, FUEL)
    far = ARTICLE.replace("نهاية العام", "نهاية العام المقبل")
    assert reanchor(anchor, far) is anchor
    near = ARTICLE.replace("اعتبارا من الشهر", "ابتداء من الشهر")  # inside the suffix
    assert reanchor(anchor, near) is anchor


def test_a_whole_paragraph_inserted_before_shifts_the_quote() -> None:
    anchor = anchor_on(ARTICLE, "أن الاتفاق قد يتأخر")
    new = NEW_PARAGRAPH + ARTICLE
    assert reanchor(anchor, new) == Anchor.from_text(
        new, anchor.start + len(NEW_PARAGRAPH), anchor.end + len(NEW_PARAGRAPH)
    )
    cut = ARTICLE.index("من جهتها")  # right before the quote's paragraph, so its prefix changed too
    new = ARTICLE[:cut] + NEW_PARAGRAPH + ARTICLE[cut:]
    assert reanchor(anchor, new) == expected(new, "أن الاتفاق قد يتأخر")


def test_old_offsets_past_the_end_of_a_shorter_text() -> None:
    anchor = anchor_on(ARTICLE, "ملتزمة بالإصلاحات.")
    new = ARTICLE[ARTICLE.index("\n", 300) + 1 :]  # the first paragraphs removed
    assert anchor.start > len(new)
    assert reanchor(anchor, new) == expected(new, "ملتزمة بالإصلاحات.")


def test_quotes_at_the_very_start_and_end_of_the_text() -> None:
    first = anchor_on(ARTICLE, "أعلنت وزارة المالية")
    last = anchor_on(ARTICLE, "ملتزمة بالإصلاحات.")
    new = "عاجل: " + ARTICLE + "\nتحديث: أضيفت تصريحات المعارضة."
    assert reanchor(first, new) == expected(new, "أعلنت وزارة المالية")
    assert reanchor(last, new) == expected(new, "ملتزمة بالإصلاحات.")
    edited = ARTICLE.replace("أعلنت وزارة المالية", "أعلنت وزارة الاقتصاد")
    assert reanchor(first, edited) == expected(edited, "أعلنت وزارة الاقتصاد")
    assert reanchor(first, "عاجل: " + edited) == expected("عاجل: " + edited, "أعلنت وزارة الاقتصاد")


# --- The quote itself was edited: fuzzy placement --------------------------------


def test_a_word_replaced_inside_the_quote() -> None:
    anchor = anchor_on(ARTICLE, FUEL)
    edited = FUEL.replace("ستخفض", "سترفع")
    new = NEW_PARAGRAPH + ARTICLE.replace(FUEL, edited)
    assert reanchor(anchor, new) == expected(new, edited)


def test_harakat_added_inside_the_quote() -> None:
    anchor = anchor_on(ARTICLE, FUEL)
    vocalised = FUEL.replace("الحكومة ستخفض", "الحكومةُ ستُخفِّض")
    new = ARTICLE.replace(FUEL, vocalised)
    assert reanchor(anchor, new) == expected(new, vocalised)


def test_harakat_on_the_quote_s_last_letter_stay_with_it() -> None:
    quote = "دون التوصل إلى اتفاق نهائي"
    anchor = anchor_on(ARTICLE, quote)
    vocalised = "دون التوصُّل إلى اتفاقٍ نهائيٍّ"
    new = ARTICLE.replace(quote + " حول الأجور", vocalised + " بشأن الرواتب")  # the suffix too: one landmark
    assert reanchor(anchor, new) == expected(new, vocalised)


def test_an_edited_quote_whose_context_changed_too_is_found_by_its_words() -> None:
    quote = "قالت مصادر مطلعة إن المفاوضات مع صندوق النقد الدولي ما زالت متعثرة"
    anchor = anchor_on(ARTICLE, quote)
    edited = "قالت مصادر مطلعة إن المحادثات مع صندوق النقد الدولي ما زالت متعثرة"
    new = ARTICLE.replace("من جهتها، " + quote + ". وأكد", "في المقابل " + edited + "، وأكد")
    assert reanchor(anchor, new) == expected(new, edited)


def test_an_edited_quote_at_the_text_s_start_keeps_it_as_a_landmark() -> None:
    anchor = anchor_on(ARTICLE, "أعلنت وزارة المالية")
    new = ARTICLE.replace("أعلنت وزارة المالية صباح اليوم", "أعلنت وزارة الاقتصاد مساء أمس")
    assert reanchor(anchor, new) == expected(new, "أعلنت وزارة الاقتصاد")


def test_the_quote_s_sentence_deleted_makes_an_orphan() -> None:
    anchor = anchor_on(ARTICLE, "أن الاتفاق قد يتأخر حتى نهاية العام")
    new = ARTICLE.replace(" وأكد دبلوماسيون غربيون أن الاتفاق قد يتأخر حتى نهاية العام.", "")
    assert reanchor(anchor, new) is None
    rewritten = ARTICLE.replace("أن الاتفاق قد يتأخر حتى نهاية العام", "أن التوقيع بات وشيكا")
    assert reanchor(anchor, rewritten) is None


def test_a_like_sentence_without_the_quote_s_context_is_not_taken_for_it() -> None:
    quote = "قالت مصادر مطلعة إن المفاوضات مع صندوق النقد الدولي ما زالت متعثرة"
    anchor = anchor_on(ARTICLE, quote)
    new = ARTICLE.replace("من جهتها، " + quote + ". ", "").replace(
        "وقال تجار إن الطلب تراجع.", "وقال تجار إن المفاوضات مع صندوق النقد الدولي ما زالت صعبة."
    )
    assert reanchor(anchor, new) is None


def test_a_fuzzy_span_never_crosses_a_new_paragraph_break() -> None:
    quote = "وانتهى الاجتماع الأخير بين الحكومة والنقابات دون التوصل إلى اتفاق نهائي"
    anchor = anchor_on(ARTICLE, quote)
    new = ARTICLE.replace("بين الحكومة والنقابات", "بين الحكومة\nوالنقابات")
    assert reanchor(anchor, new) is None


def test_a_quote_that_spanned_paragraphs_may_still_span_them() -> None:
    quote = "اتفاق نهائي حول الأجور.\nوقال الوزير في ختام"
    anchor = anchor_on(ARTICLE, quote)
    edited = "اتفاق نهائي حول الرواتب.\nوقال الوزير في ختام"
    new = ARTICLE.replace(quote, edited)
    assert reanchor(anchor, new) == expected(new, edited)


def test_the_old_wording_elsewhere_loses_to_the_quote_edited_in_place() -> None:
    claim = "ارتفعت الأسعار بشكل ملحوظ"
    summary = "ملخص: " + claim + " في كل المدن.\n"
    anchor = anchor_on(summary + ARTICLE, claim, nth=1)
    edited = "ارتفعت الأسعار بشكل طفيف"
    new = summary + ARTICLE.replace(claim, edited)
    assert reanchor(anchor, new) == expected(new, edited)


# --- The quote occurs more than once ---------------------------------------------


def test_a_repeated_quote_is_told_apart_by_its_context() -> None:
    anchor = anchor_on(ARTICLE, "وقال الوزير", nth=1)  # the last paragraph's
    cut = ARTICLE.rindex("\n") + 1
    new = ARTICLE[:cut] + NEW_PARAGRAPH * 3 + ARTICLE[cut:]  # the first one is now the nearer one
    assert abs(new.index("وقال الوزير") - anchor.start) < abs(new.rindex("وقال الوزير") - anchor.start)
    assert reanchor(anchor, new) == expected(new, "وقال الوزير", nth=1)


def test_context_kept_right_next_to_the_quote_beats_a_near_copy_of_it() -> None:
    sentence = "وقال الوزير إن الحكومة ستخفض الأسعار بنسبة عشرة بالمئة خلال الشهر المقبل."
    copy = sentence.replace("الحكومة", "«الحكومة").replace("الأسعار", "الأسعار»")  # quoted in a summary
    last = ARTICLE[ARTICLE.rindex("\n") + 1 :]
    text = ARTICLE + "\n" + copy + "\n" + last + "\n" + sentence  # both after the same words
    quote = "الحكومة ستخفض الأسعار"
    anchor = anchor_on(text, quote, nth=1)
    # The words before the claim rewritten: its suffix is intact, the copy's context differs only in « ».
    new = text[: text.rindex("وقال")] + "وأوضح رئيس الوزراء في بيان رسمي أن " + quote + text[anchor.end :]
    assert reanchor(anchor, new) == expected(new, quote, nth=1)


def test_a_repeated_quote_with_the_same_context_goes_to_the_nearest() -> None:
    footer = "\nتابعوا آخر الأخبار على موقعنا وعلى حساباتنا في وسائل التواصل الاجتماعي.\n"
    text = ARTICLE.replace("\n", footer)
    quote = "على موقعنا"
    for nth in range(3):
        anchor = anchor_on(text, quote, nth)
        new = "عاجل: " + text
        assert reanchor(anchor, new) == expected(new, quote, nth)


@pytest.mark.parametrize(("quote", "nth"), [("قال", 3), ("إن الحكومة", 1), ("الحكومة", 1)])
def test_a_short_ambiguous_quote_is_placed_by_its_context(quote: str, nth: int) -> None:
    anchor = anchor_on(ARTICLE, quote, nth)
    # Paragraphs in, and the word right before the quote replaced: only the text after it identifies it.
    word_start = ARTICLE.rindex(" ", 0, anchor.start - 1) + 1
    new = NEW_PARAGRAPH * 3 + ARTICLE[:word_start] + "ثم أكد أن " + ARTICLE[anchor.start :]
    after = ARTICLE[anchor.end : anchor.end + 40]
    right = [i for i in range(len(new)) if new.startswith(quote + after, i)]
    others = [i for i in range(len(new)) if new.startswith(quote, i) and i not in right]
    assert len(right) == 1 and min(abs(i - anchor.start) for i in others) < abs(right[0] - anchor.start)
    assert reanchor(anchor, new) == Anchor.from_text(new, right[0], right[0] + len(quote))


def test_a_coincidental_fit_loses_to_the_quote_with_its_context() -> None:
    anchor = anchor_on(ARTICLE, "قال", nth=2)  # in "وقال تجار"
    filler = NEW_PARAGRAPH * 4
    line = filler[: anchor.start] + "قال المتحدث.\n"  # puts another قال at the old offset
    new = line + ARTICLE
    assert anchor.fits(new)
    assert reanchor(anchor, new) == Anchor.from_text(new, anchor.start + len(line), anchor.end + len(line))


def test_a_hint_is_taken_only_where_the_whole_context_is() -> None:
    anchor = anchor_on(ARTICLE, "وقال الوزير", nth=1)
    new = "عاجل: " + ARTICLE
    wrong = new.index("وقال الوزير") - anchor.start  # points at the other وقال الوزير
    assert reanchor(anchor, new, hints=[wrong]) == expected(new, "وقال الوزير", nth=1)
    right = len("عاجل: ")
    assert reanchor(anchor, new, hints=[wrong, right]) == expected(new, "وقال الوزير", nth=1)


# --- Many claims -----------------------------------------------------------------


def test_reanchor_all_keeps_the_order_and_agrees_with_reanchor() -> None:
    quotes = ["ملتزمة بالإصلاحات.", FUEL, "أن الاتفاق قد يتأخر حتى نهاية العام", "قال", "الأسعار بشكل ملحوظ"]
    anchors = [anchor_on(ARTICLE, q) for q in quotes]
    new = NEW_PARAGRAPH + ARTICLE.replace(" وأكد دبلوماسيون غربيون أن الاتفاق قد يتأخر حتى نهاية العام.", "")
    new = new.replace("ستخفض", "سترفع")
    placed = reanchor_all(anchors, new)
    assert placed == [reanchor(a, new) for a in anchors]
    assert placed[2] is None
    assert [p.exact for p in placed if p is not None] == [
        "ملتزمة بالإصلاحات.",
        FUEL.replace("ستخفض", "سترفع"),
        "قال",
        "الأسعار بشكل ملحوظ",
    ]
    assert all(p == Anchor.from_text(new, p.start, p.end) for p in placed if p is not None)


def test_reanchor_all_follows_a_shift_across_a_long_text() -> None:
    body = "\n".join(ARTICLE.replace("الوزير", f"الوزير رقم {i}") for i in range(40))
    anchors = [anchor_on(body, f"الوزير رقم {i} في") for i in range(0, 40, 3)]
    new = NEW_PARAGRAPH * 5 + body
    shift = len(NEW_PARAGRAPH) * 5
    assert reanchor_all(anchors, new) == [Anchor.from_text(new, a.start + shift, a.end + shift) for a in anchors]


# --- Property: an insertion strictly before or after the quote -------------------

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
HARAKAT = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"

# Letters, some with a haraka, spaces, paragraph breaks, punctuation; drawn as bytes, one byte a
# token (much faster to generate than lists, and shrinks towards "ااا…").
TOKENS = [*LETTERS, *(a + h for a in "بسلم" for h in HARAKAT[:4]), *" " * 12, "\n", "، ", ". "]


def tokens(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.binary(min_size=min_size, max_size=max_size).map(lambda b: "".join(TOKENS[x % len(TOKENS)] for x in b))


arabicish = tokens(2 * CONTEXT + 1, 200)
inserted = tokens(1, 60)


def distinguishable(old: str, start: int, end: int, new: str, at: int) -> bool:
    """No other occurrence of the quote in ``new`` has the same 4 characters before it, or after it,
    as the quote had in ``old``: otherwise which one "is" the quote is a matter of taste."""
    quote, before, after = old[start:end], old[start - 4 : start], old[end : end + 4]
    i = new.find(quote)
    while i != -1:
        if i != at and (new[max(0, i - 4) : i] == before or new[i + len(quote) : i + len(quote) + 4] == after):
            return False
        i = new.find(quote, i + 1)
    return True


@pytest.mark.slow
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=arabicish, extra=inserted, data=st.data(), where=st.sampled_from(["before", "after"]))
def test_an_insertion_before_or_after_the_quote_only_shifts_it(
    text: str, extra: str, data: st.DataObject, where: str
) -> None:
    # At least CONTEXT characters either side, so the untouched side of the context is all there.
    start = data.draw(st.integers(CONTEXT, len(text) - CONTEXT - 1), label="start")
    end = data.draw(st.integers(start + 1, min(len(text) - CONTEXT, start + 40)), label="end")
    anchor = Anchor.from_text(text, start, end)
    if where == "before":
        at = data.draw(st.integers(0, start), label="at")
        new, shift = text[:at] + extra + text[at:], len(extra)
    else:
        at = data.draw(st.integers(end, len(text)), label="at")
        new, shift = text[:at] + extra + text[at:], 0
    assume(distinguishable(text, start, end, new, start + shift))
    placed = reanchor(anchor, new)
    assert placed is not None
    assert (placed.start, placed.end, placed.exact) == (start + shift, end + shift, anchor.exact)
    assert placed.exact == new[placed.start : placed.end]
