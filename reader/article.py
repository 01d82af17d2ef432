"""Article loading: bytes on disk → the one text every qari offset points into.

An article is a plain-text file, usually scraped from a news site. This module
finds the encoding (UTF-8, a BOM, UTF-16 without one, or the Windows-1256 of
older Arabic sites), refuses binary files with one clear line, turns CRLF and
CR into LF, and changes nothing else: no Unicode normalisation and no removal
of harakat, because claims are anchored by code-point offsets into this text
and the quote a fact-checker exports must be the article's own characters.

It also makes the cheap guesses the reader shows around the text: the date,
outlet and title lines a scraper leaves at the top, lines that repeat an
earlier one (the title pasted four times), and "related news" blocks.

Pure standard library: no Textual import, so the CLI and tests stay light.
"""

from __future__ import annotations

import os
import re
import stat
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, islice, repeat
from operator import add, sub
from pathlib import Path
from typing import overload

__all__ = [
    "Article",
    "ArticleError",
    "Metadata",
    "Paragraph",
    "Paragraphs",
    "decode",
    "find_articles",
    "is_article_file",
    "load_article",
]


class ArticleError(Exception):
    """One clear line for the user (str(err) is the whole message, no traceback needed)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the article text; offsets are code points into ``Article.text``."""

    index: int
    start: int  # code-point offset into Article.text
    end: int  # exclusive; never includes the '\n'


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the top of a scraped article seems to say; any part may be unknown."""

    title: str | None
    date: str | None
    outlet: str | None


# --------------------------------------------------------------------------
# Paragraph table


class Paragraphs(Sequence[Paragraph]):
    """The article's paragraphs, made on demand from one list of start offsets.

    A 5 MB article has tens of thousands of lines and building that many
    frozen dataclasses costs more than the 50 ms a file open may take, while
    the reader only ever looks at the few paragraphs on screen. So the table
    keeps ``bounds`` (start of every paragraph, plus ``len(text) + 1``) and
    makes a ``Paragraph`` when one is asked for. It behaves as a read-only
    list: ``len``, indexing (negative too), slicing (gives a ``list``),
    iteration, ``==`` with a list of paragraphs.
    """

    __slots__ = ("_bounds",)

    def __init__(self, bounds: list[int]) -> None:
        self._bounds = bounds

    def __len__(self) -> int:
        return len(self._bounds) - 1

    @overload
    def __getitem__(self, index: int) -> Paragraph: ...

    @overload
    def __getitem__(self, index: slice) -> list[Paragraph]: ...

    def __getitem__(self, index: int | slice) -> Paragraph | list[Paragraph]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(f"paragraph index out of range: {index}")
        return Paragraph(index, self._bounds[index], self._bounds[index + 1] - 1)

    def __iter__(self) -> Iterator[Paragraph]:
        bounds = self._bounds
        ends = map(sub, islice(bounds, 1, None), repeat(1))
        return map(Paragraph, range(len(self)), bounds, ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Paragraphs):
            return self._bounds == other._bounds
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking container, like list

    def __repr__(self) -> str:
        return f"Paragraphs({len(self)} paragraphs)"


def _paragraph_bounds(text: str) -> list[int]:
    """Start offset of every line of ``text`` plus a final ``len(text) + 1``.

    ``split`` and ``accumulate`` keep the whole computation in C: about 12 ms
    for a 5 MB Arabic article on a slow CI machine.
    """
    return list(accumulate(map(add, map(len, text.split("\n")), repeat(1)), initial=0))


# --------------------------------------------------------------------------
# Article


def _normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so a paragraph is exactly one ``\\n``-separated line."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(eq=False)
class Article:
    """A loaded article: its text, where it came from, and cheap guesses about it.

    ``text`` is the only text: every offset (cursor, selection, claim anchor,
    export) is a code-point offset into it. Treat an Article as read-only;
    the cached properties are computed once from ``text``.
    """

    text: str  # decoded, BOM stripped, CRLF/CR -> LF, nothing else changed
    name: str  # file name (e.g. "iran.txt"), or "<stdin>"/given name
    path: Path | None = None
    encoding: str = "utf-8"  # utf-8, utf-8-sig, utf-16-le/-be, utf-32-le/-be, windows-1256

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> Article:
        """An article from text already in memory (stdin, tests): strips a BOM, fixes newlines."""
        return cls(text=_normalise_newlines(text.removeprefix("\ufeff")), name=name)

    def beginning(self, size: int = 256 * 1024) -> Article:
        """The first ``size`` characters (cut after a newline) as an article of their own.

        Its paragraphs are the first paragraphs of this article, index for
        index. The reader guesses the header and dims repeats from it so that
        opening a 5 MB article costs what opening a short one does; the full
        guesses are made in the background.
        """
        if len(self.text) <= size:
            return self
        cut = self.text.rfind("\n", 0, size)
        return Article(text=self.text[: cut if cut > 0 else size], name=self.name, path=self.path,
                       encoding=self.encoding)

    # -- paragraphs ---------------------------------------------------------

    @cached_property
    def _bounds(self) -> list[int]:
        return _paragraph_bounds(self.text)

    @cached_property
    def paragraphs(self) -> Paragraphs:
        """One paragraph per line of ``text`` (``text.split("\\n")``), blank lines included."""
        return Paragraphs(self._bounds)

    def paragraph_text(self, index: int) -> str:
        """The text of one paragraph, without its newline."""
        paragraph = self.paragraphs[index]
        return self.text[paragraph.start : paragraph.end]

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``.

        The ``\\n`` after a paragraph belongs to that paragraph, and
        ``len(text)`` (the end-of-text cursor position) to the last one.
        """
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside the article (0..{len(self.text)})")
        return bisect_right(self._bounds, offset, 0, len(self._bounds) - 1) - 1

    # -- scraped structure --------------------------------------------------

    @cached_property
    def _stripped_lines(self) -> list[str]:
        return [line.strip() for line in self.text.split("\n")]

    @cached_property
    def repeated(self) -> frozenset[int]:
        """Non-empty paragraphs that repeat an earlier one word for word (after strip).

        Scrapers paste the title again between sections and duplicate related
        headlines; the reader dims these so they do not read as new content.
        """
        seen: set[str] = set()
        found: list[int] = []
        for index, line in enumerate(self._stripped_lines):
            if not line:
                continue
            if line in seen:
                found.append(index)
            else:
                seen.add(line)
        return frozenset(found)

    @cached_property
    def related(self) -> frozenset[int]:
        """Paragraphs of "related news" blocks: the heading and the short headlines after it.

        These headlines belong to other articles; the reader dims them and
        attribution suggestions skip them.
        """
        lines = self._stripped_lines
        found: set[int] = set()
        for index, is_block in _related_headings(self.text):
            if len(lines[index]) > _MAX_HEADING_LENGTH:
                continue
            found.add(index)
            if not is_block:
                continue
            taken = 0
            for follower in range(index + 1, len(lines)):
                text = lines[follower]
                if not text:
                    continue
                if taken >= _MAX_RELATED_ITEMS or not _is_short_headline(text):
                    break
                found.add(follower)
                taken += 1
        return frozenset(found)

    @cached_property
    def metadata(self) -> Metadata:
        """Guess date, outlet and title from the first non-empty lines (see ``_guess_metadata``)."""
        return _guess_metadata(self._stripped_lines, self.related)


