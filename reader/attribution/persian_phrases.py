"""Sentences, tokens and source phrases of Persian text, verb last.

A Persian sentence names its source first and says it last: «مهدی رحیمیان،
سخنگوی شرکت…، روز یکشنبه در نشست خبری اظهار کرد: …». The subject runs from
the clause's start up to the first word that cannot be part of a name: a
comma (then a role may follow), a time («روز یکشنبه», «هفته گذشته»), a
preposition that opens a circumstance («به خبرنگاران», «در گفت‌وگو با»,
«با بیان اینکه»), «نیز»/«هم», the object mark «را», or a «که» clause that
hides a name («که نخواست نامش فاش شود»). «در» and «از» are kept inside a
name where they usually are: «یک منبع آگاه در شهرداری», «یکی از مسئولان».

Sentences end at . ! ? ؟ … or ؛ outside quotation marks, so a quote of
several sentences stays in one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .persian_words import (
    AFTER_DAR,
    ANONYMITY,
    AZ_AFTER_TIME,
    COMPLEMENTISER,
    COUNTS,
    INSTITUTION_HEADS,
    MEDIA_HEADS,
    MONTHS,
    NAME_LINKS,
    NAME_VERBAL_NOUNS,
    OBJECT_MARK,
    QUANTIFIERS,
    STOPS,
    TIME_AFTER,
    TIME_HEADS,
    TIME_UNITS,
    VERBISH,
    pnorm,
    pset,
)
from .sentences import Token

_QUOTES_RE = re.compile(r"«[^«»\n]*»|[“”][^“”\n]*[”“]|\"[^\"\n]*\"")
_END_RE = re.compile(r"[.!?\u061f\u06d4…]+[»”\"]*(?=\s|$)|(?<![»”\"])\u061b")  # «…»؛ این را X گفت: one
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
COMMAS = frozenset(",\u060c")
OPEN_QUOTES = frozenset('«“”"')
# «تر»: «پیش‌تر» read as «پیش تر»
_DAR, _AZ, _TAR, _TO, _NEAR, _ONE = (pnorm(w) for w in ("در", "از", "تر", "به", "نزدیک", "یک"))
_PRESENT = pset("می", "نمی")
_FRIDAY, _PRAYER = pset("جمعه"), pset("امام", "نماز")  # «امام جمعه»: a title, not a Friday
_DEMONSTRATIVES = pset("این", "آن", "همین", "همان")
_DEMONSTRATIVE_TIMES = TIME_HEADS | pset("روز", "روزها", "باره", "زمینه", "بار", "میان", "حال")
MAX_SOURCE = 14  # tokens: a longer «subject» is a clause, not a name


@dataclass(frozen=True, slots=True)
class Clause:
    """One sentence of the normalised text: its tokens and where it lies."""

    tokens: list[Token]
    start: int
    end: int

    def word(self, index: int) -> str:
        """The token's text at ``index``; "" outside the sentence."""
        return self.tokens[index].word if 0 <= index < len(self.tokens) else ""


