"""Which terminal qari runs in, and how it knows.

The environment says it best where it says anything: Konsole, VTE, kitty,
mlterm, macOS Terminal, iTerm2, WezTerm and others set a variable of their
own. Over SSH those variables stay behind (only ``TERM`` travels) and inside
tmux or screen they may belong to another terminal than the one attached
now, so qari also asks: tmux knows its client's terminal (it asks it for its
version itself), and a terminal answers XTVERSION (``CSI > 0 q``), the
secondary device attributes (``CSI > c``) and DECRQM for the bidi mode
(``CSI 8 $ p``). Locally, the process that owns the terminal is one of
qari's ancestors. Answers measured on the terminals in docs/terminals.md.

All of it is pure parsing of what was read, except ``ask_terminal``,
``tmux_client`` and ``ancestors``, which do the reading.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..text.sanitise import printable
from .profiles import PROFILES, UNKNOWN, Terminal

#: XTVERSION, secondary device attributes, DECRQM for mode 8; primary device attributes last, since every
#: terminal answers it: its answer ends the wait without the timeout.
QUERIES = b"\x1b[>0q\x1b[>c\x1b[8$p\x1b[c"
#: Longest wait for the answers (over SSH they take a round trip); a terminal answers in a few ms locally.
ANSWER_TIMEOUT = 0.5

_DA1_RE = re.compile(rb"\x1b\[\?[\d;]*c")
_XTVERSION_RE = re.compile(rb"\x1bP>\|([^\x1b]*)\x1b\\")
_DA2_RE = re.compile(rb"\x1b\[>([\d;]*)c")
_DECRQM8_RE = re.compile(rb"\x1b\[8;(\d)\$y")


@dataclass(frozen=True, slots=True)
class Found:
    """The terminal qari believes it runs in."""

    terminal: Terminal
    how: str
    """How qari knows, for ``qari doctor``: "KONSOLE_VERSION is set", "it answered 'kitty(0.26.5)'", …"""
    inside: str = ""
    """``tmux`` or ``screen`` when qari runs inside one: the terminal is the one around it."""


# --- the environment -------------------------------------------------------------------------------------------

#: TERM_PROGRAM values → profile names.
_TERM_PROGRAMS = {
    "Apple_Terminal": "apple-terminal",
    "iTerm.app": "iterm2",
    "WezTerm": "wezterm",
    "vscode": "vscode",
    "ghostty": "ghostty",
    "mintty": "mintty",
}
#: Variables only one terminal sets, checked in this order.
_MARKERS = (
    ("KITTY_WINDOW_ID", "kitty"),
    ("KONSOLE_VERSION", "konsole"),
    ("MLTERM", "mlterm"),
    ("VTE_VERSION", "vte"),
    ("WT_SESSION", "windows-terminal"),
    ("ALACRITTY_WINDOW_ID", "alacritty"),
    ("XTERM_VERSION", "xterm"),
)
#: TERM prefixes that name a terminal (the rest, "xterm-256color" above all, are borrowed).
_TERMS = (
    ("xterm-kitty", "kitty"),
    ("xterm-ghostty", "ghostty"),
    ("alacritty", "alacritty"),
    ("foot", "foot"),
    ("mlterm", "mlterm"),
    ("rxvt-unicode", "urxvt"),
    ("st-", "st"),
    ("wezterm", "wezterm"),
    ("linux", "linux"),
    ("mintty", "mintty"),
)


def multiplexer(env: Mapping[str, str]) -> str:
    """``tmux`` or ``screen`` when qari runs inside one of them, else ``""``."""
    if env.get("TMUX"):
        return "tmux"
    if env.get("STY"):
        return "screen"
    return ""


def _found(name: str, how: str, inside: str = "") -> Found:
    return Found(PROFILES[name], how, inside)


def from_environment(env: Mapping[str, str]) -> Found | None:
    """The terminal the environment names, or None when it names none."""
    inside = multiplexer(env)
    program = env.get("TERM_PROGRAM", "")
    if program in _TERM_PROGRAMS:
        return _found(_TERM_PROGRAMS[program], f"TERM_PROGRAM is {program}", inside)
    for variable, name in _MARKERS:
        if env.get(variable):
            return _found(name, f"{variable} is set", inside)
    term = env.get("TERM", "")
    if not inside:  # inside tmux or screen, TERM names the multiplexer
        for prefix, name in _TERMS:
            if term == prefix or term.startswith(prefix if prefix.endswith("-") else prefix + "-"):
                return _found(name, f"TERM is {printable(term, limit=40)}", inside)
    return None


# --- the terminal's answers ------------------------------------------------------------------------------------

#: XTVERSION answers (their start) → profile names.
_VERSIONS = (
    ("XTerm(", "xterm"),
    ("kitty(", "kitty"),
    ("Konsole", "konsole"),
    ("WezTerm", "wezterm"),
    ("foot(", "foot"),
    ("iTerm2", "iterm2"),
    ("ghostty", "ghostty"),
    ("mintty", "mintty"),
    ("VTE(", "vte"),
)
#: Secondary device attributes (the first two numbers) → profile names, for terminals without XTVERSION.
_DEVICES = {"0;115": "qterminal", "1;115": "konsole", "85;95": "urxvt"}


def from_version(version: str, how: str, inside: str = "") -> Found | None:
    """The terminal an XTVERSION string (``kitty(0.26.5)``, ``Konsole 22.12.3``) names."""
    for start, name in _VERSIONS:
        if version.startswith(start):
            return _found(name, how, inside)
    return None


def from_answers(data: bytes, inside: str = "") -> Found | None:
    """The terminal its answers to ``QUERIES`` name, or None."""
    version = _XTVERSION_RE.search(data)
    if version:
        text = printable(version.group(1).decode("utf-8", "replace"), limit=60)
        found = from_version(text, f"it answered {text!r} to XTVERSION", inside)
        if found:
            return found
    device = _DA2_RE.search(data)
    if device:
        parameters = device.group(1).decode("ascii")
        first_two = ";".join(parameters.split(";")[:2])
        if first_two in _DEVICES:
            return _found(_DEVICES[first_two], f"its device attributes are >{parameters}", inside)
        if parameters.startswith("65;"):
            return _found("vte", f"its device attributes are >{parameters} (VTE)", inside)
    if bidi_mode_state(data):
        # It knows the bidi mode, so it does bidi and CSI 8 l switches it off, as VTE and mintty do.
        return _found("vte", "it knows the bidi mode (DECRQM 8)", inside)
    return None


def bidi_mode_state(data: bytes) -> int:
    """The terminal's answer to DECRQM for the bidi mode: 1 set (it reorders), 2 reset (it leaves cells as
    they come), 0 unknown to it or no answer."""
    mode = _DECRQM8_RE.search(data)
    return int(mode.group(1)) if mode and mode.group(1) in (b"1", b"2") else 0


def answered(data: bytes) -> bool:
    """True once the answers are complete (the primary device attributes came back)."""
    return _DA1_RE.search(data) is not None


def ask_terminal(fd: int, timeout: float = ANSWER_TIMEOUT) -> bytes:
    """Send ``QUERIES`` to the terminal on ``fd`` and read its answers, without echo, for at most ``timeout``.

    Returns what came back (``b""`` if it is not a terminal or nothing came).
    The terminal's settings are put back before returning.
    """
    try:
        import termios
    except ImportError:  # not a POSIX system
        return b""
    try:
        saved = termios.tcgetattr(fd)
    except (termios.error, OSError):
        return b""
    quiet = list(saved)
    quiet[3] &= ~(termios.ECHO | termios.ICANON)  # lflags: no echo, bytes as they come
    data = b""
    try:
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
        os.write(fd, QUERIES)
        deadline = time.monotonic() + timeout
        while not answered(data):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                break
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    finally:
        try:
            termios.tcsetattr(fd, termios.TCSANOW, saved)
        except (termios.error, OSError):
            pass
    return data


# --- tmux and the process tree ---------------------------------------------------------------------------------

#: Terminal programs' process names → profile names (for finding the terminal among qari's ancestors).
_PROGRAMS = {
    "konsole": "konsole",
    "qterminal": "qterminal",
    "kitty": "kitty",
    "mlterm": "mlterm",
    "xterm": "xterm",
    "urxvt": "urxvt",
    "urxvtd": "urxvt",
    "rxvt": "urxvt",
    "st": "st",
    "alacritty": "alacritty",
    "foot": "foot",
    "footclient": "foot",
    "wezterm-gui": "wezterm",
    "ghostty": "ghostty",
    "gnome-terminal-server": "vte",
    "gnome-terminal-": "vte",  # the server's name as /proc cuts it to 15 characters
    "xfce4-terminal": "vte",
    "sakura": "vte",
    "tilix": "vte",
    "terminator": "vte",
    "mate-terminal": "vte",
    "lxterminal": "vte",
    "guake": "vte",
    "kgx": "vte",
    "ptyxis": "vte",
}
#: Past these, the terminal is on another machine.
_REMOTE = {"sshd", "mosh-server", "dropbear"}


def _stat(pid: int, proc: Path) -> list[str]:
    """``/proc/PID/stat``'s fields after the name: state, parent, process group, session, …"""
    stat = (proc / str(pid) / "stat").read_text(encoding="utf-8", errors="replace")
    return stat[stat.rfind(")") + 2 :].split()


