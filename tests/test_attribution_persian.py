"""Persian attribution rules (issue 14): one short sentence of our own per pattern of Persian press."""

from __future__ import annotations

import pytest

from reader.annotations.model import SOURCE_TYPES
from reader.attribution import Suggestion, suggest
from reader.attribution.persian import read_persian


def only(text: str) -> Suggestion:
    found = suggest(text)
    assert len(found) == 1, [(s.verb, s.source) for s in found]
    return found[0]


def check_spans(text: str, found: Suggestion) -> None:
    """Every string a suggestion carries is the text's own slice."""
    for value, span in ((found.verb, found.verb_span), (found.source, found.source_span)):
        assert text[span[0] : span[1]] == value
    assert text[found.claim_span[0] : found.claim_span[1]] == found.claim
    if found.role_span is not None:
        assert text[found.role_span[0] : found.role_span[1]] == found.role
    assert found.source_type in SOURCE_TYPES
    assert found.language == "fa"


@pytest.mark.parametrize(
    ("text", "verb", "source", "claim"),
    [
        ("کامران فرجی گفت که نرخ بلیت قطار ثابت می‌ماند.", "گفت", "کامران فرجی", "نرخ بلیت قطار ثابت می‌ماند"),
        ("فرجی افزود که واگن‌های تازه تا بهار می‌رسند.", "افزود", "فرجی", "واگن‌های تازه تا بهار می‌رسند"),
        (
            "رئیس اتحادیه نانوایان اظهار کرد: آرد به اندازه کافی توزیع شده است.",
            "اظهار کرد",
            "رئیس اتحادیه نانوایان",
            "آرد به اندازه کافی توزیع شده است",
        ),
        (
            "مدیر بیمارستان تأکید کرد که بخش اورژانس تعطیل نمی‌شود.",
            "تأکید کرد",
            "مدیر بیمارستان",
            "بخش اورژانس تعطیل نمی‌شود",
        ),
        (
            "شهردار بندر تصریح کرد که اسکله جدید پاییز افتتاح می‌شود.",
            "تصریح کرد",
            "شهردار بندر",
            "اسکله جدید پاییز افتتاح می‌شود",
        ),
        (
            "دبیر انجمن صنفی خاطرنشان کرد که تعرفه‌ها دو سال تغییر نکرده است.",
            "خاطرنشان کرد",
            "دبیر انجمن صنفی",
            "تعرفه‌ها دو سال تغییر نکرده است",
        ),
        ("سارا نیک‌پی یادآور شد که مهلت ثبت‌نام تمدید نمی‌شود.", "یادآور شد", "سارا نیک‌پی", "مهلت ثبت‌نام تمدید نمی‌شود"),
        (
            "پرویز ملکان مدعی شد که قرارداد بدون مناقصه بسته شده است.",
            "مدعی شد",
            "پرویز ملکان",
            "قرارداد بدون مناقصه بسته شده است",
        ),
        (
            "مدیرکل هواشناسی هشدار داد که رگبار شدید در راه است.",
            "هشدار داد",
            "مدیرکل هواشناسی",
            "رگبار شدید در راه است",
        ),
        (
            "ناهید کرمی معتقد است بازار مسکن تا پایان سال راکد می‌ماند.",
            "معتقد است",
            "ناهید کرمی",
            "بازار مسکن تا پایان سال راکد می‌ماند",
        ),
        (
            "دانیال صفری بر این باور است که صادرات زعفران کاهش یافته است.",
            "بر این باور است",
            "دانیال صفری",
            "صادرات زعفران کاهش یافته است",
        ),
        (
            "بهروز قاسمی توضیح داد که سامانه تا ظهر از دسترس خارج بود.",
            "توضیح داد",
            "بهروز قاسمی",
            "سامانه تا ظهر از دسترس خارج بود",
        ),
    ],
)
def test_subject_first_verb_last_and_the_clause_after(text: str, verb: str, source: str, claim: str) -> None:
    found = only(text)
    check_spans(text, found)
    assert (found.verb, found.source, found.claim, found.named) == (verb, source, claim, True)
    assert found.pattern == "source-verb"


