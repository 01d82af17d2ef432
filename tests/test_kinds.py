"""kinds_of answers from the news-text codec exactly as the searches answer for any text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text.bidi_props import NEWS_CHARS
from reader.text.kinds import _kinds_by_search, kinds_of

listed = st.sampled_from(NEWS_CHARS)
# Code points each question is about, and some the codec lacks (then the searches answer).
notable = st.sampled_from(" \u064e\u0651\u0301\u05b0\u0cbf\u1161()«»[]\x1b\u200f\u202b\t\u2003\u3000漢\U0001f600")
texts = st.lists(st.one_of(listed, listed, listed, notable), max_size=30).map("".join)


@settings(max_examples=2000, deadline=None)
@given(texts)
@example("")
@example("\u064eقال")
@example("قال \u064eب")
@example("قال (ب)")
def test_the_codec_and_the_searches_agree(text: str) -> None:
    assert kinds_of(text) == _kinds_by_search(text)


def test_news_text_is_answered_by_the_codec() -> None:
    from reader.text.bidi_props import news_bytes

    assert news_bytes("قالَ الوزيرُ إن 25% من الطلاب «نجحوا» – في عام ٢٠٢٤.") is not None
