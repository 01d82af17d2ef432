"""Where a Hebrew claim starts and ends, over one line's tokens.

Per the press rules: from after the complementiser or the opening quote mark
up to the closing mark or the sentence's end (a quote of several sentences
whole); a claim opened by a quote ends with its closing mark; when the source
comes after the claim, the claim is what comes before it. After a fronted
«לפי / לדברי X,» a contrast clause with a subject of its own is no longer X's.
"""

from __future__ import annotations

from .hebrew_clauses import ENDS, SEPARATORS, according_word, bet_prefix
from .hebrew_text import Line
from .hebrew_words import FOLLOWING_ACTS, FROM_VERBS, NOT_SOURCE, PRIOR_VERBS, PRONOUNS, TIME_WORDS, verb


def inside(line: Line, open_at: int) -> tuple[int, int]:
    """The normalised range between a pair of quotation marks (a final full stop inside dropped)."""
    close = line.pairs[open_at]
    end_token = close - 1 if line.word(close - 1) in ENDS and close - 1 > open_at else close
    return line.tokens[open_at].end, line.tokens[end_token].start


def claim_from(line: Line, start: int, b: int) -> tuple[int, int] | None:
    """From ``start`` to the sentence's end (final mark dropped); a wholly quoted claim loses its marks."""
    b = _source_after(line, start, b)
    last = b - 1
    while last >= 0 and line.word(last) in ENDS:
        last -= 1
    if last < 0 or line.tokens[last].end <= start:
        return None
    opener = next((k for k, t in enumerate(line.tokens) if t.start == start), None)
    if opener is not None and line.is_open(opener):
        close = line.pairs[opener]
        if close == last or (close == last - 1 and line.word(last) in ENDS):
            return inside(line, opener)
        after = line.word(close + 2)
        if line.word(close + 1) == "," and not line.is_open(close + 2) and not after.startswith(("וכי", "וש")):
            return inside(line, opener)  # «אמר כי "…", אך לא פירט»: the claim ends with its quote
    return start, line.tokens[last].end


CONTRAST = frozenset({"אבל", "אך", "אולם", "ואולם", "ואילו"})


def contrast_end(line: Line, k: int, b: int) -> int:
    """Where a claim after «לפי X,» ends: before «, אבל/אך» opening a clause with a subject of its own.

    «לדברי X, A, אבל בשכונה כבר שמעו…»: the fronted source speaks for its own
    clause; an elliptical «, אבל לא…» / «, אבל פחות…» still belongs to it.
    (After כי / ש־ the claim runs to the sentence's end, contrast and all.)
    """
    for c in range(k, b - 2):
        if line.word(c) != "," or line.inside[c] or line.word(c + 1) not in CONTRAST:
            continue
        subject = line.word(c + 2)
        if subject in PRONOUNS or (subject.startswith("ה") and len(subject) > 2 and subject not in NOT_SOURCE):
            return c
        if subject[:1] in ("ב", "מ") and bet_prefix(subject) and subject not in NOT_SOURCE | TIME_WORDS:
            return c
    return b


def claim_before(line: Line, start: int, comma: int) -> tuple[int, int] | None:
    """The clause before «, כך…» / «, לפי…»: from its start to the comma."""
    if line.word(comma) == "כך":
        comma -= 1
    if comma <= start:
        return None
    if line.is_open(start) and line.pairs[start] == comma - 1:
        return inside(line, start)
    return line.tokens[start].start, line.tokens[comma - 1].end


def _source_after(line: Line, start: int, b: int) -> int:
    """Where a claim stops before a source that follows it: «…, כך לפי X», «…, כך נמסר», «…, לדברי X»."""
    for c in range(b - 2, 0, -1):
        if line.tokens[c].start < start:
            break
        if line.word(c) not in SEPARATORS or line.inside[c]:
            continue
        nxt = line.word(c + 1)
        if nxt in ("כך", "וכך"):
            nxt = line.word(c + 2)
            if according_word(nxt) or verb(nxt) is not None or nxt in FROM_VERBS or nxt == "על":
                return c
        elif nxt in ("לדברי", "לטענת", "להערכת"):
            return c
    for c in range(b - 1, 0, -1):  # «…" וקראה לפזר את הכנסת», «…", והזהיר כי…»: the source's next act
        if line.tokens[c].start <= start:
            break
        word = line.word(c)
        if not line.inside[c] and word.startswith("ו") and (_next_act(word) or _next_act(word[1:])):
            b = c - 1 if line.word(c - 1) in SEPARATORS else c
    return b


def _next_act(word: str) -> bool:
    found = verb(word)
    return (found is not None and found[0] == "ו") or word in FOLLOWING_ACTS or word in PRIOR_VERBS
