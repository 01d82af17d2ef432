"""The claims and sources of an article as lists to browse, filtered by tag or source.

What the reader's side panel shows, computed without Textual so it can be
tested (and reused by scripts) on plain data. A filter is typed text:

| typed | keeps |
|---|---|
| ``#word`` | claims with a tag containing *word* |
| ``@word`` | claims with a source whose name or role contains *word* |
| ``word`` | either of those, or a source type or status containing *word* |

Matching is Arabic-normalised (harakat, tatweel, hamza forms, ى/ي, case) as
everywhere else in qari.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..text.search import fold
from .model import Claim, Source


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """A parsed filter: which fields to look in, and the folded text to look for."""

    needle: str = ""
    tags: bool = True
    sources: bool = True
    kinds: bool = True  # source types and statuses

    @classmethod
    def parse(cls, typed: str) -> ClaimFilter:
        text = typed.strip()
        if text.startswith("#"):
            return cls(fold(text[1:]).strip(), tags=True, sources=False, kinds=False)
        if text.startswith("@"):
            return cls(fold(text[1:]).strip(), tags=False, sources=True, kinds=False)
        return cls(fold(text))

    @property
    def empty(self) -> bool:
        return not self.needle

    def source_matches(self, source: Source) -> bool:
        """The source itself matches (by name or role, or by type for a plain filter)."""
        if self.empty:
            return True
        if self.sources and (self.needle in fold(source.name) or self.needle in fold(source.role)):
            return True
        return self.kinds and self.needle in source.type

    def claim_matches(self, claim: Claim, sources: Mapping[str, Source], *, by_source: bool = True) -> bool:
        """The claim matches by tag or status, or (``by_source``) through one of its sources."""
        if self.empty:
            return True
        if self.tags and any(self.needle in fold(tag) for tag in claim.tags):
            return True
        if self.kinds and self.needle in claim.status:
            return True
        return by_source and any(self.source_matches(sources[i]) for i in claim.source_ids if i in sources)


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    """One row of the claims list: the claim, its sources, and whether it lost its place."""

    claim: Claim
    sources: tuple[Source, ...]
    orphan: bool = False

    @property
    def source_names(self) -> str:
        return "، ".join(source.name for source in self.sources) or "no source"


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One row of the sources list: the source and the claims it makes (in reading order)."""

    source: Source
    claims: tuple[Claim, ...]

    @property
    def count(self) -> int:
        return len(self.claims)


def _order(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda claim: (claim.anchor.start, claim.anchor.end))


def claim_entries(
    claims: Iterable[Claim], orphans: Iterable[Claim], sources: Mapping[str, Source], typed: str = ""
) -> list[ClaimEntry]:
    """Placed claims in reading order, then orphans (claims the changed article lost), filtered."""
    wanted = ClaimFilter.parse(typed)
    entries: list[ClaimEntry] = []
    for group, orphan in ((claims, False), (orphans, True)):
        for claim in _order(group):
            if wanted.claim_matches(claim, sources):
                named = tuple(sources[i] for i in claim.source_ids if i in sources)
                entries.append(ClaimEntry(claim, named, orphan))
    return entries


def source_entries(claims: Iterable[Claim], sources: Mapping[str, Source], typed: str = "") -> list[SourceEntry]:
    """Each source with the claims it makes, most claims first (ties: who speaks first), filtered.

    A source that matches the filter itself keeps all its claims; otherwise
    only its claims that match by tag or status count (``#tag`` lists who makes
    claims tagged so; another source of the same claim does not bring it in),
    and a source left with none is dropped. Sources no claim names come last.
    """
    wanted = ClaimFilter.parse(typed)
    ordered = _order(claims)
    made: dict[str, list[Claim]] = {source_id: [] for source_id in sources}
    matching: dict[str, list[Claim]] = {source_id: [] for source_id in sources}
    for claim in ordered:
        hit = wanted.claim_matches(claim, sources, by_source=False)
        for source_id in claim.source_ids:
            if source_id in made:
                made[source_id].append(claim)
                if hit:
                    matching[source_id].append(claim)
    entries: list[SourceEntry] = []
    for source_id, source in sources.items():
        if wanted.source_matches(source):
            entries.append(SourceEntry(source, tuple(made[source_id])))
        elif matching[source_id]:
            entries.append(SourceEntry(source, tuple(matching[source_id])))
    return sorted(entries, key=lambda e: (-e.count, e.claims[0].anchor.start if e.claims else sys.maxsize))
