"""Named or anonymous, and what type of source, for a Persian source phrase.

Persian press hides a name in a few set ways: an indefinite («یک مقام آگاه»,
«یکی از مسئولان»), a quantity («برخی کارشناسان», «دو عضو دیگر»), a word for
sources itself («منابع», «یک منبع مطلع»), or a plural of people with no name
(«کارشناسان بیمه», «مسئولان», «همکاران ما»). A plural of things is
anonymous too («شرکت‌های پخش») unless a named body owns it («داده‌های مرکز
آمار»). Anything else names who speaks: a person, an office, an institution.
"""

from __future__ import annotations

from .persian_words import pnorm, pset

# fmt: off
_INDEFINITE = pset("یک", "یکی", "برخی", "بعضی", "بسیاری", "چند", "شماری", "تعدادی", "عده", "گروهی", "جمعی",
                   "اکثر", "بیشتر", "اغلب", "همه", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده",
                   "چندین", "کلیه", "تمام", "تمامی", "سایر", "دیگر")
_ANONYMOUS_WORDS = pset("منبع", "منابع", "آگاه", "مطلع", "ناشناس", "مقامات", "نخواست", "نخواستند", "محافل")
_PEOPLE = pset(
    "کارشناسان", "مسئولان", "مسئولین", "همکاران", "دانشجویان", "کاربران", "ناظران", "تحلیلگران", "فعالان",
    "شاهدان", "ساکنان", "مردم", "شهروندان", "نمایندگان", "منتقدان", "مخالفان", "موافقان", "اقتصاددانان",
    "پزشکان", "داروسازان", "کارگران", "کشاورزان", "معلمان", "بازاریان", "فروشندگان", "رانندگان", "مسافران",
    "اهالی", "مدیران", "اعضای", "اعضا", "استادان", "اساتید", "متخصصان", "محققان", "پژوهشگران", "کارکنان",
    "کارمندان", "بیماران", "والدین", "مالکان", "خریداران", "مشتریان", "سرمایه گذاران", "نظامیان",
    "دیپلمات ها", "دیپلماتها", "خبرنگاران", "دانش آموزان", "جوانان", "زنان", "مردان", "کسبه", "تجار",
    "بازرگانان", "صاحبان", "تولیدکنندگان", "مصرف کنندگان", "وارد کنندگان", "واردکنندگان", "حقوقدانان",
    "مقامات", "سیاستمداران", "نمایندگانی", "ناشران", "هنرمندان", "ورزشکاران", "بازیکنان", "سربازان",
    "نانوایان", "پرستاران", "روستاییان", "دانشمندان", "دیپلمات‌ها", "شاهدان عینی", "عشایر", "زائران",
    "مورخان", "مادران", "پدران", "کودکان", "زنان", "خانواده", "دختران", "پسران", "همسایگان", "بستگان", "خانواده‌ها", "معترضان", "کسبه", "اصناف", "مربیان", "مهندسان", "وکلا", "قضات",
)
_PEOPLE_ENDINGS = tuple(
    pnorm(e) for e in ("گران", "دانان", "کنندگان", "دگان", "ستگان", "سازان", "مندان", "گاران", "داران", "کاران", "نشینان")
)
# A named body that owns a plural of things: «داده‌های مرکز آمار», «گزارش‌های وزارت نیرو».
BODIES = pset(
    "مرکز", "وزارت", "وزارتخانه", "سازمان", "بانک", "شورا", "شورای", "مجلس", "دولت", "اداره", "شرکت",
    "دانشگاه", "پژوهشکده", "موسسه", "مؤسسه", "انجمن", "کانون", "استانداری", "شهرداری", "فرمانداری", "ستاد",
    "کمیسیون", "هیئت", "دیوان", "قوه", "دادگستری", "پلیس", "گمرک", "صندوق", "بورس", "اتاق", "خبرگزاری",
    "سامانه", "پایگاه", "نهاد", "کارگروه", "کمیته", "اتحادیه", "دبیرخانه", "بنیاد",
)
_MEDIA = tuple(pnorm(w) for w in ("خبرگزاری", "روزنامه", "خبرنگار", "هفته نامه", "ماهنامه", "شبکه", "تلویزیون",
                                  "رادیو", "سایت", "پایگاه خبری", "نشریه", "مجله", "رسانه", "صداوسیما"))
