"""Persian attribution rules, second round: forms and phrases the first rules missed, one sentence of our own each."""

from __future__ import annotations

import pytest

from reader.annotations.model import SOURCE_TYPES
from reader.attribution import Suggestion, suggest


def only(text: str) -> Suggestion:
    found = suggest(text)
    assert len(found) == 1, [(s.verb, s.source) for s in found]
    one = found[0]
    assert text[one.source_span[0] : one.source_span[1]] == one.source
    assert text[one.verb_span[0] : one.verb_span[1]] == one.verb
    assert text[one.claim_span[0] : one.claim_span[1]] == one.claim
    assert one.source_type in SOURCE_TYPES
    return one


@pytest.mark.parametrize(
    ("text", "verb", "source"),
    [
        ("رئیس سازمان بنادر هفته آینده خواهد گفت که تعرفه‌ها چه می‌شود.", "خواهد گفت", "رئیس سازمان بنادر"),
        ("شرکت ملی گاز اعلام خواهد کرد که سهمیه صنایع چقدر است.", "اعلام خواهد کرد", "شرکت ملی گاز"),
        ("وزیر کشاورزی گفته است که خرید تضمینی گندم ادامه دارد.", "گفته است", "وزیر کشاورزی"),
        ("مدیر بندر گفته بود که کشتی‌ها معطل نمی‌مانند.", "گفته بود", "مدیر بندر"),
        ("رانندگان تاکسی می‌گویند که کرایه‌ها کفاف هزینه را نمی‌دهد.", "می‌گویند", "رانندگان تاکسی"),
        ("مسئولان بیمارستان اعلام کرده‌اند که بخش سوختگی باز می‌ماند.", "اعلام کرده‌اند", "مسئولان بیمارستان"),
        ("فرماندار شهر ابراز امیدواری کرد که جاده تا زمستان باز شود.", "ابراز امیدواری کرد", "فرماندار شهر"),
        ("رئیس دانشکده یادآوری کرد که ثبت‌نام فقط اینترنتی است.", "یادآوری کرد", "رئیس دانشکده"),
        ("مدیر مدرسه اذعان کرد که کلاس‌ها شلوغ است.", "اذعان کرد", "مدیر مدرسه"),
        ("سخنگوی اتحادیه افزوده است که اعتصاب ادامه می‌یابد.", "افزوده است", "سخنگوی اتحادیه"),
        ("معاون وزیر هشدار داده که ذخیره سدها کم است.", "هشدار داده", "معاون وزیر"),
        ("نماینده شهر مدعی است که بودجه پل جابه‌جا شده است.", "مدعی است", "نماینده شهر"),
    ],
)
def test_more_verb_forms_are_reporting_verbs(text: str, verb: str, source: str) -> None:
    found = only(text)
    assert (found.verb, found.source) == (verb, source)


def test_a_plural_participle_noun_is_not_a_verb() -> None:
    found = only("بر پایه داده‌های مرکز آمار، بیکاری کم شده است.")
    assert found.verb == "بر پایه" and found.source == "داده‌های مرکز آمار"


def test_expressed_hope_needs_a_clause_after_it() -> None:
    assert suggest("رئیس باشگاه ابراز امیدواری کرد.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("سازمان حمایت از تولیدکنندگان اعلام کرد که قیمت شیر ثابت می‌ماند.", "سازمان حمایت از تولیدکنندگان"),
        ("ستاد مقابله با آنفلوآنزا اعلام کرد که مدارس باز می‌مانند.", "ستاد مقابله با آنفلوآنزا"),
        ("انجمن دفاع از حقوق بیماران هشدار داد که داروی سرطان کمیاب است.", "انجمن دفاع از حقوق بیماران"),
        ("ستاد رسیدگی به امور زائران اعلام کرد که پروازها به موقع است.", "ستاد رسیدگی به امور زائران"),
        ("دبیر روزنامه صبح نو گفت که نسخه کاغذی تعطیل نمی‌شود.", "دبیر روزنامه صبح نو"),
    ],
)
def test_a_preposition_or_time_word_inside_a_name_does_not_cut_it(text: str, source: str) -> None:
    assert only(text).source == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("مدیر کارخانه از کارگران خبر داد که حقوق‌ها پرداخت شد.", "مدیر کارخانه"),
        ("سخنگوی روزنامه امروز گفت که چاپ متوقف نمی‌شود.", "سخنگوی روزنامه"),
        ("وزیر نیرو با نمایندگان گفت که سدها پر است.", "وزیر نیرو"),
    ],
)
def test_a_preposition_after_a_plain_subject_still_ends_it(text: str, source: str) -> None:
    assert only(text).source == source