def quote_spans(normalised: str, long: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every quotation in the text, marks included, as (start, end) offsets; those inside a ``long`` one left out."""
    spans = [m.span() for m in _QUOTES_RE.finditer(normalised)]
    spans = [(a, b) for a, b in spans if not any(x <= a and b <= y for x, y in long)]
    return sorted(spans + long)


def _balance(line: str) -> tuple[int, int | None]:
    """The depth of «» left open at the end of ``line`` (negative: closed more than opened) and where
    the outermost unclosed « stands (or the last » that closes past the line's start)."""
    depth, open_at, close_at = 0, None, None
    for i, ch in enumerate(line):
        if ch == "«":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == "»":
            depth -= 1
            if depth < 0:
                close_at = i
    return depth, (open_at if depth > 0 else close_at)


def paragraph_quotes(normalised: str) -> list[tuple[int, int]]:
    """Quotations that run over several paragraphs: «… (each next paragraph opening with « or not) …».

    A paragraph that leaves a « open goes on while the paragraphs after it
    (each may open with its own «) leave their marks balanced; the first whose
    » closes it ends the quotation. Six paragraphs at most: an unclosed mark
    beyond that is a stray, and no quotation.
    """
    lines, at = [], 0
    for line in normalised.split("\n"):
        if line.strip():
            lines.append((at, line))
        at += len(line) + 1
    found = []
    for i, (at, line) in enumerate(lines):
        depth, open_at = _balance(line)
        if depth <= 0 or open_at is None:
            continue
        for there, after in lines[i + 1 : i + 7]:
            stripped = after.lstrip()
            depth2, close_at = _balance(stripped[1:] if stripped.startswith("«") else stripped)
            if depth2 < 0 and close_at is not None:
                offset = len(after) - len(stripped) + (1 if stripped.startswith("«") else 0)
                found.append((at + open_at, there + offset + close_at + 1))
                break
            if depth2 != 0:
                break
    return found


def sentences(normalised: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Clause]:
    """The sentences of ``normalised[start:end]`` (one line), a quotation never cut in two."""
    inside = [(a, b) for a, b in quotes if start <= a < end]
    found = []
    at = start
    for match in _END_RE.finditer(normalised, start, end):
        here = match.start()
        quote = next(((a, b) for a, b in inside if a < here < b), None)
        if quote is not None and match.end() < quote[1]:
            continue  # a full stop inside a quotation
        stop = match.end() if quote is not None or normalised[match.end() - 1] in '»”"' else here
        if stop > at:
            found.append(clause_of(normalised, at, stop))
        at = match.end()
    if at < end:
        found.append(clause_of(normalised, at, end))
    return [clause for clause in found if clause.tokens]


def clause_of(normalised: str, start: int, end: int) -> Clause:
    """The tokens of ``normalised[start:end]`` as one clause."""
    tokens = [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(normalised, start, end)]
    return Clause(tokens, start, end)


def closing_quote(clause: Clause, index: int, limit: int) -> int | None:
    """The index of the mark closing the quotation opened at ``index``, before ``limit``."""
    opener = clause.word(index)
    closers = "»" if opener == "«" else '”“"'
    for k in range(index + 1, limit):
        if clause.word(k) in closers:
            return k
    return None


def outside_quotes(clause: Clause, start: int, limit: int) -> Iterator[int]:
    """The indices in [start, limit) that are not inside a quotation (an unclosed mark is stepped over)."""
    k = start
    while k < limit:
        if clause.word(k) in OPEN_QUOTES:
            close = closing_quote(clause, k, limit)
            k = (close if close is not None else k) + 1
            continue
        yield k
        k += 1


def next_comma(clause: Clause, start: int, limit: int) -> int | None:
    """The first comma in [start, limit), quotations skipped."""
    for k in outside_quotes(clause, start, limit):
        if clause.word(k) in COMMAS:
            return k
    return None
    return None


def is_word(word: str) -> bool:
    """A word, not a punctuation mark."""
    return word[:1].isalnum()


def _relative_end(clause: Clause, k: int, limit: int) -> int | None:
    """After a «که» at ``k`` inside a name: the index past its clause's verb, or None when it hides the name."""
    ahead = [clause.word(i) for i in range(k + 1, min(k + 5, limit))]
    if any(word in ANONYMITY for word in ahead):
        return None
    for i in range(k + 1, min(k + 10, limit)):
        if clause.word(i) in VERBISH:
            return i + 1
        if clause.word(i) in COMMAS:
            return None
    return None


def _inside_name(clause: Clause, start: int, k: int, limit: int) -> bool:
    """Token ``k``, a preposition or a time word, goes on a body's or a paper's name begun at ``start``.

    «سازمان حمایت از مصرف‌کنندگان», «ستاد مبارزه با قاچاق کالا»: a preposition after
    a verbal noun of a body's name; «روزنامه صبح نو»: a time word right after a paper.
    """
    word, before, after = clause.word(k), clause.word(k - 1), clause.word(k + 1)
    if k + 1 >= limit or not is_word(after) or after in STOPS or after == OBJECT_MARK:
        return False
    if word == _TO and before == _NEAR:
        return True  # «یک منبع نزدیک به تیم مذاکره‌کننده»
    if word in NAME_LINKS and before in NAME_VERBAL_NOUNS:
        return any(clause.word(i) in INSTITUTION_HEADS for i in range(start, k - 1))
    return word in STOPS and before in MEDIA_HEADS


def scan_subject(clause: Clause, start: int, limit: int) -> tuple[int, str]:
    """The last index of the subject that starts at ``start``, and why it ends there.

    The reason is "comma", "ra" (the object mark: the object began somewhere
    before it), "stop" (a time, circumstance or punctuation) or "end" (it
    runs up to ``limit``, the verb).
    """
    k = start
    while k < limit:
        word = clause.word(k)
        following = clause.word(k + 1)
        if word in OPEN_QUOTES:
            close = closing_quote(clause, k, limit)
            if close is None:
                return k - 1, "stop"
            k = close + 1
            continue
        if word in COMMAS:
            return k - 1, "comma"
        if word == OBJECT_MARK:
            return k - 1, "ra"
        inner = clause.word(k + 1)
        if word == "(" and k > start and clause.word(k + 2) == ")" and is_word(inner) and inner not in STOPS:
            k += 3  # «خبرگزاری پیام ملت (پما)»: a name's acronym
            continue
        if not is_word(word) and k > start:
            return k - 1, "stop"
        if k > start and _inside_name(clause, start, k, limit):
            k += 1
            continue
        if word in STOPS and k > start and not (word in _FRIDAY and clause.word(k - 1) in _PRAYER):
            return k - 1, "stop"
        if (word in COUNTS or word.isdigit()) and following in TIME_UNITS and k > start:
            return k - 1, "stop"  # «وزیر چند روز پیش گفت»
        if word.isdigit() and following in MONTHS and k > start:
            return k - 1, "stop"  # «وزیر ۱۲ آذر گفت»
        if word in TIME_HEADS and following in TIME_AFTER:
            return k - 1, "stop"
        if word in _DEMONSTRATIVES and following in _DEMONSTRATIVE_TIMES and k > start:
            return k - 1, "stop"
        if word in AZ_AFTER_TIME and following in (_AZ, _TAR):
            return k - 1, "stop"
        if word == _DAR and (
            following in AFTER_DAR
            or following in STOPS
            or not following
            or (following == _ONE and clause.word(k + 2) in AFTER_DAR)
        ):  # «در نشست خبری», «در یک برنامه تلویزیونی»
            return k - 1, "stop"
        if word == _AZ and clause.word(k - 1) not in QUANTIFIERS:
            return k - 1, "stop"
        if word == COMPLEMENTISER:
            after = _relative_end(clause, k, limit)
            if after is None:
                return k - 1, "stop"
            k = after
            continue
        k += 1
    return limit - 1, "end"


def verbish(clause: Clause, k: int) -> bool:
    """Token ``k`` is a finite verb, an auxiliary, or the stem of a present verb («می ماند»)."""
    return clause.word(k) in VERBISH or (k > 0 and clause.word(k - 1) in _PRESENT)


def has_verbish(clause: Clause, first: int, last: int) -> bool:
    """A finite verb or auxiliary among tokens [first, last]: a clause, not a name or a role."""
    return any(verbish(clause, k) for k in range(first, last + 1))


def words_of(clause: Clause, first: int, last: int) -> list[str]:
    """The words (punctuation left out) of tokens [first, last]."""
    return [clause.word(k) for k in range(first, last + 1) if is_word(clause.word(k))]