def test_source_with_role_between_commas_and_a_quote_after_the_colon() -> None:
    text = "رضا تهرانی، سخنگوی شرکت گاز استان، روز شنبه در نشست خبری گفت: «ذخایر گاز برای زمستان کافی است.»"
    found = only(text)
    check_spans(text, found)
    assert (found.source, found.role, found.verb) == ("رضا تهرانی", "سخنگوی شرکت گاز استان", "گفت")
    assert found.claim == "«ذخایر گاز برای زمستان کافی است.»" and found.quoted


def test_circumstances_after_the_subject_are_not_part_of_it() -> None:
    text = "وزیر راه در گفت‌وگو با خبرنگاران هفته گذشته اعلام کرد که عوارض آزادراه‌ها افزایش نمی‌یابد."
    found = only(text)
    assert found.source == "وزیر راه" and found.verb == "اعلام کرد"


def test_statement_circumstance_ends_the_source() -> None:
    text = "سازمان حفاظت محیط زیست در بیانیه‌ای اعلام کرد که شکار در منطقه ممنوع است."
    assert only(text).source == "سازمان حفاظت محیط زیست"


def test_interlocutor_is_not_the_source() -> None:
    text = "مدیر فرودگاه در گفت‌وگو با رادیو پیام گفت که پروازها از فردا عادی می‌شود."
    found = only(text)
    assert found.source == "مدیر فرودگاه"
    assert "رادیو" not in found.source


@pytest.mark.parametrize(
    ("text", "verb", "source", "claim"),
    [
        (
            "به گزارش خبرگزاری پارس، قیمت مرغ در بازار کاهش یافت.",
            "به گزارش",
            "خبرگزاری پارس",
            "قیمت مرغ در بازار کاهش یافت",
        ),
        (
            "به گفته رئیس پلیس راه، جاده چالوس تا عصر بسته است.",
            "به گفته",
            "رئیس پلیس راه",
            "جاده چالوس تا عصر بسته است",
        ),
        (
            "طبق اعلام شرکت برق منطقه‌ای، خاموشی‌ها از هفته آینده کم می‌شود.",
            "طبق اعلام",
            "شرکت برق منطقه‌ای",
            "خاموشی‌ها از هفته آینده کم می‌شود",
        ),
        (
            "بنا بر اعلام اداره راهداری، محور کوهستانی باز شده است.",
            "بنا بر اعلام",
            "اداره راهداری",
            "محور کوهستانی باز شده است",
        ),
    ],
)
def test_particle_then_source_then_claim(text: str, verb: str, source: str, claim: str) -> None:
    found = only(text)
    check_spans(text, found)
    assert (found.verb, found.source, found.claim, found.pattern) == (verb, source, claim, "according-to")


def test_particle_after_the_claim() -> None:
    text = "صف‌های پمپ بنزین دوباره طولانی شده است، به گفته رئیس انجمن جایگاه‌داران."
    found = only(text)
    assert found.source == "رئیس انجمن جایگاه‌داران"
    assert found.claim == "صف‌های پمپ بنزین دوباره طولانی شده است"


def test_relay_in_a_particle_gives_the_quoted_source() -> None:
    text = "به گزارش پایگاه خبری نسیم به نقل از روابط عمومی دانشگاه، کلاس‌ها مجازی برگزار می‌شود."
    found = only(text)
    assert (found.verb, found.source, found.relay) == ("به نقل از", "روابط عمومی دانشگاه", "پایگاه خبری نسیم")


def test_relay_before_the_verb_gives_the_quoted_source() -> None:
    text = "روزنامه نگاه نو به نقل از یک مقام آگاه نوشت که جلسه کابینه لغو شده است."
    found = only(text)
    assert (found.verb, found.source, found.relay) == ("نوشت", "یک مقام آگاه", "روزنامه نگاه نو")
    assert not found.named and found.source_type == "anonymous"


def test_report_opener_is_the_relay_of_the_speaker() -> None:
    text = "به گزارش خبرگزاری پارس، لیلا شریفی، مدیر موزه، گفت که بازدید از موزه رایگان است."
    found = only(text)
    assert (found.source, found.role, found.relay) == ("لیلا شریفی", "مدیر موزه", "خبرگزاری پارس")


