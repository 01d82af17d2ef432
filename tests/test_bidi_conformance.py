"""All of Unicode's BidiCharacterTest.txt (15.0): levels and the index map of every line."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reader.text.bidi import line_levels, paragraph_level, resolve_levels, visual_order
from reader.text.unidata import classes_of

DATA = Path(__file__).parent / "data" / "BidiCharacterTest.txt.gz"


def _cases():
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split(";")
            text = "".join(chr(int(cp, 16)) for cp in fields[0].split())
            yield number, text, int(fields[1]), int(fields[2]), fields[3].split(), [int(x) for x in fields[4].split()]


def check(text: str, direction: int, para_level: int, levels: list[str], order: list[int]) -> str | None:
    """None when qari agrees with the test line, else what differs."""
    classes = classes_of(text)
    if direction == 2:
        base = paragraph_level(classes) or 0
    else:
        base = direction
    if base != para_level:
        return f"paragraph level {base} != {para_level}"
    resolved = line_levels(classes, resolve_levels(text, base, classes), base)
    got = [str(ord(x)) if classes[i] not in "b12345" else "x" for i, x in enumerate(resolved)]
    if got != levels:
        return f"levels {got} != {levels}"
    visual = [i for i in visual_order(resolved) if classes[i] not in "b12345"]
    if visual != order:
        return f"order {visual} != {order}"
    return None


@pytest.mark.slow
def test_every_line_of_bidi_character_test_orders_like_unicode() -> None:
    failures = []
    total = 0
    for number, text, direction, para_level, levels, order in _cases():
        total += 1
        problem = check(text, direction, para_level, levels, order)
        if problem:
            failures.append(f"line {number}: {' '.join(f'{ord(c):04X}' for c in text)} dir={direction}: {problem}")
    assert total > 90_000
    assert not failures, f"{len(failures)} of {total} lines differ:\n" + "\n".join(failures[:20])
