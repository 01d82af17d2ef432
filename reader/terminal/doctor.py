"""``qari doctor``: the terminal qari found and what it does there, the test pattern both ways, a choice kept.

Terminals differ (DESIGN.md, "Rendering right-to-left text in a terminal";
docs/terminals.md): qari finds out which one it runs in
(``reader.terminal.detect``) and draws the way that terminal needs
(``reader.terminal.plan``). The doctor shows what it found and how, and one
sentence drawn both ways, so the user can see for themselves and, if qari
got it wrong, say who should do the bidi.

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
from .cells import RULES, reorder_for
from .here import plan_here
from .plan import Plan
from .profiles import EXPLICIT_BIDI, PROFILES

#: The exit status for bad input, as everywhere in ``qari`` (reader/cli/).
EXIT_BAD_INPUT = 2

#: Arabic with a number, a percent sign, brackets that must mirror, guillemets and a shadda.
PATTERN = "قال (الوزير) إنّ 25% من الطلاب «نجحوا» في [الامتحان]."
QUESTION = "Which line reads correctly, right to left with joined letters? [a/b] "
#: Environment variables worth showing: what the terminal says about itself.
ENV_NAMES = ("TERM", "TERM_PROGRAM", "VTE_VERSION", "KONSOLE_VERSION", "KITTY_WINDOW_ID", "MLTERM", "TMUX", "STY")
ANSWERS = {"a": "app", "app": "app", "b": "terminal", "terminal": "terminal"}
INDENT = "     "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The doctor's options, for a parser of its own or a ``qari doctor`` sub-parser."""
    parser.add_argument(
        "--choose",
        choices=BIDI_MODES,
        default=None,
        help="store this bidi mode without asking (app: qari does the bidi; terminal: the terminal does; "
        "auto: as suits the terminal found)",
    )


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def visual_pattern(cells: str = "visual") -> str:
    """The test sentence as qari draws it: shaped, in visual order, brackets mirrored, arranged by ``cells``."""
    lines = layout_paragraph(PATTERN, LayoutOptions(width=max(len(PATTERN) * 2, 20), bidi="app"))
    return ("\n" + INDENT).join(reorder_for(cells if cells in RULES else "", line.text) for line in lines)


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


def _report(out: TextIO, err: TextIO, env: Mapping[str, str], plan: Plan) -> None:
    """What qari found of the terminal, what it does there, and the current setting."""
    path = config_path()
    config, warnings = load_config(path)
    found = plan.found
    rows = [("terminal", f"{found.terminal.label} ({found.how})")]
    if found.inside:
        rows.append(("inside", found.inside))
    rows.append(("qari", plan.what))
    rows += [(name, visible(env[name]) if env.get(name) else "(not set)") for name in ENV_NAMES]
    rows.append(("stdout", "a terminal" if _isatty(out) else "not a terminal (redirected)"))
    rows.append(("config", visible(path) + ("" if path.exists() else " (no file yet)")))
    rows.append(("bidi", config.bidi))
    rows.append(("known", ", ".join(PROFILES)))
    out.write("qari doctor: can this terminal show right-to-left text?\n\n")
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        out.write(f"  {label:<{width}}  {value}\n")
    out.flush()
    for warning in warnings:
        err.write(f"qari: {warning}\n")
    err.flush()


def _show_pattern(out: TextIO, plan: Plan) -> str:
    """The sentence both ways; returns what must be sent when the doctor is done.

    Line a is drawn as the reader draws here. ``CSI 8 l`` (VTE, mintty) is
    kept per line by the terminal, so it wraps line a only; the other
    switches (Konsole, mlterm) act on the whole screen at once, so they stay
    on until the doctor ends, as they do while the reader runs.
    """
    tty = _isatty(out)
    enter, leave = (plan.enter, plan.leave) if tty else ("", "")
    per_line = enter == EXPLICIT_BIDI
    out.write("\nThe same sentence, two ways:\n\n")
    out.write("  a) qari does the bidi (shaped and ordered by qari, as the reader draws it here):\n")
    line_a = INDENT + visual_pattern(plan.cells if plan.bidi == "app" else "visual") + "\n"
    out.write(enter + line_a + leave if per_line else enter + line_a)
    out.write("  b) the terminal does the bidi (the text as written):\n")
    out.write(INDENT + PATTERN + "\n\n")
    if enter and not per_line:
        out.write(
            f"({plan.found.terminal.label}'s own bidi is off while the doctor runs, as it is while qari runs.)\n\n"
        )
    if plan.notice:
        out.write(f"note: {plan.notice}\n\n")
    out.flush()
    return "" if per_line else leave


def run(
    args: argparse.Namespace,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    plan: Plan | None = None,
) -> int:
    """Run the doctor with parsed ``args``; returns the exit status.

    ``plan``: what qari does in this terminal (default: found out from ``env`` and the terminal).
    """
    stdin = sys.stdin if stdin is None else stdin
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    env = os.environ if env is None else env
    if plan is None:
        config, _ = load_config()
        plan = plan_here(config.bidi, config.terminal, env)
    _report(out, err, env, plan)
    leave = _show_pattern(out, plan)
    try:
        return _choose(args, stdin, out, err)
    finally:
        if leave:
            out.write(leave)
            out.flush()


def _choose(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    """The user's choice (``--choose`` or the answer), kept in the config."""
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
