"""The bidi mode switch: sent when the reader starts, taken back however it ends."""

from __future__ import annotations

import io
import os
import pty
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pty_helpers import read_until

from reader.terminal import EXPLICIT_BIDI, IMPLICIT_BIDI, bidi_mode

ROOT = Path(__file__).resolve().parent.parent


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bidi_mode_app_switches_to_explicit_and_back_even_after_an_error() -> None:
    terminal = FakeTerminal()
    with pytest.raises(RuntimeError), bidi_mode("app", terminal):
        assert terminal.getvalue() == EXPLICIT_BIDI
        raise RuntimeError("crash")
    assert terminal.getvalue() == EXPLICIT_BIDI + IMPLICIT_BIDI


def test_bidi_mode_terminal_sends_nothing() -> None:
    terminal = FakeTerminal()
    with bidi_mode("terminal", terminal):
        pass
    assert terminal.getvalue() == ""


def test_bidi_mode_writes_nothing_to_a_pipe() -> None:
    pipe = io.StringIO()  # isatty() is False
    with bidi_mode("app", pipe):
        pass
    assert pipe.getvalue() == ""


def _start_reader(article: Path) -> tuple[subprocess.Popen[bytes], int]:
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    process = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", str(article)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    return process, master


@pytest.mark.parametrize("how", ["quit key", "SIGTERM"])
def test_reader_restores_the_terminal_bidi_mode_when_it_ends(tmp_path: Path, how: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("قال المتحدث إن الاجتماع انتهى.\n", encoding="utf-8")
    process, master = _start_reader(article)
    try:
        seen = read_until(master, "ﻝﺎﻗ".encode(), 20)
        assert EXPLICIT_BIDI.encode() in seen, seen[-300:]
        if how == "quit key":
            os.write(master, b"q")
        else:
            process.send_signal(signal.SIGTERM)
        rest = read_until(master, IMPLICIT_BIDI.encode(), 20)
        process.wait(timeout=20)
        assert IMPLICIT_BIDI.encode() in rest
        assert b"Traceback" not in seen + rest
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)


def test_terminal_hung_up_tells_a_closed_terminal_from_a_live_one() -> None:
    from reader.terminal import terminal_hung_up

    master, slave = pty.openpty()
    try:
        assert not terminal_hung_up(slave)
        os.close(master)
        assert terminal_hung_up(slave)
    finally:
        os.close(slave)


def test_the_reader_leaves_when_its_terminal_goes_away_without_a_sighup(tmp_path: Path) -> None:
    # No controlling terminal here (the pty is handed over, not opened by a session leader), so closing
    # it sends qari no SIGHUP: what happens to it under `make run`, where make gets the signal and waits.
    article = tmp_path / "a.txt"
    article.write_text("قال المتحدث إن الاجتماع انتهى.\n", encoding="utf-8")
    process, master = _start_reader(article)
    try:
        assert "ﻝﺎﻗ".encode() in read_until(master, "ﻝﺎﻗ".encode(), 20)
        os.close(master)
        process.wait(timeout=15)  # before the fix it stayed, its input thread spinning on the dead terminal
    finally:
        if process.poll() is None:
            process.kill()
