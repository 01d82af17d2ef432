"""Guesses about a scraped article from its first lines: related-news blocks, title, date, outlet.

Text scraped from a news site keeps the site's furniture: a date line, the
outlet's name (often twice), the title pasted again between sections, and
"related news" blocks of other articles' headlines. The reader dims those and
shows the guessed title, outlet and date when the article has no header.
Regular expressions over the whole text, so a 5 MB article costs milliseconds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice, pairwise

from .metadata import Metadata

__all__ = ["guess_metadata", "related_paragraphs"]

# --------------------------------------------------------------------------
# Scraped structure: related-news blocks

_MAX_HEADING_LENGTH = 120
_MAX_RELATED_ITEMS = 15
_SPACE = r"[^\S\n]"  # whitespace within one line
# Spellings differ between sites (اقرأ أيضاً / اقرأ أيضًا / اقرا ايضا, Persian
# ی/ک against Arabic ي/ك), so each heading letter matches its variants, with
# any harakat or tatweel after it. The pattern runs on the article text itself,
# which is never changed.
_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*"
_VARIANTS = {**dict.fromkeys("اأإآٱ", "اأإآٱ"), **dict.fromkeys("يىی", "يىی"), **dict.fromkeys("كک", "كک")}


def _loose(heading: str) -> str:
    """A regular expression for ``heading`` that tolerates spelling variants and harakat."""
    words = []
    for word in heading.split():
        words.append("".join(f"[{re.escape(_VARIANTS.get(char, char))}]{_MARKS}" for char in word))
    return f"{_SPACE}+".join(words)


_RELATED_HEADINGS = (
    # Arabic
    "أخبار تهمك",
    "قد يهمك",
    "اقرأ أيضا",
    "اقرأ المزيد",
    "طالع أيضا",
    "شاهد أيضا",
    "أخبار ذات صلة",
    "أخبار متعلقة",
    "موضوعات ذات صلة",
    "مواضيع ذات صلة",
    "مقالات ذات صلة",
    "ذات صلة",
    "الأكثر قراءة",
    # Persian, Urdu
    "مطالب مرتبط",
    "مطالب مرتبط دیگر",
    "بیشتر بخوانید",
    "بخوانید",
    "مزید پڑھیں",
    # Hebrew
    "כתבות נוספות",
    "עוד בנושא",
    "כתבות קשורות",
    # English
    "read also",
    "read more",
    "see also",
    "related",
    "related news",
    "related articles",
    "related stories",
    "more on this story",
)
_EDGE = rf"(?:{_SPACE}|[:：\-–—|•*#>»«\"'.…!؛،,()\[\]])"
# Whole lines: a heading alone ("block"), or a heading,
# a separator and a headline on the same line ("inline": اقرأ أيضا: ...).
_RELATED_RE = re.compile(
    rf"\n{_EDGE}*(?:"
    + "|".join(_loose(heading) for heading in sorted(_RELATED_HEADINGS, key=len, reverse=True))
    + rf")(?:(?P<block>{_EDGE}*$)|{_SPACE}*[:：|\-–—»][^\n]*?\w)",
    re.MULTILINE | re.IGNORECASE,  # "^" is spelt "\n" so that re can skip ahead to newlines
)


def _related_headings(text: str) -> Iterator[tuple[int, bool]]:
    """(line index, is a block heading) of every related-news heading line in ``text``.

    One regular-expression pass that only stops at newlines: a 5 MB article
    takes milliseconds, where folding the text or checking line by line took
    hundreds.
    """
    text = "\n" + text  # the "\n" before line k is the k-th one
    line, position = 0, 0
    for match in _RELATED_RE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        yield line, match.group("block") is not None


def _is_short_headline(line: str) -> bool:
    """Short and not ending a sentence: a headline, not a paragraph of the article."""
    if len(line) >= _MAX_HEADING_LENGTH:
        return False
    sentence_end = (line.endswith(".") and not line.endswith("..")) or line.endswith("۔")
    return not sentence_end


def related_paragraphs(text: str, lines: list[str]) -> frozenset[int]:
    """Paragraphs of "related news" blocks in ``text`` (``lines``: its stripped lines).

    A heading («اقرأ أيضا», «أخبار ذات صلة», "Read more"…) alone on its line
    starts a block that runs over the short headlines after it; a heading
    with a headline on the same line is one related line.
    """
    found: set[int] = set()
    for index, is_block in _related_headings(text):
        if len(lines[index]) > _MAX_HEADING_LENGTH:
            continue
        found.add(index)
        if not is_block:
            continue
        taken = 0
        for follower in range(index + 1, len(lines)):
            line = lines[follower]
            if not line:
                continue
            if taken >= _MAX_RELATED_ITEMS or not _is_short_headline(line):
                break
            found.add(follower)
            taken += 1
    return frozenset(found)


# --------------------------------------------------------------------------
# Scraped structure: metadata

_HEAD_LINES = 40  # metadata looks at this many non-empty lines, no further
_TOP_LINES = 12  # the date and outlet sit above the story
_OUTLET_TOP_LINES = 6  # an outlet found by keyword must be right at the top
_MAX_OUTLET_WORDS = 6
_MAX_DATE_WORDS = 12
_MAX_DATE_LENGTH = 100
_MAX_TITLE_LENGTH = 250
_TITLE_CANDIDATES = 3

_MONTHS = (
    # Arabic (Egypt/Gulf), including common spellings
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "إبريل",
    "ابريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "أغسطس",
    "اغسطس",
    "سبتمبر",
    "أكتوبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    # Arabic (Levant, Iraq)
    "كانون الثاني",
    "كانون الأول",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    # Hijri
    "محرم",
    "ربيع الأول",
    "ربيع الآخر",
    "ربيع الثاني",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
    # Persian (Gregorian and solar)
    "ژانویه",
    "فوریه",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
    # Hebrew
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
    # English
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
# A month name as a whole word, allowing one attached Arabic (و ف ب ل) or
# Hebrew (ב ל ו ה מ) prefix letter: "لمايو", "בינואר".
_MONTH_RE = re.compile(
    r"(?<!\w)[وفبلבלוהמ]?(?:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_NUMERIC_DATE_RE = re.compile(r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)")
_TIME_RE = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_DIGIT_RE = re.compile(r"\d")  # Western, Arabic-Indic and Persian digits alike

_OUTLET_WORDS_RE = re.compile(
    r"الإخبارية|الاخبارية|الإخباري|الاخباري|نيوز|جريدة|صحيفة|وكالة|بوابة|"
    r"خبرگزاری|روزنامه|חדשות|\bnews\b|\bagency\b|\bgazette\b",
    re.IGNORECASE,
)


def _looks_like_date(line: str) -> bool:
    """A short line with a date or time in it: "8 يناير 2025 13:44", "2025-01-08", "13:44"."""
    if len(line) > _MAX_DATE_LENGTH or len(line.split()) > _MAX_DATE_WORDS:
        return False
    if _NUMERIC_DATE_RE.search(line) or _TIME_RE.search(line):
        return True
    return bool(_MONTH_RE.search(line) and _DIGIT_RE.search(line))


def guess_metadata(lines: list[str], related: frozenset[int]) -> Metadata:
    """Date, outlet and title of a scraped article, from its first non-empty lines.

    ``lines`` are the stripped lines of the whole text (needed to see whether
    a top line is repeated later); only the first ``_HEAD_LINES`` non-empty
    ones are candidates.
    """
    head = list(islice(((index, line) for index, line in enumerate(lines) if line), _HEAD_LINES))
    if not head:
        return Metadata()
    counts = Counter(lines)  # whole article: is a top line repeated further down?
    top = head[:_TOP_LINES]

    date = next((line for _, line in top if _looks_like_date(line)), None)

    outlet = None
    for (_, line), (_, following) in pairwise(top):
        # Scrapers print the outlet name twice (logo alt text, then the name).
        # A short title doubled the same way comes back later in the article,
        # unless it names an outlet (a footer may repeat the outlet).
        if (
            line == following
            and line != date
            and len(line.split()) <= _MAX_OUTLET_WORDS
            and (counts[line] == 2 or _OUTLET_WORDS_RE.search(line))
        ):
            outlet = line
            break
    if outlet is None:
        outlet = next(
            (
                line
                for _, line in head[:_OUTLET_TOP_LINES]
                if line != date
                and len(line.split()) <= _MAX_OUTLET_WORDS
                and counts[line] == 1
                and _OUTLET_WORDS_RE.search(line)
            ),
            None,
        )

    candidates = [line for index, line in head if line not in (date, outlet) and index not in related]
    title = None
    for line in candidates[:_TITLE_CANDIDATES]:
        if counts[line] > 1 and len(line) <= _MAX_TITLE_LENGTH:
            title = line
            break
    if title is None and candidates and len(candidates[0]) <= _MAX_TITLE_LENGTH:
        title = candidates[0]
    return Metadata(title=title, date=date, outlet=outlet)