# --------------------------------------------------------------------------
# Decoding

_SAMPLE = 64 * 1024

# Signatures of files people keep next to articles: images, archives, programs.
_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    b"\x7fELF",
    b"\x1f\x8b",
    b"%PDF-",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"7z\xbc\xaf\x27\x1c",
    b"\xfd7zXZ\x00",
    b"SQLite format 3\x00",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\x00asm",
)

# Order matters: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)

# C0 controls a text file does carry: tab, newline, carriage return, form
# feed, and ESC (colour codes in pasted terminal output).
_TEXT_CONTROLS = b"\t\n\r\f\x1b"
_C0 = bytes(range(0x20))
_BAD_C0 = bytes(b for b in _C0 if b not in _TEXT_CONTROLS)
_BAD_C0_CHARS = {b: None for b in _BAD_C0}
# High bytes of UTF-16 code units for Latin, Greek, Cyrillic, Hebrew, Arabic,
# Syriac... (U+0000–U+1FFF) and for Arabic presentation forms (U+FBxx–U+FExx).
_UTF16_HIGH = _C0 + bytes(range(0xFB, 0xFF))

_ARABIC_RE = re.compile("[\u0600-\u06ff]")
# Non-ASCII characters that say nothing about the language (NBSP, bidi marks,
# ZWNJ/ZWJ) and are left out of the Arabic-share test.
_NEUTRAL_NON_ASCII_RE = re.compile("[^\x00-\x7f\u00a0\u200c-\u200f]")


