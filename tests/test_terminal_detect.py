"""Knowing the terminal: from its variables, tmux's word, the process tree and its answers; and the plan."""

from __future__ import annotations

import os
import pty
import threading
from pathlib import Path

import pytest

from reader.terminal.detect import (
    QUERIES,
    Found,
    Probes,
    ancestors,
    ask_terminal,
    detect,
    from_answers,
    from_environment,
    from_processes,
    tmux_client,
)
from reader.terminal.here import first_time, plan_here, switched_off_already
from reader.terminal.plan import passthrough, plan
from reader.terminal.profiles import (
    EXPLICIT_BIDI,
    IMPLICIT_BIDI,
    KONSOLE_BIDI_OFF,
    KONSOLE_BIDI_ON,
    MLTERM_BIDI_OFF,
    PROFILES,
)

# What each terminal answered to QUERIES on this machine (docs/terminals.md lists the versions).
ANSWERS = {
    "xterm": b"\x1bP>|XTerm(379)\x1b\\\x1b[>41;379;0c\x1b[8;0$y\x1b[?64;1;2;6;9;15;16;17;18;21;22;28c",
    "kitty": b"\x1bP>|kitty(0.26.5)\x1b\\\x1b[>1;4000;26c\x1b[8;0$y\x1b[?62;c",
    "konsole": b"\x1bP>|Konsole 22.12.3\x1b\\\x1b[>1;115;0c\x1b[?62;1;4c",
    "qterminal": b"\x1b[>0;115;0c\x1b[?1;2c",
    "urxvt": b"\x1b[>85;95;0c\x1b[?1;2c",
    "vte": b"\x1b[>65;7006;1c\x1b[8;1$y\x1b[?65;1;9c",
}


def probes(env: dict[str, str] | None = None, **given: object) -> Probes:
    """Probes that answer what the test says and nothing else."""
    answer = given.get("answer", b"")
    tmux = given.get("tmux", ("", 0))
    lineage = given.get("lineage", {})
    assert isinstance(answer, bytes) and isinstance(tmux, tuple) and isinstance(lineage, dict)
    return Probes(
        env=env or {}, ask=lambda: answer, tmux=lambda: tmux, lineage=lambda pid: list(lineage.get(pid, [])), pid=100
    )


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"KONSOLE_VERSION": "221203", "TERM": "xterm-256color"}, "konsole"),
        ({"VTE_VERSION": "7006"}, "vte"),
        ({"KITTY_WINDOW_ID": "1"}, "kitty"),
        ({"TERM": "xterm-kitty"}, "kitty"),
        ({"MLTERM": "3.9.0", "TERM": "mlterm"}, "mlterm"),
        ({"TERM_PROGRAM": "Apple_Terminal"}, "apple-terminal"),
        ({"TERM_PROGRAM": "iTerm.app"}, "iterm2"),
        ({"TERM_PROGRAM": "WezTerm"}, "wezterm"),
        ({"WT_SESSION": "0c2a"}, "windows-terminal"),
        ({"TERM": "rxvt-unicode-256color"}, "urxvt"),
        ({"TERM": "st-256color"}, "st"),
        ({"TERM": "alacritty"}, "alacritty"),
        ({"XTERM_VERSION": "XTerm(379)", "TERM": "xterm"}, "xterm"),
    ],
)
def test_a_terminals_own_variables_name_it(env: dict[str, str], name: str) -> None:
    found = from_environment(env)
    assert found is not None and found.terminal.name == name


def test_a_borrowed_term_names_nothing() -> None:
    assert from_environment({"TERM": "xterm-256color"}) is None
    assert from_environment({"TERM": "stterm"}) is None  # "st-" is a prefix only with its dash


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_each_terminal_is_known_by_its_answers(name: str) -> None:
    found = from_answers(ANSWERS[name])
    assert found is not None and found.terminal.name == name


def test_no_answer_names_nothing() -> None:
    assert from_answers(b"") is None
    assert from_answers(b"\x1b[?6c") is None  # st and alacritty answer only the primary attributes


def test_a_hostile_version_answer_is_shown_without_its_controls() -> None:
    found = from_answers(b"\x1bP>|kitty(\x07\x9b2J)\x1b\\\x1b[?62;c")
    assert found is not None and "\x07" not in found.how and "\x9b" not in found.how


def test_the_process_tree_names_the_terminal_unless_ssh_comes_first() -> None:
    found = from_processes(["bash", "qterminal", "lxqt-session"])
    assert found is not None and found.terminal.name == "qterminal"
    assert from_processes(["bash", "sshd", "konsole"]) is None
    assert from_processes(["bash", "systemd"]) is None


