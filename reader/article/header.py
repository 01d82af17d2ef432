"""The front-matter header a text article may start with, read and written.

    ---
    title: …
    outlet: …
    author: …
    published: 2025-01-08
    url: https://…
    ---

The header is metadata, not article text: ``split_header`` returns the text
after it, and every offset in qari counts from there. It is strict on
purpose, so that an article which merely starts with a rule of dashes is
never cut: the opening ``---`` must be the first line, every line up to the
closing ``---`` must be blank or ``key: value``, and the closing line must
come within ``MAX_LINES`` lines. Otherwise the whole file is article text.
"""

from __future__ import annotations

import json
import re

from .clean import one_line
from .metadata import Metadata

__all__ = ["FIELDS", "MAX_LINES", "format_header", "split_header"]

MAX_LINES = 64  # a header is a handful of lines; a long run of "key: value" lines is article text
FIELDS = ("title", "outlet", "author", "published", "url")
_RULE_RE = re.compile(r"---[ \t]*")
_FIELD_RE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(.*)")


def split_header(text: str) -> tuple[Metadata | None, str]:
    """(the header's metadata, the text after it), or (None, ``text``) when it has no header.

    ``text`` has LF newlines already. Keys are case-insensitive; the first of
    a repeated key wins; unknown keys are kept in ``Metadata.extra``.
    """
    if not text.startswith("---"):
        return None, text
    lines = text.split("\n", MAX_LINES + 1)
    if not _RULE_RE.fullmatch(lines[0]):
        return None, text
    fields: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    offset = len(lines[0]) + 1
    for line in lines[1 : MAX_LINES + 1]:
        offset += len(line) + 1
        if _RULE_RE.fullmatch(line):
            return _metadata(fields, extra), text[offset:]
        if not line.strip():
            continue
        match = _FIELD_RE.fullmatch(line)
        if match is None:
            return None, text
        key, value = match.group(1).lower(), _unquote(match.group(2).strip())
        if key in FIELDS:
            fields.setdefault(key, value)
        else:
            extra.append((key, value))
    return None, text


def _unquote(value: str) -> str:
    """A value as written, or the inside of a quoted one ("…" with JSON escapes, or '…')."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            decoded = json.loads(value)
        except ValueError:
            return one_line(value[1:-1])
        return one_line(decoded) if isinstance(decoded, str) else one_line(value)
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return one_line(value[1:-1])
    return one_line(value)


def _metadata(fields: dict[str, str], extra: list[tuple[str, str]]) -> Metadata:
    def get(key: str) -> str | None:
        return fields.get(key) or None

    return Metadata(
        title=get("title"),
        date=get("published"),
        outlet=get("outlet"),
        author=get("author"),
        url=get("url"),
        origin="header",
        extra=tuple(extra),
    )


def format_header(meta: Metadata) -> str:
    """The header for ``meta`` (its known fields, then its extra keys), ending in a newline.

    Values are put on one line; one that ``split_header`` would read back
    differently (quoted, or with spaces at an end) is written as a JSON string.
    """
    known = (
        ("title", meta.title),
        ("outlet", meta.outlet),
        ("author", meta.author),
        ("published", meta.date),
        ("url", meta.url),
    )
    lines = ["---"]
    for key, value in (*known, *meta.extra):
        if value is None:
            continue
        flat = one_line(value)
        if not flat:
            continue
        if flat[0] in "\"'":
            flat = json.dumps(flat, ensure_ascii=False)
        lines.append(f"{key}: {flat}")
    lines.append("---")
    return "\n".join(lines) + "\n"
