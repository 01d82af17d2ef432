"""Named or anonymous: does a source phrase name who speaks, and what type of source is it?

The project's keyword guess (``reader.annotations.sources``) comes first;
the rules here add what a keyword cannot see: an unnamed group («محللون»),
nobody in particular («أحد الطلاب»), or an indefinite description («صاحبة
متجر صغير», «تقرير داخلي»).
"""

from __future__ import annotations

from reader.annotations.sources import guess_source_type

from .arabic import PREPOSITIONS, definite
from .folding import norm_set
from .sentences import QUOTE_OPEN

_PEOPLE_PLURAL = norm_set(
    "محللون",
    "محللين",
    "خبراء",
    "مراقبون",
    "مراقبين",
    "شهود",
    "ناشطون",
    "ناشطين",
    "مزارعون",
    "مزارعين",
    "أطباء",
    "نواب",
    "متعاملون",
    "متعاملين",
    "مقربون",
    "مقربين",
    "منظمات",
    "سكان",
    "أهالي",
    "مواطنون",
    "مواطنين",
    "عمال",
    "موظفون",
    "موظفين",
    "مسؤولو",
    "ممثلو",
    "ممثلون",
    "ممثلين",
    "مراسلون",
    "جهات",
    "منشورات",
    "مديرو",
    "مديرا",
    "مسؤولا",
    "معارضون",
    "معارضين",
    "محتجون",
    "محتجين",
    "متظاهرون",
    "متظاهرين",
    "تجار",
    "مستثمرون",
    "مستثمرين",
    "اقتصاديون",
    "اقتصاديين",
    "محامون",
    "محامين",
    "مصرفيون",
    "مصرفيين",
    "قادة",
    "ضباط",
    "جنود",
    "لاجئون",
    "لاجئين",
    "طلاب",
    "معلمون",
    "معلمين",
    "باحثون",
    "باحثين",
    "أعضاء",
    "قياديون",
    "قياديين",
    "مسؤولان",
    "مصدران",
    "دبلوماسيان",
    "مطلعون",
    "مطلعين",
    "منتقدون",
    "منتقدين",
    "مدونون",
    "مدونين",
    "مغردون",
    "مغردين",
    "روايات",
    "تقارير",
    "بعض",
    "عدد",
    "أوساط",
    "دوائر",
    "مضربون",
    "المضربين",
    "وسائل",
    "أحد",
    "إحدى",
    "سائقو",
    "سائقي",
    "سائقون",
    "سائقين",
    "أصحاب",
    "جمعيات",
    "زملاء",
    "زملائي",
    "جيران",
    "جيراني",
    "مهندسو",
    "مهندسون",
    "مهندسين",
    "ناس",
)
_SOME_ONE = norm_set("أحد", "إحدى")  # «والدة أحد الطلاب», «مدير أحد المستشفيات»: nobody in particular
_GENERIC_SINGULAR = norm_set(
    "مسؤول",
    "مسؤولة",
    "مصدر",
    "دبلوماسي",
    "موظف",
    "موظفة",
    "طبيب",
    "طبيبة",
    "مواطن",
    "مواطنة",
    "شاهد",
    "صاحب",
    "صاحبة",
    "مدير",
    "مديرة",
    "عضو",
    "ضابط",
    "خبير",
    "خبيرة",
    "باحث",
    "باحثة",
    "محلل",
    "محللة",
    "ناشط",
    "ناشطة",
    "مراسل",
    "متحدث",
    "قيادي",
    "مستشار",
    "وكالة",
    "مكتب",
    "منظمة",
    "جمعية",
    "شركة",
    "صحيفة",
    "مؤسسة",
    "جهة",
    "هيئة",
    "قناة",
    "موقع",
    "مركز",
    "حزب",
    "تاجر",
    "مستثمر",
    "مهندس",
    "محام",
    "أستاذ",
    "أستاذة",
    "نائب",
    "سائق",
    "عامل",
    "أحد",
    "إحدى",
    "مسؤولة",
    "مقاول",
    "قائد",
    "جندي",
    "مقاتل",
    "عنصر",
    "وزير",
    "سفير",
    "قاض",
    "سياسي",
    "برلماني",
    "ناطق",
    "مزارع",
    "فلاح",
    "بائع",
    "بائعة",
    "ساكن",
    "متطوع",
    "متطوعة",
)
# Heads whose next word, when it is neither definite nor an adjective, is a proper name: «وكالة رويترز»,
# «تقرير أكسيوس», «شركة أرامكو» name their source; «قناة محلية», «تقرير جديد» do not.
_NAMED_BY_A_NAME = norm_set(
    "وكالة",
    "صحيفة",
    "جريدة",
    "قناة",
    "موقع",
    "شبكة",
    "مجلة",
    "إذاعة",
    "تلفزيون",
    "منصة",
    "شركة",
    "منظمة",
    "مؤسسة",
    "مركز",
    "معهد",
    "حزب",
    "تقرير",
    "دراسة",
    "استطلاع",
    "مذكرة",
    "بيان",
    "وثيقة",
)
_ADJECTIVES = norm_set(
    "جديد",
    "جديدة",
    "حديث",
    "حديثة",
    "سابق",
    "سابقة",
    "أخير",
    "أخيرة",
    "صادر",
    "صادرة",
    "كبير",
    "كبيرة",
    "كبرى",
    "صغير",
    "صغيرة",
    "خاص",
    "خاصة",
    "غير",
    "آخر",
    "أخرى",
    "بارز",
    "بارزة",
    "رفيع",
    "رفيعة",
    "أنباء",
    "أخبار",
)
_DOCUMENTS = norm_set(
    "تقرير", "دراسة", "استطلاع", "مذكرة", "بيان", "وثيقة", "بيانات", "إحصاءات", "أرقام", "تقديرات", "مسح", "رسالة"
)
_UNDISCLOSED = norm_set("داخلي", "داخلية", "سري", "سرية", "مسرب", "مسربة", "مسربه")


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


def is_anonymous(source: str, words: list[str]) -> bool:
    """True for a source with no name: «مصادر مطلعة», «محللون», «وكالة أنباء إقليمية»."""
    if guess_source_type(source) == "anonymous":
        return True
    # Case endings folded: «عددًا من الأهالي» is «عدد من الأهالي», «مصدرًا» is «مصدر».
    letters = [_bare(w) for w in words if w[0].isalnum()]
    if not letters:
        return True
    head = letters[0]
    if head in _NAMED_BY_A_NAME and len(letters) > 1 and _proper_name(letters[1]):
        return False
    bare = head[2:] if head.startswith("ال") else head
    if head in _PEOPLE_PLURAL or bare in _PEOPLE_PLURAL or any(w in _SOME_ONE for w in letters[:2]):
        return True
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
    if head in _GENERIC_SINGULAR:
        # «مسؤول في مديرية التربية», «صاحبة متجر صغير»: an indefinite description, no name.
        chain: list[str] = []
        for word in letters:
            if chain and (word in PREPOSITIONS or word.startswith("لل") or (word[0] in "بلك" and word[1:3] == "ال")):
                break
            chain.append(word)
        return not (named_marks or any(definite(w) for w in chain[1:]))
    return False


def source_type(source: str, role: str, named: bool) -> str:
    """One of ``model.SOURCE_TYPES`` for a source (its role helps when the source alone says nothing)."""
    if not named:
        return "anonymous"
    kind = guess_source_type(source)
    if kind in ("other", "anonymous") and role:
        kind = guess_source_type(role)
    return "other" if kind == "anonymous" else kind
