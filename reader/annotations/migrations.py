"""The steps that bring an older annotations file up to this qari's schema, one function per version.

``schema.migrate`` runs them in order and sets ``schema_version`` after
each. A step gets the whole database (checked only as far as ``meta``) and
returns a new one, never changing what it was given, so a file that fails a
later check is still left byte for byte as it was. No Textual import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["MIGRATIONS"]

Data = dict[str, Any]


def _evidence_list(data: Data) -> Data:
    """1 → 2: every claim gains ``evidence`` (links and notes that back its verdict), empty.

    Anything that is not a claim document is passed on as it is, for the
    checks that follow to name.
    """
    claims = data.get("claims")
    if type(claims) is not dict:
        return dict(data)
    return {
        **data,
        "claims": {
            key: {**doc, "evidence": doc.get("evidence", [])} if type(doc) is dict else doc
            for key, doc in claims.items()
        },
    }


#: version → the step that turns a database of that version into one of the next version.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: _evidence_list}
