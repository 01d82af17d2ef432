"""The Hebrew words the attribution rules know: reporting verbs, and the words that shape a source.

Words are compared as ``hebrew_text`` normalises them (no niqqud, ״ as ",
׳ as '). Verbs are listed form by form (past and present, singular and
plural) rather than built from roots: Hebrew inflection changes letters in
the middle of a word, and a closed list cannot mistake a noun for a verb.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Verb:
    """One reporting-verb form."""

    lemma: str
    plural: bool  # third person plural: with a «ב…» source it is impersonal («במשרד מסרו»)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _forms(rows: dict[str, str]) -> dict[str, Verb]:
    table: dict[str, Verb] = {}
    for lemma, forms in rows.items():
        for form in forms.split():
            table[form] = Verb(lemma, form.endswith(("ו", "ים", "ות")) and not form.endswith("ווח"))
    return table


#: Verbs that introduce what someone says, thinks or reports (with כי / ש־ / a colon / a quote).
VERBS = _forms(
    {
        "אמר": "אמר אמרה אמרו אומר אומרת אומרים אומרות יאמר תאמר יאמרו",
        "הוסיף": "הוסיף הוסיפה הוסיפו מוסיף מוסיפה מוסיפים מוסיפות יוסיף תוסיף יוסיפו",
        "ציין": "ציין ציינה ציינו מציין מציינת מציינים מציינות יציין תציין יציינו",
        "מסר": "מסר מסרה מסרו מוסר מוסרת מוסרים ימסור תמסור ימסרו",
        "הודיע": "הודיע הודיעה הודיעו מודיע מודיעה מודיעים מודיעות יודיע תודיע יודיעו",
        "טען": "טען טענה טענו טוען טוענת טוענים טוענות יטען תטען יטענו",
        "הבהיר": "הבהיר הבהירה הבהירו מבהיר מבהירה מבהירים מבהירות יבהיר תבהיר יבהירו",
        "הדגיש": "הדגיש הדגישה הדגישו מדגיש מדגישה מדגישים מדגישות ידגיש תדגיש ידגישו",
        "סיפר": "סיפר סיפרה סיפרו מספרת יספר תספר יספרו",
        "כתב": "כתב כתבה כתבו כותב כותבת כותבים כותבות יכתוב תכתוב",
        "הסביר": "הסביר הסבירה הסבירו מסביר מסבירה מסבירים מסבירות יסביר תסביר יסבירו",
        "הזהיר": "הזהיר הזהירה הזהירו מזהיר מזהירה מזהירים מזהירות יזהיר תזהיר יזהירו",
        "ענה": "ענה ענתה ענו עונה",
        "השיב": "השיב השיבה השיבו משיב משיבה משיבים",
        "פרסם": "פרסם פרסמה פרסמו מפרסם מפרסמת",
        "דיווח": "דיווח דיווחה דיווחו מדווח מדווחת מדווחים ידווח תדווח",
        "הודה": "הודה הודתה הודו מודה מודים מודות יודה",
        "אישר": "אישר אישרה אישרו מאשר מאשרת מאשרים מאשרות יאשר תאשר",
        "הכחיש": "הכחיש הכחישה הכחישו מכחיש מכחישה מכחישים מכחישות יכחיש תכחיש",
        "העריך": "העריך העריכה העריכו מעריך מעריכה מעריכים מעריכות",
        "הצהיר": "הצהיר הצהירה הצהירו מצהיר מצהירה יצהיר",
        "הכריז": "הכריז הכריזה הכריזו מכריז מכריזה יכריז תכריז",
        "חשף": "חשף חשפה חשפו חושף חושפת",
        "הגיב": "הגיב הגיבה הגיבו",
        "קבע": "קבע קבעה קבעו קובע קובעת",
        "התריע": "התריע התריעה התריעו מתריע מתריעה מתריעים מתריעות",
        "שלל": "שלל שללה שללו שולל שוללת שוללים",
        "התלונן": "התלונן התלוננה התלוננו מתלונן מתלוננת מתלוננים",
        "ציטט": "ציטט ציטטה ציטטו",
        "סבור": "סבור סבורה סבורים סבורות",
        "מאמין": "מאמין מאמינה מאמינים מאמינות האמין האמינה האמינו",
        "חושב": "חושב חושבת חושבים חושבות",
        "גילה": "גילה גילתה גילו מגלה",
        "הבטיח": "הבטיח הבטיחה הבטיחו מבטיח מבטיחה מבטיחים",
        "איים": "איים איימה איימו מאיים מאיימת מאיימים",
        "עדכן": "עדכן עדכנה עדכנו מעדכן מעדכנת מעדכנים",
        "האשים": "האשים האשימה האשימו מאשים מאשימה מאשימים",
        "העיד": "העיד העידה העידו",
        "פירט": "פירט פירטה פירטו",
        "צייץ": "צייץ צייצה צייצו",
        "התחייב": "התחייב התחייבה התחייבו",
        "הזכיר": "הזכיר הזכירה הזכירו",
        "מצא": "מצא מצאה מצאו",
        "הראה": "הראה הראתה הראו מראה מראים מראות",
    }
)

#: Impersonal verbs whose source is the «מ…» (or «ב…») phrase: «מהמשטרה נמסר כי», «מהדו"ח עולה כי».
FROM_VERBS = frozenset({"נמסר", "נמסרה", "נאמר", "נכתב", "עולה", "הובהר", "נטען", "צוין", "הוסבר"})

#: Verbs that may pass on someone else's words: «X דיווח בשם Y», «X ציטט את Y».
RELAY_LEMMAS = frozenset({"דיווח", "מסר", "ציטט", "פרסם"})

#: Verbs of another act the same subject does before it reports: «X מתח ביקורת על… וטען כי».
PRIOR_VERBS = _words(
    "מתח מתחה מתחו תקף תקפה תקפו הגיב הגיבה הגיבו התייחס התייחסה התייחסו יצא יצאה יצאו "
    "פנה פנתה פנו התראיין התראיינה נשאל נשאלה נשאלו ביקר ביקרה ביקרו"
)

#: «לפי X,», «לדברי X,», «על פי X,» (על פי as two words or joined by a maqaf), «לטענת X,», «להערכת X,».
ACCORDING = frozenset({"לפי", "לדברי", "על־פי", "על-פי", 'ע"פ', "לטענת", "להערכת", "לדעת", "לגרסת"})

#: Two-word openers of a clause that are time or sequence, never its subject («מאוחר יותר הודיע השר»).
OPENING_PAIRS = frozenset(
    {
        ("מאוחר", "יותר"),
        ("מוקדם", "יותר"),
        ("לאחר", "מכן"),
        ("אחר", "כך"),
        ("קודם", "לכן"),
        ("בתוך", "כך"),
        ("על", "כך"),
    }
)

#: «לשאלת הכתב», «לבקשת הוועד»: a circumstance opening a clause, never its subject.
CIRCUMSTANCES = _words("לשאלת לשאלה לבקשת לדרישת לקראת לאור לנוכח לאחר לפני בעקבות בתגובה")

#: Addressees written out after a verb and its source: «אמר השר לכתבים», not part of the source.
ADDRESSEE_WORDS = _words("לכתבים לכתבנו לכתבתנו לעיתונאים לתקשורת לאתר לעיתון לרדיו לערוץ לחדשות לתוכנית")

#: «לפי X» that is a rule or a measure, not a report: «לפי החוק», «לפי שעה», «לפי הצורך».
NOT_ACCORDING = _words(
    "החוק חוק התקנות התקנון הכללים הנוהל הנהלים התוכנית התכנון לוח הסדר סדר הצורך הצרכים שעה המצב "
    "גודל גיל מידת מספר סוג החשד החשדות"
)

#: Words that open a clause without being part of its subject.
CONNECTORS = _words(
    "אבל אולם ואולם אך ואילו גם וגם עוד ועוד בנוסף מנגד במקביל בינתיים ובינתיים כאמור אגב ואכן אכן "
    "ובכן לכן לפיכך כן וכן עם זאת לעומת מאידך ואולם אלא שכן כעת עתה "
)

PRONOUNS = _words("הוא היא הם הן אני אנחנו אנו אתה את אתם אתן זה זו זאת אלה אלו מי מה ומה ומי והוא והיא והם והן")

#: Words that are never (the start of) a source: function words and time words.
NOT_SOURCE = PRONOUNS | _words(
    "כך וכך כן לא גם רק אך אבל כי אם כאשר כש של את על עם אל עד מאז כבר עוד אף כל ו "
    "אתמול היום הבוקר הערב הלילה מחר שלשום השבוע החודש השנה לאחרונה כעת עכשיו אז בתגובה בעבר "
    "לפני אחרי לאחר בשעה בשעות בשבוע בחודש בשנה בהודעה בתגובתו בתגובתה ביום שעה"
)

#: Time words that may open a clause before its verb («אתמול אמר השר כי…»).
OPENING_TIME = _words("בתגובה אתמול היום הבוקר הערב הלילה שלשום השבוע כעת עכשיו בינתיים ובינתיים בהמשך ובהמשך")

#: Words between a verb and its addressee or claim that are time, manner or circumstance.
TIME_WORDS = _words(
    "אתמול היום הבוקר הערב הלילה מחר שלשום השבוע החודש השנה לאחרונה כעת עכשיו אז בתגובה בעבר "
    "גם רק כבר עוד אף לפני כחצי חצי שעה שעות דקות בהודעה בתגובתו בתגובתה היטב בבוקר בערב אמש פעם שוב"
)

#: Circumstances that end a source phrase: «אמר השר בראיון לרדיו», «אומרת אבני בסוף השיחה».
CIRCUMSTANCE_WORDS = _words(
    "בראיון בריאיון בשיחה בשיחת בכנס בפתח בסוף בתום במהלך בטקס בנאום בפוסט בציוץ בעת בישיבת בישיבה "
    "בהודעה בתגובה בדיון בפגישה במסיבת בשידור במכתב בעמוד בחשבון בהופעה בסיור בביקור"
)

#: Acts a source goes on to after its claim («…" וקראה לפזר את הכנסת»): the claim ends before them.
FOLLOWING_ACTS = _words("קרא קראה קראו ביקש ביקשה ביקשו דרש דרשה דרשו")

#: An addressee after the verb («אמר לי», «מסרו לנו»): not the source.
ADDRESSEES = _words("לי לנו לו לה להם להן לכם לכן")

#: Words that begin with ש without it being the complementiser ש־.
SH_WORDS = _words(
    "ש שר שרה שרת שרי השר שגריר שגרירת שופט שופטת שופטים שירות שירותי שעה שעות שנה שנים שנתיים "
    "שבוע שבועות שבועיים שלשום שם שוב שני שתי שתיים שלושה שלוש שלושים שש שבע שבעה שמונה שמונה "
    "שלום שמעון שמואל שרון שירה שלמה שחר שמיר שטרן שפירא שלו שלה שלהם שלנו שלי שכן שוטר שוטרים "
    "שוטרת שכנים שכן שיחה שאלה שיטה שטח שדה שוק שימוש שינוי שלב שלישי שישי ששי שבת"
)

#: Verbs of a relative clause that ends a source: «דו"ח X שפורסם בקיץ», «X, שביקש…».
RELATIVE_VERBS = _words(
    "פורסם פורסמה פורסמו נערך נערכה נערכו הוגש הוגשה הוצג הוצגה התפרסם התפרסמה הגיע הגיעה הגיעו "
    "נמסר נמסרה יצא יצאה נחשף נחשפה ביקש ביקשה ביקשו סירב סירבה סירבו מפעיל מפעילה מפעילים "
    "עומד עומדת עומדים מכהן מכהנת"
)

#: Words that begin with ו without it being «and»: «ועד השכונה», «ועדת הכספים».
VAV_WORDS = _words("ועד ועדת ועדה ועדות וועד וועדת ותיק ותיקה ותיקים ותיקות ורד ויקטור וליד")

#: Words that begin with ב without it being «in/at»: «בכיר לשעבר», «בית המשפט».
BET_WORDS = _words("בכיר בכירה בכירים בכירות בעל בעלת בעלי בית בני בנות בן בת בנק ברית בוחרים בודק בודקים")

#: Heads of an anonymous source («גורם בכיר», «מקורות מדיניים», «תושב אחר»).
ANONYMOUS_HEADS = _words(
    "גורם גורמים מקור מקורות בכיר בכירה בכירים בכירות פקיד פקידה פקידים עובד עובדת עובדים "
    "תושב תושבת תושבים תושבות עד עדים עדי עדה מומחה מומחית מומחים פרשנים כלכלנים אנליסטים "
    "שכן שכנים נהג נהגים הורים מורים אחד אחת חלק רבים מעטים קצין קצינים קצינה איש אנשי אנשים "
    "חברי גורמי מקורבים מקורב מקורבי הערכות הערכה שמועות עדויות פעילים מפגינים "
    "נוסעים חוקרים רופאים שוטרים חיילים עובדי "
    "רופא רופאה אחות אחיות שכנה סטודנט סטודנטית חייל חיילת מורה תלמיד תלמידה לקוח לקוחה לקוחות "
    "מטופל מטופלת חולה חולים נוסע נוסעת נהגת צעיר צעירה קשיש קשישה שוטר שוטרת פעילי ארגוני חבר "
    "בעל בעלת בעלי סוחר חקלאי מגדל תושבי"
)

#: Words that leave an anonymous head anonymous («גורם בכיר», «תושב אחר», «אחד מבכירי»).
ANONYMOUS_MODIFIERS = _words(
    "בכיר בכירה בכירים בכירות אחר אחרת אחרים אחרות רשמי רשמית רשמיים מדיני מדינית מדיניים "
    "ביטחוני ביטחונית ביטחוניים מקומי מקומיים ותיק ותיקים רבים לשעבר שונים זרים ישראלי ישראלים "
    "ראייה ממשלתי ממשלתיים מערכת צבאי צבאיים אמריקאי אמריקאים מצרי מצרים"
)

#: Counting words before an anonymous head («שני תושבים», «כמה מומחים»).
QUANTIFIERS = _words("שני שתי שלושה שלוש כמה מספר חלק רוב")

#: Title and office words: a headline «X: claim» names a source when X starts with one.
TITLES = _words(
    'ראש סגן סגנית שר שרת דובר דוברת מנכ"ל מנכ"לית יו"ר נשיא נשיאת מפכ"ל רמטכ"ל ח"כ '
    'מפקד מנהל מנהלת ד"ר פרופ\' עו"ד בכיר בכירה גורם מקור שגריר יועץ יועצת'
)

DOCUMENT_WORDS = _words('דו"ח דוח הודעה הודעת נתוני נתונים תחזית סקר מחקר מסמך מכתב פסק החלטת תוכנית הערכת מבקר')
MEDIA_WORDS = _words("דיווח הדיווח עיתון ערוץ רדיו חדשות אתר סוכנות תאגיד כתב כתבת")
EXPERT_WORDS = _words("ד\"ר פרופ' פרופסור מומחה מומחית כלכלן כלכלנית חוקר חוקרת חזאי חזאית אנליסט פרשן פרשנית")
OFFICIAL_WORDS = _words(
    'ראש סגן סגנית שר שרת השרה יועץ יועצת שופט שופטת דובר דוברת מנכ"ל יו"ר נשיא מפקד ח"כ חבר מנהל מנהלת עיריית עירייה '
    'משרד רשות משטרה משטרת מועצה מועצת ממשלה ממשלת צה"ל לשכת ועדת בית אגף כבאות מד"א ועד '
    "חברת ארגון איגוד מהנדס"
)


def verb(word: str) -> tuple[str, Verb] | None:
    """(prefix, verb) when ``word`` is a reporting-verb form, bare or after «ו» / «ש» / «וש»."""
    return _PREFIXED.get(word)


_PREFIXED = {prefix + form: (prefix, v) for prefix in ("וש", "ש", "ו", "") for form, v in VERBS.items()}


def bare(word: str) -> str:
    """``word`` without its definite article (for looking it up in a list)."""
    return word[1:] if word.startswith("ה") and len(word) > 2 else word


#: Heads a «לפי X» source may open with when no comma ends it («לפי משרד הבריאות התחלואה…»).
CHAIN_WORDS = (
    TITLES
    | DOCUMENT_WORDS
    | MEDIA_WORDS
    | EXPERT_WORDS
    | OFFICIAL_WORDS
    | ANONYMOUS_HEADS
    | _words("נתוני דברי הערכת הערכות עדות תחקיר מסמך מדד אגף מחלקת חטיבת מרכז מכון יחידת שירות לשכה")
)

#: First words of an unquoted headline «X: claim» that name a source: titles, unnamed people, documents.
HEADLINE_HEADS = TITLES | ANONYMOUS_HEADS | DOCUMENT_WORDS | _words("מומחים סקר הסקר")
