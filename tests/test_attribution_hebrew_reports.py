"""Hebrew attribution, second round: nested reports, more verb forms, «לפי» without a comma, claim ends."""

from __future__ import annotations

import pytest

from reader.attribution import Suggestion, suggest


def found(text: str) -> list[tuple[str, str, str]]:
    """(verb, source, claim) of every suggestion, each checked against its spans."""
    result = suggest(text)
    for one in result:
        for value, span in ((one.verb, one.verb_span), (one.source, one.source_span), (one.claim, one.claim_span)):
            assert text[span[0] : span[1]] == value
    return sorted((s.verb, s.source, s.claim) for s in result)


def only(text: str) -> Suggestion:
    result = suggest(text)
    assert len(result) == 1, [(s.verb, s.source, s.claim) for s in result]
    return result[0]


# --- a report inside another one's claim -------------------------------------------------


def test_a_report_inside_a_ki_claim_is_suggested_too() -> None:
    assert found("ראש המועצה אמר כי משרד הפנים הודיע לו שהתקציב אושר.") == [
        ("אמר", "ראש המועצה", "משרד הפנים הודיע לו שהתקציב אושר"),
        ("הודיע", "משרד הפנים", "התקציב אושר"),
    ]


def test_a_report_inside_a_sh_claim_leaves_the_sh_out_of_its_source() -> None:
    assert ("הודיעה", "רשות המים", "המחיר יעלה") in found("הוועד טוען שרשות המים הודיעה כי המחיר יעלה.")


def test_an_according_to_phrase_inside_a_claim() -> None:
    assert ("לדברי", "המשטרה", "החשוד נעצר") in found("הדובר מסר כי לדברי המשטרה, החשוד נעצר.")


def test_a_verb_inside_a_claim_without_its_own_complement_is_no_report() -> None:
    assert found("המנהל אמר כי הרשות הודיעה על סגירת הסניף.") == [("אמר", "המנהל", "הרשות הודיעה על סגירת הסניף")]


def test_a_contrast_clause_has_a_source_of_its_own() -> None:
    assert found("הכביש נפתח בבוקר, אך המשטרה הודיעה כי ייסגר שוב בערב.") == [("הודיעה", "המשטרה", "ייסגר שוב בערב")]


# --- relays, names after the verb ------------------------------------------------------


def test_cited_with_a_comma_before_the_relative_verb() -> None:
    one = only("האתר ציטט את מנהל המחלקה, שאמר כי התורים התקצרו.")
    assert (one.source, one.relay, one.claim) == ("מנהל המחלקה", "האתר", "התורים התקצרו")


@pytest.mark.parametrize("name", ["לימור אלון", "לאה ברק", "ליאור דהן"])
def test_a_name_starting_with_lamed_after_the_verb_is_the_source(name: str) -> None:
    one = only(f"עוד אמרה {name} כי הפרויקט יושלם בחורף.")
    assert (one.source, one.claim) == (name, "הפרויקט יושלם בחורף")


def test_a_surname_starting_with_shin_before_a_role_is_not_the_complementiser() -> None:
    one = only("סיפרה נועה שמש, תושבת הרובע, כי המים הגיעו לחצר.")
    assert (one.source, one.role, one.claim) == ("נועה שמש", "תושבת הרובע", "המים הגיעו לחצר")


def test_a_verb_carried_over_after_a_quote_is_no_source() -> None:
    one = only('"אין לנו כסף", אמרה הגזברית, והוסיפה: "נחכה לתקציב".')
    assert (one.verb, one.source) == ("אמרה", "הגזברית")


def test_a_role_after_a_quote_and_its_verb() -> None:
    one = only('"נפעל בכל הכוח", הוסיף דובר הרשות, עו"ד רם נחום.')
    assert (one.source, one.role, one.claim) == ("דובר הרשות", 'עו"ד רם נחום', "נפעל בכל הכוח")


# --- verb forms outside the first list -----------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    [
        "יאמר", "תודיע", "יבהיר", "אומרים", "מסבירה", "טוענים", "גילה", "הבטיח", "חושב", "סבור",
        "מעריך", "מאמין", "התריע", "הכחיש", "אישר", "הודה", "איים", "עדכן", "התלונן", "מדגישות",
    ],
)  # fmt: skip
def test_more_reporting_verb_forms(verb: str) -> None:
    one = only(f"יושב ראש הוועד {verb} כי השביתה תימשך.")
    assert (one.verb, one.source, one.claim) == (verb, "יושב ראש הוועד", "השביתה תימשך")


