"""``qari doctor``: show a test pattern both ways, let the user pick the bidi mode, keep it in the config.

Terminals differ (DESIGN.md, "Rendering right-to-left text in a terminal"):
most draw code points left to right, so qari must shape and order the text
itself (``bidi = "app"``); Konsole, mlterm and macOS Terminal reorder whatever
they get, so qari must send the text as written (``bidi = "terminal"``). No
environment variable says which for sure, so the user looks at one sentence
drawn both ways and says which one reads right.

No Textual import: this runs before (and without) the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from typing import TextIO

from ..config import BIDI_MODES, ConfigError, config_path, load_config, read_table, save_config
from ..text.layout import LayoutOptions, layout_paragraph
from ..text.sanitise import visible
from .mode import EXPLICIT_BIDI, IMPLICIT_BIDI

#: The exit status for bad input, as everywhere in ``qari`` (reader/cli/).
EXIT_BAD_INPUT = 2

#: Arabic with a number, a percent sign, brackets that must mirror, guillemets and a shadda.
PATTERN = "قال (الوزير) إنّ 25% من الطلاب «نجحوا» في [الامتحان]."
QUESTION = "Which line reads correctly, right to left with joined letters? [a/b] "
#: Environment variables worth showing: what the terminal says about itself.
ENV_NAMES = ("TERM", "TERM_PROGRAM", "VTE_VERSION", "KONSOLE_VERSION")
ANSWERS = {"a": "app", "app": "app", "b": "terminal", "terminal": "terminal"}
INDENT = "     "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The doctor's options, for a parser of its own or a ``qari doctor`` sub-parser."""
    parser.add_argument(
        "--choose",
        choices=BIDI_MODES,
        default=None,
        help="store this bidi mode without asking (app: qari does the bidi; terminal: the terminal does)",
    )


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def visual_pattern() -> str:
    """The test sentence as qari draws it: shaped, in visual order, brackets mirrored."""
    lines = layout_paragraph(PATTERN, LayoutOptions(width=max(len(PATTERN) * 2, 20), bidi="app"))
    return ("\n" + INDENT).join(line.text for line in lines)


def terminal_hint(env: Mapping[str, str]) -> str | None:
    """What the terminal's own variables suggest, if they suggest anything."""
    program = env.get("TERM_PROGRAM", "")
    if env.get("VTE_VERSION") or program == "mintty":
        name = "mintty" if program == "mintty" else "This VTE terminal (GNOME Terminal, Tilix…)"
        return (
            f"{name} does its own bidi unless an application says it did; qari says so for line a. "
            "If both lines read right, choose a."
        )
    if env.get("KONSOLE_VERSION"):
        return "Konsole reorders all text itself: line b is probably the right one."
    if env.get("MLTERM"):
        return "mlterm reorders all text itself: line b is probably the right one."
    if program == "Apple_Terminal":
        return "macOS Terminal reorders all text itself: line b is probably the right one."
    return None


def _ask(stdin: TextIO, out: TextIO) -> str | None:
    """The user's answer as a bidi mode, or None (empty answer, end of input, three wrong answers)."""
    for _ in range(3):
        out.write(QUESTION)
        out.flush()
        line = stdin.readline()
        if not line:
            out.write("\n")
            return None
        answer = line.strip().lower()
        if not answer:
            return None
        if answer in ANSWERS:
            return ANSWERS[answer]
        out.write("Please answer a or b (or just Enter to keep things as they are).\n")
    return None


def _report(out: TextIO, err: TextIO, env: Mapping[str, str]) -> None:
    """What qari can see of the terminal, and the current setting."""
    path = config_path()
    config, warnings = load_config(path)
    rows = [(name, visible(env[name]) if env.get(name) else "(not set)") for name in ENV_NAMES]
    rows.append(("stdout", "a terminal" if _isatty(out) else "not a terminal (redirected)"))
    rows.append(("config", visible(path) + ("" if path.exists() else " (no file yet)")))
    rows.append(("bidi", config.bidi))
    out.write("qari doctor: can this terminal show right-to-left text?\n\n")
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        out.write(f"  {label:<{width}}  {value}\n")
    out.flush()
    for warning in warnings:
        err.write(f"qari: {warning}\n")
    err.flush()


def _show_pattern(out: TextIO, env: Mapping[str, str]) -> None:
    """The sentence both ways; line a in explicit bidi mode so bidi-capable terminals leave it alone."""
    tty = _isatty(out)
    out.write("\nThe same sentence, two ways:\n\n")
    out.write("  a) qari does the bidi (shaped and ordered by qari):\n")
    out.write((EXPLICIT_BIDI if tty else "") + INDENT + visual_pattern() + "\n" + (IMPLICIT_BIDI if tty else ""))
    out.write("  b) the terminal does the bidi (the text as written):\n")
    out.write(INDENT + PATTERN + "\n\n")
    hint = terminal_hint(env)
    if hint:
        out.write(f"hint: {hint}\n\n")
    out.flush()


def run(
    args: argparse.Namespace,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
) -> int:
    """Run the doctor with parsed ``args``; returns the exit status."""
    stdin = sys.stdin if stdin is None else stdin
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    env = os.environ if env is None else env

    _report(out, err, env)
    _show_pattern(out, env)
    choice = args.choose
    if choice is None:
        if not _isatty(stdin):
            out.write("Nothing saved (no terminal to ask). To keep a choice: qari doctor --choose app|terminal\n")
            out.flush()
            return 0
        choice = _ask(stdin, out)
        if choice is None:
            out.write("Nothing saved.\n")
            out.flush()
            return 0

    path = config_path()
    try:
        read_table(path)  # a file qari cannot parse is the user's: never overwrite it
    except ConfigError as problem:
        err.write(f"qari: {visible(problem)}; fix or remove it, then run qari doctor again\n")
        return EXIT_BAD_INPUT
    config, _ = load_config(path)
    try:
        save_config(replace(config, bidi=choice), path)
    except OSError as problem:
        err.write(f"qari: cannot save {visible(path)}: {visible(problem.strerror or problem)}\n")
        return EXIT_BAD_INPUT
    out.write(f'Saved bidi = "{choice}" in {visible(path)}\n')
    out.flush()
    return 0
