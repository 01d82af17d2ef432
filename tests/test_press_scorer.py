"""The press-set scorer (benchmarks/press.py): its matching rule, checked on the labels themselves.

These tests never run the suggester: they feed the scorer suggestions built
from the labels, so a fault in the scorer cannot hide behind the suggester's
figures.
"""

from __future__ import annotations

from benchmarks.press import PressText, agree, load_press, same_phrase, score_text, trimmed
from reader.attribution import Suggestion


def _as_suggestion(label, *, source: str | None = None, span=None, named=None) -> Suggestion:
    return Suggestion(
        verb=label.verb,
        verb_span=(0, 0),
        source=label.source if source is None else source,
        source_span=label.source_span if span is None else span,
        role=label.role,
        role_span=None,
        named=label.named if named is None else named,
        source_type="person",
        claim=label.claim,
        claim_span=label.claim_span,
        pattern="verb-source",
    )


def test_every_label_is_anchored_on_its_own_source_and_claim() -> None:
    for item in load_press(splits=("dev", "test", "unseen")):
        for label in item.labels:
            start, end = label.source_span
            assert item.text[start:end] == label.source, item.name
            start, end = label.claim_span
            assert item.text[start:end] == label.claim, item.name


def test_the_labels_themselves_score_perfectly() -> None:
    for item in load_press(splits=("dev", "test", "unseen")):
        tally = score_text(item, [_as_suggestion(label) for label in item.labels])
        assert (tally.lenient, tally.exact, tally.named, tally.claim_exact) == (len(item.labels),) * 4, item.name
        assert tally.suggested == len(item.labels)


def test_a_suggestion_elsewhere_in_the_text_matches_nothing() -> None:
    item = next(t for t in load_press(splits=("dev",)) if t.language == "ar")
    label = item.labels[0]
    far = (len(item.text) + 10, len(item.text) + 20)
    tally = score_text(PressText(item.name, "dev", "ar", item.text, (label,)), [_as_suggestion(label, span=far)])
    assert (tally.lenient, tally.suggested, tally.labels) == (0, 1, 1)


def test_a_title_of_two_words_is_lenient_but_three_are_not() -> None:
    assert agree("الرئيس الأمريكي دونالد ترامب", "دونالد ترامب")
    assert not agree("نائب الرئيس الأمريكي دونالد ترامب", "دونالد ترامب")
    assert not same_phrase("الرئيس الأمريكي دونالد ترامب", "دونالد ترامب")


def test_folding_and_one_prefix_letter_are_forgiven() -> None:
    assert same_phrase("مسؤولةٌ أمريكية", "مسؤوله امريكيه")
    assert agree("במשרד התחבורה", "משרד התחבורה")
    assert not agree("משרד החינוך", "משרד התחבורה")


def test_a_claim_is_compared_without_its_quote_marks_and_full_stop() -> None:
    assert trimmed("«الشبكة لن تتحمل.»") == trimmed("الشبكة لن تتحمل")
    assert trimmed("“עוד שבוע.”") == trimmed("עוד שבוע")
