"""The engine's compiled searches over a paragraph: marks, unsafe, wide and mirrored characters, clusters.

Every per-paragraph question the layout asks (does it hold combining marks?
where does a cluster end? is it all simple right-to-left text?) is one
regular expression built here from the code-point tables (``unitables``).
Each is compiled twice, for any text and for text within the BMP, because
the BMP-only version is several times faster and news text almost always
fits it; ``patterns_for`` picks one per paragraph.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from .bidi_props import CLOSING, MIRROR, OPENING, bidi_class
from .charclass import bmp_only, char_set, class_body, not_in, to_ranges
from .unitables import load_tables

_TABLES = load_tables()
_MARK_POINTS = _TABLES["marks"]
_UNSAFE_POINTS = _TABLES["unsafe"]
_SIMPLE_RTL_POINTS = _TABLES["simple_rtl"]
_WIDE_POINTS = _TABLES["wide"]
# A few thousand look-ups: marks of another Bidi_Class than NSM may take another level than their letter.
_STRONG_MARK_POINTS = to_ranges([cp for lo, hi in _MARK_POINTS for cp in range(lo, hi + 1) if bidi_class(cp) != "NSM"])


@dataclass(frozen=True, slots=True)
class Patterns:
    """The engine's searches, compiled twice: for any text, and for text within the BMP.

    A class with ranges beyond U+FFFF cannot be a bitmap in ``re``; a search
    with one costs ~45 ns a character against ~7 ns for a BMP-only class
    (measured on an Arabic paragraph). News text is almost always BMP-only,
    so each paragraph picks its set with ``patterns_for``.
    """

    marks: re.Pattern[str]
    unsafe: re.Pattern[str]
    wide: re.Pattern[str]
    mirrored: re.Pattern[str]
    #: Something that draws nothing (a mark, HIDDEN) after a space: a cluster with no letter.
    bare_mark: re.Pattern[str]
    #: A combining mark whose Bidi_Class is not NSM (L: some Indic vowel signs, Hangul vowels and finals).
    strong_mark: re.Pattern[str]
    #: A character with its marks, hidden tails and format characters (one cell-map cluster).
    cluster: re.Pattern[str]
    #: A cluster of more than one character (or marks with no letter before them).
    marked_cluster: re.Pattern[str]
    #: Marks (and hidden characters) before their letter, as a reversed run leaves them.
    marks_first: re.Pattern[str]
    #: A line that starts with a mark that has no letter to sit on.
    lone_mark: re.Pattern[str]

    @classmethod
    def build(cls, astral: bool) -> Patterns:
        """The searches for any text (``astral``) or for text within the BMP."""
        pick = (lambda points: points) if astral else bmp_only
        marks = char_set(pick(_MARK_POINTS))
        if astral:
            draws_nothing = f"(?:{marks}|\\x00)"
            draws = not_in(draws_nothing)
        else:
            # One class each way: a lookahead or an alternation costs ~80x here (588 ns a character).
            body = class_body(bmp_only(_MARK_POINTS))
            draws_nothing, draws = f"[\\x00{body}]", f"[^\\x00{body}]"
        return cls(
            marks=re.compile(marks),
            unsafe=re.compile(char_set(pick(_UNSAFE_POINTS))),
            wide=re.compile(char_set(pick(_WIDE_POINTS))),
            mirrored=re.compile(char_set(pick(to_ranges([ord(ch) for ch in MIRROR])))),
            bare_mark=re.compile(f" {draws_nothing}"),
            strong_mark=re.compile(char_set(pick(_STRONG_MARK_POINTS))),
            cluster=re.compile(f"{draws}{draws_nothing}*|{draws_nothing}+"),
            marked_cluster=re.compile(f"{draws}?{draws_nothing}+"),
            marks_first=re.compile(f"({draws_nothing}+)({draws})"),
            lone_mark=re.compile(f"\\x00*{marks}"),
        )


ANY_TEXT = Patterns.build(astral=True)
BMP_TEXT = Patterns.build(astral=False)

_UCS4_BASE = sys.getsizeof("\U00010000") - 4


def _has_astral_by_size(text: str) -> bool:
    # CPython keeps a string with any code point beyond U+FFFF at 4 bytes a
    # character and every other string at 1 or 2: the size tells, in O(1).
    return sys.getsizeof(text) == _UCS4_BASE + 4 * len(text)


_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def _has_astral_by_search(text: str) -> bool:
    return _ASTRAL_RE.search(text) is not None


_SIZE_TRICK_HOLDS = all(
    _has_astral_by_size(sample) == _has_astral_by_search(sample)
    for sample in ("", "a", "سلام", "a\U0001f600", "\U0001f600", "中文", "x" * 1000 + "\U00010000")
)
has_astral = _has_astral_by_size if _SIZE_TRICK_HOLDS else _has_astral_by_search


def patterns_for(text: str) -> Patterns:
    """The searches to use on ``text`` (and on anything derived from it that stays the same length)."""
    return ANY_TEXT if has_astral(text) else BMP_TEXT


#: Finds a combining mark (any text).
ZERO_WIDTH_RE = ANY_TEXT.marks
#: Finds a code point that ``DISPLAY`` changes (controls, format characters…).
UNSAFE_RE = ANY_TEXT.unsafe
#: Finds a character that takes two cells.
WIDE_RE = ANY_TEXT.wide
#: Finds any character that has a mirror glyph.
MIRRORED_RE = ANY_TEXT.mirrored
#: Matches a whole text whose every level is 1 in a right-to-left paragraph:
#: only Arabic/Hebrew letters, marks, spaces and neutral punctuation — no
#: digits, no left-to-right letters, no controls.
SIMPLE_RTL_RE = re.compile(f"{char_set(_SIMPLE_RTL_POINTS)}*")
#: Finds any paired bracket.
BRACKET_RE = re.compile(char_set([ord(ch) for ch in list(OPENING) + list(CLOSING)]))
