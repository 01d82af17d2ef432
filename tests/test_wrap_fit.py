"""wrap's narrow-text fit (a range's cells = its length less what draws nothing) equals the fit that
counts cells with cell_width, on text with no wide character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.cells import HIDDEN
from reader.text.patterns import patterns_for
from reader.text.wrapping import _cells_fit, break_lines, wrap

# Display strings: letters, presentation forms, spaces, marks (harakat, Hebrew points, an acute, a Hangul
# vowel, a variation selector), HIDDEN (ligature tails, format characters), no wide character.
ALPHABET = "ab ﻻﺑﺎ \u064e\u0651\u05b0\u0301\u1161" + HIDDEN
displays = st.text(alphabet=ALPHABET, max_size=60) | st.lists(
    st.sampled_from(["\U000e0100", "x", " ", "\u064e", HIDDEN, "\U0001d400"]), max_size=30
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(displays, st.integers(2, 30))
def test_narrow_fit_equals_counting_cells(display: str, width: int) -> None:
    patterns = patterns_for(display)
    assert not patterns.wide.search(display)
    zero = patterns.marks.sub(HIDDEN, display)
    lone = patterns.lone_mark.match(display) is not None
    assert wrap(display, width) == break_lines(display, zero, width, _cells_fit(display, zero), lone, patterns)
