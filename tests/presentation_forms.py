"""Arabic presentation forms looked up in Unicode's own data (not in the engine's table), for tests."""

from __future__ import annotations

import unicodedata

KINDS = {"iso": "isolated", "fin": "final", "ini": "initial", "med": "medial"}


def _forms() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        decomposition = unicodedata.decomposition(chr(cp)).split()
        if decomposition and decomposition[0] in ("<isolated>", "<final>", "<initial>", "<medial>"):
            letters = "".join(chr(int(x, 16)) for x in decomposition[1:])
            table.setdefault((decomposition[0][1:-1], letters), chr(cp))
    return table


FORMS = _forms()


def form(kind: str, letters: str) -> str:
    """Presentation form of ``letters`` ("ب", or "لا" for a ligature); kind: iso, fin, ini, med."""
    return FORMS[(KINDS[kind], letters)]
