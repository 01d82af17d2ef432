"""``qari doctor``: the test pattern both ways, the detection, and the choice kept in the config."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

from reader.cli.doctor import run_doctor
from reader.config import CONFIG_DIR_ENV, Config, config_path, load_config, save_config
from reader.terminal import EXPLICIT_BIDI, IMPLICIT_BIDI
from reader.terminal.detect import Found
from reader.terminal.doctor import PATTERN, QUESTION
from reader.terminal.plan import Plan, plan
from reader.terminal.profiles import KONSOLE_BIDI_OFF, KONSOLE_BIDI_ON, PROFILES, UNKNOWN

# قال shaped and in visual order, spelt out so the test does not use the engine it checks:
# QAF initial FED7, ALEF final FE8E, LAM isolated FEDD -> visual "ﻝﺎﻗ".
QAL_VISUAL = "\ufedd\ufe8e\ufed7"


class Stream(io.StringIO):
    """A text stream that says whether it is a terminal."""

    def __init__(self, text: str = "", *, tty: bool) -> None:
        super().__init__(text)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "conf"))
    return tmp_path / "conf"


UNKNOWN_PLAN = plan(Found(UNKNOWN, "nothing said which terminal this is"))


def doctor(
    argv: list[str],
    answer: str | None = None,
    *,
    tty_out: bool = False,
    env: dict[str, str] | None = None,
    found: Plan = UNKNOWN_PLAN,
) -> tuple[int, str, str]:
    stdin = Stream(answer or "", tty=answer is not None)
    out, err = Stream(tty=tty_out), Stream(tty=False)
    env = env or {"TERM": "xterm-256color"}
    status = run_doctor(argv, stdin=stdin, stdout=out, stderr=err, env=env, plan=found)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("mode", ["app", "terminal"])
def test_choose_writes_the_config(mode: str) -> None:
    status, out, err = doctor(["--choose", mode])
    assert (status, err) == (0, "")
    assert tomllib.loads(config_path().read_text("utf-8"))["bidi"] == mode
    assert f'Saved bidi = "{mode}" in {config_path()}' in out


def test_choose_keeps_the_other_settings() -> None:
    save_config(Config(theme="qari-light", wrap_width=70, harakat=False))
    assert doctor(["--choose", "terminal"])[0] == 0
    assert load_config() == (Config(bidi="terminal", theme="qari-light", wrap_width=70, harakat=False), [])


def test_non_tty_stdin_without_choose_prints_everything_and_writes_nothing() -> None:
    status, out, err = doctor([])
    assert (status, err) == (0, "")
    assert not config_path().parent.exists()
    assert QAL_VISUAL in out and PATTERN in out
    assert "TERM" in out and "xterm-256color" in out and "VTE_VERSION" in out and "not a terminal" in out
    assert "bidi" in out and "Nothing saved" in out and "--choose" in out
    assert QUESTION not in out


def test_the_pattern_is_shown_both_ways() -> None:
    _, out, _ = doctor([])
    lines = out.splitlines()
    a = next(i for i, line in enumerate(lines) if line.lstrip().startswith("a)"))
    b = next(i for i, line in enumerate(lines) if line.lstrip().startswith("b)"))
    assert QAL_VISUAL in lines[a + 1] and "قال" not in lines[a + 1]  # shaped, visual order
    assert lines[b + 1].strip() == PATTERN  # as written


def test_explicit_bidi_wraps_line_a_only_on_a_terminal() -> None:
    _, out, _ = doctor([], tty_out=True)
    start, end = out.index(EXPLICIT_BIDI), out.index(IMPLICIT_BIDI)
    assert start < out.index(QAL_VISUAL) < end < out.index(PATTERN)
    assert out.count(EXPLICIT_BIDI) == out.count(IMPLICIT_BIDI) == 1
    _, piped, _ = doctor([])
    assert "\x1b" not in piped


@pytest.mark.parametrize(
    ("answer", "mode"), [("a\n", "app"), ("b\n", "terminal"), (" B \n", "terminal"), ("maybe\na\n", "app")]
)
def test_tty_answer_is_stored(answer: str, mode: str) -> None:
    status, out, _ = doctor([], answer)
    assert status == 0 and QUESTION in out
    assert load_config()[0].bidi == mode


@pytest.mark.parametrize("answer", ["\n", "", "x\ny\nz\n"])
def test_no_usable_answer_stores_nothing(answer: str) -> None:
    status, out, _ = doctor([], answer)
    assert status == 0 and "Nothing saved" in out
    assert not config_path().exists()


@pytest.mark.parametrize("argv", [["--choose", "both"], ["--choose"], ["--colour"]])
def test_bad_arguments_exit_2_with_one_stderr_line(argv: list[str]) -> None:
    status, out, err = doctor(argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("qari")
    assert not config_path().parent.exists()


def test_an_unparsable_config_is_never_overwritten() -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text("bidi = \n# my notes\n", "utf-8")
    status, _, err = doctor(["--choose", "terminal"])
    assert status == 2 and err.count("\n") == 2  # the load warning, then the refusal
    assert "not valid TOML" in err
    assert config_path().read_text("utf-8") == "bidi = \n# my notes\n"


def test_an_unwritable_config_folder_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv(CONFIG_DIR_ENV, str(blocker / "conf"))
    status, _, err = doctor(["--choose", "app"])
    assert status == 2 and err.count("\n") == 1 and "cannot save" in err


def test_detection_values_are_sanitised() -> None:
    _, out, _ = doctor([], env={"TERM": "evil\x1b]52;c;ZXZpbA==\x07"})
    assert "\x1b" not in out and "\x07" not in out and "evil␛" in out


def test_current_config_value_is_shown() -> None:
    save_config(Config(bidi="terminal"))
    _, out, _ = doctor([])
    assert any(line.split() == ["bidi", "terminal"] for line in out.splitlines())


def test_the_terminal_found_how_and_what_qari_does_there_are_shown() -> None:
    konsole = plan(Found(PROFILES["konsole"], "KONSOLE_VERSION is set"))
    _, out, _ = doctor([], found=konsole)
    assert "Konsole (KONSOLE_VERSION is set)" in out
    assert "switches the terminal's own bidi off while it runs" in out


def test_konsoles_switch_stays_off_until_the_doctor_is_done() -> None:
    """Konsole's switch acts on the whole screen: switched back after line a, line a would reverse again."""
    konsole = plan(Found(PROFILES["konsole"], "KONSOLE_VERSION is set"))
    _, out, _ = doctor([], "\n", tty_out=True, found=konsole)
    assert out.index(KONSOLE_BIDI_OFF) < out.index(QAL_VISUAL) < out.index(QUESTION) < out.index(KONSOLE_BIDI_ON)
    assert out.count(KONSOLE_BIDI_OFF) == out.count(KONSOLE_BIDI_ON) == 1
    assert out.endswith(KONSOLE_BIDI_ON)


def test_a_notice_of_the_plan_is_shown() -> None:
    kitty = plan(Found(PROFILES["kitty"], "TERM is xterm-kitty"))  # no cell rules given: the advice is due
    _, out, _ = doctor([], found=kitty)
    assert "force_ltr yes" in out


def test_choose_auto_goes_back_to_finding_out() -> None:
    save_config(Config(bidi="terminal"))
    assert doctor(["--choose", "auto"])[0] == 0
    assert load_config()[0].bidi == "auto"


def test_doctor_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = "import sys, reader.terminal.doctor; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_line_a_is_arranged_for_a_terminal_with_a_cell_rule() -> None:
    from reader.terminal.cells import reorder_for

    kitty = plan(Found(PROFILES["kitty"], "TERM is xterm-kitty"), rules=("kitty",))
    _, out, _ = doctor([], found=kitty)
    lines = out.splitlines()
    a = next(i for i, line in enumerate(lines) if line.lstrip().startswith("a)"))
    plain = doctor([])[1].splitlines()[a + 1]
    assert lines[a + 1] == "     " + reorder_for("kitty", plain.strip()) != plain
