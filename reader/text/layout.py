"""From a paragraph of logical text to visual lines a terminal can draw, with maps back.

The pipeline (DESIGN.md, "Rendering right-to-left text in a terminal"):

1. make the text display-safe (control characters become visible symbols),
2. shape Arabic in logical order (same length, so offsets carry over),
3. resolve bidi levels for the whole paragraph,
4. wrap in logical order at spaces by cell width,
5. per line: L1/L2 reordering, L3 (marks stay after their letter), L4 mirroring.

Every offset here is a code-point offset into the article's text. A
``VisualLine`` carries its visual string at once (that is what ``qari
render`` and the screen need) and builds its cell map only when asked
(cursor, selection, clicks and highlights need it for the lines on screen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from collections.abc import Callable, Iterator, Sequence
from typing import Literal, Protocol

from .bidi import line_levels, paragraph_level, reorder_text, resolve_levels, visual_order
from .shaping import LIGATURE_TAIL, shape
from .unidata import (
    DISPLAY,
    HIDDEN,
    MIRROR,
    MIRROR_TABLE,
    SIMPLE_RTL_RE,
    Patterns,
    cell_width,
    char_cells,
    classes_of,
    patterns_for,
)

BidiMode = Literal["app", "terminal"]
Direction = Literal["rtl", "ltr"]

MIN_WIDTH = 2
#: Drawn in front of a combining mark that has no letter to sit on.
DOTTED_CIRCLE = "\u25cc"

#: A cluster for the cell map: a character with its marks and ligature tail / hidden characters.
def _marks_after_letter(m: re.Match[str]) -> str:
    """L3: the letter first, then its marks in logical order."""
    return m.group(2) + m.group(1)[::-1]


_EXPLICIT_RE = re.compile("[1-9bSB]")  # explicit formatting, BN, and separators (L1 resets their level)
_ALEFS = frozenset("\u0622\u0623\u0625\u0627")
#: Runs of odd (right-to-left) levels in a string of chr(level).
_ODD_RUN_RE = re.compile("[" + "".join(re.escape(chr(level)) for level in range(1, 127, 2)) + "]+")
_HARAKAT = {cp: HIDDEN for cp in list(range(0x064B, 0x0660)) + [0x0670, 0x0610, 0x0611, 0x0612, 0x0613, 0x0614, 0x0615, 0x0616, 0x0617, 0x0618, 0x0619, 0x061A] + list(range(0x06D6, 0x06DD)) + list(range(0x06DF, 0x06E9)) + list(range(0x06EA, 0x06EE))}


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """Everything besides the text that changes how an article is laid out."""

    width: int = 80
    bidi: BidiMode = "app"
    harakat: bool = True
    direction: Direction | None = None  # None: from the first strong character

    def __post_init__(self) -> None:
        if self.width < MIN_WIDTH:
            raise ValueError(f"width must be at least {MIN_WIDTH}, got {self.width}")


@dataclass(frozen=True, slots=True)
class CellMap:
    """Which logical offsets each cell of a visual line draws.

    ``cells[x]`` is the first offset of the cluster drawn in cell ``x``
    (a letter with its marks, a lam-alef ligature, both cells of a wide
    character); ``spans[x]`` is that cluster's ``(start, end)`` range.
    """

    cells: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]
    rtl: bool
    start: int
    end: int

    def offset_at(self, x: int) -> int:
        """The logical offset drawn at cell ``x``; past either end, the line's nearest edge offset."""
        if not self.cells:
            return self.start
        if x < 0:
            return self.end if self.rtl else self.start
        if x >= len(self.cells):
            return self.start if self.rtl else self.end
        return self.cells[x]

    def cell_of(self, offset: int) -> int:
        """The cell that draws ``offset`` (its cluster's cell for marks and ligature tails).

        Offsets that draw nothing at the end of the line (hanging spaces, the
        line end itself) map just past the text in reading direction: -1 for
        a right-to-left line, ``len(cells)`` for a left-to-right one.
        """
        for x, (a, b) in enumerate(self.spans):
            if a <= offset < b:
                return x
        if self.rtl:
            return -1 if offset >= self._last_drawn() else len(self.cells)
        return len(self.cells) if offset >= self._last_drawn() else -1

    def _last_drawn(self) -> int:
        return max((b for _, b in self.spans), default=self.start)


