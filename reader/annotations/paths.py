"""Where an article's annotations file lives: beside the article, or in the user data folder.

``iran.txt`` → ``iran.txt.annotations.json`` in the article's folder; when
that folder cannot be written, ``<data>/annotations/<key>-iran.txt.annotations.json``
(``<key>``: the first 16 hex digits of the sha256 of the article's absolute
path). When both exist, the newer is the one to read. No Textual import.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

__all__ = [
    "DATA_DIR_ENV",
    "SUFFIX",
    "FileState",
    "annotation_path",
    "annotations_file",
    "article_sha256",
    "default_data_dir",
    "exists",
    "fallback_path",
    "mtime",
    "newer_file",
]

#: Set to a folder to keep qari's data (annotations of read-only folders) there instead of the platform's.
DATA_DIR_ENV = "QARI_DATA_DIR"
SUFFIX = ".annotations.json"


def _path(path: str | os.PathLike[str]) -> Path:
    """``Path(path)``, without making a new one from a Path (an export asks for thousands)."""
    return path if isinstance(path, Path) else Path(path)


def annotation_path(article_path: Path) -> Path:
    """The annotations file beside an article: ``iran.txt`` → ``iran.txt.annotations.json``."""
    article_path = _path(article_path)
    return article_path.with_name(article_path.name + SUFFIX)


def default_data_dir() -> Path:
    """Where annotations of articles in read-only folders go: ``$QARI_DATA_DIR/annotations`` or the platform's."""
    override = os.environ.get(DATA_DIR_ENV)
    base = Path(override).expanduser() if override else Path(user_data_dir("qari", appauthor=False))
    return base / "annotations"


def fallback_path(article_path: Path, folder: Path | None = None) -> Path:
    """The file used when the article's folder is read-only: keyed by the article's absolute path."""
    article_path = Path(article_path)
    key = hashlib.sha256(os.fsencode(article_path.resolve())).hexdigest()[:16]
    return (default_data_dir() if folder is None else Path(folder)) / f"{key}-{article_path.name}{SUFFIX}"


def article_sha256(text: str) -> str:
    """The sha256 of the article text as UTF-8 (what ``meta`` keeps to notice an edited article)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def exists(path: Path) -> bool:
    """``path.exists()`` that says False instead of raising (a name too long, a folder we may not list)."""
    try:
        return path.exists()
    except OSError:
        return False


def mtime(path: Path) -> int:
    """The modification time in ns, -1 for a file that is missing or cannot be looked at."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def newer_file(article_path: Path, data_dir: Path | None = None) -> Path:
    """Of the file beside the article and its data-folder copy, the newer (the one beside on a tie)."""
    beside = annotation_path(article_path)
    folder = default_data_dir() if data_dir is None else _path(data_dir)
    if not os.path.isdir(folder):  # nothing can be there: spare resolving the article's path (an export of 1,000)
        return beside
    fallback = fallback_path(article_path, folder)
    return fallback if mtime(fallback) > mtime(beside) else beside


def annotations_file(article_path: Path, *, data_dir: Path | None = None) -> Path | None:
    """The annotations file an article's store would read; None without one."""
    path = newer_file(_path(article_path), data_dir)
    return path if mtime(path) >= 0 else None


@dataclass(frozen=True, slots=True)
class FileState:
    """What a file looked like when it was read (to notice another program changing it)."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileState | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_ino, info.st_size, info.st_mtime_ns)
