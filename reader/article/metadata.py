"""What is known of an article besides its text: title, outlet, author, date, address.

Three places can say it, and ``origin`` records which one did: the article's
own front-matter header ("header"), a saved web page's metadata as the
extractor read it ("page"), or the guess made from a scraped text's first
lines ("guess"). Exports and citations carry these fields, so they are kept as
the source wrote them (``published`` is shown as written and parsed only to
sort by date).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Literal

__all__ = ["ArticleError", "Metadata", "Origin", "parse_published", "published_sort_key"]

Origin = Literal["header", "page", "guess"]


class ArticleError(Exception):
    """One clear line for the user (str(err) is the whole message, no traceback needed)."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """An article's title, outlet, author, publication date and URL; any part may be unknown."""

    title: str | None = None
    date: str | None = None  # the publication date as written (header ``published``, page date, dateline)
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    origin: Origin = "guess"
    #: Header keys qari does not know, kept in order (written back by ``qari import``, shown by ``qari info``).
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def published(self) -> str | None:
        """The header's name for ``date``."""
        return self.date

    def filled_from(self, other: Metadata) -> Metadata:
        """This metadata with its missing title, date and outlet taken from ``other`` (a guess)."""
        return replace(
            self, title=self.title or other.title, date=self.date or other.date, outlet=self.outlet or other.outlet
        )


def published_sort_key(value: str | None) -> tuple[int, str]:
    """A key that orders ISO 8601 dates and date-times by time, others after them by text.

    ``2025-01-08`` and ``2025-01-08T09:30:00+02:00`` compare as instants (a
    date as its start, in UTC); a dateline such as «8 يناير 2025» cannot be
    compared reliably and sorts after every ISO date.
    """
    if not value:
        return (2, "")
    parsed = parse_published(value)
    if parsed is None:
        return (1, value)
    return (0, parsed.isoformat())


def parse_published(value: str) -> datetime | None:
    """An ISO 8601 date or date-time as an aware UTC datetime; None for anything else."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
