"""What the terminal may be sent for article text, and how many cells it takes.

Article text can hold anything: escape sequences, bidi controls, wide
ideographs, combining marks. ``DISPLAY`` makes a string safe to send without
changing its length (so offsets carry over), and ``cell_width`` counts the
terminal cells of what is sent. Both are ``str.translate`` tables that fill
themselves on first use of a code point, so a whole line costs one call.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

#: Marks the second code point of a ligature and anything else that draws nothing.
HIDDEN = "\x00"


class _LazyTable(dict[int, str | None]):
    """A ``str.translate`` table that computes each entry the first time it is needed."""

    def __init__(self, compute: Callable[[int], str | None]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, cp: int) -> str | None:
        value = self._compute(cp)
        self[cp] = value
        return value


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
    return len(_WIDTH[ord(ch)] or "")