def test_anaphoric_noun_source_after_a_named_one_is_named() -> None:
    text = "کیوان راد، کارشناس بازار سرمایه، گفت که شاخص بالا می‌رود. این کارشناس افزود که سرمایه‌گذاران محتاط‌اند."
    found = suggest(text)
    assert [(s.source, s.named) for s in found] == [("کیوان راد", True), ("این کارشناس", True)]


def test_anaphoric_noun_source_after_an_anonymous_one_is_anonymous() -> None:
    text = "یک مقام آگاه در وزارت نفت گفت که صادرات بالا رفته است. این مقام افزود که قراردادها تمدید شده است."
    found = suggest(text)
    assert [(s.source, s.named) for s in found] == [("یک مقام آگاه در وزارت نفت", False), ("این مقام", False)]


def test_anaphoric_noun_source_alone_takes_its_heads_reading() -> None:
    assert only("این مقام مسئول تأکید کرد که پرداخت وام‌ها ادامه دارد.").named
    assert not only("این منبع گفت که جلسه لغو شده است.").named
    found = only("از دید این اقتصاددان، رکود ادامه دارد.")
    assert (found.verb, found.source, found.source_type) == ("از دید", "این اقتصاددان", "expert")


@pytest.mark.parametrize("text", ["این روزها گفته می‌شود که بازار راکد است.", "این موضوع را همه گفته‌اند."])
def test_a_demonstrative_before_a_thing_is_no_source(text: str) -> None:
    assert suggest(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "روز دوشنبه در مشهد مدیرکل بهزیستی گفت که مستمری‌ها افزایش می‌یابد.",
        "دیروز مدیرکل بهزیستی گفت که مستمری‌ها افزایش می‌یابد.",
        "عصر روز سه‌شنبه مدیرکل بهزیستی گفت که مستمری‌ها افزایش می‌یابد.",
        "هفته گذشته در شیراز مدیرکل بهزیستی گفت که مستمری‌ها افزایش می‌یابد.",
    ],
)
def test_a_time_and_place_before_the_subject_without_a_comma_are_skipped(text: str) -> None:
    found = only(text)
    assert (found.source, found.verb) == ("مدیرکل بهزیستی", "گفت")


def test_a_number_before_the_subject_is_not_skipped_as_a_day() -> None:
    found = only("سه کارشناس گفتند که بورس ریزش می‌کند.")
    assert found.source == "سه کارشناس" and not found.named


def test_as_x_said_the_claim_is_the_main_clause() -> None:
    found = only("همان‌طور که رئیس پلیس گفت، تصادف‌ها در تعطیلات کم شده است.")
    assert (found.source, found.verb, found.claim) == ("رئیس پلیس", "گفت", "تصادف‌ها در تعطیلات کم شده است")


def test_an_object_opening_with_a_demonstrative_ends_the_subject() -> None:
    found = only("سخنگوی شهرداری این ادعا را رد کرد و گفت که قرارداد قانونی بوده است.")
    assert (found.source, found.verb, found.claim) == ("سخنگوی شهرداری", "گفت", "قرارداد قانونی بوده است")


