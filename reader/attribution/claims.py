"""Where a claim ends: at the end of its sentence, unless the sentence goes on to something else.

The claim runs from after the complementiser to the sentence's end (a quote
of several sentences is one sentence already), but stops before a comma that
opens what is no longer the claim: a participle continuing the source
(«، مضيفًا أن…»), another report («، قال سكان إن…»), a contrasting clause
(«، فيما يرى آخرون أن…»), the writer's own comment at the sentence's end
(«، وهو رقم لم يُسجَّل منذ سنوات»), or the source's own next verb in the same person
(«ترى الجمعيات أن…، وتلوّح بوقفة»; «اعتبرت الوزارة أن…، وحمّلت…»).
"""

from __future__ import annotations

from .arabic import CLAUSE_STARTS, COMP, CONTRAST, PARTICIPLES, PRESENT, ROLE_LEADS, strip_proclitic, verb_lemma
from .folding import norm_set
from .sentences import QUOTE_OPEN, Sentence, is_comma

_BUT_HE = norm_set("لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم")  # «، لكنه أشار…»
_AUXILIARIES = norm_set("كانت", "باتت", "ظلت", "صارت", "أصبحت", "مازالت", "زالت", "ليست", "بقيت", "كادت")


def claim_last(sentence: Sentence, first: int, verb: str = "") -> int:
    """The index of the claim's last token, the claim starting at token ``first``; ``verb`` is the reporting verb."""
    tokens = sentence.tokens
    depth = 0  # inside a quotation a comma never ends the claim
    straight = False
    for i in range(first, len(tokens) - 1):
        word = tokens[i].word
        if word in ("«", "“"):
            depth += 1
        elif word in ("»", "”") and depth > 0:
            depth -= 1
        elif word in ('"', "”"):
            straight = not straight
        elif is_comma(word) and i > first and depth == 0 and not straight and _goes_on(sentence, i + 1, verb):
            return i - 1
    return len(tokens) - 1


def _goes_on(sentence: Sentence, index: int, verb: str) -> bool:
    """Does what starts at ``index`` (after a comma) leave the claim?"""
    word = sentence.word(index)
    bare = strip_proclitic(word)
    if word in PARTICIPLES or bare in PARTICIPLES or verb_lemma(word) is not None:
        return True
    two = (word == "في" and sentence.word(index + 1) == "حين") or (
        word in CONTRAST and sentence.word(index + 1) in COMP
    )
    if word in ROLE_LEADS:
        rest = [sentence.word(k) for k in range(index + 1, len(sentence.tokens))]
        # «…12%، وهي نسبة قياسية.»: the writer's comment closing the sentence, not the source's words — unless
        # it quotes them («، وهو "الأدنى منذ ثمانين عاما"»).
        return not any(is_comma(w) or w in QUOTE_OPEN for w in rest)
    if word in CLAUSE_STARTS or word in _BUT_HE or two:
        # «، فيما يرى آخرون أن…», «، لكن شهودًا قالوا إن…»: another report, its verb within a few words;
        # «، فيما يفضّل 21 في المئة…» goes on with the claim.
        start = index + (2 if two else 1)
        for k in range(start, min(start + 6, len(sentence.tokens))):
            if is_comma(sentence.word(k)):
                return False
            if verb_lemma(sentence.word(k)) is not None:
                return True
        return False
    if not verb or word[:1] != "و" or len(bare) < 4 or bare.startswith("ال"):
        return False
    said = strip_proclitic(verb)
    if (said in PRESENT or said[1:] in PRESENT) and said[:1] in "تي":
        return bare[:1] == said[:1] and bare not in PRESENT_NOUNS  # «ترى … ، وتلوّح»
    if said.endswith("ت") and said not in PRESENT:
        return bare.endswith("ت") and not bare.endswith("ات") and bare not in _AUXILIARIES  # «اعتبرت … ، وحمّلت»
    return False


# Present-looking nouns that may open a coordinated phrase: «وتيرة», «وتكلفة».
PRESENT_NOUNS = norm_set("تكلفة", "تكلفه", "تكاليف", "تداعيات", "تقارير", "تقديرات", "تصريحات", "تيارات", "يوميات")
