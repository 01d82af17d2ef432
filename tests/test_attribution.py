"""Attribution suggestions (issue 7): who the article says claims what, and ``qari suggest``."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader.cli as cli
from reader.annotations.model import SOURCE_TYPES
from reader.attribution import Suggestion, known_verb_form, suggest

ROOT = Path(__file__).resolve().parent.parent


def only(text: str) -> Suggestion:
    found = suggest(text)
    assert len(found) == 1, [(s.verb, s.source) for s in found]
    return found[0]


def check_spans(text: str, found: Suggestion) -> None:
    """Every string a suggestion carries is the text's own slice."""
    for value, span in (
        (found.verb, found.verb_span),
        (found.source, found.source_span),
        (found.claim, found.claim_span),
    ):
        start, end = span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == value
    if found.role_span is None:
        assert found.role == ""
    else:
        assert text[found.role_span[0] : found.role_span[1]] == found.role


# --- Patterns ------------------------------------------------------------------------


def test_verb_source_role_then_claim() -> None:
    text = "وأكدت سلمى حداد، المتحدثة باسم وزارة الصحة، أن الحملة تبدأ غدًا في كل المحافظات."
    found = only(text)
    check_spans(text, found)
    assert (found.verb, found.source, found.role) == ("وأكدت", "سلمى حداد", "المتحدثة باسم وزارة الصحة")
    assert found.named and found.source_type == "official"
    assert found.claim == "الحملة تبدأ غدًا في كل المحافظات"
    assert found.pattern == "verb-source"


def test_verb_source_ila_anna_with_a_circumstance_between() -> None:
    text = "وأشار كريم نور، الخبير الاقتصادي، في مؤتمر صحفي أمس، إلى أن التضخم سيتراجع."
    found = only(text)
    assert (found.source, found.role, found.source_type) == ("كريم نور", "الخبير الاقتصادي", "expert")
    assert found.claim == "التضخم سيتراجع"


def test_verb_source_without_commas_and_with_bi_anna() -> None:
    found = only("وصرح رئيس البلدية كمال حداد بأن السوق ستفتح الأحد.")
    assert found.source == "رئيس البلدية كمال حداد" and found.role == ""
    assert found.claim == "السوق ستفتح الأحد"


@pytest.mark.parametrize(
    "text", ["إلا أن مسؤولًا رفيعًا أشار إلى أن المفاوضات متعثرة.", "غير أن مسؤولًا رفيعًا كشف أن المفاوضات متعثرة."]
)
def test_source_before_verb_after_illa_anna(text: str) -> None:
    found = only(text)
    assert found.source == "مسؤولًا رفيعًا" and not found.named and found.source_type == "anonymous"
    assert found.claim == "المفاوضات متعثرة" and found.pattern == "source-verb"


def test_source_before_verb_with_an_anonymity_clause() -> None:
    text = "إلا أن مسؤولًا في الوزارة، طلب عدم ذكر اسمه، أشار إلى أن القرار نهائي."
    found = only(text)
    assert found.source == "مسؤولًا في الوزارة" and found.role == "" and not found.named


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("الوزارة أكدت أن الوضع مستقر.", "الوزارة"),
        ("والحكومة السورية أكدت أن الوضع مستقر.", "الحكومة السورية"),
        ("وَالْحُكُومَةُ أَكَّدَتْ أَنَّ الْوَضْعَ مُسْتَقِرٌّ.", "الْحُكُومَةُ"),
    ],
)
def test_source_opening_the_sentence(text: str, source: str) -> None:
    found = only(text)
    check_spans(text, found)
    assert found.source == source and found.pattern == "source-verb"


def test_outlet_after_lam_is_not_part_of_the_source() -> None:
    found = only("وأكد مصدر دبلوماسي لـ«العربية» أن المحادثات توقفت.")
    assert found.source == "مصدر دبلوماسي" and not found.named