def test_a_verb_with_an_addressee_in_front_of_whom() -> None:
    one = only("הפרקליטה ציינה בפני השופט כי העד לא התייצב.")
    assert (one.source, one.claim) == ("הפרקליטה", "העד לא התייצב")


@pytest.mark.parametrize("text", ["נמסר כי הכביש נחסם.", "עוד נמסר כי שלושה נפצעו.", "הובהר כי אין שינוי."])
def test_an_impersonal_report_without_a_source_is_not_suggested(text: str) -> None:
    assert suggest(text) == []


def test_an_impersonal_report_from_a_source() -> None:
    one = only("מהרשות הובהר כי אין שינוי במועד.")
    assert (one.verb, one.source, one.claim) == ("הובהר", "הרשות", "אין שינוי במועד")


# --- «לפי X» without a comma --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, source, claim",
    [
        ("לפי משרד החקלאות היבול ירד.", "משרד החקלאות", "היבול ירד"),
        ("לדברי ראש המועצה הכביש ייסלל בקיץ.", "ראש המועצה", "הכביש ייסלל בקיץ"),
        ("לפי תחזית השירות המטאורולוגי הגשם ייפסק בערב.", "תחזית השירות המטאורולוגי", "הגשם ייפסק בערב"),
        ('לפי מד"א ארבעה נפצעו קל.', 'מד"א', "ארבעה נפצעו קל"),
        ("לפי גורם במשטרה החשוד שוחרר.", "גורם במשטרה", "החשוד שוחרר"),
    ],
)
def test_according_to_without_a_comma(text: str, source: str, claim: str) -> None:
    one = only(text)
    assert (one.verb[-3:], one.source, one.claim) == (text.split()[0][-3:], source, claim)


@pytest.mark.parametrize(
    "text",
    ["לדברי דנה לוי המצב בשליטה.", "לפי הערכות בשוק המחירים יעלו.", "לפי החוק אסור לעשן כאן.", "לפי שעה, הכביש סגור."],
)
def test_according_to_where_the_source_ends_is_unknown_or_no_report(text: str) -> None:
    assert suggest(text) == []


# --- where a claim ends --------------------------------------------------------------------


def test_a_quote_closed_before_its_verb_ends_the_claim() -> None:
    one = only('"נגיע לכל בית. איש לא יישאר מאחור", הוסיף ראש המועצה.')
    assert (one.claim, one.quoted) == ("נגיע לכל בית. איש לא יישאר מאחור", True)


def test_a_quoted_claim_ends_at_its_closing_mark_before_the_reporters_words() -> None:
    one = only('דוברת החברה אמרה כי "המפעל ייסגר", אך לא פירטה.')
    assert (one.claim, one.quoted) == ("המפעל ייסגר", True)


def test_a_second_complement_after_a_quote_stays_in_the_claim() -> None:
    one = only('הדובר אמר כי "המפעל ייסגר", וכי העובדים יפוצו.')
    assert one.claim == '"המפעל ייסגר", וכי העובדים יפוצו'


def test_after_ki_a_contrast_stays_in_the_claim() -> None:
    one = only("השר אמר כי הכביש ייפתח, אך הנסיעה תהיה איטית.")
    assert one.claim == "הכביש ייפתח, אך הנסיעה תהיה איטית"


def test_after_according_to_a_contrast_with_its_own_subject_ends_the_claim() -> None:
    assert only("לדברי ראש העיר, הכביש ייפתח, אבל התושבים כבר שמעו זאת.").claim == "הכביש ייפתח"
    assert only("לפי המשטרה, החשוד נעצר, אבל בשכונה לא מאמינים.").claim == "החשוד נעצר"


def test_after_according_to_an_elliptical_contrast_stays() -> None:
    assert only("לפי המשטרה, החשוד נעצר, אבל לא הואשם.").claim == "החשוד נעצר, אבל לא הואשם"


