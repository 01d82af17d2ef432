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
_SNIFF = 4096  # the charset must be declared in the first 1024 bytes (HTML spec); a little slack

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)\s*-->", re.IGNORECASE)
_WORD_RE = re.compile(r"\w+")
# Browsers read these labels as the windows-125x charset (WHATWG Encoding Standard).
_BROWSER_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-6": "iso8859_6",
    "arabic": "iso8859_6",
    "iso-8859-8": "iso8859_8",
    "iso-8859-8-i": "iso8859_8",
    "x-user-defined": "cp1252",
}

# What counts as a story: prose lines (several words, with sentence punctuation).
_PROSE_WORDS = 10
_MIN_PROSE_WORDS = 40
_SENTENCE_MARKS = frozenset('.،,؛;:!?؟«»"“”')
_FURNITURE_WORDS = 6  # a trailing line this short without punctuation is a widget's heading («أضف تعليقك»)
_KEEP_MARKS = _SENTENCE_MARKS | frozenset("()[]-–—")
_BLOCKS = frozenset({"head", "p", "quote", "item", "list", "cell", "row", "table", "code", "lb"})

# trafilatura drops every character Python calls unprintable, and with them the
# zero-width non-joiner Persian spelling needs (می‌گوید) and the bidi marks. They
# cross the extractor as letters that cannot occur in a news page (Linear B)
# and are put back after it.
_KEPT_FORMATS = "\u200c\u200d\u200e\u200f\u061c"
_NAMED_FORMATS = {"zwnj": "\u200c", "zwj": "\u200d", "lrm": "\u200e", "rlm": "\u200f"}
_STAND_INS = "".join(map(chr, range(0x10000, 0x10000 + len(_KEPT_FORMATS))))
_TO_STAND_IN = str.maketrans(_KEPT_FORMATS, _STAND_INS)
_FROM_STAND_IN = str.maketrans(_STAND_INS, _KEPT_FORMATS)
_CHAR_REF_RE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?|&(zwnj|zwj|lrm|rlm);", re.IGNORECASE)
_RAW_CONTROLS = dict.fromkeys((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)))


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

    Order: a byte-order mark; UTF-8 when the bytes are valid UTF-8 (legacy
    Arabic text never is, and browsers that save a page as UTF-8 often leave
    its old ``<meta charset>`` in place); the charset the server declared,
    else the page's own ``<meta charset>`` or ``http-equiv`` declaration;
    Windows-1256 when the text reads as Arabic; else UTF-8 with replacement
    characters, so a page with a few bad bytes still opens.
    """
    for bom, bom_codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(bom_codec, errors="replace"), bom_codec
    if b"\0" in data[:_SNIFF]:
        raise ArticleError(f"qari: {shown(name)}: not a web page (binary data)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    meta_charset = _META_CHARSET_RE.search(data[:_SNIFF])
    codec = _codec(declared) or _codec(meta_charset.group(1).decode("ascii", "replace") if meta_charset else None)
    if codec is not None and not codec.startswith("utf"):
        return data.decode(codec, errors="replace"), codec
    text = data.decode("cp1256", errors="replace")
    if plausibly_arabic(text):
        return text, "cp1256"
    return data.decode("utf-8", errors="replace"), "utf-8"


def _char_ref(match: re.Match[str]) -> str:
    """What a character reference becomes before parsing: controls gone, kept formats as stand-ins.

    A reference to 0x80–0x9F means the Windows-1252 character, as browsers
    read it (``&#146;`` is ’); the C1 control it names is never produced.
    """
    if match.group(3):
        return _NAMED_FORMATS[match.group(3).lower()].translate(_TO_STAND_IN)
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= code <= 0x9F:
        return bytes([code]).decode("cp1252", errors="ignore")
    char = chr(code)
    if code in _RAW_CONTROLS or code == 0x0D:
        return ""
    if char in _KEPT_FORMATS:
        return char.translate(_TO_STAND_IN)
    return match.group()


def _prepare(html: str) -> str:
    """The page as trafilatura should see it: no control characters, kept formats as stand-ins."""
    return _CHAR_REF_RE.sub(_char_ref, html.translate(_RAW_CONTROLS).translate(_TO_STAND_IN))


def _prose_words(line: str) -> int:
    """The words of a line that reads as prose (several words and sentence punctuation), else 0."""
    words = len(_WORD_RE.findall(line))
    return words if words >= _PROSE_WORDS and any(mark in line for mark in _SENTENCE_MARKS) else 0


def _is_story(body: object) -> bool:
    """Whether trafilatura's result holds a story: enough prose in paragraphs that are not list items.

    For a page with no story trafilatura returns the page's links, a list of
    headlines with a teaser each, as its "text"; in its result tree those sit
    in ``list``/``item`` elements, and a story's paragraphs in ``p``.
    """
    if body is None or not hasattr(body, "iter"):
        return False
    prose = 0
    for element in body.iter("p", "quote"):
        if any(parent.tag in ("list", "item") for parent in element.iterancestors()):
            continue
        prose += _prose_words(" ".join(element.itertext()))
    return prose >= _MIN_PROSE_WORDS


def _paragraphs_of(body: object) -> list[str]:
    """The paragraphs of trafilatura's result tree, one per block element, in document order.

    Its plain-text output joins the paragraphs of a story laid out in table
    cells (older Arabic sites) into one "| … |" row; walking the tree keeps
    each paragraph, heading, list item and cell apart.
    """
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        current.clear()
        if line:
            out.append(line)

    def walk(element: object) -> None:
        block = getattr(element, "tag", None) in _BLOCKS
        if block:
            flush()
        text = getattr(element, "text", None)
        if isinstance(text, str):
            current.append(text)
        for child in element:  # type: ignore[attr-defined]
            walk(child)
            tail = child.tail
            if isinstance(tail, str):
                current.append(tail)
        if block:
            flush()

    if body is not None:
        walk(body)
        flush()
    return out


def _trimmed(paragraphs: list[str], title: str | None) -> list[str]:
    """The story's paragraphs without the site's lines the extractor kept around it.

    Old table-layout sites put the outlet's name and links above the headline
    and widget headings («أضف تعليقك», «استطلاع الرأي») below the last
    paragraph. Lines before the headline go when none of them is prose; short
    lines without punctuation after the last prose paragraph go.
    """
    flat_title = " ".join(title.split()) if title else None
    for index, line in enumerate(paragraphs[:8]):
        if line == flat_title:
            if not any(_prose_words(before) for before in paragraphs[:index]):
                paragraphs = paragraphs[index:]
            break
    end = len(paragraphs)
    while end > 0:
        line = paragraphs[end - 1]
        if len(_WORD_RE.findall(line)) > _FURNITURE_WORDS or any(mark in line for mark in _KEEP_MARKS):
            break
        end -= 1
    return paragraphs[:end] if end else paragraphs


def _http_url(value: str | None) -> str | None:
    if not value:
        return None
    flat = one_line(value)
    return flat if flat.lower().startswith(("http://", "https://")) and " " not in flat else None


def extract_page(
    data: bytes, *, url: str | None = None, declared: str | None = None, name: str = "<page>"
) -> Extracted:
    """The story of a saved page or a fetched one (``url``: where it came from). Raises ArticleError."""
    where = shown(name)
    if len(data) > MAX_PAGE_BYTES:
        raise ArticleError(
            f"qari: {where}: page too large ({len(data) // (1024 * 1024)} MB; "
            f"{MAX_PAGE_BYTES // (1024 * 1024)} MB at most)"
        )
    html, encoding = decode_page(data, declared, name=name)
    saved_from = _SAVED_FROM_RE.search(html[:_SNIFF])
    given_url = _http_url(url) or (_http_url(saved_from.group(1)) if saved_from else None)

    import trafilatura  # a second and more to import: only when a page is read

    try:
        document = trafilatura.bare_extraction(
            _prepare(html),
            url=given_url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as err:
        raise ArticleError(f"qari: {where}: not a readable page ({type(err).__name__})") from None
    if document is None or not _is_story(getattr(document, "body", None)):
        raise ArticleError(f"qari: {where}: no article in this page (only menus, links or scripts)")
    meta = Metadata(
        title=_value(document, "title"),
        outlet=_value(document, "sitename"),
        author=_value(document, "author"),
        date=_value(document, "date"),
        url=_http_url(getattr(document, "url", None)) or given_url,
        origin="page",
    )
    try:
        found = _paragraphs_of(getattr(document, "body", None))
    except RecursionError:
        raise ArticleError(f"qari: {where}: not a readable page (elements nested too deep)") from None
    paragraphs = [
        line for line in (" ".join(strip_controls(part).translate(_FROM_STAND_IN).split()) for part in found) if line
    ]
    return Extracted("\n\n".join(_trimmed(paragraphs, meta.title)) + "\n", meta, encoding)


def _value(document: object, field: str) -> str | None:
    value = getattr(document, field, None)
    return (one_line(value.translate(_FROM_STAND_IN)) or None) if isinstance(value, str) else None


def page_article(data: bytes, path: Path) -> Article:
    """A saved page opened in place: its story as the article's text, its metadata as stated."""
    found = extract_page(data, name=str(path))
    return Article(text=found.text, name=path.name, path=path, encoding=found.encoding, stated=found.metadata)