def test_amma_source_fa_verb() -> None:
    found = only("أما سامر بدران، وهو موظف حكومي، فأكد أنه تردد في البداية.")
    assert (found.source, found.role, found.verb) == ("سامر بدران", "موظف حكومي", "فأكد")
    assert found.named


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("ووفقًا لتقرير صادر عن البنك الدولي، فإن النمو سيتباطأ.", "تقرير صادر عن البنك الدولي"),
        ("ووفقا ل وكالة الأنباء الرسمية، فإن النمو سيتباطأ.", "وكالة الأنباء الرسمية"),
        ("وبحسب مصادر مطلعة، فإن النمو سيتباطأ.", "مصادر مطلعة"),
        ("وحسب وزارة المالية فإن النمو سيتباطأ.", "وزارة المالية"),
        ("ونقلًا عن وكالة الأنباء الرسمية، فإن النمو سيتباطأ.", "وكالة الأنباء الرسمية"),
        ("وجاء على لسان المتحدث باسم الحكومة أن النمو سيتباطأ.", "المتحدث باسم الحكومة"),
    ],
)
def test_according_to(text: str, source: str) -> None:
    found = only(text)
    check_spans(text, found)
    assert found.source == source and found.pattern == "according-to"
    assert found.claim == "النمو سيتباطأ"


def test_according_to_after_the_claim() -> None:
    text = "وتعثرت المفاوضات مجددًا، بحسب ما أفادت به مصادر من الطرفين."
    found = only(text)
    assert found.source == "مصادر من الطرفين" and not found.named
    assert found.claim == "وتعثرت المفاوضات مجددًا"


def test_quote_then_verb() -> None:
    text = "«لقد صوّت الناس ضد الغلاء»، قال النائب سليم ضاهر للصحفيين."
    found = only(text)
    assert found.source == "النائب سليم ضاهر" and found.claim == "لقد صوّت الناس ضد الغلاء"
    assert found.pattern == "quote"


def test_verb_source_colon_quote() -> None:
    found = only("وقال سليم ضاهر: «سننتظر النتائج الرسمية».")
    assert found.source == "سليم ضاهر" and found.claim == "«سننتظر النتائج الرسمية»"


def test_relay_names_the_one_quoted_not_the_outlet() -> None:
    found = only("ونقلت صحيفة الصباح عن مسؤول حكومي رفيع أن المجلس سيجتمع الأحد.")
    assert found.source == "مسؤول حكومي رفيع" and not found.named


def test_relay_drops_the_saying_after_the_source() -> None:
    found = only("ونقل التلفزيون الرسمي عن شهود قولهم إن انفجارين سُمعا.")
    assert found.source == "شهود" and not found.named


def test_an_abbreviation_does_not_end_the_sentence() -> None:
    found = only("وأشارت الباحثة د. ليلى قاسم إلى أن دولًا عدة سبقت إلى ذلك.")
    assert found.source == "الباحثة د. ليلى قاسم" and found.claim == "دولًا عدة سبقت إلى ذلك"


def test_object_pronoun_verb_with_a_participle_after() -> None:
    found = only("وهو ما نفاه الجيش في بيان مقتضب، مؤكدًا أن وحداته ردت على مصادر النيران فقط.")
    assert found.source == "الجيش" and found.role == ""
    assert found.claim.startswith("وحداته ردت")


# --- Verb forms ------------------------------------------------------------------------

FAMILIES = {
    "past": [
        "قال",
        "أكد",
        "أشار",
        "كشف",
        "أوضح",
        "صرح",
        "أعلن",
        "ذكر",
        "أفاد",
        "نقل",
        "زعم",
        "نفى",
        "حذر",
        "توقع",
        "رجح",
        "اعتبر",
        "رأى",
        "شدد",
        "لفت",
        "أضاف",
        "تابع",
    ],
    "feminine": ["قالت", "أكدت", "أشارت", "كشفت", "أوضحت", "نفت", "رأت", "أضافت", "رجحت", "بينت"],
    "plural": ["قالوا", "أكدوا", "أشاروا", "نفوا", "رأوا", "حذروا", "زعموا", "توقعوا"],
    "dual": ["قالا", "أكدا", "قالتا", "أكدتا"],
    "present": ["يقول", "تقول", "يؤكد", "تؤكد", "يشير", "يرى", "ترى", "ينفي", "يضيف", "يفيد", "يعتبر", "يعتقد"],
    "present plural": ["يقولون", "يؤكدون", "يرون", "ينفون", "يحذرون", "يقولان"],
    "proclitic": ["وقال", "فقال", "وأكدت", "فأكدوا", "ويؤكد", "وتقول"],
    "object pronoun": ["نفاه", "نفته", "وصفها", "ونقله"],
}


