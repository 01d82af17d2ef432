"""The two errors of the annotation layer, each one line the UI can show as it is. No Textual import."""

from __future__ import annotations

__all__ = ["SaveError", "StoreError"]


class StoreError(Exception):
    """A change the store refuses or cannot make, or a file it cannot read (one-line message for the UI)."""


class SaveError(StoreError):
    """Saving failed (disk full, permission denied…); the file and the store are as they were."""
