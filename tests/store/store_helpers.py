"""Shared by the store's tests: the article, its quotes, fixtures and builders of good and bad files."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.annotations.model import SOURCE_TYPES, STATUSES, Anchor, Claim, Source
from reader.annotations.schema import SCHEMA_VERSION
from reader.annotations.store import AnnotationStore

ARTICLE = (
    "٢٢ يناير ٢٠٢٥\n"
    "الشرق الآن\n"
    "\n"
    "أكدت باربرا ليف، مساعدة وزير الخارجية الأمريكي، أن المفاوضات مستمرة رغم الصعوبات.\n"
    "وأشار ميك مولروي، المسؤول السابق في البنتاغون، إلى أن الضربات لم تحقق أهدافها.\n"
    "وكشف دبلوماسيون غربيون أن إيران زادت مخزونها من اليورانيوم المخصّب بنسبة ٦٠٪.\n"
    "وقال مسؤولًا أمريكيًا رفيعًا إن «الوقت ينفد» أمام الحل الدبلوماسي.\n"
)
QUOTES = (
    "المفاوضات مستمرة رغم الصعوبات",
    "الضربات لم تحقق أهدافها",
    "زادت مخزونها من اليورانيوم المخصّب",
    "«الوقت ينفد»",
)


def anchor(quote: str, text: str = ARTICLE) -> Anchor:
    start = text.index(quote)
    return Anchor.from_text(text, start, start + len(quote))


def filled(store: AnnotationStore) -> tuple[list[Source], list[Claim]]:
    """A source of every type and a claim of every status, with Arabic everywhere there is text."""
    sources = [
        Source(f"مصدر رقم {i} «{kind}»", kind, "مساعدة وزير الخارجية", f"ملاحظة {i}\nسطر ثانٍ")
        for i, kind in enumerate(SOURCE_TYPES)
    ]
    for source in sources:
        store.add_source(source)
    claims = []
    for i, status in enumerate(STATUSES):
        claim = Claim(
            anchor(QUOTES[i % len(QUOTES)]),
            source_ids=(sources[i].id, sources[-1].id),
            tags=("إيران", f"وسم {i}", "nuclear"),
            note=f'قالَ "{i}" \\ ٪ 😀\nسطر',
            status=status,
            created=f"2025-01-0{i + 1}T10:00:00Z",
            updated=f"2025-02-0{i + 1}T11:30:00Z",
        )
        store.add_claim(claim)
        claims.append(claim)
    return sources, claims


def reading_order(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.anchor.start, c.anchor.end))


def file_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def one_line(message: str) -> bool:
    return bool(message) and "\n" not in message and "\r" not in message


def valid_meta() -> dict[str, object]:
    return {
        "schema_version": SCHEMA_VERSION,
        "article": "iran.txt",
        "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(),
        "app_version": "0.1.0",
    }


def _claim_doc(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "id": "c1",
        "start": 0,
        "end": 3,
        "exact": ARTICLE[0:3],
        "prefix": "",
        "suffix": ARTICLE[3:35],
        "source_ids": [],
        "tags": [],
        "note": "",
        "status": "unverified",
        "created": "2025-01-01T00:00:00Z",
        "updated": "2025-01-01T00:00:00Z",
        "evidence": [],
    }
    doc.update(changes)
    return doc


def _database(claims: object = None, **changes: object) -> bytes:
    data: dict[str, object] = {
        "meta": {"1": valid_meta()},
        "sources": {},
        "claims": {"1": _claim_doc()} if claims is None else claims,
    }
    data.update(changes)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _without(field: str) -> dict[str, object]:
    doc = _claim_doc()
    del doc[field]
    return doc


@contextmanager
def made_read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``folder`` made read-only: chmod, or (as root, where chmod stops nothing) a denying os.access."""
    if os.geteuid() == 0:
        real_access = os.access

        def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
            inside = (folder.resolve(), *folder.resolve().iterdir())
            if mode & os.W_OK and Path(path).resolve() in inside:  # type: ignore[arg-type]
                return False
            return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", access)
        yield folder
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def nearest(anchor: Anchor, text: str) -> Anchor | None:
    """A stand-in re-anchorer: the exact quote nearest its old offset."""
    starts = [i for i in range(len(text)) if text.startswith(anchor.exact, i)]
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - anchor.start))
    return Anchor.from_text(text, start, start + len(anchor.exact))


def _edited_article(article: Path) -> tuple[str, list[Claim]]:
    """Claims on QUOTES 0, 1 (and the text between them), 3; then text inserted before, inside and after."""
    with AnnotationStore.open(article, ARTICLE) as store:
        claims = [
            Claim(anchor(QUOTES[0]), note="قبل"),
            Claim(anchor(QUOTES[1]), note="يُحذف"),
            Claim(anchor(QUOTES[3]), note="بعد"),
        ]
        for claim in claims:
            store.add_claim(claim)
    edited = ("تحديث: " + ARTICLE).replace("الضربات لم تحقق", "الضربات حققت").replace("ينفد»", "ينفد» تماما")
    article.write_text(edited, encoding="utf-8")
    return edited, claims
