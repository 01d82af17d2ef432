"""Runs inside the terminal before qari: paints every cell magenta so the photographer finds the cell grid.

A terminal's window holds menus, tab bars, scroll bars and padding around the cells; the only sure way to know
where the 100×30 cells are is to have the terminal paint them. The painter writes the size it sees to
STATE/ready (again after each resize), waits for STATE/go, clears the screen and execs qari.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

MAGENTA = "\033[48;5;201m"  # the cube's (5, 0, 5): pure magenta in every terminal's default 256-colour palette


def paint(state: Path) -> None:
    """Fill the screen with magenta cells and report its size in cells."""
    cols, rows = os.get_terminal_size(sys.stdout.fileno())
    out = ["\033[?25l\033[0m", MAGENTA]
    for row in range(rows):
        out.append(f"\033[{row + 1};1H" + " " * cols)
    sys.stdout.write("".join(out))
    sys.stdout.flush()
    tmp = state / "ready.tmp"
    tmp.write_text(f"{cols} {rows} {time.monotonic()}\n")
    tmp.replace(state / "ready")


def main(argv: list[str]) -> None:
    """paint_grid.py STATE -- COMMAND...: paint, wait for STATE/go, then become COMMAND."""
    state = Path(argv[0])
    command = argv[argv.index("--") + 1 :]
    signal.signal(signal.SIGWINCH, lambda *_: paint(state))
    paint(state)
    deadline = time.monotonic() + 120
    while not (state / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    signal.signal(signal.SIGWINCH, signal.SIG_DFL)
    sys.stdout.write("\033[0m\033[2J\033[H\033[?25h")
    sys.stdout.flush()
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
