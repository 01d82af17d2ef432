"""Character properties the engine needs, as fast lookup tables.

The engine works on whole strings with ``str.translate`` and regular
expressions, so every per-character property here is exposed as a
translation table (a dict that fills itself on first use of a code point)
rather than as a function called per character.

Sources: Python's ``unicodedata`` (Bidi_Class, General_Category, East Asian
Width, Bidi_Mirrored), python-bidi's copy of BidiMirroring.txt for mirror
glyphs, and the default Bidi_Class of unassigned code points from the header
of Unicode's DerivedBidiClass.txt (15.0).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import Callable

from bidi.mirror import MIRRORED as _PY_BIDI_MIRRORED

# One letter per Bidi_Class, so a paragraph's classes form a string that the
# resolution rules can scan with regular expressions.
CLASS_CODE: dict[str, str] = {
    "L": "L", "R": "R", "AL": "A", "EN": "E", "ES": "P", "ET": "T", "AN": "N",
    "CS": "C", "NSM": "M", "BN": "b", "B": "B", "S": "S", "WS": "W", "ON": "O",
    "LRE": "1", "LRO": "2", "RLE": "3", "RLO": "4", "PDF": "5",
    "LRI": "6", "RLI": "7", "FSI": "8", "PDI": "9",
}

# Default Bidi_Class of code points unassigned in Python's Unicode version.
_DEFAULT_R = (
    (0x0590, 0x05FF), (0x07C0, 0x085F), (0xFB1D, 0xFB4F), (0x10800, 0x10CFF),
    (0x10D40, 0x10EBF), (0x10F00, 0x10F2F), (0x10F70, 0x10FFF),
    (0x1E800, 0x1EC6F), (0x1ECC0, 0x1ECFF), (0x1ED50, 0x1EDFF), (0x1EF00, 0x1EFFF),
)
_DEFAULT_AL = (
    (0x0600, 0x07BF), (0x0860, 0x08FF), (0xFB50, 0xFDCF), (0xFDF0, 0xFDFF),
    (0xFE70, 0xFEFF), (0x10D00, 0x10D3F), (0x10EC0, 0x10EFF), (0x10F30, 0x10F6F),
    (0x1EC70, 0x1ECBF), (0x1ED00, 0x1ED4F), (0x1EE00, 0x1EEFF),
)


def _in(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def bidi_class(cp: int) -> str:
    """Bidi_Class of a code point, with Unicode's defaults for unassigned ones."""
    name = unicodedata.bidirectional(chr(cp))
    if name:
        return name
    if (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF or 0xE0000 <= cp <= 0xE0FFF:
        return "BN"
    if _in(cp, _DEFAULT_R):
        return "R"
    if _in(cp, _DEFAULT_AL):
        return "AL"
    if 0x20A0 <= cp <= 0x20CF:
        return "ET"
    return "L"


class _LazyTable(dict):
    """A ``str.translate`` table that computes each entry the first time it is needed."""

    def __init__(self, compute: Callable[[int], str | None]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, cp: int) -> str | None:
        value = self._compute(cp)
        self[cp] = value
        return value


#: ``text.translate(CLASSES)`` gives one class letter (see CLASS_CODE) per code point.
#: A plain dict (``str.translate`` is a third faster with one than with a
#: subclass), filled ahead for ASCII, Hebrew and Arabic and on demand otherwise.
CLASSES: dict[int, str] = {cp: CLASS_CODE[bidi_class(cp)] for cp in (*range(0x80), *range(0x590, 0x700))}


def classes_of(text: str) -> str:
    """The Bidi_Class string of ``text``: same length, one letter per code point."""
    classes = text.translate(CLASSES)
    if not classes.isascii():
        # Code points not in the table came through unchanged: add them and go again.
        for ch in set(classes):
            if ord(ch) >= 0x80:
                CLASSES[ord(ch)] = CLASS_CODE[bidi_class(ord(ch))]
        classes = text.translate(CLASSES)
    return classes


# --- Mirroring and brackets -------------------------------------------------

def _bracket_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        if unicodedata.category(ch) != "Ps" or not unicodedata.mirrored(ch):
            continue
        partner = _PY_BIDI_MIRRORED.get(ch)
        if partner is None and unicodedata.category(chr(cp + 1)) == "Pe":
            partner = chr(cp + 1)
        if partner is not None:
            pairs[ch] = partner
    return pairs


#: Opening bracket → closing bracket (Bidi_Paired_Bracket, derived; 64 pairs).
OPENING: dict[str, str] = _bracket_pairs()
#: Closing bracket → opening bracket.
CLOSING: dict[str, str] = {close: open_ for open_, close in OPENING.items()}
# N0 compares brackets by canonical equivalence: U+2329/232A ≡ U+3008/3009.
BRACKET_CANON: dict[str, str] = {"\u2329": "\u3008", "\u232a": "\u3009"}

#: Bidi_Mirroring_Glyph: the character drawn instead in a right-to-left run.
MIRROR: dict[str, str] = dict(_PY_BIDI_MIRRORED)
for _o, _c in OPENING.items():
    MIRROR.setdefault(_o, _c)
    MIRROR.setdefault(_c, _o)

#: ``str.translate`` table that mirrors every character that has a mirror glyph.
MIRROR_TABLE = {ord(k): v for k, v in MIRROR.items()}



# --- Cell widths and what the terminal may see ------------------------------

#: Marks the second code point of a ligature and anything else that draws nothing.
HIDDEN = "\x00"

_CONTROL_PICTURES = {cp: chr(0x2400 + cp) for cp in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"


def display_char(cp: int) -> str:
    """What the terminal is sent for one logical code point (before shaping).

    Control characters become visible symbols (ESC → ␛) so article text can
    never move the cursor or talk to the terminal; format characters (bidi
    controls, ZWJ, BOM…) draw nothing and become HIDDEN.
    """
    if cp == 0x09:
        return " "
    if cp in _CONTROL_PICTURES:
        return _CONTROL_PICTURES[cp]
    if 0x80 <= cp <= 0x9F:
        return "\ufffd"
    category = unicodedata.category(chr(cp))
    if category in ("Cf", "Zl", "Zp") or cp in (0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0):
        return HIDDEN
    if category == "Cs" or (cp & 0xFFFE) == 0xFFFE:
        return "\ufffd"
    return chr(cp)


#: ``text.translate(DISPLAY)`` makes text safe to show: same length, controls visible.
DISPLAY = _LazyTable(display_char)


def _cells(cp: int) -> str:
    """Translation to a string whose length is the cell width of the code point."""
    ch = chr(cp)
    if ch == HIDDEN:
        return ""
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf") or 0x1160 <= cp <= 0x11FF:
        return ""
    # As the ``wide`` table: assigned wide characters, and planes 2-3 (ideographs to come). Python calls
    # other unassigned code points "F" too; terminals draw them in one cell.
    if (category != "Cn" and unicodedata.east_asian_width(ch) in ("W", "F")) or 0x20000 <= cp <= 0x3FFFD:
        return "ww"
    return ch


_WIDTH = _LazyTable(_cells)


def cell_width(display: str) -> int:
    """Terminal cells taken by an already display-safe string."""
    return len(display.translate(_WIDTH))


def char_cells(ch: str) -> int:
    """Cells of one display character: 0, 1 or 2."""
    return len(_WIDTH[ord(ch)])


def _scan_planes() -> range:
    """Code points worth scanning for property tables: planes 0–1 and the tag/variation plane."""
    return range(0x20000)


Ranges = tuple[tuple[int, int], ...]


def _to_ranges(points: list[int]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for cp in sorted(set(points)):
        if out and out[-1][1] == cp - 1:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return tuple(out)


def _class_body(ranges: Ranges) -> str:
    return "".join(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
                   for lo, hi in ranges)


def _split_bmp(ranges: Ranges) -> tuple[Ranges, Ranges]:
    bmp = tuple((lo, min(hi, 0xFFFF)) for lo, hi in ranges if lo <= 0xFFFF)
    astral = tuple((max(lo, 0x10000), hi) for lo, hi in ranges if hi >= 0x10000)
    return bmp, astral


def char_set(points: list[int] | Ranges) -> str:
    """A regular expression matching one of ``points`` (code points or ranges), fast on ordinary text.

    ``re`` tests a character class holding code points beyond the BMP range by
    range, one after another (measured: ~45 ns a character against ~7 ns for
    a BMP-only class, which is a bitmap). So the rare astral code points get a
    class of their own behind a one-range guard.
    """
    ranges = _to_ranges(points) if points and isinstance(points[0], int) else tuple(points)  # type: ignore[arg-type]
    bmp, astral = _split_bmp(ranges)  # type: ignore[arg-type]
    if not astral:
        return f"[{_class_body(bmp)}]"
    guarded = f"(?=[\\U00010000-\\U0010ffff])[{_class_body(astral)}]"
    if not bmp:
        return f"(?:{guarded})"
    return f"(?:[{_class_body(bmp)}]|{guarded})"


def not_in(char_set_pattern: str) -> str:
    """One character that ``char_set_pattern`` does not match."""
    return f"(?:(?!{char_set_pattern})[\\s\\S])"


def _tables() -> tuple[list[int], list[int], list[int], list[int]]:
    """Code points of combining marks, of what DISPLAY changes, of simple RTL text, of wide characters."""
    marks: list[int] = list(range(0x1160, 0x1200)) + list(range(0xE0100, 0xE01F0))
    unsafe: list[int] = list(range(0xE0000, 0xE0100))
    # Noncharacters beyond the planes scanned below (U+2FFFE … U+10FFFF): DISPLAY shows them as U+FFFD too.
    unsafe += [plane << 16 | low for plane in range(2, 17) for low in (0xFFFE, 0xFFFF)]
    simple_rtl: list[int] = [0x20]
    wide: list[int] = list(range(0x20000, 0x3FFFE))
    rtl_ok = {"AL", "R", "NSM", "ON", "CS", "ET", "ES"}
    for cp in _scan_planes():
        ch = chr(cp)
        category = unicodedata.category(ch)
        if category in ("Mn", "Me"):
            marks.append(cp)
        if display_char(cp) != ch:
            unsafe.append(cp)
        elif cp < 0x10000 and bidi_class(cp) in rtl_ok:
            simple_rtl.append(cp)
        if category != "Cn" and unicodedata.east_asian_width(ch) in ("W", "F"):
            wide.append(cp)
    return marks, unsafe, simple_rtl, wide


def computed_tables() -> dict[str, tuple[tuple[int, int], ...]]:
    """The property tables as code-point ranges, computed from ``unicodedata`` (~0.4 s)."""
    marks, unsafe, simple_rtl, wide = _tables()
    return {"marks": _to_ranges(marks), "unsafe": _to_ranges(unsafe),
            "simple_rtl": _to_ranges(simple_rtl), "wide": _to_ranges(wide)}


def _load_tables() -> dict[str, tuple[tuple[int, int], ...]]:
    """The tables from ``_tables.py`` when it was made from this Unicode version, else computed."""
    try:
        from . import _tables as stored
    except ImportError:
        return computed_tables()
    if stored.UNICODE_VERSION != unicodedata.unidata_version:
        return computed_tables()
    return stored.TABLES


def write_tables(path: str) -> None:
    """Write ``_tables.py`` (run ``python -m reader.text.unidata``): a start-up cache, checked by a test."""
    tables = computed_tables()
    lines = [
        '"""Generated by ``python -m reader.text.unidata`` from Python\'s unicodedata; do not edit.',
        "",
        "Code-point ranges of the engine's character tables, so that importing the",
        "engine does not scan Unicode (~0.4 s). tests/test_unidata.py checks that",
        "this file equals what ``unidata.computed_tables()`` gives.",
        '"""',
        "",
        f"UNICODE_VERSION = {unicodedata.unidata_version!r}",
        "TABLES = {",
    ]
    for name, ranges in tables.items():
        lines.append(f"    {name!r}: (")
        row: list[str] = []
        for lo, hi in ranges:
            row.append(f"(0x{lo:X}, 0x{hi:X}),")
            if len(row) == 6:
                lines.append("        " + " ".join(row))
                row = []
        if row:
            lines.append("        " + " ".join(row))
        lines.append("    ),")
    lines.append("}")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


_TABLES = _load_tables()
_MARK_POINTS = _TABLES["marks"]
_UNSAFE_POINTS = _TABLES["unsafe"]
_SIMPLE_RTL_POINTS = _TABLES["simple_rtl"]
_WIDE_POINTS = _TABLES["wide"]


def _bmp(ranges: Ranges) -> Ranges:
    return _split_bmp(ranges)[0]


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
    #: A character with its marks, hidden tails and format characters (one cell-map cluster).
    cluster: re.Pattern[str]
    #: Marks (and hidden characters) before their letter, as a reversed run leaves them.
    marks_first: re.Pattern[str]
    #: A line that starts with a mark that has no letter to sit on.
    lone_mark: re.Pattern[str]

    @classmethod
    def build(cls, astral: bool) -> Patterns:
        pick = (lambda points: points) if astral else _bmp
        marks = char_set(pick(_MARK_POINTS))
        if astral:
            draws_nothing = f"(?:{marks}|\\x00)"
            draws = not_in(draws_nothing)
        else:
            # One class each way: a lookahead or an alternation costs ~80x here (588 ns a character).
            body = _class_body(_bmp(_MARK_POINTS))
            draws_nothing, draws = f"[\\x00{body}]", f"[^\\x00{body}]"
        return cls(
            marks=re.compile(marks),
            unsafe=re.compile(char_set(pick(_UNSAFE_POINTS))),
            wide=re.compile(char_set(pick(_WIDE_POINTS))),
            mirrored=re.compile(char_set(pick(_to_ranges([ord(ch) for ch in MIRROR])))),
            cluster=re.compile(f"{draws}{draws_nothing}*|{draws_nothing}+"),
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


if __name__ == "__main__":
    import os

    write_tables(os.path.join(os.path.dirname(os.path.abspath(__file__)), "_tables.py"))
