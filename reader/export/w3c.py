"""W3C Web Annotations: the Web Annotation Data Model's JSON-LD, one annotation per claim."""

from __future__ import annotations

import json
import uuid
from typing import Any, TextIO
from urllib.parse import quote

from ..annotations.model import Source
from ..corpus import Annotated
from .rows import Row, claim_rows

__all__ = ["W3C_CONTEXT", "W3CWriter", "w3c_annotation"]

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _annotation_id(row: Row) -> str:
    """``urn:uuid:…`` for qari's ids (uuid4 hex); a fragment of the article's IRI for any other id."""
    try:
        return uuid.UUID(hex=row.claim.id).urn
    except ValueError:
        return f"{row.source_uri}#claim-{quote(row.claim.id, safe='')}"


def _source_text(source: Source) -> str:
    detail = ", ".join(part for part in (source.type, source.role) if part)
    return f"{source.name} ({detail})"


def w3c_annotation(row: Row) -> dict[str, Any]:
    """A claim as a W3C Web Annotation (motivation ``assessing``)."""
    claim, anchor = row.claim, row.claim.anchor
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "assessing", "value": claim.status}]
    body += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in claim.tags]
    body += [
        {"type": "TextualBody", "purpose": "describing", "value": f"source: {_source_text(source)}"}
        for source in row.sources
    ]
    if claim.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": claim.note})
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": anchor.exact, "prefix": anchor.prefix, "suffix": anchor.suffix}
    ]
    if row.placed:
        selectors.append({"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end})
    return {
        "@context": W3C_CONTEXT,
        "id": _annotation_id(row),
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim.created,
        "modified": claim.updated,
        "body": body,
        "target": {"source": row.source_uri, "selector": selectors},
    }


class W3CWriter:
    """A JSON array of W3C Web Annotations, each a complete JSON-LD document with its own ``@context``.

    Why an array and not an AnnotationCollection: an array is what annotation
    tools import directly (Annotorious/Recogito take a list of W3C annotations;
    each element can be POSTed as is to a Web Annotation Protocol server, and
    any JSON library reads it), whereas a collection wraps the annotations in
    pages that an importer must unwrap, and wants a ``total`` that a
    streamed export only knows at its end.

    Each claim's target is its article (a ``file:`` IRI) with two equivalent
    selectors: a TextQuoteSelector (quote, 32 characters of prefix and
    suffix) and a TextPositionSelector (code-point offsets, as the model's
    text selectors count). The body says what the annotator found: the status
    (purpose ``assessing``), each tag (``tagging``), each source
    (``describing``: "source: name (type, role)") and the note (``commenting``).
    An orphan has the quote selector only. ``created`` / ``modified`` are the
    claim's times.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._first = True

    def begin(self) -> None:
        self._out.write("[")

    def write_article(self, item: Annotated) -> int:
        count = 0
        for row in claim_rows(item):
            self._out.write("\n" if self._first else ",\n")
            self._first = False
            self._out.write(json.dumps(w3c_annotation(row), ensure_ascii=False))
            count += 1
        return count

    def end(self) -> None:
        self._out.write("]\n" if self._first else "\n]\n")
