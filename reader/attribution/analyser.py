"""The attribution patterns, run over every sentence of an article.

The ways Arabic news attributes a claim: VERB SOURCE أن CLAIM
(``reporting_verb``, here), with its fall-backs in their own modules: the
source before the verb (``fronted``), a quote before it (``quotes``), the
verb's object as the claim (``objects``); وفقًا لـ / بحسب / جاء في SOURCE
(``according``); and «SOURCE: claim» headlines (``headline``). Each finds the
verb, the source phrase, its role and the claim as token ranges of the
normalised text; ``add`` maps them back to the article's offsets and keeps one
``Suggestion`` per source span.
"""

from __future__ import annotations

import re

from reader.text.search import FoldedText

from .according import according_to
from .anonymity import is_anonymous, pointing_back, source_type
from .arabic import (
    ADDRESSEE_PRONOUNS,
    AFTER_OBJECT,
    ANONYMITY_STARTS,
    CAME_IN,
    DOCUMENT_HEADS,
    HEADS,
    ON_TONGUE,
    PARTICIPLES,
    PARTICLES,
    PREPOSITIONS,
    RELAY_VERBS,
    ROLE_LEADS,
    TELLING_VERBS,
    TIME_ADJ,
    TIME_NOUNS,
    TIME_WORDS,
    TOLD_BY_TRADE,
    strip_proclitic,
    verb_lemma,
)
from .claims import claim_last
from .constructions import EXPRESSED, antecedent, explained, expressed
from .folding import TA_MARBUTA, is_ignored, norm_set
from .fronted import fronted_subject
from .headline import headlines
from .objects import (
    fronted_object,
    object_after_addressee,
    object_after_circumstance,
    object_after_particle,
    object_after_source,
    object_first,
)
from .phrases import (
    Phrase,
    addressed,
    comma_segments,
    comp_at,
    is_circumstance,
    reports,
    role_in,
    source_in,
    spoke,
    told_end,
    told_object,
)
from .quotes import described_object, quote_after, quote_first
from .respell import respelled
from .sentences import Sentence, is_comma, split_sentences, trim_end
from .suggestion import Span, Suggestion

_WORD_RE = re.compile(r"\w+")


def conjunction_free(word: str) -> bool:
    """A common head noun («هيئة», «وزارة»): after ل it belongs to the source («تقرير لهيئة…»), never a name told."""
    return word in HEADS


_DESCRIBED = "وصف"
_REPLIED = "ورد"  # «ورد X بالقول إن…» (too short for verb_lemma's proclitic rule; «ورد في» is «came in»)
_BAYN = "بين"  # «بيّن» folded: only words holding it can be the verb (a cheap test before the real one)
_OUTLET_TAILS = norm_set("نيوز", "برس", "نت", "تايمز", "بوست", "انفو", "ميديا", "تي في", "24")


_PSEUDONYM = "مستعار"


def _aside(sentence: Sentence, first: int, last: int) -> tuple[int, bool] | None:
    """A bracketed aside closing a source: its «(» index, and whether it says the name is not the real one.

    «(اسم مستعار)» and «(45 عاما)» tell about the person, they are not part of who speaks; «(IFC)» is.
    """
    if last - first < 2 or sentence.word(last) != ")":
        return None
    opening = next((k for k in range(last - 1, first, -1) if sentence.word(k) == "("), None)
    if opening is None:
        return None
    inside = [sentence.word(k) for k in range(opening + 1, last)]
    disguised = any(_PSEUDONYM in word for word in inside)
    if disguised or any(word[:1].isdigit() for word in inside):
        return opening, disguised
    return None


def _circumstance(sentence: Sentence, segment: tuple[int, int], start: int) -> bool:
    """A short segment opening at ``start`` that says when or where: «في مؤتمر صحفي»، «صباح اليوم»، «خلال زيارته»."""
    first, last = segment
    if first != start or last - first > 12:
        return False
    word = sentence.word(first)
    return is_circumstance(sentence, first) or word in TIME_WORDS or word in _WHERE


