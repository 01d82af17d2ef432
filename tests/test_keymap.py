"""The [keys] table of config.toml rebinds qari's keys by binding id; mistakes are one warning each."""

from __future__ import annotations

import asyncio
import tomllib
from pathlib import Path

import pytest

from reader.config import CONFIG_DIR_ENV, Config, config_path, load_config, save_config


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))


def write_config(text: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(text, encoding="utf-8")


def test_the_keys_table_is_read_in_file_order() -> None:
    write_config('[keys]\n"app.help" = "f1"\n"library.sort" = "ctrl+o, O"\n')
    config, warnings = load_config()
    assert warnings == []
    assert config.keys == (("app.help", "f1"), ("library.sort", "ctrl+o, O"))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('keys = "f1"\n', "keys must be a table"),
        ('[keys]\n"app.help" = 1\n', "'app.help' must be keys in quotes"),
        ('[keys]\n"app.help" = ""\n', "'app.help' must be keys in quotes"),
    ],
)
def test_a_bad_keys_entry_is_one_warning_and_ignored(text: str, problem: str) -> None:
    write_config(text)
    config, warnings = load_config()
    assert config.keys == ()
    assert len(warnings) == 1 and problem in warnings[0] and "\n" not in warnings[0]


def test_saving_a_setting_leaves_the_keys_table_as_written() -> None:
    write_config('# my keys\n[keys]\n"app.help" = "f1"  # the help on F1\n')
    config, _ = load_config()
    save_config(Config(theme="qari-light", keys=config.keys))
    written = config_path().read_text(encoding="utf-8")
    assert '"app.help" = "f1"  # the help on F1' in written
    assert tomllib.loads(written)["keys"] == {"app.help": "f1"}


def test_a_rebound_key_runs_the_binding_and_an_unknown_id_is_a_warning(tmp_path: Path) -> None:
    from reader.article import find_articles
    from reader.ui.app import QariApp
    from reader.ui.help import HelpScreen

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("خبر قصير.\n", encoding="utf-8")
    config = Config(keys=(("app.help", "f1"), ("no.such.binding", "f2")))

    async def body() -> None:
        app = QariApp(folder=folder, paths=find_articles(folder), config=config)
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            notes = [str(n.message) for n in app._notifications]
            assert any("no binding with the id 'no.such.binding'" in note for note in notes)
            await pilot.press("question_mark")
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)  # ? no longer opens the help
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)

    asyncio.run(body())
