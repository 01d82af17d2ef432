"""Reporting phrases: وفقًا لـ / بحسب / حسبما / نقلًا عن / على لسان / جاء في SOURCE — the claim after فإن or before the phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arabic import (
    ADDRESSEE_PRONOUNS,
    AFTER_OBJECT,
    ANONYMITY_STARTS,
    FUSED_MA,
    HEADS,
    PREPOSITIONS,
    TITLE_HEADS,
    definite,
    strip_proclitic,
    verb_lemma,
)
from .folding import norm, norm_set
from .phrases import Phrase, comp_at, role_in, source_in
from .sentences import Sentence, is_comma

if TYPE_CHECKING:
    from .analyser import Analyser


def according_to(an: Analyser, sentence: Sentence, first: int, last: int) -> None:
    """وفقًا لـ / بحسب / نقلًا عن / على لسان SOURCE، فإن CLAIM — or the claim before it."""
    tokens = sentence.tokens
    i = last + 1
    particle = strip_proclitic(tokens[first].word)
    skip = 0
    if particle == norm("نقلا"):
        if sentence.word(i) != "عن":
            return
        i += 1
    elif particle == norm("استنادا"):
        if sentence.word(i) not in (norm("إلى"), "ل", "لـ"):
            return  # «استنادا إلى بيانات الوزارة»
        i += 1
    elif particle in norm_set("وفقا", "طبقا", "وفق"):
        if sentence.word(i) in ("ل", "لـ"):
            i += 1
        elif sentence.word(i).startswith("ل") and particle != norm("وفق"):
            skip = 1
    # «بحسب ما أفادت به مصادر…», «وفقا لما ذكرته الوكالة», «حسبما أفادت…»: skip to the one who said it.
    fused = particle in FUSED_MA
    if fused or sentence.word(i) in ("ما", "لما") or (skip and sentence.word(i) == "لما"):
        skip = 0
        i += 0 if fused else 1
        if verb_lemma(sentence.word(i)) is None and not sentence.word(i).startswith(("اف", "ذكر", "قال", "نقل")):
            return
        verb = (i, i)
        i += 1
        if sentence.word(i) in AFTER_OBJECT:
            if sentence.word(i).startswith("عن"):
                return  # «بحسب ما نقلته عنها صحيفة X»: X relays the sentence's own subject, who is the source
            i += 1
        if sentence.word(i) in ADDRESSEE_PRONOUNS:
            i += 1  # «بحسب ما شرحه لنا مهندسو المشروع»
    else:
        verb = (first, last)
    if i >= len(tokens):
        return
    # The source runs to the first comma or فإن/أن.
    stop = i
    while stop < len(tokens) and not is_comma(tokens[stop].word) and comp_at(sentence, stop) is None:
        stop += 1
    bare = _bare_source(sentence, i, stop) if stop == len(tokens) and not skip else None
    if bare is not None:
        # «وحسب المرصد الوطني ارتفعت الأسعار…»: no comma, no أن; the claim is the clause after the source.
        claim = (tokens[bare + 1].start, an.claim_after(sentence, bare)[1])
        an.add(sentence, verb, Phrase(i, bare, None), claim, "according-to")
        return
    phrase = source_in(sentence, i, stop - 1)
    head = sentence.word(phrase[0]) if phrase is not None else ""
    if phrase is None or head[skip:] in _RULES or (head.startswith("لل") and "ا" + head[1:] in _RULES):
        return  # «وفقا للقانون، …», «استنادا إلى الخطة، …»: by a rule, not on someone's word
    comp = None
    role = None
    j = stop
    if j < len(tokens) and is_comma(tokens[j].word):
        j += 1
        # «وبحسب المدير العام للشركة، المهندس X، فإن…»: one role between commas before فإن.
        close = next((k for k in range(j, min(j + 12, len(tokens))) if is_comma(tokens[k].word)), None)
        if close is not None and comp_at(sentence, close + 1) is not None and phrase[1] == stop - 1:
            role = role_in(sentence, (j, close - 1))
            if role is not None or sentence.word(j) in _ASIDES:
                j = close + 1  # a role, or «، الذي تحدث لـ«X»،» / «، طلب عدم ذكر اسمه،» before فإن
    if j < len(tokens) and comp_at(sentence, j) is not None:
        comp = comp_at(sentence, j)
    if comp is not None:
        claim = an.claim_after(sentence, comp)
    elif first > 0 and is_comma(sentence.word(first - 1)) and first - 1 > 0:
        # Trailing: «…، بحسب ما أفادت به مصادر من الطرفين.» The claim is what came before.
        claim = (tokens[0].start, tokens[first - 2].end)
    elif stop < len(tokens) and is_comma(tokens[stop].word):
        claim = an.claim_after(sentence, stop)
    else:
        return
    an.add(sentence, verb, Phrase(phrase[0], phrase[1], role, skip if phrase[0] == i else 0), claim, "according-to")


# Verbs a figure or a fact is reported with, and the particles that open a clause: «حسب الوزارة لم تسجل…».
# fmt: off
_CLAUSE_VERBS = norm_set(
    *(p + stem for stem in ("رتفع", "نخفض", "تراجع", "بلغ", "سجل", "وصل", "زاد", "تجاوز", "شهد", "فاق", "صل")
      for p in ("", "ا", "ي", "ت")),
    "لم", "لن", "لا", "قد", "فقد", "بات", "أصبح", "كان", "يوجد", "توجد", "هناك", "ثمة", "فيه",
)
# fmt: on


_ASIDES = norm_set("الذي", "التي", "الذين", "اللذين", "اللتين") | ANONYMITY_STARTS
_OUTLETS = norm_set("موقع", "صحيفة", "جريدة", "قناة", "وكالة", "إذاعة", "مجلة", "شبكة", "منصة")
# «حسب الخطة», «وفق القانون», «حسب الحاجة»: by a rule or a plan, not on someone's word.
_RULES = norm_set(
    "الخطة",
    "البرنامج",
    "القانون",
    "الاتفاق",
    "الاتفاقية",
    "الجدول",
    "المخطط",
    "القرار",
    "التعليمات",
    "الشروط",
    "النظام",
    "الحاجة",
    "الظروف",
    "الأصول",
    "العادة",
    "الطلب",
    "الأولوية",
    "الموسم",
    "المنطقة",
    "الترتيب",
)


def _bare_source(sentence: Sentence, first: int, stop: int) -> int | None:
    """The last token of a source with nothing after it but a clause: a head and its definite words, then a verb."""
    head = sentence.word(first)
    if not (head in HEADS or head in _OUTLETS or definite(head)) or head in TITLE_HEADS or head in _RULES:
        return None
    last = first
    if head in _OUTLETS and sentence.word(first + 1) in ("«", '"', "“"):
        close = {"«": "»", "“": "”"}.get(sentence.word(first + 1), '"')
        last = next((k for k in range(first + 2, min(stop, first + 10)) if sentence.word(k) == close), first)
        if last == first:
            return None  # «موقع «المصري الآن»»: an outlet and its name in quotes
    while last + 1 < min(stop, first + 6) and definite(sentence.word(last + 1)):
        last += 1
    if sentence.word(last)[2:] in TITLE_HEADS:
        return None  # «حسب وزير المالية» may go on with a name
    word, after = sentence.word(last + 1), sentence.word(last + 2)
    if word in _CLAUSE_VERBS:
        return last if after else None
    feminine = len(word) >= 4 and word.endswith("ت") and not word.endswith("ات")
    if feminine and (definite(after) or after[:1].isdigit() or after in PREPOSITIONS):
        return last  # «ارتفعت الأسعار», «سجلت 40 حالة»; a name such as «مدحت» is followed by another name
    return None
