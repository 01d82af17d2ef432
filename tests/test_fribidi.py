"""Second opinions on qari's visual lines: GNU FriBidi (CLI) and python-bidi.

FriBidi reorders, mirrors, shapes and, with ``--reordernsm``, keeps marks
after their letter, so ``fribidi --nobreak --nopad --reordernsm`` output is
directly comparable with one unwrapped qari line (``bidi="app"``). The
FriBidi tests skip when the ``fribidi`` program is missing
(``apt-get install libfribidi-bin``).

python-bidi orders but neither mirrors nor shapes, so it is compared on the
order of the unshaped text (qari's ``resolve_levels`` + ``visual_order``),
and on whole lines only where there is nothing to shape, mirror or keep
with a letter.
"""

from __future__ import annotations

import functools
import random
import re
import shutil
import subprocess
import unicodedata

import pytest
from bidi import get_display

from reader.text.bidi import line_levels, paragraph_level, resolve_levels, visual_order
from reader.text.layout import LayoutOptions, layout_paragraph
from reader.text.unidata import classes_of

FRIBIDI = shutil.which("fribidi")
needs_fribidi = pytest.mark.skipif(
    FRIBIDI is None, reason="GNU FriBidi is not installed (apt-get install libfribidi-bin)"
)

WIDE = LayoutOptions(width=10000)

SENTENCES = [
    # Arabic with numbers
    "قُتل 25 شخصاً في عام 2024.",
    "ارتفع التضخم إلى 3.5% في مارس.",
    "بلغ العجز ١٢٫٥ مليار دولار",
    "من 10 إلى 20 كيلومترا",
    "رقم الهاتف 555-1234 للاستفسار",
    "في 12/05/2023 الساعة 10:30 صباحا",
    "سعر الدولار -5 و+7 نقاط",
    # English inside Arabic
    "قال Ahmed Ali إن الوضع خطير",
    "نشرت صحيفة The New York Times تقريرا",
    "أعلنت شركة Apple عن iPhone 15 الجديد",
    "يعمل في BBC News منذ 2010",
    'قال المتحدث: "We will respond" ثم غادر.',
    # Brackets and quotes
    "قال الوزير (في مؤتمر صحفي) إن الحكومة مستعدة.",
    "أكد [المصدر] أن «الوضع مستقر».",
    "المادة {3} من القانون <الجديد>",
    "(هذا نص بين قوسين)",
    "قال (Reuters) إن المفاوضات فشلت",
    "الرئيس (John Smith) وصل",
    "أسعار النفط (برنت) عند 85 دولاراً [تقديرات]",
    # Punctuation
    "هل هذا صحيح؟ نعم، صحيح!",
    "أولاً؛ ثانياً: ثالثاً...",
    "«قال»: لا، لن يحدث.",
    # Hebrew
    "שלום עולם",
    "הוא אמר (בשקט) שלום",
    "ב-2023 היו 15 אירועים",
    "החברה Google הודיעה",
    "מחיר: 100$ בלבד",
    # Persian and Urdu
    "می\u200cخواهم به تهران بروم",
    "گزارش ۱۴۰۲ منتشر شد",
    "یہ ایک ٹیسٹ ہے",
    # Harakat, tatweel, lam-alef
    "بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ",
    "كَتَبَ الطالبُ الدرسَ",
    "الـسـلام عـلـيـكـم",
    "لا إله إلا الله",
    "الأخبار الآن، لإيران",
    # Left-to-right paragraphs
    "The word سلام means peace.",
    "Prices rose 5% (from 100 to 105) in القاهرة",
    "Hebrew שלום and Arabic مرحبا together",
    "Version 2.0 (beta) released",
    # No strong character
    "12345",
    "(100) - [200]",
    # Bidi controls as news sites use them
    "قال \u2066Ahmed\u2069 إن",
    "السعر 100\u200f$ فقط",
    "الرقم \u202a+1 555 0100\u202c للتواصل",
]


def is_rtl(text: str) -> bool:
    level = paragraph_level(classes_of(text))
    return level is None or level == 1


