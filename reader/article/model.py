"""The article model: the one text every qari offset points into, its paragraphs, its metadata.

``Article.text`` is the decoded file with a BOM stripped, CRLF/CR turned into
LF and a front-matter header (if any) taken off; nothing else is changed: no
Unicode normalisation and no removal of harakat, because claims are anchored
by code-point offsets into this text and the quote a fact-checker exports
must be the article's own characters. Pure standard library.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, islice, repeat
from operator import add, sub
from pathlib import Path
from typing import overload

from .header import split_header
from .metadata import Metadata
from .scraped import guess_metadata, related_paragraphs


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the article text; offsets are code points into ``Article.text``."""

    index: int
    start: int  # code-point offset into Article.text
    end: int  # exclusive; never includes the '\n'


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

#: ``paragraph_at`` counts newlines for offsets below this while the paragraph table is not built.
_COUNT_BELOW = 64 * 1024


def normalise_newlines(text: str) -> str:
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

    text: str  # decoded, BOM stripped, CRLF/CR -> LF, header taken off, nothing else changed
    name: str  # file name (e.g. "iran.txt"), or "<stdin>"/given name
    path: Path | None = None
    encoding: str = "utf-8"  # utf-8, utf-8-sig, utf-16-le/-be, utf-32-le/-be, windows-1256; a page's charset
    #: What the file says of itself: its front-matter header, or a saved page's metadata. None: guess.
    stated: Metadata | None = None

    @classmethod
    def from_text(cls, text: str, name: str = "<text>", path: Path | None = None, encoding: str = "utf-8") -> Article:
        """An article from decoded text: strips a BOM, fixes newlines, takes a front-matter header off."""
        stated, body = split_header(normalise_newlines(text.removeprefix("\ufeff")))
        return cls(text=body, name=name, path=path, encoding=encoding, stated=stated)

    def beginning(self, size: int = 256 * 1024) -> Article:
        """The first ``size`` characters (cut after a newline) as an article of their own.

        Its paragraphs are the first paragraphs of this article, index for
        index. The reader guesses the header and dims repeats from it so that
        opening a 5 MB article costs what opening a short one does; the full
        guesses are made in the background.
        """
        text = self.head  # a streamed article's head is longer than ``size``: its rest is not needed here
        if len(text) <= size:
            return self
        cut = text.rfind("\n", 0, size)
        return Article(
            text=text[: cut if cut > 0 else size],
            name=self.name,
            path=self.path,
            encoding=self.encoding,
            stated=self.stated,
        )

    @property
    def head(self) -> str:
        """The beginning of ``text`` decoded so far: all of it, unless a big file's rest is still bytes.

        For what the first screen needs (the first paragraphs, the guesses
        from the beginning) without waiting for the rest (``streamed``).
        """
        return self.text

    @property
    def decode_problem(self) -> str | None:
        """Why the rest of a streamed file did not decode as its head did (one line), else None."""
        return None

    def is_blank(self) -> bool:
        """No text but spaces and newlines (``isspace``: no copy of a 5 MB text per key)."""
        head = self.head
        if head and not head.isspace():
            return False  # a streamed article's rest need not be decoded to know
        return not self.text or self.text.isspace()

    # -- paragraphs ---------------------------------------------------------

    @cached_property
    def _bounds(self) -> list[int]:
        return _paragraph_bounds(self.text)

    @cached_property
    def paragraphs(self) -> Paragraphs:
        """One paragraph per line of ``text`` (``text.split("\\n")``), blank lines included."""
        return Paragraphs(self._bounds)

    @cached_property
    def paragraph_count(self) -> int:
        """How many paragraphs the article has, without building the paragraph table.

        The status line wants the count before the first frame; counting
        newlines is a C loop over the text, where the table (``paragraphs``)
        splits it and costs several times more on a 5 MB article.
        """
        if "_bounds" in self.__dict__:
            return len(self._bounds) - 1
        return self.text.count("\n") + 1

    def paragraph_text(self, index: int) -> str:
        """The text of one paragraph, without its newline."""
        paragraph = self.paragraphs[index]
        return self.text[paragraph.start : paragraph.end]

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``.

        The ``\\n`` after a paragraph belongs to that paragraph, and
        ``len(text)`` (the end-of-text cursor position) to the last one.
        """
        if "_bounds" not in self.__dict__ and 0 <= offset <= _COUNT_BELOW:
            # Near the top (the first screen's status line): counting newlines costs microseconds where the
            # paragraph table of a 5 MB article costs milliseconds.
            head = self.head
            if offset <= len(head):
                return head.count("\n", 0, offset)
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside the article (0..{len(self.text)})")
        return bisect_right(self._bounds, offset, 0, len(self._bounds) - 1) - 1

    def paragraph_number(self, offset: int) -> int:
        """The 1-based number of the paragraph holding ``offset``, as the export's ``paragraph`` column and the
        reader's status line give it (every line counts, blank ones too), so the two always agree."""
        return self.paragraph_at(offset) + 1

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
        return related_paragraphs(self.text, self._stripped_lines)

    @cached_property
    def metadata(self) -> Metadata:
        """What the file states (header, page) or else what its first lines suggest.

        A header that leaves out the title, outlet or date has the gap filled
        by the guess; a saved page's metadata is taken as the extractor gave it.
        """
        stated = self.stated
        if stated is not None and stated.origin == "page":
            return stated
        guess = guess_metadata(self._stripped_lines, self.related)
        return guess if stated is None else stated.filled_from(guess)
