"""The Arabic the analyser knows: reporting verbs in all their forms, and the words that shape a source.

Reporting verbs are listed by stem and their inflections generated (past
and present, with object pronouns); the other lists are the small words that
start, end or lead into a source phrase, a role or a claim. Every word is
kept in its compared form (``folding.norm``).
"""

from __future__ import annotations

from itertools import product

from .folding import norm, norm_set

# The word lists below are laid out by hand, several to a line and grouped by meaning: the
# formatter would put each on a line of its own and triple the module. Formatting resumes at the
# functions that use them.
# fmt: off

# --- Reporting verbs -----------------------------------------------------------------
# Each verb: its past stem (3rd person masculine), then its present stem without
# the prefix (يـ/تـ). Forms are generated: past قال قالت قالوا قالا قالتا, with an
# object pronoun (نفاه، وصفها); present يقول تقول يقولون يقولان تقولان.

_REGULAR = {
    "أكد": "ؤكد", "كشف": "كشف", "أوضح": "وضح", "صرح": "صرح", "أعلن": "علن", "ذكر": "ذكر",
    "نقل": "نقل", "زعم": "زعم", "حذر": "حذر", "توقع": "توقع", "رجح": "رجح", "اعتبر": "عتبر",
    "شدد": "شدد", "لفت": "لفت", "تابع": "تابع", "وصف": "صف", "اعترف": "عترف", "نبه": "نبه",
    "أعرب": "عرب", "أبلغ": "بلغ", "استبعد": "ستبعد", "نوه": "نوه", "بين": "بين", "اعتقد": "عتقد",
    "ألمح": "لمح", "أقر": "قر", "أظهر": "ظهر", "أخبر": "خبر", "كرر": "كرر", "كتب": "كتب", "شرح": "شرح",
    "لخص": "لخص", "أورد": "ورد",
}
_HOLLOW = {  # past with alef (قال), the stem that takes ت (قالت), present stem (يقول)
    "قال": ("قال", "قول"), "أشار": ("أشار", "شير"), "أفاد": ("أفاد", "فيد"), "أضاف": ("أضاف", "ضيف"),
}
_DEFECTIVE = {  # past ending in ى, its stem before ت/وا, present stem
    "نفى": ("نف", "نفي"), "رأى": ("رأ", "ري"), "ادعى": ("ادع", "دعي"),
}
_SUFFIXES = ("", "ه", "ها", "هم")
# Who was told, as an object pronoun: «أبلغتنا الوزارة», «أخبرني», «نبهونا».
_TOLD = ("نا", "ني")


# fmt: on
def _verb_forms() -> tuple[dict[str, str], frozenset[str]]:
    """Folded form → the verb's lemma for every inflection the analyser knows, and which forms are present tense."""
    forms: dict[str, str] = {}
    present_forms: set[str] = set()

    def add(lemma: str, *words: str) -> None:
        for word in words:
            forms.setdefault(norm(word), norm(lemma))

    def add_present(lemma: str, *words: str) -> None:
        add(lemma, *words)
        present_forms.update(norm(word) for word in words)

    for lemma, present in _REGULAR.items():
        past = lemma
        for suffix in _SUFFIXES:
            add(lemma, past + suffix, past + "ت" + suffix, past + "وا", past + "ا", past + "تا")
        for told in _TOLD:
            add(lemma, past + told, past + "ت" + told, past + "و" + told)
        for prefix, ending in product("يت", ("", "ون", "ان", "وا")):
            # «بيقول», «بيقولوا»: the spoken present of talk shows and interviews
            add_present(lemma, prefix + present + ending, "ب" + prefix + present + ending)
    for lemma, (past, present) in _HOLLOW.items():
        for suffix in _SUFFIXES:
            add(lemma, past + suffix, past + "ت" + suffix)
        add(lemma, past + "وا", past + "ا", past + "تا")
        for prefix, ending in product("يت", ("", "ون", "ان", "وا")):
            add_present(lemma, prefix + present + ending, "ب" + prefix + present + ending)
    for lemma, (stem, present) in _DEFECTIVE.items():
        add(lemma, lemma, stem + "ت", stem + "وا", stem + "يا", stem + "تا")
        add(lemma, stem + "اه", stem + "اها", stem + "ته", stem + "تها", stem + "وه")
        for prefix in "يت":
            add_present(lemma, prefix + present, prefix + present[:-1] + "ون", prefix + present + "ان")
    add("رد", "رد", "ردت", "ردوا")
    add_present("رد", "يرد", "ترد", "يردون", "تردان", "يردان")  # «ويرد مقربون منه بأن…»
    add("نسب", "نسبت", "نسبوا")  # not «نسب», «نسبته»: rates, its rate
    add("علق", "علق", "علقت", "علقوا")
    # Everyday words that look like a form: "بين" (between), "يبلغ" (reaches), "تبين" (it turned out).
    # "يظهر" (it appears), "يتابع" (follows), "كتب"/"يكتب" as books or a byline, "بين"+نا.
    for ambiguous in (
        "بين",
        "تبين",
        "يبين",
        "يبلغ",
        "تبلغ",
        "يبلغون",
        "تقر",
        "يقر",
        "تقرا",
        "تقران",
        "تابعنا",
        "بيننا",
        "كتبنا",
        "كتبه",
        "كتبها",
        "كتبهم",
        "كتبي",
        "كتبا",
        "بينا",
        "بينه",
        "بينها",
        "بينهم",
        "بينهما",
        *(p + "تابع" + e for p in ("ي", "ت", "بي", "بت") for e in ("", "ون", "ان", "وا")),
    ):
        forms.pop(norm(ambiguous), None)
    return forms, frozenset(present_forms)


