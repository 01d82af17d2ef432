"""Where the bundled themes and sample articles are: in the installed package, or in the repository.

The folders live at the top of the repository (``themes/``,
``sample_articles/``); a wheel carries copies inside the package
(``reader/_data/``), since an installed package has no repository around it.
An editable install finds the repository's own folders.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled"]

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The bundled folder ``name`` (``themes`` or ``sample_articles``)."""
    inside = _PACKAGE / "_data" / name
    return inside if inside.is_dir() else _PACKAGE.parent / name
