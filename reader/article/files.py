"""Article files and folders: reading one, finding a folder's articles.

Every failure becomes one ``ArticleError`` line that names the file as it may
be printed (controls shown as ``\\xNN``). A saved web page (``.html``/``.htm``)
is an article too: its story is extracted in memory (``reader.article.web``).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .decoding import decode, shown
from .metadata import ArticleError
from .model import Article

__all__ = ["PAGE_SUFFIXES", "article_from_bytes", "find_articles", "is_article_file", "is_page", "load_article"]


def _stat(path: Path, where: str, kind: str) -> os.stat_result:
    """``path.stat()``, its failures turned into one-line ArticleErrors ("no such file: …")."""
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise ArticleError(f"qari: no such {kind}: {where}") from None
    except PermissionError:
        raise ArticleError(f"qari: {where}: permission denied") from None
    except (OSError, ValueError) as err:
        raise ArticleError(f"qari: {where}: cannot open ({_reason(err)})") from None


def load_article(path: str | os.PathLike[str], *, streamed: bool = False) -> Article:
    """Read and decode one article file (a saved page is extracted). Raises ArticleError (one line).

    ``streamed``: a big UTF-8 file's rest is decoded on first use of ``text``
    (``reader.article.streamed``), so the reader's first screen need not
    wait for it; the reader checks ``decode_problem`` once it is decoded.
    """
    where = shown(path)
    file = Path(path)
    info = _stat(file, where, "file")
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"qari: {where}: is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(f"qari: {where}: not a regular file")
    try:
        data = file.read_bytes()
    except PermissionError:
        raise ArticleError(f"qari: {where}: permission denied") from None
    except IsADirectoryError:
        raise ArticleError(f"qari: {where}: is a folder") from None
    except FileNotFoundError:
        raise ArticleError(f"qari: no such file: {where}") from None
    except OSError as err:
        raise ArticleError(f"qari: {where}: cannot read ({_reason(err)})") from None
    if streamed and not is_page(file):
        from .streamed import streamed_article

        article = streamed_article(data, file)
        if article is not None:
            return article
    return article_from_bytes(data, file)


def article_from_bytes(data: bytes, path: Path) -> Article:
    """The article in ``data``, the bytes of the file at ``path``: a saved page (by its name) or text.

    The library reads only the head of a text file through here; a page is
    always read whole (its story may start anywhere).
    """
    if is_page(path):
        from .web import page_article  # trafilatura and lxml load only when a page is opened

        return page_article(data, path)
    text, encoding = decode(data, name=path)
    return Article.from_text(text, name=path.name, path=path, encoding=encoding)


def _reason(err: BaseException) -> str:
    """The OS's short reason, without the path it repeats (already at the start)."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return shown(str(err)) or type(err).__name__


_ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
PAGE_SUFFIXES = frozenset({".html", ".htm"})
_QARI_FILES = (".annotations.json", ".claims.csv", ".lock")
# An extension is a short ASCII tail with a letter in it: "قطع ذيل إيران.. آلاف"
# or "report 2025.01" have none and are articles without an extension.
_EXTENSION_RE = re.compile(r"\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,8}\Z")


def _article_name(name: str) -> bool:
    """Whether a file name is an article's: .txt, .md, .html/.htm or no extension; no qari or temp file."""
    if not name or name.startswith((".", "~")) or name.endswith(("~", ".tmp")):
        return False
    lowered = name.lower()
    if lowered.endswith(_QARI_FILES):
        return False
    extension = _EXTENSION_RE.search(name)
    return extension is None or extension.group().lower() in _ARTICLE_SUFFIXES


def is_page(path: str | os.PathLike[str]) -> bool:
    """Whether a file is a saved web page (``.html``/``.htm``), read through the extractor."""
    return Path(path).suffix.lower() in PAGE_SUFFIXES


def is_article_file(path: Path) -> bool:
    """A regular file (or a symlink to one) named like an article."""
    path = Path(path)
    if not _article_name(path.name):
        return False
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def find_articles(folder: str | os.PathLike[str], recursive: bool = False) -> list[Path]:
    """The article files in a folder, sorted; subfolders too if ``recursive`` (not hidden ones).

    Raises ArticleError when the folder cannot be listed or holds no article.
    """
    where = shown(folder)
    top = Path(folder)
    info = _stat(top, where, "folder")
    if not stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"qari: {where}: not a folder")

    found: list[Path] = []
    pending = [top]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except PermissionError:
            if current is top:
                raise ArticleError(f"qari: {where}: permission denied") from None
            continue  # an unreadable subfolder should not hide the rest
        except OSError as err:
            if current is top:
                raise ArticleError(f"qari: {where}: cannot list ({_reason(err)})") from None
            continue
        for entry in listed:
            try:
                if recursive and entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        pending.append(current / entry.name)
                elif _article_name(entry.name) and entry.is_file():
                    found.append(current / entry.name)
            except OSError:
                continue
    if not found:
        folder_shown = where if where.endswith(("/", os.sep)) else where + "/"
        raise ArticleError(
            f"qari: {folder_shown}: no articles here (looked for .txt, .md, .html and files without an extension)"
        )
    return sorted(found)
