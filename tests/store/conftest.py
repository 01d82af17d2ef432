"""Fixtures of the store's tests: a private data folder, the article file, and an open store on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import ARTICLE

from reader.annotations.store import DATA_DIR_ENV, AnnotationStore


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "qari-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def article(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "iran.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def store(article: Path) -> Iterator[AnnotationStore]:
    with AnnotationStore.open(article, ARTICLE) as opened:
        yield opened
