"""Sources written before their verb: «الوزارة أكدت أن…», «وكان X قد قال…», «أما X فقد رأى…».

Arabic press fronts the subject after a contrast (إلا أن، غير أن، لكن), in
«أما X فـ…», in the pluperfect of background paragraphs («وكان X قد أعلن»,
«X كان قد أشار»), after a speaker tag or a leading circumstance («في
المقابل، مقاول تحدثت إليه قال إن…»), and in plain subject-first sentences.
The subject then ends where the verb (or كان / قد) begins, so the source is
the segment between an anchor and the verb, less a role or an anonymity
clause between commas. A verb carrying و («وأضاف أن…») continues the previous
sentence's subject and gets nothing: a pronoun has no phrase to offer.
"""

from __future__ import annotations

from .anonymity import person_or_body
from .arabic import (
    ADVERBS,
    ANONYMITY_STARTS,
    CLAUSE_STARTS,
    COMP,
    COMP_B,
    CONTRAST,
    KANA,
    NOT_A_SOURCE_START,
    PERFECT,
    VERBS,
    conjunction_first,
    strip_proclitic,
    verb_lemma,
)
from .folding import norm, norm_set
from .phrases import Phrase, comma_segments, in_anonymity_clause, role_in, source_in
from .sentences import Sentence, is_comma

_AMMA = norm("أما")
_LONGEST = 10  # words in a sentence-opening subject; anything longer is not read as one


def fronted_subject(sentence: Sentence, v: int) -> Phrase | None:
    """The source phrase before the verb at ``v``, with its role, or None."""
    word = sentence.word(v)
    proclitic = word[0] if VERBS.get(word) is None else ""
    if proclitic == "و":
        return None  # «وأضاف أن…»: the subject is the previous sentence's
    topic = proclitic == "ف"  # «أما X فأكد…»
    end = v
    before = sentence.word(v - 1)
    if before in PERFECT:
        end = v - 1
        topic = topic or before.startswith("ف")
        kana = _kana_before(sentence, end) if not topic else None
        if kana is not None:
            if kana + 1 < end:
                return _subject(sentence, kana + 1, end, anchored=True)  # «وكان X، ROLE، قد قال»
            end = kana  # «X كان قد أشار»
    anchor = _anchor(sentence, end, topic)
    if anchor is None or anchor >= end:
        return None
    return _subject(sentence, anchor, end, anchored=anchor > 0 or topic)


def _kana_before(sentence: Sentence, end: int) -> int | None:
    """The كان of «كان X قد VERB» within a few words before ``end`` (قد's index)."""
    for k in range(end - 1, max(-1, end - 25), -1):
        word = sentence.word(k)
        if word in KANA or strip_proclitic(word) in KANA:
            return k
        if verb_lemma(word) is not None and not in_anonymity_clause(sentence, k):
            return None
    return None


def _anchor(sentence: Sentence, end: int, topic: bool) -> int | None:
    """Where the subject can start: after أما, a contrast, a clause start, a speaker tag, or the sentence's start."""
    for i in range(end - 1, max(-1, end - 40), -1):
        here = sentence.word(i)
        if topic:
            if here == _AMMA or strip_proclitic(here) == _AMMA:
                return i + 1
        elif (here in COMP and sentence.word(i - 1) in CONTRAST) or here in CLAUSE_STARTS or here == ":":
            return i + 1
        if here in COMP or here in COMP_B or (verb_lemma(here) is not None and not in_anonymity_clause(sentence, i)):
            return None
    if topic or end > 40:
        return None
    return 0


_THERE_ARE = norm_set("في", "فيه", "هناك", "ثمة")
_FOCUS = norm_set("حتى", "وحتى", "بل")
_EMPHASIS = norm_set("نفسه", "نفسها", "نفسهم", "ذاته", "ذاتها", "ذاتهم", "بدوره", "بدورها", "أيضا")
_VOCATIVE = norm_set("يا", "أيها", "أيتها")
_RELATIVES = norm_set("الذي", "التي", "الذين", "اللي")
LEADING_WORDS = norm_set(
    "بس", "إذن", "وبالتالي", "أخيرا", "وأخيرا", "عموما", "عمليا",
    # spoken openers of talk shows and interviews: «طيب، تقرير الجهاز قال…», «بص، الوزارة قالت…»
    "طيب", "طب", "بص", "شوف", "شوفي", "يعني", "اسمع", "اسمعي", "والله", "ماشي", "أيوه", "نعم", "آه", "لا",
)  # fmt: skip


def _leading(sentence: Sentence, segment: tuple[int, int]) -> bool:
    """A circumstance that opens a sentence before its subject: «في المقابل،», «من جهته،», «للأمانة،»."""
    word = sentence.word(segment[0])
    if word == _AMMA:
        return True  # «أما المياه، فدراسة الجدوى أظهرت…»: the topic, then its subject
    if any(sentence.word(i) in _VOCATIVE for i in range(segment[0], segment[1] + 1)):
        return True  # «شوفي يا أستاذة، تقرير الجهاز بيقول…»: the one addressed
    return (
        word in NOT_A_SOURCE_START
        or strip_proclitic(word) in NOT_A_SOURCE_START
        or word.startswith("لل")
        or word in LEADING_WORDS
    )


def _subject(sentence: Sentence, start: int, end: int, anchored: bool) -> Phrase | None:
    """The subject in tokens [start, end): its first comma segment, the rest a role or an anonymity clause."""
    segments = comma_segments(sentence, start, end)
    if len(segments) > 1 and _leading(sentence, segments[0]):
        segments = segments[1:]
    if not segments:
        return None
    if not anchored and len(segments) == 1 and is_comma(sentence.word(end - 1)):
        return None  # «وبسؤاله عن الموعد، قال…»: a lone clause before a comma is a circumstance, not a subject
    first, last = segments[0]
    opening = sentence.word(first)
    if (opening in _FOCUS or opening in KANA or strip_proclitic(opening) in KANA) and first < last:
        first += 1  # «حتى ديوان المحاسبة أشار…», «وكانت الحكومة أعلنت…»: not part of the name
    elif opening in _THERE_ARE and first < last and person_or_body(sentence.word(first + 1)):
        first += 1  # «في ناس بتقول إن…», «فيه مسؤولين بيقولوا…»: there are people who say
    phrase = source_in(sentence, first, last)
    if phrase is None:
        return None
    if phrase[1] != last and sentence.word(phrase[1] + 1) in _RELATIVES and phrase[1] + 1 < last and last - first <= 14:
        phrase = (first, last)  # «دراسة الجدوى التي أعدها مكتب X أظهرت…»: the relative clause is the subject's
    rest = [sentence.word(i) for i in range(phrase[1] + 1, last + 1)]
    if rest and rest[0] not in ANONYMITY_STARTS and not all(w in _EMPHASIS or w in ADVERBS for w in rest):
        return None  # cut short by a circumstance: what follows is not the verb's subject («X نفسه قال» is)
    if not anchored and phrase[1] - phrase[0] >= _LONGEST:
        return None
    role = None
    if len(segments) > 1 and phrase[1] == last:
        role = role_in(sentence, segments[1])
    # Between the subject and its verb only a role and an anonymity clause may stand: «X، وهو ما نفته…» is not one.
    extra = [sentence.word(seg[0]) for seg in segments[1 if role is None else 2 :]]
    if len(extra) > 1 or any(word not in ANONYMITY_STARTS for word in extra):
        return None
    return Phrase(phrase[0], phrase[1], role, 1 if conjunction_first(sentence.word(phrase[0])) else 0)
