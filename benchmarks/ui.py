"""The reader's goals: first paint, keypress to frame, memory. Run by ``make bench``.

Each figure comes from the real app running headless (``App.run_test``);
memory is read from /proc in a fresh process per article, so one article's
caches cannot flatter another's.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from reader.cli import default_frame_rate

default_frame_rate()  # as `qari` does before Textual is imported, so the figures are what users get

from reader.article import load_article
from reader.ui.app import QariApp
from reader.ui.article_view import ArticleView

SIZE = (100, 30)  # the size the goals and the README's tmux checks use


class _FrameWatch:
    """Notes when the article view draws the last row of the screen: the frame is complete."""

    def __init__(self) -> None:
        self.drawn = asyncio.Event()
        self.when = 0.0
        self._original = ArticleView.render_line

    def __enter__(self) -> _FrameWatch:
        watch = self
        original = self._original

        def render_line(view: ArticleView, y: int):  # type: ignore[no-untyped-def]
            strip = original(view, y)
            if y == view.scrollable_content_region.height - 1 and view.line_count:
                watch.when = time.perf_counter()
                watch.drawn.set()
            return strip

        ArticleView.render_line = render_line  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        ArticleView.render_line = self._original  # type: ignore[method-assign]


async def _first_paint(path: Path) -> float:
    with _FrameWatch() as watch:
        start = time.perf_counter()
        app = QariApp(article=load_article(path, streamed=True))  # as `qari FILE` opens it
        async with app.run_test(size=SIZE):
            await asyncio.wait_for(watch.drawn.wait(), 60)
            elapsed = watch.when - start
            app.exit()
    return elapsed


def first_paint(path: Path, runs: int) -> float:
    """Seconds from opening the file to the last row of the first screen drawn (median of ``runs``)."""
    return statistics.median(asyncio.run(_first_paint(path)) for _ in range(runs))


def first_paint_pair(first: Path, second: Path, runs: int) -> tuple[float, float]:
    """``first_paint`` of two files, their runs interleaved (a burst of load on a shared machine falls on
    both sides of the ratio): the medians, in the order given."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(asyncio.run(_first_paint(first)))
        times[1].append(asyncio.run(_first_paint(second)))
    return statistics.median(times[0]), statistics.median(times[1])


async def _keypresses(path: Path, presses: int, pause: float = 0.0, wait_for_store: bool = False) -> list[float]:
    from textual import events

    timings: list[float] = []
    with _FrameWatch() as watch:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=SIZE):
            await asyncio.wait_for(watch.drawn.wait(), 60)
            view = app.screen.query_one(ArticleView)
            if wait_for_store:  # claims drawn: the annotations open in a thread after the first frame
                for _ in range(200):
                    await asyncio.sleep(0.05)
                    if getattr(app.screen, "store", None) is not None:
                        break
            for _ in range(presses):
                watch.drawn.clear()
                start = time.perf_counter()
                # What the terminal driver does with a key: a Key event for the app.
                app.post_message(events.Key("pagedown", None))
                await asyncio.wait_for(watch.drawn.wait(), 10)
                timings.append(watch.when - start)
                await asyncio.sleep(pause)  # a reader reads the page before the next key
            assert view.scroll_y > 0
            app.exit()
    return timings


def keypress_latency(path: Path, presses: int, pause: float = 0.0, wait_for_store: bool = False) -> tuple[float, float]:
    """Median and 95th percentile seconds from a scrolling key to the frame that shows it (``pause``: seconds
    between keys, as a reader takes; 0 is a key held down)."""
    timings = sorted(asyncio.run(_keypresses(path, presses, pause, wait_for_store)))
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


