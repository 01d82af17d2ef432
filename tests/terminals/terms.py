"""The terminals photographed, each told only its font, its size and what to run.

Everything else stays at the terminal's default (each runs with an empty temporary HOME): the pictures show
what a user gets out of the box. Where a terminal has no option for the font, a minimal config file in that
HOME sets it and nothing more.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FONT = "DejaVu Sans Mono"
POINTS = 12
COLS, ROWS = 100, 30

# Debian packages: the terminals, the X server, the font, the camera (ImageMagick) and xdotool for resizing.
TOOLS = {
    "Xvfb": "xvfb",
    "import": "imagemagick",
    "convert": "imagemagick",
    "xdotool": "xdotool",
    "xwininfo": "x11-utils",
    "tmux": "tmux",
}
FONT_FILE_PACKAGE = "fonts-dejavu-core"


@dataclass(frozen=True)
class Terminal:
    """How to start one terminal at 100×30 cells in DejaVu Sans Mono 12 running a command."""

    name: str
    binary: str
    package: str
    argv: Callable[[list[str]], list[str]]
    configure: Callable[[Path], None] = lambda home: None
    env: dict[str, str] = field(default_factory=dict)

    def version(self) -> str:
        """The Debian package's version, else the terminal's own answer; '?' when neither says."""
        try:
            out = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", self.package], capture_output=True, text=True, timeout=10
            )
            if out.returncode == 0 and out.stdout.strip():
                return out.stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            pass
        return "?"


def _qterminal_config(home: Path) -> None:
    """qterminal has no font option: a config file with the font and size only."""
    ini = home / ".config" / "qterminal.org" / "qterminal.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(f"[General]\nfontFamily={FONT}\nfontSize={POINTS}\n")


def _mlterm_config(home: Path) -> None:
    """mlterm picks its anti-aliased fonts from ~/.mlterm/aafont; its size option is on the command line."""
    conf = home / ".mlterm"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "aafont").write_text(f"DEFAULT = {FONT}\nISO10646_UCS4_1 = {FONT}\n")


def _tmux_config(home: Path, passthrough: bool = False) -> None:
    """tmux without its status line (the picture keeps 100×30 cells for qari), and gone with its terminal."""
    extra = "set -g allow-passthrough on\n" if passthrough else ""
    (home / ".tmux.conf").write_text("set -g status off\nset -g destroy-unattached on\n" + extra)


def _in_tmux(cmd: list[str]) -> list[str]:
    """``cmd`` inside a tmux server of the photograph's own (its socket apart from the user's)."""
    return ["tmux", "-L", "qari-photograph", "new-session", shlex.join(cmd)]


TERMINALS: list[Terminal] = [
    Terminal(
        "xterm",
        "xterm",
        "xterm",
        lambda cmd: ["xterm", "-fa", FONT, "-fs", str(POINTS), "-geometry", f"{COLS}x{ROWS}", "-e", *cmd],
    ),
    Terminal(
        "rxvt-unicode",
        "urxvt",
        "rxvt-unicode",
        lambda cmd: ["urxvt", "-fn", f"xft:{FONT}:size={POINTS}", "-geometry", f"{COLS}x{ROWS}", "-e", *cmd],
    ),
    Terminal(
        "st", "st", "stterm", lambda cmd: ["st", "-f", f"{FONT}:size={POINTS}", "-g", f"{COLS}x{ROWS}", "-e", *cmd]
    ),
    Terminal(
        "alacritty",
        "alacritty",
        "alacritty",
        lambda cmd: [
            "alacritty",
            "-o",
            f"font.normal.family={FONT}",
            "-o",
            f"font.size={POINTS}",
            "-o",
            f"window.dimensions.columns={COLS}",
            "-o",
            f"window.dimensions.lines={ROWS}",
            "-e",
            *cmd,
        ],
        env={"LIBGL_ALWAYS_SOFTWARE": "1"},
    ),
    Terminal(
        "xfce4-terminal",
        "xfce4-terminal",
        "xfce4-terminal",
        lambda cmd: [
            "xfce4-terminal",
            "--disable-server",
            "--geometry",
            f"{COLS}x{ROWS}",
            "--font",
            f"{FONT} {POINTS}",
            "-x",
            *cmd,
        ],
    ),
    Terminal(
        "sakura",
        "sakura",
        "sakura",
        lambda cmd: ["sakura", "-f", f"{FONT} {POINTS}", "-c", str(COLS), "-r", str(ROWS), "-x", shlex.join(cmd)],
    ),
    Terminal(
        "konsole",
        "konsole",
        "konsole",
        lambda cmd: [
            "konsole",
            "--separate",
            "--nofork",
            "-p",
            f"Font={FONT},{POINTS},-1,5,50,0,0,0,0,0",
            "-p",
            f"TerminalColumns={COLS}",
            "-p",
            f"TerminalRows={ROWS}",
            "-e",
            *cmd,
        ],
    ),
    Terminal(
        "qterminal", "qterminal", "qterminal", lambda cmd: ["qterminal", "-e", shlex.join(cmd)], _qterminal_config
    ),
    Terminal(
        "mlterm",
        "mlterm",
        "mlterm",
        lambda cmd: ["mlterm", "-w", str(POINTS * 96 // 72), "-g", f"{COLS}x{ROWS}", "-e", *cmd],
        _mlterm_config,
    ),
    Terminal(
        "kitty",
        "kitty",
        "kitty",
        lambda cmd: [
            "kitty",
            "-o",
            f"font_family={FONT}",
            "-o",
            f"font_size={POINTS}",
            "-o",
            f"initial_window_width={COLS}c",
            "-o",
            f"initial_window_height={ROWS}c",
            *cmd,
        ],
        env={"LIBGL_ALWAYS_SOFTWARE": "1"},
    ),
]

# The same terminals with tmux in between (its defaults: no passthrough), where qari can't switch their bidi.
BY_NAME = {t.name: t for t in TERMINALS}
TERMINALS += [
    Terminal(
        f"{name}+tmux",
        BY_NAME[name].binary,
        BY_NAME[name].package,
        lambda cmd, name=name: BY_NAME[name].argv(_in_tmux(cmd)),  # type: ignore[misc]
        _tmux_config,
        BY_NAME[name].env,
    )
    for name in ("xfce4-terminal", "konsole")
]
TERMINALS.append(
    Terminal(
        "konsole+tmux-passthrough",
        "konsole",
        "konsole",
        lambda cmd: BY_NAME["konsole"].argv(_in_tmux(cmd)),
        lambda home: _tmux_config(home, passthrough=True),
    )
)


def install_missing(terminals: list[Terminal], log: Callable[[str], None]) -> None:
    """apt-get install whatever is missing (tools, font, terminals); a failure leaves the caller to skip."""
    packages = {pkg for tool, pkg in TOOLS.items() if shutil.which(tool) is None}
    packages |= {t.package for t in terminals if shutil.which(t.binary) is None}
    try:
        font = subprocess.run(["fc-match", "-f", "%{family}", FONT], capture_output=True, text=True).stdout
    except OSError:
        font = ""
    if FONT not in font:
        packages.add(FONT_FILE_PACKAGE)
    if not packages:
        return
    log(f"installing: {' '.join(sorted(packages))}")
    sudo = [] if os.geteuid() == 0 or shutil.which("sudo") is None else ["sudo"]
    subprocess.run([*sudo, "apt-get", "install", "-y", *sorted(packages)], check=False)