VERBS, PRESENT = _verb_forms()
# fmt: off
# A present verb after these is subordinate («أن تُعلن هدنة»), not a report; a verb after a
# preposition is a noun («إلى نقل المهارات»).
SUBORDINATING = norm_set("أن", "لن", "لم", "كي", "لكي", "حتى", "قد", "سوف", "لا")
AFTER_OBJECT = norm_set("به", "بها", "عنه", "عنها", "عليه", "عليها")
TELLING_VERBS = norm_set("أبلغ", "أخبر")  # «أبلغ X أعضاءَ المجلس أن…»: who, then whom
# «نقلت صحيفة X عن مسؤول أن…», «نسبت الوكالة إلى مصدر قوله…»: the source is the one quoted, after the particle.
RELAY_VERBS = {norm("نقل"): "عن", norm("نسب"): norm("إلى")}
PARTICIPLES = norm_set(*(stem + end for stem in (
    "مؤكد", "مشير", "موضح", "لافت", "مضيف", "معتبر", "مشدد", "منوه", "محذر", "مرجح", "واصف", "مطالب",
    "داعي", "كاشف", "متوقع", "معرب", "مبين", "ناقل", "قائل", "معلن", "مستبعد", "مذكر") for end in (
    "ا", "ة", "ين", "ون", "")), "داعيا", "داعية")

# --- Words that shape a source phrase -------------------------------------------------

# Complementisers: the claim starts after them.
COMP = norm_set("أن", "إن", "أنه", "أنها", "أنهم", "أنهما", "أنهن", "أننا", "أنني", "إنه", "إنها",
                "إنهم", "إننا")
