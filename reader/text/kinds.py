"""What kinds of character a paragraph holds, asked once: its classes, marks, controls, brackets….

Before laying a paragraph out the engine asks a dozen questions of its
characters (all simple right-to-left text? any control or format character,
combining mark, mirrored or wide character?). Each is a regular expression
over the whole paragraph, 3–9 ns a character, and together they cost as
much as a step of the layout. When every code point of the paragraph is one
of the 256 that news text is made of (``bidi_props.NEWS_CHARS``) one pass of
a charmap codec (~2 ns a character) answers all of them: the paragraph
becomes one byte per code point, and each question is a ``bytes.translate``
that keeps only the bytes it asks about. Each set of bytes is taken from
the same searches (``patterns``) that answer for any other paragraph, so
both ways give the same answers; ``tests/test_kinds.py`` checks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .bidi_props import NEWS_CHARS, classes_of, classes_of_news_bytes, news_bytes
from .display import HARAKAT
from .patterns import ANY_TEXT, SIMPLE_RTL_RE, patterns_for


@dataclass(frozen=True, slots=True)
class Kinds:
    """What a paragraph's characters are (see the module's docstring)."""

    #: Bidi_Class letters, one a code point (``bidi_props.CLASS_CODE``).
    classes: str
    #: Only Arabic or Hebrew letters, marks, spaces and neutral punctuation: every level is 1 (``SIMPLE_RTL_RE``).
    simple_rtl: bool
    #: A control or format character (the display string shows or hides it).
    unsafe: bool
    #: A combining mark; ``marks_kept``: one that is not a haraka (the display keeps it when harakat are hidden).
    marks: bool
    marks_kept: bool
    mirrored: bool
    wide: bool
    #: A mark at the start or after a space: a cluster with no letter.
    bare_mark: bool
    #: A mark whose Bidi_Class is not NSM.
    strong_mark: bool
    #: Whitespace (Bidi_Class WS) other than the space.
    other_whitespace: bool


def _bytes_where(question: Callable[[str], object]) -> bytes:
    """The codec's bytes whose code point ``question`` says yes to."""
    return bytes(i for i, ch in enumerate(NEWS_CHARS) if question(ch))


def _all_but(wanted: bytes) -> bytes:
    return bytes(i for i in range(256) if i not in wanted)


# For each question, the bytes that do not answer it: ``codes.translate(None, those)`` keeps the ones that do.
# (For simple_rtl, the simple ones: a text is simple when deleting them leaves nothing.)
_SIMPLE = _bytes_where(SIMPLE_RTL_RE.fullmatch)
_NOT_UNSAFE = _all_but(_bytes_where(ANY_TEXT.unsafe.match))
_NOT_MARKS = _all_but(_bytes_where(ANY_TEXT.marks.match))
_NOT_MARKS_KEPT = _all_but(_bytes_where(lambda ch: ANY_TEXT.marks.match(ch) and ord(ch) not in HARAKAT))
_NOT_MIRRORED = _all_but(_bytes_where(ANY_TEXT.mirrored.match))
_NOT_WIDE = _all_but(_bytes_where(ANY_TEXT.wide.match))
_NOT_STRONG_MARKS = _all_but(_bytes_where(ANY_TEXT.strong_mark.match))
_NOT_OTHER_WHITESPACE = _all_but(_bytes_where(lambda ch: ch != " " and classes_of(ch) == "W"))
#: Marks as b"m", the space as b" ", anything else as b"x": a bare mark is then b" m" or a leading b"m".
_MARK_OR_SPACE = bytes(
    ord("m") if ANY_TEXT.marks.match(ch) else ord(" ") if ch == " " else ord("x") for ch in NEWS_CHARS
).ljust(256, b"x")


def kinds_of(text: str) -> Kinds:
    """What ``text``'s characters are: from the codec's bytes when it can, else from the searches."""
    codes = news_bytes(text)
    if codes is None:
        return _kinds_by_search(text)
    marks = bool(codes.translate(None, _NOT_MARKS))
    spacing = codes.translate(_MARK_OR_SPACE) if marks else b""
    return Kinds(
        classes=classes_of_news_bytes(codes),
        simple_rtl=not codes.translate(None, _SIMPLE),
        unsafe=bool(codes.translate(None, _NOT_UNSAFE)),
        marks=marks,
        marks_kept=marks and bool(codes.translate(None, _NOT_MARKS_KEPT)),
        mirrored=bool(codes.translate(None, _NOT_MIRRORED)),
        wide=bool(codes.translate(None, _NOT_WIDE)),
        bare_mark=spacing.startswith(b"m") or b" m" in spacing,
        strong_mark=marks and bool(codes.translate(None, _NOT_STRONG_MARKS)),
        other_whitespace=bool(codes.translate(None, _NOT_OTHER_WHITESPACE)),
    )


def _kinds_by_search(text: str) -> Kinds:
    """``kinds_of`` for a text with code points beyond the codec: one search per question."""
    patterns = patterns_for(text)
    marks = patterns.marks.search(text) is not None
    classes = classes_of(text)
    return Kinds(
        classes=classes,
        simple_rtl=SIMPLE_RTL_RE.fullmatch(text) is not None,
        unsafe=patterns.unsafe.search(text) is not None,
        marks=marks,
        marks_kept=marks and patterns.marks.search(text.translate(HARAKAT)) is not None,
        mirrored=patterns.mirrored.search(text) is not None,
        wide=patterns.wide.search(text) is not None,
        bare_mark=marks and (patterns.marks.match(text) is not None or _BARE_MARK_RE.search(text) is not None),
        strong_mark=marks and patterns.strong_mark.search(text) is not None,
        other_whitespace=classes.count("W") != text.count(" "),
    )


_BARE_MARK_RE = re.compile(f" (?:{ANY_TEXT.marks.pattern})")
