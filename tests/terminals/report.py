"""The table of verdicts, printed and kept in docs/terminals.md between its markers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from verdict import Verdict

BEGIN, END = "<!-- terminals:begin -->", "<!-- terminals:end -->"

INTRO = f"""# qari in real terminals

What a reader sees when running qari out of the box in common Linux terminals: each terminal is started
with DejaVu Sans Mono 12 at 100×30 cells and every other setting at its default (an empty HOME), showing
`sample_articles/ceasefire-talks.txt` with qari's default bidi mode (`app`: qari shapes and orders the text
itself). A terminal that applies its own bidi algorithm on top reorders the already-ordered lines and
shows the article reversed.

The table is made by `make terminals` (`tests/terminals/photograph.py`), which photographs each terminal on
a private Xvfb. Right or reversed is decided by comparing the picture's text rows with reference pictures
taken in xterm, which does no bidi of its own: qari as it is (right), and three wrong ones: qari's text
in logical order as `qari --bidi terminal` sends it, the right picture with each row's cells in reverse
order (what a terminal shows that reorders qari's line once more), and the right picture with each word's
cells reversed in place. Each row's ink is cut to its extent, blurred sideways and compared aligned at
either end, so glyphs drawn a pixel apart or lines moved to the other side still compare. The figures are
mean distances over the article's text rows (0 = the same ink, 1 = nothing in common); the verdict is the
nearest reference; the margin says how many times nearer it is than the other side, and the votes how
many text rows, taken one by one, are nearer the right reference than to every wrong one.

{BEGIN}
{END}
"""


@dataclass(frozen=True)
class Row:
    """One terminal's line in the table."""

    name: str
    version: str
    status: str  # right, reversed, not installed, failed: …
    verdict: Verdict | None
    png: Path | None


def table(rows: list[Row], docs: Path) -> str:
    """The markdown table; picture links are relative to docs/."""
    out = [
        "| Terminal | Version | Verdict | to right | to logical | to reordered | to words reversed | margin | rows voting right | Picture |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        v = r.verdict
        figures = [""] * 6
        if v is not None:
            margin = "∞" if v.margin == float("inf") else f"×{v.margin:.2f}"
            figures = [f"{v.right:.3f}", *(f"{v.wrong[k]:.3f}" for k in ("logical", "reordered", "words"))]
            figures += [margin, f"{v.votes}/{v.rows}"]
        link = f"[{r.png.name}]({Path(os.path.relpath(r.png, docs)).as_posix()})" if r.png else ""
        verdict = f"**{r.status}**" if r.status == "reversed" else r.status
        out.append(f"| {r.name} | {r.version} | {verdict} | {' | '.join(figures)} | {link} |")
    return "\n".join(out)


def update_docs(path: Path, text: str, nrows: int) -> None:
    """Put the table between the markers (creating the page with its introduction when absent)."""
    page = path.read_text() if path.exists() else INTRO
    if BEGIN not in page or END not in page:
        page = page.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, rest = page.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    body = f"\n{text}\n\nDistances over {nrows} text rows; pictures in [terminals/](terminals/).\n"
    path.write_text(f"{head}{BEGIN}{body}{END}{tail}")
