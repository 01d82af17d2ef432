"""Reading a sentence around a reporting word: complementisers, source phrases, roles.

Given a sentence's tokens, these rules say where a source phrase starts and
ends (cut at a circumstance such as «في بيان» or a relative such as «ما»),
whether a comma-separated segment after it is a role, where a complementiser
(أن، إن، بأن، فإن، a colon) opens the claim, and whether a verb-like word
reports at all here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .arabic import (
    ADDRESSEE_PRONOUNS,
    ADVERBS,
    ANONYMITY_STARTS,
    CIRCUMSTANCE,
    CIRCUMSTANCE_AFTER_FI,
    COMP,
    COMP_B,
    COMP_F,
    COMP_LEAD,
    FUSED_MA,
    HEADS,
    NOT_A_SOURCE_START,
    PARTICIPLES,
    PARTICLES,
    PREPOSITIONS,
    PRESENT,
    ROLE_LEADS,
    SAYING,
    SUBORDINATING,
    TIME_WORDS,
    TITLE_HEADS,
    definite,
    strip_proclitic,
)
from .folding import norm, norm_set
from .sentences import QUOTE_OPEN, Sentence, is_comma


@dataclass(frozen=True, slots=True)
class Phrase:
    """A source phrase found in the tokens: [first, last] token indices, and its role."""

    first: int
    last: int
    role: tuple[int, int] | None  # token indices [first, last] of the role
    skip: int = 0  # characters to drop from the first token (ل in «لتقرير»)
    relay: tuple[int, int] | None = None  # token indices of the outlet passing the words on, or None


def comp_at(sentence: Sentence, index: int) -> int | None:
    """If a complementiser starts at ``index``, the index of its last token."""
    word = sentence.word(index)
    if word in COMP or word in COMP_B or word in COMP_F:
        return index
    if word in COMP_LEAD and sentence.word(index + 1) in COMP:
        return index + 1
    if word == ":" and index + 1 < len(sentence.tokens):
        # A colon before a quote (or before the reported words); not a colon inside a URL.
        colon, after = sentence.tokens[index], sentence.tokens[index + 1]
        if after.start > colon.end or after.word in QUOTE_OPEN:
            return index
    return None


def is_circumstance(sentence: Sentence, index: int) -> bool:
    """Does a circumstance («خلال», «في بيان», «للصحفيين»…) start at ``index``?"""
    word = sentence.word(index)
    if word in CIRCUMSTANCE:
        return True
    after = sentence.word(index + 1)
    if word == _ON:
        # «على صفحته», «عبر حسابها»: where it was said; «ورد X على هذه الانتقادات»: to what it replied
        return after in _ON_PAGES or after in _THESE
    if word != "في":
        return False
    # «في بيان», and any «في» + a noun of the source's own: «في إرشاداتها», «في ردها», «في نشرته».
    return after in CIRCUMSTANCE_AFTER_FI or (len(after) >= 5 and after.endswith(("ها", "ته", "هم")))


def reports(sentence: Sentence, i: int) -> bool:
    """False when the verb-like word is a noun or a subordinate verb here."""
    before = sentence.word(i - 1)
    if before in ("عدم",) or before in PREPOSITIONS or before in FUSED_MA:
        return False  # «حسبما أعلنت X»: the reporting phrase's own verb, read with the phrase
    if before in ("ما", "لما") and strip_proclitic(sentence.word(i - 2)) in PARTICLES:
        return False  # «بحسب ما أفادت X», «وفقا لما ذكرته X»
    word = sentence.word(i)
    return not (before in SUBORDINATING and (word in PRESENT or word[1:] in PRESENT))


def addressed(sentence: Sentence, index: int) -> bool:
    """Does the one told start at ``index``: «لـ«الوكالة»», «للصحفيين», «لوكالة الأنباء»? (The speaker is elsewhere.)"""
    word = sentence.word(index)
    if word in ("ل", "لـ") or word in ADDRESSEE_PRONOUNS:
        return True
    return word.startswith("لل") or (word[:1] == "ل" and word in CIRCUMSTANCE)


def told_end(sentence: Sentence, index: int) -> int | None:
    """The index just after an addressee whose end is plain: «لـ«الصحيفة»», «لـ(أ.ف.ب)», «للصحفيين»; else None."""
    word = sentence.word(index)
    if word.startswith("لل") or word in ADDRESSEE_PRONOUNS:
        return index + 1
    if word in ("ل", "لـ") and sentence.word(index + 1) in ("«", "(", '"', "“"):
        close = {"«": "»", "(": ")", '"': '"', "“": "”"}[sentence.word(index + 1)]
        return next(
            (k + 1 for k in range(index + 2, min(index + 12, len(sentence.tokens))) if sentence.word(k) == close), None
        )
    return None


def told_object(sentence: Sentence, first: int, last: int) -> int:
    """The last token of the subject when a second noun phrase (whom) follows it: «رئيس الوزراء | أعضاء المجلس»."""
    for i in range(first + 1, last + 1):
        if definite(sentence.word(i - 1)) and (sentence.word(i) in HEADS):
            return i - 1
    return last


def comma_segments(sentence: Sentence, start: int, stop: int) -> list[tuple[int, int]]:
    """Comma-separated [first, last] token ranges of tokens[start:stop] (empty ones dropped)."""
    ranges: list[tuple[int, int]] = []
    first = start
    for i in range(start, stop + 1):
        if i == stop or is_comma(sentence.word(i)):
            if i > first:
                ranges.append((first, i - 1))
            first = i + 1
    return ranges


def source_in(sentence: Sentence, first: int, last: int, relay: str = "") -> tuple[int, int] | None:
    """The source phrase inside a segment: cut at a circumstance or «ما»; None when there is none.

    ``relay`` is the particle after which a relaying verb names its source («عن» of نقل, «إلى» of نسب).
    """
    if relay:
        for i in range(first, last + 1):
            if sentence.word(i) == relay:
                first = i + 1
                break
    opening = sentence.word(first)
    if (
        first > last
        or opening in NOT_A_SOURCE_START
        or opening in ADVERBS
        or opening in ADDRESSEE_PRONOUNS
        or (opening in PARTICIPLES and opening.endswith("ا"))  # «قائلًا», «مضيفًا»: how, not who
        or opening in CIRCUMSTANCE
        or (
            opening == _EVERY
            and (sentence.word(first + 1) in TIME_WORDS or sentence.word(first + 1) in NOT_A_SOURCE_START)
        )
        or opening in TIME_WORDS
        or (opening.startswith("بال") and len(opening) > 4)  # «بالمناسبة», «بالتزامن»: how or when, never who
        or opening in _PREPOSITIONAL
        or is_comma(opening)
        or (opening[:1] == "و" and opening[1:] in NOT_A_SOURCE_START and opening not in TITLE_HEADS)  # not «والي»
    ):
        return None
    if not sentence.word(first)[0].isalnum() and sentence.word(first) not in QUOTE_OPEN:
        return None
    end = first
    depth = 0  # inside brackets or quotes nothing ends the phrase: «نافذة الاقتصاد»، (IFC)
    straight_quote = False
    for i in range(first, last + 1):
        word = sentence.word(i)
        if word == "[":
            break
        if word in ("(", "«", "“"):
            depth += 1
        elif word in (")", "»", "”"):
            depth -= 1
        elif word == '"':
            straight_quote = not straight_quote
        elif (
            depth <= 0
            and not straight_quote
            and i > first
            and (
                word in ("ما", "لما", "الذي", "التي", "حيث")
                or (is_circumstance(sentence, i) and not (word[:1] == "ل" and spoke(sentence.word(i - 1))))
                or (_ends_phrase(sentence, i) and not _the_same(sentence, first, i))
            )
        ):
            break
        end = i
    if relay and end > first and sentence.word(end) in SAYING:
        end -= 1  # «نقل … عن شهود قولهم إن…»
    if end - first > 14:
        return None
    return first, end


_EVERY = norm("كل")
_PREPOSITIONAL = norm_set("بهذا", "بهذه", "بذلك", "بخصوص", "إزاء", "تجاه", "ضمن", "وسط", "رغم", "برغم", "بصراحة")
_ON = norm("على")
_ON_PAGES = norm_set(*(stem + end for stem in ("صفحت", "حساب", "موقع", "منصت", "قنات") for end in ("ه", "ها", "هم")))
_THESE = norm_set("هذه", "هذا", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء")
_SELF = norm_set("نفسه", "نفسها", "نفسهم", "ذاته", "ذاتها", "ذاتهم", "بنفسه", "بنفسها")
_ISSUED = norm_set("صدر", "صدرت", "نشر", "نشرت")


def spoke(word: str) -> bool:
    """«تحدثوا», «صرحت»: a relative clause's verb of speaking, which keeps who it spoke to («… تحدثوا للجزيرة»)."""
    return strip_proclitic(word).startswith(("تحدث", "صرح"))