@pytest.mark.parametrize(
    "text",
    [
        "یک منبع مطلع در وزارت نیرو گفت که سهمیه آب کشاورزان کاهش می‌یابد.",
        "برخی کارشناسان معتقدند رشد نقدینگی ادامه دارد.",
        "منابع آگاه گفتند نشست هفته آینده برگزار می‌شود.",
        "یک مقام مسئول که نخواست نامش فاش شود گفت که بودجه کافی نیست.",
        "کارشناسان بانکی می‌گویند نرخ سود تغییر نمی‌کند.",
    ],
)
def test_anonymous_sources_are_not_named(text: str) -> None:
    found = only(text)
    assert not found.named and found.source_type == "anonymous"
    assert "نخواست" not in found.source


@pytest.mark.parametrize(
    "text",
    [
        "وی افزود که قیمت‌ها ثابت می‌ماند.",
        "او گفت: «ما کوتاه نمی‌آییم.»",
        "به گفته وی، مذاکرات ادامه دارد.",
        "این موضوع را سخنگو پیش‌تر هم گفته بود.",
        "باید گفت که هزینه طرح بالاست.",
        "طبق قانون، همه شرکت‌ها باید گزارش بدهند.",
        "از نظر فنی، پل مشکلی ندارد.",
        "دولت آمادگی خود را برای مذاکره اعلام کرد.",
        "تجربه نشان داده است که این سیاست جواب نمی‌دهد.",
        "نمایندگان در جلسه گفت‌وگو کردند.",
    ],
)
def test_no_source_phrase_no_suggestion(text: str) -> None:
    assert suggest(text) == []


def test_two_verbs_share_one_subject_and_a_title_used_before_ends_it() -> None:
    text = (
        "مدیرکل راه و شهرسازی استان گفت که پل تا خرداد تکمیل می‌شود.\n\n"
        "مدیرکل راه و شهرسازی خبر تعطیلی پروژه را تکذیب کرد و گفت که کارگاه فعال است."
    )
    found = [s for s in suggest(text) if s.source_span[0] > 60]
    assert [(s.verb, s.source) for s in found] == [
        ("تکذیب کرد", "مدیرکل راه و شهرسازی"),
        ("گفت", "مدیرکل راه و شهرسازی"),
    ]
    assert found[0].claim == "خبر تعطیلی پروژه" and found[1].claim == "کارگاه فعال است"


def test_object_after_az_is_the_claim() -> None:
    text = "شرکت مخابرات از راه‌اندازی اینترنت پرسرعت در روستاها خبر داد."
    found = only(text)
    assert (found.source, found.claim) == ("شرکت مخابرات", "راه‌اندازی اینترنت پرسرعت در روستاها")


def test_quote_first_then_the_source() -> None:
    text = "«هیچ برنامه‌ای برای افزایش قیمت نان نداریم»؛ این را وزیر کشاورزی روز شنبه گفت."
    found = only(text)
    assert (found.source, found.claim, found.quoted) == (
        "وزیر کشاورزی",
        "«هیچ برنامه‌ای برای افزایش قیمت نان نداریم»",
        True,
    )


def test_clause_after_amma_is_a_new_attribution() -> None:
    text = "وزارت صنعت اعلام کرد که کمبودی وجود ندارد، اما فروشندگان می‌گویند قفسه‌ها خالی است."
    found = suggest(text)
    assert [(s.source, s.claim) for s in found] == [
        ("وزارت صنعت", "کمبودی وجود ندارد"),
        ("فروشندگان", "قفسه‌ها خالی است"),
    ]


def test_document_source_after_dar() -> None:
    text = "در گزارش تازه دیوان محاسبات آمده است که بدهی شرکت‌های دولتی دو برابر شده است."
    found = only(text)
    assert (found.verb, found.source, found.source_type) == ("آمده است", "گزارش تازه دیوان محاسبات", "document")


def test_headline_source_colon_claim() -> None:
    text = "سخنگوی وزارت بهداشت: واکسن آنفلوآنزا به داروخانه‌ها رسید\n\nکد خبر: ۴۵۶۷۸۹"
    found = only(text)
    assert (found.verb, found.source, found.claim, found.pattern) == (
        ":",
        "سخنگوی وزارت بهداشت",
        "واکسن آنفلوآنزا به داروخانه‌ها رسید",
        "headline",
    )


