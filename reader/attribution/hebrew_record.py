"""One Hebrew suggestion built from token ranges: the source checked and trimmed, spans mapped back.

The rules find ranges of a line's tokens; this turns them into a Suggestion
whose strings are the article's own characters (niqqud kept), after the last
checks every pattern shares: a source that is a function word, a pronoun, a
reporting verb carried over («, והוסיף:») or too long is no source.
"""

from __future__ import annotations

from . import hebrew_clauses as clause
from .hebrew_sources import is_named, source_type
from .hebrew_text import HebrewText, Line
from .hebrew_words import VAV_WORDS, verb
from .suggestion import Span, Suggestion


def record(
    doc: HebrewText,
    line: Line,
    verb_at: int | Span,
    source: tuple[int, int],
    strip: int,
    roles: list[tuple[int, int]],
    claim: tuple[int, int] | None,
    pattern: str,
    relay: tuple[int, int, int] | None,
    longest: int = clause.MAX_SOURCE,
) -> Suggestion | None:
    """The suggestion for these token ranges (``strip``: prefix letters the source leaves out), or None."""
    s, e = source
    e = clause.cut_relative(line, s, e)
    words = [line.word(k) for k in range(s, e)]
    if not words or claim is None or len(words) > longest or not clause.source_ok(words, strip):
        return None
    if (first := verb(words[0])) is not None and first[1].lemma != "כתב" and pattern != "according-to":
        return None  # «"…", אמר השר, והוסיף: "…"»: a subject carried over, not a source
    tokens = line.tokens
    start = tokens[s].start + strip
    if words[0].startswith("ו") and len(words[0]) > 3 and words[0] not in VAV_WORDS and not strip:
        start += 1  # «ושר האוצר אמר»: the conjunction is not the source's
    source_text, source_span = doc.slice(start, tokens[e - 1].end)
    if isinstance(verb_at, int):
        verb_text, verb_span = doc.slice(tokens[verb_at].start, tokens[verb_at].end)
    else:
        verb_text, verb_span = doc.slice(*verb_at)
    role_words: list[str] = []
    role_text, role_span = "", None
    if roles:
        role_text, role_span = doc.slice(tokens[roles[0][0]].start, tokens[roles[-1][1] - 1].end)
        role_words = [line.word(k) for r in roles for k in range(*r)]
    claim_text, claim_span = doc.slice(*claim)
    if not claim_text.strip():
        return None
    named = is_named([w[strip:] if i == 0 else w for i, w in enumerate(words)], role_words)
    relay_text = ""
    if relay is not None:
        relay_text = doc.slice(tokens[relay[0]].start + relay[2], tokens[relay[1] - 1].end)[0]
    return Suggestion(
        verb=verb_text,
        verb_span=verb_span,
        source=source_text,
        source_span=source_span,
        role=role_text,
        role_span=role_span,
        named=named,
        source_type=source_type([words[0][strip:], *words[1:]], role_words, named),
        claim=claim_text,
        claim_span=claim_span,
        pattern=pattern,
        relay=relay_text,
        language="he",
    )
