"""Under a real pty: the bytes qari sends to each kind of terminal at start, and on every way out.

The terminal is told by its variables (as Konsole, mlterm, VTE and kitty
set them); nothing answers qari's questions here, so each start waits out
the answer timeout.
"""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pty_helpers import read_until

from reader.terminal.profiles import (
    EXPLICIT_BIDI,
    IMPLICIT_BIDI,
    KONSOLE_BIDI_OFF,
    KONSOLE_BIDI_ON,
    MLTERM_BIDI_OFF,
    MLTERM_BIDI_ON,
)

ROOT = Path(__file__).resolve().parent.parent
#: What the reader's first screen holds: قال shaped, in visual order.
DRAWN = "ﻝﺎﻗ".encode()
#: Variables that would tell qari about the terminal running the tests.
TERMINAL_VARIABLES = (
    "TMUX",
    "STY",
    "TERM_PROGRAM",
    "KONSOLE_VERSION",
    "VTE_VERSION",
    "KITTY_WINDOW_ID",
    "MLTERM",
    "WT_SESSION",
    "ALACRITTY_WINDOW_ID",
    "XTERM_VERSION",
)
#: Run the reader with a callback that fails after the first paint: a crash inside the app.
CRASHING = (
    "import sys; from reader.ui.app import QariApp; mounted = QariApp.on_mount\n"
    "def on_mount(self):\n"
    "    mounted(self); self.set_timer(0.3, lambda: 1 / 0)\n"
    "QariApp.on_mount = on_mount\n"
    "from reader.cli import main; sys.exit(main(sys.argv[1:]))\n"
)


def _start(
    article: Path, env: dict[str, str], tmp_path: Path, crash: bool = False
) -> tuple[subprocess.Popen[bytes], int]:
    master, slave = pty.openpty()
    clean = {k: v for k, v in os.environ.items() if k not in TERMINAL_VARIABLES and not k.startswith("SSH_")}
    clean.update(TERM="xterm-256color", COLUMNS="80", LINES="24", QARI_CONFIG_DIR=str(tmp_path / "config"))
    clean.update(env)
    command = [sys.executable, "-c", CRASHING] if crash else [sys.executable, "-m", "reader.cli"]
    process = subprocess.Popen(
        [*command, str(article)], stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=clean, start_new_session=True
    )
    os.close(slave)
    return process, master


def _wait_until_stopped(pid: int, seconds: float = 20) -> None:
    """Wait until the process is stopped (state T in /proc; where there is no /proc, a moment)."""
    stat = Path(f"/proc/{pid}/stat")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = stat.read_text().rpartition(")")[2].split()[0]
        except OSError:
            time.sleep(0.5)
            return
        if state == "T":
            return
        time.sleep(0.02)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("قال المتحدث إن الاجتماع انتهى.\n", encoding="utf-8")
    return path


def _end(process: subprocess.Popen[bytes], master: int, how: str) -> None:
    if how == "quit key":
        os.write(master, b"q")
    elif how == "crash":
        pass  # it fails by itself
    else:
        process.send_signal({"SIGTERM": signal.SIGTERM, "SIGHUP": signal.SIGHUP, "SIGINT": signal.SIGINT}[how])


@pytest.mark.parametrize("how", ["quit key", "SIGTERM", "SIGHUP", "SIGINT", "crash"])
def test_konsoles_bidi_is_switched_off_at_start_and_back_on_every_way_out(
    article: Path, tmp_path: Path, how: str
) -> None:
    process, master = _start(article, {"KONSOLE_VERSION": "221203"}, tmp_path, crash=how == "crash")
    try:
        seen = read_until(master, DRAWN, 20)
        assert KONSOLE_BIDI_OFF.encode() in seen, seen[-300:]
        assert seen.index(KONSOLE_BIDI_OFF.encode()) < seen.index(DRAWN)
        _end(process, master, how)
        rest = read_until(master, KONSOLE_BIDI_ON.encode(), 20)
        process.wait(timeout=20)
        assert KONSOLE_BIDI_ON.encode() in rest, rest[-300:]
        if how != "crash":
            assert b"Traceback" not in seen + rest
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)


def test_a_suspended_reader_gives_the_terminal_its_bidi_back_until_it_resumes(article: Path, tmp_path: Path) -> None:
    process, master = _start(article, {"KONSOLE_VERSION": "221203"}, tmp_path)
    try:
        assert DRAWN in read_until(master, DRAWN, 20)
        read_until(master, b"never", 1)  # let the first screen settle: Textual suspends from a signal handler
        process.send_signal(signal.SIGTSTP)
        assert KONSOLE_BIDI_ON.encode() in read_until(master, KONSOLE_BIDI_ON.encode(), 20)
        _wait_until_stopped(process.pid)  # a SIGCONT before its own SIGSTOP lands would be lost
        process.send_signal(signal.SIGCONT)
        assert KONSOLE_BIDI_OFF.encode() in read_until(master, KONSOLE_BIDI_OFF.encode(), 20)
        os.write(master, b"q")
        assert KONSOLE_BIDI_ON.encode() in read_until(master, KONSOLE_BIDI_ON.encode(), 20)
        process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)


@pytest.mark.parametrize(
    ("env", "switch_off", "switch_on"),
    [
        ({"MLTERM": "3.9.0", "TERM": "mlterm"}, MLTERM_BIDI_OFF, MLTERM_BIDI_ON),
        ({"VTE_VERSION": "7006"}, EXPLICIT_BIDI, IMPLICIT_BIDI),
        ({}, EXPLICIT_BIDI, IMPLICIT_BIDI),  # an unknown terminal gets the standard switch
        (
            {"TMUX": "/nonexistent/tmux,1,0", "KONSOLE_VERSION": "221203"},
            "\x1bPtmux;\x1b\x1b]50;BidiRenderingEnabled=false\x07\x1b\\",
            "\x1bPtmux;\x1b\x1b]50;BidiRenderingEnabled=true\x07\x1b\\",
        ),
    ],
    ids=["mlterm", "vte", "unknown", "konsole-in-tmux"],
)
def test_each_terminal_gets_its_own_switch_and_its_way_back(
    article: Path, tmp_path: Path, env: dict[str, str], switch_off: str, switch_on: str
) -> None:
    process, master = _start(article, env, tmp_path)
    try:
        seen = read_until(master, DRAWN, 20)
        assert switch_off.encode() in seen and seen.index(switch_off.encode()) < seen.index(DRAWN)
        os.write(master, b"q")
        rest = read_until(master, switch_on.encode(), 20)
        process.wait(timeout=20)
        assert switch_on.encode() in rest
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)


def test_kitty_is_sent_no_switch_it_does_not_know(article: Path, tmp_path: Path) -> None:
    process, master = _start(article, {"KITTY_WINDOW_ID": "1", "TERM": "xterm-kitty"}, tmp_path)
    try:
        seen = read_until(master, DRAWN, 20)
        os.write(master, b"q")
        seen += read_until(master, b"\x1b[?1049l", 20)
        process.wait(timeout=20)
        for sequence in (EXPLICIT_BIDI, IMPLICIT_BIDI, KONSOLE_BIDI_OFF, MLTERM_BIDI_OFF):
            assert sequence.encode() not in seen
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
