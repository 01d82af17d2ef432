"""Guessing what kind of source a name is, so a new source starts with a sensible type.

Arabic news names its sources in a few set ways: «مصادر مطلعة», «دبلوماسيون
غربيون», «مسؤول أمريكي رفيع» carry no name and are anonymous; «المتحدث باسم
وزارة الصحة» is an official; «الخبير الاقتصادي» an expert; «وكالة …» the
media. The guess is only a default in the claim dialog: the annotator can
change it, and named people stay "other" unless a title says more.
"""

from __future__ import annotations

import re

from ..text.search import fold

# Keywords as ``fold`` leaves them: alef without hamza (ا), ى as ي, no harakat.
# A keyword of three letters or fewer must be a whole word; longer ones may carry
# a proclitic (و، ف، ب، ل، ال) or a suffix.
_ANONYMOUS: tuple[str, ...] = (
    "مصادر",
    "مصدر",
    "دبلوماسيون",
    "دبلوماسيين",
    "مطلع",
    "مطلعة",
    "رفيع",
    "رفيعة",
    "طلب عدم ذكر اسمه",
    "طلبت عدم ذكر اسمها",
    "رفض الكشف عن هويته",
    "فضل عدم الكشف",
    "بعض المسؤولين",
    "مسؤولون",
    "مسؤولين",
    "شهود عيان",
    "مراقبون",
    "اوساط",
    "sources",
    "officials",
    "diplomats",
    "منابع",
    "مقامات",
    "גורמים",
    "מקורות",
    "גורם",
)
_OFFICIAL: tuple[str, ...] = (
    "وزير",
    "وزيرة",
    "وزارة",
    "المتحدث",
    "المتحدثة",
    "الناطق",
    "الناطقة",
    "رئيس",
    "رئيسة",
    "حكومة",
    "الجيش",
    "سفارة",
    "السفير",
    "محافظ",
    "البرلمان",
    "الرئاسة",
    "مجلس",
    "هيئة",
    "سلطة",
    "مسؤول",
    "مسؤولة",
    "البنك المركزي",
    "المصرف المركزي",
    "الشرطة",
    "النيابة",
    "minister",
    "spokesperson",
    "spokesman",
    "ministry",
    "government",
    "سخنگو",
    "وزير",
    "שר",
    "דובר",
    "דוברת",
)
_EXPERT: tuple[str, ...] = (
    "خبير",
    "خبيرة",
    "استاذ",
    "استاذة",
    "باحث",
    "باحثة",
    "الدكتور",
    "الدكتورة",
    "محلل",
    "محللة",
    "expert",
    "professor",
    "researcher",
    "analyst",
    "كارشناس",
    "پژوهشگر",
    "מומחה",
    "חוקר",
    "חוקרת",
)
_MEDIA: tuple[str, ...] = (
    "وكالة",
    "صحيفة",
    "جريدة",
    "قناة",
    "شبكة",
    "مجلة",
    "تلفزيون",
    "اذاعة",
    "agency",
    "newspaper",
    "خبرگزاري",
    "روزنامه",
    "עיתון",
    "סוכנות",
)
_DOCUMENT: tuple[str, ...] = (
    "تقرير",
    "بيان",
    "وثيقة",
    "دراسة",
    "مذكرة",
    "report",
    "statement",
    "document",
    "study",
    "گزارش",
    "דוח",
)
_SOCIAL: tuple[str, ...] = (
    "تغريدة",
    "منشور",
    "فيسبوك",
    "تويتر",
    "تيليغرام",
    "تلغرام",
    "انستغرام",
    "tweet",
    "facebook",
    "twitter",
    "telegram",
    "instagram",
)

# Folded once here, not at every guess.
_ANONYMOUS, _OFFICIAL, _EXPERT, _MEDIA, _DOCUMENT, _SOCIAL = (
    tuple(fold(keyword) for keyword in keywords)
    for keywords in (_ANONYMOUS, _OFFICIAL, _EXPERT, _MEDIA, _DOCUMENT, _SOCIAL)
)

_WORD_RE = re.compile(r"\w+")


def _has(folded: str, words: list[str], keywords: tuple[str, ...]) -> bool:
    for key in keywords:
        if len(key) <= 3:
            if key in words:
                return True
        elif key in folded:
            return True
    return False


def guess_source_type(name: str) -> str:
    """The likely type of a source from its name: anonymous, official, expert, media, document, social or other."""
    folded = fold(name).strip()
    if not folded:
        return "other"
    words = _WORD_RE.findall(folded)
    # A generic description with no name of its own: «مسؤول أمريكي رفيع», «مصادر مطلعة».
    if _has(folded, words, _ANONYMOUS):
        return "anonymous"
    if words and words[0] in ("مسؤول", "مسؤولة", "مسؤولا", "مسؤولان", "دبلوماسي") and len(words) <= 3:
        return "anonymous"
    for kind, keywords in (
        ("media", _MEDIA),
        ("document", _DOCUMENT),
        ("social", _SOCIAL),
        ("expert", _EXPERT),
        ("official", _OFFICIAL),
    ):
        if _has(folded, words, keywords):
            return kind
    return "other"


# The head word of an institution's name, as ``fold`` leaves it and without «ال»: «وزارة الصحة», «الجيش».
# fmt: off
_INSTITUTIONS = frozenset(
    fold(word)
    for word in (
        "وزارة", "هيئة", "مجلس", "حكومة", "جيش", "شرطة", "نيابة", "رئاسة", "برلمان", "سفارة", "سلطة", "سلطات",
        "بنك", "مصرف", "منظمة", "لجنة", "شركة", "جامعة", "محكمة", "وكالة", "مفوضية", "بلدية", "محافظة", "مكتب",
        "أمم", "اتحاد", "إدارة", "قيادة", "صحيفة", "جريدة", "قناة", "إذاعة", "وزارت", "دولت", "سازمان",
        "ministry", "government", "army", "police", "council", "agency", "commission", "committee", "organization",
        "organisation", "company", "university", "court", "bank", "office", "department", "parliament", "union",
        "משרד", "ממשלת", "ממשלה", "צבא", "משטרת", "משטרה", "ארגון",
    )
)
# fmt: on


def names_an_organisation(name: str) -> bool:
    """The name starts with an institution («وزارة الصحة», «الجيش», "the Ministry of Health"), not a person.

    Only the head word counts: «وزير الصحة» and «المتحدث باسم وزارة الصحة»
    are people speaking for an institution. For exports that must say
    Person or Organization (schema.org ClaimReview).
    """
    words = _WORD_RE.findall(fold(name))
    if words[:1] == ["the"]:
        words = words[1:]
    if not words:
        return False
    head = words[0]
    return head in _INSTITUTIONS or (head.startswith("ال") and head[2:] in _INSTITUTIONS)


def type_with_outlet(name: str, outlet: str, guessed: str) -> str:
    """``guessed``, unless the source is the article's own outlet (or names it): then ``media``.

    «قالت الشرق الآن» in an article of الشرق الآن has no media word for
    ``guess_source_type`` to find, but the outlet is a medium all the same.
    """
    key, home = fold(name).strip(), fold(outlet).strip()
    if key and home and (key == home or (len(home) > 3 and home in key)):
        return "media"
    return guessed
