"""The read-only line under the article's header: why changes cannot be saved, for as long as that lasts.

A toast is gone in seconds; a fact-checker who looked away would then press
``c`` and wonder. The store gives the reason (another qari holds the
lock, a newer qari wrote the file, the file is damaged); this line keeps it
on screen, and the editing keys repeat it in a toast.
"""

from __future__ import annotations

from textual.widgets import Static

from .label import bidi_of, ltr_line

KEYS_REFUSED = "c e d u U a do nothing here"


def read_only_line(reason: str) -> str:
    """The line for ``reason``: starts with "read-only", says it once, and names the keys it stops."""
    why = reason
    for tail in (": opened read-only, the file is left as it is", ": opened read-only", ": read-only"):
        why = why.removesuffix(tail)
    return f"read-only: {why} · {KEYS_REFUSED}"


class ReadOnlyBar(Static):
    """One row, shown only while the article's annotations are read-only."""

    DEFAULT_CSS = """
    ReadOnlyBar {
        height: 1; padding: 0 1; display: none;
        background: $warning-muted; color: $foreground; text-style: bold;
        &.-shown { display: block; }
    }
    """

    def show_reason(self, reason: str | None) -> None:
        """Show ``reason`` (None: writable, hide the row)."""
        self.set_class(reason is not None, "-shown")
        self.update(ltr_line(read_only_line(reason), bidi=bidi_of(self)) if reason else "")
