"""The one way qari makes text from outside safe to put on a terminal.

Article text, file names, config values, a page's metadata: any of them can
hold ESC, CSI, OSC 52 (write the clipboard) or a newline. Printed raw they
would drive the terminal or break a one-line message. Two needs, two
functions, one place:

- ``visible``: for text a reader looks at (a value in a report, a name in a
  list): every control character is drawn as its symbol (ESC as ␛), and
  format characters that draw nothing are left out. The text engine's
  ``DISPLAY`` table is the single definition of what counts as a control.
- ``copyable``: for the clipboard (``y``, ``Y`` in the reader): the
  article's own characters, with what only drives a display taken out
  (controls but tab and newline, bidi controls) and presentation forms
  turned back into the letters they draw, so a pasted quote is searchable.
- ``printable``: for one-line messages (errors, warnings): controls, DEL, C1
  and the line and paragraph separators are written as escapes (``\\x1b``,
  ``\\u2028``), and so are a file name's undecodable bytes (surrogate
  escapes, ``\\xff``), so the line says which character it was.

No Textual or Rich import.
"""

from __future__ import annotations

import os
import re
import unicodedata

from .unidata import DISPLAY, HIDDEN

__all__ = ["copyable", "printable", "visible"]

# Bidi controls (marks, embeddings, overrides, isolates): they say how to draw, not what was written.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Presentation forms (Arabic A and B, Hebrew): glyphs a text engine chose; NFKC gives back their letters.
_FORMS = [(0xFB1D, 0xFB4F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFE)]
_COPY = {
    **dict.fromkeys((*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)), None),  # tab and newline stay
    **dict.fromkeys(map(ord, _BIDI_CONTROLS), None),
    0xFEFF: None,  # a BOM inside the text draws nothing and means nothing
    **{
        code: unicodedata.normalize("NFKC", chr(code))
        for low, high in _FORMS
        for code in range(low, high + 1)
        if unicodedata.category(chr(code)) != "Cn"
    },
}

_JOINERS = ("\u200c", "\u200d")  # ZWNJ, ZWJ
_JOINER_RE = re.compile("([\u200c\u200d])")

_ONE_LINE = {
    **{code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))},
    0x2028: "\\u2028",
    0x2029: "\\u2029",
    **{0xDC80 + byte: f"\\x{byte + 0x80:02x}" for byte in range(0x80)},  # surrogateescape'd bytes of a name
}


def visible(text: object, *, joiners: bool = False) -> str:
    """``text`` as a terminal may show it: controls as visible symbols, invisible format characters out.

    ``joiners``: keep ZWNJ and ZWJ, for logical text that is written out as text (a pipe): they are part
    of how Persian and Urdu words are spelled (می‌گوید), and draw nothing themselves.
    """
    text = str(text)
    if joiners and _JOINER_RE.search(text):
        return "".join(part if part in _JOINERS else visible(part) for part in _JOINER_RE.split(text))
    return text.translate(DISPLAY).replace(HIDDEN, "")


def copyable(text: str) -> str:
    """``text`` for the clipboard: logical order as written, no controls, bidi marks or presentation forms.

    ZWJ and ZWNJ stay: they are spelling (Persian «می‌شود»), not display.
    """
    return text.translate(_COPY)


def printable(text: str | os.PathLike[str], limit: int | None = None) -> str:
    """``text`` for a one-line message: controls and undecodable name bytes as ``\\xNN`` escapes.

    ``limit``: at most this many characters, the last one ``…`` when cut.
    """
    flat = os.fspath(text).translate(_ONE_LINE)
    if limit is not None and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat
