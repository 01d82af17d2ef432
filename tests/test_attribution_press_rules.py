"""Arabic attribution in the registers of real press (issue 14): one short text of our own per pattern."""

from __future__ import annotations

import pytest

from reader.attribution import Suggestion, suggest


def only(text: str) -> Suggestion:
    found = suggest(text)
    assert len(found) == 1, [(s.verb, s.source, s.claim) for s in found]
    return found[0]


def fits(text: str, found: Suggestion) -> None:
    """Every string the suggestion carries is the text's own slice."""
    for value, span in (
        (found.verb, found.verb_span),
        (found.source, found.source_span),
        (found.claim, found.claim_span),
    ):
        assert text[span[0] : span[1]] == value
    if found.role_span is not None:
        assert text[found.role_span[0] : found.role_span[1]] == found.role


# --- The source before its verb ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("الرئيس سامي حداد قال إن المحادثات ستستأنف.", "الرئيس سامي حداد"),
        ("وزارة الخارجية أعلنت أن السفارة ستفتح أبوابها.", "وزارة الخارجية"),
        ("أما النائب كريم سالم فقد قال إن الموازنة متأخرة.", "النائب كريم سالم"),
        ("وكانت الوزارة قد أعلنت في آذار أن الإنتاج سيرتفع.", "الوزارة"),
        ("المصرف المركزي كان قد أشار في تقريره إلى أن السيولة ضعيفة.", "المصرف المركزي"),
        ("غير أن مجلس المدينة كان قد أعلن الأسبوع الماضي أن الأسعار ثابتة.", "مجلس المدينة"),
        ("في المقابل، موظف تحدثت إليه، طلب عدم ذكر اسمه، قال إن الرواتب تأخرت.", "موظف تحدثت إليه"),
        ("ج: مدير المدرسة أخبرنا في اجتماع أن الدروس تبدأ غدا.", "مدير المدرسة"),
        ("ورئيس النقابة قال للصحفيين إن الإضراب مستمر.", "رئيس النقابة"),
    ],
)
def test_a_subject_before_its_verb_is_the_source(text: str, source: str) -> None:
    found = only(text)
    fits(text, found)
    assert found.source == source and found.pattern == "source-verb"


def test_the_pluperfect_keeps_the_role_between_commas() -> None:
    text = "وكان المبعوث الأممي، سامي نور، قد قال للصحفيين إن الهدنة صامدة."
    found = only(text)
    assert (found.source, found.role, found.claim) == ("المبعوث الأممي", "سامي نور", "الهدنة صامدة")


def test_a_topic_with_amma_then_its_own_subject() -> None:
    found = only("أما الكهرباء، فدراسة الجدوى التي أعدها مكتب استشاري أظهرت أن الكلفة مرتفعة.")
    assert found.source == "دراسة الجدوى التي أعدها مكتب استشاري" and found.claim == "الكلفة مرتفعة"


@pytest.mark.parametrize(
    "text",
    [
        "وأضاف أن الوفد سيعود.",  # a pronoun subject from the sentence before
        "وزارة الصحة، وهو ما نفته اللجنة، أكدت أن الوضع مستقر.",  # a clause between subject and verb: not sure
        "هل ترى أن الحظر كافٍ؟",  # a question asks, it does not report
        "وقالوا لي كل يوم إن الماء سيعود.",  # a time phrase is never a source
        "الوزارة نفت تماما أن هناك نية لرفع الأسعار. بس يا جماعة، نفت تماما إن فيه نية.",
    ],
)
def test_no_subject_no_suggestion(text: str) -> None:
    assert all(s.source not in ("كل يوم", "تماما", "هل", "لي") for s in suggest(text))
    if "الوزارة نفت" not in text:
        assert suggest(text) == []


# --- Headlines «SOURCE: claim» ----------------------------------------------------------------------


def test_a_headline_source_colon_claim() -> None:
    text = "وزارة الصحة: الحملة تبدأ الأسبوع المقبل\n\nبدأت الاستعدادات في المدن الكبرى منذ أيام.\n"
    found = only(text)
    fits(text, found)
    assert (found.verb, found.source, found.claim, found.pattern) == (
        ":",
        "وزارة الصحة",
        "الحملة تبدأ الأسبوع المقبل",
        "headline",
    )


def test_a_headline_after_a_dateline_and_two_dots_drops_the_conjunction() -> None:
    text = "5 مايو 2025\nأزمة الخبز مستمرة.. ورئيس البلدية: الطحين يصل غدا\n\nيعاني السكان من نقص الخبز منذ أيام.\n"
    found = only(text)
    assert found.source == "رئيس البلدية" and found.claim == "الطحين يصل غدا"


def test_a_repeated_headline_is_read_again_and_quotes_are_kept() -> None:
    headline = 'مسؤول أردني: "المعبر يفتح مطلع الشهر"'
    text = f"{headline}\n\nقالت مصادر إن الشاحنات تنتظر.\n\n{headline}\n"
    found = [s for s in suggest(text) if s.pattern == "headline"]
    assert len(found) == 2 and all(s.source == "مسؤول أردني" and not s.named and s.quoted for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "حوار: سامي نور\n\nالتقينا الوزير في مكتبه.\n",  # a byline
        "ودائع معلقة: لماذا تتعثر الخطة؟\n\nنص التحليل هنا.\n",  # a question
        "(إعداد: سامي نور - تحرير: هالة علي)\n",  # page furniture
        "نص الحلقة | «الحكاية اليوم»: رغيف العيش بين الدعم والتكلفة\n",  # a show's name in quotes
        "بدأ المعرض أمس في العاصمة.\n\nالسعر: خمسة دنانير للتذكرة الواحدة\n",  # a key and value in the body
        "- قيمة الصادرات: أربعة مليارات دولار هذا العام\n",
        "Source: ministry figures for the second quarter\n",
    ],
)
def test_no_headline_in_bylines_questions_and_lists(text: str) -> None:
    assert [s for s in suggest(text) if s.pattern == "headline"] == []


# --- Verbs and markers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verb", "comp"),
    [
        *((verb, "أن") for verb in ("أظهرت", "أفاد", "أوضح", "اعتبر", "رأى", "نفى", "كشف", "ذكر", "كرر", "أخبرنا")),
        ("أشار", "إلى أن"),
        ("لفت", "إلى أن"),
        ("أبلغ", "بأن"),
    ],
)
def test_reporting_verbs_of_the_press(verb: str, comp: str) -> None:
    text = f"{verb} المهندس سامي نور {comp} المشروع متأخر."
    found = only(text)
    fits(text, found)
    assert found.source == "المهندس سامي نور" and found.claim == "المشروع متأخر"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وجاء في بيان الوزارة أن فرق الطوارئ جاهزة.", "بيان الوزارة"),
        ("كما ذكرت صحيفة «النهار» أن فرق الطوارئ جاهزة.", "صحيفة «النهار»"),
        ("وحسبما أفادت وكالة الأنباء الرسمية، فإن فرق الطوارئ جاهزة.", "وكالة الأنباء الرسمية"),
        ("بحسب ما شرحه لنا مهندسو المشروع، فإن فرق الطوارئ جاهزة.", "مهندسو المشروع"),
        ("وفي تصريح لـ«الجريدة»، قال الوزير سامي نور إن فرق الطوارئ جاهزة.", "الوزير سامي نور"),
        ("وقالت الوزارة في بيان إن فرق الطوارئ جاهزة.", "الوزارة"),
        ("وتُظهر أرقام المصرف المركزي أن فرق الطوارئ جاهزة.", "أرقام المصرف المركزي"),
        ("المواطنون بيقولوا إن فرق الطوارئ جاهزة.", "المواطنون"),
    ],
)
def test_reporting_markers(text: str, source: str) -> None:
    found = only(text)
    fits(text, found)
    assert found.source == source and found.claim == "فرق الطوارئ جاهزة"


def test_according_to_with_a_role_before_fa_inna() -> None:
    found = only("وبحسب مدير المستشفى، الطبيب سامي نور، فإن الإصابات تراجعت.")
    assert (found.source, found.role, found.claim) == ("مدير المستشفى", "الطبيب سامي نور", "الإصابات تراجعت")


def test_a_noun_nql_is_not_a_relay_verb() -> None:
    assert suggest("وبحسب مدير شركة نقل الطاقة، فإن الشبكة قادرة.")[0].source == "مدير شركة نقل الطاقة"
    assert all(s.verb != "نقل" for s in suggest("وقال مدير شركة نقل الطاقة إن الشبكة قادرة."))


# --- Who was told is not who told -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("قال مسؤول أمريكي لرويترز إن الإدارة تتابع الملف.", "مسؤول أمريكي"),
        ("وقال لي سائق الشاحنة إن الإدارة تتابع الملف.", "سائق الشاحنة"),
        ("وأكد مصدر دبلوماسي لـ«الشرق» أن الإدارة تتابع الملف.", "مصدر دبلوماسي"),
        ("إلا أن مسؤولًا أمريكيًا طلب عدم الكشف عن هويته قال للوكالة إن الإدارة تتابع الملف.", "مسؤولًا أمريكيًا"),
    ],
)
def test_the_addressee_is_never_the_source(text: str, source: str) -> None:
    found = only(text)
    assert found.source == source and found.claim == "الإدارة تتابع الملف"


@pytest.mark.parametrize(
    "text",
    [
        "قال للوكالة إن الإدارة تتابع الملف.",
        "وقال لنا إن الإدارة تتابع الملف.",
        "وتابع قائلا: «الإدارة تتابع الملف».",
        "ويقول مساء أمس إن الإدارة تتابع الملف.",
        "صرح لـ«الشرق» بأن الإدارة تتابع الملف.",
    ],
)
def test_a_pronoun_subject_never_takes_the_next_word(text: str) -> None:
    assert suggest(text) == []


# --- Titles, roles, quotes and claims -------------------------------------------------------------------


def test_title_and_name_are_one_phrase_and_an_apposition_is_the_role() -> None:
    found = only("قال الرئيس الأمريكي دونالد ترامب إن الاتفاق قريب.")
    assert found.source == "الرئيس الأمريكي دونالد ترامب" and found.role == ""
    found = only("وقالت باربرا ليف، مسؤولة الشرق الأوسط في الخارجية، إن الاتفاق قريب.")
    assert (found.source, found.role, found.claim) == ("باربرا ليف", "مسؤولة الشرق الأوسط في الخارجية", "الاتفاق قريب")


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير: «الوضع صعب. لكننا سنعمل».",
        "وقال الوزير: “الوضع صعب. لكننا سنعمل”.",
        "وقال الوزير: ”الوضع صعب. لكننا سنعمل”.",
        'وقال الوزير: „الوضع صعب. لكننا سنعمل".',
        'وقال الوزير: "الوضع صعب. لكننا سنعمل".',
    ],
)
def test_a_quote_of_several_sentences_is_one_claim(text: str) -> None:
    found = only(text)
    assert found.claim.strip('«»“”„"') == "الوضع صعب. لكننا سنعمل" and found.quoted


def test_a_quote_before_its_verb_opened_with_the_closing_mark() -> None:
    text = "”الماء مقطوع منذ أسبوع. لا أحد يسأل”، تقول سعاد علي، ربة منزل."
    found = only(text)
    fits(text, found)
    assert (found.source, found.role) == ("سعاد علي", "ربة منزل")
    assert found.claim == "الماء مقطوع منذ أسبوع. لا أحد يسأل" and found.quoted


def test_a_claim_ends_where_a_participle_goes_on() -> None:
    found = only("وقال الوزير إن الوضع مستقر، مضيفا أن الوفد سيعود.")
    assert found.claim == "الوضع مستقر"


def test_an_object_is_the_claim_when_a_participle_follows() -> None:
    found = only("أعلنت وزارة الكهرباء، اليوم، عن خطتها للصيف، مؤكدة أن الإنتاج سيرتفع.")
    assert (found.source, found.claim) == ("وزارة الكهرباء", "خطتها للصيف")


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("البنك المركزي أعلن عن خفض الفائدة.", "البنك المركزي", "خفض الفائدة"),
        ("شركة النور نفت ذلك في بيان رسمي.", "شركة النور", "ذلك"),
        ("أما المدير فقد نفى هذه الاتهامات، موضحا أن الصفقة جمدت.", "المدير", "هذه الاتهامات"),
        ("وكشف مصدر أمني، طلب عدم ذكر اسمه، عن اعتقال خمسة أشخاص.", "مصدر أمني", "اعتقال خمسة أشخاص"),
    ],
)
def test_an_object_as_the_claim(text: str, source: str, claim: str) -> None:
    found = only(text)
    fits(text, found)
    assert (found.source, found.claim) == (source, claim)


# --- Relayed speech ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "relay"),
    [
        ("ونقلت صحيفة «الأيام» عن مسؤول في الوزارة قوله إن الأسعار سترتفع.", "مسؤول في الوزارة", "صحيفة «الأيام»"),
        ("ونقل البيان عن أحد المتطوعين قوله: «الأسعار سترتفع».", "أحد المتطوعين", "البيان"),
        ("ونقلت صفحات محلية عن والي الولاية تأكيده أن الأسعار سترتفع.", "والي الولاية", "صفحات محلية"),
    ],
)
def test_relayed_speech_names_the_speaker_and_the_relay(text: str, source: str, relay: str) -> None:
    found = only(text)
    fits(text, found)
    assert (found.source, found.relay) == (source, relay)


# --- Named or anonymous --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("وقال مسؤول أمريكي إن الأسعار سترتفع.", False),
        ("إلا أن مسؤولًا أمريكيًا قال إن الأسعار سترتفع.", False),
        ("لكن عددًا من السكان أكدوا أن الأسعار سترتفع.", False),
        ("وقال دبلوماسيون غربيون إن الأسعار سترتفع.", False),
        ("وقال مصدر مطلع إن الأسعار سترتفع.", False),
        ("وقالت مصادر إن الأسعار سترتفع.", False),
        ("وقال سائقو شاحنات إن الأسعار سترتفع.", False),
        ("وترى جمعيات من المجتمع المدني أن الأسعار سترتفع.", False),
        ("وقالت وكالة رويترز إن الأسعار سترتفع.", True),
        ("وذكر تقرير أكسيوس أن الأسعار سترتفع.", True),
        ("وذكرت صحيفة الأيام أن الأسعار سترتفع.", True),
        ("وذكرت شبكة «الشرق» أن الأسعار سترتفع.", True),
        ("وأعلنت وزارة الاقتصاد أن الأسعار سترتفع.", True),
        ("وذكرت قناة محلية أن الأسعار سترتفع.", False),
    ],
)
def test_organisations_and_media_are_named_the_unidentified_anonymous(text: str, named: bool) -> None:
    found = only(text)
    assert found.named is named
    assert (found.source_type == "anonymous") is not named


# --- Where a claim ends; who was told ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("وتقول مصادر نقابية إن الإضراب سيستمر، فيما يرى آخرون أن التفاوض هو الحل.", "الإضراب سيستمر"),
        ("وترى النقابة أن الحوار لم يعد مجديا، وتدعو إلى التصعيد.", "الحوار لم يعد مجديا"),
        ("واعتبرت الوزارة أن القرار جائر، وحمّلت الشركة المسؤولية.", "القرار جائر"),
        ("وأكدت الحكومة أن الوضع تحت السيطرة، قال سكان إن الأسواق أغلقت.", "الوضع تحت السيطرة"),
        ("وقالت الوزارة إن الأسعار ثابتة، وإن المخزون يكفي.", "الأسعار ثابتة، وإن المخزون يكفي"),
        ("وبحسب استطلاع حديث، فإن 60 في المئة يرفضون القرار، فيما يؤيده 30 في المئة.", None),
        ("وقال الوزير: «الوضع صعب، وحمّلنا الشركة المسؤولية».", None),
    ],
)
def test_a_claim_ends_where_the_sentence_turns_to_something_else(text: str, claim: str | None) -> None:
    found = min(suggest(text), key=lambda s: s.verb_span)  # the sentence's first report
    if claim is None:  # the claim runs on to the end of the sentence (or of the quotation)
        assert text[found.claim_span[1] :].strip(" .»") == ""
    else:
        assert found.claim == claim


def test_an_outlet_named_in_the_dateline_is_who_was_told() -> None:
    text = "الرباط - هسبريس\n\nوصرح الكاتب العام للنقابة لهسبريس بأن الإضراب مستمر.\n"
    (found,) = [s for s in suggest(text) if s.verb == "وصرح"]
    assert found.source == "الكاتب العام للنقابة"


def test_a_name_that_only_ever_comes_with_lam_stays_in_the_source() -> None:
    found = only("وقال سفير لبنان إن المساعدات وصلت.")
    assert found.source == "سفير لبنان"


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("وقالت لـ«الخليج اليوم» مصادر حكومية إن التعديل وارد.", "مصادر حكومية", "التعديل وارد"),
        ("وأبلغ رئيس الوزراء أعضاء المجلس أن الحكومة ملتزمة.", "رئيس الوزراء", "الحكومة ملتزمة"),
        ("صندوق النقد الدولي نفسه قال في مراجعته إن الأوضاع مستقرة.", "صندوق النقد الدولي", "الأوضاع مستقرة"),
        ("حتى ديوان المحاسبة أشار في تقريره السنوي إلى هدر كبير.", "ديوان المحاسبة", "هدر كبير"),
        ("وأشارت الوزارة إلى ارتفاع الأسعار.", "الوزارة", "ارتفاع الأسعار"),
    ],
)
def test_who_was_told_emphasis_and_focus_stay_out_of_the_source(text: str, source: str, claim: str) -> None:
    found = only(text)
    fits(text, found)
    assert (found.source, found.claim) == (source, claim)


def test_a_headline_source_less_the_outlet_it_spoke_to() -> None:
    text = "مقابلة | وزير المالية لـ«الخليج اليوم»: لا ضرائب جديدة هذا العام\n\nأجرى الحوار سالم علي.\n"
    (found,) = [s for s in suggest(text) if s.pattern == "headline"]
    assert (found.source, found.claim) == ("وزير المالية", "لا ضرائب جديدة هذا العام")


@pytest.mark.parametrize(
    "text",
    [
        "قال لرئيس الوزراء إن الوضع صعب.",  # a title after لـ is whom
        "وصل ترامب أمس إلى العاصمة. قال لترامب إن الوضع صعب.",  # a name the article writes without لـ
        "وأوضح بهذا الخصوص أن الوضع صعب.",
        "وأكد بالمناسبة أن الوضع صعب.",
    ],
)
def test_what_follows_a_pronoun_subject_is_never_taken_for_it(text: str) -> None:
    assert suggest(text) == []


@pytest.mark.parametrize(
    ("name", "text"), [("ليلى حداد", "وقالت ليلى حداد إن"), ("لجنة الانتخابات", "وقالت لجنة الانتخابات إن")]
)
def test_a_source_that_begins_with_lam_is_kept(name: str, text: str) -> None:
    assert only(f"{text} الوضع صعب.").source == name


def test_a_page_or_account_is_where_not_who() -> None:
    assert only("وكتب الناقد السينمائي على صفحته: الفيلم تحفة بصرية.").source == "الناقد السينمائي"


def test_kana_without_qad_and_an_object_after_a_circumstance() -> None:
    found = only("وكانت الحكومة أعلنت في وقت سابق عن خطة لترشيد الدعم.")
    assert (found.source, found.claim) == ("الحكومة", "خطة لترشيد الدعم")


def test_a_lone_clause_before_the_comma_is_not_a_subject() -> None:
    assert suggest("وبسؤاله عن موعد القرار، قال: «قريبا جدا».") == []


def test_a_reversed_quote_then_hakadha_and_the_verb() -> None:
    found = only("”الأسعار نار“، هكذا وصفت سعاد الوضع.")
    assert found.claim == "الأسعار نار" and found.source.startswith("سعاد")


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        (
            "ونفت د. هالة منصور في تصريحات صحفية وجود أي علاقة بين الحالات.",
            "د. هالة منصور",
            "وجود أي علاقة بين الحالات",
        ),
        ("وأعلن وزير الصحة في مؤتمر صحفي انطلاق الحملة غدا.", "وزير الصحة", "انطلاق الحملة غدا"),
    ],
)
def test_an_object_after_the_circumstance_that_ends_the_source(text: str, source: str, claim: str) -> None:
    found = only(text)
    assert (found.source, found.claim) == (source, claim)


@pytest.mark.parametrize("text", ["الأمر الذي يؤكد أن الأزمة عميقة.", "كل ذلك يشير إلى أن الأزمة عميقة."])
def test_a_relative_or_a_demonstrative_is_not_a_source(text: str) -> None:
    assert suggest(text) == []


def test_a_claim_ends_where_a_contrasting_report_begins() -> None:
    first, second = suggest("الشرطة قالت إن الأزمة عميقة، لكن شهودا قالوا إن الشرطة أطلقت النار.")
    assert (first.claim, second.source, second.claim) == ("الأزمة عميقة", "شهودا", "الشرطة أطلقت النار")
    assert only("قالت الشرطة إن الأزمة عميقة، لكن الحل قريب.").claim == "الأزمة عميقة، لكن الحل قريب"