_WHERE = norm_set("في", "خلال", "عبر", "أمام", "لدى", "عقب", "إثر", "بعد", "قبل", "أثناء", "على", "من")


class Analyser:
    """One article's text, normalised, and the suggestions found in it so far (one per source span)."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = FoldedText.of(text)
        self.folded = folded
        self.normalised = respelled(text, folded, folded.folded.translate(TA_MARBUTA))
        self.found: dict[Span, Suggestion] = {}
        self._words: frozenset[str] | None = None

    def told(self, word: str) -> bool:
        """«لهسبريس» after a source: لـ + a name the article writes on its own elsewhere (its dateline, say).

        Who was told is not part of who told; a name that only ever appears with ل («لبنان») stays.
        """
        if len(word) < 5 or word[0] != "ل" or word.startswith("لل") or conjunction_free(word[1:]):
            return False
        if self._words is None:
            self._words = frozenset(_WORD_RE.findall(self.normalised))
        return word[1:] in self._words

    # Offsets ------------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """Normalised [start, end) → article offsets, harakat after the last letter included."""
        if end <= start:
            at = self.folded.original(start) if start < len(self.normalised) else len(self.text)
            return at, at
        first = self.folded.original(start)
        last = self.folded.original(end - 1) + 1
        while last < len(self.text) and is_ignored(self.text[last]):
            last += 1
        return first, last

    def tokens_span(self, sentence: Sentence, first: int, last: int, skip: int = 0) -> Span:
        """Tokens [first, last] of ``sentence`` (less ``skip`` leading characters) → article offsets."""
        return self.span(sentence.tokens[first].start + skip, sentence.tokens[last].end)

    # Suggestions --------------------------------------------------------------------
    def add(self, sentence: Sentence, verb: tuple[int, int], phrase: Phrase, claim: Span, pattern: str) -> None:
        """Keep a suggestion for ``phrase`` (unless its source is taken, empty or not a source)."""
        tokens = sentence.tokens
        first, last = phrase.first, phrase.last
        # A trailing time expression is when, not who: «تقرير صادر … الشهر الماضي».
        while last > first and (tokens[last].word in TIME_ADJ and tokens[last - 1].word in TIME_NOUNS):
            last -= 2
        while last > first and (is_comma(tokens[last].word) or tokens[last].word in ("-", "–", "—")):
            last -= 1
        aside = _aside(sentence, first, last)
        if aside is not None:
            last, disguised = aside[0] - 1, aside[1]  # «أبو أحمد (اسم مستعار)», «سامي (45 عاما)»
        else:
            disguised = False
        if last > first and pattern == "verb-source" and self.told(tokens[last].word):
            last -= 1  # «صرح الكاتب العام للجامعة لهسبريس بأن…»
        if last - 1 > first and tokens[last].word in _OUTLET_TAILS and tokens[last - 1].word[:1] == "ل":
            last -= 2  # «قال المتحدث X للرافدين نيوز إن…»: the outlet told, by its name's tail
        trade = next((k for k in range(first + 1, last + 1) if tokens[k].word in TOLD_BY_TRADE), None)
        if trade is not None and verb_lemma(tokens[trade - 1].word) is None and not spoke(tokens[trade - 1].word):
            last = trade - 1  # «قال دبلوماسي لكاتب هذه السطور»; not «مصرفيون تحدثوا لكاتبة هذه السطور»
        if last < first or is_comma(tokens[first].word):
            return
        source_span = self.tokens_span(sentence, first, last, phrase.skip)
        if source_span in self.found or source_span[0] == source_span[1]:
            return
        source = self.text[source_span[0] : source_span[1]]
        if not any(ch.isalpha() for ch in source):
            return
        role, role_span = "", None
        if phrase.role is not None:
            role_span = self.tokens_span(sentence, *phrase.role)
            role = self.text[role_span[0] : role_span[1]]
        words = [tokens[i].word for i in range(first, last + 1)]
        if phrase.skip:
            words[0] = words[0][phrase.skip :] or words[0]
        role_words = [tokens[i].word for i in range(phrase.role[0], phrase.role[1] + 1)] if phrase.role else []
        named = not disguised and not is_anonymous(source, words, role_words)
        relay = ""
        if phrase.relay is not None:
            relay_span = self.tokens_span(sentence, *phrase.relay)
            relay = self.text[relay_span[0] : relay_span[1]]
        verb_span = self.tokens_span(sentence, *verb)
        if claim[1] <= claim[0]:
            return  # nothing is claimed: «قال X.» at the end of a sentence
        claim_span = self.span(*claim)
        self.found[source_span] = Suggestion(
            verb=self.text[verb_span[0] : verb_span[1]],
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

    def claim_after(self, sentence: Sentence, index: int, verb: str = "") -> Span:
        """The claim from the token after ``index`` to where it ends (``claims.claim_last``); ``verb`` says it."""
        tokens = sentence.tokens
        if index + 1 >= len(tokens):
            return (0, 0)
        last = claim_last(sentence, index + 1, verb)
        if last == len(tokens) - 1:
            return tokens[index + 1].start, trim_end(self.normalised, sentence.end)
        return tokens[index + 1].start, tokens[last].end

    # Patterns -----------------------------------------------------------------------
    def run(self) -> list[Suggestion]:
        """Every pattern over every sentence; the suggestions in order of their sources."""
        for sentence in split_sentences(self.normalised):
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                word = token.word
                if word in PARTICLES or strip_proclitic(word) in PARTICLES:
                    according_to(self, sentence, i, i)
                elif (strip_proclitic(word) == ON_TONGUE[0] and sentence.word(i + 1) in ON_TONGUE[1]) or (
                    strip_proclitic(word) in CAME_IN
                    and sentence.word(i + 1) == "في"
                    and sentence.word(i + 2) in DOCUMENT_HEADS
                ):
                    according_to(self, sentence, i, i + 1)
                elif (
                    (verb_lemma(word) is not None and reports(sentence, i))
                    or (_BAYN in word and explained(self, sentence, i))
                    or (word == _REPLIED and sentence.word(i + 1) not in PREPOSITIONS)
                ):
                    self.reporting_verb(sentence, i)
        for line in headlines(self.normalised):
            phrase = Phrase(line.first, line.last, None, line.skip)
            self.add(line.sentence, (line.colon, line.colon), phrase, line.claim, "headline")
        return pointing_back(sorted(self.found.values(), key=lambda s: (s.source_span, s.verb_span)))

    def reporting_verb(self, sentence: Sentence, v: int) -> None:
        """VERB SOURCE[، ROLE،] أن CLAIM, else the fall-backs: SOURCE VERB أن, «…»، قال SOURCE, VERB OBJECT."""
        tokens = sentence.tokens
        lemma = verb_lemma(tokens[v].word)
        if lemma == EXPRESSED:
            expressed(self, sentence, v)  # «أعرب عن اعتقاده بأن…», never «أعرب عن قلقه»
            return
        start = v + 1
        if sentence.word(start) in AFTER_OBJECT:
            start += 1
        if sentence.word(start) in ADDRESSEE_PRONOUNS:
            start += 1  # «وقال لي عامل البناء X إن…»: who was told, then who told
        comp = self.complementiser(sentence, start, v)
        if comp is not None and comp[2]:
            before = len(self.found)
            quote_first(self, sentence, v, start)  # «”لن نتراجع“، قال X، مضيفا أن…»: the quote is the claim
            if len(self.found) > before or self.objects(sentence, v):
                return  # «أعلنت الوزارة عن خطتها، مؤكدةً أن…»: the object is the claim; else the participle's أن is
        if comp is None:
            before = len(self.found)
            quote_first(self, sentence, v, start)
            if len(self.found) == before:
                quote_after(self, sentence, v, start)
            if len(self.found) == before:
                self.objects(sentence, v)
            return
        comp_first, comp_last, _ = comp
        if comp_first < 0:
            self.objects(sentence, v)  # the أن ahead, if any, is another verb's
            return
        marker = RELAY_VERBS.get(lemma or "", "")
        if marker and not any(sentence.word(i) == marker for i in range(start, comp_first)):
            return  # «شركة نقل الطاقة»: نقل reports only «عن» someone
        claim = self.claim_after(sentence, comp_last, tokens[v].word)
        opening = sentence.word(start)
        if addressed(sentence, start):
            start = told_end(sentence, start) or comp_first  # «وقالت لـ«الصحيفة» مصادر حكومية إن…»
        elif opening[:1] == "ل" and opening not in HEADS and opening[1:] in HEADS:
            start = comp_first  # «قال لرئيس الوزراء إن…»: a title after لـ is whom, the subject is elsewhere
        elif self.told(opening):
            start += 1  # «قال لترامب إن…», the name written on its own elsewhere in the article
        segments = comma_segments(sentence, start, comp_first)
        if is_comma(sentence.word(start)) and len(segments) > 1 and _circumstance(sentence, segments[0], start + 1):
            segments = segments[1:]  # «وقال، في مؤتمر صحفي عقده أمس، وزير المالية إن…»: when or where, then who
            start = segments[0][0]
        phrase = None
        if segments and segments[0][0] == start:
            phrase = source_in(sentence, *segments[0], relay=marker)
        if (
            phrase is not None
            and lemma == _DESCRIBED
            and comp_last == comp_first
            and tokens[comp_first].word[:1] == "ب"
        ):
            # «ووصف الوزير الوضع بأنه كارثي»: what was described is not part of who described it
            cut = next(
                (k for k in range(phrase[0] + 1, phrase[1] + 1) if described_object(sentence, phrase[0], k)), None
            )
            phrase = phrase if cut is None else (phrase[0], cut - 1)
        if phrase is not None and lemma in TELLING_VERBS:
            phrase = (phrase[0], told_object(sentence, *phrase))  # «أبلغ رئيس الوزراء أعضاء المجلس أن…»
        if phrase is None:
            subject = fronted_subject(sentence, v) or antecedent(sentence, v)
            if subject is not None:
                self.add(sentence, (v, v), subject, claim, "source-verb")
            return
        role = role_in(sentence, segments[1] if len(segments) > 1 and phrase[1] == segments[0][1] else None)
        relay = None
        if marker and phrase[0] - 2 >= start:
            relay = (start, phrase[0] - 2)  # «نقلت صحيفة X عن مسؤول…»: the outlet that passes it on
        self.add(sentence, (v, v), Phrase(phrase[0], phrase[1], role, relay=relay), claim, "verb-source")

    def objects(self, sentence: Sentence, v: int) -> bool:
        """The verb's object as its claim, by the first of the object patterns that finds one; True if one did."""
        before = len(self.found)
        for pattern in (
            object_first,
            object_after_particle,
            object_after_circumstance,
            object_after_addressee,
            object_after_source,
            fronted_object,
        ):
            pattern(self, sentence, v)
            if len(self.found) > before:
                return True
        return False

    def complementiser(self, sentence: Sentence, start: int, v: int) -> tuple[int, int, bool] | None:
        """The complementiser of the verb at ``v``: its [first, last] tokens, and whether a participle comes first.

        (-1, -1, False) when another verb's comes first; None when there is none before the sentence ends.
        """
        in_anonymity = participle = False
        for i in range(start, min(len(sentence.tokens), v + 70)):
            word = sentence.word(i)
            if is_comma(word):
                after = sentence.word(i + 1)
                participle = participle or after in PARTICIPLES or strip_proclitic(after) in PARTICIPLES
                in_anonymity = after in ANONYMITY_STARTS
                continue
            found = comp_at(sentence, i)
            if found is not None:
                return i, found, participle
            circumstantial = sentence.word(i - 1) in ROLE_LEADS  # «وهي تشير إلى الساحل»
            if i > start and not in_anonymity and not circumstantial and verb_lemma(word) is not None:
                return -1, -1, False
        return None
