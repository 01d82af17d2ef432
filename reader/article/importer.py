"""``qari import``: a saved page or a URL → one text article with a front-matter header.

The article written is the page's story exactly as qari reads the page in
place (``extract_page``), after a header with what the page says of itself, so
opening ``page.html`` and opening the imported ``page.txt`` give the same
text and the same offsets. Nothing is written for a page without a story, and
an existing file is replaced only when asked.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..files import atomic_write
from .decoding import shown
from .fetch import fetch_page, is_url
from .files import is_page
from .header import format_header
from .metadata import ArticleError, Metadata
from .web import MAX_PAGE_BYTES, Extracted, extract_page

__all__ = ["Imported", "import_source", "read_source", "slug"]

_MAX_SLUG = 60
_SLUG_GAPS_RE = re.compile(r"-{2,}")


@dataclass(frozen=True, slots=True)
class Imported:
    """What one SOURCE became: the article file written and the metadata in its header."""

    source: str
    path: Path
    metadata: Metadata


def slug(text: str) -> str:
    """A file name stem from a title or an address part: letters and digits of any script, ``-`` between.

    Harakat and tatweel are dropped (they would split a word), Latin letters
    lower-cased, everything else becomes one ``-``; at most 60 characters, cut
    at a ``-``. Empty when nothing is left.
    """
    out = []
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.category(char) in ("Mn", "Me", "Cf") or char == "\u0640":
            continue
        out.append(char.lower() if char.isalnum() else "-")
    name = _SLUG_GAPS_RE.sub("-", "".join(out)).strip("-")
    if len(name) > _MAX_SLUG:
        cut = name.rfind("-", 0, _MAX_SLUG + 1)
        name = name[: cut if cut > _MAX_SLUG // 2 else _MAX_SLUG].strip("-")
    return name


def _slug_for(source: str, meta: Metadata) -> str:
    """A saved page keeps its file's name; a URL is named by its last path part with letters, else its title."""
    if not is_url(source):
        return slug(Path(source).stem) or slug(meta.title or "") or "article"
    parts = [unquote(part) for part in urlsplit(source).path.split("/") if part]
    for part in reversed(parts):
        stem = slug(re.sub(r"\.(?:html?|php|aspx?|jsp)$", "", part, flags=re.IGNORECASE))
        if any(char.isalpha() for char in stem):
            return stem
    return slug(meta.title or "") or slug(urlsplit(source).hostname or "") or "article"


def read_source(source: str) -> Extracted:
    """The story of a saved page file or of the page at an http(s) URL. Raises ArticleError (one line)."""
    if is_url(source):
        fetched = fetch_page(source)
        return extract_page(fetched.data, url=fetched.url, declared=fetched.charset, name=source)
    path = Path(source)
    where = shown(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArticleError(f"qari: no such file: {where}") from None
    except OSError as err:
        raise ArticleError(f"qari: {where}: cannot open ({(err.strerror or str(err)).lower()})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"qari: {where}: is a folder (give saved pages or http(s) addresses)")
    if not is_page(path):
        raise ArticleError(f"qari: {where}: not a saved web page (.html or .htm) nor an http(s) address")
    if info.st_size > MAX_PAGE_BYTES:
        raise ArticleError(
            f"qari: {where}: page too large ({info.st_size // (1024 * 1024)} MB; "
            f"{MAX_PAGE_BYTES // (1024 * 1024)} MB at most)"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"qari: {where}: cannot read ({(err.strerror or str(err)).lower()})") from None
    return extract_page(data, name=source)


def import_source(source: str, folder: Path, *, force: bool = False, taken: set[Path] | None = None) -> Imported:
    """Write SOURCE's article into ``folder`` as ``<slug>.txt``; ``taken``: names this run wrote already.

    Two sources of one run that would share a name get ``-2``, ``-3``…; a
    file that was there before is replaced only with ``force``.
    """
    found = read_source(source)
    stem = _slug_for(source, found.metadata)
    taken = set() if taken is None else taken
    target = folder / f"{stem}.txt"
    number = 2
    while target in taken:
        target = folder / f"{stem}-{number}.txt"
        number += 1
    if not force and (target.exists() or target.is_symlink()):
        raise ArticleError(f"qari: {shown(target)} exists already (use --force to replace it)")
    blob = (format_header(found.metadata) + found.text).encode("utf-8")
    try:
        atomic_write(target, blob)
    except OSError as err:
        raise ArticleError(
            f"qari: could not write {shown(target)}: {(err.strerror or str(err)).lower()}; nothing written"
        ) from None
    taken.add(target)
    return Imported(source, target, found.metadata)


def output_folder(given: str | None) -> Path:
    """The ``-o DIR`` folder (made if missing), or the current one. Raises ArticleError."""
    folder = Path(given) if given else Path(os.curdir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ArticleError(f"qari: {shown(folder)}: not a folder") from None
    except OSError as err:
        raise ArticleError(
            f"qari: {shown(folder)}: cannot make the folder ({(err.strerror or str(err)).lower()})"
        ) from None
    if not folder.is_dir():
        raise ArticleError(f"qari: {shown(folder)}: not a folder")
    return folder