def _shown(path: str | os.PathLike[str]) -> str:
    """A path as it may be printed: controls and undecodable bytes as ``\\xNN``.

    A file name can hold a newline or ESC; printed raw it would break the
    one-line message or drive the terminal.
    """
    out = []
    for char in os.fspath(path):
        code = ord(char)
        if code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif 0xDC80 <= code <= 0xDCFF:  # surrogateescape: a byte that was not UTF-8
            out.append(f"\\x{code - 0xDC00:02x}")
        else:
            out.append(char)
    return "".join(out)


def _count_in(data: bytes, members: bytes) -> int:
    """How many bytes of ``data`` are in ``members`` (C speed via ``translate``)."""
    return len(data) - len(data.translate(None, members))


def _binary_bytes(sample: bytes) -> bool:
    """Many NULs or stray control bytes: an image, archive or program, not prose.

    A few NULs or controls (a scraper's stray byte, ESC colour codes) are
    fine: the text engine draws them as visible symbols.
    """
    size = len(sample)
    return sample.count(0) > max(2, 0.02 * size) or _count_in(sample, _BAD_C0) > max(4, 0.05 * size)


def _binary_text(text: str) -> bool:
    """``_binary_bytes`` for text decoded from UTF-16/32, where NUL bytes are normal."""
    sample = text[:_SAMPLE]
    size = len(sample)
    bad = size - len(sample.translate(_BAD_C0_CHARS))
    return sample.count("\0") > max(2, 0.02 * size) or bad > max(4, 0.05 * size)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no BOM, when one byte of every pair looks like a high byte.

    UTF-16 Arabic is 0x06 (or 0x00 for spaces and ASCII) in every other
    byte; UTF-8 text never is. Pure-Arabic UTF-16 is also valid ASCII, so
    this runs before the UTF-8 attempt.
    """
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    for codec, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        if _count_in(high, _UTF16_HIGH) < 0.6 * len(high) or _count_in(low, _C0) > 0.25 * len(low):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _binary_text(text):
            return text, codec
    return None


def _plausibly_arabic(text: str) -> bool:
    """Most non-ASCII letters are Arabic script: Windows-1256 really was the encoding.

    Any byte string decodes as Windows-1256, so without this a Latin-1
    French file would open as Arabic-looking mojibake.
    """
    arabic = len(_ARABIC_RE.findall(text))
    non_ascii = len(_NEUTRAL_NON_ASCII_RE.findall(text))
    return arabic > 0 and arabic >= 0.6 * non_ascii


def decode(data: bytes, *, name: str | os.PathLike[str] = "<stdin>") -> tuple[str, str]:
    """Bytes → (text with any BOM removed, encoding name); newlines untouched.

    Tries, in order: known binary signatures, a BOM, UTF-16 without a BOM,
    the binary heuristics, strict UTF-8, then Windows-1256 if the result is
    Arabic. ``name`` only goes into error messages. Raises ArticleError.
    """
    shown = _shown(name)
    if data.startswith(_MAGIC):
        raise ArticleError(f"qari: {shown}: not a text article (binary data)")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise ArticleError(
                    f"qari: {shown}: cannot decode: starts with a {codec.upper()} byte-order mark "
                    f"but is not valid {codec.upper()}"
                ) from None
            if _binary_text(text):
                raise ArticleError(f"qari: {shown}: not a text article (binary data)")
            return text, label
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _binary_bytes(data[:_SAMPLE]):
        raise ArticleError(f"qari: {shown}: not a text article (binary data)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if _plausibly_arabic(text):
        return text, "windows-1256"
    raise ArticleError(f"qari: {shown}: cannot decode: not UTF-8, UTF-16 or Windows-1256 Arabic text")


# --------------------------------------------------------------------------
# Files and folders


def _stat(path: Path, shown: str, kind: str) -> os.stat_result:
    """``path.stat()``, its failures turned into one-line ArticleErrors ("no such file: …")."""
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise ArticleError(f"qari: no such {kind}: {shown}") from None
    except PermissionError:
        raise ArticleError(f"qari: {shown}: permission denied") from None
    except (OSError, ValueError) as err:
        raise ArticleError(f"qari: {shown}: cannot open ({_reason(err)})") from None


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read and decode one article file. Raises ArticleError with a one-line message."""
    shown = _shown(path)
    file = Path(path)
    info = _stat(file, shown, "file")
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"qari: {shown}: is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(f"qari: {shown}: not a regular file")
    try:
        data = file.read_bytes()
    except PermissionError:
        raise ArticleError(f"qari: {shown}: permission denied") from None
    except IsADirectoryError:
        raise ArticleError(f"qari: {shown}: is a folder") from None
    except FileNotFoundError:
        raise ArticleError(f"qari: no such file: {shown}") from None
    except OSError as err:
        raise ArticleError(f"qari: {shown}: cannot read ({_reason(err)})") from None
    text, encoding = decode(data, name=path)
    return Article(text=_normalise_newlines(text), name=file.name, path=file, encoding=encoding)


