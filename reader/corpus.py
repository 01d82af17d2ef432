"""Many articles at once, for ``qari export`` and ``qari stats``: finding them, reading their annotations.

An article is named in an export or a statistic by its path as found from
the command line: the argument itself for a file, the folder argument joined
with the path below it for a folder (``corpus/2025/iran.txt``), with ``/``
between parts. That names every article uniquely however many arguments
there are, and the path opens the article from where the command ran.

Reading never takes a store's lock and never writes: see
``reader.annotations.reading.read_annotations``. Articles are read one at a
time, so memory stays flat however many there are. No Textual import.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .annotations.errors import StoreError
from .annotations.paths import annotations_file, default_data_dir
from .annotations.reading import AnnotationSnapshot, read_annotations
from .article import Article, ArticleError, find_articles, is_article_file, load_article
from .text.sanitise import printable

__all__ = ["Annotated", "CorpusError", "Skipped", "annotated_articles", "article_name", "find_corpus"]


class CorpusError(Exception):
    """Bad input on the command line (a missing path, a folder without articles…): one line."""


@dataclass(frozen=True, slots=True)
class Annotated:
    """An article with its saved annotations."""

    name: str
    article: Article
    annotations: AnnotationSnapshot


@dataclass(frozen=True, slots=True)
class Skipped:
    """An article whose annotations could not be read; ``reason`` is one line."""

    name: str
    reason: str


def article_name(path: Path) -> str:
    """How exports and statistics name an article (see the module's docstring)."""
    return (path if isinstance(path, Path) else Path(path)).as_posix()


def find_corpus(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The article files named by ``paths``: files as given, folders searched recursively (sorted).

    An article reached twice is listed once. Raises CorpusError for a path
    that does not exist, a file that is not an article, or a folder without any.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    folders: dict[Path, Path] = {}
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                articles = find_articles(path, recursive=True)
            elif is_article_file(path):
                articles = [path]
            elif path.exists():
                raise CorpusError(
                    f"qari: {printable(os.fspath(given))}: not an article "
                    "(a .txt, .md, .html or extensionless text file)"
                )
            else:
                raise CorpusError(f"qari: no such file or folder: {printable(os.fspath(given))}")
        except ArticleError as err:
            raise CorpusError(str(err)) from None
        except OSError as err:
            raise CorpusError(f"qari: {printable(os.fspath(given))}: {(err.strerror or str(err)).lower()}") from None
        for article in articles:
            key = _resolved(article, folders)
            if key not in seen:
                seen.add(key)
                found.append(article)
    return found


def _resolved(path: Path, folders: dict[Path, Path]) -> Path:
    """``path.resolve()``, its folder resolved once for every article in it (``folders``): a thousand
    articles in ten folders are a thousand ``lstat`` calls, not one for each part of each path."""
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    real = folder / path.name
    return real.resolve() if real.is_symlink() else real


def annotated_articles(articles: Iterable[Path], *, data_dir: Path | None = None) -> Iterator[Annotated | Skipped]:
    """The articles that have annotations, one at a time, in order; those whose article or annotations
    file cannot be read come as ``Skipped``. Articles without an annotations file are left out."""
    folder = default_data_dir() if data_dir is None else data_dir  # once: platformdirs is not free
    for path in articles:
        name = article_name(path)
        found = annotations_file(path, data_dir=folder)
        if found is None:
            continue
        try:
            article = load_article(path)
            snapshot = read_annotations(path, article.text, file=found)
        except ArticleError as err:  # its message names the file: keep the reason only
            yield Skipped(name, str(err).removeprefix("qari: ").removeprefix(f"{path}: "))
            continue
        except StoreError as err:
            yield Skipped(name, str(err))
            continue
        if snapshot is not None:
            yield Annotated(name, article, snapshot)