def test_the_process_tree_is_read_above_the_terminal_session(tmp_path: Path) -> None:
    # konsole (10) → bash (20, leads session 20) → make (30) → qari (40)
    for pid, parent, session, name in (
        (40, 30, 20, "qari"),
        (30, 20, 20, "make"),
        (20, 10, 20, "bash"),
        (10, 1, 5, "konsole"),
    ):
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "stat").write_text(f"{pid} ({name}) S {parent} {pid} {session} 0\n", "utf-8")
        (tmp_path / str(pid) / "comm").write_text(name + "\n", "utf-8")
    assert list(ancestors(40, tmp_path)) == ["konsole"]
    # A process leading a session of its own (on a pty of its own): nothing above counts as its terminal.
    (tmp_path / "50").mkdir()
    (tmp_path / "50" / "stat").write_text("50 (qari) S 1 50 50 0\n", "utf-8")
    assert list(ancestors(50, tmp_path)) == []


def test_the_environment_wins_outside_a_multiplexer() -> None:
    found = detect(probes({"KONSOLE_VERSION": "1"}, answer=ANSWERS["kitty"], lineage={100: ["kitty"]}))
    assert found.terminal.name == "konsole" and found.how == "KONSOLE_VERSION is set"


def test_over_ssh_the_terminal_is_asked() -> None:
    env = {"TERM": "xterm-256color", "SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22"}
    found = detect(probes(env, answer=ANSWERS["konsole"], lineage={100: ["bash", "sshd"]}))
    assert found.terminal.name == "konsole" and "Konsole 22.12.3" in found.how


def test_inside_tmux_its_client_counts_more_than_inherited_variables() -> None:
    env = {"TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color", "KONSOLE_VERSION": "1"}
    found = detect(probes(env, tmux=("kitty(0.26.5)", 4242)))
    assert (found.terminal.name, found.inside) == ("kitty", "tmux")
    found = detect(probes(env, tmux=("", 4242), lineage={4242: ["bash", "qterminal"]}))
    assert (found.terminal.name, found.inside) == ("qterminal", "tmux")
    found = detect(probes(env))  # tmux says nothing: the variable the server inherited is all there is
    assert found.terminal.name == "konsole" and "inherited" in found.how


def test_inside_tmux_the_terminal_is_not_asked() -> None:
    """tmux answers XTVERSION itself: the answer would name tmux, not the terminal."""
    env = {"TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color"}
    found = detect(probes(env, answer=ANSWERS["kitty"]))
    assert found.terminal.name == "unknown"


def test_tmux_client_reads_the_termtype_and_pid() -> None:
    assert tmux_client(lambda command: "Konsole 22.12.3\t812\n") == ("Konsole 22.12.3", 812)
    assert tmux_client(lambda command: "") == ("", 0)


def test_asking_a_terminal_stops_at_its_last_answer_and_leaves_its_settings() -> None:
    master, slave = pty.openpty()
    import termios

    before = termios.tcgetattr(slave)

    def terminal() -> None:
        got = b""
        while not got.endswith(b"\x1b[c"):
            got += os.read(master, 100)
        assert got == QUERIES
        os.write(master, ANSWERS["vte"])

    answering = threading.Thread(target=terminal)
    answering.start()
    try:
        assert ask_terminal(slave, timeout=5) == ANSWERS["vte"]
        assert termios.tcgetattr(slave) == before
    finally:
        answering.join(5)
        os.close(master)
        os.close(slave)


def test_asking_a_silent_terminal_gives_up_at_the_timeout() -> None:
    master, slave = pty.openpty()
    try:
        assert ask_terminal(slave, timeout=0.05) == b""
    finally:
        os.close(master)
        os.close(slave)


# --- the plan --------------------------------------------------------------------------------------------------


def test_konsole_and_mlterm_are_switched_off_and_back() -> None:
    konsole = plan(Found(PROFILES["konsole"], "test"))
    assert (konsole.bidi, konsole.cells, konsole.enter, konsole.leave) == (
        "app",
        "visual",
        KONSOLE_BIDI_OFF,
        KONSOLE_BIDI_ON,
    )
    assert plan(Found(PROFILES["mlterm"], "test")).enter == MLTERM_BIDI_OFF


def test_terminals_without_their_own_bidi_get_the_standard_switch_only() -> None:
    for name in ("xterm", "vte", "unknown"):
        chosen = plan(Found(PROFILES[name], "test"))
        assert (chosen.bidi, chosen.enter, chosen.leave) == ("app", EXPLICIT_BIDI, IMPLICIT_BIDI)


def test_macos_terminal_gets_logical_order_unless_the_user_says_app() -> None:
    assert plan(Found(PROFILES["apple-terminal"], "test")).bidi == "terminal"
    assert plan(Found(PROFILES["apple-terminal"], "test"), "app").bidi == "app"


def test_bidi_terminal_sends_no_switch() -> None:
    chosen = plan(Found(PROFILES["konsole"], "test"), "terminal")
    assert (chosen.bidi, chosen.cells, chosen.enter, chosen.leave) == ("terminal", "logical", "", "")