@pytest.mark.parametrize(
    "text",
    [
        'דובר צה"ל אמר: "מנכ"ל החברה נעצר. צה"ל יסייע".',
        "דובר צה״ל אמר: ״מנכ״ל החברה נעצר. צה״ל יסייע״.",
        'דובר צה"ל אמר: „מנכ"ל החברה נעצר. צה"ל יסייע".',
        'דובר צה"ל אמר: “מנכ"ל החברה נעצר. צה"ל יסייע”.',
    ],
)
def test_acronyms_inside_a_quote_do_not_break_its_pairing(text: str) -> None:
    one = only(text)
    assert one.claim.replace("״", '"') == 'מנכ"ל החברה נעצר. צה"ל יסייע' and one.quoted


# --- openers, addressees and parentheses around the source -----------------------------------


@pytest.mark.parametrize("opener", ["מאוחר יותר", "לאחר מכן", "על כך", "בהמשך"])
def test_a_time_or_sequence_opener_is_never_the_source(opener: str) -> None:
    one = only(f"{opener} הודיעה המנהלת כי הסניף ייסגר.")
    assert (one.source, one.claim) == ("המנהלת", "הסניף ייסגר")


def test_a_circumstance_before_the_verb_puts_the_source_after_it() -> None:
    one = only('בתגובה לשאלת "הזמן" אמר דובר הרשות כי הבדיקה הסתיימה.')
    assert (one.source, one.claim) == ("דובר הרשות", "הבדיקה הסתיימה")
    assert suggest("לשאלת הכתב השיב כי אין בעיה.") == []


@pytest.mark.parametrize("text", ['"נפעל מיד", אמר השר ל"הזמן".', '"נפעל מיד", אמר השר לכתבים.'])
def test_an_addressee_after_a_trailing_source_is_not_part_of_it(text: str) -> None:
    one = only(text)
    assert (one.source, one.claim) == ("השר", "נפעל מיד")


def test_a_ministry_for_something_stays_whole() -> None:
    assert only('"נפעל מיד", אמר השר לביטחון פנים.').source == "השר לביטחון פנים"


@pytest.mark.parametrize("text", ["אמרה היום (שלישי) שרת החינוך כי", "שרת החינוך אמרה היום (שלישי) כי"])
def test_a_day_in_parentheses_is_skipped(text: str) -> None:
    one = only(f"{text} הלימודים יתחדשו.")
    assert (one.source, one.claim) == ("שרת החינוך", "הלימודים יתחדשו")


@pytest.mark.parametrize("opener", ["לטענת", "להערכת", "לדעת"])
def test_more_according_to_phrases(opener: str) -> None:
    one = only(f"{opener} איגוד הקבלנים, המחירים ימשיכו לעלות.")
    assert (one.verb, one.source, one.claim) == (opener, "איגוד הקבלנים", "המחירים ימשיכו לעלות")


def test_trailing_emerges_from_a_document_with_a_relative_clause() -> None:
    one = only('השכר הממוצע עלה ב־3%, כך עולה מנתוני הלמ"ס שפורסמו אתמול.')
    assert (one.verb, one.source, one.claim) == ("עולה", 'נתוני הלמ"ס', "השכר הממוצע עלה ב־3%")


def test_an_impersonal_office_with_a_maqaf_after_its_bet() -> None:
    one = only('ב־מד"א מסרו כי שניים נפצעו.')
    assert (one.source, one.claim) == ('מד"א', "שניים נפצעו")


# --- sources after the claim ---------------------------------------------------------------


def test_a_quote_with_its_full_stop_inside_before_the_verb() -> None:
    one = only('"סגרנו את הברז. אין דליפה." אמרה מנהלת המפעל.')
    assert (one.source, one.claim, one.quoted) == ("מנהלת המפעל", "סגרנו את הברז. אין דליפה", True)


def test_a_dash_instead_of_a_comma_after_the_quote() -> None:
    one = only('"אין דליפה" – אמרה מנהלת המפעל.')
    assert (one.source, one.claim) == ("מנהלת המפעל", "אין דליפה")


def test_an_unquoted_claim_before_verb_and_source() -> None:
    one = only("הצנרת ישנה ויש להחליפה, אמר מהנדס המועצה.")
    assert (one.source, one.claim, one.quoted) == ("מהנדס המועצה", "הצנרת ישנה ויש להחליפה", False)


def test_an_unquoted_claim_needs_the_source_to_end_the_sentence() -> None:
    assert suggest("הצנרת ישנה, אמר מהנדס המועצה, ואין סכנה.") == []
    assert suggest("מאת רון גבאי, כתב כלכלה") == []


