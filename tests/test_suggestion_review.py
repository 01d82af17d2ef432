"""What the suggestion review tells a fact-checker before a suggestion becomes a claim."""

from __future__ import annotations

from reader.attribution import suggest
from reader.attribution.suggestion import quoted_claim
from reader.ui.suggestion_bar import describe

QUOTED = "وقال وزير النقل سالم العتيبي: «الطريق سيفتح في الربيع».\n"
PARAPHRASED = "وقال وزير النقل سالم العتيبي إن الطريق سيفتح في الربيع.\n"


def test_a_quoted_claim_is_called_quoted_in_the_review() -> None:
    (found,) = suggest(QUOTED)
    assert found.quoted
    assert "quoted" in describe(found) and "paraphrased" not in describe(found)


def test_reported_speech_is_called_paraphrased() -> None:
    (found,) = suggest(PARAPHRASED)
    assert not found.quoted
    assert "paraphrased" in describe(found)


def test_a_relay_is_named_in_the_review() -> None:
    from dataclasses import replace

    (found,) = suggest(PARAPHRASED)
    assert "via وكالة الأنباء" in describe(replace(found, relay="وكالة الأنباء"))
    assert "via" not in describe(found)


def test_quotes_opened_with_the_closing_mark_count_as_quoted() -> None:
    text = "قال المدير: ”سنبدأ غدا”."
    start = text.index("سنبدأ")
    assert quoted_claim(text, (start, start + len("سنبدأ غدا")))
    assert quoted_claim(text, (start - 1, start + len("سنبدأ غدا") + 1))


def test_a_paraphrase_with_a_few_quoted_words_is_not_quoted() -> None:
    text = "قال المدير إن الخطة «طموحة» وستنجح."
    start = text.index("الخطة")
    assert not quoted_claim(text, (start, len(text) - 1))


def test_a_source_written_with_case_endings_is_the_same_source() -> None:
    from reader.annotations.model import name_key

    assert name_key("مسؤولًا أمريكيًا") == name_key("مسؤول أمريكي") == name_key("مسؤولاً أمريكياً")
    assert name_key("وزارة الخارجية") == name_key("وزاره الخارجيه")
    assert name_key("إلى المستشفى") == name_key("الى المستشفي")
    assert name_key("أمريكا") != name_key("أمريك")  # a word's own alef stays
