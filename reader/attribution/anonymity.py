"""Named or anonymous: does a source phrase name who speaks, and what type of source is it?

The project's keyword guess (``reader.annotations.sources``) comes first;
the rules here add what a keyword cannot see: an unnamed group («محللون»),
nobody in particular («أحد الطلاب»), or an indefinite description («صاحبة
متجر صغير», «تقرير داخلي»).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from reader.annotations.sources import guess_source_type

from .arabic import ADVERBS, ANONYMITY_STARTS, HEADS, NOT_A_SOURCE_START, PREPOSITIONS, TIME_WORDS, definite, verb_lemma
from .folding import norm, norm_set
from .phrases import spoke
from .respell import NAME_YEH
from .sentences import QUOTE_OPEN
from .suggestion import Suggestion

# The word lists are laid out several to a line: one a line would triple the module.
# fmt: off
_PEOPLE_PLURAL = norm_set(
    "محللون", "محللين", "خبراء", "مراقبون", "مراقبين", "شهود", "ناشطون", "ناشطين", "مزارعون", "مزارعين", "أطباء",
    "نواب", "متعاملون", "متعاملين", "مقربون", "مقربين", "منظمات", "سكان", "أهالي", "مواطنون", "مواطنين", "عمال",
    "موظفون", "موظفين", "مسؤولو", "ممثلو", "ممثلون", "ممثلين", "مراسلون", "جهات", "منشورات", "مديرو", "مديرا",
    "مسؤولا", "معارضون", "معارضين", "محتجون", "محتجين", "متظاهرون", "متظاهرين", "تجار", "مستثمرون", "مستثمرين",
    "اقتصاديون", "اقتصاديين", "محامون", "محامين", "مصرفيون", "مصرفيين", "قادة", "ضباط", "جنود", "لاجئون", "لاجئين",
    "طلاب", "معلمون", "معلمين", "باحثون", "باحثين", "أعضاء", "قياديون", "قياديين", "مسؤولان", "مصدران",
    "دبلوماسيان", "مطلعون", "مطلعين", "منتقدون", "منتقدين", "مدونون", "مدونين", "مغردون", "مغردين", "روايات",
    "تقارير", "بعض", "عدد", "أوساط", "دوائر", "مضربون", "المضربين", "وسائل", "أحد", "إحدى", "سائقو", "سائقي",
    "سائقون", "سائقين", "أصحاب", "جمعيات", "زملاء", "زملائي", "جيران", "جيراني", "مهندسو", "مهندسون", "مهندسين",
    "ناس", "عاملون", "عاملين", "نشطاء", "ناشطو", "صحفيون", "صحفيين", "صحافيون", "صحافيين", "مسعفون", "مسعفين",
    "متطوعون", "متطوعين", "رجال", "عناصر", "أفراد", "عائلات", "أسر", "ذوو", "ذوي", "أقارب", "نازحون", "نازحين",
    "مقيمون", "مقيمين", "حقوقيون", "حقوقيين", "علماء", "أكاديميون", "أكاديميين", "مختصون", "مختصين", "متابعون",
    "متابعين", "مسؤولون", "مسؤولين", "مصادر", "أطراف", "شخصيات", "زوار", "ركاب", "مرضى", "أمهات", "آباء", "شبان",
    "نساء",
)
_SOME_ONE = norm_set("أحد", "إحدى", "أحدهم", "إحداهن", "أحدهما", "إحداهما")  # «والدة أحد الطلاب», «مدير أحد المستشفيات»: nobody in particular
_GENERIC_SINGULAR = norm_set(
    "مسؤول", "مسؤولة", "مصدر", "دبلوماسي", "موظف", "موظفة", "طبيب", "طبيبة", "مواطن", "مواطنة", "شاهد", "صاحب",
    "صاحبة", "مدير", "مديرة", "عضو", "ضابط", "خبير", "خبيرة", "باحث", "باحثة", "محلل", "محللة", "ناشط", "ناشطة",
    "مراسل", "متحدث", "قيادي", "مستشار", "وكالة", "مكتب", "منظمة", "جمعية", "شركة", "صحيفة", "مؤسسة", "جهة", "هيئة",
    "قناة", "موقع", "مركز", "حزب", "تاجر", "مستثمر", "مهندس", "محام", "أستاذ", "أستاذة", "نائب", "سائق", "عامل",
    "أحد", "إحدى", "مقاول", "قائد", "جندي", "مقاتل", "عنصر", "وزير", "سفير", "قاض", "سياسي", "برلماني", "ناطق",
    "مزارع", "فلاح", "بائع", "بائعة", "ساكن", "متطوع", "متطوعة", "مقرب", "مقربة", "رجل", "امرأة", "سيدة", "شاب",
    "شابة", "فتاة", "مسن", "مسنة", "لاجئ", "لاجئة", "نازح", "نازحة", "مريض", "مريضة", "ربة", "طالب", "طالبة",
)
# Heads whose next word, when it is neither definite nor an adjective, is a proper name: «وكالة رويترز»,
# «تقرير أكسيوس», «شركة أرامكو» name their source; «قناة محلية», «تقرير جديد» do not.
_NAMED_BY_A_NAME = norm_set(
    "وكالة", "صحيفة", "جريدة", "قناة", "موقع", "شبكة", "مجلة", "إذاعة", "تلفزيون", "منصة", "شركة", "منظمة", "مؤسسة",
    "مركز", "معهد", "حزب", "تقرير", "دراسة", "استطلاع", "مذكرة", "بيان", "وثيقة",
)
_ADJECTIVES = norm_set(
    "جديد", "جديدة", "حديث", "حديثة", "سابق", "سابقة", "أخير", "أخيرة", "صادر", "صادرة", "كبير", "كبيرة", "كبرى",
    "صغير", "صغيرة", "خاص", "خاصة", "غير", "آخر", "أخرى", "بارز", "بارزة", "رفيع", "رفيعة", "أنباء", "أخبار",
)
_DOCUMENTS = norm_set(
    "تقرير", "دراسة", "استطلاع", "مذكرة", "بيان", "وثيقة", "بيانات", "إحصاءات", "أرقام", "تقديرات", "مسح", "رسالة"
)
_UNDISCLOSED = norm_set("داخلي", "داخلية", "سري", "سرية", "مسرب", "مسربة", "مسربه")
# fmt: on


# People who are one of many in their body or trade: the body does not single one out («عضو المجلس البلدي»);
# an office («مدير المستشفى», «المتحدث باسم الجيش») does.
_ONE_OF_MANY = norm_set(
    "عضو",
    "عضوة",
    "موظف",
    "موظفة",
    "ضابط",
    "جندي",
    "عنصر",
    "قيادي",
    "قيادية",
    "ناشط",
    "ناشطة",
    "طبيب",
    "طبيبة",
    "ممرض",
    "ممرضة",
    "مهندس",
    "مهندسة",
    "معلم",
    "معلمة",
    "باحث",
    "باحثة",
    "مقاتل",
    "مراسل",
    "مراسلة",
    "صحفي",
    "صحفية",
    "طالب",
    "طالبة",
    "مسعف",
    "مسعفة",
)
# What ends the part of a description that could single someone out: «مسؤول في…», «متحدث باسم الحكومة».
_OF = PREPOSITIONS | norm_set("باسم", "منذ", "خلال", "قبل", "بعد", "عند", "حين", "أثناء")  # «سيدة تنتظر منذ الصباح»


_NOT_NAMES = NOT_A_SOURCE_START | TIME_WORDS | ADVERBS


def _has_name(letters: list[str]) -> bool:
    """A proper name in a description: a word without the article right after one with it («عضو المجلس سامي»)."""
    for before, word in pairwise(letters):
        if not definite(before) or definite(word) or word in _OF or word in _ADJECTIVES or word in _NOT_NAMES:
            continue
        if word.isalpha() and not word.startswith(("لل", "بال")):
            return True
    return False


def _bare(word: str) -> str:
    """``word`` without the alef of an accusative tanween, when the bare form is a word the lists know."""
    if len(word) > 3 and word.endswith("ا"):
        bare = word[:-1]
        if bare in _PEOPLE_PLURAL or bare in _GENERIC_SINGULAR or bare in _DOCUMENTS:
            return bare
    return word


def _proper_name(word: str) -> bool:
    """A word that reads as a name after a head like «وكالة»: not definite, not an adjective, not a preposition."""
    return not (
        definite(word)
        or word in _ADJECTIVES
        or word in _UNDISCLOSED
        or word in PREPOSITIONS
        or word.endswith(("ي", "يه"))  # a nisba: محلي، محلية، إقليمية
        or (word.startswith("م") and len(word) >= 4)  # a participle: مطلع، مستقل، مقرب
        or not word.isalpha()
        or word[0] in "لب"  # «تقرير لهيئة…»: a preposition glued on; the definite test decides
    )


def person_or_body(word: str) -> bool:
    """Does ``word`` head a description of someone who can speak: «النائب», «مسؤول», «الشرطة», «سكان»?"""
    bare = _bare(word[2:] if definite(word) else word)
    kinds = (HEADS, _GENERIC_SINGULAR, _ONE_OF_MANY, _PEOPLE_PLURAL)
    return any(word in kind or bare in kind for kind in kinds)


def names_someone(role: list[str]) -> bool:
    """Does a role between commas give a name: «، النائب مهند العبيدي،», «، سامي نور،» (not «، مديرة المشروع،»)?"""
    letters = [_bare(w) for w in role if w[:1].isalpha()]
    if not letters or len(letters) > 6:
        return False
    head = letters[0]
    if _has_name(letters):
        return True
    plain = not (definite(head) or head in HEADS or head in _GENERIC_SINGULAR or head in _PEOPLE_PLURAL)
    # A bare name is a few plain words: not a clause («تحدث للصحيفة», «يعمل في الوزارة», «طلب عدم…»).
    clause = (
        len(letters) > 4
        or head in ANONYMITY_STARTS
        or verb_lemma(head) is not None
        or spoke(head)
        or any(w in PREPOSITIONS or w in _ADJECTIVES or w.startswith(("لل", "بال")) for w in letters)
    )
    return plain and not clause


def is_anonymous(source: str, words: list[str], role: list[str] | None = None) -> bool:
    """True for a source with no name: «مصادر مطلعة», «محللون», «وكالة أنباء إقليمية».

    A description («عضو لجنة الطاقة») is named when its ``role`` between commas names the person.
    """
    if guess_source_type(source) == "anonymous":
        return True
    # Case endings folded: «عددًا من الأهالي» is «عدد من الأهالي», «مصدرًا» is «مصدر».
    letters = [_bare(w) for w in words if w[0].isalnum()]
    if not letters:
        return True
    head = letters[0]
    if any(w in _CALLED for w in letters[1:-1]):
        return False  # «مواطن يدعى أحمد»: the name is given
    if head in _COUNTS or head.isdigit():
        return True  # «ثلاثة مسؤولين», «5 شهود»
    if head in _NAMED_BY_A_NAME and len(letters) > 1 and _proper_name(letters[1]):
        return False
    bare = head[2:] if head.startswith("ال") else head
    if head in _PEOPLE_PLURAL or bare in _PEOPLE_PLURAL or any(w in _SOME_ONE for w in letters[:2]):
        return True
    if any(w in _SOME_ONE for w in letters) and not (_has_name(letters) or any(w in QUOTE_OPEN for w in words)):
        return True  # «مدير الأصول في أحد البنوك الخليجية»: the body itself is left unnamed
    # An indefinite plural in construct heads an unnamed group: «مهندسو المشروع», «مسؤولو الدفاع المدني».
    if len(head) >= 5 and not definite(head) and head.endswith("و") and head[:-1] + "ون" in _PEOPLE_PLURAL:
        return True
    # An indefinite sound plural heads an unnamed group: «تربويون», «مزارعين».
    if (
        len(letters) <= 4
        and len(head) >= 5
        and not definite(head)
        and head.endswith(("ون", "ين"))
        and not any(w in QUOTE_OPEN for w in words)
    ):
        return True
    named_marks = any(w in QUOTE_OPEN for w in words) or any(w.isascii() and w.isalpha() for w in letters)
    if head in _DOCUMENTS:
        # «تقرير صادر عن معهد الدراسات» names its author; «تقرير داخلي» does not.
        if any(w in _UNDISCLOSED for w in letters):
            return True
        return not (named_marks or any(definite(w) for w in letters))
    if any(w.startswith(_PSEUDONYM) for w in role or []):
        return True  # «أبو أحمد، وهو اسم مستعار،»: the name given is not the real one
    if role and (head in _ONE_OF_MANY or head in _GENERIC_SINGULAR) and names_someone(role):
        return False
    # A quoted or Latin name after «في / من / باسم» names the body, not the person: «نائب في تكتل "الوفاء"».
    chain = _description(words)
    own_marks = any(w in QUOTE_OPEN or (w.isascii() and w.isalpha()) for w in chain)
    if head in _ONE_OF_MANY:
        # «عضو المكتب السياسي للحركة», «ربة منزل»: one of many, whatever body follows, until a name is given.
        return not (own_marks or _has_name(letters))
    if head in _GENERIC_SINGULAR:
        # «مسؤول في مديرية التربية», «صاحبة متجر صغير»: an indefinite description, no name.
        return not (own_marks or any(definite(_bare(w)) for w in chain[1:] if w[:1].isalnum()))
    return False


def _description(words: list[str]) -> list[str]:
    """The words of a description up to where its body begins: «في», «من», «باسم», «لل…», «بال…»."""
    chain: list[str] = []
    for word in words:
        if chain and (word in _OF or word.startswith("لل") or (word[:1] in ("ب", "ل", "ك") and word[1:3] == "ال")):
            break
        chain.append(word)
    return chain


_PSEUDONYM = norm("مستعار")
_CALLED = norm_set("اسمه", "اسمها", "يلقب", "تلقب", "يكنى", "تكنى") | {"يدع" + NAME_YEH, "تدع" + NAME_YEH}
_COUNTS = norm_set(
    "اثنان",
    "اثنين",
    "ثلاثة",
    "أربعة",
    "خمسة",
    "ستة",
    "سبعة",
    "ثمانية",
    "تسعة",
    "عشرة",
    "عشرات",
    "مئات",
    "آلاف",
    "ثلاث",
    "أربع",
    "خمس",
    "ست",
    "سبع",
    "ثماني",
    "تسع",
    "عشر",
    "عدة",
    "كثيرون",
    "كثيرين",
    "آخرون",
    "آخرين",
)
_SAME = norm_set("نفس", "ذات", "ذاته", "ذاتها", "نفسه", "نفسها", "المذكور", "المذكورة")
_WORD = re.compile(r"\w+")


def pointing_back(found: list[Suggestion]) -> list[Suggestion]:
    """«المسؤول», «المصدر ذاته», «نفس المسؤولة»: a bare noun pointing back takes the named of its referent.

    The referent is the nearest earlier source headed by the same noun («مسؤول في الوزارة … وأضاف
    المسؤول»); with none, the noun's own reading stands. ``found`` is in reading order.
    """
    heads: dict[str, bool] = {}
    result = []
    for suggestion in found:
        words = [w for w in _WORD.findall(norm(suggestion.source)) if w not in _SAME]
        if len(words) == 1 and definite(words[0]) and _bare(words[0][2:]) in heads:
            named = heads[_bare(words[0][2:])]
            if named != suggestion.named:
                kind = source_type(suggestion.source, suggestion.role, named)
                suggestion = replace(suggestion, named=named, source_type=kind)
        if words:
            head = _bare(words[0][2:] if definite(words[0]) else words[0])
            heads[head] = suggestion.named
        result.append(suggestion)
    return result


def source_type(source: str, role: str, named: bool) -> str:
    """One of ``model.SOURCE_TYPES`` for a source (its role helps when the source alone says nothing)."""
    if not named:
        return "anonymous"
    kind = guess_source_type(source)
    if kind in ("other", "anonymous") and role:
        kind = guess_source_type(role)
    return "other" if kind == "anonymous" else kind
