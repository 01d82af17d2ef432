"""One paragraph laid out: shaped, made display-safe, its levels resolved, cut into visual lines.

The steps for a paragraph of logical text (docs/architecture.md, "The text
engine"): make it display-safe, shape Arabic in logical order (same length,
so offsets carry over), resolve bidi levels for the whole paragraph, wrap
(``wrapping``), then per line: L1/L2 reordering, L3 (marks stay after their
letter) and L4 mirroring. ``ParagraphLayout`` keeps what its lines share, so
a line's cell map can be built later, on demand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from .bidi import line_levels, paragraph_level, reorder_text, resolve_levels, visual_order
from .bidi_props import MIRROR, MIRROR_TABLE
from .cells import HIDDEN, cell_width, char_cells
from .display import display_string
from .kinds import kinds_of
from .patterns import Patterns, patterns_for
from .rtl_lines import clusters_reversed, rtl_visual_lines
from .visual_line import CellMap, LayoutOptions, VisualLine
from .wrapping import wrap

#: Drawn in front of a combining mark that has no letter to sit on.
DOTTED_CIRCLE = "\u25cc"


def _marks_after_letter(m: re.Match[str]) -> str:
    """L3: the letter first, then its marks in logical order."""
    return m.group(2) + m.group(1)[::-1]


_EXPLICIT_RE = re.compile("[1-9bSB]")  # explicit formatting, BN, and separators (L1 resets their level)
_ALEFS = frozenset("\u0622\u0623\u0625\u0627")
#: Runs of odd (right-to-left) levels in a string of chr(level).
_ODD_RUN_RE = re.compile("[" + "".join(re.escape(chr(level)) for level in range(1, 127, 2)) + "]+")


class ParagraphLayout:
    """One paragraph's display string, classes and levels, shared by its visual lines."""

    def __init__(self, text: str, offset: int, options: LayoutOptions) -> None:
        self.text = text
        self.offset = offset
        self.options = options
        #: What the text's characters are (classes, marks, controls…), asked once.
        self.kinds = kinds = kinds_of(text)
        # Most Arabic news paragraphs hold only letters, spaces and punctuation:
        # every level is 1 and there is nothing to resolve.
        self.simple_rtl = options.direction != "ltr" and kinds.simple_rtl
        if options.direction is not None:
            self.base = 1 if options.direction == "rtl" else 0
        elif self.simple_rtl:
            self.base = 1
        else:
            found = paragraph_level(self.classes)
            self.base = 1 if found is None else found
        self.patterns = patterns_for(text)
        #: Whether the text holds control or format characters (then the display string hides or shows them).
        self.unsafe = kinds.unsafe
        self.display, self._words = display_string(text, options.bidi == "app", options.harakat, self.unsafe)
        # The display string holds the text's marks, but for harakat when they are hidden.
        self.has_marks = kinds.marks if options.harakat else kinds.marks_kept
        self.has_mirrored = kinds.mirrored

    @property
    def classes(self) -> str:
        """The paragraph's Bidi_Class letters."""
        return self.kinds.classes

    @cached_property
    def levels(self) -> str:
        """The paragraph's embedding levels, one ``chr(level)`` per code point."""
        if self.simple_rtl:
            return "\x01" * len(self.text)
        return resolve_levels(self.text, self.base, self.classes)

    def lines(self, index: int) -> list[VisualLine]:
        """The paragraph's visual lines, numbered as paragraph ``index`` of the article."""
        rtl = bool(self.base & 1)
        offset = self.offset
        wrapped = wrap(self.display, self.options.width, self.has_marks, self.patterns, self.kinds.wide)
        spans = [(start, draw_end) for start, _, draw_end in wrapped]
        texts = self._rtl_texts(spans)
        if texts is None:
            texts = [self.visual_text(start, draw_end) for start, draw_end in spans]
        return [
            VisualLine(index, offset + start, offset + end, rtl, text, self, offset + draw_end)
            for (start, end, draw_end), text in zip(wrapped, texts, strict=True)
        ]

    def _rtl_texts(self, spans: list[tuple[int, int]]) -> list[str] | None:
        """The visual strings of all the lines at once (``rtl_lines``), or None where that does not apply.

        It applies to the usual paragraph of Arabic news: right to left, no
        control or format character, so no explicit embedding, every level
        is 1 or 2 (the implicit rules at base level 1) and W1 gives each mark
        of class NSM the level of the letter it follows; and no mark without
        a letter (those are drawn on a dotted circle, line by line).
        """
        if self.base != 1 or self.options.bidi != "app" or self.unsafe:
            return None
        kinds = self.kinds
        display = self.display
        marks = self.has_marks
        if marks and kinds.bare_mark:
            return None
        levels: str | None = None
        line_levels: list[str] | None = None
        if not self.simple_rtl:
            levels = self.levels
            if "\x02" in levels:
                if marks and kinds.strong_mark:
                    return None  # a mark of class L may take another level than its letter
                if kinds.other_whitespace:
                    line_levels = [self._line_levels(s, d) for s, d in spans]
                else:
                    # Every whitespace character is a space, and no line draws its trailing spaces: L1 changes nothing.
                    line_levels = [levels[s:d] for s, d in spans]
        mirrored = _odd_mirrored(self.text, levels, self.patterns) if self.has_mirrored else []
        display = _mirror(display, mirrored, self.text)
        reversed_clusters = None
        if marks:
            reversed_clusters = clusters_reversed(self.display, self._words, self.options.harakat)
            if all(reversed_clusters[i] == self.display[i] for i in mirrored):
                reversed_clusters = _mirror(reversed_clusters, mirrored, self.text)
            else:  # a mirrored character with a mark on it: its cluster moved
                reversed_clusters = clusters_reversed(display)
        return rtl_visual_lines(display, reversed_clusters, line_levels, spans)

    def _line_levels(self, start: int, end: int) -> str:
        """Levels of [start, end) after L1 for that line."""
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
        if marks and (
            _EXPLICIT_RE.search(self.classes, start, end) or not _marks_share_levels(display, levels, patterns)
        ):
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
        """``visual_text`` the slow way, cluster by cluster."""
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
                cluster_levels = levels[head - start : tail - start]
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
            order: Sequence[int] = sorted(
                range(len(spans)), key=lambda k: place[_first_drawn(display, *spans[k]) - start]
            )
        else:
            order = range(len(spans))
        clusters: list[tuple[str, int, int]] = []
        for k in order:
            head, tail = spans[k]
            glyph = display[head]
            if app and ord(levels[head - start]) & 1 and text[head] in MIRROR:
                glyph = MIRROR[text[head]]
            drawn = (glyph + display[head + 1 : tail]).replace(HIDDEN, "")
            if drawn and char_cells(drawn[0]) == 0:
                drawn = DOTTED_CIRCLE + drawn
            clusters.append((drawn, head, tail))
        return clusters

    def cell_map(self, line: VisualLine) -> CellMap:
        """The cell map of one of this paragraph's lines."""
        start = line.start - self.offset
        draw_end = line.draw_end - self.offset
        cells: list[int] = []
        spans: list[tuple[int, int]] = []
        display = self.display
        patterns = self.patterns
        if (
            draw_end > start
            and self.options.bidi == "app"
            and not (self.has_marks and patterns.marks.search(display, start, draw_end))
            and not patterns.unsafe.search(self.text, start, draw_end)
            and not patterns.wide.search(display, start, draw_end)
        ):
            # Every cluster is one character, or a lam-alef with its hidden tail
            # (same level as the lam): no regular expression per cluster needed.
            offset = self.offset
            heads = [i for i in range(start, draw_end) if display[i] != HIDDEN]
            ends = [*heads[1:], draw_end]
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


def _odd_mirrored(text: str, levels: str | None, patterns: Patterns) -> list[int]:
    """L4: where a paragraph has a mirrored character at an odd level (every one, when ``levels`` is None).

    Mirrored characters are all ON, which L1 never moves, so the
    paragraph's levels are those of every line.
    """
    return [m.start() for m in patterns.mirrored.finditer(text) if levels is None or ord(levels[m.start()]) & 1]


def _mirror(display: str, at: list[int], text: str) -> str:
    """``display`` with the characters ``at`` those offsets replaced by the mirror glyph of ``text``'s."""
    if not at:
        return display
    parts: list[str] = []
    last = 0
    for i in at:
        parts.append(display[last:i])
        parts.append(MIRROR[text[i]])
        last = i + 1
    parts.append(display[last:])
    return "".join(parts)


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
