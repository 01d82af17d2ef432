"""The verb's object as the claim: «أعلنت وزارة الصحة انطلاق حملة…», «كشف مصدر، طلب عدم ذكر اسمه، عن…».

Some reporting verbs take what is reported as an object, not an أن clause; the
source must then end somewhere clear (an institution's name, a comma, a particle
such as عن or من), or the source phrase would swallow the object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .anonymity import person_or_body
from .arabic import (
    INSTITUTION_HEADS,
    NOT_A_SOURCE_START,
    OBJECT_LEADS,
    OBJECT_VERBS,
    RELATIVE,
    TIME_ADJ,
    TIME_WORDS,
    definite,
    verb_lemma,
)
from .folding import norm, norm_set
from .fronted import fronted_subject
from .phrases import Phrase, addressed, comma_segments, is_circumstance, role_in, source_in, told_end
from .sentences import QUOTE_OPEN, Sentence, is_comma

# «نفت الشركة ذلك», «نفى هذه الاتهامات»: what was denied, named by a demonstrative.
OBJECT_DEMONSTRATIVES = norm_set("ذلك", "هذا", "هذه", "تلك", "ما")
_IN_NAME = norm("باسم")  # «المتحدث باسم الحكومة»: one office, in two words

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
    while last - first < 4 and (
        (definite(sentence.word(last + 1)) and not is_circumstance(sentence, last + 1))
        or (sentence.word(last + 1) == _IN_NAME and definite(sentence.word(last + 2)))
    ):
        last += 1  # وزارة الصحة، منظمة الصحة العالمية، رئيس الوزراء، المتحدث باسم الحكومة
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


def object_after_particle(an: Analyser, sentence: Sentence, v: int) -> None:
    """VERB SOURCE، [ROLE or «طلب عدم ذكر اسمه»،] عن|من OBJECT: the particle after a comma ends the source.

    «وكشف مصدر بمديرية الصحة، رفض ذكر اسمه، عن تسجيل 23 حالة…»: any source will do, since the
    comma and the particle say where it ends.
    """
    if verb_lemma(sentence.word(v)) not in OBJECT_VERBS:
        return
    segments = comma_segments(sentence, v + 1, len(sentence.tokens))
    index = next((k for k in range(1, min(4, len(segments))) if sentence.word(segments[k][0]) in OBJECT_LEADS), None)
    if index is None:
        return
    first = segments[index][0]
    source, rest = segments[0], segments[1:index]
    if source[0] != v + 1 or len(rest) > 2 or first + 1 >= len(sentence.tokens):
        return
    phrase = source_in(sentence, *source)
    if phrase is None or phrase[1] != source[1]:
        return
    role = role_in(sentence, rest[0]) if rest else None
    an.add(sentence, (v, v), Phrase(phrase[0], phrase[1], role), an.claim_after(sentence, first), "verb-object")


def fronted_object(an: Analyser, sentence: Sentence, v: int) -> None:
    """SOURCE VERB [عن|من] OBJECT: «البنك الفلاحي أعلن عن تأجيل الأقساط», «أما X فقد نفى هذه الاتهامات»."""
    word = sentence.word(v)
    if verb_lemma(word) not in OBJECT_VERBS or word.endswith(("ه", "ها", "هم")):
        return  # «وهو ما نفته اللجنة»: the object is the pronoun, the noun after it the subject
    start = v + 1
    while sentence.word(start) in TIME_WORDS or sentence.word(start) in TIME_ADJ:
        start += 1  # «حذرت الأسبوع الماضي من…»: when, then what
    if is_circumstance(sentence, start):  # «أشار في تقريره السنوي إلى هدر…»: where, then what
        at = next(
            (k for k in range(start + 2, min(start + 6, len(sentence.tokens))) if sentence.word(k) in OBJECT_LEADS),
            None,
        )
        if at is None or any(is_comma(sentence.word(k)) for k in range(start, at)):
            return
        start = at
    if sentence.word(start) in OBJECT_LEADS:
        start += 1
    lead = sentence.word(start)
    quoted = _quote_end(sentence, start)
    if quoted is None and (
        not lead[:1].isalpha() or lead in NOT_A_SOURCE_START - OBJECT_DEMONSTRATIVES or is_circumstance(sentence, start)
    ):
        return
    if verb_lemma(lead) is not None or addressed(sentence, start):
        return
    subject = fronted_subject(sentence, v)
    if subject is None:
        return
    end = start if quoted is None else quoted  # «حذرت من «تحشيد مسلح» في محيط البلدة»
    while end + 1 < len(sentence.tokens) and not (
        is_comma(sentence.word(end + 1)) or is_circumstance(sentence, end + 1) or sentence.word(end + 1) in QUOTE_OPEN
    ):
        end += 1  # the object runs to a comma, a circumstance («في بيان») or the sentence end
    claim = (sentence.tokens[start].start, sentence.tokens[end].end)
    an.add(sentence, (v, v), subject, claim, "source-verb")


def object_after_circumstance(an: Analyser, sentence: Sentence, v: int) -> None:
    """VERB SOURCE في CIRCUMSTANCE OBJECT: «ونفت د. هالة منصور في تصريحات صحفية وجود أي علاقة…».

    The source ends at «في بيان / في تصريحات…»; the circumstance is that noun and its adjectives
    (محلي، صحفية); what follows is the object.
    """
    if verb_lemma(sentence.word(v)) not in OBJECT_VERBS:
        return
    phrase = source_in(sentence, v + 1, min(len(sentence.tokens), v + 16) - 1)
    if phrase is None or phrase[0] != v + 1:
        return
    at = phrase[1] + 1
    if sentence.word(at) != "في" or not is_circumstance(sentence, at):
        return
    after = at + 2
    while _adjective(sentence.word(after)):
        after += 1
    if sentence.word(after) in OBJECT_LEADS and sentence.word(after + 1):
        after += 1  # «حذر الصندوق في تقريره الأخير من «مخاطر…»»: the verb's particle, then what
    lead = sentence.word(after)
    if _quote_end(sentence, after) is None and (
        not lead[:1].isalpha()
        or lead in NOT_A_SOURCE_START
        or verb_lemma(lead) is not None
        or is_circumstance(sentence, after)
    ):
        return
    if after + 1 >= len(sentence.tokens) or any(is_comma(sentence.word(k)) for k in range(v + 1, after)):
        return
    an.add(sentence, (v, v), Phrase(phrase[0], phrase[1], None), an.claim_after(sentence, after - 1), "verb-object")


def _quote_end(sentence: Sentence, start: int) -> int | None:
    """The closing mark's index when a short quotation opens at ``start``; else None."""
    closer = {"«": "»", "“": "”", '"': '"'}.get(sentence.word(start))
    if closer is None:
        return None
    return next(
        (k for k in range(start + 1, min(start + 30, len(sentence.tokens))) if sentence.word(k) == closer), None
    )


