"""``make bench``: qari's performance goals, measured side by side in one run.

Timings here are benchmarks, not tests: they print a table and never fail a
build, because the machines are shared and noisy. Each figure is the best
(minimum) of several runs, and every goal is a ratio of two things measured
in the same run, so a slow machine slows both sides.

Articles are generated from the words of the bundled samples with a fixed
seed, so they read like news (Arabic with numbers, Latin names, punctuation)
without repeating whole paragraphs, which would flatter any cache.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from reader.article import Article
from reader.text import display, rtl_lines
from reader.text.layout import ArticleLayout, LayoutOptions

from .common import best_of, generate_article


def full_layout(article: Article, width: int) -> int:
    display.clear_caches()  # cold word caches: every distinct word is shaped and reordered once
    rtl_lines.clear_cache()
    layout = ArticleLayout(article.paragraphs, article.text, LayoutOptions(width=width), cache_size=1)
    return sum(1 for _ in layout.lines())


def first_screen(article: Article, width: int, height: int) -> None:
    display.clear_caches()
    rtl_lines.clear_cache()
    layout = ArticleLayout(article.paragraphs, article.text, LayoutOptions(width=width))
    for shown, _ in enumerate(layout.lines(), start=1):
        if shown == height:
            break


def fribidi_seconds(path: Path, runs: int) -> float | None:
    fribidi = shutil.which("fribidi")
    if fribidi is None:
        return None
    command = [fribidi, "--nobreak", "--nopad", "--wrtl", "--reordernsm", str(path)]
    return best_of(runs, lambda: subprocess.run(command, stdout=subprocess.DEVNULL, check=True))


def _store_rows(table: Table) -> None:
    """Annotations: saving one claim, beside TinyDB's stock JSONStorage doing the same insert."""
    from .store import save_latency

    for count, ours, stock in save_latency():
        goal = "≤ 3 ms, ≤ 2× stock" if count == 1000 else "≤ 2× stock"
        table.add_row(
            f"save one claim with {count:,} saved (median)",
            f"{ours:.1f} ms",
            f"{stock:.1f} ms (TinyDB JSONStorage)",
            f"{ours / stock:.2f}×",
            goal,
        )


def _attribution_rows(table: Table) -> None:
    """Attribution suggestions: precision / recall on the labelled set, and speed on a 50 KB article."""
    from . import attribution, press

    for row in [*attribution.bench_rows(), *press.bench_rows()]:
        table.add_row(*row)


def _export_rows(table: Table, runs: int) -> None:
    """Export: 1,000 articles × 100 claims to CSV, beside the bare csv module writing the same rows."""
    from .export import measure

    figures = measure(runs)
    table.add_row(
        f"qari export, {figures.articles:,} articles × {figures.claims // figures.articles} claims to CSV",
        f"{figures.export:.2f} s",
        f"{figures.bare_csv:.2f} s (bare csv.writer, same rows)",
        f"{figures.export / figures.bare_csv:.2f}×",
        "≤ 2×",
    )
    table.add_row(
        "  peak memory of that export (fresh process)",
        f"{figures.peak / 2**20:.0f} MB",
        f"{figures.peak_tenth / 2**20:.0f} MB for 100 articles",
        "",
        "≤ 100 MB",
    )


def _page_rows(table: Table, runs: int) -> None:
    """Saved pages: the story and metadata of a 1 MB page."""
    from .pages import measure, one_megabyte_page

    story = generate_article(700_000, seed=17)
    extract, parse, size = measure(story, runs)
    table.add_row(
        f"saved page, {size / 1e6:.1f} MB: story and metadata",
        f"{extract:.3f} s",
        f"{parse:.3f} s (lxml parse alone)",
        f"{extract / parse:.1f}×",
        "",
    )
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_bytes(one_megabyte_page(story))
        qari = [sys.executable, "-m", "reader.cli"]
        subprocess.run([*qari, "import", str(page), "-o", tmp], check=True, capture_output=True)

        def render(path: Path) -> Callable[[], object]:
            return lambda: subprocess.run(
                [*qari, "render", str(path), "--width", "100"], check=True, stdout=subprocess.DEVNULL
            )

        opened = best_of(runs, render(page))
        imported = best_of(runs, render(page.with_suffix(".txt")))
    table.add_row(
        "  qari render of that page vs its imported .txt (whole process)",
        f"{opened:.2f} s",
        f"{imported:.2f} s",
        f"{opened / imported:.1f}×",
        "≤ 1 s",
    )


