"""Attribution suggestions: who an article says claims what.

Arabic news attributes nearly every claim in a few set ways:

* VERB SOURCE[، ROLE،] أن CLAIM — «وأكدت سلمى حداد، المتحدثة باسم وزارة الصحة، أن…»
* SOURCE VERB (إلى) أن CLAIM after إلا أن / غير أن / أما … فـ — «غير أن مصادر مطلعة كشفت أن…»
* وفقًا لـ / بحسب / حسب / نقلًا عن / على لسان SOURCE، فإن CLAIM, or trailing after the claim
* quotes: «…»، قال SOURCE — and — قال SOURCE: «…»

The analyser finds these with plain rules over the article's *folded* text
(no harakat or tatweel, one alef, ى as ي, ة as ه), so spelling variants match
alike, and maps every span back to code-point offsets into the article's own
text: ``text[start:end]`` is always the phrase as written.

It proposes, it does not decide: a fact-checker confirms each suggestion, so
the rules prefer a missed attribution to a wrong source. What is deliberately
not suggested: a pronoun subject carried over from the previous sentence
(«وأضاف أن…»), a participle continuing one («مؤكدًا أن…»), and passive or
impersonal reports with no source at all («أفيد بأن…»، «ذُكر أن…»): there is no
source phrase to offer, and offering the nearest noun would name the wrong one.

Pure Python: no Textual import, no network, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from ..text.search import FoldedText, fold
from .sources import guess_source_type

__all__ = ["Suggestion", "known_verb_form", "suggest"]

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One attribution the article seems to make, with everything a claim dialog needs.

    Spans are (start, end) code-point offsets into the analysed text; the
    strings are that text's own characters (harakat and tatweel kept).
    """

    verb: str  # the reporting verb or phrase as written («وأكدت», «وبحسب», «على لسان»)
    verb_span: Span
    source: str  # who: «مصادر مطلعة», «سلمى حداد», «وزارة الصحة»
    source_span: Span
    role: str  # the apposition that says who the source is, or ""
    role_span: Span | None
    named: bool  # False: an anonymous source (no name, no identifiable office or body)
    source_type: str  # one of model.SOURCE_TYPES; "anonymous" whenever named is False
    claim: str
    claim_span: Span
    pattern: str  # "verb-source", "source-verb", "according-to" or "quote"

    @property
    def anonymous(self) -> bool:
        return not self.named


# --- Normalisation ----------------------------------------------------------------

_TA_MARBUTA = str.maketrans({"\u0629": "\u0647"})  # ة → ه: one-for-one, offsets unchanged


def _norm(word: str) -> str:
    """The form every comparison uses: ``fold`` plus ة as ه."""
    return fold(word).translate(_TA_MARBUTA)


def _norm_set(*words: str) -> frozenset[str]:
    return frozenset(_norm(word) for word in words)


# --- Reporting verbs -----------------------------------------------------------------
# Each verb: its past stem (3rd person masculine), then its present stem without
# the prefix (يـ/تـ). Forms are generated: past قال قالت قالوا قالا قالتا, with an
# object pronoun (نفاه، وصفها); present يقول تقول يقولون يقولان تقولان.

_REGULAR = {
    "أكد": "ؤكد", "كشف": "كشف", "أوضح": "وضح", "صرح": "صرح", "أعلن": "علن", "ذكر": "ذكر",
    "نقل": "نقل", "زعم": "زعم", "حذر": "حذر", "توقع": "توقع", "رجح": "رجح", "اعتبر": "عتبر",
    "شدد": "شدد", "لفت": "لفت", "تابع": "تابع", "وصف": "صف", "اعترف": "عترف", "نبه": "نبه",
    "أعرب": "عرب", "أبلغ": "بلغ", "استبعد": "ستبعد", "نوه": "نوه", "بين": "بين", "اعتقد": "عتقد",
    "ألمح": "لمح", "أقر": "قر",
}
_HOLLOW = {  # past with alef (قال), the stem that takes ت (قالت), present stem (يقول)
    "قال": ("قال", "قول"), "أشار": ("أشار", "شير"), "أفاد": ("أفاد", "فيد"), "أضاف": ("أضاف", "ضيف"),
}
_DEFECTIVE = {  # past ending in ى, its stem before ت/وا, present stem
    "نفى": ("نف", "نفي"), "رأى": ("رأ", "ري"), "ادعى": ("ادع", "دعي"),
}
_SUFFIXES = ("", "ه", "ها", "هم")


