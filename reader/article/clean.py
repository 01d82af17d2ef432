"""Control characters out of text that came from outside: saved pages, headers, the web.

A page can carry terminal escapes as entities (``&#27;]52;…`` writes the
clipboard when printed); once decoded they are ordinary characters of the
extracted story. Text from a page or a header is stored in a file and shown
and exported later, so controls are taken out when it comes in. (Article files
themselves keep theirs: their offsets must not move, and the text engine draws
them as visible symbols.)
"""

from __future__ import annotations

import re

__all__ = ["one_line", "strip_controls"]

# C0 (but tab and newline), DEL and C1: nothing a news story needs.
_CONTROLS_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES_RE = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """``text`` without C0/C1 controls and DEL; tabs and newlines stay, CR becomes a newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS_RE.sub("", text)


def one_line(text: str) -> str:
    """A metadata value on one line: controls out, every run of white space one space, trimmed."""
    return _SPACES_RE.sub(" ", strip_controls(text)).strip()