COMP_B = frozenset("ب" + word for word in COMP)  # بأن، بأنه
COMP_F = frozenset("ف" + word for word in COMP)  # فإن، فإنه (after وفقًا لـ/بحسب)
COMP_LEAD = norm_set("إلى", "من", "على", "بالقول")  # إلى أن، من أن، على أن، بالقول إن
CONTRAST = norm_set("إلا", "غير", "بيد")  # إلا أن SOURCE VERB
CLAUSE_STARTS = norm_set("لكن", "ولكن", "بينما", "فيما", "وبينما", "وفيما", "إذ")
PARTICLES = norm_set("وفقا", "وفق", "بحسب", "حسب", "طبقا", "نقلا", "حسبما", "بحسبما", "وفقما", "مثلما", "استنادا")
FUSED_MA = norm_set("حسبما", "بحسبما", "وفقما", "مثلما")  # «حسبما أفادت الوكالة»: ما glued to the particle
ON_TONGUE = (norm("على"), norm_set("لسان", "ذمة"))  # «على لسان X», «على ذمة X»: on X's word
# «وجاء في بيان الوزارة أن…», «وورد في التقرير أن…»: the document is the source.
CAME_IN = norm_set("جاء", "ورد")
DOCUMENT_HEADS = norm_set(
    "بيان", "البيان", "تقرير", "التقرير", "رسالة", "الرسالة", "نص", "مذكرة", "المذكرة", "وثيقة", "الوثيقة",
    "قرار", "القرار", "خطاب", "الخطاب", "دراسة", "الدراسة", "بلاغ", "البلاغ", "منشور", "تغريدة", "كلمة",
)
# A phrase that starts with one of these is not a source («وقال في بيان إن»: the subject is a pronoun).
NOT_A_SOURCE_START = norm_set(
    "في", "فيه", "فيها", "من", "عن", "على", "عليه", "إلى", "مع", "ما", "لا", "لم", "لن", "قد", "ذلك", "هذا",
    "هذه", "له", "لها", "لهم", "أيضا", "كذلك", "به", "بها", "إنه", "أنه", "أن", "إن", "خلال", "عبر", "أمس",
    "اليوم", "بدوره", "بدورها", "عدم", "فقط", "لاحقا", "مجددا", "سابقا", "حينها", "بعد", "قبل", "عند",
    "هو", "هي", "هم", "ان", "كما", "حيث", "الذي", "التي", "الذين", "بالقول", "ثم", "لكنه", "لكنها", "لكنهم",
    "لكن", "بل", "إنما", "حتى", "إذ", "إذا", "لو", "هنا", "هناك", "بينما", "فيما", "كان", "كانت", "وكان",
    "وكانت", "نحن", "أنا", "أنت", "هذا", "تلك", "ذاك", "هل", "لماذا", "كيف", "متى", "أين", "ماذا", "يوم",
    "قبل", "منذ", "طوال", "لدى", "أمام", "بشأن", "حول",
    # spoken: this, that, thus, we, you, what
    "ده", "دي", "دا", "دول", "كده", "كدا", "إحنا", "احنا", "انت", "إنت", "انتي", "هما", "إيه", "ايه",
)
# Circumstances that end a source phrase: «في بيان»، «للصحفيين»، «خلال مؤتمر»…
CIRCUMSTANCE_AFTER_FI = norm_set(
    "بيان", "بيانه", "بيانها", "تصريح", "تصريحات", "تصريحه", "تصريحاتها", "تصريحاته", "مؤتمر", "حديث",
    "حديثه", "حديثها", "مقابلة", "لقاء", "كلمة", "كلمته", "كلمتها", "رسالة", "تغريدة", "منشور", "ندوة",
    "اجتماع", "إيجاز", "إحاطة", "تقرير", "مداخلة", "اتصال", "تعليق", "تعليقه", "ختام", "افتتاح", "رد",
    "ردّه", "معرض", "سياق", "وقت", "مطلع", "نهاية", "أثناء", "حوار", "بيانات", "مستهل", "خطاب", "جلسة", "برنامج",
    "منتدى", "قمة", "زيارة", "مناسبة", "حفل", "احتفال", "تدوينة", "مقال", "مقطع", "تسجيل", "فيديو", "بث",
    # «في تقريره», «في مراجعتها الأخيرة»: the source's own statement, with its pronoun
    *(stem + end for stem in ("تقرير", "بيان", "تصريح", "حديث", "رد", "خطاب", "منشور", "نشرت", "رسالت", "مذكرت",
                               "مراجعت", "كلمت", "تغريدت", "مقابلت", "مؤتمر", "إيجاز", "تعليق", "لقاء", "ندوت",
                               "دراست", "تقديرات", "إرشادات", "توقعات", "بيانات", "تصريحات")
      for end in ("ه", "ها", "هم", "هما")),
)
CIRCUMSTANCE = norm_set(
    "خلال", "عبر", "أمام", "لدى", "اليوم", "أمس", "صباح", "مساء", "ظهر", "مؤخرا", "للصحفيين",
    "للصحافيين", "للصحافة", "للإعلاميين", "لوكالة", "لصحيفة", "لقناة", "لموقع", "لإذاعة", "لتلفزيون",
    "عقب", "إثر", "بعد", "قبل", "أثناء", "الثلاثاء", "الاثنين", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "الأحد", "حين", "عندما", "بدوره", "بدورها", "أيضا", "كذلك", "بالقول", "قائلا", "قائلة", "لنا", "ل",
    "لمجلة", "لجريدة", "لشبكة", "لرويترز", "لفرانس", "لأسوشيتد", "للأناضول", "لسبوتنيك", "لبي", "لسي", "لنيويورك",
    "يوم", "عصر", "ليلة", "فجر", "غدا", "البارحة", "النهارده", "صباحا", "مساء", "ظهرا", "عصرا", "ليلا",
    "ردا", "تعليقا", "تعقيبا", "تعليقه", "ردها", "رده",  # «قال X ردا على سؤال», «تعليقا على القرار»
    "لواشنطن", "لتايمز", "لأكسيوس", "لبلومبرغ", "لفايننشال", "للجزيرة", "للعربية", "للحرة", "لوام", "لواس", "لسانا",
)
# Who was told, by trade: «قال دبلوماسي لكاتب هذه السطور», «لمراسل الصحيفة», «لمندوبنا».
TOLD_BY_TRADE = norm_set(
    "لكاتب", "لكاتبة", "لمراسل", "لمراسلة", "لمراسلنا", "لمراسلتنا", "لمندوب", "لمندوبنا", "لمحرر", "لمعد", "لمعدة",
)
TIME_NOUNS = norm_set("الشهر", "الأسبوع", "العام", "السنة", "الليلة", "اليوم", "الأسابيع", "الأشهر")
# A phrase headed by one of these is when, never who: «قالوا لي كل يوم إن…», «أعلنت صباح اليوم…».
TIME_WORDS = norm_set(
    "يوم", "يوما", "أسبوع", "شهر", "سنة", "عام", "مرة", "ساعة", "صباح", "مساء", "ظهر", "عصر", "ليلة", "فجر",
    "صباحا", "مساء", "عصرا", "ظهرا", "ليلا", "نهارا", "أمس", "اليوم", "غدا", "البارحة", "الليلة", "النهارده",
    "الأسبوع", "الشهر", "العام", "السنة", "الثلاثاء", "الاثنين", "الإثنين", "الأربعاء", "الخميس", "الجمعة",
    "السبت", "الأحد", "مطلع", "منتصف", "أواخر", "أوائل", "مؤخرا", "حاليا", "آنذاك",
)
TIME_ADJ = norm_set("الماضي", "الماضية", "الجاري", "الحالي", "الفائت", "المنصرم", "الأخير", "الأخيرة")
# A clause between commas that hides a name rather than giving a role.
ANONYMITY_STARTS = norm_set(
    "طلب", "طلبت", "طلبوا", "طلبا", "فضل", "فضلت", "فضلوا", "رفض", "رفضت", "رفضوا", "اشترط", "اشترطت",
    "مشترطا", "مفضلا", "مفضلة",
)
ROLE_LEADS = norm_set("وهو", "وهي", "وهم", "وهما")
# The pluperfect of background paragraphs: «وكان X قد أعلن», «X كان قد أشار», «أما X فقد رأى».
KANA = norm_set("كان", "كانت", "كانوا")
PERFECT = norm_set("قد", "فقد", "وقد", "لقد")
# Who was told, right after a verb of saying: «قال لنا», «قالت لي». The subject may follow it.
ADDRESSEE_PRONOUNS = norm_set("لي", "لنا", "له", "لها", "لهم", "لكم", "لك", "إلينا")  # not إلي: it folds as إلى
# Words after a verb that are how or when, never who: «نفت تماما», «قالوا لي صراحة».
ADVERBS = norm_set(
    "تماما", "رسميا", "صراحة", "علنا", "مجددا", "حاليا", "النهارده", "امبارح", "البارحة", "الليلة", "الآن",
    "هنا", "هناك", "آنذاك", "يومها", "حينئذ", "شخصيا", "مباشرة", "أخيرا", "هاتفيا", "كتابيا", "مسبقا",
    # how it was said: «وأضاف ضاحكا:», «قالت مبتسمة»
    "ضاحكا", "ضاحكة", "مبتسما", "مبتسمة", "مازحا", "مازحة", "ساخرا", "ساخرة", "غاضبا", "غاضبة", "متسائلا",
    "متسائلة", "مستدركا", "مستدركة", "مستغربا", "متحسرا", "متحسرة", "متهكما", "بحزن", "بمرارة", "بغضب",
)
# Title and office heads: «ورئيس الغرفة X قال…» drops the conjunction, not the title.
TITLE_HEADS = norm_set(
    "رئيس", "رئيسة", "وزير", "وزيرة", "مدير", "مديرة", "محافظ", "نائب", "أمين", "سفير", "قائد", "عضو", "ممثل",
    "مسؤول", "مسؤولة", "مصدر", "مصادر", "متحدث", "ناطق", "خبير", "خبيرة", "زملائي", "زملاء", "أستاذ", "عميد",
    "وكيل", "والي", "مستشار", "مستشارة")
