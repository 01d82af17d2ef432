"""Hebrew attribution rules: who a Hebrew article says claims what.

Hebrew press attributes in a few set ways, each read here over one sentence:

* SOURCE[, ROLE,] VERB (…) כי / ש־ CLAIM — «ראש המועצה, שמעון לוי, אמר כי…»,
  also impersonal with «ב…»: «במשרד הבריאות מסרו כי…» (source משרד הבריאות);
* VERB SOURCE כי / ש־ / : CLAIM — «עוד ציינה לוי כי…», and after the claim:
  «"…", אמר לוי», «CLAIM, כך הודיעה המועצה»;
* לפי / לדברי / על פי SOURCE, CLAIM — or trailing: «CLAIM, כך לפי SOURCE»;
* מ־SOURCE נמסר / עולה כי CLAIM — «מהמשטרה נמסר כי…», «נמסר מהמשטרה כי…»;
* a headline «SOURCE: "claim"» (or «TITLE…: claim»).

An addressee after the verb («אמר לנו», «אמר ל"כאן"») and a circumstance
(«בתגובה», «אתמול», «בראיון לרדיו») are skipped, never taken as the source; a
pronoun subject («הוא אמר», «לדבריו») is never suggested; «X דיווח בשם Y»,
«X ציטט את Y(, שאמר)», «לפי X, Y אמר כי…» and «"…", אמר Y, כך לפי X» give
source Y and relay X. A report inside another's claim («X אמר כי Y הודיע
ש…») is suggested too. Like the Arabic rules, these prefer a missed
attribution to a wrong source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from . import hebrew_claims as claims
from . import hebrew_clauses as clause
from .hebrew_record import record
from .hebrew_text import QUOTES, HebrewText, Line
from .hebrew_words import (
    CIRCUMSTANCES,
    FROM_VERBS,
    HEADLINE_HEADS,
    NOT_ACCORDING,
    PRIOR_VERBS,
    RELAY_LEMMAS,
    bare,
    verb,
)
from .suggestion import Span, Suggestion


def hebrew_suggestions(text: str) -> list[Suggestion]:
    """The attributions the Hebrew rules find in ``text`` (a masked article)."""
    return _Rules(text).run()


class _Rules:
    def __init__(self, text: str) -> None:
        self.doc = HebrewText(text)
        self.found: dict[tuple[Span, Span], Suggestion] = {}
        # «לפי X, Y אמר כי…»: X relays Y's words; without Y's attribution, «לפי X» is added after all
        self.relays: list[tuple[int, int, tuple[int, int], Callable[[], bool]]] = []

    def run(self) -> list[Suggestion]:
        for line in self.doc.lines:
            self._headline(line)
            for a, b in line.sentences:
                for i in range(a, b):
                    if not line.inside[i]:
                        self._at(line, a, b, i)
                for first, last, relay, otherwise in self.relays:
                    if not self._relay(first, last, relay):
                        otherwise()
                self.relays.clear()
        return list(self.found.values())

    def _relay(self, first: int, last: int, relay: tuple[int, int]) -> bool:
        """Give ``relay`` to the attributions whose verb lies in [first, last) (False: there are none)."""
        inner = [key for key, one in self.found.items() if first <= one.verb_span[0] < last and not one.relay]
        relay_text = self.doc.slice(*relay)[0]
        for key in inner:
            self.found[key] = replace(self.found[key], relay=relay_text)
        return bool(inner)

    # --- where a pattern starts --------------------------------------------------------

    def _at(self, line: Line, a: int, b: int, i: int) -> None:
        word = line.word(i)
        if line.word(i - 1) == "(":
            return  # «אורי שושן (כתב):» a speaker's tag, not a report
        according = clause.according_length(line, i)
        if according:
            self._according(line, a, b, i, according)
        elif word in FROM_VERBS:
            self._from_verb(line, a, b, i)
        elif found := verb(word):
            prefix, v = found
            if prefix.endswith("ש") and line.word(i - 1) not in ("כפי", "וכפי", "כמו"):
                return  # «ההודעה שפרסמה העירייה»: a relative clause, not a report
            self._verb(line, a, b, i, v.plural, v.lemma)

    def _verb(self, line: Line, a: int, b: int, v: int, plural: bool, lemma: str) -> None:
        start = clause.clause_start(line, a, v)
        prev = line.word(v - 1)
        if prev in ("כך", "וכך", "כפי", "וכפי", "כמו"):
            claim = claims.claim_before(line, start, v - 1)
            if claim is None and prev != "כך" and start == v - 1:
                self._verb_source(line, b, v, None, pattern="verb-source", fronted=True)  # «כפי שדיווח X, …»
            else:
                self._verb_source(line, b, v, claim, pattern="verb-source")
            return
        start = clause.clause_start(line, a, v, after_complement=True)
        lead = 0
        if (inner := clause.inner_report(line, start, v)) is not None:
            start, lead = inner
        quote = clause.leading_quote(line, start, v)
        last = clause.last_segment(line, start, v)
        if start == v or (last < v and clause.bare_start(line, last, v) == v):
            self._verb_source(line, b, v, None, pattern="verb-source")
        elif quote is not None and clause.skip_comma(line, line.pairs[quote] + 1) == v:
            self._verb_source(line, b, v, claims.inside(line, quote), pattern="quote")
        elif last == v and start < v - 1 and quote is None and lemma != "כתב" and line.word(v - 1) in clause.SEPARATORS:
            before = claims.claim_before(line, start, v - 1)  # «הצנרת ישנה, אמר המהנדס.»
            if not self._verb_source(line, b, v, before, pattern="verb-source", final=True):
                self._source_verb(line, start, b, v, plural, lemma, None, lead)
        else:
            claim = claims.inside(line, quote) if quote is not None else None
            first = clause.skip_comma(line, line.pairs[quote] + 1) if quote is not None else start
            self._source_verb(line, first, b, v, plural, lemma, claim, lead)

    # --- SOURCE VERB -------------------------------------------------------------------

    def _source_verb(
        self,
        line: Line,
        start: int,
        b: int,
        v: int,
        plural: bool,
        lemma: str,
        quoted: tuple[int, int] | None,
        lead: int = 0,
    ) -> None:
        segments = clause.segments(line, start, v)
        if not segments:
            return
        if segments[-1][1] > segments[-1][0]:
            last_s, last_e = segments[-1]
            source, roles = (clause.bare_start(line, last_s, last_e), last_e), []  # «…, אך המשטרה הודיעה כי»
            first = line.word(source[0])
            if clause.adverbial(first) and (not plural or not clause.bet_prefix(first)):
                if self._verb_source(line, b, v, None, pattern="verb-source") or first in CIRCUMSTANCES:
                    return  # «בתגובה לשאלת "הארץ" אמר דובר המשרד כי…»: the subject follows the verb
        elif clause.adverbial(line.word(start)) and self._verb_source(line, b, v, None, pattern="verb-source"):
            return  # «אחרי הישיבה, אמר השר כי…»: the source follows the verb
        else:
            source, roles = segments[0], segments[1:-1]
        s, e = source
        if line.word(v).startswith("ו") and not line.word(v).startswith("וו"):
            prior = next((k for k in range(s, e) if line.word(k) in PRIOR_VERBS), None)
            if prior is not None:
                e = prior
            elif e - s > 5:
                return
        roles = [
            r
            for r in roles
            if not clause.relative_segment(line.word(r[0])) and not clause.circumstance(line.word(r[0]))
        ]
        strip = lead if s == start else 0
        strip += clause.bet_strip(line.word(s)[strip:]) if plural else 0
        relay = None
        after_verb = v + 1
        if lemma in RELAY_LEMMAS and (named := clause.relayed(line, v + 1, b)) is not None:
            relay, (s, e), strip, roles = (s, e, strip), named, 0, []
            after_verb = clause.skip_comma(line, named[1])  # «ציטט את השר, שאמר כי…»
            if line.word(after_verb).startswith("ש") and verb(line.word(after_verb)) is not None:
                after_verb += 1
            else:
                after_verb = named[1]
        after = clause.complement(line, after_verb, b, first_sh=True)
        claim: tuple[int, int] | None = quoted
        if after is not None:
            claim = claims.claim_from(line, after, b)
        elif v + 1 < b and line.word(v + 1) not in clause.ENDS:
            return  # no claim after the verb, and more than its end after it
        self._add(line, v, (s, e), strip, roles, claim, "source-verb", relay)

    # --- VERB SOURCE -------------------------------------------------------------------

    def _verb_source(
        self,
        line: Line,
        b: int,
        v: int,
        claim: tuple[int, int] | None,
        pattern: str,
        *,
        final: bool = False,
        fronted: bool = False,
    ) -> bool:
        """VERB SOURCE, its claim after it (or given); ``final``: the source must end the sentence;
        ``fronted``: «כפי שאמר X, CLAIM», the claim follows the source's comma."""
        k = clause.skip_addressee(line, v + 1, b)
        end = clause.phrase_end(line, k, b)
        if end is None or end == k or (final and (clause.sh_opens(line, k) or line.word(k) == "כי")):
            return False
        found = verb(line.word(v))
        strip = clause.bet_strip(line.word(k)) if found is not None and found[1].plural else 0  # «מסרו במשטרה»
        if fronted:
            comma = clause.skip_circumstance(line, end, b)
            if line.word(comma) != "," or comma + 1 >= b:
                return False
            rest = claims.claim_from(line, line.tokens[comma + 1].start, b)
            return self._add(line, v, (k, end), strip, [], rest, pattern, None)
        roles: list[tuple[int, int]] = []
        stop = end
        while line.word(stop) == "," and claim is None:
            nxt = clause.skip_comma(line, stop)
            if line.is_open(nxt):
                claim = claims.inside(line, nxt)
                break
            if line.word(nxt) == "כי":  # «סיפרה ליאת שמש, תושבת העיר, כי…»
                stop = nxt
                break
            role_end = clause.phrase_end(line, nxt, b)
            if role_end is None or role_end == nxt or role_end - nxt > 6:
                return False
            if not clause.relative_segment(line.word(nxt)):
                roles.append((nxt, role_end))
            stop = role_end
        if claim is None:
            after = clause.complement(line, stop, b, first_sh=True, limit=1)
            if after is None:
                return False
            claim = claims.claim_from(line, after, b)
        elif (stop := clause.skip_circumstance(line, stop, b)) < b and line.word(stop) not in clause.ENDS | {","}:
            if not line.is_open(stop):
                return False
        elif line.word(stop) == "," and not roles and not clause.clause_word(line.word(stop + 1)):
            role_end = clause.phrase_end(line, stop + 1, b)  # «"…", הוסיף הדובר, רס"ן דנה כהן.»
            if role_end is not None and stop + 1 < role_end <= stop + 7 and line.word(role_end) in clause.ENDS | {""}:
                roles.append((stop + 1, role_end))
        ends = stop >= b or line.word(stop) in clause.ENDS or roles
        if final and not (ends or (line.word(stop) == "," and clause.relative_segment(line.word(stop + 1)))):
            return False  # «מדובר ב"…", הודה קצין, שביקש שלא להזדהות.» may end with a relative clause
        return self._add(line, v, (k, end), strip, roles, claim, pattern, None)

    # --- לפי / לדברי / על פי -----------------------------------------------------------

    def _according(self, line: Line, a: int, b: int, i: int, length: int) -> None:
        roles: list[tuple[int, int]] = []
        start = clause.clause_start(line, a, i, after_complement=True)
        prev = line.word(i - 1)
        trailing = prev in clause.SEPARATORS | {"כך", "וכך"}
        if i != start and not trailing:
            return
        s = i + length
        if line.word(s) in NOT_ACCORDING:
            return
        end = clause.phrase_end(line, s, b, according=True)
        if end is None or end == s:
            return
        if trailing:
            if end < b and line.word(end) not in clause.ENDS | {","}:
                return  # «…, לדברי X.» or «…, לדברי X, ו…»
            comma = i - 1 if prev in clause.SEPARATORS else i - 2
            if line.word(comma) not in clause.SEPARATORS:
                return
            if self._relayed_by(line, a, comma, (s, end)):
                return  # «"…", אמר X, כך לפי Y»: Y passes X's words on
            claim = claims.claim_before(line, clause.clause_start(line, a, comma), comma)
        else:
            if line.word(end) != ",":
                end = clause.chain_end(line, s, b) or 0  # «לפי משרד הבריאות התחלואה בירידה»
                if end <= s:
                    return
                claim = claims.claim_from(line, line.tokens[end].start, claims.contrast_end(line, end, b))
            elif end + 1 >= b:
                return
            else:
                role_end = clause.according_role(line, end + 1, b)  # «לדברי X, רון מזרחי, "…"»
                if role_end:
                    roles, end_role = [(end + 1, role_end)], role_end
                else:
                    end_role = end
                    if clause.relative_verb(line.word(end + 1)):  # «לדברי השר, שנשאל על כך, …»
                        stop = min(b, end + 8)
                        end_role = next((j for j in range(end + 2, stop) if line.word(j) == ","), end)
                claim = claims.claim_from(
                    line, line.tokens[end_role + 1].start, claims.contrast_end(line, end_role + 1, b)
                )
        verb_span = (line.tokens[i].start, line.tokens[i + length - 1].end)

        def otherwise() -> bool:
            return self._add(line, verb_span, (s, end), 0, roles, claim, "according-to", None)

        if not trailing and clause.has_report(line, end + 1, b):  # «לפי דיווח ב־X, גורם במשטרה אמר כי…»
            outlet = s + 1 if line.word(s) in ("דיווח", "פרסום", "כתבה", "ידיעה") and end > s + 1 else s
            strip = clause.bet_strip(line.word(outlet)) if outlet > s else 0  # «דיווח באתר X» → אתר X
            relay = (line.tokens[outlet].start + strip, line.tokens[end - 1].end)
            self.relays.append((line.tokens[end].end, line.tokens[b - 1].end, relay, otherwise))
            return
        otherwise()

    def _relayed_by(self, line: Line, a: int, comma: int, relay: tuple[int, int]) -> bool:
        """Give Y as relay to the attributions found before «, כך לפי Y» in this sentence (False: none)."""
        span = (line.tokens[relay[0]].start, line.tokens[relay[1] - 1].end)
        return self._relay(line.tokens[a].start, line.tokens[comma].start, span)

    # --- מ־X נמסר כי ---------------------------------------------------------------------

    def _from_verb(self, line: Line, a: int, b: int, v: int) -> None:
        start = clause.clause_start(line, a, v)
        after = clause.complement(line, v + 1, b, first_sh=True)
        trailing = line.word(v - 1) in ("כך", "וכך")
        quote = clause.leading_quote(line, start, v)
        if quote is not None and clause.skip_comma(line, line.pairs[quote] + 1) == v:
            trailing = True  # «"…", נמסר מהמשטרה.»
        if start < v and not trailing:
            segments = clause.segments(line, start, v)
            source = segments[-1] if segments[-1][1] > segments[-1][0] else segments[0]
            roles = (
                [r for r in segments[1:-1] if not clause.relative_segment(line.word(r[0]))]
                if source == segments[0]
                else []
            )
            strip = clause.from_prefix(line.word(source[0]))
            if strip and after is not None:
                self._add(line, v, source, strip, roles, claims.claim_from(line, after, b), "source-verb", None)
            return
        if not line.word(v + 1).startswith("מ"):
            return
        end = clause.phrase_end(line, v + 1, b)
        if end is None or end == v + 1:
            return
        strip = clause.from_prefix(line.word(v + 1))
        if trailing:
            longest = clause.MAX_SOURCE
            if end < b and clause.is_complement_sh(line.word(end)):
                end_of_clause = clause.phrase_end(line, end + 1, b, according=True)
                if end_of_clause is not None and (end_of_clause >= b or line.word(end_of_clause) in clause.ENDS):
                    if clause.relative(line.word(end)):
                        b = end  # «, כך עולה מנתוני הלמ"ס שפורסמו היום»: when is not who
                    else:
                        end, longest = end_of_clause, clause.MAX_SOURCE + 4  # «מנתונים שהציגה מערכת X לוועדה»
            if end >= b or line.word(end) in clause.ENDS:
                claim = claims.claim_before(line, start, v - 1)
                self._add(line, v, (v + 1, end), strip, [], claim, "verb-source", None, longest)
            return
        after = clause.complement(line, end, b, first_sh=True, limit=1)
        if after is not None:
            self._add(line, v, (v + 1, end), strip, [], claims.claim_from(line, after, b), "verb-source", None)

    # --- «SOURCE: claim» headlines ------------------------------------------------------

    def _headline(self, line: Line) -> None:
        tokens = line.tokens
        if not tokens or len(tokens) > 30 or tokens[-1].word in clause.ENDS or len(line.sentences) != 1:
            return
        colon = next((k for k, t in enumerate(tokens) if t.word == ":" and not line.inside[k]), None)
        if colon is None:
            return
        top = max((k + 1 for k in range(colon) if tokens[k].word == "|"), default=0)  # «ביטחון | X: "…"»
        if not 1 <= colon - top <= 6 or colon + 1 >= len(tokens):
            return
        if any((not t.word[0].isalpha() and t.word not in QUOTES) or verb(t.word) for t in tokens[top:colon]):
            return
        first = colon + 1
        if line.is_open(first) and line.pairs[first] >= len(tokens) - 2:
            claim = claims.inside(line, first)
        elif bare(tokens[top].word) in HEADLINE_HEADS or tokens[top].word in HEADLINE_HEADS:  # «מומחים: …»
            claim = (tokens[first].start, tokens[-1].end)
        else:
            return
        self._add(line, colon, (top, colon), 0, [], claim, "source-verb", None)

    # --- the record --------------------------------------------------------------------

    def _add(
        self,
        line: Line,
        verb_at: int | Span,
        source: tuple[int, int],
        strip: int,
        roles: list[tuple[int, int]],
        claim: tuple[int, int] | None,
        pattern: str,
        relay: tuple[int, int, int] | None,
        longest: int = clause.MAX_SOURCE,
    ) -> bool:
        found = record(self.doc, line, verb_at, source, strip, roles, claim, pattern, relay, longest)
        if found is not None:
            self.found[found.source_span, found.verb_span] = found
        return found is not None
