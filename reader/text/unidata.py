"""Character properties the engine needs, as fast lookup tables: one place to import them from.

The engine works on whole strings with ``str.translate`` and regular
expressions, so every per-character property is exposed as a translation
table or a compiled search rather than as a function called per character.
They live in modules by job:

* ``bidi_props``: Bidi_Class (``classes_of``), paired brackets, mirror glyphs;
* ``cells``: what the terminal may see (``DISPLAY``, ``HIDDEN``) and cell widths;
* ``charclass``: regular-expression classes from code-point ranges;
* ``unitables``: the code-point tables, stored in the generated ``_tables.py``;
* ``patterns``: the searches built from them (``Patterns``, ``patterns_for``).

Run ``python -m reader.text.unidata`` to write ``_tables.py`` again (after a
Python upgrade brings a new Unicode version).
"""

from __future__ import annotations

from .bidi_props import (
    BRACKET_CANON,
    CLASS_CODE,
    CLASSES,
    CLOSING,
    MIRROR,
    MIRROR_TABLE,
    OPENING,
    bidi_class,
    classes_of,
)
from .cells import DISPLAY, HIDDEN, cell_width, char_cells, display_char
from .charclass import Ranges, char_set, not_in
from .patterns import (
    ANY_TEXT,
    BMP_TEXT,
    BRACKET_RE,
    MIRRORED_RE,
    SIMPLE_RTL_RE,
    UNSAFE_RE,
    WIDE_RE,
    ZERO_WIDTH_RE,
    Patterns,
    has_astral,
    patterns_for,
)
from .unitables import computed_tables, write_tables

__all__ = [
    "ANY_TEXT",
    "BMP_TEXT",
    "BRACKET_CANON",
    "BRACKET_RE",
    "CLASSES",
    "CLASS_CODE",
    "CLOSING",
    "DISPLAY",
    "HIDDEN",
    "MIRROR",
    "MIRRORED_RE",
    "MIRROR_TABLE",
    "OPENING",
    "SIMPLE_RTL_RE",
    "UNSAFE_RE",
    "WIDE_RE",
    "ZERO_WIDTH_RE",
    "Patterns",
    "Ranges",
    "bidi_class",
    "cell_width",
    "char_cells",
    "char_set",
    "classes_of",
    "computed_tables",
    "display_char",
    "has_astral",
    "not_in",
    "patterns_for",
    "write_tables",
]

if __name__ == "__main__":
    import os

    write_tables(os.path.join(os.path.dirname(os.path.abspath(__file__)), "_tables.py"))
