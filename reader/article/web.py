"""Saved web pages → the story's text and its metadata, through trafilatura.

trafilatura is a well-kept extractor built for news pages: it finds the
story among the site's furniture (menus, tickers, related stories, comments,
share buttons, scripts) and reads the page's metadata (title, site name,
author, date, canonical URL from Open Graph, JSON-LD and meta tags). qari
adds what a reader of right-to-left news needs around it:

- the bytes are decoded here, by the page's declared charset (Windows-1256
  and other legacy Arabic charsets included), before trafilatura sees them;
- control characters (a page can write ``&#27;]52;…``, a terminal escape, as
  an entity) are taken out of the text and the metadata;
- what trafilatura returns is checked: for a page with no story it returns
  the menu as "text", so a result without prose is refused with one line.

``qari import`` and opening a page directly use the same ``extract_page``,
so a page opened in place and the article imported from it have the same
text and the same offsets.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .clean import one_line, strip_controls
from .decoding import plausibly_arabic, shown
from .metadata import ArticleError, Metadata
from .model import Article

__all__ = ["MAX_PAGE_BYTES", "Extracted", "decode_page", "extract_page", "page_article"]

MAX_PAGE_BYTES = 20 * 1024 * 1024  # a saved news page is well under 5 MB; beyond this it is not one
_MAX_NESTING = 400  # deeper than any real page; a hostile one nests 200,000 elements
_SNIFF = 4096  # the charset must be declared in the first 1024 bytes (HTML spec); a little slack

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)\s*-->", re.IGNORECASE)
_OPEN_TAG_RE = re.compile(rb"<[A-Za-z]")
_CLOSE_TAG_RE = re.compile(rb"</[A-Za-z]|/>")
_WORD_RE = re.compile(r"\w+")
# Browsers read these labels as the windows-125x charset (WHATWG Encoding Standard).
_BROWSER_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
                    "iso-8859-6": "iso8859_6", "arabic": "iso8859_6", "iso-8859-8": "iso8859_8",
                    "iso-8859-8-i": "iso8859_8", "x-user-defined": "cp1252"}

# What counts as a story: prose lines (several words, with sentence punctuation).
_PROSE_WORDS = 10
_MIN_PROSE_WORDS = 40
_SENTENCE_MARKS = frozenset(".،,؛;:!?؟«»\"“”")


@dataclass(frozen=True, slots=True)
class Extracted:
    """A page's story as article text (paragraphs separated by a blank line) and its metadata."""

    text: str
    metadata: Metadata
    encoding: str


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label a page or server declared, or None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _BROWSER_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, declared: str | None = None, *, name: str = "<page>") -> tuple[str, str]:
    """A page's bytes → (HTML text, the codec used).

    Order: a byte-order mark; the charset the server declared; the page's own
    ``<meta charset>`` or ``http-equiv`` declaration; else UTF-8, else
    Windows-1256 when the text reads as Arabic. A declared charset the bytes
    do not fit falls back to UTF-8, then to the declared one with
    replacement characters: a page with a few bad bytes still opens.
    """
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec
    if b"\0" in data[:_SNIFF]:
        raise ArticleError(f"qari: {shown(name)}: not a web page (binary data)")
    found = _META_CHARSET_RE.search(data[:_SNIFF])
    codec = _codec(declared) or _codec(found.group(1).decode("ascii", "replace") if found else None)
    if codec is not None and codec not in ("utf-16-le", "utf-16-be", "utf-16"):  # a page saved as UTF-8 says 16
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if codec is not None and not codec.startswith("utf-16"):
        return data.decode(codec, errors="replace"), codec
    text = data.decode("cp1256", errors="replace")
    if plausibly_arabic(text):
        return text, "cp1256"
    return data.decode("utf-8", errors="replace"), "utf-8"


def _too_deep(data: bytes) -> bool:
    """Whether the page nests elements deeper than any real page (a cheap upper bound, no parsing).

    Counting opening tags not closed is an over-estimate (void elements such
    as ``<br>`` never close), so it is only used past a generous limit.
    """
    opened = len(_OPEN_TAG_RE.findall(data))
    if opened <= _MAX_NESTING:
        return False
    closed = len(_CLOSE_TAG_RE.findall(data))
    return opened - closed > 20 * _MAX_NESTING


def _is_story(paragraphs: list[str]) -> bool:
    """Whether extracted paragraphs hold prose, not a menu or a list of headlines.

    With default settings trafilatura returns the links of a page with no
    story as its "text". Prose lines have several words and sentence
    punctuation; menus and headline lists have neither.
    """
    prose = 0
    for paragraph in paragraphs:
        words = len(_WORD_RE.findall(paragraph))
        if words >= _PROSE_WORDS and any(mark in paragraph for mark in _SENTENCE_MARKS):
            prose += words
    return prose >= _MIN_PROSE_WORDS


def _http_url(value: str | None) -> str | None:
    if not value:
        return None
    flat = one_line(value)
    return flat if flat.lower().startswith(("http://", "https://")) and " " not in flat else None


def extract_page(data: bytes, *, url: str | None = None, declared: str | None = None,
                 name: str = "<page>") -> Extracted:
    """The story of a saved page or a fetched one (``url``: where it came from). Raises ArticleError."""
    where = shown(name)
    if len(data) > MAX_PAGE_BYTES:
        raise ArticleError(f"qari: {where}: page too large ({len(data) // (1024 * 1024)} MB; "
                           f"{MAX_PAGE_BYTES // (1024 * 1024)} MB at most)")
    if _too_deep(data):
        raise ArticleError(f"qari: {where}: not a readable page (elements nested too deep)")
    html, encoding = decode_page(data, declared, name=name)
    saved_from = _SAVED_FROM_RE.search(html[:_SNIFF])
    given_url = _http_url(url) or (_http_url(saved_from.group(1)) if saved_from else None)

    import trafilatura  # a second and more to import: only when a page is read

    try:
        document = trafilatura.bare_extraction(
            html, url=given_url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False, deduplicate=False,
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as err:
        raise ArticleError(f"qari: {where}: not a readable page ({type(err).__name__})") from None
    raw = getattr(document, "text", None) or ""
    paragraphs = [line for line in (" ".join(part.split()) for part in strip_controls(raw).split("\n")) if line]
    if not paragraphs or not _is_story(paragraphs):
        raise ArticleError(f"qari: {where}: no article in this page (only menus, links or scripts)")
    meta = Metadata(
        title=_value(document, "title"),
        outlet=_value(document, "sitename"),
        author=_value(document, "author"),
        date=_value(document, "date"),
        url=_http_url(getattr(document, "url", None)) or given_url,
        origin="page",
    )
    return Extracted("\n\n".join(paragraphs) + "\n", meta, encoding)


def _value(document: object, field: str) -> str | None:
    value = getattr(document, field, None)
    return (one_line(value) or None) if isinstance(value, str) else None


def page_article(data: bytes, path: Path) -> Article:
    """A saved page opened in place: its story as the article's text, its metadata as stated."""
    found = extract_page(data, name=str(path))
    return Article(text=found.text, name=path.name, path=path, encoding=found.encoding, stated=found.metadata)
