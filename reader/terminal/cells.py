"""Rows for terminals that reorder right-to-left text a second time: kitty and qterminal.

qari shapes Arabic and runs the bidi algorithm itself, then sends each row in
visual order, leftmost cell first: what xterm, urxvt, st, alacritty and VTE (after
``CSI 8 l``) draw as sent. Two terminals reorder those cells again and have no
escape sequence to stop it, so qari's Arabic comes out reversed there. The
functions here turn the row qari would send to xterm into a row that *that*
terminal draws like xterm did: same glyph in the same cell. They only permute
characters, inside the stretches the terminal reorders on its own, so the row
keeps its length and every style stays on its cell. A combining mark travels
with the character before it.

kitty 0.26 (``force_ltr no``; kitty/fonts.c ``render_line``, ``render_run``,
``load_hb_buffer``): a row is cut into runs of cells drawn with one font face.
Every space or tab is a run that is never shaped; box-drawing cells are runs of
their own; a bold or italic cell uses another face; a character the main font
lacks comes from a fallback face. Colours, reverse video and underline do not
cut runs. HarfBuzz takes each run's direction from the script of its first
character that has one (not Common or Inherited): an Arabic or Hebrew run is
laid right to left, i.e. reversed in its cells, and its mirrorable characters
(brackets, guillemets) are drawn mirrored. Digits, punctuation and Latin runs
are drawn as sent.

qterminal 1.2 (qtermwidget, ``enabledBidiSupport=true``; lib/TerminalDisplay.cpp
``drawContents``, ``drawCharacters``): a row is cut into fragments of cells with
the same colours and rendition (bold, italic, underline, reverse, blink, the
cursor cell…), box-drawing characters apart. Each fragment goes to one
``QPainter::drawText`` in a left-to-right layout, so Qt runs the whole Unicode
bidi algorithm on it as a left-to-right paragraph and mirrors at odd levels.
qtermwidget drops zero-width characters, harakat included, when they arrive
(``Screen::displayCharacter``). In one fragment, digits can never be drawn to
the right of right-to-left letters (they join the right-to-left run, or come
before it): such a row is drawn with the number moved, unless a style break
separates them.

Each terminal's reordering undoes itself on the rows qari sends, so the row to
send is the terminal's own reordering of the xterm row, fragment by fragment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import pairwise

from reader.text.bidi import resolve_levels, visual_order
from reader.text.bidi_props import MIRROR

__all__ = ["RULES", "has_rtl", "kitty_row", "qt_row", "reorder_for", "reorder_segments"]

#: Right-to-left letters of the Basic Multilingual Plane (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
#: Mandaic and their presentation forms) and the right-to-left planes of the Supplementary one.
_RTL_CLASS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_RTL_RE = re.compile(f"[{_RTL_CLASS}]")

# Script=Common or Inherited code points inside the ranges above (Unicode 15 Scripts.txt):
# HarfBuzz skips them when it guesses a run's direction.
_NOT_RTL_SCRIPT = frozenset(
    [0x0605, 0x060C, 0x061B, 0x061F, 0x0640, 0x0670, 0x06DD, 0x08E2, 0xFD3E, 0xFD3F, *range(0x064B, 0x0656)]
)

#: Cells kitty never shapes: they cut a row into runs (``font_for_cell``: BLANK_FONT).
_KITTY_BLANK = frozenset(" \t\x00")

#: A base character and the zero-width marks drawn on it.
_CLUSTER_RE = re.compile(
    r"(?s).[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0711\u0730-\u074a\u08d3-\u08ff"
    r"\u200c\u200d\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f]*"
)

FontOf = Callable[[str], Hashable]


def has_rtl(row: str) -> bool:
    """Whether ``row`` holds a right-to-left letter: rows without one go out unchanged."""
    return _RTL_RE.search(row) is not None


def _clusters(text: str) -> list[str]:
    return _CLUSTER_RE.findall(text)


def _is_box(ch: str) -> bool:
    return "\u2500" <= ch <= "\u259f" or "\u2800" <= ch <= "\u28ff"


def _script_direction(ch: str) -> int:
    """1 for a right-to-left script, 0 for another script, -1 for Common and Inherited (approximately: letters)."""
    cp = ord(ch)
    if _RTL_RE.match(ch):
        return -1 if cp in _NOT_RTL_SCRIPT or unicodedata.category(ch) == "Cn" else 1
    return 0 if unicodedata.category(ch)[0] == "L" else -1


def _mirrored(cluster: str) -> str:
    return MIRROR.get(cluster[0], cluster[0]) + cluster[1:]


def _pieces(row: str, breaks: Iterable[int]) -> list[str]:
    """``row`` cut at the code-point offsets ``breaks`` (style changes)."""
    cuts = sorted({b for b in breaks if 0 < b < len(row)})
    return [row[a:b] for a, b in zip([0, *cuts], [*cuts, len(row)])]


def _kitty_run(run: list[str]) -> list[str]:
    for cluster in run:
        direction = _script_direction(cluster[0])
        if direction == 0:
            return run  # a left-to-right run: kitty draws it as sent
        if direction == 1:
            break
    else:
        return run  # digits and punctuation only
    return [_mirrored(c) for c in reversed(run)]


def _kitty_piece(piece: str, font_of: FontOf | None) -> str:
    if not has_rtl(piece):
        return piece
    out: list[str] = []
    run: list[str] = []
    run_font: Hashable = None
    for cluster in _clusters(piece):
        ch = cluster[0]
        if ch in _KITTY_BLANK:
            font: Hashable = "blank"
        elif _is_box(ch):
            font = "box"
        else:
            font = 0 if font_of is None else font_of(ch)
        if run and (font != run_font or font == "box"):
            out.extend(_kitty_run(run))
            run = []
        run.append(cluster)
        run_font = font
    out.extend(_kitty_run(run))
    return "".join(out)


def kitty_row(row: str, breaks: Sequence[int] = (), font_of: FontOf | None = None) -> str:
    """The row to send kitty so that it draws what xterm draws for ``row``.

    ``breaks``: code-point offsets in ``row`` where the font face changes (bold
    or italic starts or ends); colours need none. ``font_of`` names the face
    kitty draws a character with, for fonts that lack a script: e.g. with DejaVu
    Sans Mono, Hebrew letters come from a fallback font, punctuation does not.
    None: one font has everything.
    """
    if not has_rtl(row):
        return row
    return "".join(_kitty_piece(piece, font_of) for piece in _pieces(row, breaks))


def _qt_fragments(piece: str) -> list[list[str]]:
    """``piece`` cut where qtermwidget cuts a row inside one style: at box-drawing characters."""
    fragments: list[list[str]] = []
    last_box: bool | None = None
    for cluster in _clusters(piece):
        box = "\u2500" <= cluster[0] <= "\u257f"
        if box != last_box:
            fragments.append([])
            last_box = box
        fragments[-1].append(cluster)
    return fragments


def _qt_fragment(clusters: list[str]) -> str:
    bases = "".join(c[0] for c in clusters)
    if not has_rtl(bases):
        return "".join(clusters)
    levels = resolve_levels(bases, 0)
    return "".join(_mirrored(clusters[i]) if ord(levels[i]) & 1 else clusters[i] for i in visual_order(levels))


def qt_row(row: str, breaks: Sequence[int] = ()) -> str:
    """The row to send qterminal so that it draws what xterm draws for ``row``.

    ``breaks``: code-point offsets in ``row`` where the colours or the rendition
    change (every style change: qtermwidget draws each styled stretch apart).
    """
    if not has_rtl(row):
        return row
    return "".join(_qt_fragment(f) for piece in _pieces(row, breaks) for f in _qt_fragments(piece))


def line_row(row: str, breaks: Sequence[int] = ()) -> str:
    """The row to send a terminal that runs the bidi algorithm over each whole row, styles or not, as a
    left-to-right paragraph: VTE and Konsole when their own bidi can't be switched off (inside tmux
    without passthrough). ``breaks`` are ignored: such a terminal reorders across them."""
    if not has_rtl(row):
        return row
    return "".join(_qt_fragment(f) for f in _qt_fragments(row))


#: The terminals handled here, by rule name.
RULES: dict[str, Callable[[str, Sequence[int]], str]] = {"kitty": kitty_row, "qt": qt_row, "line": line_row}


def reorder_for(rule: str, row: str, breaks: Sequence[int] = ()) -> str:
    """``row`` (what xterm is sent) rewritten for the terminal ``rule`` ("kitty", "qt"); "" or "none": unchanged."""
    if rule in ("", "none") or not has_rtl(row):
        return row
    return RULES[rule](row, breaks)


def reorder_segments(rule: str, segments: Sequence[tuple[str, bool, bool, Hashable]]) -> list[str]:
    """A row given as styled segments ``(text, bold, italic, rest of the style)``: the new texts, same lengths.

    kitty cuts runs where bold or italic changes (another font face), qterminal
    where anything in the style changes.
    """
    texts = [s[0] for s in segments]
    row = "".join(texts)
    if rule in ("", "none") or not has_rtl(row):
        return texts
    breaks: list[int] = []
    at = 0
    for (text, *style), (_, *next_style) in pairwise(segments):
        at += len(text)
        if rule == "line":
            break
        if style[:2] != next_style[:2] or (rule != "kitty" and style != next_style):
            breaks.append(at)
    new = reorder_for(rule, row, breaks)
    out: list[str] = []
    start = 0
    for text in texts:
        out.append(new[start : start + len(text)])
        start += len(text)
    return out
