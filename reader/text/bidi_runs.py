"""UAX #9 W1–W7, N0–N2 and I1–I2: resolving one isolating run sequence.

Once the explicit rules have cut a paragraph into isolating run sequences
(``bidi_paragraph``; a plain news paragraph is one sequence), each sequence is
resolved on its own: weak types (numbers, separators, marks), then neutrals
and paired brackets, then the implicit levels. The class letters are those
of ``bidi_props.CLASS_CODE``; most rules are one ``str`` method or regular
expression over the whole sequence, so the usual paragraph runs at C speed.
"""

from __future__ import annotations

import re

from .bidi_props import BRACKET_CANON, OPENING
from .patterns import BRACKET_RE

_NSM_RUN_RE = re.compile(r"M+")
_AL_SPAN_RE = re.compile(r"A[^LR]*")
# From an L to the next strong type, only where a European digit comes before it: a call per such span,
# not one per L (every letter of a Latin word starts a span). A try from an L that fails stops at the
# next L or R, so the scan stays linear.
_L_SPAN_WITH_EN_RE = re.compile(r"L[^LRE]*E[^LR]*")
# A pattern that starts with a literal letter is scanned for that letter at C speed; one that starts
# with a look-behind is tried at every position (W4's took 8 µs a paragraph that way).
_EN_SEP_RE = re.compile(r"E[PC](?=E)")
_AN_SEP_RE = re.compile(r"NC(?=N)")
_ET_RUN_RE = re.compile(r"T+(?=E)|(?<=E)T+")
_W6 = str.maketrans("PTC", "OOO")


def resolve_sequence(types: str, chars: str, level: int, sos: str, eos: str) -> str:
    """W1–W7, N0–N2 on one isolating run sequence; returns resolved L/R/E/N per position.

    ``types`` are the class letters of the sequence with removed (X9)
    characters already taken out; ``chars`` the matching characters, used to
    pair brackets. Resolved letters: L, R, E (EN) and N (AN).
    """
    e = "R" if level & 1 else "L"
    t = types
    # W1: a non-spacing mark takes the type of what it follows.
    while "AM" in t:  # marks on Arabic letters, the usual case, without a call per mark
        t = t.replace("AM", "AA")
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
    if "E" in t and ("P" in t or "C" in t):
        t = _EN_SEP_RE.sub("EE", t)
    if "N" in t and "C" in t:
        t = _AN_SEP_RE.sub("NN", t)
    # W5: terminators next to European digits.
    if "T" in t and "E" in t:
        t = _ET_RUN_RE.sub(lambda m: "E" * (m.end() - m.start()), t)
    # W6
    t = t.translate(_W6)
    # W7: European digits after L are L.
    if "E" in t:
        t = _L_SPAN_WITH_EN_RE.sub(lambda m: m.group().replace("E", "L"), sos + t)[1:]
    # N0: paired brackets.
    if BRACKET_RE.search(chars):
        t = _resolve_brackets(t, types, chars, e, sos)
    # N1–N2: neutrals between like strong types take that type, else the embedding direction.
    return _neutrals(sos + t + eos, e)[1:-1]


_BETWEEN_L_RE = re.compile(r"L[BSWO6789]+(?=L)")  # the L before the run is part of the match
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
            padded = _BETWEEN_L_RE.sub(_all_l, padded)
    elif "R" in padded or "E" in padded or "N" in padded:
        padded = _BETWEEN_R_RE.sub(lambda m: "R" * (m.end() - m.start()), padded)
    return padded.translate(_NEUTRALS_TO[e])


def _all_l(m: re.Match[str]) -> str:
    return "L" * (m.end() - m.start())


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
        inside = {_strong(x) for x in types[open_at + 1 : close_at]}
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
    """The strong direction a resolved type counts as in N0 (EN and AN as R), or ""."""
    if x == "L":
        return "L"
    if x in "REN":
        return "R"
    return ""


_LEVELS_EVEN = {ord("L"): 0, ord("R"): 1, ord("E"): 2, ord("N"): 2}
_LEVELS_ODD = {ord("L"): 1, ord("R"): 0, ord("E"): 1, ord("N"): 1}
_LEVEL_TABLES: dict[int, dict[int, str]] = {}


def to_levels(resolved: str, level: int) -> str:
    """I1–I2: resolved types to embedding levels, as a string of chr(level)."""
    table = _LEVEL_TABLES.get(level)
    if table is None:
        bump = _LEVELS_ODD if level & 1 else _LEVELS_EVEN
        table = {k: chr(level + v) for k, v in bump.items()}
        _LEVEL_TABLES[level] = table
    return resolved.translate(table)
