"""Hebrew attribution rules (issue 14): each press pattern on a short sentence written for the test."""

from __future__ import annotations

import pytest

from reader.annotations.model import SOURCE_TYPES
from reader.attribution import Suggestion, suggest


def only(text: str) -> Suggestion:
    found = suggest(text)
    assert len(found) == 1, [(s.verb, s.source, s.claim) for s in found]
    one = found[0]
    for value, span in ((one.verb, one.verb_span), (one.source, one.source_span), (one.claim, one.claim_span)):
        assert text[span[0] : span[1]] == value
    if one.role_span is not None:
        assert text[one.role_span[0] : one.role_span[1]] == one.role
    assert one.language == "he" and one.source_type in SOURCE_TYPES
    return one


def test_source_role_verb_ki() -> None:
    found = only("שר האוצר, משה לוי, אמר כי הגירעון יירד בשנה הבאה.")
    assert (found.verb, found.source, found.role) == ("אמר", "שר האוצר", "משה לוי")
    assert found.claim == "הגירעון יירד בשנה הבאה" and found.named and found.pattern == "source-verb"


def test_verb_source_ki() -> None:
    found = only("עוד ציינה המנהלת כי הבדיקה תושלם עד הקיץ.")
    assert (found.verb, found.source, found.claim) == ("ציינה", "המנהלת", "הבדיקה תושלם עד הקיץ")
    assert found.pattern == "verb-source"


def test_a_name_starting_with_shin_after_the_verb_is_not_the_complementiser() -> None:
    found = only("אמרה שרית לוי כי המצב קשה.")
    assert (found.source, found.claim) == ("שרית לוי", "המצב קשה")


def test_sh_prefix_opens_the_claim() -> None:
    found = only("ועד ההורים טוען שההסעות מאחרות כל בוקר.")
    assert (found.source, found.claim) == ("ועד ההורים", "ההסעות מאחרות כל בוקר")


def test_addressee_after_the_verb_is_not_the_source() -> None:
    for text in ("השר אמר לכתבים כי המצב חמור.", 'השר אמר ל"קול הצפון" כי המצב חמור.', "השר אמר לנו אתמול שהמצב חמור."):
        found = only(text)
        assert (found.source, found.claim) == ("השר", "המצב חמור"), text


def test_in_an_interview_or_a_conversation_is_a_circumstance() -> None:
    for text in ("השר אמר בשיחה עם כתבים כי המצב חמור.", "השר אמר בראיון לרדיו כי המצב חמור."):
        assert only(text).source == "השר", text


def test_quote_then_verb_source() -> None:
    found = only('"לא נסגור את המרפאה", אמרה מנהלת המחוז.')
    assert (found.source, found.claim, found.quoted) == ("מנהלת המחוז", "לא נסגור את המרפאה", True)


def test_colon_then_quote_in_any_marks() -> None:
    for text in ('הרופאה סיפרה: "חיכינו שעות".', "הרופאה סיפרה: „חיכינו שעות“.", "הרופאה סיפרה: “חיכינו שעות”."):
        found = only(text)
        assert (found.source, found.claim, found.quoted) == ("הרופאה", "חיכינו שעות", True), text


def test_a_quote_of_several_sentences_is_one_claim() -> None:
    text = '"בדקנו הכול. אין סכנה לציבור", אמר מהנדס העיר.'
    assert only(text).claim == "בדקנו הכול. אין סכנה לציבור"


def test_trailing_kach_after_the_claim() -> None:
    found = only("עם זאת, הכביש ייפתח רק מחר, כך הודיעה המשטרה.")
    assert (found.source, found.claim) == ("המשטרה", "הכביש ייפתח רק מחר")


@pytest.mark.parametrize("opener", ["לדברי", "לפי", "על פי"])
def test_according_to(opener: str) -> None:
    found = only(f"{opener} משרד הבריאות, התחלואה בירידה.")
    assert (found.verb, found.source, found.claim) == (opener, "משרד הבריאות", "התחלואה בירידה")
    assert found.pattern == "according-to"


def test_according_to_after_the_claim() -> None:
    found = only("מספר הנפגעים עלה ל־12, כך לפי משרד הבריאות.")
    assert (found.source, found.claim) == ("משרד הבריאות", "מספר הנפגעים עלה ל־12")


def test_a_pronoun_source_is_never_suggested() -> None:
    assert suggest("הוא אמר כי המצב חמור. לדבריו, אין סכנה. הם טוענים שהמצב חמור.") == []
    assert suggest('"אין סכנה", היא אומרת.') == []


