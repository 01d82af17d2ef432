"""UAX #9 P2–P3 and X1–X10: a paragraph's direction, and its explicit embeddings and isolates.

A paragraph with embeddings, overrides or isolates (LRE…PDF, LRI…PDI) is
first given explicit levels on a directional status stack, then cut into
isolating run sequences, each resolved by ``bidi_runs``. Most news
paragraphs have none of these and take the implicit path in ``bidi``; FSI
and that path both ask ``paragraph_level`` for a direction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bidi_reorder import reset_separators
from .bidi_runs import resolve_sequence, to_levels

MAX_DEPTH = 125

_ISOLATE_END_RE = re.compile(r"[LRA6789]")


def paragraph_level(classes: str) -> int | None:
    """P2–P3: 1 if the first strong class (skipping isolates) is R/AL, 0 if L, None if none."""
    depth = 0
    for match in _ISOLATE_END_RE.finditer(classes):
        code = match.group()
        if code in "678":
            depth += 1
        elif code == "9":
            if depth:
                depth -= 1
        elif depth == 0:
            return 0 if code == "L" else 1
    return None


@dataclass(slots=True)
class _Run:
    """A level run: characters [start, end) at one explicit level (removed ones left out)."""

    start: int
    end: int
    level: int


def resolve_explicit(text: str, classes: str, base: int) -> str:
    """X1–X10 for paragraphs with embeddings, overrides or isolates; then W/N/I per sequence."""
    n = len(classes)
    levels = [base] * n
    override = [""] * n
    removed = [False] * n
    # X1–X8. Stack entries: (level, override "L"/"R"/"", isolate)
    stack: list[tuple[int, str, bool]] = [(base, "", False)]
    overflow_isolates = 0
    overflow_embeddings = 0
    valid_isolates = 0
    matching_pdi: dict[int, int] = {}
    isolate_openers: list[int] = []
    for i, c in enumerate(classes):
        top_level, top_override, _ = stack[-1]
        if c in "1234":  # LRE LRO RLE RLO
            removed[i] = True
            levels[i] = top_level
            rtl = c in "34"
            new = (top_level + 1) | 1 if rtl else (top_level + 2) & ~1
            if new <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                stack.append((new, "L" if c == "2" else "R" if c == "4" else "", False))
            elif overflow_isolates == 0:
                overflow_embeddings += 1
        elif c in "678":  # LRI RLI FSI
            levels[i] = top_level
            override[i] = top_override
            rtl = c == "7"
            if c == "8":
                inner = _isolate_content(classes, i + 1)
                rtl = paragraph_level(inner) == 1
            new = (top_level + 1) | 1 if rtl else (top_level + 2) & ~1
            isolate_openers.append(i)
            if new <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                valid_isolates += 1
                stack.append((new, "", True))
            else:
                overflow_isolates += 1
        elif c == "9":  # PDI
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            top_level, top_override, _ = stack[-1]
            levels[i] = top_level
            override[i] = top_override
            if isolate_openers:
                matching_pdi[isolate_openers.pop()] = i
        elif c == "5":  # PDF
            removed[i] = True
            levels[i] = top_level
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) >= 2:
                stack.pop()
        elif c == "b":
            removed[i] = True
            levels[i] = top_level
        else:
            levels[i] = top_level
            override[i] = top_override
    # Isolate initiators that never found their PDI within the paragraph.
    for opener in isolate_openers:
        matching_pdi.pop(opener, None)
    # X10: level runs → isolating run sequences.
    runs: list[_Run] = []
    for i in range(n):
        if removed[i]:
            continue
        if runs and runs[-1].level == levels[i]:
            runs[-1].end = i + 1
        else:
            runs.append(_Run(i, i + 1, levels[i]))
    run_at_start = {r.start: k for k, r in enumerate(runs)}
    sequences: list[list[_Run]] = []
    claimed: set[int] = set()
    for k, run in enumerate(runs):
        if k in claimed:
            continue
        if classes[run.start] == "9" and _is_matched_pdi(matching_pdi, run.start):
            continue  # continues an earlier sequence
        seq = [run]
        claimed.add(k)
        while True:
            last_run = seq[-1]
            last_char = _last_kept(removed, last_run.end)
            if classes[last_char] in "678" and last_char in matching_pdi:
                nxt = run_at_start.get(matching_pdi[last_char])
                if nxt is None:
                    nxt = _run_containing(runs, matching_pdi[last_char])
                seq.append(runs[nxt])
                claimed.add(nxt)
            else:
                break
        sequences.append(seq)
    types = list(classes)
    for i in range(n):
        if override[i] and not removed[i]:
            types[i] = override[i]
    out = [chr(x) for x in levels]
    for seq in sequences:
        indices = [i for run in seq for i in range(run.start, run.end) if not removed[i]]
        if not indices:
            continue
        level = seq[0].level
        first, last = indices[0], indices[-1]
        before = _level_before(levels, removed, first, base)
        if classes[last] in "678" and last not in matching_pdi:
            after = base
        else:
            after = _level_after(levels, removed, last, base)
        sos = "R" if max(level, before) & 1 else "L"
        eos = "R" if max(level, after) & 1 else "L"
        seq_types = "".join(types[i] for i in indices)
        seq_chars = "".join(text[i] for i in indices)
        resolved = resolve_sequence(seq_types, seq_chars, level, sos, eos)
        resolved_levels = to_levels(resolved, level)
        for j, i in enumerate(indices):
            out[i] = resolved_levels[j]
    # Removed characters travel with what precedes them.
    previous = chr(base)
    for i in range(n):
        if removed[i]:
            out[i] = previous
        else:
            previous = out[i]
    levels_str = "".join(out)
    if "B" in classes or "S" in classes:
        levels_str = reset_separators(classes, levels_str, base)
    return levels_str


def _last_kept(removed: list[bool], end: int) -> int:
    """The last character before ``end`` that X9 did not remove."""
    k = end - 1
    while k >= 0 and removed[k]:
        k -= 1
    return k


def _run_containing(runs: list[_Run], i: int) -> int:
    """The index of the level run that holds character ``i``."""
    for k, run in enumerate(runs):
        if run.start <= i < run.end:
            return k
    raise ValueError(i)


def _is_matched_pdi(matching_pdi: dict[int, int], i: int) -> bool:
    """Does the PDI at ``i`` close an isolate opened in this paragraph?"""
    return i in matching_pdi.values()


def _level_before(levels: list[int], removed: list[bool], first: int, base: int) -> int:
    """The level of the last kept character before ``first`` (``base`` at the paragraph's start)."""
    k = first - 1
    while k >= 0 and removed[k]:
        k -= 1
    return levels[k] if k >= 0 else base


def _level_after(levels: list[int], removed: list[bool], last: int, base: int) -> int:
    """The level of the first kept character after ``last`` (``base`` at the paragraph's end)."""
    k = last + 1
    while k < len(levels) and removed[k]:
        k += 1
    return levels[k] if k < len(levels) else base


def _isolate_content(classes: str, start: int) -> str:
    """The classes up to the PDI matching an isolate initiator (for FSI's P2–P3)."""
    depth = 1
    for k in range(start, len(classes)):
        c = classes[k]
        if c in "678":
            depth += 1
        elif c == "9":
            depth -= 1
            if depth == 0:
                return classes[start:k]
    return classes[start:]
