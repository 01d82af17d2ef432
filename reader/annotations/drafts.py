"""What the annotator filled in a dialog, before the editor turns it into changes. No Textual import.

A draft names sources by what was typed (and the id of a known source picked
from the type-ahead); the editor finds or makes the sources, so the dialogs
never need the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Source

__all__ = ["EVIDENCE_SEPARATOR", "SOURCE_SEPARATOR", "ClaimDraft", "SourceDraft", "split_evidence", "split_items"]

SOURCE_SEPARATOR = "؛ "  # the Arabic semicolon: names hold commas and و, never a semicolon
#: Between evidence items in the claim dialog's one-line field, as in the CSV's ``evidence`` cell. A bar:
#: links hold ; , and & (a bare | is not allowed in a URL, RFC 3986) and Arabic notes hold ، and ؛.
EVIDENCE_SEPARATOR = " | "


def split_items(text: str, separators: str, same: Callable[[str], str] = str) -> tuple[str, ...]:
    """Items typed in one dialog field, between any of the characters ``separators``: spaces tidied,
    empty ones dropped, each once (two items are the same when ``same`` gives the same key), in the order typed."""
    for separator in separators[1:]:
        text = text.replace(separator, separators[0])
    items: list[str] = []
    seen: set[str] = set()
    for part in text.split(separators[0]):
        item = " ".join(part.split())
        if item and same(item) not in seen:
            seen.add(same(item))
            items.append(item)
    return tuple(items)


def split_evidence(text: str) -> tuple[str, ...]:
    """Evidence items typed (or pasted) in one field: split at | or a line break, spaces tidied, each once."""
    return split_items(text, "|\n")


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A claim as the claim dialog gives it: who says it, tags, status, note, evidence."""

    source_name: str
    source_type: str
    source_role: str
    source_id: str | None  # an existing source picked from the suggestions (or kept when editing)
    tags: tuple[str, ...]
    status: str
    note: str
    #: Further sources of a claim several make («أكدت وزارة الصحة ومنظمة الصحة العالمية»): typed after
    #: the first, separated by ؛ or ;. Known ones keep their type and role; new ones get a guessed type.
    more_sources: tuple[Source, ...] = ()
    #: Links and short notes that back the verdict, one item each, in the order typed.
    evidence: tuple[str, ...] = ()

    @property
    def source_names(self) -> str:
        """The source field's text: every source, ؛-separated."""
        return SOURCE_SEPARATOR.join([self.source_name, *(source.name for source in self.more_sources)])


@dataclass(frozen=True, slots=True)
class SourceDraft:
    """What the annotator typed for a source (a name another source has means: merge the two)."""

    name: str
    type: str
    role: str
    note: str
