"""The config file: defaults, round trip, every kind of bad file gives a warning, never an exception."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import reader.config as config_module
from reader.config import CONFIG_DIR_ENV, Config, config_dir, config_path, load_config, save_config


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "conf"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


def test_config_dir_env_var_is_honoured(tmp_path: Path) -> None:
    assert config_dir() == tmp_path / "conf"
    assert config_path() == tmp_path / "conf" / "config.toml"


def test_without_the_env_var_the_platform_folder_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CONFIG_DIR_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert config_path() == tmp_path / "xdg" / "qari" / "config.toml"
    else:
        assert config_path().name == "config.toml" and "qari" in config_path().parts


def test_missing_file_gives_defaults_and_no_warning() -> None:
    assert not config_path().exists()
    assert load_config() == (Config(), [])


def test_round_trip_of_every_field() -> None:
    config = Config(bidi="terminal", theme='my "odd" \\ theme\x7f\n', wrap_width=72, harakat=False, annotator="ليلى")
    written = save_config(config)
    assert written == config_path()
    assert load_config() == (config, [])


def test_the_annotator_is_read_tidied_and_left_out_of_the_file_when_unset() -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('annotator = "  ليلى   منصور "\n', "utf-8")
    assert load_config() == (Config(annotator="ليلى منصور"), [])
    save_config(Config(theme="qari-light"))
    assert "annotator" not in config_path().read_text("utf-8")


def test_round_trip_keeps_wrap_width_none() -> None:
    save_config(Config(wrap_width=None))
    assert "wrap_width" not in config_path().read_text("utf-8")
    assert load_config() == (Config(), [])


def test_written_file_is_plain_toml() -> None:
    save_config(Config(bidi="terminal", wrap_width=100))
    assert tomllib.loads(config_path().read_text("utf-8")) == {
        "bidi": "terminal",
        "terminal": "auto",
        "theme": "qari-dark",
        "wrap_width": 100,
        "harakat": True,
    }


def test_invalid_toml_gives_defaults_and_one_warning_line() -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text('bidi = "terminal"\ntheme = \n', "utf-8")
    config, warnings = load_config()
    assert config == Config()
    assert len(warnings) == 1 and "not valid TOML" in warnings[0] and "\n" not in warnings[0]


def test_undecodable_file_gives_defaults_and_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    config, warnings = load_config(path)
    assert config == Config() and len(warnings) == 1 and "UTF-8" in warnings[0]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('bidi = "both"', "bidi"),
        ("bidi = 1", "bidi"),
        ("theme = 3", "theme"),
        ('theme = ""', "theme"),
        ('wrap_width = "80"', "wrap_width"),
        ("wrap_width = true", "wrap_width"),
        ("wrap_width = 3", "wrap_width"),
        ("wrap_width = 80.5", "wrap_width"),
        ('harakat = "yes"', "harakat"),
        ("harakat = 1", "harakat"),
        ("annotator = 7", "annotator"),
        ('annotator = "  "', "annotator"),
        ('annotator = "ليلى\\u001b]0;x\\u0007"', "annotator"),  # a terminal escape in a name
    ],
)
def test_a_wrong_value_falls_back_for_that_key_only(tmp_path: Path, line: str, key: str) -> None:
    path = tmp_path / "config.toml"
    good = {
        "bidi": 'bidi = "terminal"',
        "theme": 'theme = "qari-light"',
        "wrap_width": "wrap_width = 90",
        "harakat": "harakat = false",
        "annotator": 'annotator = "ليلى منصور"',
    }
    good[key] = line
    path.write_text("\n".join(good.values()) + "\n", "utf-8")
    config, warnings = load_config(path)
    expected = {
        "bidi": "terminal",
        "theme": "qari-light",
        "wrap_width": 90,
        "harakat": False,
        "annotator": "ليلى منصور",
    }
    expected[key] = getattr(Config(), key)
    assert config == Config(**expected)  # type: ignore[arg-type]
    assert len(warnings) == 1 and key in warnings[0] and "\n" not in warnings[0]


def test_unknown_keys_are_reported_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('bidi = "terminal"\ncolour = "red"\n[colours]\nquit = "x"\n', "utf-8")
    config, warnings = load_config(path)
    assert config == Config(bidi="terminal")
    assert len(warnings) == 2 and "colour" in warnings[0] and "colours" in warnings[1]


def test_warnings_show_no_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('bidi = "\\u001b[2J"\n', "utf-8")
    _, warnings = load_config(path)
    assert len(warnings) == 1 and "\x1b" not in warnings[0]


def test_an_unreadable_path_gives_a_warning_not_an_exception(tmp_path: Path) -> None:
    folder = tmp_path / "is-a-folder.toml"
    folder.mkdir()
    config, warnings = load_config(folder)
    assert config == Config() and len(warnings) == 1


def test_save_creates_the_folder_and_leaves_no_temp_file() -> None:
    folder = config_path().parent
    assert not folder.exists()
    save_config(Config(theme="qari-light"))
    save_config(Config(theme="qari-high-contrast"))
    assert sorted(p.name for p in folder.iterdir()) == ["config.toml"]
    assert load_config()[0].theme == "qari-high-contrast"


def test_a_failed_save_keeps_the_old_file_and_removes_its_temp_file(monkeypatch: pytest.MonkeyPatch) -> None:
    save_config(Config(theme="old"))
    before = config_path().read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(config_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_config(Config(theme="new"))
    assert config_path().read_bytes() == before
    assert [p.name for p in config_path().parent.iterdir()] == ["config.toml"]


def test_save_is_fsynced_before_the_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(config_module.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(config_module.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1])
    save_config(Config())
    assert events[:2] == ["fsync", "replace"]


def test_config_module_does_not_import_textual() -> None:
    code = "import sys, reader.config; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_saving_keeps_the_users_comments_order_and_other_keys() -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text(
        "# my qari\n"
        'theme = "qari-light"   # easier on a bright screen\n'
        "\n"
        "# wrap for reading on the phone\n"
        "wrap_width = 60\n"
        'future_key = "kept"\n',
        "utf-8",
    )
    save_config(Config(bidi="terminal", theme="qari-dark", wrap_width=60))
    written = config_path().read_text("utf-8")
    assert written.startswith("# my qari\n")
    assert "# easier on a bright screen" in written and "# wrap for reading on the phone\nwrap_width = 60\n" in written
    assert tomllib.loads(written) == {
        "theme": "qari-dark",
        "wrap_width": 60,
        "future_key": "kept",
        "bidi": "terminal",
        "terminal": "auto",
        "harakat": True,
    }
    save_config(Config(bidi="terminal", theme="qari-dark", wrap_width=None))
    assert "wrap_width" not in tomllib.loads(config_path().read_text("utf-8"))


def test_a_broken_file_is_replaced_by_a_whole_one_when_saving() -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text("theme = \n", "utf-8")
    save_config(Config(theme="qari-light"))
    assert tomllib.loads(config_path().read_text("utf-8"))["theme"] == "qari-light"
