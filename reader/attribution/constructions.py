"""Verbs that report only in one construction: «أعرب X عن قلقه…», «وبيّن X أن…».

«أعرب X عن …» reports what X voiced — a position, a worry, a hope («عن قلق
بالغ إزاء…», «عن تفاؤله بالطلب») — and the press labels read it so: the claim
is what follows عن, or the أن clause of a belief («عن اعتقاده بأن…»). «بيّن»
(explained) folds to «بين» (between) once its shadda is gone: written with
the shadda it is a verb wherever it stands; without it, only where a verb
stands and «between» cannot — at the head of a sentence, with a source and
أن after it before any comma.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .anonymity import person_or_body
from .arabic import ANONYMITY_STARTS, HEADS, definite, strip_proclitic, verb_lemma
from .folding import norm, norm_set
from .fronted import fronted_subject
from .phrases import Phrase, comma_segments, comp_at, reports, role_in, source_in
from .sentences import QUOTE_OPEN, Sentence, is_comma

if TYPE_CHECKING:
    from .analyser import Analyser

EXPRESSED = norm("أعرب")
_BELIEF = norm_set(
    *(stem + end for stem in ("اعتقاد", "ثقت", "قناعت", "يقين", "تقدير") for end in ("ه", "ها", "هم", "هما", "نا"))
)
_BAYYANA = norm("بين")
_SHADDA = "\u0651"
_BEFORE_VERB = norm_set("قد", "وقد", "كما", "فقد")
_NEAR = 14  # tokens from the verb to its أن


def expressed(an: Analyser, sentence: Sentence, v: int) -> None:
    """«أعرب X[، ROLE،] عن CLAIM», «أعرب X عن اعتقاده بأن CLAIM» (or «X أعرب عن …»)."""
    about = next((k for k in range(v + 1, min(v + _NEAR, len(sentence.tokens))) if sentence.word(k) == "عن"), None)
    if about is None or about + 1 >= len(sentence.tokens) or not sentence.word(about + 1)[:1].isalpha():
        if about is None or sentence.word(about + 1) not in QUOTE_OPEN:
            return
    comp = comp_at(sentence, about + 2) if sentence.word(about + 1) in _BELIEF else None
    claim = an.claim_after(sentence, about if comp is None else comp, sentence.word(v))
    if about == v + 1:
        subject = fronted_subject(sentence, v)
        if subject is not None:
            an.add(sentence, (v, v), subject, claim, "source-verb")
        return
    segments = comma_segments(sentence, v + 1, about)
    if not segments or segments[0][0] != v + 1:
        return
    phrase = source_in(sentence, *segments[0])
    if phrase is None or phrase[1] != segments[0][1]:
        return
    extra = segments[1:]
    role = role_in(sentence, extra[0]) if extra else None
    if len(extra) > 1 or (extra and role is None and sentence.word(extra[0][0]) not in ANONYMITY_STARTS):
        return  # between the source and عن only a role or «طلب عدم نشر اسمه» may stand
    an.add(sentence, (v, v), Phrase(phrase[0], phrase[1], role), claim, "verb-source")


def explained(an: Analyser, sentence: Sentence, i: int) -> bool:
    """Is the word at ``i`` «بيّن» (explained) reporting here, rather than «بين» (between)?"""
    word = sentence.word(i)
    bare = strip_proclitic(word)
    if bare != _BAYYANA and bare[1:] != _BAYYANA:
        return False
    first, last = an.span(sentence.tokens[i].start, sentence.tokens[i].end)
    if _SHADDA in an.text[first:last]:
        return reports(sentence, i)
    if bare != _BAYYANA or not (i == 0 or sentence.word(i - 1) in _BEFORE_VERB):
        return False
    for k in range(i + 1, min(i + _NEAR, len(sentence.tokens))):
        here = sentence.word(k)
        if comp_at(sentence, k) is not None:
            return k > i + 1
        if is_comma(here) or (here[:1] == "و" and len(here) > 3 and k > i + 1):
            return False  # «بين الجيش والمسلحين»: two sides, so «between»
    return False


_WHO = norm_set("الذي", "التي", "الذين", "اللذين", "اللتين")


def antecedent(sentence: Sentence, v: int) -> Phrase | None:
    """«والتقى الرئيس بالوفد الذي أكد أن…»: the noun a relative «الذي» hangs on is who reports.

    The noun is the word before «الذي», with the article, or a title and it («وزير الخارجية الذي»); a
    preposition glued to its first word («بالوفد») is left out of the source, and it must name someone who
    can speak («القرار الذي أكد…» does not). «للوزير» cannot lose its لـ and is left alone.
    """
    if sentence.word(v - 1) not in _WHO or verb_lemma(sentence.word(v)) is None or v < 2:
        return None
    last = first = v - 2
    if not definite(sentence.word(last)) or sentence.word(last).startswith("لل"):
        return None
    before = sentence.word(last - 1)
    if sentence.word(last).startswith("ال") and (before in HEADS or (before[:1] in _GLUED and before[1:] in HEADS)):
        first = last - 1  # «وزير الخارجية الذي», «بوزير الخارجية الذي»
    word = sentence.word(first)
    skip = 1 if word[:1] in _GLUED and (word[1:] in HEADS or word[1:3] == "ال") else 0
    if not person_or_body(word[skip:]):
        return None
    return Phrase(first, last, None, skip)


_GLUED = ("ب", "ل", "ك")
