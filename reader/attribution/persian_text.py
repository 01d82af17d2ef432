"""What the Persian rules share: the article's folded text, its matches, source phrases and the suggestions kept.

``PersianText`` holds one article's Persian lines folded (``persian_words``):
the reporting verbs and particles found in it (none inside a quotation), the
way from a span of the folded text back to the article's own offsets, and the
source phrase at a place (``persian_phrases``). The patterns that use it are
in ``persian``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.text.search import FoldedText

from .folding import is_ignored
from .persian_phrases import (
    MAX_SOURCE,
    OPEN_QUOTES,
    Clause,
    has_verbish,
    is_word,
    paragraph_quotes,
    quote_spans,
    scan_subject,
)
from .persian_sources import is_anonymous, source_type
from .persian_words import (
    ANAPHOR_HEADS,
    COMPLEMENTISER,
    CONNECTORS,
    NOT_A_SOURCE_START,
    NOT_A_VERB_AFTER,
    PARTICLE_RE,
    STOPS,
    VERB_LEMMA,
    VERB_RE,
    extra,
    key,
    pnorm,
    pset,
)
from .suggestion import Span, Suggestion

Tokens = tuple[int, int]  # first and last token index, inclusive
_SAY = pnorm("گفت")
DAR, AZ, _BE, _NAQL, YE, VA = (pnorm(word) for word in ("در", "از", "به", "نقل", "ی", "و"))
DEMONSTRATIVES = pset("این", "آن", "اینها", "همین", "همان", "چنین")
BUT = pset("ولی", "اما")
ANAPHORIC = pset("این", "همین", "آن")  # «این کارشناس»: the expert named before
TIME_BEFORE_AZ = pset("پس", "پیش", "قبل", "بعد")


@dataclass(slots=True)
class Found:
    """One attribution in a sentence, as token ranges, before its claim is known."""

    verb: Tokens
    lemma: str
    source: Tokens
    role: Tokens | None = None
    relay: Tokens | None = None
    brk: int | None = None  # where the clause it opens begins: the claim before it stops there
    joined: bool = False  # «VERB1 و VERB2»: the second shares the first's source
    obj: Tokens | None = None  # the verb's object, the claim when nothing follows the verb
    quote: Tokens | None = None  # a quotation opening the clause: «…»، X گفت


def relay_mark(clause: Clause, start: int, limit: int) -> int | None:
    """Where «به نقل از» (quoting) stands in [start, limit), or None."""
    for k in range(start, limit - 2):
        if clause.word(k) == _BE and clause.word(k + 1) == _NAQL and clause.word(k + 2) == AZ:
            return k
    return None


class PersianText:
    """One article's Persian lines, folded, and the suggestions found in them so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = FoldedText.of(text)
        self.norm = extra(self.folded.folded)
        long = paragraph_quotes(self.norm)
        self.long_quotes = dict(long)  # start → end of a quotation over several paragraphs
        self.quotes = quote_spans(self.norm, long)
        self._quote_starts = [a for a, _ in self.quotes]
        self.found: dict[tuple[Span, Span], Suggestion] = {}
        self.sources: list[list[str]] = []  # the words of each source so far: a title mentioned again
        self.verbs = [m for m in VERB_RE.finditer(self.norm) if self._is_verb(m.start(), m.end(), m.group())]
        self.particles = [m for m in PARTICLE_RE.finditer(self.norm) if not self._in_quote(m.start())]
        self._verb_starts = [m.start() for m in self.verbs]
        self._particle_starts = [m.start() for m in self.particles]

    @staticmethod
    def within(matches: list[re.Match[str]], starts: list[int], clause: Clause) -> list[re.Match[str]]:
        """The matches that lie inside ``clause`` (``starts``: their sorted start offsets)."""
        first, last = bisect_left(starts, clause.start), bisect_left(starts, clause.end)
        return [m for m in matches[first:last] if m.end() <= clause.end]

    def in_quote(self, at: int) -> bool:
        """``at`` lies inside a quotation (past its opening mark)."""
        return self._in_quote(at)

    def _in_quote(self, at: int) -> bool:
        i = bisect_right(self._quote_starts, at) - 1
        return i >= 0 and self.quotes[i][0] < at < self.quotes[i][1]

    def _is_verb(self, start: int, end: int, matched: str) -> bool:
        if self._in_quote(start):
            return False
        return not (VERB_LEMMA[key(matched)] == _SAY and NOT_A_VERB_AFTER.match(self.norm, end))

    def span(self, start: int, end: int) -> Span:
        """Normalised [start, end) → article offsets, harakat after the last letter included."""
        first = self.folded.original(start)
        last = self.folded.original(end - 1) + 1
        while last < len(self.text) and is_ignored(self.text[last]):
            last += 1
        return first, last

    def piece(self, clause: Clause, tokens: Tokens) -> tuple[str, Span]:
        """The article's text and span of tokens [first, last] of ``clause``."""
        span = self.span(clause.tokens[tokens[0]].start, clause.tokens[tokens[1]].end)
        return self.text[span[0] : span[1]], span

    def lead(self, clause: Clause, start: int, limit: int) -> int:
        """``start`` moved past punctuation (not a quotation mark) and connectives that open a clause."""
        while start < limit and (
            clause.word(start) in CONNECTORS or not (is_word(clause.word(start)) or clause.word(start) in OPEN_QUOTES)
        ):
            start += 1
        return start

    def phrase(self, clause: Clause, start: int, limit: int, allow_object: bool = False) -> tuple[int, int, str] | None:
        """The source phrase that starts at ``start`` and why it ends (see ``scan_subject``), or None."""
        word = clause.word(start)
        anaphor = word in ANAPHORIC and clause.word(start + 1) in ANAPHOR_HEADS and start + 1 < limit
        if start >= limit or (word in NOT_A_SOURCE_START and not anaphor) or not (is_word(word) or word in OPEN_QUOTES):
            return None
        last, why = scan_subject(clause, start, limit)
        while last >= start and not is_word(clause.word(last)) and clause.word(last) not in '»”"':
            if clause.word(last) == ")" and clause.word(last - 2) == "(":
                break  # «… (پما)»: the acronym stays
            last -= 1
        if last < start or last - start + 1 > MAX_SOURCE or (why == "ra" and not allow_object):
            return None
        if not any(ch.isalpha() for k in range(start, last + 1) for ch in clause.word(k)):
            return None
        if last == start and word in STOPS:
            return None  # a time or function word alone is never a source
        relative = next((k for k in range(start, last + 1) if clause.word(k) == COMPLEMENTISER), last + 1)
        if has_verbish(clause, start, relative - 1):
            return None  # a clause, not a name
        return start, last, why

    def known_prefix(self, clause: Clause, start: int, last: int) -> int | None:
        """How many of the subject's first words an earlier source begins with (two or more), before an object."""
        words = [clause.word(k) for k in range(start, last + 1)]
        best = 0
        for source in self.sources:
            n = 0
            while n < min(len(words), len(source)) and words[n] == source[n]:
                n += 1
            best = max(best, n)
        return best if 2 <= best < len(words) else None

    def named(self, clause: Clause, tokens: Tokens, source: str) -> bool:
        """Named or not; «این کارشناس» takes the call of the last source or role with its head word."""
        if clause.word(tokens[0]) not in ANAPHORIC or tokens[0] == tokens[1]:
            return not is_anonymous(source)
        head = clause.word(tokens[0] + 1)
        for earlier in reversed(self.found.values()):
            if head in pnorm(f"{earlier.source} {earlier.role}").split():
                return earlier.named
        return not is_anonymous(" ".join(clause.word(k) for k in range(tokens[0] + 1, tokens[1] + 1)))

    @staticmethod
    def trim(clause: Clause, first: int, last: int) -> int:
        """``last`` moved back over punctuation that ends a sentence or a clause (not a closing quote)."""
        while last >= first and not is_word(clause.word(last)) and clause.word(last) not in '»”"':
            last -= 1
        return last

    def add(self, clause: Clause, one: Found, claim: Span, pattern: str) -> None:
        """Keep a suggestion for ``one`` with its claim (unless its source and verb are taken)."""
        source, source_span = self.piece(clause, one.source)
        verb, verb_span = self.piece(clause, one.verb)
        if (source_span, verb_span) in self.found:
            return
        role, role_span = self.piece(clause, one.role) if one.role is not None else ("", None)
        relay = self.piece(clause, one.relay)[0] if one.relay is not None else ""
        claim_span = self.span(*claim)
        named = self.named(clause, one.source, source)
        self.sources.append([clause.word(k) for k in range(one.source[0], one.source[1] + 1)])
        self.found[(source_span, verb_span)] = Suggestion(
            verb=verb,
            verb_span=verb_span,
            source=source,
            source_span=source_span,
            role=role,
            role_span=role_span,
            named=named,
            source_type=source_type(source, role, named),
            claim=self.text[claim_span[0] : claim_span[1]],
            claim_span=claim_span,
            pattern=pattern,
            relay=relay,
        )
