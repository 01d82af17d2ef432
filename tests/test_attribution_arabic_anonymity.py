"""Arabic attribution: named or anonymous, on sources of our own in one sentence frame each."""

from __future__ import annotations

import pytest

from reader.attribution import suggest


def source_of(source: str) -> tuple[str, bool]:
    """The source and its named flag, as found in «وقال SOURCE إن …»."""
    (found,) = suggest(f"وقال {source} إن الوضع في المدينة صعب.")
    return found.source, found.named


@pytest.mark.parametrize(
    "source",
    [
        "مسؤول كبير",
        "مسؤول أمني رفيع",
        "قيادي في الحزب",
        "قيادي بارز في الحركة",
        "عضو في المجلس",
        "عضو بالمجلس البلدي",
        "عضو المكتب السياسي للحركة",
        "موظف البلدية",
        "نائب في البرلمان",
        "متحدث باسم الحكومة",
        "مصدر في وزارة الداخلية",
        "مصدر بوزارة الصحة",
        "مقرب من الرئيس",
        "رجل أعمال",
        "ربة منزل",
        "طبيب في المستشفى",
        "مدير مستشفى حكومي",
        "دبلوماسي غربي",
    ],
)
def test_a_title_or_description_without_a_name_is_anonymous(source: str) -> None:
    assert source_of(source) == (source, False)


@pytest.mark.parametrize(
    "source",
    [
        "سكان",
        "سكان الحي",
        "الأهالي",
        "أهالي القرية",
        "ناشطون",
        "نشطاء",
        "شهود عيان",
        "خبراء اقتصاديون",
        "مراقبون دوليون",
        "العاملون في المستشفى",
        "صحفيون",
        "المسعفون",
        "عدد من السكان",
        "أحد الشهود",
    ],
)
def test_a_group_is_anonymous(source: str) -> None:
    assert source_of(source) == (source, False)


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("صحيفة محلية", False),
        ("موقع إخباري", False),
        ("وسائل إعلام محلية", False),
        ("قناة تلفزيونية", False),
        ("صحيفة الأيام", True),
        ("وكالة الأنباء الرسمية", True),
        ("صحيفة واشنطن بوست", True),
    ],
)
def test_an_outlet_is_named_by_its_name(source: str, named: bool) -> None:
    assert source_of(source) == (source, named)


@pytest.mark.parametrize(
    "source",
    [
        "وزير الخارجية",
        "المتحدث باسم الجيش",
        "نائب رئيس الوزراء",
        "مدير المستشفى",
        "المتحدث الرسمي",
        "أبو علي",
        "أم خالد",
        "سعيد",
        "النائب سمير علي",
        "ربة المنزل سعاد",
        "عضو مجلس النواب سامي خليل",
    ],
)
def test_an_office_holder_a_kunya_or_a_first_name_is_named(source: str) -> None:
    assert source_of(source) == (source, True)


def test_a_role_that_gives_the_name_makes_a_description_named() -> None:
    (found,) = suggest("وقال عضو المجلس البلدي، سامي نور، إن الموازنة متأخرة.")
    assert (found.source, found.role, found.named) == ("عضو المجلس البلدي", "سامي نور", True)


def test_a_role_that_gives_no_name_leaves_it_anonymous() -> None:
    (found,) = suggest("وقال مسؤول في الوزارة، وهو موظف قديم، إن الموازنة متأخرة.")
    assert (found.source, found.named) == ("مسؤول في الوزارة", False)


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("مواطن يدعى أحمد", True),
        ("سيدة تدعى أم سمير", True),
        ("ثلاثة مسؤولين", False),
        ("عدة مصادر", False),
        ("أحدهم", False),
        ("آخرون", False),
    ],
)
def test_a_name_given_counts_and_somebody(source: str, named: bool) -> None:
    assert source_of(source) == (source, named)


def test_a_bare_noun_pointing_back_takes_the_named_of_its_referent() -> None:
    text = (
        "وقال مسؤول في الوزارة إن الخطة تأخرت. وأضاف المسؤول أن التمويل غائب.\n\n"
        "وقالت مديرة المدرسة سعاد نور إن الدروس بدأت. وحسب المديرة نفسها، فإن الكتب وصلت.\n"
    )
    found = [(s.source, s.named) for s in suggest(text)]
    assert found == [
        ("مسؤول في الوزارة", False),
        ("المسؤول", False),
        ("مديرة المدرسة سعاد نور", True),
        ("المديرة نفسها", True),
    ]


def test_a_bare_noun_with_no_referent_keeps_its_own_reading() -> None:
    (found,) = suggest("وقال المتحدث إن الاجتماع انتهى.")
    assert found.named


@pytest.mark.parametrize(
    "text", ["وقال أبو أحمد (اسم مستعار) إن الأسعار ارتفعت.", "وقال أبو أحمد، وهو اسم مستعار، إن الأسعار ارتفعت."]
)
def test_a_pseudonym_is_anonymous(text: str) -> None:
    (found,) = suggest(text)
    assert (found.source, found.named) == ("أبو أحمد", False)


def test_an_age_in_brackets_is_not_part_of_the_source_but_an_acronym_is() -> None:
    (found,) = suggest("وقالت الطالبة ريم (22 عاما) إن الامتحانات صعبة.")
    assert (found.source, found.named) == ("الطالبة ريم", True)
    (found,) = suggest("وقالت مؤسسة التمويل الدولية (IFC) إن القرض أقر.")
    assert found.source == "مؤسسة التمويل الدولية (IFC)"


def test_a_person_described_then_pointed_back_to_stays_anonymous() -> None:
    text = "وقالت سيدة في الخمسين من عمرها إن ابنها مفقود. وأضافت السيدة أن الشرطة لم تساعدها."
    assert [(s.source, s.named) for s in suggest(text)] == [("سيدة في الخمسين من عمرها", False), ("السيدة", False)]


def test_a_time_after_a_description_does_not_identify_it() -> None:
    (found,) = suggest('وقالت سيدة تنتظر دورها منذ الصباح: "جئت من بعيد".')
    assert (found.source, found.named) == ("سيدة تنتظر دورها منذ الصباح", False)


@pytest.mark.parametrize(
    "text", ["وقال موظف، تحدث للصحيفة، إن الرواتب تأخرت.", "وقال موظف، يعمل في الوزارة منذ سنوات، إن الرواتب تأخرت."]
)
def test_a_clause_between_commas_is_not_a_name(text: str) -> None:
    (found,) = suggest(text)
    assert (found.source, found.named) == ("موظف", False)
