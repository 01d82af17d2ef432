"""Whether a Hebrew source is named or anonymous, and its type.

A source is anonymous when its head is an unnamed person or group («גורם
בכיר», «מקורות מדיניים», «תושב אחר», «אחד מבכירי הענף», «מומחים») and no
name follows it, in the phrase («התושב יוסי חדד») or as its apposition
(«חבר המועצה, עידו שטרן,»). Everything else (a person, an office holder, an
institution, a document) is named. The type follows from the head word.
"""

from __future__ import annotations

from .hebrew_words import (
    ANONYMOUS_HEADS,
    ANONYMOUS_MODIFIERS,
    DOCUMENT_WORDS,
    EXPERT_WORDS,
    MEDIA_WORDS,
    OFFICIAL_WORDS,
    QUANTIFIERS,
    bare,
)


def _prepositional(word: str) -> bool:
    """«במשרד», «מבכירי», «לשעבר»: a prefix letter and a word of its own (a name is seldom so)."""
    return (word[:1] in ("ב", "מ", "ל") and len(word) > 3) or word.startswith(("בה", "מה", "לה"))


def _name_like(word: str) -> bool:
    """A word that can start a person's name after an anonymous head («התושב יוסי חדד»)."""
    return (
        bool(word)
        and word[0].isalpha()
        and not word.startswith("ה")
        and word not in ANONYMOUS_MODIFIERS
        and not _prepositional(word)
    )


def _anonymous_head(word: str) -> bool:
    head = bare(word)
    return (
        word in ANONYMOUS_HEADS
        or head in ANONYMOUS_HEADS
        or (head.endswith("ים") and len(head) > 4 and head not in OFFICIAL_WORDS)
    )


#: «תושבי העיר חיפה»: after these a name is a place's, not a person's.
_PLACE_WORDS = frozenset(
    ["העיר", "הכפר", "המושב", "הקיבוץ", "השכונה", "היישוב", "המדינה", "האזור", "הרחוב", "הרובע", "המחוז"]
)


def _kin(words: list[str]) -> bool:
    """«בני משפחתו», «בני הזוג», «חברת כנסת מ…»: an unnamed group or person (but «בני גנץ» is a name)."""
    if len(words) < 2:
        return False
    if words[0] in ("בני", "בנות", "קרובי"):
        return words[1].startswith(("ה", "משפח"))
    return words[0] == "חברת" and words[1] == "כנסת"


def is_named(words: list[str], role: list[str]) -> bool:
    """False for an unnamed person or group with no name after it or beside it."""
    while len(words) > 1 and words[0] in QUANTIFIERS:
        words = words[1:]
    if not words or not (_anonymous_head(words[0]) or _kin(words)):
        return True
    # «התושב יוסי חדד», «חבר המועצה משה לוי»: a name after the definite word; «נהג אוטובוס» is no name
    for k in range(1, len(words)):
        definite = words[k - 1].startswith("ה") and words[k - 1] not in _PLACE_WORDS
        if definite and _name_like(words[k]) and not _anonymous_head(words[k]):
            return True
    return bool(role) and len(role) <= 3 and all(_name_like(w) for w in role)


def source_type(words: list[str], role: list[str], named: bool) -> str:
    """One of model.SOURCE_TYPES, from the source's head word (or its role's)."""
    if not named:
        return "anonymous"
    for phrase in (words, role):
        head = bare(phrase[0]) if phrase else ""
        raw = phrase[0] if phrase else ""
        for kind, table in (
            ("document", DOCUMENT_WORDS),
            ("media", MEDIA_WORDS),
            ("expert", EXPERT_WORDS),
            ("official", OFFICIAL_WORDS),
        ):
            if head in table or raw in table:
                return kind
    return "other"