def test_nimsar_from_the_source_leaves_its_prefix_out() -> None:
    for text in ("ממשרד החינוך נמסר כי הלימודים יתקיימו.", "נמסר ממשרד החינוך כי הלימודים יתקיימו."):
        found = only(text)
        assert (found.verb, found.source, found.claim) == ("נמסר", "משרד החינוך", "הלימודים יתקיימו"), text


def test_trailing_nimsar() -> None:
    found = only("הלימודים יתקיימו כסדרם, כך נמסר ממשרד החינוך.")
    assert (found.source, found.claim) == ("משרד החינוך", "הלימודים יתקיימו כסדרם")


def test_impersonal_plural_in_an_office() -> None:
    found = only("במשרד התחבורה מסרו בתגובה כי הקו יחודש.")
    assert (found.verb, found.source, found.claim) == ("מסרו", "משרד התחבורה", "הקו יחודש")
    assert found.named and found.source_type == "official"


def test_a_report_emerges_from_a_document() -> None:
    found = only('מהדו"ח עולה כי המחירים עלו.')
    assert (found.verb, found.source, found.source_type) == ("עולה", 'הדו"ח', "document")


@pytest.mark.parametrize(
    "text, source",
    [
        ("גורם בכיר במשרד הביטחון אמר כי השיחות נתקעו.", "גורם בכיר במשרד הביטחון"),
        ("גורמים במערכת הביטחון אמרו כי הכוננות תימשך.", "גורמים במערכת הביטחון"),
        ("מקור מדיני אמר כי ההסכם קרוב.", "מקור מדיני"),
        ("בכירים בממשלה טוענים שהתוכנית לא תעבור.", "בכירים בממשלה"),
        ("תושב אחר, שביקש שלא להזדהות, סיפר כי המים הגיעו לבית.", "תושב אחר"),
    ],
)
def test_anonymous_sources(text: str, source: str) -> None:
    found = only(text)
    assert (found.source, found.named, found.source_type, found.role) == (source, False, "anonymous", "")


def test_an_anonymous_head_followed_by_a_name_is_named() -> None:
    assert only("התושבת שרה לוי סיפרה כי המים הגיעו לבית.").named


def test_relayed_speech_names_the_speaker_and_the_relay() -> None:
    found = only("ערוץ 12 דיווח בשם גורם בכיר כי השיחות נתקעו.")
    assert (found.source, found.relay, found.named) == ("גורם בכיר", "ערוץ 12", False)
    found = only("העיתון ציטט את השר שאמר כי המשבר חמור.")
    assert (found.source, found.relay, found.claim) == ("השר", "העיתון", "המשבר חמור")


def test_niqqud_and_gershayim_do_not_break_matching() -> None:
    found = only("הַשַּׂר אָמַר כִּי הַמַּצָּב חָמוּר.")
    assert (found.verb, found.source, found.claim) == ("אָמַר", "הַשַּׂר", "הַמַּצָּב חָמוּר")
    assert only("דובר צה״ל מסר כי הכוחות פועלים.").source == "דובר צה״ל"
    assert only('דובר צה"ל מסר כי הכוחות פועלים.').source == 'דובר צה"ל'


def test_prior_act_then_report() -> None:
    found = only('ארגון "הורים למען" מתח ביקורת על ההחלטה וטען כי היא פוגעת בילדים.')
    assert (found.verb, found.source) == ("וטען", 'ארגון "הורים למען"')


def test_headline_source_colon_claim() -> None:
    found = only('ראש המועצה: "נפתח את הכביש עד הערב"\n\nגוף הכתבה.')
    assert (found.verb, found.source, found.claim) == (":", "ראש המועצה", "נפתח את הכביש עד הערב")


def test_a_topic_headline_and_speaker_tags_are_not_attributions() -> None:
    assert suggest("שריפה ליד הכפר: עשרות פונו מבתיהם\n\nרונית כהן (מגישה): בוקר טוב.") == []


def test_a_demand_is_not_a_report() -> None:
    assert suggest("ראש העיר קרא לתושבים להישאר בבתים.") == []


def test_a_long_hebrew_article_gets_every_repeated_attribution() -> None:
    """Every copy of a paragraph is read alike (speed is measured in make bench, not here)."""
    paragraph = (
        "שר האוצר, משה לוי, אמר כי הגירעון יירד. לפי משרד הבריאות, התחלואה בירידה. "
        '"לא נסגור את המרפאה", אמרה מנהלת המחוז. הכביש ייפתח מחר, כך הודיעה המשטרה.\n'
    )
    found = suggest(paragraph * 200)  # about 5,000 words
    assert len(found) == 800
    assert {s.source for s in found} == {"שר האוצר", "משרד הבריאות", "מנהלת המחוז", "המשטרה"}