def test_an_object_opening_with_a_word_for_news_is_the_claim() -> None:
    found = only("اداره آموزش و پرورش خبر تعطیلی مدارس را تکذیب کرد.")
    assert (found.source, found.claim) == ("اداره آموزش و پرورش", "خبر تعطیلی مدارس")


def test_an_object_with_no_cue_gives_no_suggestion() -> None:
    assert suggest("مدیر کارخانه قرارداد تازه را تأیید کرد.") == []


@pytest.mark.parametrize(
    ("text", "source", "named"),
    [
        ("کمبود شیر؛ دامداران: قیمت خرید پایین است", "دامداران", False),
        ("تعطیلی مدارس؛ استاندار: تصمیم فردا گرفته می‌شود", "استاندار", True),
    ],
)
def test_headline_one_word_source_after_a_break(text: str, source: str, named: bool) -> None:
    found = only(text)
    assert (found.verb, found.source, found.named, found.pattern) == (":", source, named, "headline")


def test_headline_one_word_without_a_break_is_a_speaker_tag_not_a_source() -> None:
    assert suggest("مجری: به برنامه خوش آمدید") == []
    assert suggest("کاظمی: ما هر روز صف داریم") == []


def test_a_quotation_over_several_paragraphs_is_one_claim() -> None:
    text = (
        "نادر شیرازی، مدیر شبکه آبیاری، گفت: «کانال‌ها ده سال لایروبی نشده‌اند.\n\n"
        "«کشاورزان گفتند که آب به مزرعه‌ها نمی‌رسد.\n\n"
        "«اگر امسال کاری نشود، باغ‌ها خشک می‌شوند.»\n\n"
        "مدیرکل آب منطقه‌ای گفت که بودجه لایروبی تصویب شده است."
    )
    found = suggest(text)
    assert [s.source for s in found] == ["نادر شیرازی", "مدیرکل آب منطقه‌ای"]
    assert found[0].claim.startswith("«کانال") and found[0].claim.endswith("خشک می‌شوند.»")
    assert found[0].quoted


def test_says_with_a_colon_and_the_quotation_in_the_next_paragraphs() -> None:
    text = "سیما فرهادی می‌گوید:\n\n«اجاره‌ها دو برابر شده است.\n\n«خانواده‌ها به حاشیه شهر می‌روند.»"
    found = only(text)
    assert found.source == "سیما فرهادی" and found.quoted
    assert found.claim.endswith("حاشیه شهر می‌روند.»")


def test_an_unclosed_stray_mark_makes_no_long_quotation() -> None:
    text = "وزیر گفت: «بودجه کافی است.\n\nمدیرکل بودجه گفت که اعتبارات ابلاغ شده است."
    assert [s.source for s in suggest(text)] == ["وزیر", "مدیرکل بودجه"]


@pytest.mark.parametrize(
    "text",
    [
        "مدیرکل گمرک اوایل هفته جاری گفت که ترخیص کالا سریع‌تر شده است.",
        "مدیرکل گمرک چند روز پیش گفت که ترخیص کالا سریع‌تر شده است.",
        "مدیرکل گمرک دو هفته قبل گفت که ترخیص کالا سریع‌تر شده است.",
        "مدیرکل گمرک شب گذشته گفت که ترخیص کالا سریع‌تر شده است.",
        "چند روز پیش مدیرکل گمرک گفت که ترخیص کالا سریع‌تر شده است.",
    ],
)
def test_a_counted_or_vague_time_after_the_subject_ends_it(text: str) -> None:
    assert only(text).source == "مدیرکل گمرک"


def test_a_relative_clause_between_commas_is_no_role() -> None:
    found = only("نسرین پاکزاد، که ده سال در این کارخانه کار کرده است، گفت که دستمزدها عقب افتاده است.")
    assert (found.source, found.role, found.claim) == ("نسرین پاکزاد", "", "دستمزدها عقب افتاده است")


def test_close_to_is_part_of_an_anonymous_source() -> None:
    found = only("یک منبع نزدیک به هیئت مدیره گفت که مدیرعامل برکنار می‌شود.")
    assert found.source == "یک منبع نزدیک به هیئت مدیره" and not found.named


def test_particle_between_commas_in_the_middle_of_a_sentence() -> None:
    text = "کرایه‌ها، به گفته رئیس اتحادیه تاکسیرانی، از اول ماه بالا می‌رود."
    found = only(text)
    assert (found.verb, found.source) == ("به گفته", "رئیس اتحادیه تاکسیرانی")
    assert found.claim == "کرایه‌ها، به گفته رئیس اتحادیه تاکسیرانی، از اول ماه بالا می‌رود"


@pytest.mark.parametrize(
    "text",
    [
        "با این حال رانندگان اتوبوس می‌گویند که حقوقشان پرداخت نشده است.",
        "در همین حال رانندگان اتوبوس می‌گویند که حقوقشان پرداخت نشده است.",
        "از سوی دیگر رانندگان اتوبوس می‌گویند که حقوقشان پرداخت نشده است.",
        "پیش‌تر نیز رانندگان اتوبوس گفته بودند که حقوقشان پرداخت نشده است.",
    ],
)
def test_a_linking_phrase_before_the_subject_without_a_comma_is_skipped(text: str) -> None:
    found = only(text)
    assert found.source == "رانندگان اتوبوس" and not found.named


def test_a_time_adverb_alone_is_never_a_source() -> None:
    assert suggest("پیشتر هشدار داده بودند که مخزن نشت دارد.") == []


def test_amma_after_the_topic_does_not_cut_the_subject_off() -> None:
    found = only("سازمان برنامه اما معتقد است بودجه عمرانی کافی است.")
    assert (found.source, found.claim) == ("سازمان برنامه", "بودجه عمرانی کافی است")


def test_amma_after_a_comma_still_opens_a_new_clause() -> None:
    found = suggest("شهرداری اعلام کرد که خط تازه آماده است، اما ساکنان می‌گویند ایستگاه‌ها بسته است.")
    assert [s.source for s in found] == ["شهرداری", "ساکنان"]


def test_a_bare_plural_of_reports_is_no_source() -> None:
    assert suggest("بنا به گزارش‌ها، نشست بعدی در تبریز برگزار می‌شود.") == []
    assert only("طبق داده‌های گمرک، واردات چای کم شد.").source == "داده‌های گمرک"


@pytest.mark.parametrize(
    "text",
    [
        "رئیس دیوان محاسبات در بخش دیگری از سخنانش گفت که تخلفات بررسی می‌شود.",
        "رئیس دیوان محاسبات در یک برنامه تلویزیونی گفت که تخلفات بررسی می‌شود.",
        "رئیس دیوان محاسبات در صحن علنی مجلس گفت که تخلفات بررسی می‌شود.",
        "رئیس دیوان محاسبات در آیین معارفه مدیران گفت که تخلفات بررسی می‌شود.",
    ],
)
def test_more_circumstances_after_dar_end_the_subject(text: str) -> None:
    assert only(text).source == "رئیس دیوان محاسبات"


def test_a_place_after_dar_stays_in_an_anonymous_source() -> None:
    found = only("یک کارمند در یک شرکت پخش گفت که حقوق‌ها دیر می‌رسد.")
    assert found.source == "یک کارمند در یک شرکت پخش" and not found.named


@pytest.mark.parametrize(
    ("text", "verb", "source"),
    [
        ("از منظر این حقوقدان، قرارداد باطل است.", "از منظر", "این حقوقدان"),
        ("از دیدگاه سازمان بازرسی، مناقصه قانونی نبود.", "از دیدگاه", "سازمان بازرسی"),
        ("به تعبیر رئیس اتاق اصناف، بازار در رکود است.", "به تعبیر", "رئیس اتاق اصناف"),
        ("به قول یکی از مسافران، قطار دو ساعت تأخیر داشت.", "به قول", "یکی از مسافران"),
        ("به گفته‌ی مدیر ایستگاه، قطار دو ساعت تأخیر داشت.", "به گفته‌ی", "مدیر ایستگاه"),
    ],
)
def test_more_viewpoint_particles(text: str, verb: str, source: str) -> None:
    found = only(text)
    assert (found.verb, found.source, found.pattern) == (verb, source, "according-to")