# «نقلت X عن مسؤول قوله / تأكيده / إشارته إلى أن…»: the words relayed, not part of the source.
SAYING = norm_set(*(stem + end for stem in ("قول", "تأكيد", "إشارت", "توضيح", "تحذير", "نفي", "إعلان", "ترجيح", "اعتقاد",
                                             "تصريح", "تصريحات") for end in ("ه", "ها", "هم", "هما", "هن")))
# «أعلنت وزارة الصحة انطلاق…», «كشف وزير التربية عن خطة…», «نفت الوزارة ما تداولته…»: a report whose claim is
# the verb's object, not an أن clause. Only for verbs that take one, and only with a source that is
# plainly an institution or an office (its head word below, then definite words): anything looser
# cannot tell where the source ends and the object begins.
OBJECT_VERBS = norm_set("أعلن", "كشف", "نفى", "أكد", "توقع", "رجح", "حذر", "أشار", "لفت")
INSTITUTION_HEADS = norm_set(
    "وزارة", "الوزارة", "هيئة", "الهيئة", "مجلس", "المجلس", "البنك", "المصرف", "الحكومة", "الجيش", "الشرطة",
    "النيابة", "الرئاسة", "المفوضية", "منظمة", "المنظمة", "لجنة", "اللجنة", "السلطات", "الشركة", "الأمم",
    "الجامعة", "المحكمة", "البرلمان", "الاتحاد", "وكالة", "الوكالة", "إدارة", "الإدارة", "بلدية", "البلدية",
    "محافظة", "مكتب", "المكتب", "وزير", "الوزير", "رئيس", "مدير", "المتحدث", "الناطق", "محافظ", "سفير", "قائد",
    "نائب", "أمين")