def _verb_forms() -> tuple[dict[str, str], frozenset[str]]:
    """Folded form → the verb's lemma for every inflection the analyser knows, and which forms are present tense."""
    forms: dict[str, str] = {}
    present_forms: set[str] = set()

    def add(lemma: str, *words: str) -> None:
        for word in words:
            forms.setdefault(_norm(word), _norm(lemma))

    def add_present(lemma: str, *words: str) -> None:
        add(lemma, *words)
        present_forms.update(_norm(word) for word in words)

    for lemma, present in _REGULAR.items():
        past = lemma
        for suffix in _SUFFIXES:
            add(lemma, past + suffix, past + "ت" + suffix, past + "وا", past + "ا", past + "تا")
        for prefix, ending in product("يت", ("", "ون", "ان")):
            add_present(lemma, prefix + present + ending)
    for lemma, (past, present) in _HOLLOW.items():
        for suffix in _SUFFIXES:
            add(lemma, past + suffix, past + "ت" + suffix)
        add(lemma, past + "وا", past + "ا", past + "تا")
        for prefix, ending in product("يت", ("", "ون", "ان")):
            add_present(lemma, prefix + present + ending)
    for lemma, (stem, present) in _DEFECTIVE.items():
        add(lemma, lemma, stem + "ت", stem + "وا", stem + "يا", stem + "تا")
        add(lemma, stem + "اه", stem + "اها", stem + "ته", stem + "تها", stem + "وه")
        for prefix in "يت":
            add_present(lemma, prefix + present, prefix + present[:-1] + "ون", prefix + present + "ان")
    add("رد", "رد", "ردت", "ردوا")
    add("علق", "علق", "علقت", "علقوا")
    # Everyday words that look like a form: "بين" (between), "يبلغ" (reaches), "تبين" (it turned out).
    for ambiguous in ("بين", "تبين", "يبين", "يبلغ", "تبلغ", "يبلغون", "تقر", "يقر", "تقرا", "تقران"):
        forms.pop(_norm(ambiguous), None)
    return forms, frozenset(present_forms)


_VERBS, _PRESENT = _verb_forms()
# A present verb after these is subordinate («أن تُعلن هدنة»), not a report; a verb after a
# preposition is a noun («إلى نقل المهارات»).
_SUBORDINATING = _norm_set("أن", "لن", "لم", "كي", "لكي", "حتى", "قد", "سوف", "لا")
_AFTER_OBJECT = _norm_set("به", "بها", "عنه", "عنها", "عليه", "عليها")
_RELAY_VERBS = _norm_set("نقل")  # «نقلت صحيفة X عن مسؤول أن…»: the source is the one quoted
_PARTICIPLES = _norm_set(*(stem + end for stem in (
    "مؤكد", "مشير", "موضح", "لافت", "مضيف", "معتبر", "مشدد", "منوه", "محذر", "مرجح", "واصف", "مطالب",
    "داعي", "كاشف", "متوقع", "معرب", "مبين", "ناقل", "قائل", "معلن", "مستبعد", "مذكر") for end in (
    "ا", "ة", "ين", "ون", "")), "داعيا", "داعية")

# --- Words that shape a source phrase -------------------------------------------------

# Complementisers: the claim starts after them.
_COMP = _norm_set("أن", "إن", "أنه", "أنها", "أنهم", "أنهما", "أنهن", "أننا", "أنني", "إنه", "إنها",
                  "إنهم", "إننا")