def _fribidi(texts: tuple[str, ...], *flags: str) -> list[str]:
    result = subprocess.run(
        [FRIBIDI, "--nobreak", "--nopad", "--reordernsm", *flags],
        input="".join(t + "\n" for t in texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    lines = result.stdout.split("\n")
    assert len(lines) >= len(texts)
    return lines[: len(texts)]


@functools.cache
def fribidi_lines(texts: tuple[str, ...], *flags: str) -> dict[str, str]:
    """FriBidi's visual line for each text, paragraph direction as qari picks it (RTL when no strong)."""
    out: dict[str, str] = {}
    for direction in ("--wrtl", "--wltr"):
        group = tuple(t for t in texts if is_rtl(t) == (direction == "--wrtl"))
        if group:
            out.update(zip(group, _fribidi(group, direction, *flags)))
    return out


def normalise_fribidi(visual: str) -> str:
    # FriBidi writes U+FEFF after a lam-alef ligature and keeps bidi controls; qari draws neither.
    return "".join(ch for ch in visual if unicodedata.category(ch) != "Cf")


def normalise_qari(visual: str) -> str:
    # Hamza does not join: qari sends its isolated presentation form, FriBidi the letter itself.
    return visual.replace("\ufe80", "\u0621")


def qari_line(text: str) -> str:
    lines = layout_paragraph(text, WIDE)
    assert len(lines) == 1
    return lines[0].text


LAM_ALEF_TAIL_RE = re.compile("(?<=\u0644)[\u064b-\u0652\u0670]*[\u0622\u0623\u0625\u0627]")


def drawn_heads(text: str) -> list[bool]:
    """Which logical offsets start a drawn cluster: not a mark, a format character or a lam-alef's alef."""
    heads = [unicodedata.category(ch) not in ("Mn", "Me", "Cf") for ch in text]
    for m in LAM_ALEF_TAIL_RE.finditer(text):
        heads[m.end() - 1] = False
    return heads


def qari_cluster_order(text: str) -> list[int]:
    """Offsets of the drawn clusters, left to right, from qari's cell map."""
    (line,) = layout_paragraph(text, WIDE)
    order: list[int] = []
    for offset in line.map.cells:
        if not order or order[-1] != offset:
            order.append(offset)
    return order


def fribidi_cluster_order(text: str, vtol: str) -> list[int]:
    heads = drawn_heads(text)
    return [i for i in map(int, vtol.split()) if heads[i]]


# --- FriBidi -------------------------------------------------------------------------


@needs_fribidi
@pytest.mark.parametrize("text", SENTENCES)
def test_visual_line_matches_fribidi(text):
    expected = normalise_fribidi(fribidi_lines(tuple(SENTENCES))[text])
    assert normalise_qari(qari_line(text)) == expected


@needs_fribidi
@pytest.mark.parametrize("text", SENTENCES)
def test_cell_map_order_matches_fribidi(text):
    vtol = fribidi_lines(tuple(SENTENCES), "--novisual", "--vtol")[text]
    assert qari_cluster_order(text) == fribidi_cluster_order(text, vtol)


def test_fribidi_comparison_is_not_vacuous():
    # The sentences exercise what FriBidi is asked about: reordering, mirroring, shaping, marks.
    visuals = [qari_line(t) for t in SENTENCES]
    assert sum(v != t for v, t in zip(visuals, SENTENCES)) >= 35
    assert any(ch in v for v in visuals for ch in "\ufefb\ufefc\ufef7\ufef5")  # lam-alef
    assert sum(is_rtl(t) for t in SENTENCES) >= 25 and sum(not is_rtl(t) for t in SENTENCES) >= 4
    mirrored = [
        t
        for t, v in zip(SENTENCES, visuals)
        if "(" in t and t.index("(") < t.index(")") and is_rtl(t) and v.index("(") < v.index(")")
    ]
    assert len(mirrored) >= 5


#: Characters for random paragraphs, without bidi controls (FriBidi shapes across them
#: differently, by visual run) and without lone marks (FriBidi keeps no dotted circle).
RANDOM_ATOMS = (
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويآأإؤئةى")
    + ["لا", "الأ", "لإ", "لآ"]
    + list("پچژگکیےہھٹڈ")
    + list("אבגדהוזחטיכלמנסעפצקרשתםן")
    + list("abcdefXYZ")
    + list("0123456789")
    + list("٠١٢٣۴۵")
    + list(".,:;!?،؛؟-%$/+")
    + list("()[]{}«»<>")
    + [" "] * 12
    + ["\u064e", "\u0650", "\u0651", "\u064b", "\u05b8", "\u05bc", "\u0301", "\u0640", "\u200c"]
)
_LONE_MARK_RE = re.compile(r"(?:^| )[\u064b-\u0652\u05b0-\u05c2\u0301]")


def random_paragraphs(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        text = "".join(rnd.choice(RANDOM_ATOMS) for _ in range(rnd.randint(1, 40))).strip(" ")
        if text and not _LONE_MARK_RE.search(text):
            out.append(text)
    return out


RANDOM = tuple(random_paragraphs(2024, 300))


@needs_fribidi
def test_random_paragraphs_match_fribidi():
    expected = fribidi_lines(RANDOM)
    maps = fribidi_lines(RANDOM, "--novisual", "--vtol")
    failures = []
    for text in RANDOM:
        got = normalise_qari(qari_line(text))
        want = normalise_fribidi(expected[text])
        if got != want:
            failures.append(f"{text!r}: qari {got!r} fribidi {want!r}")
        elif qari_cluster_order(text) != fribidi_cluster_order(text, maps[text]):
            failures.append(f"{text!r}: cell map {qari_cluster_order(text)} fribidi {maps[text]}")
    assert not failures, f"{len(failures)} of {len(RANDOM)} differ:\n" + "\n".join(failures[:10])


# --- python-bidi -----------------------------------------------------------------------


def qari_order(text: str) -> str:
    """qari's L1+L2 (no L3, no L4) of one unwrapped line, on the unshaped text."""
    classes = classes_of(text)
    base = 1 if is_rtl(text) else 0
    levels = line_levels(classes, resolve_levels(text, base, classes), base)
    return "".join(text[i] for i in visual_order(levels))


def without_format(text: str) -> str:
    # Bidi controls are removed by X9; where the two libraries leave them differs and draws nothing.
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@pytest.mark.parametrize("text", SENTENCES)
def test_order_matches_python_bidi(text):
    expected = get_display(text, base_dir="R" if is_rtl(text) else "L")
    assert without_format(qari_order(text)) == without_format(expected)


PLAIN = [
    t
    for t in SENTENCES
    if not re.search("[\u0600-\u06ff]", t)  # nothing to shape
    and not any(unicodedata.mirrored(ch) for ch in t)
    and not any(unicodedata.combining(ch) for ch in t)
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_line_matches_python_bidi(text):
    # With nothing to shape, mirror or keep with a letter, python-bidi's output is the final line.
    expected = get_display(text, base_dir="R" if is_rtl(text) else "L")
    assert qari_line(text) == without_format(expected)


def test_python_bidi_comparisons_are_not_vacuous():
    assert len(PLAIN) >= 4
    assert sum(qari_order(t) != t for t in SENTENCES) >= 35
    assert sum(qari_line(t) != t for t in PLAIN) >= 3


def test_random_order_matches_python_bidi():
    rnd = random.Random(7)
    controls = [
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u200e",
        "\u200f",
    ]
    failures = []
    for text in random_paragraphs(11, 300):
        chars = list(text)
        for _ in range(rnd.randint(0, 3)):
            chars.insert(rnd.randint(0, len(chars)), rnd.choice(controls))
        text = "".join(chars)
        expected = without_format(get_display(text, base_dir="R" if is_rtl(text) else "L"))
        got = without_format(qari_order(text))
        if got != expected:
            failures.append(f"{text!r}: qari {got!r} python-bidi {expected!r}")
    assert not failures, f"{len(failures)} differ:\n" + "\n".join(failures[:10])
