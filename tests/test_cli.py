"""`qari render` and the command line's handling of bad input (DESIGN.md, "Command line contract").

Most checks call ``reader.cli.main`` in-process (fast); a few run a real
``python -m reader.cli`` so that what reaches stdout and stderr is exactly what
a user's terminal would get: the raw bytes, no traceback, a clean exit when
the reader of a pipe goes away.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import reader.cli as cli
import reader.ui.app as ui_app
from reader.text.unidata import cell_width

ROOT = Path(__file__).resolve().parent.parent

# The shaped visual forms, spelt out so the test does not use the engine it checks:
# قال = QAF initial FED7, ALEF final FE8E, LAM isolated FEDD -> visual "ﻝﺎﻗ".
QAL_VISUAL = "\ufedd\ufe8e\ufed7"
# المسؤول = ALEF FE8D, LAM FEDF, MEEM FEE4, SEEN FEB4, WAW-HAMZA final FE86, WAW FEED, LAM FEDD.
MASUL_VISUAL = "\ufedd\ufeed\ufe86\ufeb4\ufee4\ufedf\ufe8d"
# إن = ALEF-HAMZA-BELOW FE87, NOON FEE5.
INNA_VISUAL = "\ufee5\ufe87"

P0 = "قال المسؤول إن المحادثات مستمرة وإن الوفود ستعود إلى العاصمة خلال أيام لمتابعة النقاش حول الاتفاق."
P2 = "The talks resumed in Cairo on Monday, officials said."
P3 = "مُحَمَّدٌ رَسُولٌ كَرِيمٌ، وَقَالَ الْمُتَحَدِّثُ إِنَّ الْوَفْدَ سَيَصِلُ غَدًا."
P5 = "وأضاف المصدر أن الخلاف ما زال يدور حول جدول الانسحاب."
# Paragraphs 1 and 4 are empty; the file ends with a newline (a last, empty paragraph).
ARTICLE = "\n".join([P0, "", P2, P3, "", P5]) + "\n"
PARAGRAPHS = ARTICLE.split("\n")

HARAKAT_RE = re.compile("[\u064b-\u0652]")
PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# Anything a terminal could take as a command: C0 except newline, DEL, C1.
UNSAFE_OUTPUT_RE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")

HOSTILE = (
    "قال \x1b]0;pwned\x07 العنوان \x1b[2J مسح الشاشة \x1b]52;c;aGVsbG8=\x07 نسخ\n"
    "جرس \x07 صفر \x00 حذف \x7f سي \x9b31m نهاية \x1bc\r\n"
    "English \x1b[31mred\x1b[0m text\x08\x0b\x0c end\n"
)


# --------------------------------------------------------------------------
# helpers


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``qari ARGV`` in-process: (exit status, stdout, stderr)."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def run_qari(*argv: str | os.PathLike[str], timeout: float = 30) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m reader.cli ARGV`` as a real process from the project root (raw bytes)."""
    # COLUMNS is not 80, so a default width taken from it when stdout is a pipe shows.
    env = dict(os.environ, PYTHONIOENCODING="", COLUMNS="123", LINES="40")
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *map(str, argv)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        env=env,
    )


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "khabar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def no_ui(monkeypatch: pytest.MonkeyPatch) -> None:
    """Starting the Textual UI fails the test instead of taking over the terminal."""

    def refuse(*args: object, **kwargs: object) -> int:
        raise AssertionError("the UI was started for bad input")

    monkeypatch.setattr(ui_app, "run_reader", refuse)
    monkeypatch.setattr(ui_app, "run_library", refuse)


def json_lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


# --------------------------------------------------------------------------
# qari render


