"""The terminal around qari: which one it is (``detect``), what it does with right-to-left text and what
qari does there (``profiles``, ``plan``, ``cells``), switching its own bidi off and back (``mode``), and
``qari doctor`` (``doctor``).

No Textual import. (Text is made safe to print by ``reader.text.sanitise``.)"""

from __future__ import annotations

from .mode import bidi_mode, exit_on_signals, switched, terminal_hung_up
from .profiles import EXPLICIT_BIDI, IMPLICIT_BIDI

__all__ = ["EXPLICIT_BIDI", "IMPLICIT_BIDI", "bidi_mode", "exit_on_signals", "switched", "terminal_hung_up"]
