"""classes_of (a charmap codec for the code points of news text, a table for the rest) gives every
code point its Bidi_Class letter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.bidi_props import CLASS_CODE, NEWS_CHARS, bidi_class, classes_of


def expected(text: str) -> str:
    return "".join(CLASS_CODE[bidi_class(ord(ch))] for ch in text)


@pytest.mark.slow
def test_every_code_point_gets_its_class() -> None:
    for first in range(0, 0x110000, 0x10000):
        plane = "".join(chr(cp) for cp in range(first, first + 0x10000))
        assert classes_of(plane) == expected(plane), hex(first)


def test_the_codec_holds_256_distinct_code_points() -> None:
    assert len(NEWS_CHARS) == len(set(NEWS_CHARS)) == 256
    assert NEWS_CHARS[0] == "\x00"  # else charmap_build gives a dict, not its fast table


listed = st.sampled_from(NEWS_CHARS)
anything = st.characters(codec=None)


def test_the_scripts_of_news_text_get_their_classes() -> None:
    for first, last in [(0, 0x800), (0x2000, 0x2070), (0xFB50, 0xFF00)]:
        text = "".join(chr(cp) for cp in range(first, last))
        assert classes_of(text) == expected(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(listed, listed, anything), max_size=40).map("".join))
def test_listed_and_unlisted_code_points_mixed(text: str) -> None:
    assert classes_of(text) == expected(text)