_DOCUMENT = tuple(pnorm(w) for w in ("گزارش", "مصوبه", "بیانیه", "اطلاعیه", "داده", "آمار", "سند", "نامه",
                                     "قانون", "بخشنامه", "پژوهش", "مطالعه", "نظرسنجی", "تحقیق", "برآورد"))
_SOCIAL = tuple(pnorm(w) for w in ("توییت", "توئیت", "اینستاگرام", "تلگرام", "کانال", "صفحه شخصی"))
_EXPERT = tuple(pnorm(w) for w in ("کارشناس", "اقتصاددان", "پژوهشگر", "استاد", "تحلیلگر", "متخصص", "محقق",
                                   "حقوقدان", "جامعه شناس", "عضو هیئت علمی", "استادیار", "دانشیار"))
_OFFICIAL = tuple(pnorm(w) for w in (
    "سخنگو", "وزیر", "وزارت", "رئیس", "مدیرکل", "مدیرعامل", "معاون", "استاندار", "فرماندار", "شهردار", "شورا",
    "سازمان", "اداره", "مجلس", "نماینده", "دولت", "بانک مرکزی", "روابط عمومی", "دادستان", "قوه", "پلیس",
    "فرمانده", "سفیر", "سفارت", "دبیر", "کمیسیون", "هیئت", "ارتش", "سپاه", "ستاد", "مرکز آمار", "انجمن",
    "مدیر", "مسئول",
))
# fmt: on


_PLURAL = tuple(pnorm(w) for w in ("ها", "های"))
PLURAL_SUFFIXES = frozenset(_PLURAL)  # a plural suffix cut off by its ZWNJ («گزارش‌ها» read as «گزارش ها»)


def _plural_of_things(word: str) -> bool:
    return word.endswith(_PLURAL) and len(word) > 4


def is_anonymous(source: str) -> bool:
    """True when the phrase names nobody in particular (see the module's docstring)."""
    words = pnorm(source).replace("«", " ").replace("»", " ").split()
    if not words:
        return True
    if words[0] in _INDEFINITE or words[0].isdigit():
        return True
    if any(word in _ANONYMOUS_WORDS for word in words):
        return True
    head = words[0]
    if " ".join(words[:2]) in _PEOPLE or head in _PEOPLE or head.endswith(_PEOPLE_ENDINGS):
        return True
    if _plural_of_things(head) or (len(words) > 1 and words[1] in _PLURAL):
        return not any(word in BODIES for word in words[1:])
    return False


def looks_like_source(source: str) -> bool:
    """The phrase names a document, a body, an office or a trade («مصوبه شورا»), not a plan or a rule of thumb."""
    text = " " + pnorm(source) + " "
    return any(
        " " + keyword in text for keywords in (_DOCUMENT, _MEDIA, _EXPERT, _OFFICIAL) for keyword in keywords
    ) or any(word in BODIES for word in text.split())


def source_type(source: str, role: str, named: bool) -> str:
    """One of ``model.SOURCE_TYPES``: "anonymous" when not named, else by the source's words, then its role's."""
    if not named:
        return "anonymous"
    for phrase in (source, role):
        text = " " + pnorm(phrase) + " "
        for kind, keywords in (
            ("media", _MEDIA),
            ("document", _DOCUMENT),
            ("social", _SOCIAL),
            ("expert", _EXPERT),
            ("official", _OFFICIAL),
        ):
            if any(_names(text, keyword, kind) for keyword in keywords):
                return kind
    return "other"


def _names(text: str, keyword: str, kind: str) -> bool:
    """``keyword`` at a word's start («نامه» is not «برنامه»); a document's word also ends there, but for a
    plural or an ezafe («پژوهش‌ها», «گزارشی»): «پژوهشگر» is a researcher, not research."""
    if " " + keyword not in text:
        return False
    if kind != "document":
        return True
    return any(f" {keyword}{ending} " in text for ending in ("", "ها", "های", "ی", "هایی"))