def _reason(err: BaseException) -> str:
    """The OS's short reason, without the path it repeats (already at the start)."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return _shown(str(err)) or type(err).__name__


_ARTICLE_SUFFIXES = frozenset({".txt", ".md"})
_QARI_FILES = (".annotations.json", ".claims.csv", ".lock")
# An extension is a short ASCII tail with a letter in it: "قطع ذيل إيران.. آلاف"
# or "report 2025.01" have none and are articles without an extension.
_EXTENSION_RE = re.compile(r"\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,8}\Z")


def _article_name(name: str) -> bool:
    """Whether a file name is an article's: .txt, .md or no extension; no qari or temp file."""
    if not name or name.startswith((".", "~")) or name.endswith(("~", ".tmp")):
        return False
    lowered = name.lower()
    if lowered.endswith(_QARI_FILES):
        return False
    extension = _EXTENSION_RE.search(name)
    return extension is None or extension.group().lower() in _ARTICLE_SUFFIXES


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
    shown = _shown(folder)
    top = Path(folder)
    info = _stat(top, shown, "folder")
    if not stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"qari: {shown}: not a folder")

    found: list[Path] = []
    pending = [top]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except PermissionError:
            if current is top:
                raise ArticleError(f"qari: {shown}: permission denied") from None
            continue  # an unreadable subfolder should not hide the rest
        except OSError as err:
            if current is top:
                raise ArticleError(f"qari: {shown}: cannot list ({_reason(err)})") from None
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
        where = shown if shown.endswith(("/", os.sep)) else shown + "/"
        raise ArticleError(
            f"qari: {where}: no articles here (looked for .txt, .md and files without an extension)"
        )
    return sorted(found)