@pytest.mark.parametrize(
    "text",
    [
        "کامران فرجی می‌گوید که نرخ بلیت ثابت می‌ماند.",
        "کامران فرجی می گوید که نرخ بلیت ثابت می‌ماند.",
        "کامران فرجی میگوید که نرخ بلیت ثابت می‌ماند.",
    ],
)
def test_lost_zwnj_spellings_match_alike(text: str) -> None:
    found = only(text)
    assert found.source == "کامران فرجی" and found.verb.replace("\u200c", "").replace(" ", "") == "میگوید"


def test_arabic_yeh_and_kaf_spellings_match_alike() -> None:
    text = "رئيس اتاق بازرگانی اعلام كرده است كه صادرات پسته افزایش یافته است."
    found = only(text)
    assert (found.source, found.verb) == ("رئيس اتاق بازرگانی", "اعلام كرده است")


def test_arabic_paragraph_is_not_read_by_the_persian_rules() -> None:
    arabic = "وقال المتحدث باسم وزارة الصحة إن الحملة ستبدأ الأسبوع المقبل في جميع المحافظات."
    persian = "سخنگوی وزارت بهداشت گفت که واکسیناسیون از هفته آینده آغاز می‌شود."
    assert read_persian(" " * len(persian) + "\n" + arabic) == []
    found = suggest(persian + "\n\n" + arabic)
    assert {(s.language, s.source) for s in found} == {
        ("fa", "سخنگوی وزارت بهداشت"),
        ("ar", "المتحدث باسم وزارة الصحة"),
    }


def test_a_long_persian_article_gets_every_repeated_attribution() -> None:
    """Every copy of a paragraph is read alike (speed is measured in make bench, not here)."""
    paragraph = (
        "به گزارش خبرگزاری پارس، مهدی رحیمی، سخنگوی شرکت آب، روز یکشنبه در نشست خبری گفت: «ذخایر سدها کم است.» "
        "وی افزود که مصرف باید کاهش یابد. یک منبع آگاه گفت که جیره‌بندی بررسی می‌شود.\n\n"
    )
    once = read_persian(paragraph)
    assert once
    assert len(read_persian(paragraph * 120)) == 120 * len(once)  # about 5,000 words


def test_persian_spelled_with_arabic_yeh_and_kaf_is_read_as_persian() -> None:
    from reader.text.language import line_language

    assert line_language("رئيس كل بانك مركزي اعلام كرد كه نرخ تورم كاهش مي يابد.") == "fa"
    assert line_language("وقال رئيس البنك المركزي إن التضخم سينخفض هذا العام بشكل كبير.") == "ar"


def test_qari_suggest_keeps_the_zwnj_of_persian_words_in_a_pipe(tmp_path, capsys) -> None:
    from reader import cli

    path = tmp_path / "a.txt"
    path.write_text("به گفته سخنگوی وزارت نیرو، مصرف برق رکورد زد.\n\nمهدی رحیمی می‌گوید که سدها کم‌آب‌اند.\n", "utf-8")
    assert cli.main(["suggest", str(path)]) == 0
    out = capsys.readouterr().out
    assert "می‌گوید" in out or "کم‌آب‌اند" in out
    assert "\u200c" in out


def test_a_researcher_is_an_expert_and_a_study_a_document() -> None:
    from reader.attribution.persian_sources import source_type

    assert source_type("بهرام شکوهی", "پژوهشگر مهندسی محیط زیست", True) == "expert"
    assert source_type("پژوهش دانشگاه تهران", "", True) == "document"
    assert source_type("گزارش‌های سازمان", "", True) == "document"


def test_an_unsure_line_of_a_persian_article_is_read_as_persian() -> None:
    from reader.text.language import line_languages

    article = (
        "رئيس كل بانك مركزي اعلام كرد كه نرخ تورم كاهش مي يابد.\n"
        "به گفته مديرعامل شركت، توليد دو برابر شد.\n"
        "وزير اقتصاد گفت كه بودجه اصلاح مي شود."
    )
    assert line_languages(article) == ["fa", "fa", "fa"]
    arabic = "وقال الوزير إن الميزانية ستعدل.\nبحسب مدير الشركة، تضاعف الإنتاج."
    assert line_languages(arabic) == ["ar", "ar"]
