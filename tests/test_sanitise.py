"""The one sanitiser (reader.text.sanitise): what reaches a terminal or a pipe."""

from __future__ import annotations


def test_visible_keeps_joiners_only_when_asked() -> None:
    from reader.text.sanitise import visible

    word = "می\u200cگوید\x1b"
    assert visible(word) == "میگوید␛"
    assert visible(word, joiners=True) == "می\u200cگوید␛"
