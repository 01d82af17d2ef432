"""What the library shows of each article: title, date, outlet, size, claim count.

A folder may hold 10,000 scraped articles (some of them huge), so each is
read only as far as its header (``HEAD_BYTES``), and the UI asks for these
in a background thread, visible rows first. Nothing here imports Textual.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .annotations.reading import count_claims
from .article import Article, ArticleError, decode, is_page, load_article
from .article.metadata import parse_published
from .text.search import fold

HEAD_BYTES = 64 * 1024  # the title, date and outlet sit in the first lines; 64 KB holds them with room


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """One library row. ``problem`` is set (one line) when the file cannot be read as an article."""

    path: Path
    title: str
    date: str = ""
    outlet: str = ""
    size: int | None = None
    claims: int | None = None
    problem: str = ""
    published_at: float | None = None  # the date as a POSIX time when it is ISO 8601 (header, page): sorts by date
    search_key: str = ""  # title, outlet and file name folded once (in the reading thread, not per keystroke)

    def __post_init__(self) -> None:
        if not self.search_key:
            key = "\n".join(fold(field) for field in (self.title, self.outlet, self.path.name))
            object.__setattr__(self, "search_key", key)

    def matches(self, needle: str) -> bool:
        """Whether a filter (already folded with ``fold``) finds this row by title, outlet or file name."""
        return not needle or needle in self.search_key


def _head(path: Path) -> tuple[bytes, bool]:
    """The first ``HEAD_BYTES`` of a file, cut after the last whole line when there is more; and whether it was cut."""
    with open(path, "rb") as file:
        data = file.read(HEAD_BYTES + 1)
    if len(data) <= HEAD_BYTES:
        return data, False
    data = data[:HEAD_BYTES]
    cut = data.rfind(b"\n")
    if cut <= 0:
        return data, True
    # A UTF-16 little-endian newline is b"\n\0": keep its second byte (and the length even).
    if cut % 2 == 0 and cut + 1 < len(data) and data[cut + 1] == 0:
        return data[: cut + 2], True
    return data[: cut + 1], True


def head_article(path: Path) -> Article:
    """The beginning of an article file, decoded as ``load_article`` would (ArticleError otherwise).

    A text article's header is in its first lines; a saved page is read
    whole: its story and metadata may sit anywhere in it.
    """
    if is_page(path):
        return load_article(path)
    try:
        data, cut = _head(path)
    except OSError as err:
        raise ArticleError(f"qari: {path.name}: cannot read ({err.strerror or err})") from None
    try:
        text, encoding = decode(data, name=path.name)
    except ArticleError:
        if not cut:
            raise  # the whole file was read: the article itself is bad
        return load_article(path)  # a cut that split an odd encoding (UTF-32…): read it all once
    return Article.from_text(text, name=path.name, path=path, encoding=encoding)


def read_info(path: Path) -> ArticleInfo:
    """Everything a library row shows about ``path``; never raises."""
    try:
        size: int | None = os.stat(path).st_size
    except OSError:
        size = None
    claims = count_claims(path)
    try:
        meta = head_article(path).metadata
    except ArticleError as err:
        reason = str(err).removeprefix("qari: ").removeprefix(f"{path}: ").removeprefix(f"{path.name}: ")
        return ArticleInfo(path, path.name, size=size, claims=claims, problem=reason)
    except Exception as err:
        return ArticleInfo(path, path.name, size=size, claims=claims, problem=f"{path.name}: {type(err).__name__}")
    moment = parse_published(meta.date) if meta.date else None
    return ArticleInfo(
        path,
        meta.title or path.name,
        meta.date or "",
        meta.outlet or "",
        size,
        claims,
        published_at=moment.timestamp() if moment else None,
    )


def human_size(size: int | None) -> str:
    if size is None:
        return "?"
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def read_infos(paths: list[Path]) -> list[ArticleInfo]:
    """``read_info`` of several files: one call to a reading process."""
    return [read_info(path) for path in paths]


class InfoReader:
    """Reads every article's ``ArticleInfo`` in a child process, a chunk at a time, wanted rows first.

    In a thread, the reading would share the interpreter lock with the UI:
    measured on 10,000 articles, each key then waited ~0.4 s for the UI
    thread to get its turn back. In a process, the UI thread only waits for
    the results. Where no process can be started, it reads in this process.
    """

    CHUNK = 48  # ~25 ms of reading: rows the user scrolls to are read within a chunk
    PROCESS_FROM = 200  # fewer articles are read in this process: a few dozen take less than starting one

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.wanted: deque[int] = deque()  # indices to read next (rows on screen); any thread may append
        self._pool: ProcessPoolExecutor | None = None

    def run(
        self,
        known: Callable[[int], bool],
        deliver: Callable[[list[tuple[int, ArticleInfo]]], None],
        cancelled: Callable[[], bool],
    ) -> None:
        """Read what is not ``known`` yet and ``deliver`` each chunk, until done or ``cancelled()``."""
        order = deque(range(len(self.paths)))
        self._pool = None
        if len(self.paths) >= self.PROCESS_FROM:
            try:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            except (OSError, ValueError, ImportError):
                self._pool = None
        try:
            while not cancelled():
                chunk: list[int] = []
                while len(chunk) < self.CHUNK and (self.wanted or order):
                    index = self.wanted.popleft() if self.wanted else order.popleft()
                    if not known(index) and index not in chunk:
                        chunk.append(index)
                if not chunk:
                    return
                infos = self._read([self.paths[i] for i in chunk])
                if not cancelled():
                    deliver(list(zip(chunk, infos)))
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)

    def _read(self, paths: list[Path]) -> list[ArticleInfo]:
        if self._pool is not None:
            try:
                return self._pool.submit(read_infos, paths).result()
            except (BrokenProcessPool, OSError, RuntimeError):
                self._pool = None  # the process died or could not start: read here from now on
        return read_infos(paths)