def test_a_trailing_according_to_after_a_whole_attribution_is_its_relay() -> None:
    one = only("המהנדס הסביר כי הצנרת ישנה, כך לפי הודעת המועצה.")
    assert (one.source, one.claim, one.relay) == ("המהנדס", "הצנרת ישנה", "הודעת המועצה")
    one = only('"נסגור את הפרצה", אמר אחד הקצינים בכנס סגור, כך לפי אחד הנוכחים.')
    assert (one.source, one.claim, one.relay) == ("אחד הקצינים", "נסגור את הפרצה", "אחד הנוכחים")


@pytest.mark.parametrize("text", ["הצנרת ישנה, לדברי המהנדס, ואין סכנה.", "הצנרת ישנה – כך לדברי המהנדס."])
def test_according_to_after_the_claim_mid_sentence_or_after_a_dash(text: str) -> None:
    one = only(text)
    assert (one.source, one.claim) == ("המהנדס", "הצנרת ישנה")


# --- named or anonymous ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["רופאה במחלקה", "בני משפחתו", "שכנה", "פעילי מחאה", "חברת כנסת מהאופוזיציה", "סטודנטית בת 22", "תושבי העיר עכו"],
)
def test_unnamed_people_are_anonymous(source: str) -> None:
    one = only(f"{source} סיפרו כי הרעש נמשך כל הלילה.")
    assert (one.source, one.named, one.source_type) == (source, False, "anonymous")


@pytest.mark.parametrize("source", ["חבר המועצה אבי לוי", "התושבת רינה אלון", "בני גנץ", "דוברת בית החולים"])
def test_a_name_after_the_head_or_an_office_is_named(source: str) -> None:
    assert only(f"{source} אמר כי הרעש נמשך.").named


@pytest.mark.parametrize("verb", ["מצא", "מראה"])
def test_a_study_finds_or_shows(verb: str) -> None:
    one = only(f"מחקר של מכון ויצמן {verb} כי השינה משפרת את הזיכרון.")
    assert (one.source, one.claim) == ("מחקר של מכון ויצמן", "השינה משפרת את הזיכרון")


# --- second dev batch: general shapes it showed ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"נחזור לשולחן", אמר אמש שר החקלאות בראיון לרדיו.',
        '"נחזור לשולחן", אמר שר החקלאות כשהוא יוצא מהישיבה.',
        '"נחזור לשולחן", אמר שר החקלאות בסוף הפגישה.',
    ],
)
def test_a_circumstance_after_a_trailing_source_is_not_part_of_it(text: str) -> None:
    one = only(text)
    assert (one.source, one.claim) == ("שר החקלאות", "נחזור לשולחן")


def test_a_quoted_name_before_ki_is_not_the_claim() -> None:
    one = only('בכיר בענף העריך בשיחה עם "כלכלה היום" כי המחירים יירדו.')
    assert (one.source, one.claim) == ("בכיר בענף", "המחירים יירדו")
    one = only('מקורות מצריים אמרו לעיתון "אל־יום" כי המעבר ייפתח.')
    assert (one.source, one.claim) == ("מקורות מצריים", "המעבר ייפתח")


def test_the_claim_ends_before_the_sources_next_act() -> None:
    one = only('ראש הסיעה טען כי השר "איבד את האמון" וקרא לו להתפטר.')
    assert one.claim == 'השר "איבד את האמון"'
    one = only('ראש הסיעה טען כי השר "איבד את האמון", והזהיר כי "נפעל בכנסת".')
    assert one.claim == 'השר "איבד את האמון"'


def test_a_report_after_lefter_she() -> None:
    one = only('המשבר החריף לאחר שסיעת "הדרך" הודיעה כי לא תתמוך בחוק.')
    assert (one.source, one.claim) == ('סיעת "הדרך"', "לא תתמוך בחוק")


def test_according_to_with_a_role_before_a_quote() -> None:
    one = only('לדברי מנהל הקרן, אבי גל, "השוק כבר מתמחר ירידה".')
    assert (one.source, one.role, one.claim) == ("מנהל הקרן", "אבי גל", "השוק כבר מתמחר ירידה")


def test_a_feminine_acronym_is_one_word() -> None:
    one = only('"ההזמנות ירדו", סיפרה מנכ"לית המפעל "עץ ירוק", דנה לב.')
    assert (one.source, one.role, one.claim) == ('מנכ"לית המפעל "עץ ירוק"', "דנה לב", "ההזמנות ירדו")


