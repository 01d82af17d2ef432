"""The X side: a private Xvfb, photographs of its screen, the cell grid and the terminal's window in them.

ImageMagick does the pixel work (cropping, scaling, the magenta mask) so the script needs no Python imaging
library; what comes back to Python is a small grey raster of the cell grid.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SCREEN = (1600, 1000)
CELL = (8, 16)  # every grid is scaled to this many pixels per cell before two are compared


@dataclass(frozen=True)
class Box:
    """A rectangle on the screen, in pixels."""

    x: int
    y: int
    w: int
    h: int

    def geometry(self) -> str:
        """ImageMagick's WxH+X+Y."""
        return f"{self.w}x{self.h}+{self.x}+{self.y}"


class Display:
    """An Xvfb of our own on the first free display from 21 up: other workers' displays stay untouched."""

    def __init__(self, first: int = 21) -> None:
        number = first
        while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            number += 1
        self.name = f":{number}"
        self.proc = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-dpi", "96", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb did not start on {self.name}")
            time.sleep(0.1)
        time.sleep(0.5)

    def close(self) -> None:
        """Stop our Xvfb (only ours: by its process id)."""
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def run(self, argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        """Run an X client on this display and return its output."""
        env = {**os.environ, "DISPLAY": self.name}
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=30, **kwargs)  # type: ignore[call-overload, no-any-return]

    def shoot(self, path: Path) -> Path:
        """Photograph the whole screen into path (PNG)."""
        self.run(["import", "-window", "root", f"png:{path}"])
        return path

    def windows(self) -> list[tuple[str, Box]]:
        """The mapped windows, largest first, with their boxes."""
        ids = self.run(["xdotool", "search", "--onlyvisible", "--name", ""]).stdout.split()
        root = self.run(["xwininfo", "-root"]).stdout.split("Window id:", 1)[1].split()[0]
        found = []
        for wid in ids:
            if int(wid) == int(root, 16):
                continue
            info = self.run(["xwininfo", "-id", wid]).stdout
            fields = dict(line.strip().split(":", 1) for line in info.splitlines() if ":" in line)
            try:
                box = Box(
                    int(fields["Absolute upper-left X"]),
                    int(fields["Absolute upper-left Y"]),
                    int(fields["Width"]),
                    int(fields["Height"]),
                )
            except (KeyError, ValueError):
                continue
            found.append((wid, box))
        return sorted(found, key=lambda item: -item[1].w * item[1].h)

    def window_around(self, grid: Box) -> tuple[str, Box] | None:
        """The largest window holding the grid: the terminal's top-level window."""
        for wid, box in self.windows():
            if (
                box.x <= grid.x
                and box.y <= grid.y
                and box.x + box.w >= grid.x + grid.w
                and box.y + box.h >= grid.y + grid.h
            ):
                return wid, box
        return None

    def resize(self, wid: str, width: int, height: int) -> None:
        """Resize a window (there is no window manager to refuse)."""
        self.run(["xdotool", "windowsize", wid, str(width), str(height)])


def magenta_box(shot: Path) -> Box | None:
    """The bounding box of the magenta the painter put in every cell, or None when there is none."""
    out = subprocess.run(
        [
            "convert",
            str(shot),
            "-fuzz",
            "12%",
            "-fill",
            "black",
            "+opaque",
            "#ff00ff",
            "-fill",
            "white",
            "-opaque",
            "#ff00ff",
            "-format",
            "%@",
            "info:",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.strip()
    try:
        size, x, y = out.split("+")
        w, h = size.split("x")
        box = Box(int(x), int(y), int(w), int(h))
    except ValueError:
        return None
    return box if box.w > 50 and box.h > 50 else None


def grey_grid(shot: Path, grid: Box, cols: int, rows: int) -> bytes:
    """The grid cut out of a photograph, in grey, scaled to CELL pixels per cell: one byte a pixel."""
    return subprocess.run(
        [
            "convert",
            str(shot),
            "-crop",
            grid.geometry(),
            "+repage",
            "-colorspace",
            "Gray",
            "-resize",
            f"{cols * CELL[0]}x{rows * CELL[1]}!",
            "-depth",
            "8",
            "gray:-",
        ],
        capture_output=True,
        timeout=60,
    ).stdout


def save_png(shot: Path, box: Box, out: Path) -> None:
    """Crop to the window and save a small PNG (64-colour palette: text and flat backgrounds lose nothing)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "convert",
            str(shot),
            "-crop",
            box.geometry(),
            "+repage",
            "+dither",
            "-colors",
            "64",
            "-define",
            "png:exclude-chunks=date,time",
            f"PNG8:{out}",
        ],
        check=True,
        timeout=60,
    )


def changed(a: bytes, b: bytes) -> int:
    """How many pixels moved by more than a faint flicker between two grey grids."""
    if len(a) != len(b):
        return max(len(a), len(b))
    return sum(1 for p, q in zip(a, b) if abs(p - q) > 40)
