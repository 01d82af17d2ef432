"""A citation of a claim, for the clipboard (``Y`` in the reader).

    «quote» — source (role)، title، outlet، 2025-01-08، https://…

A fact-checker pastes it into a report, a chat or a spreadsheet cell, so it
is one line of plain text: the quote with its white space collapsed and
without bidi marks or presentation forms (``reader.text.sanitise.copyable``),
guillemets around it as Arabic, Persian and Urdu typesetting quote, and the
parts that are known in the order a reader asks for them (who said it, where
it was written, when, where to find it). Unknown parts are left out, never
shown as blanks. Parts are separated by the Arabic comma «،» (and sources by
«؛») when the quote is in Arabic script, by «,» and «;» otherwise (Hebrew
writes the Latin comma). A date is given in ISO form (2025-01-08), which
reads the same in every language and stays left to right inside Arabic; a
dateline qari can't read (a Hijri date) is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..article.metadata import Metadata
from ..text.sanitise import copyable

__all__ = ["citation", "iso_date"]

_SPACES_RE = re.compile(r"\s+")
_ARABIC_SCRIPT_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Gregorian month names as news sites write them (Egypt and the Gulf, the Levant and Iraq, Persian, Hebrew, English).
_MONTH_NAMES = (
    ("يناير", "كانون الثاني", "ژانویه", "ינואר", "january", "jan"),
    ("فبراير", "شباط", "فوریه", "פברואר", "february", "feb"),
    ("مارس", "آذار", "מרץ", "march", "mar"),
    ("أبريل", "إبريل", "ابريل", "نيسان", "آوریل", "אפריל", "april", "apr"),
    ("مايو", "أيار", "مه", "מאי", "may"),
    ("يونيو", "يونيه", "حزيران", "ژوئن", "יוני", "june", "jun"),
    ("يوليو", "يوليه", "تموز", "ژوئیه", "יולי", "july", "jul"),
    ("أغسطس", "اغسطس", "آب", "اوت", "אוגוסט", "august", "aug"),
    ("سبتمبر", "أيلول", "سپتامبر", "ספטמבר", "september", "sept", "sep"),
    ("أكتوبر", "اكتوبر", "تشرين الأول", "اکتبر", "אוקטובר", "october", "oct"),
    ("نوفمبر", "تشرين الثاني", "نوامبر", "נובמבר", "november", "nov"),
    ("ديسمبر", "كانون الأول", "دسامبر", "דצמבר", "december", "dec"),
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?![\d])")
_YMD_RE = re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
# "8 يناير 2025", "8 كانون الثاني 2025", "January 8, 2025"; a prefix letter ("لـ", "ב") is allowed before a month.
_DAY_MONTH_YEAR_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+(?:[وفبلבלה]\s*)?({_MONTH})\s*,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_MONTH_DAY_YEAR_RE = re.compile(rf"(?<!\w)({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.IGNORECASE)


def _flat(text: str | None) -> str:
    """One line: bidi marks, controls and presentation forms out, runs of white space one space."""
    return _SPACES_RE.sub(" ", copyable(text or "")).strip()


def _day(year: str, month: int | str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def iso_date(value: str | None) -> str:
    """``value`` (a header's ``published`` or a dateline) as ``YYYY-MM-DD``; as written when it can't be read.

    A date-time keeps the day it was written in (``2025-01-08T01:00+03:00``
    is the 8th, as the outlet dated it, not the 7th in UTC).
    """
    text = _flat(value).translate(_DIGITS)
    if not text:
        return ""
    if m := _ISO_RE.match(text):
        return _day(*m.groups()) or text
    if m := _YMD_RE.search(text):
        return _day(*m.groups()) or text
    if m := _DAY_MONTH_YEAR_RE.search(text):
        return _day(m[3], _MONTHS[m[2].lower()], m[1]) or text
    if m := _MONTH_DAY_YEAR_RE.search(text):
        return _day(m[3], _MONTHS[m[1].lower()], m[2]) or text
    return text


def citation(quote: str, sources: Sequence[tuple[str, str]], metadata: Metadata) -> str:
    """«quote» — source (role), title, outlet, date, URL: one line, the unknown parts left out.

    ``sources``: the claim's sources as (name, role) pairs, in the claim's
    order; an empty role adds no brackets.
    """
    text = _flat(quote)
    arabic = bool(_ARABIC_SCRIPT_RE.search(text))
    comma, semicolon = ("، ", "؛ ") if arabic else (", ", "; ")
    who = semicolon.join(
        f"{name} ({role})" if role else name for name, role in ((_flat(n), _flat(r)) for n, r in sources) if name
    )
    parts = [who, _flat(metadata.title), _flat(metadata.outlet), iso_date(metadata.date), _flat(metadata.url)]
    rest = comma.join(part for part in parts if part)
    return f"«{text}» — {rest}" if rest else f"«{text}»"
