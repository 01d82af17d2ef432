"""The annotation model: plain, immutable records that the store saves and the UI shows.

Offsets are code-point offsets into the article's text (see DESIGN.md, "Text
and offsets"). An anchor also keeps the exact quote and 32 characters either
side, so a claim can be found again when the article's text changes.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from operator import itemgetter

from ..text.search import fold

STATUSES: tuple[str, ...] = ("unverified", "supported", "disputed", "false", "opinion")
SOURCE_TYPES: tuple[str, ...] = ("official", "expert", "anonymous", "media", "document", "social", "other")
CONTEXT = 32  # characters of prefix and suffix kept with an anchor


def now() -> str:
    """A UTC time stamp, ISO 8601 to the second (what the CSV export shows)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a claim sits: [start, end) in the article, and the text around it."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> Anchor:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"anchor {start}:{end} outside a text of {len(text)} characters")
        return cls(start, end, text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT])

    def fits(self, text: str) -> bool:
        """True when the quote is still at its offsets in ``text``."""
        return text[self.start : self.end] == self.exact


@dataclass(frozen=True, slots=True)
class Source:
    """Who makes a claim: a named official, an expert, "Western diplomats"…"""

    name: str
    type: str = "other"
    role: str = ""
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.type not in SOURCE_TYPES:
            raise ValueError(f"source type must be one of {', '.join(SOURCE_TYPES)}, not {self.type!r}")


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim the article makes, who makes it, and what the annotator found."""

    anchor: Anchor
    source_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str = ""
    status: str = "unverified"
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now)
    updated: str = ""
    #: Links and short notes that back the annotator's verdict, in the order typed (schema 2).
    evidence: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {self.status!r}")
        if not self.updated:
            object.__setattr__(self, "updated", self.created)

    def edited(self, **changes: object) -> Claim:
        """A copy with ``changes`` and a new ``updated`` time."""
        return replace(self, **changes, updated=now())  # type: ignore[arg-type]


#: How many fields ``ClaimColumns`` has (its empty value is this many empty tuples).
FIELD_COUNT = 13


@dataclass(frozen=True, slots=True)
class ClaimColumns:
    """Many claims as one tuple per field: claim ``k`` is ``ids[k]``, ``starts[k]``…, as ``Claim`` holds it.

    For reading thousands of claims at once (export, statistics) without a
    record per claim: columns are made, checked and reordered in C loops
    (``map``, ``zip``, ``set``), and ``claims()`` makes the records only
    when they are asked for.
    """

    ids: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    exacts: tuple[str, ...]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    source_ids: tuple[Sequence[str], ...]
    tags: tuple[Sequence[str], ...]
    notes: tuple[str, ...]
    statuses: tuple[str, ...]
    created: tuple[str, ...]
    updated: tuple[str, ...]
    evidence: tuple[Sequence[str], ...]

    def __post_init__(self) -> None:
        if "" in self.updated:  # as in Claim: never edited, updated when it was created
            updated = tuple(made if when == "" else when for when, made in zip(self.updated, self.created, strict=True))
            object.__setattr__(self, "updated", updated)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> ClaimColumns:
        """The columns of ``claims``, in that order."""
        rows = [
            (
                c.id,
                a.start,
                a.end,
                a.exact,
                a.prefix,
                a.suffix,
                c.source_ids,
                c.tags,
                c.note,
                c.status,
                c.created,
                c.updated,
                c.evidence,
            )
            for c in claims
            for a in (c.anchor,)
        ]
        return cls(*zip(*rows, strict=True)) if rows else cls(*((),) * FIELD_COUNT)

    def columns(self) -> tuple[tuple[object, ...], ...]:
        """Every column, in the order of the fields."""
        return (
            self.ids,
            self.starts,
            self.ends,
            self.exacts,
            self.prefixes,
            self.suffixes,
            self.source_ids,
            self.tags,
            self.notes,
            self.statuses,
            self.created,
            self.updated,
            self.evidence,
        )

    def take(self, order: Sequence[int]) -> ClaimColumns:
        """The claims numbered ``order``, in that order."""
        if len(order) < 2:
            return ClaimColumns(*(tuple(map(column.__getitem__, order)) for column in self.columns()))  # type: ignore[arg-type]
        pick = itemgetter(*order)  # one C loop a column
        return ClaimColumns(*map(pick, self.columns()))

    def claims(self, start: int = 0, stop: int | None = None) -> tuple[Claim, ...]:
        """The claims ``start`` to ``stop`` as records."""
        part = slice(start, stop)
        anchors = map(
            Anchor, self.starts[part], self.ends[part], self.exacts[part], self.prefixes[part], self.suffixes[part]
        )
        return tuple(
            map(
                Claim,
                anchors,
                map(tuple, self.source_ids[part]),
                map(tuple, self.tags[part]),
                self.notes[part],
                self.statuses[part],
                self.ids[part],
                self.created[part],
                self.updated[part],
                map(tuple, self.evidence[part]),
            )
        )


# The accusative's tanween alef (مسؤولًا / مسؤولاً): a case ending, not part of the name.
_TANWEEN_ALEF_RE = re.compile(r"\u064b\u0627(?!\w)|\u0627\u064b(?!\w)")


def name_key(name: str) -> str:
    """A source name as sources are compared: case endings dropped, Arabic-folded, spaces collapsed, so
    «مسؤولًا أمريكيًا» and «مسؤول أمريكي», «وزارة» and «وزاره» are one source."""
    return " ".join(fold(_TANWEEN_ALEF_RE.sub("", name)).split())