def _ui_rows(table: Table, tmp: Path, two_mb: Path, runs: int) -> None:
    """The reader's rows: first paint, keypress to frame, memory."""
    from . import ui

    small_path = tmp / "article-5kb.txt"
    small_path.write_text(generate_article(5_000, seed=11), encoding="utf-8")
    huge_path = tmp / "article-5mb.txt"
    huge_path.write_text(generate_article(5_000_000, seed=13), encoding="utf-8")
    ui.first_paint_pair(small_path, huge_path, 1)  # warm imports, caches and the page cache alike for both
    paint_small, paint_huge = ui.first_paint_pair(small_path, huge_path, max(runs, 5))
    table.add_row(
        "reader: first paint, 5 MB vs 5 KB article",
        f"{paint_huge * 1e3:.0f} ms",
        f"{paint_small * 1e3:.0f} ms",
        f"{paint_huge / paint_small:.2f}×",
        "≤ 1.3×",
    )
    for label, path in (("5 KB", small_path), ("5 MB", huge_path)):
        median, p95 = ui.keypress_latency(path, 100)
        table.add_row(
            f"reader: PgDn → next frame, {label} article (median / p95)",
            f"{median * 1e3:.1f} / {p95 * 1e3:.1f} ms",
            "",
            "",
            "median ≤ 10 ms",
        )
    # Opening an article with 5,000 claims against the same article without any.
    plain_path = tmp / "annotated-plain.txt"
    annotated_path = tmp / "annotated.txt"
    text = generate_article(200_000, seed=17)
    plain_path.write_text(text, encoding="utf-8")
    annotated_path.write_text(text, encoding="utf-8")
    from .store import write_annotations

    write_annotations(annotated_path, text, 5000)
    paint_plain, paint_annotated = ui.first_paint_pair(plain_path, annotated_path, max(runs, 5))
    table.add_row(
        "reader: first paint, article with 5,000 claims vs none",
        f"{paint_annotated * 1e3:.0f} ms",
        f"{paint_plain * 1e3:.0f} ms",
        f"{paint_annotated / paint_plain:.2f}×",
        "≤ 1.5×",
    )
    # Paging through an annotated article: 500 sentence-long claims, a third of the text highlighted.
    claimed_path = tmp / "claimed.txt"
    claimed_path.write_text(text, encoding="utf-8")
    write_annotations(claimed_path, text, 500)
    for label, pause in (("reading a page between keys", 0.5), ("key held down", 0.0)):
        median, p95 = ui.keypress_latency(claimed_path, 40, pause, wait_for_store=True)
        table.add_row(
            f"reader: PgDn → next frame, 500 claims, {label} (median / p95)",
            f"{median * 1e3:.1f} / {p95 * 1e3:.1f} ms",
            "",
            "",
            "–",
        )
    opened, redrawn = ui.panel_timings(annotated_path)
    table.add_row(
        "reader: claims panel (p) with 5,000 claims: open / list again after a save",
        f"{opened * 1e3:.0f} / {redrawn * 1e3:.0f} ms",
        "",
        "",
        "–",
    )
    # A folder of 10,000 articles against one of 10: the library's first screen, and a key while rows are read.
    texts = [generate_article(4_000, seed=100 + i) for i in range(20)]
    for count in (10, 10_000):
        folder = tmp / f"library-{count}"
        folder.mkdir()
        for index in range(count):
            (folder / f"article-{index:05d}.txt").write_text(texts[index % len(texts)], encoding="utf-8")
    few_paint, few_key = ui.library_first_paint(tmp / "library-10")
    many_paint, many_key = ui.library_first_paint(tmp / "library-10000")
    table.add_row(
        "library: first screen, 10,000 articles vs 10",
        f"{many_paint * 1e3:.0f} ms",
        f"{few_paint * 1e3:.0f} ms",
        f"{many_paint / few_paint:.2f}×",
        "≤ 2 s",
    )
    table.add_row(
        "library: key → filtered rows while 10,000 are read (median)",
        f"{many_key * 1e3:.1f} ms",
        f"{few_key * 1e3:.1f} ms",
        "",
        "≤ 16 ms",
    )
    empty = ui.resident_memory(None)
    loaded = ui.resident_memory(two_mb)
    table.add_row(
        "reader: resident memory, 2 MB article laid out vs empty",
        f"+{(loaded - empty) / 2**20:.0f} MB",
        f"{empty / 2**20:.0f} MB empty",
        "",
        "≤ +100 MB",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (for a smoke test)")
    parser.add_argument("--no-ui", action="store_true", help="only the text engine's rows")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else 5
    console = Console(width=120)
    table = Table(title=f"qari benchmarks (best of {runs} runs)")
    for column in ("what", "qari", "reference", "ratio", "goal"):
        table.add_column(column, justify="right" if column in ("qari", "reference", "ratio") else "left")

    with tempfile.TemporaryDirectory() as tmp:
        big_path = Path(tmp) / "article-2mb.txt"
        big_path.write_text(generate_article(2_000_000), encoding="utf-8")
        big = Article.from_text(big_path.read_text(encoding="utf-8"), big_path.name)
        lines = full_layout(big, 100)
        ours = best_of(runs, lambda: full_layout(big, 100))
        theirs = fribidi_seconds(big_path, runs)
        table.add_row(
            "full layout, 2 MB article, width 100",
            f"{ours:.3f} s",
            f"{theirs:.3f} s (fribidi --nobreak)" if theirs else "fribidi not installed",
            f"{ours / theirs:.1f}×" if theirs else "–",
            "≤ 5× fribidi",
        )
        table.add_row("  per visual line", f"{ours / lines * 1e6:.1f} µs", f"{lines} lines", "", "")

        small = Article.from_text(generate_article(5_000, seed=11), "5kb.txt")
        huge = Article.from_text(generate_article(5_000_000, seed=13), "5mb.txt")
        screen_small = statistics.median(best_of(3, lambda: first_screen(small, 100, 40)) for _ in range(runs))
        screen_huge = statistics.median(best_of(3, lambda: first_screen(huge, 100, 40)) for _ in range(runs))
        table.add_row(
            "first screen (100×40), 5 MB vs 5 KB article",
            f"{screen_huge * 1e3:.2f} ms",
            f"{screen_small * 1e3:.2f} ms",
            f"{screen_huge / screen_small:.2f}×",
            "≤ 1.5×",
        )
        load = best_of(runs, lambda: Article.from_text(huge.text, "5mb.txt").paragraphs)
        table.add_row("  opening the 5 MB article (newlines, paragraph index)", f"{load * 1e3:.1f} ms", "", "", "")

        layout = ArticleLayout(big.paragraphs, big.text, LayoutOptions(width=100))
        sample = [line for _, line in zip(range(2000), layout.lines())]

        def maps() -> None:
            for line in sample:
                line._map = None
                _ = line.map

        map_time = best_of(runs, maps)
        table.add_row(
            "cell map of a visual line (cursor, selection)",
            f"{map_time / len(sample) * 1e6:.1f} µs",
            f"{len(sample)} lines",
            "",
            "",
        )
        _page_rows(table, runs)
        _store_rows(table)
        _attribution_rows(table)
        _export_rows(table, min(runs, 3))
        if not args.no_ui:
            _ui_rows(table, Path(tmp), big_path, runs)
    console.print(table)
    console.print(f"Python {sys.version.split()[0]}; figures vary with the machine, ratios much less.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
