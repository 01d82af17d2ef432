"""«از سوی X اعلام شد که …»: a passive report whose agent phrase names the source.

Persian agency copy often puts the source in an agent phrase before a passive
verb: «از سوی روابط عمومی شرکت اعلام شد که …», «توسط پلیس تأیید شد که …».
The passive forms are read only here, and only with an agent phrase in the
same sentence and a claim after «که» or «:»: on their own («قیمت جدید اعلام
شد») they name no source, so the verb-last rules never see them.
"""

from __future__ import annotations

import re

from .persian_phrases import Clause
from .persian_text import Found, PersianText
from .persian_words import COMPLEMENTISER, key, pnorm

_NOUNS = ("اعلام", "تأکید", "تکذیب", "تأیید", "عنوان", "تصریح", "خاطرنشان", "اعلان", "ابلاغ", "گفته", "بیان", "ادعا")
_LIGHT = ("شد", "شده است", "شده", "گردید", "گردیده است", "می شود")
_MARKS = ("از سوی", "از طرف", "از جانب", "توسط")


def _alternatives(phrases: list[str]) -> str:
    return "|".join(sorted((" ?".join(map(re.escape, pnorm(p).split())) for p in phrases), key=len, reverse=True))


PASSIVE_RE = re.compile(rf"(?<!\w)(?:{_alternatives([f'{n} {v}' for n in _NOUNS for v in _LIGHT])})(?!\w)")
AGENT_RE = re.compile(rf"(?<!\w)(?:{_alternatives(list(_MARKS))})(?!\w)")


def passive_reports(reader: PersianText, clause: Clause) -> None:
    """Every «AGENT X … PASSIVE (که|:) CLAIM» of ``clause``, added to ``reader``'s suggestions."""
    norm = reader.norm
    marks = [m for m in AGENT_RE.finditer(norm, clause.start, clause.end) if not reader.in_quote(m.start())]
    if not marks:
        return
    starts = {token.start: i for i, token in enumerate(clause.tokens)}
    ends = {token.end: i for i, token in enumerate(clause.tokens)}
    for verb in PASSIVE_RE.finditer(norm, clause.start, clause.end):
        if verb.start() not in starts or verb.end() not in ends or reader.in_quote(verb.start()):
            continue
        first, last = starts[verb.start()], ends[verb.end()]
        before = [m for m in marks if m.end() in ends and m.end() < verb.start()]
        if not before:
            continue
        found = reader.phrase(clause, ends[before[-1].end()] + 1, first)
        if found is None or found[1] != first - 1:
            continue  # the agent must run up to the verb: «از سوی X اعلام شد»
        k = last + 1
        if clause.word(k) == ":":
            k += 1
        if clause.word(k) == COMPLEMENTISER:
            k += 1
        if k == last + 1:
            continue  # no «که» or «:»: the claim is not written out after the verb
        end = reader.trim(clause, k, len(clause.tokens) - 1)
        if end <= k:
            continue
        one = Found((first, last), key(verb.group()), found[:2])
        reader.add(clause, one, (clause.tokens[k].start, clause.tokens[end].end), "according-to")
