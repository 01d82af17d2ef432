"""The Unicode Bidirectional Algorithm (UAX #9): levels, line reordering, mirroring.

python-bidi's Rust core orders text correctly but returns neither levels nor
an index map, and does not mirror; its pure-Python fallback is about 25×
slower. qari needs the map for every cursor move, selection and highlight, so
the algorithm lives here, written against whole strings: a paragraph's
Bidi_Class letters (see ``unidata.CLASS_CODE``) are rewritten by ``str``
methods and regular expressions, which keeps the usual news paragraph (no
explicit embeddings) at C speed. Levels are a ``str`` of ``chr(level)``.

Conformance: tests/test_bidi_conformance.py runs all of Unicode's
BidiCharacterTest.txt against ``resolve_levels`` and ``visual_order``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .unidata import BRACKET_CANON, BRACKET_RE, OPENING, classes_of

MAX_DEPTH = 125

_STRONG_RE = re.compile(r"[LRA]")
_ISOLATE_END_RE = re.compile(r"[LRA6789]")
_EXPLICIT_RE = re.compile(r"[1-9]")
_NSM_RUN_RE = re.compile(r"M+")
_AL_SPAN_RE = re.compile(r"A[^LR]*")
_L_SPAN_RE = re.compile(r"L[^LR]*")
_EN_SEP_RE = re.compile(r"(?<=E)[PC](?=E)")
_AN_SEP_RE = re.compile(r"(?<=N)C(?=N)")
_ET_RUN_RE = re.compile(r"T+(?=E)|(?<=E)T+")
_W6 = str.maketrans("PTC", "OOO")


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


def base_level_of(text: str, default: int = 1) -> int:
    """Paragraph embedding level from the first strong character; ``default`` when there is none.

    qari's default is 1 (right to left): an article with no letters at all is
    most likely part of an Arabic page.
    """
    level = paragraph_level(classes_of(text))
    return default if level is None else level


def _resolve_run(types: str, chars: str, level: int, sos: str, eos: str) -> str:
    """W1–W7, N0–N2 on one isolating run sequence; returns resolved L/R/E/N per position.

    ``types`` are the class letters of the sequence with removed (X9)
    characters already taken out; ``chars`` the matching characters, used to
    pair brackets. Resolved letters: L, R, E (EN) and N (AN).
    """
    e = "R" if level & 1 else "L"
    t = types
    # W1: a non-spacing mark takes the type of what it follows.
    if "M" in t:
        def w1(m: re.Match[str]) -> str:
            prev = t[m.start() - 1] if m.start() else sos
            if prev in "6789":
                prev = "O"
            return prev * (m.end() - m.start())
        t = _NSM_RUN_RE.sub(w1, t)
    # W2: European digits after Arabic letters are Arabic digits.
    if "E" in t and "A" in t:
        t = _AL_SPAN_RE.sub(lambda m: m.group().replace("E", "N"), t)
    # W3
    t = t.replace("A", "R")
    # W4: one separator between two numbers of a kind joins them.
    if "P" in t or "C" in t:
        t = _EN_SEP_RE.sub("E", t)
        t = _AN_SEP_RE.sub("N", t)
    # W5: terminators next to European digits.
    if "T" in t and "E" in t:
        t = _ET_RUN_RE.sub(lambda m: "E" * (m.end() - m.start()), t)
    # W6
    t = t.translate(_W6)
    # W7: European digits after L are L.
    if "E" in t:
        t = _L_SPAN_RE.sub(lambda m: m.group().replace("E", "L"), sos + t)[1:]
    # N0: paired brackets.
    if BRACKET_RE.search(chars):
        t = _resolve_brackets(t, types, chars, e, sos)
    # N1–N2: neutrals between like strong types take that type, else the embedding direction.
    return _neutrals(sos + t + eos, e)[1:-1]


_BETWEEN_L_RE = re.compile(r"(?<=L)[BSWO6789]+(?=L)")
_BETWEEN_R_RE = re.compile(r"(?<=[REN])[BSWO6789]+(?=[REN])")
_NEUTRALS_TO = {"R": str.maketrans("BSWO6789", "RRRRRRRR"), "L": str.maketrans("BSWO6789", "LLLLLLLL")}


def _neutrals(padded: str, e: str) -> str:
    """N1–N2 on a sequence padded with sos and eos (EN and AN count as R).

    A neutral run takes the direction opposite to the embedding only when
    that direction stands on both sides of it; every other neutral takes the
    embedding direction. So only runs between two opposite strong types need
    a Python call (the spaces inside an English name in Arabic text); the
    rest is one ``translate``.
    """
    if e == "R":
        if "L" in padded:
            padded = _BETWEEN_L_RE.sub(lambda m: "L" * (m.end() - m.start()), padded)
    elif "R" in padded or "E" in padded or "N" in padded:
        padded = _BETWEEN_R_RE.sub(lambda m: "R" * (m.end() - m.start()), padded)
    return padded.translate(_NEUTRALS_TO[e])


def _resolve_brackets(t: str, original: str, chars: str, e: str, sos: str) -> str:
    """N0 (with BD16 pairing): brackets take a direction from their content and context."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for m in BRACKET_RE.finditer(chars):
        i = m.start()
        if t[i] != "O":
            continue
        ch = BRACKET_CANON.get(chars[i], chars[i])
        if chars[i] in OPENING:
            if len(stack) == 63:
                break
            closing = OPENING[chars[i]]
            stack.append((BRACKET_CANON.get(closing, closing), i))
        else:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    if not pairs:
        return t
    pairs.sort()
    types = list(t)
    opposite = "L" if e == "R" else "R"
    for open_at, close_at in pairs:
        inside = {_strong(x) for x in types[open_at + 1:close_at]}
        if e in inside:
            direction = e
        elif opposite in inside:
            direction = e
            for x in reversed(types[:open_at]):
                s = _strong(x)
                if s:
                    break
            else:
                s = sos
            if s == opposite:
                direction = opposite
        else:
            continue
        for at in (open_at, close_at):
            types[at] = direction
            # Marks that followed the bracket (W1 made them ON) follow it again.
            k = at + 1
            while k < len(types) and original[k] == "M":
                types[k] = direction
                k += 1
    return "".join(types)