class VisualLine:
    """One terminal line of a paragraph: the logical range it covers and what it draws."""

    __slots__ = ("paragraph", "start", "end", "rtl", "text", "_layout", "_draw_end", "_map")

    def __init__(self, paragraph: int, start: int, end: int, rtl: bool, text: str,
                 layout: _ParagraphLayout | None, draw_end: int) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.rtl = rtl
        self.text = text
        self._layout = layout
        self._draw_end = draw_end
        self._map: CellMap | None = None

    @property
    def direction(self) -> Direction:
        return "rtl" if self.rtl else "ltr"

    @property
    def cell_length(self) -> int:
        return cell_width(self.text)

    @property
    def map(self) -> CellMap:
        """The cell map, built on first use."""
        if self._map is None:
            if self._layout is None:
                self._map = CellMap((), (), self.rtl, self.start, self.end)
            else:
                self._map = self._layout.cell_map(self)
        return self._map

    def __repr__(self) -> str:
        return f"VisualLine(paragraph={self.paragraph}, start={self.start}, end={self.end}, {self.direction}, {self.text!r})"


class _ParagraphLayout:
    """One paragraph's display string, classes and levels, shared by its visual lines."""

    def __init__(self, text: str, offset: int, options: LayoutOptions) -> None:
        self.text = text
        self.offset = offset
        self.options = options
        # Most Arabic news paragraphs hold only letters, spaces and punctuation:
        # every level is 1 and there is nothing to resolve.
        self.simple_rtl = options.direction != "ltr" and SIMPLE_RTL_RE.fullmatch(text) is not None
        if options.direction is not None:
            self.base = 1 if options.direction == "rtl" else 0
        elif self.simple_rtl:
            self.base = 1
        else:
            found = paragraph_level(self.classes)
            self.base = 1 if found is None else found
        self.patterns = patterns = patterns_for(text)
        display = shape(text) if options.bidi == "app" else text
        if patterns.unsafe.search(text):
            display = display.translate(DISPLAY)  # controls become visible, tails and format characters HIDDEN
        elif display is not text:
            display = display.replace(LIGATURE_TAIL, HIDDEN)
        if not options.harakat:
            display = display.translate(_HARAKAT)
        self.display = display
        # Asked once per paragraph, so that most lines skip these searches.
        self.has_marks = patterns.marks.search(display) is not None
        self.has_mirrored = patterns.mirrored.search(text) is not None

    @cached_property
    def classes(self) -> str:
        return classes_of(self.text)

    @cached_property
    def levels(self) -> str:
        if self.simple_rtl:
            return "\x01" * len(self.text)
        return resolve_levels(self.text, self.base, self.classes)

    def lines(self, index: int) -> list[VisualLine]:
        rtl = bool(self.base & 1)
        offset = self.offset
        return [
            VisualLine(index, offset + start, offset + end, rtl, self.visual_text(start, draw_end), self, offset + draw_end)
            for start, end, draw_end in wrap(self.display, self.options.width, self.has_marks, self.patterns)
        ]

    def _line_levels(self, start: int, end: int) -> str:
        if self.simple_rtl:
            return "\x01" * (end - start)
        return line_levels(self.classes[start:end], self.levels[start:end], self.base)

    def visual_text(self, start: int, end: int) -> str:
        """The visual string of logical range [start, end) of this paragraph.

        This is the hot path of a full layout, so it works on whole strings:
        reversal by slicing, marks put back after their letter by reversing
        clusters found with a regular expression, mirroring by ``translate``.
        ``_clusters`` (per cluster, in Python) gives the same string and is
        kept for the cell map and for the rare line that starts with a lone mark.
        """
        display = self.display[start:end]
        patterns = self.patterns
        marks = self.has_marks and patterns.marks.search(display) is not None
        if marks and patterns.lone_mark.match(display):
            return self._clusters_text(start, end)
        if self.options.bidi == "terminal" or not display:
            return display.replace(HIDDEN, "")
        if self.simple_rtl:
            low = high = "\x01"
        else:
            levels = self._line_levels(start, end)
            low, high = min(levels), max(levels)
        if low == high:
            if not ord(low) & 1:
                return display.replace(HIDDEN, "")
            visual = display.replace(HIDDEN, "")[::-1]
            if marks:
                visual = patterns.marks_first.sub(_marks_after_letter, visual)
            if self.has_mirrored and patterns.mirrored.search(visual):
                visual = visual.translate(MIRROR_TABLE)
            return visual
        if marks and (_EXPLICIT_RE.search(self.classes, start, end)
                      or not _marks_share_levels(display, levels, patterns)):
            # A mark may sit in another run than its letter (an embedding or a BN character between
            # them takes another level): only the cluster path keeps them together.
            return self._clusters_text(start, end)
        if self.has_mirrored and patterns.mirrored.search(self.text, start, end):
            chars = list(display)
            text = self.text
            for m in patterns.mirrored.finditer(text, start, end):
                i = m.start() - start
                if ord(levels[i]) & 1:
                    chars[i] = MIRROR[text[m.start()]]
            display = "".join(chars)
        visual, visual_levels = reorder_text(display, levels)
        if marks:
            # L3: in right-to-left runs a letter's marks came out before it.
            parts = []
            last = 0
            for m in _ODD_RUN_RE.finditer(visual_levels):
                a, b = m.span()
                parts.append(visual[last:a])
                parts.append(patterns.marks_first.sub(_marks_after_letter, visual[a:b]))
                last = b
            parts.append(visual[last:])
            visual = "".join(parts)
        return visual.replace(HIDDEN, "")

    def _clusters_text(self, start: int, end: int) -> str:
        return "".join(text for text, _, _ in self._clusters(start, end, self._line_levels(start, end)))

    def _clusters(self, start: int, end: int, levels: str) -> list[tuple[str, int, int]]:
        """Visual clusters of [start, end): (text drawn, first offset, end offset), left to right.

        A cluster is a drawn character followed, in logical order, by what
        draws nothing on its own (combining marks, ligature tails, format
        characters): L3 keeps them together whatever the reordering does.
        """
        display = self.display
        text = self.text
        spans: list[tuple[int, int]] = []
        for m in self.patterns.cluster.finditer(display, start, end):
            head, tail = m.span()
            if tail - head > 1 and display[tail - 1] == HIDDEN:
                # Format characters at the end of a cluster (RLM, LRI…) may have
                # levels of their own: then each reorders on its own (they draw nothing).
                cluster_levels = levels[head - start:tail - start]
                if cluster_levels.count(cluster_levels[0]) != len(cluster_levels):
                    cut = tail
                    while cut > head + 1 and display[cut - 1] == HIDDEN and text[cut - 1] not in _ALEFS:
                        cut -= 1  # (a lam-alef's tail stays with its lam)
                    spans.append((head, cut))
                    spans.extend((k, k + 1) for k in range(cut, tail))
                    continue
            spans.append((head, tail))
        app = self.options.bidi == "app"
        if app:
            # Each cluster goes where its first drawn character goes (UAX #9 L2 on characters),
            # so a hidden format character inside it cannot move it.
            place = [0] * (end - start)
            for visual_index, logical in enumerate(visual_order(levels)):
                place[logical] = visual_index
            order = sorted(range(len(spans)), key=lambda k: place[_first_drawn(display, *spans[k]) - start])
        else:
            order = range(len(spans))
        clusters: list[tuple[str, int, int]] = []
        for k in order:
            head, tail = spans[k]
            glyph = display[head]
            if app and ord(levels[head - start]) & 1 and text[head] in MIRROR:
                glyph = MIRROR[text[head]]
            drawn = (glyph + display[head + 1:tail]).replace(HIDDEN, "")
            if drawn and char_cells(drawn[0]) == 0:
                drawn = DOTTED_CIRCLE + drawn
            clusters.append((drawn, head, tail))
        return clusters

    def cell_map(self, line: VisualLine) -> CellMap:
        start = line.start - self.offset
        draw_end = line._draw_end - self.offset
        cells: list[int] = []
        spans: list[tuple[int, int]] = []
        display = self.display
        patterns = self.patterns
        if (draw_end > start and self.options.bidi == "app"
                and not (self.has_marks and patterns.marks.search(display, start, draw_end))
                and not patterns.unsafe.search(self.text, start, draw_end)
                and not patterns.wide.search(display, start, draw_end)):
            # Every cluster is one character, or a lam-alef with its hidden tail
            # (same level as the lam): no regular expression per cluster needed.
            offset = self.offset
            heads = [i for i in range(start, draw_end) if display[i] != HIDDEN]
            ends = heads[1:] + [draw_end]
            levels = self._line_levels(start, draw_end)
            order = visual_order("".join([levels[i - start] for i in heads]))
            cells_t = tuple([offset + heads[k] for k in order])
            spans_t = tuple([(offset + heads[k], offset + ends[k]) for k in order])
            return CellMap(cells_t, spans_t, line.rtl, line.start, line.end)
        if draw_end > start:
            for drawn, head, tail in self._clusters(start, draw_end, self._line_levels(start, draw_end)):
                span = (self.offset + head, self.offset + tail)
                for _ in range(cell_width(drawn)):
                    cells.append(span[0])
                    spans.append(span)
        # In terminal mode the cells are in logical order, left to right, whatever the paragraph.
        return CellMap(tuple(cells), tuple(spans), line.rtl and self.options.bidi == "app", line.start, line.end)