_COMP_B = frozenset("ب" + word for word in _COMP)  # بأن، بأنه
_COMP_F = frozenset("ف" + word for word in _COMP)  # فإن، فإنه (after وفقًا لـ/بحسب)
_COMP_LEAD = _norm_set("إلى", "من", "على", "بالقول")  # إلى أن، من أن، على أن، بالقول إن
_CONTRAST = _norm_set("إلا", "غير", "بيد")  # إلا أن SOURCE VERB
_CLAUSE_STARTS = _norm_set("لكن", "ولكن", "بينما", "فيما", "وبينما", "وفيما", "إذ")
_PARTICLES = _norm_set("وفقا", "وفق", "بحسب", "حسب", "طبقا", "نقلا")
_ON_TONGUE = (_norm("على"), _norm("لسان"))
# A phrase that starts with one of these is not a source («وقال في بيان إن»: the subject is a pronoun).
_NOT_A_SOURCE_START = _norm_set(
    "في", "فيه", "فيها", "من", "عن", "على", "عليه", "إلى", "مع", "ما", "لا", "لم", "لن", "قد", "ذلك", "هذا",
    "هذه", "له", "لها", "لهم", "أيضا", "كذلك", "به", "بها", "إنه", "أنه", "أن", "إن", "خلال", "عبر", "أمس",
    "اليوم", "بدوره", "بدورها", "عدم", "فقط", "لاحقا", "مجددا", "سابقا", "حينها", "بعد", "قبل", "عند",
    "هو", "هي", "هم", "ان", "كما", "حيث", "الذي", "التي", "الذين", "بالقول", "ثم", "لكنه", "لكنها", "لكنهم",
    "لكن", "بل", "إنما", "حتى", "إذ", "إذا", "لو", "هنا", "هناك", "بينما", "فيما", "كان", "كانت", "وكان",
    "وكانت", "نحن", "أنا", "أنت", "هذا", "تلك", "ذاك",
)
# Circumstances that end a source phrase: «في بيان»، «للصحفيين»، «خلال مؤتمر»…
_CIRCUMSTANCE_AFTER_FI = _norm_set(
    "بيان", "بيانه", "بيانها", "تصريح", "تصريحات", "تصريحه", "تصريحاتها", "تصريحاته", "مؤتمر", "حديث",
    "حديثه", "حديثها", "مقابلة", "لقاء", "كلمة", "كلمته", "كلمتها", "رسالة", "تغريدة", "منشور", "ندوة",
    "اجتماع", "إيجاز", "إحاطة", "تقرير", "مداخلة", "اتصال", "تعليق", "تعليقه", "ختام", "افتتاح", "رد",
    "ردّه", "معرض", "سياق", "وقت", "مطلع", "نهاية", "أثناء", "حوار", "بيانات", "مستهل",
)
_CIRCUMSTANCE = _norm_set(
    "خلال", "عبر", "أمام", "لدى", "اليوم", "أمس", "صباح", "مساء", "ظهر", "مؤخرا", "للصحفيين",
    "للصحافيين", "للصحافة", "للإعلاميين", "لوكالة", "لصحيفة", "لقناة", "لموقع", "لإذاعة", "لتلفزيون",
    "عقب", "إثر", "بعد", "قبل", "أثناء", "الثلاثاء", "الاثنين", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "الأحد", "حين", "عندما", "بدوره", "بدورها", "أيضا", "كذلك", "بالقول", "قائلا", "قائلة", "لنا", "ل",
)
_TIME_NOUNS = _norm_set("الشهر", "الأسبوع", "العام", "السنة", "الليلة", "اليوم", "الأسابيع", "الأشهر")
_TIME_ADJ = _norm_set("الماضي", "الماضية", "الجاري", "الحالي", "الفائت", "المنصرم", "الأخير", "الأخيرة")
# A clause between commas that hides a name rather than giving a role.
_ANONYMITY_STARTS = _norm_set(
    "طلب", "طلبت", "طلبوا", "طلبا", "فضل", "فضلت", "فضلوا", "رفض", "رفضت", "رفضوا", "اشترط", "اشترطت",
    "مشترطا", "مفضلا", "مفضلة",
)
_ROLE_LEADS = _norm_set("وهو", "وهي", "وهم", "وهما")
_SAYING = _norm_set("قوله", "قولها", "قولهم", "قولهما", "قولهن")

# Named or anonymous. The project's keyword guess (sources.py) comes first; these
# add what a keyword cannot see: an unnamed group («محللون», «الأطباء المضربون»), or
# an indefinite description («صاحبة متجر صغير», «وكالة أنباء إقليمية»).
_PEOPLE_PLURAL = _norm_set(
    "محللون", "محللين", "خبراء", "مراقبون", "مراقبين", "شهود", "ناشطون", "ناشطين", "مزارعون", "مزارعين",
    "أطباء", "نواب", "متعاملون", "متعاملين", "مقربون", "مقربين", "منظمات", "سكان", "أهالي", "مواطنون",
    "مواطنين", "عمال", "موظفون", "موظفين", "مسؤولو", "ممثلو", "ممثلون", "ممثلين", "مراسلون", "جهات",
    "منشورات", "مديرو", "مديرا", "مسؤولا", "معارضون", "معارضين", "محتجون", "محتجين", "متظاهرون",
    "متظاهرين", "تجار", "مستثمرون", "مستثمرين", "اقتصاديون", "اقتصاديين", "محامون", "محامين",
    "مصرفيون", "مصرفيين", "قادة", "ضباط", "جنود", "لاجئون", "لاجئين", "طلاب", "معلمون", "معلمين",
    "باحثون", "باحثين", "أعضاء", "قياديون", "قياديين", "مسؤولان", "مصدران", "دبلوماسيان", "مطلعون",
    "مطلعين", "منتقدون", "منتقدين", "مدونون", "مدونين", "مغردون", "مغردين", "روايات", "تقارير",
    "بعض", "عدد", "أوساط", "دوائر", "مضربون", "المضربين", "وسائل", "أحد", "إحدى",
)
_SOME_ONE = _norm_set("أحد", "إحدى")  # «والدة أحد الطلاب», «مدير أحد المستشفيات»: nobody in particular
_GENERIC_SINGULAR = _norm_set(
    "مسؤول", "مسؤولة", "مصدر", "دبلوماسي", "موظف", "موظفة", "طبيب", "طبيبة", "مواطن", "مواطنة", "شاهد",
    "صاحب", "صاحبة", "مدير", "مديرة", "عضو", "ضابط", "خبير", "خبيرة", "باحث", "باحثة", "محلل", "محللة",
    "ناشط", "ناشطة", "مراسل", "متحدث", "قيادي", "مستشار", "وكالة", "مكتب", "منظمة", "جمعية", "شركة",
    "صحيفة", "مؤسسة", "جهة", "هيئة", "قناة", "موقع", "مركز", "حزب", "تاجر", "مستثمر", "مهندس", "محام",
    "أستاذ", "أستاذة", "نائب", "سائق", "عامل", "أحد", "إحدى", "مسؤولة",
)
_DOCUMENTS = _norm_set("تقرير", "دراسة", "استطلاع", "مذكرة", "بيان", "وثيقة", "بيانات", "إحصاءات",
                       "أرقام", "تقديرات", "مسح", "رسالة")
