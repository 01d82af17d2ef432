"""The terminal around qari: its bidi mode and putting it back (``mode``), ``qari doctor`` (``doctor``),
and the one way text is made safe to print (``sanitise``). No Textual import."""

from __future__ import annotations

from .mode import EXPLICIT_BIDI, IMPLICIT_BIDI, bidi_mode, exit_on_signals, terminal_hung_up

__all__ = ["EXPLICIT_BIDI", "IMPLICIT_BIDI", "bidi_mode", "exit_on_signals", "terminal_hung_up"]
