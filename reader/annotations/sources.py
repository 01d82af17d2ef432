"""Guessing what kind of source a name is, so a new source starts with a sensible type.

Arabic news names its sources in a few set ways: «مصادر مطلعة», «دبلوماسيون
غربيون», «مسؤول أمريكي رفيع» carry no name and are anonymous; «المتحدث باسم
وزارة الصحة» is an official; «الخبير الاقتصادي» an expert; «وكالة …» the
media. The guess is only a default in the claim dialog: the annotator can
change it, and named people stay "other" unless a title says more.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..text.search import fold
from .model import SOURCE_TYPES, Source

# Keywords as ``fold`` leaves them: alef without hamza (ا), ى as ي, no harakat.
# A keyword of three letters or fewer must be a whole word; longer ones may carry
# a proclitic (و، ف، ب، ل، ال) or a suffix.
_ANONYMOUS = (
    "مصادر", "مصدر", "دبلوماسيون", "دبلوماسيين", "مطلع", "مطلعة", "رفيع", "رفيعة", "طلب عدم ذكر اسمه",
    "طلبت عدم ذكر اسمها", "رفض الكشف عن هويته", "فضل عدم الكشف", "بعض المسؤولين", "مسؤولون", "مسؤولين",
    "شهود عيان", "مراقبون", "اوساط", "sources", "officials", "diplomats", "منابع", "مقامات", "גורמים",
    "מקורות", "גורם",
)
_OFFICIAL = (
    "وزير", "وزيرة", "وزارة", "المتحدث", "المتحدثة", "الناطق", "الناطقة", "رئيس", "رئيسة", "حكومة",
    "الجيش", "سفارة", "السفير", "محافظ", "البرلمان", "الرئاسة", "مجلس", "هيئة", "سلطة", "مسؤول",
    "مسؤولة", "البنك المركزي", "المصرف المركزي", "الشرطة", "النيابة", "minister", "spokesperson", "spokesman", "ministry", "government", "سخنگو", "وزير", "שר",
    "דובר", "דוברת",
)
_EXPERT = ("خبير", "خبيرة", "استاذ", "استاذة", "باحث", "باحثة", "الدكتور", "الدكتورة", "محلل", "محللة", "expert",
           "professor", "researcher", "analyst", "كارشناس", "پژوهشگر", "מומחה", "חוקר", "חוקרת")
_MEDIA = ("وكالة", "صحيفة", "جريدة", "قناة", "تلفزيون", "اذاعة", "agency", "newspaper", "خبرگزاري", "روزنامه",
          "עיתון", "סוכנות")
_DOCUMENT = ("تقرير", "بيان", "وثيقة", "دراسة", "مذكرة", "report", "statement", "document", "study", "گزارش",
             "דוח")
_SOCIAL = ("تغريدة", "منشور", "فيسبوك", "تويتر", "تيليغرام", "تلغرام", "انستغرام", "tweet", "facebook",
           "twitter", "telegram", "instagram")

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
    for kind, keywords in (("media", _MEDIA), ("document", _DOCUMENT), ("social", _SOCIAL),
                           ("expert", _EXPERT), ("official", _OFFICIAL)):
        if _has(folded, words, keywords):
            return kind
    return "other"


def sources_in_folder(article_path: Path | None) -> list[Source]:
    """Sources saved with the other articles of a folder, for the claim dialog's type-ahead.

    Read as plain JSON, without locks, tolerant of any damage: a file that
    cannot be read just offers nothing.
    """
    if article_path is None:
        return []
    found: list[Source] = []
    folder = Path(article_path).parent
    own = Path(article_path).name + ".annotations.json"
    try:
        files = sorted(folder.glob("*.annotations.json"))
    except OSError:
        return []
    for path in files[:500]:
        if path.name == own:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            table = data.get("sources", {}) if isinstance(data, dict) else {}
            for doc in table.values() if isinstance(table, dict) else []:
                if isinstance(doc, dict) and isinstance(doc.get("name"), str) and doc["name"].strip():
                    kind = doc.get("type") if doc.get("type") in SOURCE_TYPES else "other"
                    role = doc.get("role") if isinstance(doc.get("role"), str) else ""
                    found.append(Source(doc["name"], kind, role))
        except (OSError, ValueError, AttributeError, TypeError):
            continue
    return found
