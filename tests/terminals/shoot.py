"""One terminal, one photograph: start it on our display, find its cells, wait for qari to settle, shoot.

Each terminal gets an empty temporary HOME (no user config leaks in) and qari an empty QARI_CONFIG_DIR (no
saved bidi choice), and is killed with its whole process group after its photograph.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from terms import COLS, ROWS, Terminal
from xscreen import Box, Display, changed, grey_grid, magenta_box, save_png

PAINTER = Path(__file__).with_name("paint_grid.py")


class ShotFailed(Exception):
    """The terminal did not come up, never showed its grid, or could not be brought to 100×30."""


@dataclass(frozen=True)
class Shot:
    """A photograph of qari in a terminal: the window's PNG and the grid's grey raster."""

    png: Path
    grey: bytes
    grid: Box
    settle_seconds: float


def _wait_for(path: Path, seconds: float, proc: subprocess.Popen[bytes]) -> str:
    """The file's text once it exists; ShotFailed if the terminal exits or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            return path.read_text()
        if proc.poll() is not None:
            raise ShotFailed(f"the terminal exited (status {proc.returncode}) before showing its grid")
        time.sleep(0.1)
    raise ShotFailed(f"no grid after {seconds:.0f} s")


def _find_grid(display: Display, state: Path, proc: subprocess.Popen[bytes], scratch: Path) -> tuple[Box, str]:
    """Find the magenta grid; resize the window (up to three times) until the terminal reports 100×30."""
    cols = rows = 0
    for _attempt in range(4):
        stamp = _wait_for(state / "ready", 40, proc)
        cols, rows = (int(v) for v in stamp.split()[:2])
        if not cols or not rows:  # the pty has no size yet (qterminal): the next SIGWINCH repaints
            (state / "ready").unlink()
            continue
        time.sleep(0.8)  # the paint reaches the screen a moment after the file
        grid = magenta_box(display.shoot(scratch / "grid.png"))
        if grid is None:
            time.sleep(1.5)
            grid = magenta_box(display.shoot(scratch / "grid.png"))
        if grid is None:
            raise ShotFailed("the painted grid is not on the screen")
        if (cols, rows) == (COLS, ROWS):
            return grid, stamp
        window = display.window_around(grid)
        if window is None:
            raise ShotFailed(f"the terminal is {cols}×{rows} and its window was not found to resize")
        wid, box = window
        cw, ch = grid.w / cols, grid.h / rows
        (state / "ready").unlink()
        display.resize(wid, round(box.w + (COLS - cols) * cw), round(box.h + (ROWS - rows) * ch))
        deadline = time.monotonic() + 5
        while not (state / "ready").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        if not (state / "ready").exists():
            (state / "ready").write_text(stamp)  # no SIGWINCH arrived: the size stayed as it was
    raise ShotFailed(f"the terminal stays {cols}×{rows}, not {COLS}×{ROWS}")


def _settle(display: Display, grid: Box, scratch: Path, least: float = 3.0, most: float = 30.0) -> tuple[Path, bytes]:
    """Shoot until two photographs in a row agree (after `least` seconds): the screen has settled."""
    start = time.monotonic()
    previous = b""
    shot = scratch / "shot-0.png"
    for n in range(1000):
        time.sleep(0.7)
        shot = display.shoot(scratch / f"shot-{n % 2}.png")
        grey = grey_grid(shot, grid, COLS, ROWS)
        elapsed = time.monotonic() - start
        if previous and elapsed >= least and changed(previous, grey) < 30:
            return shot, grey
        if elapsed > most:
            print(f"    (screen still changing after {most:.0f} s: taking the last photograph)", file=sys.stderr)
            return shot, grey
        previous = grey
    return shot, previous


def photograph(display: Display, terminal: Terminal, command: list[str], out: Path, log: Path) -> Shot:
    """Run command in the terminal and save the window's photograph to out."""
    with tempfile.TemporaryDirectory(prefix=f"qari-{terminal.name}-") as tmp:
        root = Path(tmp)
        home, config, state, scratch = (root / d for d in ("home", "qari-config", "state", "scratch"))
        for d in (home, config, state, scratch, home / ".config", home / ".cache", home / "run"):
            d.mkdir(parents=True)
        (home / "run").chmod(0o700)
        terminal.configure(home)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "DISPLAY": display.name,
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(home / "run"),
            "QARI_CONFIG_DIR": str(config),
            "NO_AT_BRIDGE": "1",  # GTK would otherwise wait for an accessibility bus that is not there
            **({"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}),
            **terminal.env,
        }
        inner = [sys.executable, str(PAINTER), str(state), "--", *command]
        with log.open("ab") as err:
            err.write(f"\n=== {terminal.name}: {' '.join(command)}\n".encode())
            err.flush()
            proc = subprocess.Popen(
                terminal.argv(inner),
                env=env,
                cwd=home,
                stdin=subprocess.DEVNULL,
                stdout=err,
                stderr=err,
                start_new_session=True,
            )
        try:
            grid, _ = _find_grid(display, state, proc, scratch)
            (state / "go").touch()
            started = time.monotonic()
            shot, grey = _settle(display, grid, scratch)
            settle = time.monotonic() - started
            window = display.window_around(grid)
            save_png(shot, window[1] if window else grid, out)
            return Shot(out, grey, grid, settle)
        finally:
            _kill(proc)


def _descendants(pid: int) -> list[int]:
    """Every process under pid: terminals put the shell (and qari) in a session of its own, out of our group."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """End the terminal, its process group and every descendant, by process id: politely, then for sure."""
    pids = _descendants(proc.pid)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        try:
            proc.wait(3)
        except subprocess.TimeoutExpired:
            pass
    time.sleep(0.3)
