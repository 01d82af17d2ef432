"""Exporting 1,000 articles × 100 claims to CSV, beside the bare csv module writing the same rows.

The goal (issue 6, then the architecture issue): ``qari export`` of 1,000
articles with 100 claims each to CSV in ≤ 2× the time of the reference, with
a peak memory ≤ 100 MB. The reference is ``csv.writer`` writing the very rows
of that export (read back beforehand, untimed) to a file: the ratio is what
the export costs beyond writing its rows, reading the articles and their
annotations, checking them, placing claims and finding paragraphs. The export is the real command (``cli.main`` with
``-o``, in this process); its peak memory is measured in a fresh process with
``ru_maxrss`` (the kernel's figure, everything included), on 100 articles
and on 1,000, to show it does not grow with the number of articles.

The annotation files are written directly as JSON (what the store would
save), in ten subfolders of 100 articles, from the bundled samples' words
with a fixed seed. Run ``python -m benchmarks.export`` for the figures alone.
"""

from __future__ import annotations

import csv
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reader.annotations.paths import annotation_path

from .store import SAMPLES, _claim, _database, _sources

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 1000
CLAIMS = 100
FOLDERS = 10


def _words() -> list[str]:
    words: list[str] = []
    for name in SAMPLES:
        words.extend(re.findall(r"\S+", (ROOT / "sample_articles" / name).read_text(encoding="utf-8")))
    return words


def write_corpus(folder: Path, articles: int = ARTICLES, claims: int = CLAIMS, seed: int = 6) -> None:
    """``articles`` articles of about 12 KB with ``claims`` claims each, in FOLDERS subfolders of ``folder``."""
    words = _words()
    rng = random.Random(seed)
    per_folder = max(1, articles // FOLDERS)
    for n in range(articles):
        sub = folder / f"part-{n // per_folder}"
        sub.mkdir(parents=True, exist_ok=True)
        paragraphs = [" ".join(rng.choices(words, k=rng.randint(25, 90))) for _ in range(rng.randint(12, 18))]
        text = "\n".join(paragraphs) + "\n"
        article = sub / f"article-{n:04d}.txt"
        article.write_text(text, encoding="utf-8")
        sources = _sources(rng)
        data = _database(article, text, sources, [_claim(text, rng, sources) for _ in range(claims)])
        annotation_path(article).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def export_seconds(folder: Path, out: Path) -> float:
    """One ``qari export FOLDER -o OUT --force`` in this process, in seconds."""
    from reader import cli

    start = time.perf_counter()
    code = cli.main(["export", str(folder), "-o", str(out), "--force"])
    seconds = time.perf_counter() - start
    if code != 0:
        raise RuntimeError(f"qari export ended with status {code}")
    return seconds


def bare_csv_seconds(rows: list[list[str]], out: Path) -> float:
    """``csv.writer`` writing ``rows`` (already in memory) to ``out`` as qari does (UTF-8, BOM), in seconds."""
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8", newline="") as stream:
        stream.write("\ufeff")  # the byte-order mark as qari writes it (utf-8-sig is slower)
        csv.writer(stream).writerows(rows)
    return time.perf_counter() - start


# The peak of the process itself: VmHWM (Linux) is reset by exec. ru_maxrss is not: a child started
# by this benchmark, which holds 100,000 rows in memory, would report the benchmark's size.
_PEAK = """
import re, resource, sys
from reader import cli
code = cli.main(["export", sys.argv[1], "-o", sys.argv[2], "--force"])
try:
    with open("/proc/self/status") as status:
        peak = int(re.search(r"VmHWM:\\s*(\\d+) kB", status.read()).group(1))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux, bytes on macOS
print(peak if code == 0 else -1)
"""


def export_peak_bytes(folder: Path, out: Path) -> int:
    """The peak resident memory of a fresh process running ``qari export FOLDER -o OUT``, in bytes."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(folder), str(out)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    kilobytes = int(done.stdout.strip())
    if kilobytes < 0:
        raise RuntimeError(f"qari export failed: {done.stderr.strip()}")
    return kilobytes * 1024


@dataclass(frozen=True, slots=True)
class ExportFigures:
    articles: int
    claims: int
    export: float  # seconds, best of the runs
    bare_csv: float  # seconds, best of the runs
    peak: int  # bytes, 1,000 articles
    peak_tenth: int  # bytes, 100 articles
    size: int  # bytes of the CSV


def measure(runs: int = 3) -> ExportFigures:
    with tempfile.TemporaryDirectory(prefix="qari-bench-export-") as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder)
        out = Path(tmp) / "claims.csv"
        timings = [export_seconds(folder, out)]
        with open(out, encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
        reference = Path(tmp) / "bare.csv"
        theirs_timings = [bare_csv_seconds(rows, reference)]
        for _ in range(runs - 1):  # interleaved, so a burst of load on a shared machine falls on both sides
            timings.append(export_seconds(folder, out))
            theirs_timings.append(bare_csv_seconds(rows, reference))
        ours, theirs = min(timings), min(theirs_timings)
        if reference.read_bytes() != out.read_bytes():
            raise RuntimeError("the bare csv module did not write the same file")
        peak = export_peak_bytes(folder, out)
        peak_tenth = export_peak_bytes(folder / "part-0", Path(tmp) / "tenth.csv")
        return ExportFigures(ARTICLES, len(rows) - 1, ours, theirs, peak, peak_tenth, out.stat().st_size)


def main() -> None:
    figures = measure()
    print(
        f"qari export, {figures.articles:,} articles, {figures.claims:,} claims, CSV of "
        f"{figures.size / 2**20:.0f} MB: {figures.export:.2f} s (bare csv.writer: {figures.bare_csv:.2f} s, "
        f"{figures.export / figures.bare_csv:.2f}×); peak memory {figures.peak / 2**20:.0f} MB "
        f"({figures.peak_tenth / 2**20:.0f} MB for 100 articles). Goal: ≤ 2× bare csv.writer, ≤ 100 MB."
    )


if __name__ == "__main__":
    main()
