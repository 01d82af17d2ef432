"""The plan for the terminal qari runs in now: the real probes, the user's settings, tmux's permission.

Kept apart from ``detect`` and ``plan`` (pure) so that those are tested with
what a terminal would say, and this is the only place that asks.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from ..config import config_dir
from ..text.sanitise import printable
from .cells import RULES
from .detect import (
    Found,
    Probes,
    ancestors,
    ask_terminal,
    bidi_mode_state,
    detect,
    multiplexer,
    run_command,
    tmux_client,
)
from .plan import Plan, plan
from .profiles import EXPLICIT_BIDI, PROFILES, Terminal

#: Where qari remembers the notices it has shown once (one per line).
TOLD_FILE = "notices-shown"


def _tty_fd() -> int | None:
    """A file descriptor on the controlling terminal when qari's input and output both are one."""
    try:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return None
        return os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except (OSError, ValueError, AttributeError):
        return None


def _ask() -> bytes:
    fd = _tty_fd()
    if fd is None:
        return b""
    try:
        return ask_terminal(fd)
    finally:
        os.close(fd)


def real_probes(env: Mapping[str, str]) -> Probes:
    """Probes that read this process's environment, terminal, tmux and process tree (the terminal asked once)."""
    asked: list[bytes] = []

    def ask_once() -> bytes:
        if not asked:
            asked.append(_ask())
        return asked[0]

    return Probes(env=env, ask=ask_once, tmux=tmux_client, lineage=lambda pid: list(ancestors(pid)), pid=os.getpid())


def tmux_passthrough_allowed() -> bool:
    """tmux hands ``DCS tmux;`` sequences to the outer terminal (tmux ≥ 3.3 asks for ``allow-passthrough``).

    Before 3.3 there is no such option (the answer is empty) and tmux always let them through.
    """
    answer = run_command(["tmux", "show-options", "-Apv", "allow-passthrough"]).strip()
    return answer in ("", "on", "all")


_KONSOLE_PROFILE_RE = re.compile(r"^DefaultProfile=(.+)$", re.MULTILINE)


def switched_off_already(terminal: Terminal, home: Path) -> bool:
    """The user's own settings (read locally) already switch this terminal's bidi off: nothing to switch."""
    try:
        if terminal.name == "konsole":
            rc = (home / ".config" / "konsolerc").read_text(encoding="utf-8", errors="replace")
            match = _KONSOLE_PROFILE_RE.search(rc)
            if not match:
                return False
            profile = (home / ".local" / "share" / "konsole" / match.group(1).strip()).read_text(
                encoding="utf-8", errors="replace"
            )
            return "BidiRenderingEnabled=false" in profile.replace(" ", "")
        if terminal.name == "mlterm":
            main = (home / ".mlterm" / "main").read_text(encoding="utf-8", errors="replace")
            return "use_ctl=false" in main.replace(" ", "")
    except OSError:
        return False
    return False


def plan_here(
    bidi: str = "auto",
    terminal: str = "auto",
    env: Mapping[str, str] | None = None,
    probes: Probes | None = None,
    home: Path | None = None,
) -> Plan:
    """The plan for this process's terminal; ``terminal`` other than ``auto`` names it instead of detecting.

    ``probes``: where to look (default: this process's environment, terminal, tmux and parents);
    ``home``: where the terminal's own settings are read (default: the user's home).
    """
    env = os.environ if env is None else env
    probes = probes or real_probes(env)
    unknown = ""
    if terminal in PROFILES:
        found = Found(PROFILES[terminal], "chosen by the user (--terminal or the config)", multiplexer(env))
    else:
        if terminal != "auto":
            unknown = f"no terminal is called {printable(terminal, limit=40)!r} (qari doctor lists them); finding out"
        found = detect(probes)
    local = not env.get("SSH_CONNECTION") and not env.get("SSH_TTY")
    if local and switched_off_already(found.terminal, home or Path.home()):
        quiet = replace(found.terminal, reorders=False, switch_off="", switch_on="")
        found = Found(quiet, found.how + "; its bidi is off in the user's settings", found.inside)
    allowed = found.inside != "tmux" or tmux_passthrough_allowed()
    chosen = plan(found, bidi, passthrough_allowed=allowed, rules=tuple(RULES))
    if chosen.enter == EXPLICIT_BIDI and not found.inside:
        # Leave the bidi mode as it was found: a terminal already in explicit mode (WezTerm with its own
        # bidi off) would be switched *on* by CSI 8 h at the end. Inside tmux the answer would be tmux's.
        if bidi_mode_state(probes.ask()) == 2:
            chosen = replace(chosen, enter="", leave="")
    return replace(chosen, notice=unknown) if unknown else chosen


def first_time(notice: str, folder: Path | None = None) -> bool:
    """True the first time ``notice`` is asked about (and remembered then); False ever after.

    A folder that can't be written makes it True every time: better said twice than never.
    """
    path = (folder or config_dir()) / TOLD_FILE
    try:
        told = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        told = []
    if notice in told:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(notice + "\n")
    except OSError:
        pass
    return True
