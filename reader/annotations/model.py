"""The annotation model: plain, immutable records that the store saves and the UI shows.

Offsets are code-point offsets into the article's text (see DESIGN.md, "Text
and offsets"). An anchor also keeps the exact quote and 32 characters either
side, so a claim can be found again when the article's text changes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

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

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {self.status!r}")
        if not self.updated:
            object.__setattr__(self, "updated", self.created)

    def edited(self, **changes: object) -> Claim:
        """A copy with ``changes`` and a new ``updated`` time."""
        return replace(self, **changes, updated=now())  # type: ignore[arg-type]
