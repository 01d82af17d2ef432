"""The Unicode Bidirectional Algorithm (UAX #9): levels, line reordering, mirroring.

python-bidi's Rust core orders text correctly but returns neither levels nor
an index map, and does not mirror; its pure-Python fallback is about 25×
slower. qari needs the map for every cursor move, selection and highlight, so
the algorithm lives here, written against whole strings: a paragraph's
Bidi_Class letters (see ``bidi_props.CLASS_CODE``) are rewritten by ``str``
methods and regular expressions, which keeps the usual news paragraph (no
explicit embeddings) at C speed. Levels are a ``str`` of ``chr(level)``.

This module is the algorithm's front: ``resolve_levels`` for a paragraph
(P1, and the implicit path most paragraphs take). The rules live by job in
``bidi_paragraph`` (P2–P3, X1–X10), ``bidi_runs`` (W, N and I rules on one
isolating run sequence) and ``bidi_reorder`` (L1–L2 per line).

Conformance: tests/test_bidi_conformance.py runs all of Unicode's
BidiCharacterTest.txt against ``resolve_levels`` and ``visual_order``.
"""

from __future__ import annotations

import re

from .bidi_paragraph import MAX_DEPTH, paragraph_level, resolve_explicit
from .bidi_props import classes_of
from .bidi_reorder import line_levels, reorder_text, reset_separators, visual_order
from .bidi_runs import resolve_sequence, to_levels

__all__ = [
    "MAX_DEPTH",
    "base_level_of",
    "line_levels",
    "paragraph_level",
    "reorder_text",
    "resolve_levels",
    "visual_order",
]

_EXPLICIT_RE = re.compile(r"[1-9]")

# Arabic with numbers, the commonest paragraph of Arabic news after plain
# Arabic: Arabic letters (AL), marks, spaces, neutral punctuation and numbers,
# nothing else. In a right-to-left paragraph the rules then come down to one
# line each: every number follows an Arabic letter, so W2 makes it an Arabic
# number (level 2); a single common separator between two numbers joins them
# (W4, level 2); everything else resolves to level 1 (N1 with AN counted as R,
# sos and eos R). Cases where W1 would carry a number's type onto a mark, or
# where a number comes before any Arabic letter (W2 then leaves it European,
# and W4/W5 differ), take the full path.
_ARABIC_NUMBERS_RE = re.compile("[AMWOCPTEN]*")
_NUMBER_BEFORE_LETTER_RE = re.compile("[^A]*E")
_MARK_AFTER_NUMBER_RE = re.compile("[ENC]M")
_JOINED_SEPARATOR_RE = re.compile("(?<=[EN])C(?=[EN])")
_ARABIC_NUMBER_LEVELS = str.maketrans({**dict.fromkeys("AMWOCPT", "\x01"), "E": "\x02", "N": "\x02"})


def base_level_of(text: str, default: int = 1) -> int:
    """Paragraph embedding level from the first strong character; ``default`` when there is none.

    qari's default is 1 (right to left): an article with no letters at all is
    most likely part of an Arabic page.
    """
    level = paragraph_level(classes_of(text))
    return default if level is None else level


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
    if base_level == 1 and _arabic_with_numbers(classes):
        return arabic_number_levels(classes)
    if not _EXPLICIT_RE.search(classes):
        return _resolve_implicit(text, classes, base_level)
    return resolve_explicit(text, classes, base_level)


def arabic_number_levels(classes: str) -> str:
    """The levels of a right-to-left paragraph that passes ``_arabic_with_numbers`` (see the shortcut above)."""
    return _JOINED_SEPARATOR_RE.sub("N", classes).translate(_ARABIC_NUMBER_LEVELS)


def _arabic_with_numbers(classes: str) -> bool:
    """Whether a right-to-left paragraph's classes fit the Arabic-with-numbers shortcut above."""
    return (
        _ARABIC_NUMBERS_RE.fullmatch(classes) is not None
        and _NUMBER_BEFORE_LETTER_RE.match(classes) is None
        and _MARK_AFTER_NUMBER_RE.search(classes) is None
    )


def _resolve_implicit(text: str, classes: str, level: int) -> str:
    """The usual case: no embeddings or isolates, one run sequence at the paragraph level."""
    e = "R" if level & 1 else "L"
    if "b" not in classes:
        resolved = resolve_sequence(classes, text, level, e, e)
        levels = to_levels(resolved, level)
    else:
        kept = [i for i, c in enumerate(classes) if c != "b"]
        types = "".join(classes[i] for i in kept)
        chars = "".join(text[i] for i in kept)
        resolved = resolve_sequence(types, chars, level, e, e)
        levels = _fill_removed(len(text), kept, to_levels(resolved, level), level)
    if "B" in classes or "S" in classes:
        levels = reset_separators(classes, levels, level)
    return levels


def _fill_removed(n: int, kept: list[int], kept_levels: str, base: int) -> str:
    """Levels of all ``n`` characters from those of the ``kept`` ones: each removed (BN) one takes
    the level of the character before it (``base`` at the start)."""
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