OBJECT_LEADS = norm_set("عن", "من", "إلى")  # كشف عن، حذر من، أشار إلى: the claim follows the particle
RELATIVE = norm_set("ما")  # نفى ما تداولته…: the claim starts with it
PREPOSITIONS = norm_set("في", "من", "عن", "على", "إلى", "داخل", "لدى", "مع", "بين", "حول", "قرب")


# Heads a source phrase may start with after a conjunction: «فرابطة المصارف اعتبرت», «ومباحث التموين أكدت».
OTHER_HEADS = norm_set(
    "رابطة", "جمعية", "نقابة", "غرفة", "مباحث", "شركة", "مؤسسة", "منظمة", "صاحب", "صاحبة", "أصحاب", "سكان",
    "أهالي", "خبراء", "محللون", "مصادر", "تقارير", "أرقام", "بيانات", "تقديرات", "معطيات", "إحصاءات", "أحد",
    "إحدى", "بعض", "عدد", "مجموعة", "حركة", "حزب", "اتحاد", "تحالف", "صندوق", "مركز", "معهد", "جامعة",
    "أعضاء", "ممثلي", "نواب", "رؤساء", "مديري", "وفد",
)


HEADS = TITLE_HEADS | DOCUMENT_HEADS | OTHER_HEADS | INSTITUTION_HEADS


# fmt: on
def conjunction_first(word: str) -> bool:
    """True when ``word`` is و/ف glued to a source's first word: «والحكومة», «ورئيس», «فرابطة» (not «وزارة»)."""
    if word[:1] not in ("و", "ف"):
        return False
    rest = word[1:]
    if rest.startswith("ال") and len(rest) > 3:
        return True
    return rest in HEADS


def verb_lemma(word: str) -> str | None:
    """The reporting verb in ``word``, also after a proclitic و or ف."""
    lemma = VERBS.get(word)
    if lemma is None and len(word) > 3 and word[0] in "وف":
        lemma = VERBS.get(word[1:])
    return lemma


def strip_proclitic(word: str) -> str:
    """``word`` without a leading و or ف (when what is left is long enough to be a word)."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def definite(word: str) -> bool:
    """A word with the article: الـ, لل, or بالـ / لالـ / كالـ (not «إلى», «إلا», «الذي», which only look so)."""
    if word in _NOT_ARTICLE:
        return False
    return word.startswith(("ال", "لل")) or (len(word) > 3 and word[0] in "بلك" and word[1:3] == "ال")


_NOT_ARTICLE = norm_set(
    "إلى", "إليه", "إليها", "إليهم", "إلينا", "إليك", "إلا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللي", "الآن"
)