def test_a_cell_rule_is_used_where_qari_has_it_and_advice_given_where_not() -> None:
    with_rule = plan(Found(PROFILES["kitty"], "test"), rules=("kitty",))
    assert with_rule.cells == "kitty"
    assert "harakat" in with_rule.notice and "force_ltr yes" in with_rule.notice  # what the rule can't mend
    without = plan(Found(PROFILES["kitty"], "test"), rules=())
    assert without.cells == "visual" and "can't be told not to: put 'force_ltr yes'" in without.notice
    assert plan(Found(PROFILES["konsole"], "test"), rules=("kitty", "qt", "line")).notice == ""


def test_inside_tmux_switches_go_through_its_passthrough_when_allowed() -> None:
    chosen = plan(Found(PROFILES["konsole"], "test", "tmux"))
    assert chosen.enter == "\x1bPtmux;\x1b\x1b]50;BidiRenderingEnabled=false\x07\x1b\\"
    refused = plan(Found(PROFILES["konsole"], "test", "tmux"), passthrough_allowed=False)
    assert (refused.enter, refused.leave, refused.cells) == ("", "", "visual")
    assert "allow-passthrough on" in refused.notice
    quiet = plan(Found(PROFILES["xterm"], "test", "tmux"), passthrough_allowed=False)
    assert quiet.notice == ""  # xterm has no bidi of its own: nothing lost


@pytest.mark.parametrize("name", ["konsole", "vte"])
def test_inside_tmux_without_passthrough_rows_are_arranged_for_the_terminals_own_bidi(name: str) -> None:
    chosen = plan(Found(PROFILES[name], "test", "tmux"), passthrough_allowed=False, rules=("kitty", "qt", "line"))
    assert (chosen.enter, chosen.leave, chosen.cells) == ("", "", "line")
    assert "number beside Arabic" in chosen.notice and "allow-passthrough on" in chosen.notice


def test_screen_passthrough_wraps_without_doubling() -> None:
    assert passthrough("\x1b[8l", "screen") == "\x1bP\x1b[8l\x1b\\"
    assert passthrough("", "tmux") == ""


def test_a_terminal_named_by_the_user_is_not_detected() -> None:
    chosen = plan_here("auto", "mlterm", env={}, probes=probes({"KONSOLE_VERSION": "1"}), home=Path("/nonexistent"))
    assert chosen.found.terminal.name == "mlterm" and chosen.enter == MLTERM_BIDI_OFF


def test_an_unknown_terminal_name_is_said_and_qari_finds_out() -> None:
    chosen = plan_here("auto", "konsol", env={}, probes=probes({"KONSOLE_VERSION": "1"}), home=Path("/nonexistent"))
    assert chosen.found.terminal.name == "konsole" and "konsol" in chosen.notice


def test_a_konsole_profile_with_bidi_off_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / ".config").mkdir()
    (tmp_path / ".config" / "konsolerc").write_text("[Desktop Entry]\nDefaultProfile=Mine.profile\n", "utf-8")
    profiles = tmp_path / ".local" / "share" / "konsole"
    profiles.mkdir(parents=True)
    (profiles / "Mine.profile").write_text("[General]\nName=Mine\n\n[Terminal Features]\nBidiRenderingEnabled=false\n")
    assert switched_off_already(PROFILES["konsole"], tmp_path)
    chosen = plan_here("auto", "auto", env={}, probes=probes({"KONSOLE_VERSION": "1"}), home=tmp_path)
    assert (chosen.enter, chosen.leave) == ("", "")
    assert not switched_off_already(PROFILES["konsole"], tmp_path / "elsewhere")


def test_a_notice_is_told_once(tmp_path: Path) -> None:
    assert first_time("kitty: put 'force_ltr yes' in kitty.conf", tmp_path)
    assert not first_time("kitty: put 'force_ltr yes' in kitty.conf", tmp_path)
    assert first_time("another notice", tmp_path)


def test_a_terminal_found_in_explicit_bidi_mode_is_left_in_it() -> None:
    """WezTerm with its bidi off answers that mode 8 is reset: CSI 8 h at the end would switch it on."""
    wezterm = probes({"TERM_PROGRAM": "WezTerm"}, answer=b"\x1b[8;2$y\x1b[?65;1c")
    chosen = plan_here("auto", "auto", env={}, probes=wezterm, home=Path("/nonexistent"))
    assert chosen.found.terminal.name == "wezterm" and (chosen.enter, chosen.leave) == ("", "")
    reordering = probes({"VTE_VERSION": "7006"}, answer=ANSWERS["vte"])  # mode 8 set: switch and put back
    chosen = plan_here("auto", "auto", env={}, probes=reordering, home=Path("/nonexistent"))
    assert (chosen.enter, chosen.leave) == (EXPLICIT_BIDI, IMPLICIT_BIDI)
    silent = probes({"TERM": "xterm-256color"})  # no answer: the standard switch, harmless where unknown
    assert plan_here("auto", "auto", env={}, probes=silent, home=Path("/nonexistent")).enter == EXPLICIT_BIDI