def wrap(display: str, width: int, marks: bool = True, patterns: Patterns | None = None) -> list[tuple[int, int, int]]:
    """Break a display string into lines of at most ``width`` cells, at spaces, in logical order.

    Returns ``(start, end, draw_end)`` per line: the line covers [start, end)
    and draws [start, draw_end); the spaces after ``draw_end`` hang past the
    edge, as in any word processor. A word wider than a line is cut between
    clusters (never between a letter and its marks). The loop runs once per
    line, not per word: the scanning is done by ``str`` methods. ``marks``
    False promises there are no combining marks (the caller has looked);
    ``patterns`` are the searches for this text (see ``patterns_for``).
    """
    n = len(display)
    if patterns is None:
        patterns = patterns_for(display)
    if patterns.wide.search(display):
        cells = _cells_general(display)
    elif marks and patterns.marks.search(display):
        cells = _cells_marks(display, patterns.marks)
    elif HIDDEN in display:
        cells = _cells_hidden(display)
    else:
        cells = None
    lines: list[tuple[int, int, int]] = []
    start = 0
    # A paragraph that starts with a mark draws it on a dotted circle: one more cell.
    room = width - 1 if marks and patterns.lone_mark.match(display) else width
    while True:
        # The furthest end that fits in the width.
        if cells is None:
            fit = min(start + room, n)
        else:
            fit = _fit(display, start, room, cells)
        room = width
        if fit >= n:
            lines.append((start, n, _drawn_end(display, start, n)))
            return lines
        brk = display.rfind(" ", start, fit + 1)
        if brk < start:
            # No space within reach: the word is wider than a line, cut it where it stops fitting.
            cut = fit if fit > start else _next_cluster(display, start, patterns)
            lines.append((start, cut, cut))
            start = cut
            continue
        after = brk + 1
        while after < n and display[after] == " ":
            after += 1
        if cells is not None:
            # Marks (and format characters) right after the spaces belong to the
            # last space: they hang with it rather than start the next line bare.
            while after < n and (display[after] == HIDDEN or char_cells(display[after]) == 0):
                after += 1
        if after >= n:
            lines.append((start, n, _drawn_end(display, start, n)))
            return lines
        lines.append((start, after, _drawn_end(display, start, brk)))
        start = after


