"""``qari doctor``: its options parsed the way every qari command's are; the work is in reader.terminal.doctor."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import TextIO

from ..terminal.doctor import EXIT_BAD_INPUT, add_arguments, run
from ..terminal.plan import Plan
from . import OneLineParser, UsageError

__all__ = ["run_doctor"]


def run_doctor(
    argv: Sequence[str],
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    plan: Plan | None = None,
) -> int:
    """``qari doctor [--choose auto|app|terminal]``: ``argv`` is what follows ``doctor``. Returns the exit status.

    A bad option prints one line on stderr and returns 2.
    """
    parser = OneLineParser(
        prog="qari doctor",
        description="Check how this terminal shows right-to-left text "
        "and choose who does the bidi: qari (app) or the terminal.",
    )
    add_arguments(parser)
    try:
        args = parser.parse_args(list(argv))
    except UsageError as problem:
        (sys.stderr if stderr is None else stderr).write(f"qari: {problem}\n")
        return EXIT_BAD_INPUT
    return run(args, stdin=stdin, stdout=stdout, stderr=stderr, env=env, plan=plan)
