"""UAX #9 L1–L2: a line's levels after whitespace is reset, and its characters in visual order.

Levels come from ``bidi.resolve_levels`` for a whole paragraph; once the
paragraph is wrapped, each visual line is reordered on its own. L3 (marks
after their letter) and L4 (mirroring) depend on what is drawn, so the
layout does them (``paragraph_layout``). ``reorder_text`` is the hot path of
a full layout: the same reversals as ``visual_order`` done on string slices.
"""

from __future__ import annotations

import re

_WHITESPACE_LIKE = "Wb123456789"  # L1: whitespace, isolates and what X9 removed
_BEFORE_SEP_RE = re.compile(r"[Wb1-9]+(?=[SB])")


def reset_separators(classes: str, levels: str, base: int) -> str:
    """L1 rules 1–2: segment and paragraph separators take the paragraph level."""
    chars = list(levels)
    for m in re.finditer("[BS]", classes):
        chars[m.start()] = chr(base)
    return "".join(chars)


def line_levels(classes: str, levels: str, base: int) -> str:
    """L1 for one line: trailing whitespace and whitespace before separators go to the base level."""
    reset: list[tuple[int, int]] = []
    kept = len(classes.rstrip(_WHITESPACE_LIKE))
    if kept < len(classes):
        reset.append((kept, len(classes)))
    if "S" in classes or "B" in classes:
        reset.extend(x.span() for x in _BEFORE_SEP_RE.finditer(classes))
        reset.extend(x.span() for x in re.finditer("[SB]", classes))
    if not reset:
        return levels
    chars = list(levels)
    b = chr(base)
    for start, end in reset:
        for k in range(start, end):
            chars[k] = b
    return "".join(chars)


_RUN_RES: dict[int, re.Pattern[str]] = {}


def _runs_at_or_above(level: int) -> re.Pattern[str]:
    """Runs of characters at ``level`` or higher in a string of chr(level) (compiled once per level)."""
    pattern = _RUN_RES.get(level)
    if pattern is None:
        pattern = re.compile(f"[{re.escape(chr(level))}-\x7f]+")
        _RUN_RES[level] = pattern
    return pattern


def visual_order(levels: str) -> list[int]:
    """L2: indices of a line's characters in visual (left-to-right) order."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = ord(max(levels))
    lowest_odd = ord(min(levels)) | 1
    for level in range(highest, lowest_odd - 1, -1):
        for m in _runs_at_or_above(level).finditer(levels):
            a, b = m.span()
            order[a:b] = order[a:b][::-1]
    return order


_LEVEL_2_RUN_RE = re.compile("\x02+")


def reorder_text(text: str, levels: str) -> tuple[str, str]:
    """L2 on strings: a line's text and its levels, both in visual order.

    The same reversals as ``visual_order``, done on slices of ``str`` instead
    of a list of indices: the hot path of laying out a whole article, where
    only the text is needed.
    """
    if not levels:
        return text, levels
    highest = ord(max(levels))
    lowest = ord(min(levels))
    if lowest == 1 and highest == 2:
        # The usual mixed line (numbers or Latin in Arabic): reverse it all,
        # then put each level-2 run back the right way round.
        text, levels = text[::-1], levels[::-1]
        text_parts: list[str] = []
        last = 0
        for m in _LEVEL_2_RUN_RE.finditer(levels):
            a, b = m.span()
            text_parts.append(text[last:a])
            text_parts.append(text[a:b][::-1])
            last = b
        text_parts.append(text[last:])
        return "".join(text_parts), levels
    lowest_odd = lowest | 1
    for level in range(highest, lowest_odd - 1, -1):
        text_parts = []
        level_parts: list[str] = []
        last = 0
        for m in _runs_at_or_above(level).finditer(levels):
            a, b = m.span()
            text_parts.append(text[last:a])
            text_parts.append(text[a:b][::-1])
            level_parts.append(levels[last:a])
            level_parts.append(levels[a:b][::-1])
            last = b
        text_parts.append(text[last:])
        level_parts.append(levels[last:])
        text = "".join(text_parts)
        levels = "".join(level_parts)
    return text, levels