# --------------------------------------------------------------------------
# Scraped structure: related-news blocks

_MAX_HEADING_LENGTH = 120
_MAX_RELATED_ITEMS = 15
_SPACE = r"[^\S\n]"  # whitespace within one line
# Spellings differ between sites (اقرأ أيضاً / اقرأ أيضًا / اقرا ايضا, Persian
# ی/ک against Arabic ي/ك), so each heading letter matches its variants, with
# any harakat or tatweel after it. The pattern runs on the article text itself,
# which is never changed.
_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*"
_VARIANTS = {
    **dict.fromkeys("اأإآٱ", "اأإآٱ"),
    **dict.fromkeys("يىی", "يىی"),
    **dict.fromkeys("كک", "كک"),
}


def _loose(heading: str) -> str:
    """A regular expression for ``heading`` that tolerates spelling variants and harakat."""
    words = []
    for word in heading.split():
        words.append("".join(f"[{re.escape(_VARIANTS.get(char, char))}]{_MARKS}" for char in word))
    return f"{_SPACE}+".join(words)


_RELATED_HEADINGS = (
    # Arabic
    "أخبار تهمك", "قد يهمك", "اقرأ أيضا", "اقرأ المزيد", "طالع أيضا", "شاهد أيضا",
    "أخبار ذات صلة", "أخبار متعلقة", "موضوعات ذات صلة", "مواضيع ذات صلة", "مقالات ذات صلة",
    "ذات صلة", "الأكثر قراءة",
    # Persian, Urdu
    "مطالب مرتبط", "مطالب مرتبط دیگر", "بیشتر بخوانید", "بخوانید", "مزید پڑھیں",
    # Hebrew
    "כתבות נוספות", "עוד בנושא", "כתבות קשורות",
    # English
    "read also", "read more", "see also", "related", "related news", "related articles",
    "related stories", "more on this story",
)
_EDGE = rf"(?:{_SPACE}|[:：\-–—|•*#>»«\"'.…!؛،,()\[\]])"
# Whole lines: a heading alone ("block"), or a heading,
# a separator and a headline on the same line ("inline": اقرأ أيضا: ...).
_RELATED_RE = re.compile(
    rf"\n{_EDGE}*(?:"
    + "|".join(_loose(heading) for heading in sorted(_RELATED_HEADINGS, key=len, reverse=True))
    + rf")(?:(?P<block>{_EDGE}*$)|{_SPACE}*[:：|\-–—»][^\n]*?\w)",
    re.MULTILINE | re.IGNORECASE,  # "^" is spelt "\n" so that re can skip ahead to newlines
)


def _related_headings(text: str) -> Iterator[tuple[int, bool]]:
    """(line index, is a block heading) of every related-news heading line in ``text``.

    One regular-expression pass that only stops at newlines: a 5 MB article
    takes milliseconds, where folding the text or checking line by line took
    hundreds.
    """
    text = "\n" + text  # the "\n" before line k is the k-th one
    line, position = 0, 0
    for match in _RELATED_RE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        yield line, match.group("block") is not None


def _is_short_headline(line: str) -> bool:
    """Short and not ending a sentence: a headline, not a paragraph of the article."""
    if len(line) >= _MAX_HEADING_LENGTH:
        return False
    sentence_end = (line.endswith(".") and not line.endswith("..")) or line.endswith("۔")
    return not sentence_end


# --------------------------------------------------------------------------
# Scraped structure: metadata

_HEAD_LINES = 40  # metadata looks at this many non-empty lines, no further
_TOP_LINES = 12  # the date and outlet sit above the story
_OUTLET_TOP_LINES = 6  # an outlet found by keyword must be right at the top
_MAX_OUTLET_WORDS = 6
_MAX_DATE_WORDS = 12
_MAX_DATE_LENGTH = 100
_MAX_TITLE_LENGTH = 250
_TITLE_CANDIDATES = 3

