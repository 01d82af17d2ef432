"""Bytes on disk → text: the encoding of a news article, and refusing what is not one.

UTF-8, a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-16 without one, or the
Windows-1256 of older Arabic sites; images, archives and programs are refused
with one clear line. Newlines are left as they are (``Article.from_text``
turns them into LF).
"""

from __future__ import annotations

import os
import re

from ..text.sanitise import printable
from .metadata import ArticleError

__all__ = ["decode", "decode_head", "plausibly_arabic", "shown"]

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
_BAD_C0_CHARS = dict.fromkeys(_BAD_C0)
# High bytes of UTF-16 code units for Latin, Greek, Cyrillic, Hebrew, Arabic,
# Syriac... (U+0000–U+1FFF) and for Arabic presentation forms (U+FBxx–U+FExx).
_UTF16_HIGH = _C0 + bytes(range(0xFB, 0xFF))

_ARABIC_RE = re.compile("[\u0600-\u06ff]")
# Non-ASCII characters that say nothing about the language (NBSP, bidi marks,
# ZWNJ/ZWJ) and are left out of the Arabic-share test.
_NEUTRAL_NON_ASCII_RE = re.compile("[^\x00-\x7f\u00a0\u200c-\u200f]")


def shown(path: str | os.PathLike[str]) -> str:
    """A path as it may be printed in a one-line message (``reader.text.sanitise.printable``)."""
    return printable(path)


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


def _utf16_candidates(data: bytes) -> list[str]:
    """The UTF-16 codecs whose high bytes ``data``'s first 64 KB look like (usually none)."""
    if len(data) < 8 or len(data) % 2:
        return []
    sample = data[:_SAMPLE]
    return [
        codec
        for codec, high, low in (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2]))
        if _count_in(high, _UTF16_HIGH) >= 0.6 * len(high) and _count_in(low, _C0) <= 0.25 * len(low)
    ]


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no BOM, when one byte of every pair looks like a high byte.

    UTF-16 Arabic is 0x06 (or 0x00 for spaces and ASCII) in every other
    byte; UTF-8 text never is. Pure-Arabic UTF-16 is also valid ASCII, so
    this runs before the UTF-8 attempt.
    """
    for codec in _utf16_candidates(data):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _binary_text(text):
            return text, codec
    return None


def plausibly_arabic(text: str) -> bool:
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
    where = shown(name)
    if data.startswith(_MAGIC):
        raise ArticleError(f"qari: {where}: not a text article (binary data)")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise ArticleError(
                    f"qari: {where}: cannot decode: starts with a {codec.upper()} byte-order mark "
                    f"but is not valid {codec.upper()}"
                ) from None
            if _binary_text(text):
                raise ArticleError(f"qari: {where}: not a text article (binary data)")
            return text, label
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _binary_bytes(data[:_SAMPLE]):
        raise ArticleError(f"qari: {where}: not a text article (binary data)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if plausibly_arabic(text):
        return text, "windows-1256"
    raise ArticleError(f"qari: {where}: cannot decode: not UTF-8, UTF-16 or Windows-1256 Arabic text")


def decode_head(data: bytes, head_size: int, *, name: str | os.PathLike[str] = "<stdin>") -> tuple[str, int] | None:
    """(the text of ``data``'s first whole lines, up to ``head_size`` bytes; where the rest starts) for UTF-8.

    The reader shows a big file's first screen before decoding the rest:
    this decodes only its head, after the same checks ``decode`` makes first
    (binary signatures and bytes, a byte-order mark, UTF-16), raising the
    same ArticleError. None when the head does not settle the question
    (another encoding, no newline to cut at, a carriage return anywhere, a
    head that is not UTF-8): then ``decode`` reads the whole file as before.
    A newline byte never occurs inside a UTF-8 character, so a cut after
    one never splits a character. A BOM is left on the head, as ``decode``
    leaves text after the one it strips (``Article.from_text`` removes it).
    """
    if len(data) <= head_size or b"\r" in data:
        return None
    where = shown(name)
    if data.startswith(_MAGIC):
        raise ArticleError(f"qari: {where}: not a text article (binary data)")
    start = 0
    if data.startswith(_BOMS[0][0]):
        start = len(_BOMS[0][0])
    elif data.startswith(tuple(bom for bom, _, _ in _BOMS)) or _utf16_candidates(data):
        return None
    elif _binary_bytes(data[:_SAMPLE]):
        raise ArticleError(f"qari: {where}: not a text article (binary data)")
    cut = data.rfind(b"\n", start, head_size) + 1
    if cut <= start:
        return None
    try:
        head = data[start:cut].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if start and len(head) < _SAMPLE:
        return None  # too short a head to judge as decode would: read it all
    if start and _binary_text(head):
        raise ArticleError(f"qari: {where}: not a text article (binary data)")
    return head, cut
