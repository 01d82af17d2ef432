"""Shared test set-up: no test reads or writes the user's real qari configuration or data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QARI_CONFIG_DIR", str(tmp_path / "qari-config"))
    monkeypatch.setenv("QARI_DATA_DIR", str(tmp_path / "qari-data"))


# Property tests explore new random inputs on every local run (and remember
# what failed in .hypothesis/); in CI (CI=true) they replay a fixed sequence,
# so a landing is judged on the same examples each time.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