def _strong(x: str) -> str:
    if x == "L":
        return "L"
    if x in "REN":
        return "R"
    return ""


_LEVELS_EVEN = {ord("L"): 0, ord("R"): 1, ord("E"): 2, ord("N"): 2}
_LEVELS_ODD = {ord("L"): 1, ord("R"): 0, ord("E"): 1, ord("N"): 1}
_LEVEL_TABLES: dict[int, dict[int, str]] = {}


def _to_levels(resolved: str, level: int) -> str:
    """I1–I2: resolved types to embedding levels, as a string of chr(level)."""
    table = _LEVEL_TABLES.get(level)
    if table is None:
        bump = _LEVELS_ODD if level & 1 else _LEVELS_EVEN
        table = {k: chr(level + v) for k, v in bump.items()}
        _LEVEL_TABLES[level] = table
    return resolved.translate(table)


def resolve_levels(text: str, base_level: int | None = None, classes: str | None = None) -> str:
    """Embedding levels of every code point of one paragraph, as ``chr(level)`` per character.

    ``base_level`` None means P2–P3 (first strong character, else 0). Characters
    removed by X9 (BN and explicit embeddings) get the level of the character
    before them, so that they travel with it when a line is reordered.
    Paragraph separators inside ``text`` (U+2029…) end a paragraph (P1) and
    each part is resolved on its own.
    """
    if classes is None:
        classes = classes_of(text)
    if "B" in classes[:-1]:
        out: list[str] = []
        start = 0
        for m in re.finditer("B", classes):
            end = m.end()
            out.append(resolve_levels(text[start:end], base_level, classes[start:end]))
            start = end
        if start < len(text):
            out.append(resolve_levels(text[start:], base_level, classes[start:]))
        return "".join(out)
    if base_level is None:
        base_level = paragraph_level(classes) or 0
    if not _EXPLICIT_RE.search(classes):
        return _resolve_implicit(text, classes, base_level)
    return _resolve_explicit(text, classes, base_level)


def _resolve_implicit(text: str, classes: str, level: int) -> str:
    """The usual case: no embeddings or isolates, one run sequence at the paragraph level."""
    e = "R" if level & 1 else "L"
    if "b" not in classes:
        resolved = _resolve_run(classes, text, level, e, e)
        levels = _to_levels(resolved, level)
    else:
        kept = [i for i, c in enumerate(classes) if c != "b"]
        types = "".join(classes[i] for i in kept)
        chars = "".join(text[i] for i in kept)
        resolved = _resolve_run(types, chars, level, e, e)
        levels = _fill_removed(len(text), kept, _to_levels(resolved, level), level)
    if "B" in classes or "S" in classes:
        levels = _reset_separators(classes, levels, level)
    return levels


def _fill_removed(n: int, kept: list[int], kept_levels: str, base: int) -> str:
    out = [chr(base)] * n
    for j, i in enumerate(kept):
        out[i] = kept_levels[j]
    previous = chr(base)
    kept_set = set(kept)
    for i in range(n):
        if i in kept_set:
            previous = out[i]
        else:
            out[i] = previous
    return "".join(out)


def _reset_separators(classes: str, levels: str, base: int) -> str:
    """L1 rules 1–2: segment and paragraph separators take the paragraph level."""
    chars = list(levels)
    for m in re.finditer("[BS]", classes):
        chars[m.start()] = chr(base)
    return "".join(chars)


@dataclass(slots=True)
class _Run:
    start: int
    end: int
    level: int


def _resolve_explicit(text: str, classes: str, base: int) -> str:
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
            last = seq[-1]
            last_char = _last_kept(removed, last.end)
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
        resolved = _resolve_run(seq_types, seq_chars, level, sos, eos)
        resolved_levels = _to_levels(resolved, level)
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
        levels_str = _reset_separators(classes, levels_str, base)
    return levels_str


def _last_kept(removed: list[bool], end: int) -> int:
    k = end - 1
    while k >= 0 and removed[k]:
        k -= 1
    return k


def _run_containing(runs: list[_Run], i: int) -> int:
    for k, run in enumerate(runs):
        if run.start <= i < run.end:
            return k
    raise ValueError(i)


def _is_matched_pdi(matching_pdi: dict[int, int], i: int) -> bool:
    return i in matching_pdi.values()


def _level_before(levels: list[int], removed: list[bool], first: int, base: int) -> int:
    k = first - 1
    while k >= 0 and removed[k]:
        k -= 1
    return levels[k] if k >= 0 else base


def _level_after(levels: list[int], removed: list[bool], last: int, base: int) -> int:
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


# --- Line reordering (L1, L2) -----------------------------------------------

_WHITESPACE_LIKE = "Wb123456789"  # L1: whitespace, isolates and what X9 removed
_BEFORE_SEP_RE = re.compile(r"[Wb1-9]+(?=[SB])")


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
        text_parts: list[str] = []
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