_MARK_RUNS: dict[str, re.Pattern[str]] = {}


def _marks_share_levels(display: str, levels: str, patterns: Patterns) -> bool:
    """True when every run of marks has its letter's level (so reversing runs keeps them together).

    A direction mark between a letter and its harakah (LRM, RLM) gives the
    harakah another level: such a line needs the cluster path.
    """
    runs = _MARK_RUNS.get(patterns.marks.pattern)
    if runs is None:
        runs = _MARK_RUNS[patterns.marks.pattern] = re.compile(f"(?:{patterns.marks.pattern})+")
    for m in runs.finditer(display):
        a, b = m.span()
        base = a - 1
        while base >= 0 and display[base] == HIDDEN:
            base -= 1
        if base < 0:
            continue  # a lone mark: drawn on a dotted circle by the cluster path anyway
        if levels.count(levels[base], a, b) != b - a:
            return False
    return True


def _first_drawn(display: str, start: int, end: int) -> int:
    """The first character of a cluster that draws something: its level is the cluster's
    (a format character in front of a mark has the level of what came before it)."""
    for i in range(start, end):
        if display[i] != HIDDEN:
            return i
    return start


def _drawn_end(display: str, start: int, end: int) -> int:
    """Where the drawn part of a line ends: trailing spaces hang, and so does
    whatever draws nothing on them (a format character or a mark after a space)."""
    k = start + len(display[start:end].rstrip(" "))
    while k > start and (display[k - 1] == HIDDEN or char_cells(display[k - 1]) == 0):
        j = k - 1
        while j > start and (display[j - 1] == HIDDEN or char_cells(display[j - 1]) == 0):
            j -= 1
        if j == start or display[j - 1] != " ":
            break  # marks on a letter are drawn with it; marks that start the line on a dotted circle
        k = start + len(display[start:j].rstrip(" "))
    return k


