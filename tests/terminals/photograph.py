"""make terminals: photograph qari in real terminals and tell whether each shows the article right or reversed.

Starts a private Xvfb, photographs references in xterm (qari as it is, and qari's text in logical order), then
each terminal in turn; judges each picture by which reference it is nearest to (see verdict.py); writes the
table into docs/terminals.md and the pictures to docs/terminals/. Exit status: 0 all right, 1 some reversed
(or failed to run), 2 nothing could be judged.

    python tests/terminals/photograph.py [--qari CMD] [--article PATH] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

import verdict
from report import Row, table, update_docs
from shoot import ShotFailed, photograph
from terms import COLS, ROWS, TERMINALS, Terminal, install_missing
from xscreen import Display

REPO = Path(__file__).resolve().parents[2]


def default_qari() -> str:
    """This checkout's qari, through the running Python (main puts the checkout first on PYTHONPATH)."""
    return f"{shlex.quote(sys.executable)} -m reader.cli"


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--qari", default=default_qari(), help="the command that runs qari (default: %(default)s)")
    p.add_argument("--reference-qari", help="the qari photographed for the xterm references (default: --qari)")
    p.add_argument("--article", type=Path, default=REPO / "sample_articles" / "ceasefire-talks.txt")
    p.add_argument("--only", help="comma-separated terminal names (default: all)")
    p.add_argument("--docs", type=Path, default=REPO / "docs", help="where terminals.md and terminals/ go")
    p.add_argument("--no-install", action="store_true", help="never run apt-get")
    return p.parse_args(argv)


def pick(only: str | None) -> list[Terminal]:
    """The terminals asked for, in the table's order; an unknown name is an error."""
    if not only:
        return TERMINALS
    names = [n.strip() for n in only.split(",") if n.strip()]
    unknown = set(names) - {t.name for t in TERMINALS}
    if unknown:
        raise SystemExit(
            f"unknown terminal(s): {', '.join(sorted(unknown))}; known: {', '.join(t.name for t in TERMINALS)}"
        )
    return [t for t in TERMINALS if t.name in names]


def main(argv: list[str]) -> int:
    """Photograph, judge, report; the exit status says whether every terminal reads right."""
    args = parse(argv)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    terminals = pick(args.only)
    say = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    if not args.no_install:
        install_missing(terminals if "xterm" in {t.name for t in terminals} else [TERMINALS[0], *terminals], say)
    missing = [tool for tool in ("Xvfb", "import", "convert", "xdotool", "xwininfo", "xterm") if not shutil.which(tool)]
    if missing:
        say(f"cannot run: missing {', '.join(missing)}")
        return 2
    article = str(args.article.resolve())
    qari = shlex.split(args.qari)
    reference = shlex.split(args.reference_qari or args.qari)
    pictures = args.docs / "terminals"
    log = Path(tempfile.gettempdir()) / "qari-terminals.log"
    log.write_text("")
    say(f"terminal output goes to {log}")
    display = Display()
    rows: list[Row] = []
    try:
        say(f"Xvfb on {display.name}; references in xterm")
        xterm = TERMINALS[0]
        try:
            right_shot = photograph(display, xterm, [*reference, article], pictures / "reference-right.png", log)
            logical_shot = photograph(
                display, xterm, [*reference, "--bidi", "terminal", article], pictures / "reference-logical.png", log
            )
        except ShotFailed as e:
            say(f"cannot run: the xterm references failed: {e}")
            return 2
        right = verdict.grid(right_shot.grey, COLS, ROWS)
        wrongs = {
            "logical": verdict.grid(logical_shot.grey, COLS, ROWS),
            "reordered": verdict.cells_reversed(right),
            "words": verdict.words_reversed(right),
        }
        lines = verdict.informative_rows(right, list(wrongs.values()))
        say(f"{len(lines)} text rows tell right from reversed: {lines}")
        if len(lines) < 5:
            say("cannot run: too few text rows differ between the references")
            return 2
        for terminal in terminals:
            version = terminal.version()
            if not shutil.which(terminal.binary):
                say(f"{terminal.name}: not installed, skipped")
                rows.append(Row(terminal.name, version, "not installed", None, None))
                continue
            say(f"{terminal.name} {version} ...")
            try:
                shot = photograph(display, terminal, [*qari, article], pictures / f"{terminal.name}.png", log)
            except ShotFailed as e:
                say(f"{terminal.name}: {e}")
                rows.append(Row(terminal.name, version, f"failed: {e}", None, None))
                continue
            v = verdict.judge(verdict.grid(shot.grey, COLS, ROWS), right, wrongs, lines)
            rows.append(Row(terminal.name, version, "right" if v.ok else "reversed", v, shot.png))
            figures = ", ".join(f"{d:.3f} to {k}" for k, d in v.wrong.items())
            say(
                f"  {'right' if v.ok else 'REVERSED'}: {v.right:.3f} to right, {figures}; ×{v.margin:.2f}, {v.votes}/{v.rows}"
            )
    finally:
        display.close()
    text = table(rows, args.docs)
    print(text)
    update_docs(args.docs / "terminals.md", text, len(lines))
    judged = [r for r in rows if r.verdict is not None]
    if not judged:
        return 2
    return 0 if all(r.status == "right" for r in rows if r.status != "not installed") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
