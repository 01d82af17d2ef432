"""Unicode's bidi character properties as lookup tables: Bidi_Class, paired brackets, mirror glyphs.

The bidi algorithm (``bidi``) works on a paragraph's classes as one string
of letters, so Bidi_Class is exposed as a ``str.translate`` table
(``CLASSES``) rather than a function called per character. Brackets and
mirror glyphs serve rule N0 and rule L4.

Sources: Python's ``unicodedata`` (Bidi_Class, General_Category,
Bidi_Mirrored), python-bidi's copy of BidiMirroring.txt for mirror glyphs,
and the default Bidi_Class of unassigned code points from the header of
Unicode's DerivedBidiClass.txt (15.0).
"""

from __future__ import annotations

import unicodedata

from bidi.mirror import MIRRORED as _PY_BIDI_MIRRORED

# One letter per Bidi_Class, so a paragraph's classes form a string that the
# resolution rules can scan with regular expressions.
CLASS_CODE: dict[str, str] = {
    "L": "L",
    "R": "R",
    "AL": "A",
    "EN": "E",
    "ES": "P",
    "ET": "T",
    "AN": "N",
    "CS": "C",
    "NSM": "M",
    "BN": "b",
    "B": "B",
    "S": "S",
    "WS": "W",
    "ON": "O",
    "LRE": "1",
    "LRO": "2",
    "RLE": "3",
    "RLO": "4",
    "PDF": "5",
    "LRI": "6",
    "RLI": "7",
    "FSI": "8",
    "PDI": "9",
}

# Default Bidi_Class of code points unassigned in Python's Unicode version.
_DEFAULT_R = (
    (0x0590, 0x05FF),
    (0x07C0, 0x085F),
    (0xFB1D, 0xFB4F),
    (0x10800, 0x10CFF),
    (0x10D40, 0x10EBF),
    (0x10F00, 0x10F2F),
    (0x10F70, 0x10FFF),
    (0x1E800, 0x1EC6F),
    (0x1ECC0, 0x1ECFF),
    (0x1ED50, 0x1EDFF),
    (0x1EF00, 0x1EFFF),
)
_DEFAULT_AL = (
    (0x0600, 0x07BF),
    (0x0860, 0x08FF),
    (0xFB50, 0xFDCF),
    (0xFDF0, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10D00, 0x10D3F),
    (0x10EC0, 0x10EFF),
    (0x10F30, 0x10F6F),
    (0x1EC70, 0x1ECBF),
    (0x1ED00, 0x1ED4F),
    (0x1EE00, 0x1EEFF),
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