# The particle each verb takes its object with: «حذر X من …», «كشف X عن …», «أشار X إلى …».
_PARTICLE_OF = {
    norm("حذر"): "من",
    norm("كشف"): "عن",
    norm("أعلن"): "عن",
    norm("أشار"): norm("إلى"),
    norm("لفت"): norm("إلى"),
}


def _told(sentence: Sentence, k: int) -> bool:
    """Who was told, plainly: «لـ«الصحيفة»», «للصحفيين» — not any word with لل («الأمين العام للأمم المتحدة»)."""
    return addressed(sentence, k) and (not sentence.word(k).startswith("لل") or is_circumstance(sentence, k))


def object_after_addressee(an: Analyser, sentence: Sentence, v: int) -> None:
    """VERB SOURCE لـ«OUTLET» OBJECT: «ونفت مصادر في الرئاسة لـ«الصحيفة» صحة هذه الأنباء» — who was told ends the source."""
    if verb_lemma(sentence.word(v)) not in OBJECT_VERBS or not person_or_body(sentence.word(v + 1)):
        return
    told = next((k for k in range(v + 2, min(v + 14, len(sentence.tokens))) if _told(sentence, k)), None)
    end = told_end(sentence, told) if told is not None else None
    if told is None or end is None or end + 1 >= len(sentence.tokens):
        return
    lead = sentence.word(end)
    if not lead[:1].isalpha() or lead in NOT_A_SOURCE_START - OBJECT_DEMONSTRATIVES or verb_lemma(lead) is not None:
        return
    phrase = source_in(sentence, v + 1, told - 1)
    if phrase is None or phrase != (v + 1, told - 1):
        return
    if lead in OBJECT_LEADS:
        end += 1
    an.add(sentence, (v, v), Phrase(phrase[0], phrase[1], None), an.claim_after(sentence, end - 1), "verb-object")


def object_after_source(an: Analyser, sentence: Sentence, v: int) -> None:
    """VERB SOURCE PARTICLE OBJECT with no comma: «حذر النائب عن محافظة ذي قار X من "كارثة إنسانية"».

    The verb's own particle, the last before a comma, ends the source (an earlier one, «النائب عن…», is the
    source's own); the whole run before it must read as one source phrase.
    """
    particle = _PARTICLE_OF.get(verb_lemma(sentence.word(v)) or "")
    if particle is None:
        return
    stop = next((k for k in range(v + 1, len(sentence.tokens)) if is_comma(sentence.word(k))), len(sentence.tokens))
    at = next((k for k in range(min(stop, v + 16) - 1, v + 1, -1) if sentence.word(k) == particle), None)
    if at is None or at + 1 >= stop:
        return
    lead = sentence.word(at + 1)
    if _quote_end(sentence, at + 1) is None and (not lead[:1].isalpha() or lead in NOT_A_SOURCE_START):
        return
    phrase = source_in(sentence, v + 1, at - 1)
    if phrase is None or phrase != (v + 1, at - 1) or not person_or_body(sentence.word(v + 1)):
        return  # «وكشف الحريق عن ضعف…»: a fire reveals, it does not report
    an.add(sentence, (v, v), Phrase(phrase[0], phrase[1], None), an.claim_after(sentence, at), "verb-object")


def _adjective(word: str) -> bool:
    """A nisba or a participle after a circumstance noun: «صحفية», «رسمي», «مقتضب», «الأخير»."""
    bare = word[2:] if word.startswith("ال") else word
    return len(bare) >= 4 and (bare.endswith(("ي", "يه")) or bare.startswith("م") or word in TIME_ADJ)
