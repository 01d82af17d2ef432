"""W3C Web Annotations: the Web Annotation Data Model's JSON-LD, one annotation per claim."""

from __future__ import annotations

import json
import uuid
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..annotations.model import Source
from ..corpus import Annotated
from ..text.language import RTL_LANGUAGES, guess_language, short_text_language
from .rows import ExportOptions, Row, claim_rows

__all__ = ["GENERATOR", "W3C_CONTEXT", "W3CWriter", "w3c_annotation"]

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The Agent that wrote the annotation (model §3.3.2): qari has no IRI of its own, so a Software agent named
#: with its version (the model has no version property; ``name`` is what a reader of the file sees).
GENERATOR: dict[str, str] = {"type": "Software", "name": f"qari {__version__}"}


def _annotation_id(row: Row) -> str:
    """``urn:uuid:…`` for qari's ids (uuid4 hex); a fragment of the article's IRI for any other id."""
    try:
        return uuid.UUID(hex=row.claim.id).urn
    except ValueError:
        return f"{row.source_uri}#claim-{quote(row.claim.id, safe='')}"


def _source_text(source: Source) -> str:
    detail = ", ".join(part for part in (source.type, source.role) if part)
    return f"{source.name} ({detail})"


def _is_link(item: str) -> bool:
    return item.startswith(("http://", "https://")) and not any(char.isspace() for char in item)


def _text_body(purpose: str, value: str, language: str) -> dict[str, Any]:
    """A TextualBody (model §3.2.4) in plain text, with its language and direction when they can be told."""
    body: dict[str, Any] = {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}
    said = short_text_language(value, language)
    if said != "und":
        body["language"] = said
        body["textDirection"] = "rtl" if said in RTL_LANGUAGES else "ltr"
    return body


def w3c_annotation(row: Row, *, language: str = "und", options: ExportOptions | None = None) -> dict[str, Any]:
    """A claim as a W3C Web Annotation (motivation ``assessing``); ``language``: the article's (BCP 47)."""
    claim, anchor = row.claim, row.claim.anchor
    body = [_text_body("assessing", claim.status, language)]
    body += [_text_body("tagging", tag, language) for tag in claim.tags]
    body += [_text_body("describing", f"source: {_source_text(source)}", language) for source in row.sources]
    if claim.note:
        body.append(_text_body("commenting", claim.note, language))
    for item in claim.evidence:  # a link: a resource of its own (§4, purpose on a Specific Resource)
        body.append(
            {"source": item, "purpose": "linking"}
            if _is_link(item)
            else _text_body("describing", f"evidence: {item}", language)
        )
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": anchor.exact, "prefix": anchor.prefix, "suffix": anchor.suffix}
    ]
    if row.placed:
        selectors.append({"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end})
    target: dict[str, Any] = {"source": row.source_uri, "selector": selectors}
    url = row.metadata.url
    if url and _is_link(url):
        # The article on the web, as it was when the claim was marked; the file qari read is its cached copy.
        target["source"] = url
        target["state"] = {"type": "TimeState", "sourceDate": claim.created, "cached": row.source_uri}
    if language != "und":
        target["language"] = language
    annotation: dict[str, Any] = {
        "@context": W3C_CONTEXT,
        "id": _annotation_id(row),
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim.created,
        "modified": claim.updated,
    }
    annotator = options.annotator if options is not None else None
    if annotator:
        annotation["creator"] = {"type": "Person", "name": annotator}
    annotation["generator"] = GENERATOR
    annotation["body"] = body
    annotation["target"] = target
    return annotation


class W3CWriter:
    """A JSON array of W3C Web Annotations, each a complete JSON-LD document with its own ``@context``.

    Why an array and not an AnnotationCollection: an array is what annotation
    tools import directly (Annotorious/Recogito take a list of W3C annotations;
    each element can be POSTed as is to a Web Annotation Protocol server, and
    any JSON library reads it), whereas a collection wraps the annotations in
    pages that an importer must unwrap, and wants a ``total`` that a
    streamed export only knows at its end.

    Each claim's target is its article with two equivalent selectors: a
    TextQuoteSelector (quote, 32 characters of prefix and suffix) and a
    TextPositionSelector (code-point offsets, as the model's text selectors
    count), and the article's language. The target's ``source`` is the
    article's URL when its header or page names one, with a ``TimeState``
    whose ``cached`` copy is the local file (``sourceDate``: when the claim
    was marked); else the local file's ``file:`` IRI. The body says what the
    annotator found, each a plain-text TextualBody with its language and
    direction: the status (purpose ``assessing``), each tag (``tagging``),
    each source (``describing``: "source: name (type, role)"), the note
    (``commenting``) and the evidence (a link: a resource with purpose
    ``linking``; a note: ``describing``, "evidence: …"). An orphan has the
    quote selector only. ``created`` / ``modified`` are the claim's times;
    ``creator`` the configured annotator, ``generator`` qari.
    """

    def __init__(self, out: TextIO, options: ExportOptions | None = None) -> None:
        self._out = out
        self._first = True
        self._options = options or ExportOptions()

    def begin(self) -> None:
        self._out.write("[")

    def write_article(self, item: Annotated) -> int:
        count = 0
        language = guess_language(item.article.text)
        for row in claim_rows(item):
            self._out.write("\n" if self._first else ",\n")
            self._first = False
            annotation = w3c_annotation(row, language=language, options=self._options)
            self._out.write(json.dumps(annotation, ensure_ascii=False))
            count += 1
        return count

    def end(self) -> None:
        self._out.write("]\n" if self._first else "\n]\n")