def _cells_general(display: str) -> Callable[[int, int], int]:
    return lambda a, b: cell_width(display[a:b])


def _cells_marks(display: str, marks: re.Pattern[str]) -> Callable[[int, int], int]:
    # No wide characters: every code point is one cell but marks and hidden ones.
    return lambda a, b: b - a - display.count(HIDDEN, a, b) - len(marks.findall(display, a, b))


def _cells_hidden(display: str) -> Callable[[int, int], int]:
    # Only ligature tails and format characters draw nothing: count them.
    return lambda a, b: b - a - display.count(HIDDEN, a, b)


def _fit(display: str, start: int, width: int, cells: Callable[[int, int], int]) -> int:
    """The largest end such that display[start:end] takes at most ``width`` cells, on a cluster boundary."""
    n = len(display)
    end = min(start + width, n)
    used = cells(start, end)
    # Zero-width characters let more characters in; wide ones fewer.
    while used < width and end < n:
        step = min(width - used, n - end)
        used += cells(end, end + step)
        end += step
    while used > width:
        end -= 1
        used -= char_cells(display[end]) if display[end] != HIDDEN else 0
    # Never leave a letter's marks (or a ligature's tail) for the next line.
    while end < n and (display[end] == HIDDEN or char_cells(display[end]) == 0):
        end += 1
    return end


def _next_cluster(display: str, start: int, patterns: Patterns) -> int:
    m = patterns.cluster.match(display, start)
    return m.end() if m else start + 1


class Span(Protocol):
    """A paragraph's place in the article text (``reader.article.Paragraph`` is one)."""

    start: int
    end: int


class ArticleLayout:
    """Lazy, cached layout of a whole article: only the paragraphs asked for are laid out.

    The reader asks for the paragraphs on screen; ``qari render`` walks all
    of them. Laying out a screenful costs the same in a 5 KB and a 5 MB
    article: nothing here touches paragraphs that were not asked for.
    """

    def __init__(self, paragraphs: Sequence[Span], text: str, options: LayoutOptions,
                 cache_size: int = 4096) -> None:
        self._paragraphs = paragraphs
        self._text = text
        self.options = options
        self._cache: dict[int, list[VisualLine]] = {}
        self._cache_size = cache_size

    @property
    def paragraph_count(self) -> int:
        return len(self._paragraphs)

    def paragraph_lines(self, index: int) -> list[VisualLine]:
        """The visual lines of one paragraph, laid out on first use and kept (LRU-ish, bounded)."""
        lines = self._cache.get(index)
        if lines is None:
            span = self._paragraphs[index]
            lines = _ParagraphLayout(self._text[span.start:span.end], span.start, self.options).lines(index)
            if len(self._cache) >= self._cache_size:
                self._cache.pop(next(iter(self._cache)))
            self._cache[index] = lines
        return lines

    def lines(self, first_paragraph: int = 0) -> Iterator[VisualLine]:
        """Visual lines from ``first_paragraph`` on, laid out as they are read."""
        for index in range(first_paragraph, len(self._paragraphs)):
            yield from self.paragraph_lines(index)


def layout_paragraph(text: str, options: LayoutOptions, offset: int = 0, index: int = 0) -> list[VisualLine]:
    """Visual lines of one paragraph (no newline inside), offsets counted from ``offset``."""
    return _ParagraphLayout(text, offset, options).lines(index)
