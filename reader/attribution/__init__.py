"""Attribution suggestions: who an article says claims what.

Arabic news attributes nearly every claim in a few set ways:

* VERB SOURCE[، ROLE،] أن CLAIM — «وأكدت سلمى حداد، المتحدثة باسم وزارة الصحة، أن…»
* SOURCE VERB (إلى) أن CLAIM after إلا أن / غير أن / أما … فـ — «غير أن مصادر مطلعة كشفت أن…»
* وفقًا لـ / بحسب / حسب / نقلًا عن / على لسان SOURCE، فإن CLAIM, or trailing after the claim
* quotes: «…»، قال SOURCE — and — قال SOURCE: «…»

The analyser finds these with plain rules over the article's *folded* text
(no harakat or tatweel, one alef, ى as ي, ة as ه), so spelling variants match
alike, and maps every span back to code-point offsets into the article's own
text: ``text[start:end]`` is always the phrase as written.

It proposes, it does not decide: a fact-checker confirms each suggestion, so
the rules prefer a missed attribution to a wrong source. What is deliberately
not suggested: a pronoun subject carried over from the previous sentence
(«وأضاف أن…»), a participle continuing one («مؤكدًا أن…»), and passive or
impersonal reports with no source at all («أفيد بأن…»، «ذُكر أن…»): there is no
source phrase to offer, and offering the nearest noun would name the wrong one.

The package is pure Python, with no Textual import, no network and no
model. It is split by job: ``sentences`` (sentences and tokens), ``folding``
(how words are compared), ``arabic`` (reporting verbs and the words that
shape a source), ``phrases`` (source phrases, roles and complementisers in a
sentence), ``anonymity`` (named or anonymous, source type), ``analyser``
(VERB SOURCE أن CLAIM, and which pattern to try), ``fronted`` (the source
before its verb: «X قال», «وكان X قد قال», «أما X فقد»), ``objects`` (the
verb's object as the claim), ``quotes`` («…»، قال X), ``according`` (بحسب،
وفقًا لـ، حسبما، جاء في), ``headline`` («SOURCE: claim» headlines), ``claims``
(where a claim ends) and ``suggestion`` (the record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .analyser import Analyser
from .arabic import verb_lemma
from .folding import norm
from .hebrew import hebrew_suggestions
from .languages import views
from .persian import read_persian
from .suggestion import Span, Suggestion, quoted_claim

__all__ = ["RULES", "Span", "Suggestion", "known_verb_form", "suggest"]

#: language → the rules that read its lines (a masked text: other languages' lines blanked).
RULES: dict[str, Callable[[str], list[Suggestion]]] = {
    "ar": lambda text: Analyser(text).run(),
    "fa": read_persian,
    "he": hebrew_suggestions,
}


def suggest(text: str) -> list[Suggestion]:
    """Attributions found in ``text`` (an article's text), in reading order of their sources.

    Each line is read by its own language's rules (``languages``); a line in a
    language without rules gets none.
    """
    if not text:
        return []
    found = []
    for language, view in sorted(views(text).items()):
        if language not in RULES:
            continue
        for suggestion in RULES[language](view):
            quoted = quoted_claim(text, suggestion.claim_span)
            found.append(replace(suggestion, quoted=quoted, language=language))
    return sorted(found, key=lambda s: (s.source_span, s.verb_span))


def known_verb_form(word: str) -> bool:
    """True when ``word`` (any spelling, with و/ف) is a reporting-verb form the analyser knows."""
    return verb_lemma(norm(word)) is not None