@pytest.mark.parametrize(("family", "form"), [(f, w) for f, forms in FAMILIES.items() for w in forms])
def test_verb_forms_are_known(family: str, form: str) -> None:
    assert known_verb_form(form), family


# Bare بيّن folds to بين ("between"), far more often a preposition: only its other forms count.
@pytest.mark.parametrize("word", ["بيّن", "بين", "قالب", "ذكرى", "مؤكدًا", "أفيد", "كشوف", "الكشف"])
def test_look_alikes_are_not_verbs(word: str) -> None:
    assert not known_verb_form(word)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("وقالت مصادر مطلعة إن الاتفاق قريب.", "وقالت"),
        ("غير أن المسؤولين أكدوا أن الاتفاق قريب.", "أكدوا"),
        ("ويؤكد محللون أن الاتفاق قريب.", "ويؤكد"),
        ("ويقولون مراقبون إن الاتفاق قريب.", "ويقولون"),
        ("غير أن الوزيرين قالا إن الاتفاق قريب.", "قالا"),
        ("فيما ترى الوزارة أن الاتفاق قريب.", "ترى"),
    ],
)
def test_each_form_family_in_a_sentence(text: str, verb: str) -> None:
    found = only(text)
    assert found.verb == verb and found.claim == "الاتفاق قريب"


# --- Named or anonymous --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "named", "kind"),
    [
        ("مصادر مطلعة", False, "anonymous"),
        ("مصدر مطلع", False, "anonymous"),
        ("دبلوماسيون غربيون", False, "anonymous"),
        ("مسؤول رفيع", False, "anonymous"),
        ("بعض المسؤولين", False, "anonymous"),
        ("مصادر مقربة من الحكومة", False, "anonymous"),
        ("محللون", False, "anonymous"),
        ("شهود عيان", False, "anonymous"),
        ("مسؤول في مديرية التربية", False, "anonymous"),
        ("وكالة أنباء إقليمية", False, "anonymous"),
        ("تربويون", False, "anonymous"),
        ("أحد العمال", False, "anonymous"),
        ("والدة أحد الطلاب", False, "anonymous"),
        ("وسائل إعلام محلية", False, "anonymous"),
        ("سلمى حداد", True, "other"),
        ("وزارة الصحة", True, "official"),
        ("البنك المركزي", True, "official"),
        ("وكالة الأنباء الرسمية", True, "media"),
        ("الخبير الاقتصادي كريم نور", True, "expert"),
        ("المحلل السياسي رامي عواد", True, "expert"),
        ("أستاذ الاقتصاد سامي الحلبي", True, "expert"),
        ('منظمة "شفافية"', True, "other"),
    ],
)
def test_named_or_anonymous(source: str, named: bool, kind: str) -> None:
    found = only(f"وقال {source} إن الأسعار سترتفع.")
    assert found.source == source
    assert (found.named, found.source_type) == (named, kind)
    assert found.source_type in SOURCE_TYPES


def test_an_anonymity_clause_makes_no_role() -> None:
    found = only("وقال مسؤول في الوزارة، فضّل عدم الكشف عن هويته، إن القرار نهائي.")
    assert found.role == "" and not found.named


# --- Spelling tolerance ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وأكدت مصادر مطلعة أن الاتفاق قريب.",
        "وَأَكَّدَتْ مَصَادِرُ مُطَّلِعَةٌ أَنَّ الِاتِّفَاقَ قَرِيبٌ.",
        "وأكـــدت مصـادر مطلعـة أن الاتفاق قريب.",
        "واكدت مصادر مطلعة ان الاتفاق قريب.",
        "وأكدت مصادر مطلعه أن الاتفاق قريب.",
    ],
)
def test_harakat_tatweel_alef_and_ta_marbuta_variants(text: str) -> None:
    found = only(text)
    check_spans(text, found)
    assert not found.named
    assert found.source.replace("\u0640", "").startswith(("مصادر", "مَصَادِرُ", "مصـادر"))
    assert found.claim_span[1] == len(text) - 1  # up to the full stop


def test_harakat_on_the_last_letter_belong_to_the_phrase() -> None:
    text = "وَقَالَ رَئِيسُ الْهَيْئَةِ إِنَّ الْعَمَلِيَّةَ جَرَتْ بِهُدُوءٍ."
    found = only(text)
    assert found.source == "رَئِيسُ الْهَيْئَةِ" and found.verb == "وَقَالَ"
    assert found.claim == "الْعَمَلِيَّةَ جَرَتْ بِهُدُوءٍ"


# --- Nothing to suggest ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ويبلغ ارتفاع السد 85 مترا، فيما تتسع بحيرته لنحو مليار متر مكعب.",
        "وفي العاصمة، امتدت الطوابير أمام المدارس حتى ساعات المساء.",
        "وأفيد بأن عددا من القرى ستُنقل إلى مساكن جديدة.",  # passive: no source at all
        "ذُكر أن مراكز الاقتراع شهدت إقبالا ضعيفا.",
        "يُتوقع أن تُطرح الصيغة المعدلة غدًا.",
        "وأضاف أن الوفد سيعود الأسبوع المقبل.",  # pronoun subject from the sentence before
        "مؤكدًا أن الوفد سيعود الأسبوع المقبل.",
        "وقال في بيان إن الوفد سيعود.",
        "وقالت إنها ستعود.",
        "ثم قال إن الوضع مستقر.",
        "لكنه أكد أن الوضع مستقر.",
        "أكد على أهمية أن يكون الحوار شاملا.",
        "يحتاج أثر الفائدة إلى نقل المهارات من الكبار إلى الأجيال الجديدة.",
        "The minister said that talks would resume.",
    ],
)
def test_no_attribution_no_suggestion(text: str) -> None:
    assert suggest(text) == []


# --- Offsets, for any input ---------------------------------------------------------------------

_PIECES = [
    *"قالتأكدصرحمنوفيإنهعبسشطلكةىيءؤئآإأاـ",
    "\u064b",
    "\u064e",
    "\u064f",
    "\u0650",
    "\u0651",
    "\u0652",
    *' ،,.:«»"\n()[]؟!',
    "قال ",
    "أن ",
    "إن ",
    "بحسب ",
    "وفقًا لـ",
    "نقلًا عن ",
    "مصادر ",
    "إلا أن ",
    "أما ",
    "فقال ",
    "، ",
    "»، قال ",
    "على لسان ",
    "طلب عدم ذكر اسمه",
]
ARABICISH = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(ARABICISH)
def test_spans_are_the_texts_own_slices(text: str) -> None:
    for found in suggest(text):
        check_spans(text, found)
        assert found.source_type in SOURCE_TYPES
        assert found.named or found.source_type == "anonymous"