_UNDISCLOSED = _norm_set("داخلي", "داخلية", "سري", "سرية", "مسرب", "مسربة", "مسربه")
# «أعلنت وزارة الصحة انطلاق…», «كشف وزير التربية عن خطة…», «نفت الوزارة ما تداولته…»: a report whose claim is
# the verb's object, not an أن clause. Only for verbs that take one, and only with a source that is
# plainly an institution or an office (its head word below, then definite words): anything looser
# cannot tell where the source ends and the object begins.
_OBJECT_VERBS = _norm_set("أعلن", "كشف", "نفى", "أكد", "توقع", "رجح", "حذر")
_INSTITUTION_HEADS = _norm_set(
    "وزارة", "الوزارة", "هيئة", "الهيئة", "مجلس", "المجلس", "البنك", "المصرف", "الحكومة", "الجيش", "الشرطة",
    "النيابة", "الرئاسة", "المفوضية", "منظمة", "المنظمة", "لجنة", "اللجنة", "السلطات", "الشركة", "الأمم",
    "الجامعة", "المحكمة", "البرلمان", "الاتحاد", "وكالة", "الوكالة", "إدارة", "الإدارة", "بلدية", "البلدية",
    "محافظة", "مكتب", "المكتب", "وزير", "الوزير", "رئيس", "مدير", "المتحدث", "الناطق", "محافظ", "سفير", "قائد",
    "نائب", "أمين")
_OBJECT_LEADS = _norm_set("عن", "من")  # كشف عن، حذر من: the claim follows the particle
_RELATIVE = _norm_set("ما")  # نفى ما تداولته…: the claim starts with it
_PREPOSITIONS = _norm_set("في", "من", "عن", "على", "إلى", "داخل", "لدى", "مع", "بين", "حول", "قرب")

# --- Sentences and tokens -------------------------------------------------------------

