"""A big UTF-8 article whose first screen shows before the rest of the file is decoded.

Decoding a 5 MB Arabic file takes ~10 ms of the reader's first frame, and
the first screen needs only the first few hundred kilobytes. So the reader
opens a big file (``load_article(path, streamed=True)``) as a
``StreamedArticle``: its head (whole lines, up to ``HEAD_BYTES``) is decoded
at once, the rest stays bytes until something asks for ``text``: then it is
decoded, once, under a lock (the reader's workers ask right after the first
frame). ``text`` is always the whole text, exactly as ``load_article`` gives
it: nothing that needs the whole text (anchoring claims, search, export)
ever sees a part of it. Only ``head``, ``beginning()``, ``paragraph_count``,
``paragraph_at`` near the top and ``is_blank()`` answer from the head.

A file whose rest turns out not to be UTF-8 (its head was) has
``decode_problem`` set and ``text`` decoded with U+FFFD for the bad bytes,
so offsets on screen stay valid; the reader then opens the file again the
ordinary way, which decides its encoding (or reports it) from all of it.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from threading import Lock
from typing import Any

from .decoding import decode_head, shown
from .header import MAX_LINES, split_header
from .model import Article

__all__ = ["HEAD_BYTES", "STREAM_FROM", "StreamedArticle", "streamed_article"]

#: Files at least this big are streamed; smaller ones decode in well under a millisecond.
STREAM_FROM = 1024 * 1024
#: Bytes decoded at once: more than ``Article.beginning()`` needs for Arabic (two bytes a letter) or Latin text.
HEAD_BYTES = 768 * 1024
#: ``Article.beginning``'s default size, which the head must exceed.
_BEGINNING = 256 * 1024


class StreamedArticle(Article):
    """An Article whose ``text`` after ``head`` is decoded from ``data`` on first use (see the module)."""

    def __init__(self, head: str, data: bytes, rest_from: int, *, name: str, path: Path, **fields: Any) -> None:
        # Not the dataclass __init__: it would set ``text``, which is decoded on first use instead.
        self.name = name
        self.path = path
        self.encoding = fields.get("encoding", "utf-8")
        self.stated = fields.get("stated")
        self._head = head
        self._data = data
        self._rest_from = rest_from  # where the undecoded rest starts in ``_data``
        self._full: str | None = None
        self._problem: str | None = None
        self._lock = Lock()

    @property
    def text(self) -> str:  # type: ignore[override]  # Article's field, decoded on first use here
        """The whole text: the head, and the rest decoded now if it was not yet (thread-safe, once)."""
        full = self._full
        if full is None:
            with self._lock:
                full = self._full
                if full is None:
                    full = self._full = self._head + self._decode_rest()
                    self._data = b""  # the bytes are no longer needed
        return full

    def __repr__(self) -> str:
        return f"StreamedArticle(name={self.name!r}, decoded={self.decoded})"

    @property
    def decoded(self) -> bool:
        """Whether the whole text is decoded yet."""
        return self._full is not None

    def _decode_rest(self) -> str:
        rest = memoryview(self._data)[self._rest_from :]
        try:
            return str(rest, "utf-8")
        except UnicodeDecodeError as err:
            at = self._rest_from + err.start
            self._problem = f"qari: {shown(self.path or self.name)}: not UTF-8 at byte {at:,} (its beginning is)"
            return str(rest, "utf-8", "replace")

    @property
    def head(self) -> str:
        return self._head if self._full is None else self._full

    @property
    def decode_problem(self) -> str | None:
        return self._problem

    @cached_property
    def paragraph_count(self) -> int:
        """Newlines in the head and in the rest's bytes (a newline byte is a newline character in UTF-8)."""
        if self._full is not None:
            return self._full.count("\n") + 1
        return self._head.count("\n") + self._data.count(b"\n", self._rest_from) + 1


def streamed_article(data: bytes, path: Path) -> Article | None:
    """``data`` (the bytes of the text file at ``path``) as a StreamedArticle, or None to decode it whole.

    None for a small file, or one whose head does not settle that it is
    UTF-8 with LF newlines, or whose front-matter header may run past the
    head. Raises the ArticleError ``decode`` would for a binary file.
    """
    if len(data) < STREAM_FROM:
        return None
    found = decode_head(data, HEAD_BYTES, name=path)
    if found is None:
        return None
    head, rest_from = found
    head = head.removeprefix("\ufeff")  # as Article.from_text does
    if head.startswith("---") and head.count("\n", 0, len(head)) <= MAX_LINES + 1:
        return None  # a header's end may lie past the head
    stated, body = split_header(head)
    if len(body) <= _BEGINNING:
        return None  # the first screen's guesses read more than the head holds
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    return StreamedArticle(body, data, rest_from, name=path.name, path=path, encoding=encoding, stated=stated)
