"""The press set (issue 14): its labels are well formed and each one is found in its text, as written.

Only the files are read: reader.attribution is not imported, so the set stays unseen by the suggester
until it is scored.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parent / "data" / "attribution"
PRESS = sorted(FOLDER.glob("press-*.json"))
NAME = re.compile(r"press-(?P<split>[a-z]+)-(?P<language>[a-z]+)-\d\d-[a-z0-9-]+\.json")

FIELDS = {"text": str, "split": str, "language": str, "register": str, "region": str, "attributions": list}
LABEL_FIELDS = {"verb": str, "source": str, "role": str, "named": bool, "claim": str, "quoted": bool, "relay": str}
MAY_BE_EMPTY = ("role", "relay")
SPLITS = ("dev", "test", "unseen")
LANGUAGES = ("ar", "fa", "he")


def test_the_press_set_is_there() -> None:
    assert PRESS, f"no press-*.json in {FOLDER}"


def problems(path: Path) -> list[str]:
    """What is wrong with one labels file, each item naming the field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        return [f"not JSON: {error}"]
    if not isinstance(data, dict):
        return ["not a JSON object"]
    found = [
        f"{field}: missing or not {kind.__name__}"
        for field, kind in FIELDS.items()
        if not isinstance(data.get(field), kind)
    ]
    if found:
        return found
    if data["split"] not in SPLITS:
        found.append(f"split: {data['split']!r} is not one of {SPLITS}")
    if data["language"] not in LANGUAGES:
        found.append(f"language: {data['language']!r} is not one of {LANGUAGES}")
    name = NAME.fullmatch(path.name)
    if name is None:
        found.append("file name: not press-<split>-<language>-<NN>-<slug>.json")
    else:
        found.extend(
            f"{field}: {data[field]!r} but the file name says {name[field]!r}"
            for field in ("split", "language")
            if data[field] != name[field]
        )
    if data["text"] != path.with_suffix(".txt").name:
        found.append(f"text: {data['text']!r} is not {path.with_suffix('.txt').name!r}")
    text_path = FOLDER / data["text"]
    if not text_path.is_file():
        return [*found, f"text: {data['text']!r} does not exist"]
    text = text_path.read_text(encoding="utf-8")
    if not data["attributions"]:
        found.append("attributions: empty")
    for number, label in enumerate(data["attributions"], start=1):
        where = f"attribution {number}"
        if not isinstance(label, dict):
            found.append(f"{where}: not a JSON object")
            continue
        for field, kind in LABEL_FIELDS.items():
            value = label.get(field)
            if not isinstance(value, kind):
                found.append(f"{where}, {field}: missing or not {kind.__name__}")
            elif kind is str and not value and field not in MAY_BE_EMPTY:
                found.append(f"{where}, {field}: empty")
            elif kind is str and value not in text:
                found.append(f"{where}, {field}: {value!r} is not in {data['text']}")
    return found


@pytest.mark.parametrize("path", PRESS, ids=[path.name for path in PRESS])
def test_press_labels_are_found_in_their_text(path: Path) -> None:
    found = problems(path)
    assert not found, f"{path.name}:\n" + "\n".join(found)
