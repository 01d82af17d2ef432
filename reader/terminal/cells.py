"""Rows arranged for terminals that reorder cells themselves (filled in by the cell-rules work)."""

from __future__ import annotations

from collections.abc import Callable

RULES: dict[str, Callable[[str], str]] = {}