def test_as_the_saying_goes_is_no_source() -> None:
    assert suggest("به قول معروف، کار از کار گذشته است.") == []


def test_a_compound_verb_before_a_plural_noun_is_no_verb() -> None:
    from reader.attribution.persian_words import VERB_RE, pnorm

    assert VERB_RE.search(pnorm("بر پایه گزارش داده‌های مرکز")) is None
    assert VERB_RE.search(pnorm("وزیر گزارش داده که")) is not None


def test_an_acronym_in_brackets_stays_in_the_source() -> None:
    found = only("به گزارش خبرنگار خبرگزاری دانشجویان ایران (ایسنا)، کلاس‌ها فردا تعطیل است.")
    assert found.source == "خبرنگار خبرگزاری دانشجویان ایران (ایسنا)"


def test_in_defence_of_is_a_circumstance() -> None:
    found = only("وزیر راه در دفاع از بودجه تأکید کرد که پروژه‌ها نیمه‌کاره نمی‌ماند.")
    assert found.source == "وزیر راه"


def test_a_report_after_a_document_particle_is_the_source() -> None:
    found = only("بر اساس گزارش دیوان محاسبات، بدهی دولت دو برابر شده است.")
    assert (found.verb, found.source, found.source_type) == ("بر اساس", "گزارش دیوان محاسبات", "document")


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("داده‌های سامانه ثبت معاملات حکایت از آن دارد که قیمت خانه ثابت مانده است.", "حکایت از آن دارد"),
        ("آمار گمرک حاکی است که صادرات میوه کم شده است.", "حاکی است"),
    ],
)
def test_a_document_tells_that(text: str, verb: str) -> None:
    found = only(text)
    assert found.verb == verb and found.named


def test_a_lesson_tells_nothing() -> None:
    assert suggest("تجربه سال‌های گذشته حکایت از آن دارد که بازار آرام نمی‌ماند.") == []


def test_amma_right_before_the_verb_after_a_role_keeps_the_subject() -> None:
    found = only("مدیر اتحادیه نانوایان، حمید صالحی، اما معتقد است نرخ تازه کافی نیست.")
    assert (found.source, found.role, found.claim) == ("مدیر اتحادیه نانوایان", "حمید صالحی", "نرخ تازه کافی نیست")


@pytest.mark.parametrize(
    ("text", "verb", "source"),
    [
        ("از سوی روابط عمومی فرودگاه اعلام شد که پروازها برقرار است.", "اعلام شد", "روابط عمومی فرودگاه"),
        ("در این جلسه از طرف معاون وزیر تأکید شد که طرح متوقف نمی‌شود.", "تأکید شد", "معاون وزیر"),
        ("توسط ستاد بحران استان اعلام شد: مدارس فردا تعطیل است.", "اعلام شد", "ستاد بحران استان"),
    ],
)
def test_a_passive_report_with_an_agent_names_the_source(text: str, verb: str, source: str) -> None:
    found = only(text)
    assert (found.verb, found.source) == (verb, source)


@pytest.mark.parametrize(
    "text",
    [
        "قیمت جدید بلیت اعلام شد که از فردا اجرا می‌شود.",
        "این خبر از سوی روابط عمومی فرودگاه تأیید شد.",
        "این طرح توسط شهرداری اعلام شد و قرار است اجرا شود.",
    ],
)
def test_a_passive_report_without_an_agent_or_a_written_claim_is_nothing(text: str) -> None:
    assert suggest(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "رئیس سازمان بهزیستی در عین حال گفت که مستمری‌ها پرداخت می‌شود.",
        "رئیس سازمان بهزیستی در نهایت گفت که مستمری‌ها پرداخت می‌شود.",
        "رئیس سازمان بهزیستی ۱۲ آذر گفت که مستمری‌ها پرداخت می‌شود.",
        "هم‌زمان با آغاز پاییز، رئیس سازمان بهزیستی گفت که مستمری‌ها پرداخت می‌شود.",
    ],
)
def test_linking_phrases_and_dates_around_the_subject(text: str) -> None:
    assert only(text).source == "رئیس سازمان بهزیستی"