def ancestors(pid: int, proc: Path = Path("/proc")) -> Iterator[str]:
    """The names of the processes above ``pid``'s terminal session: the terminal program first.

    The shell that leads the session has the terminal as its parent (Konsole,
    sshd, a tmux server…); a process in a session of its own on a terminal of
    its own (a test's pty) has nothing above it to find. Linux ``/proc``; nothing elsewhere.
    """
    try:
        leader = int(_stat(pid, proc)[3])
        pid = int(_stat(leader, proc)[1]) if leader > 0 else 0
    except (OSError, IndexError, ValueError):
        return
    seen = set()
    while pid > 1 and pid not in seen:
        seen.add(pid)
        try:
            yield (proc / str(pid) / "comm").read_text(encoding="utf-8", errors="replace").strip()
            pid = int(_stat(pid, proc)[1])
        except (OSError, IndexError, ValueError):
            return


def from_processes(names: Iterator[str] | list[str], inside: str = "") -> Found | None:
    """The terminal program among ``names`` (nearest first), unless the line goes through sshd first."""
    for name in names:
        if name in _REMOTE:
            return None
        if name in _PROGRAMS:
            return _found(_PROGRAMS[name], f"qari runs under {name}", inside)
    return None


def tmux_client(run: Callable[[list[str]], str] | None = None) -> tuple[str, int]:
    """The attached tmux client's terminal (tmux's ``client_termtype``: its XTVERSION) and the client's pid."""
    run = run or run_command
    answer = run(["tmux", "display-message", "-p", "#{client_termtype}\t#{client_pid}"])
    termtype, _, pid = answer.strip().partition("\t")
    return termtype, int(pid) if pid.isdigit() else 0


