"""The Persian the Persian rules know: reporting verbs and particles, and the words that end a source.

Persian press attributes in a few set ways, verb last: «X گفت/افزود/اعلام کرد
که …», «X معتقد است …», «به گزارش/به گفته/طبق اعلام X، …». Every word here is
kept in its compared form (``pnorm``): folded as search folds it (one alef,
ي/ی and ك/ک alike, no harakat), with the zero-width non-joiner read as a space,
and the verb patterns allow that space to be missing, so «می‌گوید», «می گوید»
and «میگوید» are one form, as are «اعلام کرده است» and «اعلام کرده‌است».
"""

from __future__ import annotations

import re

from reader.text.search import fold

# ZWNJ, ZWJ and the direction marks read as a space; ۀ as ه; ئ and ؤ as ی and و (رئیس/رییس): one for one.
_EXTRA = str.maketrans(
    {
        "\u200c": " ",
        "\u200d": " ",
        "\u200e": " ",
        "\u200f": " ",
        "\u00a0": " ",
        "\u06c0": "\u0647",
        "\u06d5": "\u0647",
        "\u0626": "\u064a",
        "\u0624": "\u0648",
    }
)


def extra(folded: str) -> str:
    """The Persian-only folding on top of ``fold`` (one code point for one, so offsets stay)."""
    return folded.translate(_EXTRA)


def pnorm(text: str) -> str:
    """The compared form of Persian words: ``fold`` plus the Persian-only folding."""
    return extra(fold(text))


def pset(*words: str) -> frozenset[str]:
    """A set of words in their compared form."""
    return frozenset(pnorm(word) for word in words)


def _pattern(phrase: str) -> str:
    """A phrase as a regex whose word breaks may be a space, a ZWNJ (now a space) or nothing."""
    return " ?".join(re.escape(part) for part in pnorm(phrase).split())


def key(matched: str) -> str:
    """How a matched verb or particle is looked up: its letters without the spaces."""
    return matched.replace(" ", "")


# The word lists are laid out by hand, several to a line and grouped by meaning.
# fmt: off

# --- Reporting verbs --------------------------------------------------------------------
_LIGHT = {
    "کرد": ("کرد", "کردند", "کرده است", "کرده اند", "کرده بود", "کرده بودند", "می کند", "می کنند"),
    "نمود": ("نمود", "نمودند", "نموده است", "می نماید", "می نمایند"),
    "داشت": ("داشت", "داشتند", "داشته است", "داشته اند"),
    "داد": ("داد", "دادند", "داده است", "داده اند", "داده بود", "می دهد", "می دهند"),
    "شد": ("شد", "شدند", "شده است", "شده اند", "شده بود", "می شود", "می شوند"),
    "ساخت": ("ساخت", "ساختند"),
}
_COMPOUND = {  # the noun → the light verbs it takes
    "اظهار": "کرد نمود داشت", "تأکید": "کرد نمود داشت", "اعلام": "کرد نمود داشت", "تصریح": "کرد نمود",
    "خاطرنشان": "کرد نمود ساخت شد", "بیان": "کرد نمود داشت", "عنوان": "کرد نمود", "ابراز": "کرد نمود داشت",
    "اذعان": "کرد نمود داشت", "اعتراف": "کرد", "تشریح": "کرد", "ادعا": "کرد", "اضافه": "کرد",
    "پیش بینی": "کرد", "برآورد": "کرد", "ذکر": "کرد", "تکذیب": "کرد", "تأیید": "کرد", "رد": "کرد",
    "اشاره": "کرد", "یادآوری": "کرد", "خبر": "داد", "هشدار": "داد", "توضیح": "داد", "ادامه": "داد",
    "پاسخ": "داد", "اطلاع": "داد", "نشان": "داد", "گزارش": "داد", "یادآور": "شد", "مدعی": "شد",
    "متذکر": "شد", "منکر": "شد",
}
_SIMPLE = {
    "گفت": ("گفت", "گفتند", "گفته است", "گفته اند", "گفته بود", "گفته بودند", "می گوید", "می گویند"),
    "افزود": ("افزود", "افزودند", "افزوده است", "می افزاید", "می افزایند"),
    "نوشت": ("نوشت", "نوشتند", "نوشته است", "نوشته اند", "نوشته بود", "می نویسد", "می نویسند"),
    "معتقد": ("معتقد است", "معتقدند", "معتقد اند", "معتقد بود", "معتقد بودند", "معتقد هستند"),
    "باور": ("بر این باور است", "بر این باورند", "بر این باور اند", "بر این باور بود", "بر این باور هستند",
             "بر این عقیده است", "بر این عقیده اند", "بر این عقیده بود", "باور دارد", "باور دارند",
             "عقیده دارد", "عقیده دارند", "اعتقاد دارد", "اعتقاد دارند"),
    "آمده": ("آمده است",),
}
# Verbs whose claim needs «که» or «:» after them: bare, they mean something else («ادامه داد»: went on).
NEEDS_INTRO = pset("ادامه", "نشان", "اشاره", "پاسخ", "اطلاع", "گزارش", "آمده", "اضافه", "توضیح", "ذکر", "رد")
# Verbs whose claim may be their object: «X را تکذیب کرد», «از X خبر داد».
OBJECT_RA = pset("تکذیب", "تأیید", "رد", "اعلام")
OBJECT_AZ = pset("خبر", "هشدار")
SOURCE_AFTER_DAR = pset("آمده")  # «در گزارش X آمده است که…»: the source follows «در»
SOURCE_NEEDED = pset("نشان", "آمده")  # «تجربه نشان داده است»: only a document, body or person shows


