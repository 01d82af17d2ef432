"""The terminal around the app: the bidi mode switch, and putting it back whatever happens.

Terminals that implement the bidi recommendation of the terminal working
group (VTE, mintty) reorder text themselves unless told the application
already did: ``CSI 8 l`` (BDSM reset, "explicit") says so, ``CSI 8 h`` gives
the terminal its own bidi back. qari sends the first when it starts in
``--bidi app`` mode and the second when it leaves: on quit, on Ctrl+C, on
SIGTERM or SIGHUP, and after a crash.
"""

from __future__ import annotations

import select
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

#: The application did the bidi: the terminal must show cells as they come.
EXPLICIT_BIDI = "\x1b[8l"
#: Give the terminal its own (implicit) bidi back.
IMPLICIT_BIDI = "\x1b[8h"


def _write(stream: TextIO | None, data: str) -> None:
    if stream is None:
        return
    try:
        if stream.isatty():
            stream.write(data)
            stream.flush()
    except (OSError, ValueError):
        pass  # the terminal is gone (SIGHUP): nothing left to restore


@contextmanager
def bidi_mode(mode: str, stream: TextIO | None = None) -> Iterator[None]:
    """Switch the terminal to explicit bidi for ``mode == "app"`` and always switch it back."""
    stream = stream if stream is not None else sys.__stderr__
    if mode != "app":
        yield
        return
    _write(stream, EXPLICIT_BIDI)
    try:
        yield
    finally:
        _write(stream, IMPLICIT_BIDI)


@contextmanager
def exit_on_signals(request_exit: Callable[[], None]) -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into an orderly exit, so ``finally`` blocks (and the terminal) run."""
    wanted = [sig for sig in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if sig]
    previous = {}
    for sig in wanted:
        try:
            previous[sig] = signal.signal(sig, lambda *_: request_exit())
        except (ValueError, OSError):
            pass  # not the main thread (tests): leave signals alone
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def terminal_hung_up(fd: int) -> bool:
    """True when the terminal on ``fd`` is gone (closed window, dropped SSH connection).

    The kernel sends SIGHUP only to the terminal's controlling process. Under
    ``make run`` that is make, which then waits for qari forever, while
    Textual's input thread spins on the dead terminal's end of file. Polling
    for POLLHUP (with no events asked for, so no input is taken from
    Textual) tells without the signal. False where it cannot be known.
    """
    if not hasattr(select, "poll"):
        return False
    try:
        poller = select.poll()
        poller.register(fd, 0)
        events = poller.poll(0)
    except (OSError, ValueError):
        return False
    gone = select.POLLHUP | select.POLLERR | select.POLLNVAL
    return any(mask & gone for _, mask in events)