def test_an_unquoted_claim_then_verb_source_and_a_relative_clause() -> None:
    one = only('מדובר ב"סכנה ממשית", הודה קצין בכיר, שביקש שלא להזדהות.')
    assert (one.source, one.claim, one.named) == ("קצין בכיר", 'מדובר ב"סכנה ממשית"', False)


def test_a_headline_under_a_rubric() -> None:
    one = only('כלכלה | בכיר באוצר: "הגירעון יחרוג"\n\nגוף הכתבה.')
    assert (one.source, one.claim) == ("בכיר באוצר", "הגירעון יחרוג")


def test_a_trailing_document_with_its_identifying_relative_clause() -> None:
    one = only("הפשיעה ירדה ב־8%, כך עולה מנתונים שהציגה המשטרה לוועדת הפנים.")
    assert (one.source, one.claim) == ("נתונים שהציגה המשטרה לוועדת הפנים", "הפשיעה ירדה ב־8%")


def test_a_fronted_according_to_before_a_whole_attribution_is_its_relay() -> None:
    one = only('לפי דיווח באתר "השטח", גורם בעירייה אמר כי "המכרז בוטל".')
    assert (one.source, one.claim, one.relay, one.named) == ("גורם בעירייה", "המכרז בוטל", 'אתר "השטח"', False)


def test_according_to_a_report_spelt_like_a_verb() -> None:
    one = only("לפי דיווח בחדשות 13, השרה תתפטר.")
    assert (one.source, one.claim) == ("דיווח בחדשות 13", "השרה תתפטר")


@pytest.mark.parametrize(
    "text, source",
    [
        ("אמרו במשטרה כי הכביש ייפתח.", "משטרה"),
        ("הכביש ייפתח, כך מסרו בעירייה.", "עירייה"),
        ('"הכביש ייפתח", מסרו הבוקר בכבאות והצלה.', "כבאות והצלה"),
    ],
)
def test_an_impersonal_plural_before_its_office_leaves_the_bet_out(text: str, source: str) -> None:
    assert only(text).source == source


@pytest.mark.parametrize(
    "text, source, claim",
    [
        ("כפי שדיווח אתמול ערוץ 14, השרה תתפטר.", "ערוץ 14", "השרה תתפטר"),
        ('כפי שאמרה השרה בכנס, "אין לנו ברירה".', "השרה", "אין לנו ברירה"),
    ],
)
def test_a_fronted_kfi_she_clause_takes_the_claim_after_its_comma(text: str, source: str, claim: str) -> None:
    one = only(text)
    assert (one.source, one.claim) == (source, claim)


def test_a_circumstance_between_commas_is_no_role() -> None:
    one = only("ראש הממשלה, בנאום בכנסת, אמר כי אין ברירה.")
    assert (one.source, one.role) == ("ראש הממשלה", "")


def test_according_to_then_a_relative_clause_between_commas() -> None:
    one = only("לדברי השר, שנשאל על כך בכנסת, אין כוונה לשנות את החוק.")
    assert (one.source, one.claim) == ("השר", "אין כוונה לשנות את החוק")
    one = only("לפי הלשכה, שיעור האבטלה עלה, בעיקר בצפון.")
    assert one.claim == "שיעור האבטלה עלה, בעיקר בצפון"


def test_a_suspicion_is_no_source() -> None:
    assert suggest("על פי החשד, הנאשם פרץ לדירה.") == []


def test_a_quote_then_an_impersonal_report_from_its_source() -> None:
    one = only('"החקירה נמשכת", נמסר מהמשטרה.')
    assert (one.verb, one.source, one.claim, one.quoted) == ("נמסר", "המשטרה", "החקירה נמשכת", True)


@pytest.mark.parametrize(
    "headline, source, named",
    [("מומחים: המחירים ימשיכו לעלות", "מומחים", False), ("הסקר: רוב הציבור תומך בהסכם", "הסקר", True)],
)
def test_an_unquoted_headline_from_unnamed_people_or_a_document(headline: str, source: str, named: bool) -> None:
    one = only(f"{headline}\n\nגוף הכתבה.")
    assert (one.verb, one.source, one.named) == (":", source, named)


def test_speaker_tags_of_an_interview_are_no_sources() -> None:
    assert suggest("ש: מה אתה אומר לתושבים?\nת: אני אומר להם שהמצב ישתפר.") == []
