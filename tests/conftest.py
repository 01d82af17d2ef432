"""Shared test set-up: no test reads or writes the user's real qari configuration or data."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QARI_CONFIG_DIR", str(tmp_path / "qari-config"))
    monkeypatch.setenv("QARI_DATA_DIR", str(tmp_path / "qari-data"))