def test_a_clitic_object_pronoun_keeps_a_compound_verb_a_report() -> None:
    found = only("سخنگوی شهرداری تکذیبش کرد و گفت که قرارداد قانونی بوده است.")
    assert (found.verb, found.source, found.claim) == ("گفت", "سخنگوی شهرداری", "قرارداد قانونی بوده است")


def test_a_day_in_brackets_is_not_an_acronym() -> None:
    assert only("رئیس مجلس (یکشنبه) گفت که لایحه بودجه بررسی می‌شود.").source == "رئیس مجلس"


def test_an_object_first_before_ra_gives_no_demonstrative_source() -> None:
    assert suggest("این گزارش را وزیر نیرو تأیید کرد.") == []


def test_a_conversation_spelled_without_its_zwnj_is_a_circumstance() -> None:
    assert only("مدیرعامل پالایشگاه در گفتوگو با ما گفت که تولید بالا رفت.").source == "مدیرعامل پالایشگاه"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("رئیس اتاق اصناف مطرح کرد که مالیات‌ها سنگین است.", "مطرح کرد"),
        ("کشاورزان گلایه کردند که آب به مزارع نمی‌رسد.", "گلایه کردند"),
        ("بانک جهانی تخمین زده است که رشد اقتصادی دو درصد است.", "تخمین زده است"),
        ("یکی از مسافران روایت کرد که قطار نیمه‌شب متوقف شد.", "روایت کرد"),
        ("سخنگوی پلیس عنوان داشت که سارقان دستگیر شدند.", "عنوان داشت"),
    ],
)
def test_more_compound_reports_with_a_clause(text: str, verb: str) -> None:
    assert only(text).verb == verb


@pytest.mark.parametrize("text", ["رئیس اتاق اصناف این موضوع را مطرح کرد.", "وزیر از کندی کار انتقاد کرد."])
def test_those_compounds_without_a_clause_report_nothing(text: str) -> None:
    assert suggest(text) == []


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("بهاره نوری فکر می‌کند بازار کتاب تا بهار جان می‌گیرد.", "فکر می‌کند"),
        ("مدیر مدرسه امیدوار است که کلاس‌ها حضوری شود.", "امیدوار است"),
    ],
)
def test_interview_present_forms_of_belief_and_hope(text: str, verb: str) -> None:
    assert only(text).verb == verb


def test_plural_people_by_kin_or_ending_are_anonymous() -> None:
    assert not only("مادران نگرانند که مدارس تعطیل شود.").named
    assert not only("بازنشستگان می‌گویند که مستمری کفاف نمی‌دهد.").named
    assert suggest("مدیر مدرسه نگران است.") == []


def test_a_clause_after_the_verbs_comma_opened_by_but_is_no_claim() -> None:
    assert suggest("شهرداری سال گذشته طرح بازسازی بازار را اعلام کرد، اما هنوز خبری نیست.") == []


def test_in_a_year_before_the_subject_is_skipped() -> None:
    found = only("در سال ۱۴۰۰ دولت اعلام کرد یارانه نان حذف نمی‌شود.")
    assert (found.source, found.claim) == ("دولت", "یارانه نان حذف نمی‌شود")


def test_a_particles_source_that_keeps_its_name_back() -> None:
    text = "به گفته یکی از رانندگان که نخواست نامش فاش شود، «سوخت سه روز است نرسیده.»"
    found = only(text)
    assert (found.verb, found.source, found.named) == ("به گفته", "یکی از رانندگان", False)
    assert found.quoted
