"""The terminal around qari: its bidi mode and putting it back (``mode``), and ``qari doctor`` (``doctor``).

No Textual import. (Text is made safe to print by ``reader.text.sanitise``.)"""

from __future__ import annotations

from .mode import EXPLICIT_BIDI, IMPLICIT_BIDI, bidi_mode, exit_on_signals, terminal_hung_up

__all__ = ["EXPLICIT_BIDI", "IMPLICIT_BIDI", "bidi_mode", "exit_on_signals", "terminal_hung_up"]
