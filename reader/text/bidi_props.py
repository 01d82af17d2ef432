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

import codecs
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


def _classes_by_table(text: str) -> str:
    """``classes_of`` through ``CLASSES``, filling it for code points not seen before (~45 ns a character)."""
    classes = text.translate(CLASSES)
    if not classes.isascii():
        # Code points not in the table came through unchanged: add them and go again.
        for ch in set(classes):
            if ord(ch) >= 0x80:
                CLASSES[ord(ch)] = CLASS_CODE[bidi_class(ord(ch))]
        classes = text.translate(CLASSES)
    return classes


# The fast way: ``str.translate`` looks every non-ASCII character up in a dict, while a charmap codec
# looks it up in a C table (~2 ns a character). A codec maps at most 256 code points to distinct bytes,
# so it holds those news text is made of; ``bytes.translate`` then turns each byte into its class letter.
# Any other code point goes through the error handler, which writes in its place one of the table's
# code points with the same class.
_ASCII = "\x00" + "".join(chr(cp) for cp in (*range(0x09, 0x0E), *range(0x20, 0x7F)))  # not the rare controls
_FORMAT = "\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ARABIC = (
    "\u060c\u061b\u061f"  # ، ؛ ؟
    + "".join(chr(cp) for cp in range(0x0621, 0x063B))  # hamza … ghain
    + "".join(chr(cp) for cp in range(0x0640, 0x0660))  # tatweel, feh … yeh, the harakat and other marks
    + "".join(chr(cp) for cp in range(0x0660, 0x066D))  # Arabic-Indic digits, percent, decimal and thousands separators
    + "\u0670\u0671\u067e\u0686\u0698\u06a9\u06af\u06cc"  # superscript alef, alef wasla; Persian پ چ ژ ک گ ی
    + "".join(chr(cp) for cp in range(0x06F0, 0x06FA))  # Persian digits
    + "\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06d4"  # Urdu ٹ ڈ ڑ ں ھ ہ ے ۔
)
_HEBREW = "".join(chr(cp) for cp in range(0x05D0, 0x05EB))
_PUNCTUATION = "\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00b7\u00b0\u20ac"
#: The code points the codec holds, in the order of their bytes.
NEWS_CHARS = _ASCII + _FORMAT + _ARABIC + _HEBREW + _PUNCTUATION
_CODEC_MAP = codecs.charmap_build(NEWS_CHARS.ljust(256, "\ufffe"))  # U+FFFE: an unused byte
_BYTE_CLASSES = bytes(ord(CLASS_CODE[bidi_class(ord(ch))]) for ch in NEWS_CHARS).ljust(256, b"?")


def _stand_ins() -> bytes:
    """A ``bytes.translate`` table: class letter → the byte of a code point of the codec's table with that class."""
    table = bytearray(range(256))
    for index in reversed(range(len(NEWS_CHARS))):
        table[_BYTE_CLASSES[index]] = index
    return bytes(table)


_STAND_INS = _stand_ins()
_ERRORS = "qari.bidi-class"


def _stand_in(error: UnicodeError) -> tuple[bytes, int]:
    """The codec's error handler: for the rest of the text from the first code point its table lacks, the
    bytes of code points of the same classes. (The rest, not just that code point: a text full of such code
    points then costs one call, about what the dict alone costs.)"""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object
    return _classes_by_table(text[error.start :]).encode("ascii").translate(_STAND_INS), len(text)


codecs.register_error(_ERRORS, _stand_in)


def classes_of(text: str) -> str:
    """The Bidi_Class string of ``text``: same length, one letter per code point."""
    return classes_of_news_bytes(codecs.charmap_encode(text, _ERRORS, _CODEC_MAP)[0])


def news_bytes(text: str) -> bytes | None:
    """``text`` as the codec's bytes (byte *i* stands for ``NEWS_CHARS[i]``), or None when it holds another code point."""
    try:
        return codecs.charmap_encode(text, "strict", _CODEC_MAP)[0]
    except UnicodeEncodeError:
        return None


def classes_of_news_bytes(codes: bytes) -> str:
    """The Bidi_Class string of a text given as the codec's bytes."""
    return codes.translate(_BYTE_CLASSES).decode("ascii")


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
