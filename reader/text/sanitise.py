"""The one way qari makes text from outside safe to put on a terminal.

Article text, file names, config values, a page's metadata: any of them can
hold ESC, CSI, OSC 52 (write the clipboard) or a newline. Printed raw they
would drive the terminal or break a one-line message. Two needs, two
functions, one place:

- ``visible``: for text a reader looks at (a value in a report, a name in a
  list): every control character is drawn as its symbol (ESC as ␛), and
  format characters that draw nothing are left out. The text engine's
  ``DISPLAY`` table is the single definition of what counts as a control.
- ``printable``: for one-line messages (errors, warnings): controls, DEL, C1
  and the line and paragraph separators are written as escapes (``\\x1b``,
  ``\\u2028``), and so are a file name's undecodable bytes (surrogate
  escapes, ``\\xff``), so the line says which character it was.

No Textual or Rich import.
"""

from __future__ import annotations

import os

from .unidata import DISPLAY, HIDDEN

__all__ = ["printable", "visible"]

_ONE_LINE = {
    **{code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))},
    0x2028: "\\u2028",
    0x2029: "\\u2029",
    **{0xDC80 + byte: f"\\x{byte + 0x80:02x}" for byte in range(0x80)},  # surrogateescape'd bytes of a name
}


def visible(text: object) -> str:
    """``text`` as a terminal may show it: controls as visible symbols, invisible format characters out."""
    return str(text).translate(DISPLAY).replace(HIDDEN, "")


def printable(text: str | os.PathLike[str], limit: int | None = None) -> str:
    """``text`` for a one-line message: controls and undecodable name bytes as ``\\xNN`` escapes.

    ``limit``: at most this many characters, the last one ``…`` when cut.
    """
    flat = os.fspath(text).translate(_ONE_LINE)
    if limit is not None and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat
