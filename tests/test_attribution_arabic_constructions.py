"""Arabic attribution: constructions the first round of press rules missed, one short text of our own each."""

from __future__ import annotations

import pytest

from reader.attribution import Suggestion, suggest


def only(text: str) -> Suggestion:
    found = suggest(text)
    assert len(found) == 1, [(s.verb, s.source, s.claim) for s in found]
    return found[0]


# --- بيّن (explained) and بين (between) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وبين مدير الدائرة أن الأعمال ستنتهي قريبا.", "مدير الدائرة"),
        ("وبيّن المتحدث باسم الوزارة أن الخطة جاهزة.", "المتحدث باسم الوزارة"),
        ("كما بين المهندس المشرف أن الجسر آمن.", "المهندس المشرف"),
        ("ويبيّن التقرير السنوي أن الفقر ازداد.", "التقرير السنوي"),
    ],
)
def test_bayyana_reports_at_the_head_of_a_sentence_or_with_its_shadda(text: str, source: str) -> None:
    found = only(text)
    assert found.source == source


@pytest.mark.parametrize(
    "text",
    [
        "وبين الطرفين خلاف قديم على الحدود.",
        "ووقعت اشتباكات بين الجيش والمسلحين قرب السوق.",
        "وبين الحكومة والنقابات أن يتفقوا على الأجور.",
        "الفرق بين الخطتين أن الأولى أرخص.",
    ],
)
def test_bayna_between_is_not_a_verb(text: str) -> None:
    assert suggest(text) == []


# --- Quotes over paragraphs ------------------------------------------------------------------------------


def test_a_quote_after_a_colon_runs_on_over_paragraphs() -> None:
    text = (
        "وقال رئيس البلدية سامر خليل:\n\n«الوضع صعب. نعمل ليلا ونهارا.\n\n"
        "ولن نتوقف حتى تعود المياه»، مضيفا أن الفرق جاهزة.\n"
    )
    found = only(text)
    assert found.source == "رئيس البلدية سامر خليل"
    assert found.claim.strip("«»") == "الوضع صعب. نعمل ليلا ونهارا.\n\nولن نتوقف حتى تعود المياه"


def test_a_quote_over_paragraphs_before_its_verb_is_the_claim_whole() -> None:
    text = "«لقد انتظرنا طويلا.\n\n«ولا أحد يسمعنا»، قال أحد السكان.\n"
    found = only(text)
    assert (found.source, found.named) == ("أحد السكان", False)
    assert found.claim == "لقد انتظرنا طويلا.\n\n«ولا أحد يسمعنا"


def test_a_stray_quote_mark_does_not_join_paragraphs() -> None:
    text = "«هذا عنوان\n\nوقال الوزير إن الخطة جاهزة.\n\nوأكد المدير أن «العمل بدأ» أمس.\n"
    assert [s.source for s in suggest(text)] == ["الوزير", "المدير"]


# --- Sources and where they end -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("«الأسعار نار»، هكذا وصفت ربة المنزل سعاد الوضع في السوق.", "ربة المنزل سعاد"),
        ("«لا ماء ولا كهرباء»، هكذا وصف أبو خالد حاله.", "أبو خالد"),
        ("«نحن في خطر»، هكذا علق وزير الزراعة على التقرير.", "وزير الزراعة"),
    ],
)
def test_so_described_leaves_the_object_out_of_the_source(text: str, source: str) -> None:
    found = only(text)
    assert found.source == source and found.pattern == "quote"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقال، في مؤتمر صحفي عقده أمس، وزير المالية خالد يوسف إن العجز تراجع.", "وزير المالية خالد يوسف"),
        ("وأكدت، في بيان صدر اليوم، وزارة الصحة أن الحالات في تراجع.", "وزارة الصحة"),
        ("وأوضح، من جهته، مدير المرفأ أن السفن وصلت.", "مدير المرفأ"),
    ],
)
def test_a_circumstance_between_commas_before_the_source(text: str, source: str) -> None:
    found = only(text)
    assert found.source == source and found.pattern == "verb-source"


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        (
            "وحسب المرصد الوطني ارتفعت الأسعار بنسبة عشرة في المئة.",
            "المرصد الوطني",
            "ارتفعت الأسعار بنسبة عشرة في المئة",
        ),
        ("وبحسب وزارة الزراعة تراجع الإنتاج هذا العام.", "وزارة الزراعة", "تراجع الإنتاج هذا العام"),
        ("وحسب الوزارة لم تسجل أي إصابات جديدة.", "الوزارة", "لم تسجل أي إصابات جديدة"),
    ],
)
def test_according_to_with_neither_comma_nor_complementiser(text: str, source: str, claim: str) -> None:
    found = only(text)
    assert (found.source, found.claim) == (source, claim)


@pytest.mark.parametrize(
    "text",
    [
        "بحسب الخطة الجديدة تبدأ الأعمال غدا.",  # a plan, not someone's word
        "وحسب وزير المالية مدحت سالم ارتفع العجز.",  # a title may go on with a name: where does it end?
        "وحسب الحاجة توزعت المساعدات على القرى.",
    ],
)
def test_according_to_without_a_clear_end_gives_nothing(text: str) -> None:
    assert suggest(text) == []


@pytest.mark.parametrize(
    ("text", "source"), [("وقال أبو علي إن الوضع صعب.", "أبو علي"), ("وقال سمير علي إن الأسعار ارتفعت.", "سمير علي")]
)
def test_the_name_ali_is_not_the_preposition_before_an(text: str, source: str) -> None:
    assert only(text).source == source


def test_ala_an_after_a_definite_source_stays_a_complementiser() -> None:
    found = only("وأكد الوزير على أن الوضع صعب.")
    assert (found.source, found.claim) == ("الوزير", "الوضع صعب")


# --- Where a claim ends ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("وقالت الوزارة إن عدد المصابين بلغ 300 حالة، وهو رقم لم يسجل منذ سنوات.", "عدد المصابين بلغ 300 حالة"),
        ("وأعلن البنك المركزي أن التضخم بلغ 12%، وهي نسبة قياسية.", "التضخم بلغ 12%"),
    ],
)
def test_a_writers_closing_comment_ends_the_claim(text: str, claim: str) -> None:
    assert only(text).claim == claim


def test_an_apposition_inside_the_claim_does_not_end_it() -> None:
    found = only("وقال الوزير إن الشركة، وهي أكبر مصدر للنفط، ستخفض الإنتاج.")
    assert found.claim == "الشركة، وهي أكبر مصدر للنفط، ستخفض الإنتاج"


def test_a_report_inside_a_baada_an_clause() -> None:
    found = only("وتراجعت الأسعار بعد أن قال وزير التجارة إن المخزون كاف.")
    assert (found.source, found.claim) == ("وزير التجارة", "المخزون كاف")


# --- أعرب عن: what was voiced is the claim ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("وأعرب رئيس الوزراء عن اعتقاده بأن الأزمة ستنتهي قريبا.", "رئيس الوزراء", "الأزمة ستنتهي قريبا"),
        ("الوزير أعرب عن ثقته بأن الخطة ستنجح.", "الوزير", "الخطة ستنجح"),
        ("وأعرب وزير الخارجية عن قلقه من التصعيد، داعيا إلى التهدئة.", "وزير الخارجية", "قلقه من التصعيد"),
        ("وأعربت المنظمة عن «قلق بالغ» إزاء التقارير.", "المنظمة", "«قلق بالغ» إزاء التقارير"),
    ],
)
def test_expressed_is_a_report_of_what_was_voiced(text: str, source: str, claim: str) -> None:
    found = only(text)
    assert (found.source, found.claim) == (source, claim)


def test_expressed_keeps_the_role_and_skips_the_anonymity_clause() -> None:
    text = "وأعرب رئيس الجمعية، سامي نور، عن تفاؤله بالموسم."
    assert (only(text).source, only(text).role) == ("رئيس الجمعية", "سامي نور")
    found = only("وأعرب مدير في أحد البنوك، طلب عدم نشر اسمه، عن تفاؤله بالطلب.")
    assert (found.source, found.named, found.claim) == ("مدير في أحد البنوك", False, "تفاؤله بالطلب")


# --- Subheadings ----------------------------------------------------------------------------------------------


def test_a_subheading_in_the_body_speaks_for_an_office_or_a_body() -> None:
    text = (
        "أزمة الكهرباء تتفاقم\n\nقال مدير الشبكة إن الأعطال كثيرة.\n\n"
        "النقابة: لا تراجع عن الإضراب\n\nوتعطلت المحطات أمس.\n"
    )
    heads = [s for s in suggest(text) if s.pattern == "headline"]
    assert [(s.source, s.claim) for s in heads] == [("النقابة", "لا تراجع عن الإضراب")]


@pytest.mark.parametrize(
    "text",
    [
        "بدأ المعرض أمس.\n\nالموعد: الأحد المقبل في الساعة العاشرة صباحا\n\nوانتهى اليوم الأول.\n",
        "بدأ المعرض أمس.\n\nسامي نور: زرت المعرض ثلاث مرات هذا العام\n\nوانتهى اليوم الأول.\n",
        "بدأ البث.\n\nالوزير: شكرا لكم على الاستضافة الكريمة\n\nالمذيعة: ما رأيكم في الأزمة الحالية\n\n"
        "الوزير: الأزمة ستنتهي قريبا جدا\n",
    ],
)
def test_body_lines_that_are_not_subheadings_of_a_source(text: str) -> None:
    assert [s for s in suggest(text) if s.pattern == "headline"] == []


def test_speaker_tags_at_the_top_are_turns_not_headlines() -> None:
    text = (
        "المذيعة: أهلا بكم في البرنامج\n\nالوزير: شكرا لكم على الاستضافة\n\n"
        "المذيعة: ما رأيكم في الأزمة\n\nالوزير: الأزمة ستنتهي قريبا جدا\n"
    )
    assert [s for s in suggest(text) if s.pattern == "headline"] == []


def test_a_link_headline_under_read_also() -> None:
    text = "بدأ العمل أمس.\n\nاقرأ أيضا\n\nسامي نور: الفريق جاهز للمباراة المقبلة\n\nوانتهى الأمر.\n"
    heads = [s for s in suggest(text) if s.pattern == "headline"]
    assert [(s.source, s.named) for s in heads] == [("سامي نور", True)]


# --- More reporting phrases and relays --------------------------------------------------------------------


def test_on_the_authority_of_is_a_reporting_phrase() -> None:
    found = only("وعلى ذمة مصادر محلية، فإن القصف استهدف منطقة سكنية.")
    assert (found.source, found.named, found.claim) == ("مصادر محلية", False, "القصف استهدف منطقة سكنية")


def test_nasabat_relays_to_the_one_quoted() -> None:
    found = only("ونسبت الوكالة إلى مسؤول في الوزارة قوله إن التحقيق بدأ.")
    assert (found.source, found.relay, found.named) == ("مسؤول في الوزارة", "الوكالة", False)


def test_rates_are_not_a_relay() -> None:
    assert suggest("وارتفعت نسب البطالة إلى أن بلغت عشرين في المئة.") == []


def test_a_spokesman_for_a_body_is_one_source_before_an_object() -> None:
    found = only("ونفى المتحدث باسم الحكومة وجود أي خلاف داخل الائتلاف.")
    assert (found.source, found.claim) == ("المتحدث باسم الحكومة", "وجود أي خلاف داخل الائتلاف")


def test_a_speech_after_the_source_is_a_circumstance() -> None:
    found = only("«نحن مستعدون للحوار»، قال الرئيس في خطاب متلفز.")
    assert (found.source, found.claim) == ("الرئيس", "نحن مستعدون للحوار")


# --- From the second dev batch's misses, in sentences of our own ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقال دبلوماسي غربي لكاتب هذه السطور إن المهلة انتهت.", "دبلوماسي غربي"),
        ("وأكد موظفون تحدثوا لمراسل الصحيفة أن الرواتب تأخرت.", "موظفون تحدثوا لمراسل الصحيفة"),
        ("ويرد مسؤولون في الحزب بأن الاتهامات باطلة.", "مسؤولون في الحزب"),
        ("«حل وسط قد يصمد»، هكذا يلخص وزير سابق الموقف الحالي.", "وزير سابق"),
        ("وحسب المصدر ذاته، فإن الشحنة وصلت.", "المصدر ذاته"),
    ],
)
def test_where_a_source_ends(text: str, source: str) -> None:
    assert only(text).source == source


def test_how_it_was_said_is_not_a_source() -> None:
    assert suggest("وأضاف ضاحكا: «ولا الصبر أيضا».") == []


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("وكانت النقابة قد حذرت من «انهيار القطاع» في المدن.", "النقابة", "«انهيار القطاع» في المدن"),
        ("وحذر النائب عن دائرة الشمال سامي نور من انهيار السد.", "النائب عن دائرة الشمال سامي نور", "انهيار السد"),
        ("وحذر مسؤول من الوزارة من انهيار السد، مشيرا إلى الشقوق.", "مسؤول من الوزارة", "انهيار السد"),
    ],
)
def test_an_object_after_its_particle(text: str, source: str, claim: str) -> None:
    found = only(text)
    assert (found.source, found.claim) == (source, claim)


def test_an_outlet_relaying_the_sentences_own_subject_is_not_the_source() -> None:
    found = only("وكانت الوزارة قد حذرت من موجة حر، بحسب ما نقلته عنها وكالة محلية.")
    assert found.source == "الوزارة"


def test_the_phrases_own_verb_gives_no_second_suggestion() -> None:
    found = only('ويبدأ التسجيل في الأول من الشهر، حسبما أعلنت شركة "النور"، الجهة المنظمة.')
    assert (found.source, found.pattern) == ('شركة "النور"', "according-to")


def test_a_writers_comment_that_quotes_the_source_stays_in_the_claim() -> None:
    found = only('وقال الوزير إن العجز بلغ 5%، وهو "الأدنى منذ عقد".')
    assert found.claim == 'العجز بلغ 5%، وهو "الأدنى منذ عقد"'


def test_among_them_goes_on_with_the_claim() -> None:
    found = only("وقالت مصادر طبية إن 40 شخصا أصيبوا، بينهم أطفال، في القصف.")
    assert found.claim == "40 شخصا أصيبوا، بينهم أطفال، في القصف"


def test_a_full_stop_without_a_space_ends_a_sentence() -> None:
    found = suggest("وقال الوزير إن العمل بدأ.وأكد المدير أن الخطة جاهزة. وقالت د.ليلى نور إن الموعد ثابت.")
    assert [(s.source, s.claim) for s in found] == [
        ("الوزير", "العمل بدأ"),
        ("المدير", "الخطة جاهزة"),
        ("د.ليلى نور", "الموعد ثابت"),
    ]


def test_a_straight_quote_over_paragraphs() -> None:
    text = 'وقال المدير في مؤتمر صحفي: "نبدأ غدا.\n\n"وننتهي بعد شهر".\n'
    found = only(text)
    assert found.source == "المدير" and found.claim.strip('"') == 'نبدأ غدا.\n\n"وننتهي بعد شهر'


def test_a_dateline_and_byline_is_no_headline() -> None:
    text = "وهران: سامي بن علي\n\nارتفعت الأسعار في الأسواق هذا الأسبوع.\n"
    assert suggest(text) == []


def test_a_body_named_in_quotes_does_not_name_its_member() -> None:
    (found,) = suggest('يقول نائب بارز في كتلة "الأمل" إن فريقه لن يشارك.')
    assert (found.source, found.named) == ('نائب بارز في كتلة "الأمل"', False)


def test_according_to_an_outlet_named_in_quotes_then_a_clause() -> None:
    found = only("وحسب موقع «الخبر اليوم» فيه توجه لرفع الأسعار.")
    assert (found.source, found.claim) == ("موقع «الخبر اليوم»", "فيه توجه لرفع الأسعار")


def test_a_quote_after_the_source_and_a_comma() -> None:
    found = only('يبقى أن المدير، كما قال لي أحد زملائه قبل أيام، "رجل عنيد، لكنه عادل".')
    assert (found.source, found.claim, found.named) == ("أحد زملائه", "رجل عنيد، لكنه عادل", False)


def test_an_outlet_told_by_the_tail_of_its_name() -> None:
    found = only("وقال المتحدث باسم الوزارة سامي نور للرافدين نيوز إن الخطة جاهزة.")
    assert found.source == "المتحدث باسم الوزارة سامي نور"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("وقال المدير: «نبدأ غدا.\n\n«وننتهي بعد شهر».\n", True),
        ('وقال المدير: "نبدأ غدا.\n\n"وننتهي بعد شهر".\n', True),
        ('وقال المدير إن "الخطة جاهزة"، وإن الموعد "ثابت".\n', False),
    ],
)
def test_quoted_is_the_whole_claim_in_marks_over_paragraphs_too(text: str, quoted: bool) -> None:
    assert only(text).quoted is quoted


def test_based_on_is_a_reporting_phrase_but_not_for_a_law() -> None:
    found = only("واستنادا إلى بيانات وزارة الزراعة، فإن المحصول تراجع بنسبة الثلث.")
    assert (found.source, found.claim) == ("بيانات وزارة الزراعة", "المحصول تراجع بنسبة الثلث")
    assert suggest("واستنادا إلى القانون، قررت المحكمة تأجيل الجلسة.") == []
    assert suggest("ووفقا للقانون، فإن الانتخابات تجري كل أربع سنوات.") == []


def test_a_relative_clause_between_the_source_and_fa_inna() -> None:
    found = only("وبحسب سامي نور، الذي تحدث لـ«الأيام»، فإن السوق راكدة.")
    assert (found.source, found.claim) == ("سامي نور", "السوق راكدة")


def test_a_quote_before_the_verb_wins_over_the_participles_an() -> None:
    found = only("«لن نتراجع»، قال رئيس النقابة، مضيفا أن الإضراب مستمر.")
    assert (found.source, found.claim, found.pattern) == ("رئيس النقابة", "لن نتراجع", "quote")


def test_who_a_relative_clause_spoke_to_stays_in_the_source() -> None:
    found = only("وتوقع خبراء اقتصاديون تحدثوا للجزيرة أن يرتفع التضخم.")
    assert (found.source, found.named) == ("خبراء اقتصاديون تحدثوا للجزيرة", False)


def test_a_thing_that_reveals_is_not_a_source() -> None:
    assert suggest("وكشف الحريق عن ضعف الاستعدادات.") == []


def test_warad_replied_with_a_source_and_in_reply_ending_a_source() -> None:
    found = only("ورد المتحدث باسم الحكومة على هذه الانتقادات بالقول إن الإصلاح يحتاج إلى وقت.")
    assert (found.source, found.claim) == ("المتحدث باسم الحكومة", "الإصلاح يحتاج إلى وقت")
    found = only("وقال المتحدث باسم الحكومة ردا على الانتقادات إن الإصلاح يحتاج إلى وقت.")
    assert found.source == "المتحدث باسم الحكومة"
    assert only("وورد في التقرير أن العجز كبير.").source == "التقرير"
    assert only("وقال المشرف على المشروع إن العمل بدأ.").source == "المشرف على المشروع"


def test_an_object_after_a_circumstance_and_the_verbs_particle() -> None:
    found = only("من جهته، حذر صندوق النقد الدولي في تقريره الأخير من «مخاطر عدم الاستقرار».")
    assert (found.source, found.claim) == ("صندوق النقد الدولي", "«مخاطر عدم الاستقرار»")


def test_a_link_headline_on_the_read_also_line() -> None:
    text = "ارتفعت الأسعار هذا الأسبوع.\n\nاقرأ أيضا: وزير المالية: الموازنة الجديدة بلا عجز\n\nوتراجع الطلب.\n"
    (found,) = suggest(text)
    assert (found.source, found.claim, found.pattern) == ("وزير المالية", "الموازنة الجديدة بلا عجز", "headline")


def test_page_labels_with_colons_do_not_make_a_transcript() -> None:
    text = (
        "الرئيسية: اقتصاد\n\nارتفعت الأسعار هذا الأسبوع.\n\nالنقابة: لا تراجع عن الإضراب\n\n"
        "وتراجع الطلب.\n\nكلمات مفتاحية: الأسعار، الطلب\n"
    )
    assert [s.source for s in suggest(text)] == ["النقابة"]


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("ووصف الوزير الوضع بأنه «كارثي».", "الوزير", "«كارثي»"),
        ("ووصف وزير المالية هذه الخطوة بأنها ضرورية.", "وزير المالية", "ضرورية"),
        ("ووصفت منظمة العفو الدولية الاتفاق بأنه تاريخي.", "منظمة العفو الدولية", "تاريخي"),
    ],
)
def test_described_leaves_what_was_described_out_of_the_source(text: str, source: str, claim: str) -> None:
    found = only(text)
    assert (found.source, found.claim) == (source, claim)


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("ونفت مصادر في الرئاسة لـ«الشرق الأوسط» صحة هذه الأنباء.", "مصادر في الرئاسة", "صحة هذه الأنباء"),
        ("ونفى الوزير للصحفيين أي نية للاستقالة.", "الوزير", "أي نية للاستقالة"),
    ],
)
def test_who_was_told_ends_the_source_before_an_object(text: str, source: str, claim: str) -> None:
    found = only(text)
    assert (found.source, found.claim) == (source, claim)


def test_a_body_with_lil_in_its_name_is_not_who_was_told() -> None:
    assert all(s.source != "الأمين العام" for s in suggest("وأعلن الأمين العام للأمم المتحدة انطلاق المؤتمر."))


@pytest.mark.parametrize(
    ("text", "source", "named"),
    [
        ("المذيع: طيب، تقرير الجهاز المركزي قال إن التكلفة زادت.", "تقرير الجهاز المركزي", True),
        ("الضيف: في ناس بتقول إن المشكلة في التمويل.", "ناس", False),
    ],
)
def test_spoken_openers_and_there_are_people(text: str, source: str, named: bool) -> None:
    found = only(text)
    assert (found.source, found.named) == (source, named)


def test_a_spoken_demonstrative_is_never_a_source() -> None:
    assert suggest("الضيف: وده اللي أنا حذرت منه من زمان.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وأظهرت بيانات رسمية صدرت اليوم أن التضخم تباطأ.", "بيانات رسمية"),
        ("ووفقا لما أوردته صحيفة «الرياض»، فإن المشروع سيبدأ العام المقبل.", "صحيفة «الرياض»"),
        ("وأوردت الصحيفة أن المشروع تأخر.", "الصحيفة"),
    ],
)
def test_issued_today_ends_a_source_and_awrada_reports(text: str, source: str) -> None:
    assert only(text).source == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("والتقى الرئيس بالوفد الذي أكد أن المساعدات ستصل.", "الوفد"),
        ("والتقى الرئيس بوزير الخارجية الذي أكد أن المساعدات ستصل.", "وزير الخارجية"),
        ("وانتقد النائب الحكومة التي قالت إن الأزمة انتهت.", "الحكومة"),
    ],
)
def test_the_noun_a_relative_clause_hangs_on_reports(text: str, source: str) -> None:
    found = only(text)
    assert found.source == source and found.pattern == "source-verb"


def test_a_relative_clause_on_a_thing_gives_no_source() -> None:
    assert suggest("وزار الوفد المصنع الذي أنتج ألف سيارة.") == []


def test_a_headline_source_named_in_quotes() -> None:
    text = "«الصحة العالمية»: الكوليرا تنتشر في ثلاث محافظات\n\nأعلنت المنظمة أن الحالات تتزايد.\n"
    heads = [s for s in suggest(text) if s.pattern == "headline"]
    assert [(s.source, s.claim) for s in heads] == [("الصحة العالمية", "الكوليرا تنتشر في ثلاث محافظات")]


def test_but_he_pointed_out_ends_the_claim() -> None:
    found = only("وأكد المدير أن العمل بدأ، لكنه أشار إلى أن التمويل ناقص.")
    assert found.claim == "العمل بدأ"
