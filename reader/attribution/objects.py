"""The verb's object as the claim: «أعلنت وزارة الصحة انطلاق حملة…», «كشف مصدر، طلب عدم ذكر اسمه، عن…».

Some reporting verbs take what is reported as an object, not an أن clause; the
source must then end somewhere clear (an institution's name, a comma, a particle
such as عن or من), or the source phrase would swallow the object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arabic import INSTITUTION_HEADS, NOT_A_SOURCE_START, OBJECT_LEADS, OBJECT_VERBS, RELATIVE, definite, verb_lemma
from .phrases import Phrase, is_circumstance
from .sentences import Sentence, is_comma

if TYPE_CHECKING:
    from .analyser import Analyser


def object_first(an: Analyser, sentence: Sentence, v: int) -> None:
    """VERB INSTITUTION[، CIRCUMSTANCE،] [عن|من] OBJECT: «أعلنت وزارة الصحة، صباح اليوم، انطلاق حملة…»."""
    if verb_lemma(sentence.word(v)) not in OBJECT_VERBS:
        return
    first = v + 1
    if sentence.word(first) not in INSTITUTION_HEADS:
        return
    last = first
    while last - first < 4 and definite(sentence.word(last + 1)):
        last += 1  # وزارة الصحة، منظمة الصحة العالمية، رئيس الوزراء
    after = last + 1
    if is_comma(sentence.word(after)):  # one circumstance between commas: «، في حديث تلفزيوني مساء أمس،»
        close = next(
            (k for k in range(after + 1, min(after + 12, len(sentence.tokens))) if is_comma(sentence.word(k))), None
        )
        if close is None or any(verb_lemma(sentence.word(k)) for k in range(after + 1, close)):
            return
        after = close + 1
    lead = sentence.word(after)
    if is_circumstance(sentence, after) or lead in NOT_A_SOURCE_START - OBJECT_LEADS - RELATIVE:
        return  # «نفاه الجيش في بيان»: when or where, not what
    if lead in OBJECT_LEADS:
        after += 1
    elif lead not in RELATIVE and (not lead[:1].isalpha() or verb_lemma(lead) is not None):
        return  # a sentence end, a quote or another verb: no object here
    if after + 1 >= len(sentence.tokens):
        return  # a claim is more than one word
    an.add(sentence, (v, v), Phrase(first, last, None), an.claim_after(sentence, after - 1), "verb-object")