def test_render_rtl_lines_are_right_aligned_to_width(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, err = run_main(capsys, "render", str(article), "--width", "40")
    assert (code, err) == (0, "")
    assert out.endswith("\n")
    printed = out.split("\n")[:-1]
    records = json_lines(run_main(capsys, "render", str(article), "--width", "40", "--json")[1])
    assert len(printed) == len(records)  # one visual line per output line
    assert len(printed) > len(PARAGRAPHS)  # P0 is longer than 40 cells: it wraps
    rtl_with_text = 0
    for line, record in zip(printed, records):
        assert "\n" not in line
        if record["direction"] == "rtl" and record["text"]:
            rtl_with_text += 1
            assert cell_width(line) == 40, line
            assert line.startswith(" ") or cell_width(str(record["text"])) == 40
            assert not line.endswith(" ")
        else:
            assert cell_width(line) <= 40
    assert rtl_with_text >= 4


def test_render_first_line_is_the_first_words_shaped_and_reversed(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, out, _ = run_main(capsys, "render", str(article), "--width", "40")
    assert code == 0
    first = out.split("\n")[0]
    # The first logical word is drawn rightmost, shaped; the next ones to its left.
    assert first.endswith(f"{INNA_VISUAL} {MASUL_VISUAL} {QAL_VISUAL}")
    assert QAL_VISUAL in first and "قال" not in first
    # Wrapping after reordering would put the paragraph's last word (الاتفاق) on the first line.
    last_word = "\ufed5\ufe8e\ufed4\ufe97"  # ...اتفاق shaped and reversed: QAF, ALEF, FEH, TEH
    assert last_word not in first
    assert last_word in out.split("\n")[2]
    assert len(first.split()) == len(["قال", "المسؤول", "إن", "المحادثات", "مستمرة", "وإن"])


def test_render_keeps_blank_lines_of_empty_paragraphs(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    _, out, _ = run_main(capsys, "render", str(article), "--width", "40")
    records = json_lines(run_main(capsys, "render", str(article), "--width", "40", "--json")[1])
    printed = out.split("\n")[:-1]
    empty = [i for i, text in enumerate(PARAGRAPHS) if not text]
    assert empty == [1, 4, 6]
    for index in empty:
        rows = [row for row, record in enumerate(records) if record["paragraph"] == index]
        assert len(rows) == 1
        assert printed[rows[0]] == ""
    # The English paragraph (two lines at this width) is left-aligned, unpadded, in reading order.
    english = [printed[row] for row, record in enumerate(records) if record["paragraph"] == 2]
    assert " ".join(english) == P2


def test_render_width_changes_wrapping(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    narrow = run_main(capsys, "render", str(article), "--width", "20")[1].split("\n")
    wide = run_main(capsys, "render", str(article), "--width", "200")[1].split("\n")
    assert len(narrow) > len(wide)
    assert len(wide) == len(PARAGRAPHS) + 1  # one line per paragraph, plus the final newline's ""
    assert all(cell_width(line) <= 20 for line in narrow)
    assert cell_width(wide[0]) == 200


def test_render_json_lines(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, err = run_main(capsys, "render", str(article), "--width", "40", "--json")
    assert (code, err) == (0, "")
    records = json_lines(out)
    assert records
    for record in records:
        assert set(record) == {"paragraph", "start", "end", "direction", "text"}
        assert isinstance(record["start"], int) and isinstance(record["end"], int)
        assert isinstance(record["text"], str)
    # Offsets partition every paragraph, in order.
    starts = [0]
    for text in PARAGRAPHS:
        starts.append(starts[-1] + len(text) + 1)
    assert [r["paragraph"] for r in records] == sorted(r["paragraph"] for r in records)
    assert {r["paragraph"] for r in records} == set(range(len(PARAGRAPHS)))
    for index, text in enumerate(PARAGRAPHS):
        mine = [r for r in records if r["paragraph"] == index]
        assert mine[0]["start"] == starts[index]
        for before, after in itertools.pairwise(mine):
            assert before["end"] == after["start"]
        assert mine[-1]["end"] == starts[index] + len(text)
    directions = {r["paragraph"]: r["direction"] for r in records}
    assert directions[0] == directions[3] == directions[5] == "rtl"
    assert directions[2] == "ltr"
    assert len([r for r in records if r["paragraph"] == 0]) >= 2


def test_render_json_text_is_the_plain_line_without_padding(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    plain = run_main(capsys, "render", str(article), "--width", "40")[1].split("\n")[:-1]
    records = json_lines(run_main(capsys, "render", str(article), "--width", "40", "--json")[1])
    assert len(plain) == len(records)
    for line, record in zip(plain, records):
        text = str(record["text"])
        if record["direction"] == "rtl" and text:
            assert line == " " * (40 - cell_width(text)) + text
        else:
            assert line == text


def test_render_bidi_terminal_is_logical_unshaped_unpadded(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, err = run_main(capsys, "render", str(article), "--width", "40", "--bidi", "terminal")
    assert (code, err) == (0, "")
    lines = out.split("\n")[:-1]
    assert lines[0].startswith("قال المسؤول إن")
    assert not PRESENTATION_RE.search(out)
    assert not any(line.startswith(" ") for line in lines)
    assert "".join(lines).replace(" ", "") == ARTICLE.replace("\n", "").replace(" ", "")
    records = json_lines(run_main(capsys, "render", str(article), "--width", "40", "--bidi", "terminal", "--json")[1])
    assert [r["text"] for r in records] == lines
    assert records[0]["direction"] == "rtl"


def test_render_keeps_harakat_by_default_and_hides_them_on_request(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    with_marks = run_main(capsys, "render", str(article), "--width", "40")[1]
    assert len(HARAKAT_RE.findall(with_marks)) == len(HARAKAT_RE.findall(ARTICLE)) > 10
    code, without, _ = run_main(capsys, "render", str(article), "--width", "40", "--no-harakat")
    assert code == 0
    assert not HARAKAT_RE.search(without)
    # مُحَمَّدٌ keeps its shaped letters (MEEM initial, HAH medial, MEEM medial, DAL final), reversed.
    assert "\ufeaa\ufee4\ufea4\ufee3" in without
    assert "\ufeaa\ufee4\ufea4\ufee3" not in with_marks  # there, harakat sit between the letters
    terminal = run_main(capsys, "render", str(article), "--bidi", "terminal", "--no-harakat")[1]
    assert not HARAKAT_RE.search(terminal)
    assert "محمد رسول كريم" in terminal


def test_render_subprocess_matches_in_process(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    done = run_qari("render", article, "--width", "40")
    assert done.returncode == 0
    assert done.stderr == b""
    assert done.stdout.decode("utf-8") == run_main(capsys, "render", str(article), "--width", "40")[1]


def test_render_default_width_is_80_when_not_a_terminal(article: Path) -> None:
    done = run_qari("render", article)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").split("\n")[:-1]
    assert cell_width(lines[0]) == 80


# --------------------------------------------------------------------------
# control characters in the article


def test_render_never_sends_control_characters(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE.encode("utf-8"))
    for extra in ([], ["--bidi", "terminal"], ["--no-harakat"]):
        done = run_qari("render", path, "--width", "40", *extra)
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        raw = done.stdout
        assert not any(byte < 0x20 and byte != 0x0A for byte in raw), raw
        assert 0x7F not in raw
        text = raw.decode("utf-8")  # strict: no stray 8-bit bytes either
        assert not UNSAFE_OUTPUT_RE.search(text), text
        assert "␛" in text and "␇" in text and "␀" in text and "␡" in text
        assert text.count("␛") == HOSTILE.count("\x1b")
    # --json escapes controls anyway; the text it carries must be display-safe too.
    code, out, _ = run_main(capsys, "render", str(path), "--width", "40", "--json")
    assert code == 0
    for record in json_lines(out):
        assert not UNSAFE_OUTPUT_RE.search(str(record["text"])), record
    assert out.count("␛") == HOSTILE.count("\x1b")
    assert "aGVsbG8" in out


# --------------------------------------------------------------------------
# bad input: one line on stderr, status 2, nothing on stdout, no file created


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def assert_refused(code: int, out: str, err: str) -> None:
    assert code == 2
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert err.startswith("qari: ")
    assert "Traceback" not in err
    assert len(err.strip()) > len("qari: ")


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    (tmp_path / "empty").mkdir()
    only_other = tmp_path / "no-articles"
    only_other.mkdir()
    (only_other / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    (only_other / "notes.txt.annotations.json").write_text("{}", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200))
    (tmp_path / "french.txt").write_bytes("café déjà été".encode("latin-1"))
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


BAD_ARGS = [
    pytest.param(["render", "{d}/missing.txt"], "no such file", id="missing-file"),
    pytest.param(["{d}/missing.txt"], "no such file", id="plain-missing-file"),
    pytest.param(["render", "{d}/empty"], "folder", id="render-folder"),
    pytest.param(["render", "{d}/no-articles"], "folder", id="render-folder-without-articles"),
    pytest.param(["{d}/empty"], "no articles", id="plain-empty-folder"),
    pytest.param(["{d}/no-articles"], "no articles", id="plain-folder-without-articles"),
    pytest.param(["render", "{d}/image.txt"], "binary", id="binary"),
    pytest.param(["{d}/image.txt"], "binary", id="plain-binary"),
    pytest.param(["render", "{d}/french.txt"], "decode", id="latin-1"),
    pytest.param(["{d}/french.txt"], "decode", id="plain-latin-1"),
    pytest.param(["render", "{d}/good.txt", "--width", "5"], "width", id="width-5"),
    pytest.param(["render", "{d}/good.txt", "--width", "abc"], "width", id="width-abc"),
    pytest.param(["render", "{d}/good.txt", "--width", "0"], "width", id="width-0"),
    pytest.param(["render", "{d}/good.txt", "--width", "-40"], "width", id="width-negative"),
    pytest.param(["render", "{d}/good.txt", "--bidi", "nope"], "bidi", id="bidi-nope"),
    pytest.param(["render", "{d}/good.txt", "--frobnicate"], "--frobnicate", id="render-unknown-option"),
    pytest.param(["--frobnicate"], "--frobnicate", id="unknown-option"),
    pytest.param(["{d}/good.txt", "{d}/french.txt"], "one", id="two-paths"),
    pytest.param(["render"], "PATH", id="render-without-path"),
]


@pytest.mark.parametrize(("argv", "mentions"), BAD_ARGS)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], bad_inputs: Path, no_ui: None, argv: list[str], mentions: str
) -> None:
    before = listing(bad_inputs)
    code, out, err = run_main(capsys, *(arg.format(d=bad_inputs) for arg in argv))
    assert_refused(code, out, err)
    assert mentions.lower() in err.lower()
    assert listing(bad_inputs) == before


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["render", "{d}/missing.txt"], id="missing-file"),
        pytest.param(["{d}/empty"], id="plain-empty-folder"),
        pytest.param(["render", "{d}/image.txt"], id="binary"),
        pytest.param(["render", "{d}/french.txt"], id="latin-1"),
        pytest.param(["render", "{d}/good.txt", "--width", "abc"], id="width-abc"),
        pytest.param(["{d}/good.txt", "{d}/empty"], id="two-paths"),
    ],
)
def test_bad_input_in_a_real_process_has_no_traceback(bad_inputs: Path, argv: list[str]) -> None:
    before = listing(bad_inputs)
    # A UI started by mistake would wait for keys: the timeout turns that into a failure.
    done = run_qari(*(arg.format(d=bad_inputs) for arg in argv), timeout=20)
    err = done.stderr.decode("utf-8")
    assert_refused(done.returncode, done.stdout.decode("utf-8"), err)
    assert listing(bad_inputs) == before


def test_error_line_escapes_control_characters_in_the_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_main(capsys, "render", str(tmp_path / "x\x1b]0;pwned\x07.txt"))
    assert_refused(code, out, err)
    assert not UNSAFE_OUTPUT_RE.search(err.rstrip("\n"))


def test_good_input_is_not_refused(capsys: pytest.CaptureFixture[str], bad_inputs: Path) -> None:
    """The bad-input fixture's one good file renders: the refusals above are about the input."""
    code, out, err = run_main(capsys, "render", str(bad_inputs / "good.txt"))
    assert (code, err) == (0, "")
    assert QAL_VISUAL in out


# --------------------------------------------------------------------------
# a closed pipe (qari render big.txt | head -1)


def test_closed_stdout_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    # ~3 MB of output: far more than a pipe buffer, so qari is still writing when the pipe closes.
    path.write_text("\n".join(f"{P0} {n}" for n in range(12_000)) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "render", str(path), "--width", "60"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline().decode("utf-8")
        assert QAL_VISUAL in first
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
    assert err == ""
    assert code == 0


# --------------------------------------------------------------------------
# the reader's frame rate

# The reader's path as a real process up to starting the UI: a stand-in for reader.ui.app says whether
# anything had imported Textual by then, and the frame rate Textual then reads from the environment.
FRAME_RATE_PROBE = """
import sys, types
def run(*args, **kwargs):
    imported = "textual" in sys.modules
    from textual import constants
    print(imported, constants.MAX_FPS)
    return 0
stand_in = types.ModuleType("reader.ui.app")
stand_in.run_reader = stand_in.run_library = run
sys.modules["reader.ui.app"] = stand_in
from reader.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("environment", "shown"), [(None, "False 120"), ("24", "False 24")])
def test_the_reader_asks_for_120_frames_a_second_unless_textual_fps_is_set(
    article: Path, environment: str | None, shown: str
) -> None:
    env = {name: value for name, value in os.environ.items() if name != "TEXTUAL_FPS"}
    if environment is not None:
        env["TEXTUAL_FPS"] = environment
    for target in (article, article.parent):  # an article, and a folder (the library)
        result = subprocess.run(
            [sys.executable, "-c", FRAME_RATE_PROBE, str(target)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (result.returncode, result.stdout.strip(), result.stderr) == (0, shown, "")