def run_command(command: list[str]) -> str:
    """``command``'s output, or ``""`` if it can't run (no tmux) or takes over a second."""
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=1, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


# --- all of it -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Probes:
    """Where ``detect`` reads from; tests give their own."""

    env: Mapping[str, str]
    ask: Callable[[], bytes]
    tmux: Callable[[], tuple[str, int]]
    lineage: Callable[[int], list[str]]
    pid: int


def detect(probes: Probes) -> Found:
    """The terminal around qari, by the surest means that answer.

    Inside tmux: tmux's word on its client, then the client's ancestors;
    elsewhere: the environment, then qari's ancestors. Then the terminal's
    own answers; else the unknown terminal (drawn as xterm draws).
    """
    env = probes.env
    inside = multiplexer(env)
    if inside == "tmux":
        termtype, client = probes.tmux()
        if termtype:
            found = from_version(termtype, f"tmux's client answered {printable(termtype, limit=60)!r}", inside)
            if found:
                return found
        if client:
            found = from_processes(probes.lineage(client), inside)
            if found:
                return found
    found = from_environment(env)
    if found and not inside:
        return found
    if not inside:
        found_here = from_processes(probes.lineage(probes.pid), inside)
        if found_here:
            return found_here
    if not inside:  # inside a multiplexer the multiplexer answers, not the terminal
        found_asked = from_answers(probes.ask(), inside)
        if found_asked:
            return found_asked
    if found:  # inside tmux or screen, a variable inherited from the terminal that started it
        return Found(found.terminal, found.how + " (inherited inside " + inside + ")", inside)
    return Found(UNKNOWN, "nothing said which terminal this is", inside)
