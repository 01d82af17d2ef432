"""An installed qari carries its themes and sample articles, and finds them from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    builder = pytest.importorskip("hatchling.builders.wheel")
    out = tmp_path_factory.mktemp("wheel")
    built = list(builder.WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"]))
    return Path(built[0])


def test_the_wheel_carries_every_theme_and_sample_article(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("themes", "sample_articles"):
        for file in (ROOT / folder).iterdir():
            assert f"reader/_data/{folder}/{file.name}" in names
    assert "reader/cli/__main__.py" in names


def test_an_installed_qari_opens_its_bundled_samples_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # what pip puts in site-packages
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = (
        "import reader, reader.cli as cli, reader.ui.themes as themes; "
        "print(reader.__file__); print(cli.SAMPLES); print(themes.theme_dirs()[0]); "
        "print(len(list(cli.SAMPLES.glob('*.txt'))), len(list(themes.theme_dirs()[0].glob('*.toml'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    package, samples, themes, counts = done.stdout.splitlines()
    assert package.startswith(str(site))
    assert samples == str(site / "reader" / "_data" / "sample_articles")
    assert themes == str(site / "reader" / "_data" / "themes")
    assert (
        counts == f"{len(list((ROOT / 'sample_articles').glob('*.txt')))} {len(list((ROOT / 'themes').glob('*.toml')))}"
    )
    version = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--version"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    from reader import __version__

    assert version.stdout == f"qari {__version__}\n"
