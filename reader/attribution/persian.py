"""The Persian attribution rules: who a Persian article says claims what.

Persian press attributes in four set ways, each read here:

* SOURCE[، ROLE،] … VERB (که|:) CLAIM, verb last: «مهدی رحیمیان، سخنگوی…،
  روز یکشنبه اظهار کرد: …», «X معتقد است …», «X از Y خبر داد» (the claim
  is the object), «X را تکذیب کرد و گفت که …» (two verbs, one source);
  «خبرگزاری X به نقل از Y نوشت که …» gives source Y relayed by X;
* به گزارش / به گفته / طبق اعلام / بر اساس … SOURCE، CLAIM (or the claim
  first: «…، به گفته X.»); «به گزارش X به نقل از Y، …» is Y relayed by X;
* «…»، X گفت: the claim is the quotation before the source;
* a headline «SOURCE: claim».

A pronoun subject («وی افزود», «او گفت», «به گفته وی») is never suggested:
there is no source phrase to offer. The text is read folded (``persian_words``)
and every span is mapped back to the article's own offsets.
"""

from __future__ import annotations

from .persian_leads import as_opening, hidden_name, object_start, skip_adverbials
from .persian_passive import passive_reports
from .persian_phrases import (
    COMMAS,
    OPEN_QUOTES,
    Clause,
    clause_of,
    closing_quote,
    has_verbish,
    is_word,
    next_comma,
    outside_quotes,
    scan_subject,
    sentences,
    verbish,
    words_of,
)
from .persian_sources import PLURAL_SUFFIXES, looks_like_source
from .persian_text import AZ, BUT, DAR, DEMONSTRATIVES, TIME_BEFORE_AZ, VA, YE, Found, PersianText, Tokens, relay_mark
from .persian_words import (
    CLAUSE_BREAKS,
    COMPLEMENTISER,
    CONNECTORS,
    DOCUMENT_PARTICLES,
    NEEDS_INTRO,
    NOT_A_SOURCE_START,
    OBJECT_AZ,
    OBJECT_MARK,
    OBJECT_RA,
    OPENERS,
    PAGE_WORDS,
    QUANTIFIERS,
    RELAY_PARTICLE,
    REPORT_PARTICLE,
    ROLE_HEADS,
    SOURCE_AFTER_DAR,
    SOURCE_NEEDED,
    VERB_LEMMA,
    VERB_RE,
    VIEWPOINT_PARTICLES,
    key,
    particle_key,
    pnorm,
)
from .suggestion import Span, Suggestion