_SENTENCE_END_RE = re.compile(r"[.!?\u061f\u06d4…]+(?=[\s\"'»”’)\]]|$)|\n")
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_COMMAS = frozenset(",\u060c")
_QUOTE_OPEN = frozenset("«\"“")
_QUOTE_CLOSE = frozenset("»\"”")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int  # offsets into the normalised text
    end: int
    word: str


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A source phrase found in the tokens: [first, last] token indices, and its role."""

    first: int
    last: int
    role: tuple[int, int] | None  # token indices [first, last] of the role
    skip: int = 0  # characters to drop from the first token (ل in «لتقرير»)


class _Sentence:
    """One sentence's tokens, with the way back to the article's text."""

    def __init__(self, tokens: list[_Token], start: int, end: int) -> None:
        self.tokens = tokens
        self.start = start  # normalised offsets of the sentence, terminator excluded
        self.end = end

    def word(self, index: int) -> str:
        return self.tokens[index].word if 0 <= index < len(self.tokens) else ""


def _sentences(normalised: str) -> list[_Sentence]:
    sentences = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(normalised):
        at = match.start()
        if match.group() == "." and at >= 1 and normalised[at - 1].isalpha() and (
                at < 2 or not normalised[at - 2].isalnum()):
            continue  # «د. ليلى قاسم»: an abbreviation, not the end of a sentence
        if match.start() > start:
            sentences.append(_sentence(normalised, start, match.start()))
        start = match.end()
    if start < len(normalised):
        sentences.append(_sentence(normalised, start, len(normalised)))
    return sentences


def _sentence(normalised: str, start: int, end: int) -> _Sentence:
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(normalised, start, end)]
    return _Sentence(tokens, start, end)


def _verb_lemma(word: str) -> str | None:
    """The reporting verb in ``word``, also after a proclitic و or ف."""
    lemma = _VERBS.get(word)
    if lemma is None and len(word) > 3 and word[0] in "وف":
        lemma = _VERBS.get(word[1:])
    return lemma


def _strip_proclitic(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _is_comma(word: str) -> bool:
    return word in _COMMAS


def _comp_at(sentence: _Sentence, index: int) -> int | None:
    """If a complementiser starts at ``index``, the index of its last token."""
    word = sentence.word(index)
    if word in _COMP or word in _COMP_B or word in _COMP_F:
        return index
    if word in _COMP_LEAD and sentence.word(index + 1) in _COMP:
        return index + 1
    if word == ":" and index + 1 < len(sentence.tokens):
        # A colon before a quote (or before the reported words); not a colon inside a URL.
        colon, after = sentence.tokens[index], sentence.tokens[index + 1]
        if after.start > colon.end or after.word in _QUOTE_OPEN:
            return index
    return None


def _is_circumstance(sentence: _Sentence, index: int) -> bool:
    word = sentence.word(index)
    if word in _CIRCUMSTANCE:
        return True
    if word == "في" and sentence.word(index + 1) in _CIRCUMSTANCE_AFTER_FI:
        return True
    return False


# --- Named or anonymous -----------------------------------------------------------------


def _definite(word: str) -> bool:
    return word.startswith("ال") or word.startswith("لل") or (len(word) > 3 and word[0] in "بلك"
                                                              and word[1:3] == "ال")


def _is_anonymous(source: str, words: list[str]) -> bool:
    """True for a source with no name: «مصادر مطلعة», «محللون», «وكالة أنباء إقليمية»."""
    if guess_source_type(source) == "anonymous":
        return True
    letters = [w for w in words if w[0].isalnum()]
    if not letters:
        return True
    head = letters[0]
    bare = head[2:] if head.startswith("ال") else head
    if head in _PEOPLE_PLURAL or bare in _PEOPLE_PLURAL or any(w in _SOME_ONE for w in letters[:2]):
        return True
    # An indefinite sound plural heads an unnamed group: «تربويون», «مزارعين».
    if (len(letters) <= 4 and len(head) >= 5 and not _definite(head) and head.endswith(("ون", "ين"))
            and not any(w in _QUOTE_OPEN for w in words)):
        return True
    named_marks = any(w in _QUOTE_OPEN for w in words) or any(w.isascii() and w.isalpha() for w in letters)
    if head in _DOCUMENTS:
        # «تقرير صادر عن معهد الدراسات» names its author; «تقرير داخلي» does not.
        if any(w in _UNDISCLOSED for w in letters):
            return True
        return not (named_marks or any(_definite(w) for w in letters))
    if head in _GENERIC_SINGULAR:
        # «مسؤول في مديرية التربية», «صاحبة متجر صغير»: an indefinite description, no name.
        chain = []
        for word in letters:
            if chain and (word in _PREPOSITIONS or word.startswith("لل") or (word[0] in "بلك" and word[1:3] == "ال")):
                break
            chain.append(word)
        return not (named_marks or any(_definite(w) for w in chain[1:]))
    return False


def _source_type(source: str, role: str, named: bool) -> str:
    if not named:
        return "anonymous"
    kind = guess_source_type(source)
    if kind in ("other", "anonymous") and role:
        kind = guess_source_type(role)
    return "other" if kind == "anonymous" else kind


# --- The analyser ------------------------------------------------------------------------


class _Analyser:
    def __init__(self, text: str) -> None:
        self.text = text
        folded = FoldedText.of(text)
        self.folded = folded
        self.normalised = folded.folded.translate(_TA_MARBUTA)
        self.found: dict[Span, Suggestion] = {}

    # Offsets ------------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """Normalised [start, end) → article offsets, harakat after the last letter included."""
        if end <= start:
            at = self.folded.original(start) if start < len(self.normalised) else len(self.text)
            return at, at
        first = self.folded.original(start)
        last = self.folded.original(end - 1) + 1
        while last < len(self.text) and _is_ignored(self.text[last]):
            last += 1
        return first, last

    def tokens_span(self, sentence: _Sentence, first: int, last: int, skip: int = 0) -> Span:
        return self.span(sentence.tokens[first].start + skip, sentence.tokens[last].end)

    # Suggestions --------------------------------------------------------------------
    def add(self, sentence: _Sentence, verb: tuple[int, int], phrase: _Phrase, claim: Span,
            pattern: str) -> None:
        tokens = sentence.tokens
        first, last = phrase.first, phrase.last
        # A trailing time expression is when, not who: «تقرير صادر … الشهر الماضي».
        while last > first and (tokens[last].word in _TIME_ADJ and tokens[last - 1].word in _TIME_NOUNS):
            last -= 2
        while last > first and (_is_comma(tokens[last].word) or tokens[last].word in ("-", "–", "—")):
            last -= 1
        if last < first or _is_comma(tokens[first].word):
            return
        source_span = self.tokens_span(sentence, first, last, phrase.skip)
        if source_span in self.found or source_span[0] == source_span[1]:
            return
        source = self.text[source_span[0]:source_span[1]]
        if not any(ch.isalpha() for ch in source):
            return
        role, role_span = "", None
        if phrase.role is not None:
            role_span = self.tokens_span(sentence, *phrase.role)
            role = self.text[role_span[0]:role_span[1]]
        words = [tokens[i].word for i in range(first, last + 1)]
        if phrase.skip:
            words[0] = words[0][phrase.skip:] or words[0]
        named = not _is_anonymous(source, words)
        verb_span = self.tokens_span(sentence, *verb)
        if claim[1] <= claim[0]:
            return  # nothing is claimed: «قال X.» at the end of a sentence
        claim_span = self.span(*claim)
        self.found[source_span] = Suggestion(
            verb=self.text[verb_span[0]:verb_span[1]], verb_span=verb_span, source=source,
            source_span=source_span, role=role, role_span=role_span, named=named,
            source_type=_source_type(source, role, named), claim=self.text[claim_span[0]:claim_span[1]],
            claim_span=claim_span, pattern=pattern)

    def claim_after(self, sentence: _Sentence, index: int) -> Span:
        """The claim from the token after ``index`` to the end of the sentence."""
        if index + 1 >= len(sentence.tokens):
            return (0, 0)
        return sentence.tokens[index + 1].start, _trim_end(self.normalised, sentence.end)

    # Patterns -----------------------------------------------------------------------
    def run(self) -> list[Suggestion]:
        for sentence in _sentences(self.normalised):
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                word = token.word
                if word in _PARTICLES or _strip_proclitic(word) in _PARTICLES:
                    self.according_to(sentence, i, i)
                elif _strip_proclitic(word) == _ON_TONGUE[0] and sentence.word(i + 1) == _ON_TONGUE[1]:
                    self.according_to(sentence, i, i + 1)
                elif _verb_lemma(word) is not None and self.reports(sentence, i):
                    self.reporting_verb(sentence, i)
        return sorted(self.found.values(), key=lambda s: (s.source_span, s.verb_span))

    def reports(self, sentence: _Sentence, i: int) -> bool:
        """False when the verb-like word is a noun or a subordinate verb here."""
        before = sentence.word(i - 1)
        if before in ("عدم",) or before in _PREPOSITIONS:
            return False
        word = sentence.word(i)
        return not (before in _SUBORDINATING and (word in _PRESENT or word[1:] in _PRESENT))

    def segments(self, sentence: _Sentence, start: int, stop: int) -> list[tuple[int, int]]:
        """Comma-separated [first, last] token ranges of tokens[start:stop] (empty ones dropped)."""
        ranges: list[tuple[int, int]] = []
        first = start
        for i in range(start, stop + 1):
            if i == stop or _is_comma(sentence.word(i)):
                if i > first:
                    ranges.append((first, i - 1))
                first = i + 1
        return ranges

    def source_in(self, sentence: _Sentence, first: int, last: int, relay: bool = False) -> tuple[int, int] | None:
        """The source phrase inside a segment: cut at a circumstance or «ما»; None when there is none."""
        if relay:
            for i in range(first, last + 1):
                if sentence.word(i) == "عن":
                    first = i + 1
                    break
        opening = sentence.word(first)
        if first > last or opening in _NOT_A_SOURCE_START or _is_comma(opening) or (
                opening[:1] == "و" and opening[1:] in _NOT_A_SOURCE_START):
            return None
        if not sentence.word(first)[0].isalnum() and sentence.word(first) not in _QUOTE_OPEN:
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
            elif (depth <= 0 and not straight_quote and i > first
                  and (word in ("ما", "لما", "الذي", "التي", "حيث") or _is_circumstance(sentence, i))):
                break
            end = i
        if relay and end > first and sentence.word(end) in _SAYING:
            end -= 1  # «نقل … عن شهود قولهم إن…»
        if end - first > 14:
            return None
        return first, end

    def role_in(self, sentence: _Sentence, segment: tuple[int, int] | None) -> tuple[int, int] | None:
        """A role apposition, unless the segment is a circumstance, an anonymity clause or a participle."""
        if segment is None:
            return None
        first, last = segment
        word = sentence.word(first)
        if (word in _ANONYMITY_STARTS or _strip_proclitic(word) in _PARTICIPLES or word in _PARTICIPLES
                or _is_circumstance(sentence, first) or word in _NOT_A_SOURCE_START):
            return None
        if word in _ROLE_LEADS:
            first += 1
        if first > last or last - first > 20:
            return None
        return first, last

    def reporting_verb(self, sentence: _Sentence, v: int) -> None:
        tokens = sentence.tokens
        lemma = _verb_lemma(tokens[v].word)
        start = v + 1
        if sentence.word(start) in _AFTER_OBJECT:
            start += 1
        # Find the complementiser; give up at another reporting verb outside an anonymity clause.
        comp_first = comp_last = None
        in_anonymity = False
        for i in range(start, min(len(tokens), v + 70)):
            word = tokens[i].word
            if _is_comma(word):
                in_anonymity = sentence.word(i + 1) in _ANONYMITY_STARTS
                continue
            found = _comp_at(sentence, i)
            if found is not None:
                comp_first, comp_last = i, found
                break
            if i > start and not in_anonymity and _verb_lemma(word) is not None:
                self.object_first(sentence, v)  # the أن ahead is another verb's
                return
        if comp_first is None:
            before = len(self.found)
            self.quote_first(sentence, v, start)
            if len(self.found) == before:
                self.object_first(sentence, v)
            return
        segments = self.segments(sentence, start, comp_first)
        if not segments or segments[0][0] != start:
            self.source_first(sentence, v, comp_first, comp_last)
            return
        phrase = self.source_in(sentence, *segments[0], relay=lemma in _RELAY_VERBS)
        if phrase is None:
            self.source_first(sentence, v, comp_first, comp_last)
            return
        role = self.role_in(sentence, segments[1] if len(segments) > 1 and phrase[1] == segments[0][1] else None)
        self.add(sentence, (v, v), _Phrase(phrase[0], phrase[1], role), self.claim_after(sentence, comp_last),
                 "verb-source")

    def object_first(self, sentence: _Sentence, v: int) -> None:
        """VERB INSTITUTION[، CIRCUMSTANCE،] [عن|من] OBJECT: «أعلنت وزارة الصحة، صباح اليوم، انطلاق حملة…»."""
        if _verb_lemma(sentence.word(v)) not in _OBJECT_VERBS:
            return
        first = v + 1
        if sentence.word(first) not in _INSTITUTION_HEADS:
            return
        last = first
        while last - first < 4 and _definite(sentence.word(last + 1)):
            last += 1  # وزارة الصحة، منظمة الصحة العالمية، رئيس الوزراء
        after = last + 1
        if _is_comma(sentence.word(after)):  # one circumstance between commas: «، في حديث تلفزيوني مساء أمس،»
            close = next((k for k in range(after + 1, min(after + 12, len(sentence.tokens)))
                          if _is_comma(sentence.word(k))), None)
            if close is None or any(_verb_lemma(sentence.word(k)) for k in range(after + 1, close)):
                return
            after = close + 1
        lead = sentence.word(after)
        if lead in _OBJECT_LEADS:
            after += 1
        elif lead not in _RELATIVE and (not lead[:1].isalpha() or _verb_lemma(lead) is not None):
            return  # a sentence end, a quote or another verb: no object here
        if after + 1 >= len(sentence.tokens):
            return  # a claim is more than one word
        self.add(sentence, (v, v), _Phrase(first, last, None), self.claim_after(sentence, after - 1), "verb-object")

    def source_first(self, sentence: _Sentence, v: int, comp_first: int, comp_last: int) -> None:
        """SOURCE VERB أن: «غير أن مصادر مطلعة كشفت أن…», «أما سامر بدران، وهو موظف، فأكد أنه…»."""
        if comp_first != v + 1:
            return
        word = sentence.word(v)
        proclitic = word[0] if _VERBS.get(word) is None else ""
        if proclitic == "و":
            return  # «وأضاف أن…»: the subject is the previous sentence's
        anchor = None
        for i in range(v - 1, max(-1, v - 40), -1):
            here = sentence.word(i)
            if proclitic == "ف":
                if _strip_proclitic(here) == _norm("أما") or here == _norm("أما"):
                    anchor = i + 1
                    break
            elif here in _COMP and sentence.word(i - 1) in _CONTRAST:
                anchor = i + 1
                break
            elif here in _CLAUSE_STARTS:
                anchor = i + 1
                break
            if here in _COMP or here in _COMP_B or (
                    _verb_lemma(here) is not None and not self._in_anonymity(sentence, i)):
                return
        else:
            # A short noun phrase that opens the sentence: «الوزارة أكدت أن…».
            if proclitic == "" and 0 < v <= 5 and not any(_is_comma(sentence.word(i)) for i in range(v)):
                anchor = 0
        if anchor is None or anchor >= v:
            return
        segments = self.segments(sentence, anchor, v)
        if not segments or segments[0][0] != anchor:
            return
        phrase = self.source_in(sentence, *segments[0])
        if phrase is None or phrase[1] != segments[0][1]:
            return
        role = self.role_in(sentence, segments[1] if len(segments) > 1 else None)
        # «والحكومة أكدت أن…»: the conjunction is not part of the name.
        opening = sentence.word(phrase[0])
        skip = 1 if opening[:1] in ("و", "ف") and opening[1:3] == "ال" else 0
        self.add(sentence, (v, v), _Phrase(phrase[0], phrase[1], role, skip),
                 self.claim_after(sentence, comp_last), "source-verb")

    def _in_anonymity(self, sentence: _Sentence, index: int) -> bool:
        """True when token ``index`` sits in a «طلب عدم ذكر اسمه» clause."""
        for i in range(index, max(-1, index - 6), -1):
            if _is_comma(sentence.word(i)):
                return sentence.word(i + 1) in _ANONYMITY_STARTS
        return False

    def quote_first(self, sentence: _Sentence, v: int, start: int) -> None:
        """«…»، قال SOURCE: the claim is the quote before the verb."""
        if not (_is_comma(sentence.word(v - 1)) and sentence.word(v - 2) in _QUOTE_CLOSE):
            return
        close = v - 2
        opener = "«" if sentence.word(close) == "»" else None
        open_index = None
        for i in range(close - 1, -1, -1):
            word = sentence.word(i)
            if (opener and word == opener) or (not opener and word in _QUOTE_OPEN):
                open_index = i
                break
        if open_index is None or open_index + 1 >= close:
            return
        segments = self.segments(sentence, start, len(sentence.tokens))
        if not segments or segments[0][0] != start:
            return
        phrase = self.source_in(sentence, *segments[0])
        if phrase is None:
            return
        role = self.role_in(sentence, segments[1] if len(segments) > 1 and phrase[1] == segments[0][1] else None)
        claim = (sentence.tokens[open_index + 1].start, sentence.tokens[close - 1].end)
        self.add(sentence, (v, v), _Phrase(phrase[0], phrase[1], role), claim, "quote")

    def according_to(self, sentence: _Sentence, first: int, last: int) -> None:
        """وفقًا لـ / بحسب / نقلًا عن / على لسان SOURCE، فإن CLAIM — or the claim before it."""
        tokens = sentence.tokens
        i = last + 1
        particle = _strip_proclitic(tokens[first].word)
        skip = 0
        if particle == _norm("نقلا"):
            if sentence.word(i) != "عن":
                return
            i += 1
        elif particle in _norm_set("وفقا", "طبقا", "وفق"):
            if sentence.word(i) in ("ل", "لـ"):
                i += 1
            elif sentence.word(i).startswith("ل") and particle != _norm("وفق"):
                skip = 1
        # «بحسب ما أفادت به مصادر…», «وفقا لما ذكرته الوكالة»: skip to the one who said it.
        if sentence.word(i) in ("ما", "لما") or (skip and sentence.word(i) == "لما"):
            skip = 0
            i += 1
            if _verb_lemma(sentence.word(i)) is None and not sentence.word(i).startswith(("اف", "ذكر", "قال", "نقل")):
                return
            verb = (i, i)
            i += 1
            if sentence.word(i) in _AFTER_OBJECT:
                i += 1
        else:
            verb = (first, last)
        if i >= len(tokens):
            return
        # The source runs to the first comma or فإن/أن.
        stop = i
        while stop < len(tokens) and not _is_comma(tokens[stop].word) and _comp_at(sentence, stop) is None:
            stop += 1
        phrase = self.source_in(sentence, i, stop - 1)
        if phrase is None:
            return
        comp = None
        j = stop
        if j < len(tokens) and _is_comma(tokens[j].word):
            j += 1
        if j < len(tokens) and _comp_at(sentence, j) is not None:
            comp = _comp_at(sentence, j)
        if comp is not None:
            claim = self.claim_after(sentence, comp)
        elif first > 0 and _is_comma(sentence.word(first - 1)) and first - 1 > 0:
            # Trailing: «…، بحسب ما أفادت به مصادر من الطرفين.» The claim is what came before.
            claim = (tokens[0].start, tokens[first - 2].end)
        elif stop < len(tokens) and _is_comma(tokens[stop].word):
            claim = self.claim_after(sentence, stop)
        else:
            return
        self.add(sentence, verb, _Phrase(phrase[0], phrase[1], None, skip if phrase[0] == i else 0), claim,
                 "according-to")


def _is_ignored(ch: str) -> bool:
    """A harakah or tatweel: the characters ``fold`` drops, so they trail the letter they follow."""
    return fold(ch) == ""


def _trim_end(normalised: str, end: int) -> int:
    while end > 0 and normalised[end - 1].isspace():
        end -= 1
    return end


def suggest(text: str) -> list[Suggestion]:
    """Attributions found in ``text`` (an article's text), in reading order of their sources."""
    if not text:
        return []
    return _Analyser(text).run()


def known_verb_form(word: str) -> bool:
    """True when ``word`` (any spelling, with و/ف) is a reporting-verb form the analyser knows."""
    return _verb_lemma(_norm(word)) is not None

