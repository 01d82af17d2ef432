"""How the analyser compares Arabic words: folded as search folds them, and ة as ه.

The rules match words in any spelling: without harakat or tatweel, with one
alef, ى as ي (``reader.text.search.fold``) and, for matching only, ة as ه.
Every change is one code point for one, or a dropped harakah or tatweel,
so spans found in the normalised text map back to the article's own text.
"""

from __future__ import annotations

from reader.text.search import fold

TA_MARBUTA = str.maketrans({"\u0629": "\u0647"})  # ة → ه: one-for-one, offsets unchanged


def norm(word: str) -> str:
    """The form every comparison uses: ``fold`` plus ة as ه."""
    return fold(word).translate(TA_MARBUTA)


def norm_set(*words: str) -> frozenset[str]:
    """A set of words in their compared form."""
    return frozenset(norm(word) for word in words)


def is_ignored(ch: str) -> bool:
    """A harakah or tatweel: the characters ``fold`` drops, so they trail the letter they follow."""
    return fold(ch) == ""