def test_the_sample_articles_give_spans_that_fit() -> None:
    for path in sorted((ROOT / "sample_articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for found in suggest(text):
            check_spans(text, found)


# --- The labelled set -------------------------------------------------------------------------------


def _benchmark():
    spec = importlib.util.spec_from_file_location("qari_attribution_bench", ROOT / "benchmarks" / "attribution.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_the_labelled_set_is_big_enough() -> None:
    texts = _benchmark().load_labelled()
    labels = [label for t in texts for label in t.labels]
    assert len(texts) >= 6 and len(labels) >= 60
    assert {t.split for t in texts} == {"tune", "heldout", "probe"}
    assert any(label.named for label in labels) and any(not label.named for label in labels)
    for item in texts:
        for label in item.labels:
            assert label.source in item.text and label.verb in item.text, (item.name, label.source)


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_precision_and_recall_reach_the_goal(split: str) -> None:
    bench = _benchmark()
    _, _, scores = bench.by_split()[split]
    for measure in ("source, exact", "source + named/anonymous"):
        assert scores[measure].precision >= bench.GOAL_PRECISION, measure
        assert scores[measure].recall >= bench.GOAL_RECALL, measure


# --- qari suggest -------------------------------------------------------------------------------------

ARTICLE = (
    "وقالت مصادر مطلعة إن الاتفاق قريب.\n"
    "وأكد وزير المالية سامي الحلبي أن الأسعار ستستقر.\n"
    "وفي العاصمة، امتدت الطوابير.\n"
)


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_suggest_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_main(capsys, "suggest", str(path), "--json")
    assert code == 0 and err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["source"] for row in rows] == ["مصادر مطلعة", "وزير المالية سامي الحلبي"]
    keys = {
        "verb",
        "source",
        "role",
        "named",
        "source_type",
        "source_start",
        "source_end",
        "claim_start",
        "claim_end",
        "claim",
        "quoted",
        "relay",
        "language",
    }
    for row in rows:
        assert set(row) == keys
        assert ARTICLE[row["source_start"] : row["source_end"]] == row["source"]
        assert ARTICLE[row["claim_start"] : row["claim_end"]] == row["claim"]
    assert [row["named"] for row in rows] == [False, True]
    assert {row["language"] for row in rows} == {"ar"}


def test_suggest_for_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run_main(capsys, "suggest", str(path))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].split("\t")[:3] == ["وقالت", "مصادر مطلعة", "anonymous"]
    assert "named official" in lines[1] and "الأسعار ستستقر" in lines[1]


def test_suggest_never_sends_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("وقال مصدر مطلع إن \x1b]0;pwned\x07 الاتفاق \x9b31m قريب.\n", encoding="utf-8")
    for extra in ((), ("--json",)):
        code, out, _ = run_main(capsys, "suggest", str(path), *extra)
        assert code == 0 and out
        assert not any(ch in out for ch in "\x1b\x07\x9b")
    assert "\x1b]0;pwned\x07 الاتفاق \x9b31m قريب" in json.loads(out)["claim"]


@pytest.mark.parametrize("kind", ["missing", "folder", "binary"])
def test_suggest_bad_input_is_one_line_and_exit_2(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "missing.txt"
    if kind == "folder":
        target = tmp_path
    elif kind == "binary":
        target = tmp_path / "image.txt"
        target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "suggest", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("qari: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.annotations.json"))


# --- the verb's object as the claim (no أن) ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source", "claim"),
    [
        (
            "أعلنت وزارة الصحة، صباح اليوم الاثنين، انطلاق حملة وطنية للتطعيم.",
            "وزارة الصحة",
            "انطلاق حملة وطنية للتطعيم",
        ),
        (
            "كشف وزير التربية، في حديث تلفزيوني مساء أمس، عن خطة لإلغاء الامتحانات.",
            "وزير التربية",
            "خطة لإلغاء الامتحانات",
        ),
        (
            "ونفت وزارة النقل ما تداولته مواقع التواصل عن سقوط قتلى.",
            "وزارة النقل",
            "ما تداولته مواقع التواصل عن سقوط قتلى",
        ),
        ("وتوقّع البنك المركزي تراجعَ التضخم إلى خمسة في المئة.", "البنك المركزي", "تراجعَ التضخم إلى خمسة في المئة"),
        ("وحذرت منظمة الصحة العالمية من موجة جديدة للوباء.", "منظمة الصحة العالمية", "موجة جديدة للوباء"),
    ],
)
def test_an_institution_with_an_object_instead_of_an_an_clause(sentence: str, source: str, claim: str) -> None:
    (found,) = suggest(sentence)
    assert (found.source, found.claim, found.named, found.pattern) == (source, claim, True, "verb-object")
    assert sentence[slice(*found.claim_span)] == claim


@pytest.mark.parametrize(
    "sentence",
    [
        "أعلنت الحكومة.",  # no object
        "وأكد الرئيس دعمه للخطة.",  # not plainly an institution or an office: where would the source end?
        "وقال وزير المالية حديثًا طويلًا.",  # قال takes its claim with إن, not as an object
        "أعلنت وزارة الصحة، التي تشرف على الحملة، قالت شيئًا.",  # what follows is another report, not an object
    ],
)
def test_no_object_claim_without_an_institution_and_an_object(sentence: str) -> None:
    assert [s for s in suggest(sentence) if s.pattern == "verb-object"] == []


def test_the_attribution_package_imports_neither_textual_nor_rich() -> None:
    code = "import sys, reader.attribution; print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"