def _the_same(sentence: Sentence, first: int, index: int) -> bool:
    """«المصدر ذاته», «الإذاعة نفسها»: one word pointing back, then «the same» — part of the source."""
    return index == first + 1 and sentence.word(index) in _SELF and definite(sentence.word(first))


def _ends_phrase(sentence: Sentence, index: int) -> bool:
    """A word that closes a source phrase from inside: «طلب عدم…», «وهي تشير…», «هنا», «صدر في شباط»."""
    word = sentence.word(index)
    if word in ANONYMITY_STARTS or word in ROLE_LEADS or word in ADVERBS or word in ADDRESSEE_PRONOUNS:
        return True
    if word in _SELF:
        return True  # «صندوق النقد الدولي نفسه»: emphasis, not part of the name
    after = sentence.word(index + 1)
    return word in _ISSUED and (after in ("في", "مؤخرا") or after in TIME_WORDS)  # «بيانات صدرت اليوم»


def role_in(sentence: Sentence, segment: tuple[int, int] | None) -> tuple[int, int] | None:
    """A role apposition, unless the segment is a circumstance, an anonymity clause or a participle."""
    if segment is None:
        return None
    first, last = segment
    word = sentence.word(first)
    if (
        word in ANONYMITY_STARTS
        or strip_proclitic(word) in PARTICIPLES
        or word in PARTICIPLES
        or is_circumstance(sentence, first)
        or word in NOT_A_SOURCE_START
    ):
        return None
    if word in ROLE_LEADS:
        first += 1
    if first > last or last - first > 20:
        return None
    return first, last


def in_anonymity_clause(sentence: Sentence, index: int) -> bool:
    """True when token ``index`` sits in a «طلب عدم ذكر اسمه» clause."""
    for i in range(index, max(-1, index - 6), -1):
        if is_comma(sentence.word(i)):
            return sentence.word(i + 1) in ANONYMITY_STARTS
    return False
