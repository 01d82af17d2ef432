"""Textual's driver, with the terminal's own bidi switched off while qari holds the terminal.

Textual starts and stops "application mode" (alternate screen, raw input)
when the app starts and ends, and also around a suspended job (Ctrl+Z,
SIGTSTP, ``App.suspend``). The switch of ``reader.terminal.plan`` goes with
it: on while qari draws, back as it was whenever the terminal is handed
back, so a shell in between sees the terminal as the user set it up.
"""

from __future__ import annotations

import sys

from textual.driver import Driver

from ..terminal.mode import write_to_terminal


def switching_driver(base: type[Driver], enter: str, leave: str) -> type[Driver]:
    """``base`` that writes ``enter`` after starting application mode and ``leave`` after stopping it."""
    if not enter and not leave:
        return base

    class SwitchingDriver(base):  # type: ignore[valid-type,misc]
        def start_application_mode(self) -> None:
            super().start_application_mode()
            if enter:
                self.write(enter)  # in order with Textual's own output
                self.flush()

        def stop_application_mode(self) -> None:
            super().stop_application_mode()
            write_to_terminal(sys.__stderr__, leave)  # Textual's writer is stopped by now

    SwitchingDriver.__name__ = SwitchingDriver.__qualname__ = f"Switching{base.__name__}"
    return SwitchingDriver
