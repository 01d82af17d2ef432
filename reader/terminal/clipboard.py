"""Copying to the clipboard through the terminal (OSC 52), also over SSH and inside tmux or screen.

A terminal program has no clipboard of its own; OSC 52 asks the terminal to
set the system's. It travels with the rest of the output, so it works over
SSH, where no local clipboard tool could. Textual's ``App.copy_to_clipboard``
writes it plainly (``ESC ] 52 ; c ; base64 BEL``). Inside a multiplexer that
is not always enough:

- tmux takes a plain OSC 52 itself when its ``set-clipboard`` is ``on``: the
  text becomes a paste buffer (``tmux show-buffer``) and tmux passes it on to
  the terminal around it. With ``external`` (tmux's default) or ``off`` it
  drops a program's OSC 52, so qari also sends it wrapped in tmux's
  passthrough (``ESC P tmux; … ESC \\``, when ``allow-passthrough`` lets it
  through), straight to the outer terminal. When tmux can't be asked, both
  go: the same text set twice does no harm.
- GNU screen passes nothing on by itself; its passthrough (``ESC P … ESC \\``)
  takes at most 768 bytes a string, so the sequence goes in pieces (as the
  osc52 plugins of vim and Emacs send it).

``sequences`` is pure; ``sequences_here`` asks the tmux qari runs in (at
each copy: the user may have just changed ``set-clipboard``).
"""

from __future__ import annotations

import base64

from .detect import run_command
from .here import tmux_passthrough_allowed
from .plan import passthrough

__all__ = ["SCREEN_PIECE", "osc52", "sequences", "sequences_here", "tmux_set_clipboard"]

SCREEN_PIECE = 76  # base64 characters per screen passthrough string (well under its 768-byte limit)


def osc52(text: str) -> str:
    """The OSC 52 sequence that sets the clipboard to ``text`` (UTF-8), as Textual writes it."""
    return f"\x1b]52;c;{base64.b64encode(text.encode('utf-8')).decode('ascii')}\a"


def _screen_pieces(text: str) -> str:
    """OSC 52 split across screen's passthrough strings; the terminal sees one sequence."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    pieces = [data[i : i + SCREEN_PIECE] for i in range(0, len(data), SCREEN_PIECE)] or [""]
    return "\x1bP\x1b]52;c;" + "\x1b\\\x1bP".join(pieces) + "\a\x1b\\"


def sequences(text: str, inside: str = "", *, tmux_clipboard: str = "", passthrough_allowed: bool = True) -> str:
    """What to write, besides Textual's plain OSC 52, so that ``text`` reaches the clipboard.

    ``inside``: ``tmux``, ``screen`` or ``""``; ``tmux_clipboard``: tmux's
    ``set-clipboard`` (``on``, ``external``, ``off``; ``""`` when unknown).
    """
    if inside == "screen":
        return _screen_pieces(text)
    if inside == "tmux" and tmux_clipboard != "on" and passthrough_allowed:
        return passthrough(osc52(text), "tmux")
    return ""


def tmux_set_clipboard() -> str:
    """tmux's ``set-clipboard`` (a server option), or ``""`` when tmux does not answer."""
    return run_command(["tmux", "show-options", "-sv", "set-clipboard"]).strip()


def sequences_here(text: str, inside: str) -> str:
    """``sequences`` for the multiplexer qari runs in, its options read now (two quick ``tmux`` calls)."""
    if inside != "tmux":
        return sequences(text, inside)
    clipboard = tmux_set_clipboard()
    allowed = clipboard == "on" or tmux_passthrough_allowed()
    return sequences(text, inside, tmux_clipboard=clipboard, passthrough_allowed=allowed)
