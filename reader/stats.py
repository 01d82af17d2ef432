"""Figures over many annotated articles: what ``qari stats`` prints and the library's statistics screen shows.

``corpus_stats`` reads the articles one at a time (``corpus.annotated_articles``)
and keeps only counters, so it runs in flat memory over any number of
articles; ``CorpusStats`` is a plain record that a script (``to_json``), the
terminal (``reader.report.stats_tables``) and the UI can all draw from.

How claims are counted (orphans included: they are claims still):

- per source type: a claim counts once for each type among its sources (a
  claim with an official and an anonymous source counts for both); claims
  without any source are ``unsourced``;
- the anonymous share: claims with at least one anonymous source, over all
  claims;
- sources: the same person or body named in several articles is one source:
  names are grouped Arabic-normalised (``text.search.fold``: harakat, tatweel,
  hamza forms, ى/ي, case, runs of spaces). Each shows its most used spelling
  and type, the claims that name it and the articles it appears in; sorted
  by claims, then articles, then name;
- per status: every status, zeros included; per tag: tags as written.

No Textual or Rich import: drawing the figures is ``reader.report``'s job.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from .annotations.model import SOURCE_TYPES, STATUSES, Claim, Source, name_key
from .corpus import Annotated, Skipped

__all__ = ["ArticleCount", "CorpusStats", "SourceCount", "corpus_stats", "source_key"]

ANONYMOUS = "anonymous"


def source_key(name: str) -> str:
    """The form under which source names are grouped: the annotations' own (case endings dropped, folded)."""
    return name_key(name)


@dataclass(frozen=True, slots=True)
class ArticleCount:
    """One annotated article: its claims, those from anonymous sources, and its orphans."""

    article: str
    claims: int
    anonymous: int
    orphans: int


@dataclass(frozen=True, slots=True)
class SourceCount:
    """A source across articles (grouped by ``source_key``)."""

    name: str
    type: str
    claims: int
    articles: int


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """The figures of ``qari stats`` (see the module's docstring for how claims count)."""

    articles: tuple[ArticleCount, ...]  # annotated articles, in the order read
    articles_without_annotations: int
    claims: int
    anonymous_claims: int
    unsourced_claims: int
    by_source_type: dict[str, int]  # every type in SOURCE_TYPES order, zeros included
    by_status: dict[str, int]  # every status in STATUSES order, zeros included
    by_tag: dict[str, int]  # most used first, ties alphabetical
    sources: tuple[SourceCount, ...]  # most claims first
    skipped: tuple[str, ...] = field(default=())  # one line each: "name: reason"

    @property
    def anonymous_share(self) -> float:
        """Claims with at least one anonymous source, over all claims (0 when there are none)."""
        return self.anonymous_claims / self.claims if self.claims else 0.0

    def top_sources(self, count: int = 10) -> tuple[SourceCount, ...]:
        return self.sources[:count]

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["anonymous_share"] = round(self.anonymous_share, 4)
        return data

    def to_json(self) -> str:
        """The figures as one JSON object (Arabic as is), for scripts."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


class _SourceTally:
    """Counters of one grouped source."""

    __slots__ = ("articles", "claims", "spellings", "types")

    def __init__(self) -> None:
        self.claims = 0
        self.articles = 0
        self.spellings: Counter[str] = Counter()
        self.types: Counter[str] = Counter()


def _most_used(counter: Counter[str]) -> str:
    """The most counted key; on a tie the first counted (Counter keeps insertion order)."""
    return max(counter, key=counter.__getitem__)


def corpus_stats(items: Iterable[Annotated | Skipped], *, articles_seen: int | None = None) -> CorpusStats:
    """The figures over ``items`` (``corpus.annotated_articles``). ``articles_seen``: how many articles
    were looked at, annotated or not (to count those without annotations)."""
    articles: list[ArticleCount] = []
    skipped: list[str] = []
    by_type: Counter[str] = Counter(dict.fromkeys(SOURCE_TYPES, 0))
    by_status: Counter[str] = Counter(dict.fromkeys(STATUSES, 0))
    by_tag: Counter[str] = Counter()
    sources: dict[str, _SourceTally] = {}
    claims = anonymous = unsourced = 0
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(f"{item.name}: {item.reason}")
            continue
        known: dict[str, Source] = {s.id: s for s in item.annotations.sources}
        in_article: set[str] = set()
        all_claims: tuple[Claim, ...] = item.annotations.claims + item.annotations.orphans
        article_anonymous = 0
        for claim in all_claims:
            named = [known[i] for i in dict.fromkeys(claim.source_ids) if i in known]
            by_status[claim.status] += 1
            by_tag.update(dict.fromkeys(claim.tags, 1))
            types = {s.type for s in named}
            by_type.update(types)
            if not named:
                unsourced += 1
            if ANONYMOUS in types:
                article_anonymous += 1
            for key, source in {source_key(s.name): s for s in named}.items():
                tally = sources.get(key)
                if tally is None:
                    tally = sources[key] = _SourceTally()
                tally.claims += 1
                tally.spellings[source.name] += 1
                tally.types[source.type] += 1
                if key not in in_article:
                    in_article.add(key)
                    tally.articles += 1
        claims += len(all_claims)
        anonymous += article_anonymous
        articles.append(ArticleCount(item.name, len(all_claims), article_anonymous, len(item.annotations.orphans)))
    grouped = sorted(
        (SourceCount(_most_used(t.spellings), _most_used(t.types), t.claims, t.articles) for t in sources.values()),
        key=lambda s: (-s.claims, -s.articles, s.name),
    )
    without = max(0, articles_seen - len(articles) - len(skipped)) if articles_seen is not None else 0
    return CorpusStats(
        articles=tuple(articles),
        articles_without_annotations=without,
        claims=claims,
        anonymous_claims=anonymous,
        unsourced_claims=unsourced,
        by_source_type=dict(by_type),
        by_status=dict(by_status),
        by_tag=dict(sorted(by_tag.items(), key=lambda kv: (-kv[1], kv[0]))),
        sources=tuple(grouped),
        skipped=tuple(skipped),
    )
