"""The sources other articles of a folder name, for the claim dialog's type-ahead.

A fact-checker annotating a folder of articles meets the same people again:
the claim dialog offers the sources (name, type, role) saved with the other
articles. Reading every neighbour's annotations file each time the dialog
opens cost up to 500 JSON parses on the UI thread; ``SourceRegistry`` reads
a file once and again only when its modification time (or size, or inode)
changed, and is meant to be asked from a worker thread (``reader.ui`` does
so and gets the answer back through ``call_from_thread``). No Textual import.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from .model import Source, name_key
from .paths import SUFFIX, FileState, annotation_path
from .reading import sources_in_file

__all__ = ["REGISTRY", "SourceRegistry", "known_sources"]

#: Neighbours read at most: a folder of thousands of articles offers its first 500 files' sources.
MAX_FILES = 500


class SourceRegistry:
    """Known sources per annotations file, remembered until the file changes. Safe to share between threads."""

    def __init__(self) -> None:
        self._files: dict[Path, tuple[FileState, tuple[Source, ...]]] = {}
        self._lock = threading.Lock()
        self.reads = 0  # files parsed so far: what the cache saves is visible in tests

    def sources_near(self, article_path: Path | None) -> list[Source]:
        """Sources saved with the other articles of ``article_path``'s folder (not its own file), file by
        file in name order; a file that cannot be read offers nothing."""
        if article_path is None:
            return []
        article_path = Path(article_path)
        own = annotation_path(article_path).name
        try:
            files = sorted(article_path.parent.glob("*" + SUFFIX))
        except OSError:
            return []
        found: list[Source] = []
        for path in files[:MAX_FILES]:
            if path.name != own:
                found.extend(self._sources_of(path))
        return found

    def _sources_of(self, path: Path) -> tuple[Source, ...]:
        state = FileState.of(path)
        if state is None:
            return ()
        with self._lock:
            known = self._files.get(path)
        if known is not None and known[0] == state:
            return known[1]
        sources = tuple(sources_in_file(path))
        with self._lock:
            self._files[path] = (state, sources)
            self.reads += 1
        return sources

    def forget(self) -> None:
        """Drop everything remembered (the next question reads the files again)."""
        with self._lock:
            self._files.clear()


#: The registry the reader shares across articles (a library session opens many of one folder).
REGISTRY = SourceRegistry()


def known_sources(near: Iterable[Source], own: Iterable[Source]) -> list[Source]:
    """The type-ahead's list: the folder's sources and the article's own, one per name (Arabic-folded; the
    article's own win, so picking one names it, not a copy), sorted by name."""
    known = {name_key(source.name): source for source in near}
    known.update({name_key(source.name): source for source in own})
    return sorted(known.values(), key=lambda source: source.name)