_MEMORY_PROBE = """
import asyncio, json, sys
from reader.article import Article, load_article
from reader.ui.app import QariApp
from reader.ui.article_view import ArticleView

def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) * 1024

async def main(path):
    article = load_article(path) if path else Article.from_text('', 'empty.txt')
    app = QariApp(article=article)
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.screen.query_one(ArticleView)
        for _ in range(600):
            await pilot.pause(0.05)
            if view.complete:
                break
        await pilot.press('G')
        await pilot.pause()
        print(json.dumps({'rss': rss(), 'complete': view.complete}))
        app.exit()

asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else ''))
"""


def resident_memory(path: Path | None) -> int:
    """Bytes resident in a fresh process with ``path`` open (laid out completely), or an empty article."""
    args = [sys.executable, "-c", _MEMORY_PROBE] + ([str(path)] if path else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True, timeout=600).stdout
    result = json.loads(out.strip().splitlines()[-1])
    if not result["complete"]:
        raise RuntimeError("layout did not complete")
    return int(result["rss"])


async def _panel(path: Path) -> tuple[float, float]:
    from dataclasses import replace

    from reader.ui.annotations_panel import AnnotationsPanel
    from reader.ui.entry_list import EntryList
    from reader.ui.reader_screen import ReaderScreen

    app = QariApp(article=load_article(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        for _ in range(600):
            await pilot.pause(0.05)
            if screen.store is not None:
                break
        assert screen.store is not None
        entry_list = screen.query_one(AnnotationsPanel).query_one(EntryList)
        total = len(screen.store.claims())
        start = time.perf_counter()
        screen.action_panel("claims")
        while entry_list.entry_count < total:
            await pilot.pause(0)
        await pilot.pause()
        opened = time.perf_counter() - start
        # One claim changes (what a save does), and the panel lists everything again.
        claim = screen.store.claims()[total // 2]
        screen.store.update_claim(replace(claim, status="supported"))
        start = time.perf_counter()
        screen._show_annotations()
        await pilot.pause()
        redrawn = time.perf_counter() - start
        app.exit()
    return opened, redrawn


def panel_timings(path: Path) -> tuple[float, float]:
    """Seconds to open the claims panel (p) on an annotated article, and to list it again after one save."""
    return asyncio.run(_panel(path))


async def _library_paint(folder: Path) -> tuple[float, float]:
    from textual import events

    from reader.article import find_articles
    from reader.ui.entry_list import EntryList
    from reader.ui.library_screen import LibraryScreen

    drawn = asyncio.Event()
    original = EntryList.render_line

    def render_line(entry_list: EntryList, y: int):  # type: ignore[no-untyped-def,type-arg]
        strip = original(entry_list, y)
        if entry_list.entry_count and y == entry_list.scrollable_content_region.height - 1:
            drawn.set()
        return strip

    filtered: list[float] = []
    apply_filter = LibraryScreen._apply_filter

    def timed_filter(screen: LibraryScreen) -> None:
        apply_filter(screen)
        filtered.append(time.perf_counter())

    EntryList.render_line = render_line  # type: ignore[method-assign]
    LibraryScreen._apply_filter = timed_filter  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        app = QariApp(folder=folder, paths=find_articles(folder))
        async with app.run_test(size=SIZE) as pilot:
            await asyncio.wait_for(drawn.wait(), 60)
            painted = time.perf_counter() - start
            await pilot.press("slash")
            latencies = []
            for key in ["a", "r", "t", "backspace", "backspace", "backspace"] * 3:  # while the rows are being read
                filtered.clear()
                sent = time.perf_counter()
                app.post_message(events.Key(key, key if len(key) == 1 else None))
                while not filtered:
                    await asyncio.sleep(0.001)
                latencies.append(filtered[0] - sent)
                await asyncio.sleep(0.03)
            app.exit()
    finally:
        EntryList.render_line = original  # type: ignore[method-assign]
        LibraryScreen._apply_filter = apply_filter  # type: ignore[method-assign]
    return painted, statistics.median(latencies)


def library_first_paint(folder: Path) -> tuple[float, float]:
    """Seconds from start to the library's first full screen, and the median key → filtered rows latency."""
    return asyncio.run(_library_paint(folder))