def _verb_table() -> dict[str, str]:
    """Every verb form, without its spaces, → its lemma (the noun of a compound verb)."""
    table: dict[str, str] = {}
    for noun, lights in _COMPOUND.items():
        for light in lights.split():
            for form in _LIGHT[light]:
                table[key(pnorm(f"{noun} {form}"))] = pnorm(noun)
    for lemma, forms in _SIMPLE.items():
        for form in forms:
            table[key(pnorm(form))] = pnorm(lemma)
    return table


def _verb_regex() -> re.Pattern[str]:
    phrases = [f"{noun} {form}" for noun, lights in _COMPOUND.items() for light in lights.split()
               for form in _LIGHT[light]]
    phrases += [form for forms in _SIMPLE.values() for form in forms]
    alternatives = sorted({_pattern(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


VERB_LEMMA = _verb_table()
VERB_RE = _verb_regex()
NOT_A_VERB_AFTER = re.compile(r" ?و ?گو")  # «گفت‌وگو», «گفت و گو»: a conversation, not «گفت»

# --- Particles: «به گزارش X، …», «طبق اعلام X، …» ------------------------------------------
_PARTICLES = (
    "به گزارش", "به گفته", "به نقل از", "به اعتقاد", "به عقیده", "به باور", "از نگاه", "از دید", "از نظر",
    "به نظر", "به نوشته", "به روایت", "به ادعای", "به اذعان", "به تصریح", "به اعلام", "به زعم", "به تأکید",
)
_DOCUMENT_PARTICLES = ("طبق", "بنا بر", "بنابر", "بنا به", "بر اساس", "براساس", "بر پایه", "برپایه", "مطابق با",
                       "مطابق")
_REPORT_NOUNS = ("اعلام", "گزارش", "برآورد", "اظهارات", "گفته", "گفته های", "ادعای", "نظر", "تصریح", "اعتقاد",
                 "روایت")
RELAY_PARTICLE = pnorm("به نقل از")
REPORT_PARTICLE = pnorm("به گزارش")
#: particles whose bare source must be a phrase of two words or more («طبق قانون» is no attribution)
DOCUMENT_PARTICLES = frozenset(key(pnorm(p)) for p in _DOCUMENT_PARTICLES)
#: viewpoint particles whose one-word source ending in ی is an aspect, not a source («از نظر فنی»)
VIEWPOINT_PARTICLES = frozenset(key(pnorm(p)) for p in ("از نگاه", "از دید", "از نظر", "به نظر"))


def _particle_regex() -> re.Pattern[str]:
    phrases = list(_PARTICLES) + [f"{p} {n}" for p in _DOCUMENT_PARTICLES for n in _REPORT_NOUNS]
    phrases += list(_DOCUMENT_PARTICLES)
    alternatives = sorted({_pattern(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


PARTICLE_RE = _particle_regex()

# --- Words that shape a source phrase ---------------------------------------------------
# A source never starts with these: pronouns, demonstratives, function and time words.
NOT_A_SOURCE_START = pset(
    "وی", "او", "ایشان", "آنها", "آنان", "اینها", "من", "ما", "تو", "شما", "این", "آن", "همین", "همان",
    "چنین", "هر", "که", "و", "یا", "را", "در", "به", "از", "با", "بر", "برای", "تا", "هم", "نیز", "امروز",
    "دیروز", "سپس", "همچنین", "چه", "چرا", "کجا", "آیا", "خود", "خودش", "اینکه", "آنچه", "هیچ", "بلکه",
    "اگر", "وقتی", "پس", "پیش", "قبل", "بعد", "روز", "شب", "هفته", "ماه", "سال", "است", "بود", "می", "نمی",
    "باید", "نباید", "شاید", "حتی", "فقط", "تنها", "هنوز", "اکنون", "لذا", "چنانکه", "همانطور", "همانگونه",
    "چنانچه", "گرچه", "اگرچه", "هرچند", "اما", "ولی", "کاملا", "بسیار", "صرفا", "واقعا", "نهایتا", "قطعا",
    "دقیقا", "آشکارا", "صراحتا", "رسما", "ابتدا", "سرانجام", "بالاخره", "همچنان", "دیگر", "نه", "بله",
)
CONNECTORS = pset("و", "اما", "ولی", "همچنین", "سپس", "ضمنا", "البته", "لیکن", "ولیکن", "بنابراین", "پس")
CLAUSE_BREAKS = pset("اما", "ولی", "لیکن", "ولیکن", "بلکه", "زیرا", "چون", "چرا")
COMPLEMENTISER = pnorm("که")
OBJECT_MARK = pnorm("را")
QUANTIFIERS = pset("یکی", "بسیاری", "برخی", "بعضی", "تعدادی", "شماری", "هیچ", "بخشی", "عده", "ای", "گروهی",
                   "جمعی", "تن", "نفر", "اکثر", "بیشتر", "اغلب", "هر", "برخي", "بیشتری")
# Words that end a subject wherever they stand: prepositions, adverbs, times.
STOPS = pset(
    "به", "با", "برای", "طی", "ضمن", "هنگام", "حین", "درباره", "پیرامون", "نسبت", "خطاب", "طبق", "نیز", "هم",
    "همچنین", "امروز", "دیروز", "امشب", "دیشب", "پریروز", "فردا", "اخیرا", "روز", "شامگاه", "صبحگاه", "صبح",
    "ظهر", "عصر", "بامداد", "ساعاتی", "لحظاتی", "دقایقی", "امسال", "پارسال", "سپس", "بارها", "مجددا",
    "دوباره", "بلافاصله", "ضمنا", "صراحتا", "رسما", "همچنان", "تاکنون", "قبلا", "پیشتر", "اکنون", "حالا",
    "البته", "ظاهرا", "شنبه", "یکشنبه", "دوشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "را", "تا", "اگر", "وقتی", "چون", "زیرا", "اما", "خود", "بار", "نخستین", "اولین",
)
# «هفته», «ماه», «سال», «دهه» end a subject only as a time: followed by one of these.
TIME_HEADS = pset("هفته", "ماه", "سال", "دهه")
TIME_AFTER = pset("گذشته", "پیش", "آینده", "جاری", "قبل", "اخیر", "بعد", "آتی", "پیشین", "اول", "دوم", "نخست")
# «در» ends a subject before a circumstance («در نشست خبری», «در گفت‌وگو با»), not before a place.
AFTER_DAR = pset(
    "نشست", "گفت", "گفتگو", "جلسه", "نطق", "اطلاعیه", "بیانیه", "مصاحبه", "پیام", "پیامی", "نامه", "حاشیه",
    "جمع", "پاسخ", "واکنش", "مراسم", "دیدار", "همایش", "کنفرانس", "برنامه", "صفحه", "توییت", "توییتی",
    "یادداشت", "یادداشتی", "تماس", "سخنرانی", "سخنان", "سخنانی", "ادامه", "پایان", "ابتدای", "آغاز",
    "خصوص", "مورد", "باره", "رابطه", "حالی", "همین", "این", "آن", "روز", "روزهای", "سال", "ماه", "هفته",
    "سفر", "بازدید", "گزارش", "گزارشی", "اجلاس", "نشستی", "جلسات", "مجمع", "حضور", "میزگرد", "شبکه",
    "پی", "راستای", "جریان", "طول", "خلال", "زمان", "آستانه", "ساعات", "تاریخ", "ویدئو", "ویدیو", "پستی",
    "حساب", "کانال", "اینستاگرام", "تلگرام", "لایو", "گفتگویی", "افتتاحیه", "اختتامیه", "تشریح", "مقاله",
)
AZ_AFTER_TIME = pset("پس", "پیش", "قبل", "بعد")  # «پس از»: a time, so «از» there is no object
ANONYMITY = pset("نخواست", "نخواستند", "خواست", "خواستند", "نامش", "نامشان", "نام", "هویتش", "هویتشان",
                 "ناشناس", "نخواسته")
# Finite verbs and auxiliaries: a phrase with one is a clause, not a name or a role.
VERBISH = pset(
    "است", "اند", "بود", "بودند", "دارد", "دارند", "ندارد", "ندارند", "شد", "شدند", "شود", "شوند", "شده",
    "نشد", "نشده", "کرد", "کردند", "کند", "کنند", "کرده", "نکرد", "نکرده", "باشد", "باشند", "هست", "هستند",
    "نیست", "نیستند", "داشت", "داشته", "داد", "دادند", "رسید", "رسیده", "خواهد", "خواهند", "می", "نمی",
    "بوده", "حالیست", "گرفت", "گرفته", "یافت", "یافته", "رفت", "آمد", "گفت", "گذشت",
)
# A headline's «X:» with one of these is the page's furniture: «کد خبر:», «بیشتر بخوانید:», «برچسب‌ها:».
PAGE_WORDS = pset(
    "کد", "تاریخ", "زمان", "بخوانید", "ببینید", "بیشتر", "مطالب", "مرتبط", "برچسب", "برچسبها", "کلیدواژه",
    "کلیدواژه", "منبع", "لینک", "عکس", "ویدیو", "ویدئو", "نویسنده", "تهیه", "انتشار", "بازدید", "سرویس",
    "گروه", "دسته", "تلفن", "نشانی", "آدرس", "ایمیل", "پاسخ", "پرسش", "سوال", "سؤال", "مجری", "خبرنگار",
)
# A comma segment that opens with one of these is a circumstance before the subject.
OPENERS = pset(
    "در", "با", "به", "از", "بر", "پس", "طبق", "بنا", "بنابر", "براساس", "همچنین", "ضمن", "طی", "علاوه",
    "همزمان", "سپس", "اما", "ولی", "البته", "هرچند", "اگرچه", "اگر", "وقتی", "زمانی", "هنگامی", "پیش", "قبل",
    "بعد", "برای", "روز", "امروز", "دیروز", "شامگاه", "صبح", "بامداد", "همچنان", "بنابراین", "حال",
)
# The head of a role in «به گفته X، ROLE، …»: a title, office or trade.
ROLE_HEADS = pset(
    "سخنگو", "سخنگوی", "وزیر", "رئیس", "مدیر", "مدیرکل", "مدیرعامل", "معاون", "عضو", "کارشناس", "اقتصاددان",
    "پژوهشگر", "استاد", "استادیار", "دانشیار", "نماینده", "دبیر", "ساکن", "فعال", "تحلیلگر", "مشاور",
    "نویسنده", "خبرنگار", "فرمانده", "مسئول", "کارمند", "دبیرکل", "استاندار", "فرماندار", "شهردار", "سفیر",
    "متخصص", "پزشک", "وکیل", "دادستان", "قاضی", "نایب", "حقوقدان", "مؤسس",
)
# fmt: on