_MONTHS = (
    # Arabic (Egypt/Gulf), including common spellings
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "ابريل", "مايو", "يونيو", "يونيه", "يوليو",
    "يوليه", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
    # Arabic (Levant, Iraq)
    "كانون الثاني", "كانون الأول", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
    "أيلول", "تشرين الأول", "تشرين الثاني",
    # Hijri
    "محرم", "ربيع الأول", "ربيع الآخر", "ربيع الثاني", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    # Persian (Gregorian and solar)
    "ژانویه", "فوریه", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر",
    "دسامبر", "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان",
    "آذر", "دی", "بهمن", "اسفند",
    # Hebrew
    "ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר",
    "אוקטובר", "נובמבר", "דצמבר",
    # English
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
)
# A month name as a whole word, allowing one attached Arabic (و ف ب ل) or
# Hebrew (ב ל ו ה מ) prefix letter: "لمايو", "בינואר".
_MONTH_RE = re.compile(
    r"(?<!\w)[وفبلבלוהמ]?(?:"
    + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)
_NUMERIC_DATE_RE = re.compile(r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)")
_TIME_RE = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_DIGIT_RE = re.compile(r"\d")  # Western, Arabic-Indic and Persian digits alike

_OUTLET_WORDS_RE = re.compile(
    r"الإخبارية|الاخبارية|الإخباري|الاخباري|نيوز|جريدة|صحيفة|وكالة|بوابة|"
    r"خبرگزاری|روزنامه|חדשות|\bnews\b|\bagency\b|\bgazette\b",
    re.IGNORECASE,
)


def _looks_like_date(line: str) -> bool:
    """A short line with a date or time in it: "8 يناير 2025 13:44", "2025-01-08", "13:44"."""
    if len(line) > _MAX_DATE_LENGTH or len(line.split()) > _MAX_DATE_WORDS:
        return False
    if _NUMERIC_DATE_RE.search(line) or _TIME_RE.search(line):
        return True
    return bool(_MONTH_RE.search(line) and _DIGIT_RE.search(line))


def _guess_metadata(lines: list[str], related: frozenset[int]) -> Metadata:
    """Date, outlet and title of a scraped article, from its first non-empty lines.

    ``lines`` are the stripped lines of the whole text (needed to see whether
    a top line is repeated later); only the first ``_HEAD_LINES`` non-empty
    ones are candidates.
    """
    head = list(islice(((index, line) for index, line in enumerate(lines) if line), _HEAD_LINES))
    if not head:
        return Metadata(title=None, date=None, outlet=None)
    counts = Counter(lines)  # whole article: is a top line repeated further down?
    top = head[:_TOP_LINES]

    date = next((line for _, line in top if _looks_like_date(line)), None)

    outlet = None
    for (_, line), (_, following) in zip(top, top[1:]):
        # Scrapers print the outlet name twice (logo alt text, then the name).
        # A short title doubled the same way comes back later in the article,
        # unless it names an outlet (a footer may repeat the outlet).
        if (
            line == following
            and line != date
            and len(line.split()) <= _MAX_OUTLET_WORDS
            and (counts[line] == 2 or _OUTLET_WORDS_RE.search(line))
        ):
            outlet = line
            break
    if outlet is None:
        outlet = next(
            (
                line
                for _, line in head[:_OUTLET_TOP_LINES]
                if line != date
                and len(line.split()) <= _MAX_OUTLET_WORDS
                and counts[line] == 1
                and _OUTLET_WORDS_RE.search(line)
            ),
            None,
        )

    candidates = [line for index, line in head if line not in (date, outlet) and index not in related]
    title = None
    for line in candidates[:_TITLE_CANDIDATES]:
        if counts[line] > 1 and len(line) <= _MAX_TITLE_LENGTH:
            title = line
            break
    if title is None and candidates and len(candidates[0]) <= _MAX_TITLE_LENGTH:
        title = candidates[0]
    return Metadata(title=title, date=date, outlet=outlet)
