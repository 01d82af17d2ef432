"""Arabic shaping in logical order, one output code point per input code point.

Terminals draw each code point in its own cell with no joining, so qari sends
presentation forms (initial, medial, final, isolated). The forms come from
arabic-reshaper's letter table (Arabic, Persian and Urdu letters); the joining
itself is done here because qari needs what arabic-reshaper does not give: an
output exactly as long as the input, so that offset *i* of the article is
offset *i* of the shaped text. Harakat stay where they are (zero-width marks),
and the lam-alef ligature is written at the lam's offset while the alef's
offset holds U+FEFF, which the display step turns into "draws nothing".

Joining never crosses a space, so shaping is memoised per space-separated
word: a 2 MB article has far fewer distinct words than words.
"""

from __future__ import annotations

import re
import unicodedata

from arabic_reshaper.letters import LETTERS_ARABIC

from .memo import WordMemo

ISOLATED, INITIAL, MEDIAL, FINAL = range(4)

#: Written at the alef's offset of a lam-alef ligature (a format character: draws nothing).
LIGATURE_TAIL = "\ufeff"

_LAM = "\u0644"
# Alef variant → (isolated, final) form of the lam-alef ligature.
_LAM_ALEF = {
    "\u0622": ("\ufef5", "\ufef6"),  # آ
    "\u0623": ("\ufef7", "\ufef8"),  # أ
    "\u0625": ("\ufef9", "\ufefa"),  # إ
    "\u0627": ("\ufefb", "\ufefc"),  # ا
}
_ZWJ = "\u200d"
_TATWEEL = "\u0640"

# Joining types (ArabicShaping.txt): D dual, R right, C join-causing, U none, T transparent.
_JOINING: dict[str, str] = {}
for _letter, _forms in LETTERS_ARABIC.items():
    if _letter == _TATWEEL:
        continue
    _JOINING[_letter] = "D" if _forms[MEDIAL] else ("R" if _forms[FINAL] else "U")
_JOINING[_TATWEEL] = "C"
_JOINING[_ZWJ] = "C"

#: Anything shaping can change: letters with presentation forms.
NEEDS_SHAPING_RE = re.compile("[" + "".join(sorted(k for k in LETTERS_ARABIC if k != _TATWEEL)) + "]")


def _joining(ch: str) -> str:
    kind = _JOINING.get(ch)
    if kind is not None:
        return kind
    if ch == "\u200c":
        return "U"
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return "T"
    return "U"


class _JoiningTypes(dict[int, str]):
    """A ``str.translate`` table: code point → its joining type letter, filled on first use."""

    def __missing__(self, cp: int) -> str:
        kind = _joining(chr(cp))
        self[cp] = kind
        return kind


_JOINING_TYPES = _JoiningTypes()


def _only_marks_between(word: str, start: int, end: int) -> bool:
    """Lam and alef make a ligature across harakat, never across a format character (an embedding, ZWJ…)."""
    return all(unicodedata.category(ch) == "Mn" for ch in word[start:end])


def shape_word(word: str) -> str:
    """Presentation forms for one word (no spaces); same length as ``word``."""
    kinds = word.translate(_JOINING_TYPES)  # one joining type letter per character
    out = list(word)
    n = len(word)
    prev_kind = "U"  # joining type of the previous non-transparent character
    i = 0
    while i < n:
        kind = kinds[i]
        if kind == "T":
            i += 1
            continue
        ch = word[i]
        # The next non-transparent character decides whether this one joins forward.
        j = i + 1
        while j < n and kinds[j] == "T":
            j += 1
        next_ch = word[j] if j < n else ""
        next_kind = kinds[j] if j < n else "U"
        joins_before = prev_kind in "DC" and kind in "DRC"
        if ch == _LAM and next_ch in _LAM_ALEF and _only_marks_between(word, i + 1, j):
            isolated, final = _LAM_ALEF[next_ch]
            out[i] = final if joins_before else isolated
            out[j] = LIGATURE_TAIL
            prev_kind = "R"  # the ligature ends like an alef: it joins nothing after it
            i = j + 1
            continue
        joins_after = kind in "DC" and next_kind in "DRC"
        forms = LETTERS_ARABIC.get(ch)
        if forms is not None and ch != _TATWEEL:
            if joins_before and joins_after:
                form = MEDIAL
            elif joins_before:
                form = FINAL
            elif joins_after:
                form = INITIAL
            else:
                form = ISOLATED
            out[i] = forms[form] or forms[ISOLATED] or ch
        prev_kind = kind
        i += 1
    return "".join(out)


def _shape_if_needed(word: str) -> str:
    return shape_word(word) if NEEDS_SHAPING_RE.search(word) else word


_CACHE = WordMemo(_shape_if_needed)


def shape(text: str) -> str:
    """Shape a whole paragraph in logical order; ``len(shape(t)) == len(t)``."""
    if not NEEDS_SHAPING_RE.search(text):
        return text
    return _CACHE.each_word(text)


def clear_cache() -> None:
    """Forget the words shaped so far (for benchmarks that measure a cold start)."""
    _CACHE.clear()
