"""The terminal around the app: switching its own bidi off, and putting it back whatever happens.

Terminals that reorder text themselves are told qari already did, each in
its own words (``reader.terminal.profiles``: ``CSI 8 l`` for VTE and
mintty, ``OSC 50`` for Konsole, ``OSC 5379`` for mlterm), and given their
bidi back when qari leaves: on quit, on Ctrl+C, on SIGTERM or SIGHUP, after
a crash, and while the job is suspended.
"""

from __future__ import annotations

import select
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TextIO

from .profiles import EXPLICIT_BIDI, IMPLICIT_BIDI


def write_to_terminal(stream: TextIO | None, data: str) -> None:
    """Write ``data`` if ``stream`` is a terminal; a terminal that went away is not an error."""
    if stream is None or not data:
        return
    try:
        if stream.isatty():
            stream.write(data)
            stream.flush()
    except (OSError, ValueError):
        pass  # the terminal is gone (SIGHUP): nothing left to restore


@contextmanager
def switched(enter: str, leave: str, stream: TextIO | None = None) -> Iterator[None]:
    """Write ``enter`` to the terminal now and ``leave`` however the block ends (an error included)."""
    stream = stream if stream is not None else sys.__stderr__
    write_to_terminal(stream, enter)
    try:
        yield
    finally:
        write_to_terminal(stream, leave)


def bidi_mode(mode: str, stream: TextIO | None = None) -> AbstractContextManager[None]:
    """The generic switch: explicit bidi (``CSI 8 l``) for ``mode == "app"``, put back after; nothing otherwise."""
    if mode != "app":
        return switched("", "", stream)
    return switched(EXPLICIT_BIDI, IMPLICIT_BIDI, stream)


@contextmanager
def exit_on_signals(request_exit: Callable[[], None]) -> Iterator[None]:
    """Turn SIGTERM, SIGHUP and SIGINT into an orderly exit, so ``finally`` blocks (and the terminal) run.

    SIGINT comes only from ``kill -INT`` (in the reader ctrl+c is a key): left to Python, its
    KeyboardInterrupt lands anywhere in the event loop and can leave Textual's input thread
    holding the process open, with the terminal not put back (seen under load in the tests).
    """
    names = ("SIGTERM", "SIGHUP", "SIGINT")
    wanted = [sig for sig in (getattr(signal, name, None) for name in names) if sig]
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