class PersianReader(PersianText):
    """The patterns over one article's Persian lines."""

    def run(self) -> list[Suggestion]:
        """Every line, sentence by sentence; the suggestions in order of their sources."""
        lines, at = [], 0
        for line in self.norm.split("\n"):
            if line.strip():
                lines.append((at, at + len(line)))
            at += len(line) + 1
        for index, (start, end) in enumerate(lines):
            if self.in_quote(start) or self.headline(start, end):  # a paragraph of a long quotation: no reports
                continue
            clauses = sentences(self.norm, start, end, self.quotes)
            following = lines[index + 1] if index + 1 < len(lines) else None
            for number, clause in enumerate(clauses):
                self.read(clause, following if number == len(clauses) - 1 else None)
        return sorted(self.found.values(), key=lambda s: (s.source_span, s.verb_span))

    def read(self, clause: Clause, next_line: Span | None) -> None:
        """The verbs of one sentence, then its particles."""
        starts = {token.start: i for i, token in enumerate(clause.tokens)}
        ends = {token.end: i for i, token in enumerate(clause.tokens)}
        verbs = [
            (starts[m.start()], ends[m.end()], VERB_LEMMA[key(m.group())])
            for m in self.within(self.verbs, self._verb_starts, clause)
            if m.start() in starts and m.end() in ends
        ]
        particles = {
            starts[m.start()]: (ends[m.end()], particle_key(m.group()))
            for m in self.within(self.particles, self._particle_starts, clause)
            if m.start() in starts and m.end() in ends
        }
        found: list[Found] = []
        used: set[int] = set()  # particles read as the relay of a verb's source
        base = 0
        for first, last, lemma in verbs:
            if first < base:
                continue
            one = self.subject(clause, base, (first, last), lemma, found[-1] if found else None, particles, used)
            if one is not None:
                found.append(one)
            base = last + 1
            while clause.word(base) in (":", COMPLEMENTISER):
                base += 1
        for i, one in enumerate(found):
            end = len(clause.tokens)
            after = found[i + 1] if i + 1 < len(found) else None
            if after is not None and after.joined:
                end = after.verb[0] - 1
            elif after is not None and after.brk is not None:
                end = after.brk
            claim = self.claim(clause, one, end, next_line)
            if claim is not None:
                self.add(clause, one, claim, "quote" if one.quote is not None and claim == one.quote else "source-verb")
        for first, (last, particle) in particles.items():
            if first not in used:
                self.according_to(clause, first, last, particle)
        passive_reports(self, clause)

    def subject(
        self,
        clause: Clause,
        base: int,
        verb: Tokens,
        lemma: str,
        previous: Found | None,
        particles: dict[int, tuple[int, str]],
        used: set[int],
    ) -> Found | None:
        """The source of the verb at ``verb``: the subject that opens its clause."""
        first = verb[0]
        if first - 1 >= base and clause.word(first - 1) == pnorm("و"):
            if previous is not None and previous.verb[1] == first - 2:
                return Found(verb, lemma, previous.source, previous.role, previous.relay, joined=True)
            return None  # «… و افزود»: the subject is carried over
        start, brk = base, None
        for k in outside_quotes(clause, base, first):
            word = clause.word(k)
            if word in CLAUSE_BREAKS and (
                word not in BUT
                or k == base
                or ((clause.word(k - 1) in COMMAS or verbish(clause, k - 1)) and k + 1 < first)
            ):  # «X، ROLE، اما معتقد است»: «اما» right before the verb leaves the subject before it
                # «ولی»/«اما» open a clause after a comma or a verb; elsewhere «ولی» is a guardian («نماینده ولی
                # فقیه») and «اما» follows a topic («وزارت بهداشت اما معتقد است»)
                start, brk = k + 1, (k - 1 if clause.word(k - 1) in COMMAS else k)
            elif word == COMPLEMENTISER and (
                verbish(clause, k - 1) or as_opening(clause, self.lead(clause, start, k), k)
            ):
                start, brk = k + 1, None  # «این در حالی است که X گفت…», «همان‌طور که X گفت، …»
            elif word == VA and k > base and verbish(clause, k - 1):
                start, brk = k + 1, k  # «… ثابت می‌ماند و معاون او نیز افزود»: a new clause
        start = self.lead(clause, start, first)
        quote = None
        if clause.word(start) in OPEN_QUOTES:
            close = closing_quote(clause, start, first)
            if close is None:
                return None
            quote = (start, close)
            start = self.lead(clause, close + 1, first)
            if clause.word(start) in DEMONSTRATIVES and clause.word(start + 1) == OBJECT_MARK:
                start += 2  # «…»؛ این را X گفت
        relay = None
        if lemma in SOURCE_AFTER_DAR:
            if clause.word(start) != DAR:
                return None
            start += 1
        else:
            while clause.word(start) in OPENERS or start in particles:
                comma = next_comma(clause, start, first)
                if comma is None:
                    break
                if start in particles:
                    used.add(start)
                    if particles[start][1] in (key(REPORT_PARTICLE), key(RELAY_PARTICLE)):
                        # «به گزارش X، …» relays; «به گزارش X به نقل از Y، …»: Y relays.
                        after = particles[start][0] + 1
                        inner = relay_mark(clause, after, comma)
                        outlet = self.phrase(clause, after if inner is None else inner + 3, comma)
                        relay = outlet[:2] if outlet is not None else None
                start = self.lead(clause, comma + 1, first)
        found = self.phrase(clause, skip_adverbials(clause, start, first), first, allow_object=True)
        if found is None:
            return None
        start, last, why = found
        obj = None
        rest = last + 1
        role = None
        if why == "comma":
            role, rest = self.role(clause, last + 1, first, particles)
        else:
            # «X OBJECT را VERB»: nothing marks where the subject ends and the object begins but a
            # title the article used before («سخنگوی آبفای استان» after «سخنگوی آبفای استان اصفهان»).
            mark = next((k for k in range(last + 1, first) if clause.word(k) == OBJECT_MARK), None)
            if why == "ra" or (why == "stop" and mark is not None):
                n = self.known_prefix(clause, start, last)
                if n is None and why == "ra":
                    n = object_start(clause, start, last)  # «وزیر نفت این خبر را تکذیب کرد»
                if n is None and why == "ra":
                    return None
                if n is not None:
                    if lemma in OBJECT_RA:
                        obj = (start + n, (mark if mark is not None else last + 1) - 1)
                    last = start + n - 1
        if lemma in SOURCE_NEEDED and not looks_like_source(" ".join(words_of(clause, start, last))):
            return None  # «تجربه نشان داده است که…»: a lesson, not a source
        one = Found(verb, lemma, (start, last), role, relay, brk, quote=quote, obj=obj)
        self.relayed(clause, one, rest, first)
        if lemma in OBJECT_AZ:
            for k in range(rest, first):
                if clause.word(k) == AZ and clause.word(k - 1) not in TIME_BEFORE_AZ | QUANTIFIERS:
                    one.obj = (k + 1, first - 1)
                    break
        return one

    def role(
        self, clause: Clause, comma: int, limit: int, particles: dict[int, tuple[int, str]]
    ) -> tuple[Tokens | None, int]:
        """The apposition after the subject's comma (a title, a name, «ساکن محله…»), and where the rest begins."""
        begin = comma + 1
        if clause.word(begin) in OPENERS or begin in particles or begin >= limit:
            return None, begin
        close = next_comma(clause, begin, limit)
        if close is not None:
            role: Tokens = (begin, close - 1)
            rest = close + 1
        else:
            last, why = scan_subject(clause, begin, limit)
            if last < begin or why == "ra":
                return None, begin
            role, rest = (begin, last), last + 1
        if clause.word(role[0]) == COMPLEMENTISER:
            return None, rest  # «علی کریمی، که … بوده است، گفت»: a relative clause, no role
        upto = next((k for k in range(role[0], role[1] + 1) if clause.word(k) == COMPLEMENTISER), role[1] + 1)
        if role[1] - role[0] > 20 or has_verbish(clause, role[0], upto - 1):
            return None, begin
        return role, rest

    def relayed(self, clause: Clause, one: Found, rest: int, limit: int) -> None:
        """«X به نقل از Y نوشت»: the source is Y, relayed by X."""
        k = relay_mark(clause, rest, limit)
        if k is not None:
            inner = self.phrase(clause, k + 3, limit)
            if inner is not None:
                one.relay, one.source, one.role = one.source, inner[:2], None

    def claim(self, clause: Clause, one: Found, end: int, next_line: Span | None) -> Span | None:
        """The claim of ``one``, in normalised offsets: after its verb, else its object or the opening quotation."""
        k = one.verb[1] + 1
        if clause.word(k) in COMMAS:
            k += 1  # «کارشناسان معتقدند، با حذف…»; but «…را اعلام کرد، اما …» goes on to another clause
            if clause.word(k) in CLAUSE_BREAKS | CONNECTORS:
                k = len(clause.tokens)
        intro = ""
        if clause.word(k) == ":":
            intro, k = ":", k + 1
        if clause.word(k) == COMPLEMENTISER:
            intro, k = intro or COMPLEMENTISER, k + 1
        last = self.trim(clause, k, end - 1)
        body: Tokens | None = None
        if k <= last and clause.word(k) != pnorm("و") and (intro or one.lemma not in NEEDS_INTRO):
            if (
                (clause.word(k) in OPEN_QUOTES and closing_quote(clause, k, last + 1) == last)
                or intro
                or len(words_of(clause, k, last)) >= 2
            ):
                body = (k, last)
        if body is None and one.obj is not None:
            first, last = one.obj[0], self.trim(clause, *one.obj)
            if first <= last and clause.word(first) not in DEMONSTRATIVES and words_of(clause, first, last):
                body = (first, last)
        if body is None and one.quote is not None and k > last:
            body = one.quote
        if body is not None:
            begin = clause.tokens[body[0]].start
            return begin, self.long_quotes.get(begin, clause.tokens[body[1]].end)
        if intro == ":" and k > last and next_line is not None:
            line = self.norm[next_line[0] : next_line[1]]
            begin = next_line[0] + len(line) - len(line.lstrip())
            return begin, self.long_quotes.get(begin, next_line[0] + len(line.rstrip().rstrip(".")))
        return None

    def according_to(self, clause: Clause, first: int, last: int, particle: str) -> None:
        """به گزارش / به گفته / طبق اعلام … SOURCE، CLAIM — or «CLAIM، به گفته SOURCE.»."""
        size = len(clause.tokens)
        opening = self.lead(clause, 0, size)
        if first != opening and clause.word(first - 1) not in COMMAS:
            return
        verb: Tokens = (first, last)
        start = last + 1
        comma = next_comma(clause, start, size)
        limit = comma if comma is not None else size
        quote = next((k for k in range(start, limit) if clause.word(k) in OPEN_QUOTES), None)
        if quote is not None and quote > start:
            limit = quote
        upto = hidden_name(clause, start, limit)  # «به گفته یکی از کارگران که نخواست نامش فاش شود، …»
        if has_verbish(clause, start, upto - 1) or any(clause.word(k) == ":" for k in range(start, limit)):
            return
        relay = None
        k = relay_mark(clause, start, limit)
        if k is not None:
            outlet = self.phrase(clause, start, k)
            relay = outlet[:2] if outlet is not None else None
            verb, start = (k, k + 2), k + 3
        found = self.phrase(clause, start, limit)
        if found is None:
            return
        source = found[:2]
        words = words_of(clause, *source)
        stems = [word for word in words if word not in PLURAL_SUFFIXES]  # «بنا به گزارش‌ها»: one word, no owner
        if particle in DOCUMENT_PARTICLES and (len(stems) < 2 or not looks_like_source(" ".join(words))):
            return  # «طبق قانون», «بر اساس برنامه‌ریزی‌ها»: a rule or a plan followed, not a source
        if particle in VIEWPOINT_PARTICLES and len(words) == 1 and words[0].endswith(YE):
            return  # «از نظر فنی»: an aspect, not a source
        role = None
        body: Tokens | None = None
        if first == opening:
            if quote is not None and quote == limit:
                close = closing_quote(clause, quote, size)
                body = (quote, close) if close is not None else None
            elif comma is not None:
                begin = comma + 1
                second = next_comma(clause, begin, size)
                if clause.word(begin) in ROLE_HEADS and second is not None and not has_verbish(clause, begin, second):
                    role, begin = (begin, second - 1), second + 1
                end = self.trim(clause, begin, size - 1)
                body = (begin, end) if begin <= end else None
        elif comma is None:
            end = self.trim(clause, opening, first - 1)
            body = (opening, end) if opening <= end else None
        elif len(words_of(clause, comma + 1, size - 1)) >= 2:
            body = (opening, self.trim(clause, opening, size - 1))  # «قیمت‌ها، به گفته X، … است»: the whole sentence
        if body is None or len(words_of(clause, *body)) < 2:
            return
        one = Found(verb, "", source, role, relay)
        self.add(clause, one, (clause.tokens[body[0]].start, clause.tokens[body[1]].end), "according-to")

    def headline(self, start: int, end: int) -> bool:
        """A line «SOURCE: claim» with no full stop at its end (a headline or a strap); True when read."""
        line = self.norm[start:end].rstrip()
        if not line or line[-1] in ".!?\u061f" or line.count(":") != 1:
            return False
        clause = clause_of(self.norm, start, start + len(line))
        colon = next(k for k, token in enumerate(clause.tokens) if token.word == ":")
        # «افزایش قیمت لبنیات؛ تولیدکنندگان: …»: the source follows the headline's last break.
        breaks = [k for k in range(colon) if clause.word(k) in ("\u061b", "-", "–", "—", "|")]
        opening = self.lead(clause, breaks[-1] + 1 if breaks else 0, colon)
        shortest = 1 if breaks else 2  # «گرانی بنزین؛ وزیر: …»: one word after the break
        if not shortest <= colon - opening <= 8 or len(words_of(clause, 0, len(clause.tokens) - 1)) > 30:
            return False
        if any(not is_word(clause.word(k)) for k in range(opening, colon)) or has_verbish(clause, opening, colon - 1):
            return False
        if clause.word(opening) in NOT_A_SOURCE_START or VERB_RE.search(self.norm, start, clause.tokens[colon].start):
            return False
        if any(clause.word(k) in PAGE_WORDS for k in range(opening, colon)):
            return False  # «کد خبر: ۱۲۳۴», «بیشتر بخوانید: …»: the page's furniture, not a source
        last = self.trim(clause, colon + 1, len(clause.tokens) - 1)
        if sum(word[0].isalpha() for word in words_of(clause, colon + 1, last)) < 3:
            return False  # «تاریخ انتشار: ۱۲ مهر ۱۴۰۲»: a detail, not a claim
        one = Found((colon, colon), "", (opening, colon - 1))
        self.add(clause, one, (clause.tokens[colon + 1].start, clause.tokens[last].end), "headline")
        return True


def read_persian(text: str) -> list[Suggestion]:
    """The Persian rules over ``text`` (its other languages' lines blanked): ``RULES["fa"]``."""
    return PersianReader(text).run()
