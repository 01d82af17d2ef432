"""The MUST rules of the W3C Web Annotation Data Model that qari's annotations meet, as explicit checks.

The W3C's own tests of the model are the JSON schemas in web-platform-tests
(``annotation-model/``); they are not vendored here, so each rule they assert
as a MUST for what qari writes is written out below, named after its
assertion file, with the model's section (https://www.w3.org/TR/annotation-model/):

| rule | assertion (annotation-model/…) | model |
|---|---|---|
| ``@context`` is the anno.jsonld IRI (or an array holding it) | annotations/3.1-annotationContextValidated | §3.1 |
| ``id`` is one IRI | annotations/3.1-annotationIdValidated | §3.1 |
| ``type`` is or holds ``Annotation`` | annotations/3.1-annotationTypeValidated | §3.1 |
| a ``target`` | annotations/3.1-targetKeyFound | §3.1 |
| each target is an IRI or a recognised resource (exactly one kind) | annotations/3.2-targetObjectsRecognized | §3.2 |
| not both ``body`` and ``bodyValue`` | annotations/3.2.5-notBodyBodyValue | §3.2.5 |
| each body is an IRI or a recognised resource (exactly one kind) | annotations/3.2-bodyObjectsRecognized | §3.2 |
| ``created``, ``modified``, ``generated``: one xsd:dateTime | annotations/3.3.1-annotation{Created,Modified,Generated}Validated | §3.3.1 |
| ``motivation``, ``purpose``: from the model's list | definitions/annotations.json#motivationList | §3.3.5 |
| ``creator`` / ``generator``: IRIs or objects | definitions/otherProperties.json#creatorValidIfPresent | §3.3.1 |
| ``textDirection``: one of ltr, rtl, auto | definitions/bodyTarget.json#textDirectionValidIfPresent (optionalBodyPropertiesMust) | §3.2.1 |
| ``language``: a BCP 47 tag | definitions/bodyTarget.json#languageValueCheck | §3.2.1 |
| ``format``: a media type | definitions/bodyTarget.json#formatValueCheck | §3.2.1 |
| selectors: TextQuoteSelector has a string ``exact``; TextPositionSelector whole ``start``/``end`` ≥ 0 | specificResource/4.2.4-textQuoteSelectorValid, 4.2-TextDataPositionSelectorValid | §4.2.4, §4.2.5 |
| a TimeState has ``sourceDate`` (or ``sourceDateStart`` and ``sourceDateEnd``) as xsd:dateTime; ``cached`` is an IRI | specificResource/4.3.1-timeStateValid | §4.3.1 |
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = frozenset(
    [
        "assessing",
        "bookmarking",
        "classifying",
        "commenting",
        "describing",
        "editing",
        "highlighting",
        "identifying",
        "linking",
        "moderating",
        "questioning",
        "replying",
        "tagging",
    ]
)
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")  # a scheme and no white space (JSON schema's format "uri")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-|$)")
_FORMAT = re.compile(r"^(application|audio|example|image|multipart|text|video)/")


def _one(value: Any) -> Any:
    """A single value, or an array of exactly one (as the schemas accept it)."""
    if isinstance(value, list):
        assert len(value) == 1, value
        return value[0]
    return value


def _date_time(value: Any) -> None:
    value = _one(value)
    assert isinstance(value, str) and "T" in value, value
    datetime.fromisoformat(value.replace("Z", "+00:00"))


def _iri(value: Any) -> None:
    assert isinstance(value, str) and _IRI.match(value), value


def _resource_kinds(resource: Any) -> list[str]:
    """Which of the model's resource kinds an object is (the schemas want exactly one)."""
    if isinstance(resource, str):
        return ["iri"] if _IRI.match(resource) else []
    kinds = []
    if "value" in resource and isinstance(resource["value"], str):
        kinds.append("textual body")
    if "id" in resource and not {"value", "source", "target"} & set(resource):
        kinds.append("external web resource")
    if "source" in resource and {"purpose", "selector", "state", "styleClass", "renderedVia", "scope"} & set(resource):
        kinds.append("specific resource")
    return kinds


def _resource_properties(resource: Any) -> None:
    if isinstance(resource, str):
        return
    if "textDirection" in resource:
        assert _one(resource["textDirection"]) in ("ltr", "rtl", "auto"), resource
    if "language" in resource:
        for tag in resource["language"] if isinstance(resource["language"], list) else [resource["language"]]:
            assert isinstance(tag, str) and _LANGUAGE.match(tag), resource
    if "format" in resource:
        for media in resource["format"] if isinstance(resource["format"], list) else [resource["format"]]:
            assert isinstance(media, str) and _FORMAT.match(media), resource
    if "purpose" in resource:
        purposes = resource["purpose"] if isinstance(resource["purpose"], list) else [resource["purpose"]]
        assert set(purposes) <= MOTIVATIONS, resource
    for key in ("created", "modified", "generated"):
        if key in resource:
            _date_time(resource[key])
    if "source" in resource:
        source = resource["source"]
        assert (isinstance(source, str) and _IRI.match(source)) or "id" in source, resource
    selectors = resource.get("selector", [])
    for selector in selectors if isinstance(selectors, list) else [selectors]:
        if selector.get("type") == "TextQuoteSelector":
            assert isinstance(selector.get("exact"), str), selector
            assert all(isinstance(selector.get(k, ""), str) for k in ("prefix", "suffix")), selector
        if selector.get("type") in ("TextPositionSelector", "DataPositionSelector"):
            for key in ("start", "end"):
                assert type(selector.get(key)) is int and selector[key] >= 0, selector
    states = resource.get("state", [])
    for state in states if isinstance(states, list) else [states]:
        if isinstance(state, dict) and state.get("type") == "TimeState":
            has_date = "sourceDate" in state
            has_range = "sourceDateStart" in state and "sourceDateEnd" in state
            assert has_date != has_range, state
            for key in ("sourceDate", "sourceDateStart", "sourceDateEnd"):
                if key in state:
                    _date_time(state[key])
            if "cached" in state:
                _iri(state["cached"])


def check_annotation(annotation: dict[str, Any]) -> None:
    """Every MUST above, on one annotation (an AssertionError names the offending part)."""
    context = annotation.get("@context")
    assert context == CONTEXT or (isinstance(context, list) and CONTEXT in context), context
    _iri(_one(annotation.get("id")))
    kind = annotation.get("type")
    assert kind == "Annotation" or (isinstance(kind, list) and "Annotation" in kind), kind
    assert "target" in annotation
    assert not ("body" in annotation and "bodyValue" in annotation)
    for key in ("created", "modified", "generated"):
        if key in annotation:
            _date_time(annotation[key])
    motivations = annotation.get("motivation", [])
    assert set(motivations if isinstance(motivations, list) else [motivations]) <= MOTIVATIONS
    for agent in ("creator", "generator"):
        if agent in annotation:
            value = annotation[agent]
            for item in value if isinstance(value, list) else [value]:
                assert isinstance(item, dict) or _IRI.match(item), item
    for key in ("target", "body"):
        value = annotation.get(key, [])
        for resource in value if isinstance(value, list) else [value]:
            assert len(_resource_kinds(resource)) == 1, (key, resource, _resource_kinds(resource))
            _resource_properties(resource)
