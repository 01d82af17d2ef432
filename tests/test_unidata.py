"""The engine's character tables: the stored start-up cache must equal what unicodedata gives."""

from __future__ import annotations

import unicodedata

import pytest

from reader.text import _tables, unidata


def test_stored_tables_equal_the_tables_computed_from_unicodedata() -> None:
    if unicodedata.unidata_version != _tables.UNICODE_VERSION:
        pytest.skip(f"tables made for Unicode {_tables.UNICODE_VERSION}, this Python has {unicodedata.unidata_version}")
    assert unidata.computed_tables() == _tables.TABLES, "run: python -m reader.text.unidata"


def test_bmp_and_full_patterns_agree_on_text_within_the_bmp() -> None:
    sample = "سلامٌ عليكم (كتب) 中文 \x1b[2J a\u0301 \u200f x"
    for name in ("marks", "unsafe", "wide", "mirrored"):
        full = getattr(unidata.ANY_TEXT, name).findall(sample)
        bmp = getattr(unidata.BMP_TEXT, name).findall(sample)
        assert full == bmp and full, name


def test_astral_text_is_told_apart_and_gets_the_full_patterns() -> None:
    assert unidata.has_astral("x\U0001f600")
    assert not unidata.has_astral("سلام")
    assert not unidata.has_astral("")
    assert unidata.patterns_for("a\U0001d167") is unidata.ANY_TEXT
    assert unidata.patterns_for("abc") is unidata.BMP_TEXT
    assert unidata.ANY_TEXT.marks.search("x\U0001d167")  # a musical combining mark beyond the BMP


def test_control_characters_become_visible_and_format_characters_hidden() -> None:
    shown = "\x1b\x07\x00\x7f\x9b\u200f\u2067".translate(unidata.DISPLAY)
    assert shown == "\u241b\u2407\u2400\u2421\ufffd" + unidata.HIDDEN * 2
