"""Words that fold alike but read apart, told apart by the letter the writer used, before the rules run.

Folding writes ى as ي, so the name «علي» meets the preposition «على» (and «على
أن» is a complementiser), and «يُدعى» (is called) meets «يدّعي» (claims), a
reporting verb. Where the article's own spelling says which it is, the
normalised text gets one letter for the other — the Persian yeh, which no
Arabic list holds — so offsets stay one for one.
"""

from __future__ import annotations

import re

from reader.text.search import FoldedText

from .arabic import definite, verb_lemma

NAME_YEH = "\u06cc"
# «وقال أبو علي إن…»: علي before أن, after a word that is not a verb and has no article.
_ALI_RE = re.compile(r"(?<=\w )علي(?= ان(?:ه|ها|هم)?\b)")
# «شاب يُدعى سامي»: يدعى written with ى is «is called».
_CALLED_RE = re.compile(r"(?<!\w)[يت]دعي(?!\w)")


def respelled(text: str, folded: FoldedText, normalised: str) -> str:
    """``normalised`` with the name علي and «يدعى / تدعى» (is called) spelled out of the way of the word lists."""
    if "علي" not in normalised and "دعي" not in normalised:
        return normalised
    chars = list(normalised)
    for match in _ALI_RE.finditer(normalised):
        before = normalised[max(0, match.start() - 40) : match.start() - 1].rsplit(" ", 1)[-1]
        if text[folded.original(match.start() + 2)] != "ي" or definite(before) or verb_lemma(before) is not None:
            continue
        chars[match.start() + 2] = NAME_YEH
    for match in _CALLED_RE.finditer(normalised):
        if text[folded.original(match.end() - 1)] == "ى":
            chars[match.end() - 1] = NAME_YEH
    return "".join(chars)
