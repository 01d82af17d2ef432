"""Hostile and odd articles: each gives one clear line or a correct display, never a traceback.

Every input goes through the three doors a file comes in by: the loader,
``qari render`` and the reader itself (opened, scrolled, searched, a sentence
selected). What reaches the screen or stdout never carries a control
character that could talk to the terminal.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article import ArticleError, decode, load_article
from reader.cli import main
from reader.text.unidata import cell_width
from reader.ui.app import QariApp, ReaderScreen
from reader.ui.article_view import ArticleView

ARABIC = "قال المتحدث إن الاتفاق «قريب» (حسب المصادر).\n"
# What may reach a terminal from qari's output: newline, and nothing else below U+0020 or in C1.
UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

HOSTILE: dict[str, bytes] = {
    "empty": b"",
    "only whitespace": b" \n\t\n   \r\n\n",
    "binary (PNG)": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "random binary": bytes((i * 7919) % 256 for i in range(4096)),
    "UTF-8 then Windows-1256 bytes": ARABIC.encode() + "تصريح رسمي".encode("cp1256"),
    "UTF-16 with BOM": ARABIC.encode("utf-16"),
    "UTF-16 without BOM": ARABIC.encode("utf-16-le"),
    "NUL bytes": (ARABIC * 10).encode().replace(b" ", b"\x00", 3),  # a few stray ones in a scraped page
    "lone RLO": ("\u202e" + ARABIC + "English after the override\n").encode(),
    "lone PDF and PDI": ("\u202c\u2069" + ARABIC).encode(),
    "unclosed isolates": ("\u2067\u2068\u2066" * 40 + ARABIC).encode(),
    "escape sequences": ("A\x1b[2J\x1b[H\x1b]0;owned\x07B\x1b]52;c;ZXZpbA==\x07" + ARABIC + "\x07\x1b[?1049l").encode(),
    "zero-width joiners": ("ل\u200dا \u200cمـ\u200dـع " + "👨\u200d👩\u200d👧 " + ARABIC).encode(),
    "emoji": ("🇸🇦 😀 " + ARABIC.strip() + " 🕌🌙\n").encode(),
    "50 stacked combining marks": ("ب" + "\u064e\u0651" * 25 + " " + ARABIC).encode(),
    "a 1 MB line without spaces": ("ب" * 500_000).encode(),
}


def write(tmp_path: Path, case: str) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE[case])
    return path


@pytest.mark.parametrize("case", HOSTILE)
def test_the_loader_gives_an_article_or_one_line(tmp_path: Path, case: str) -> None:
    path = write(tmp_path, case)
    try:
        article = load_article(path)
    except ArticleError as err:
        message = str(err)
        assert message.startswith("qari: ") and "\n" not in message and not UNSAFE.search(message)
        return
    assert isinstance(article.text, str) and len(article.paragraphs) >= 1


@pytest.mark.parametrize("case", HOSTILE)
def test_render_prints_safe_lines_or_one_error_line(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, case)
    try:
        status = main(["render", str(path), "--width", "60"])
    except SystemExit as exit_:
        status = exit_.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    if status == 0:
        assert err == "" and not UNSAFE.search(out)
    else:
        assert status == 2 and out == "" and err.count("\n") == 1 and err.startswith("qari: ")


async def _read_it(path: Path) -> list[str]:
    app = QariApp(article=load_article(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        await pilot.press("G", "pageup", "s", "g", "down", "right", "shift+right", "slash", *"قال", "enter", "n")
        await pilot.pause()
        assert view.is_mounted
        return [strip.text for strip in (view.render_line(y) for y in range(view.size.height))]


def _decodes(data: bytes) -> bool:
    try:
        decode(data)
    except ArticleError:
        return False
    return True


READABLE = [case for case, data in HOSTILE.items() if _decodes(data)]  # the others get one line (above)


def test_the_refused_inputs_are_the_ones_that_are_no_text() -> None:
    assert set(HOSTILE) - set(READABLE) == {"binary (PNG)", "random binary"}


@pytest.mark.parametrize("case", READABLE)
def test_the_reader_shows_it_and_keeps_working(tmp_path: Path, case: str) -> None:
    path = write(tmp_path, case)
    rows = asyncio.run(_read_it(path))
    for row in rows:
        assert not UNSAFE.search(row), repr(row)


@pytest.mark.slow
def test_a_50_mb_article_opens_and_moves(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    paragraph = ("وأكدت مصادر مطلعة أن المفاوضات مستمرة رغم الخلافات حول الجدول الزمني. " * 6 + "\n\n").encode()
    with open(path, "wb") as file:
        for _ in range(50_000_000 // len(paragraph) + 1):
            file.write(paragraph)
    assert path.stat().st_size >= 50_000_000
    rows = asyncio.run(_read_it(path))
    assert any("ﺕﺍﺮﺿﻭﺎﻔﻤﻟﺍ" in row or "ﺕﺎﺿﻭﺎﻔﻤﻟﺍ" in row for row in rows)  # المفاوضات, shaped, in view


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600))
def test_any_bytes_decode_to_text_or_one_line(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except ArticleError as err:
        assert "\n" not in str(err) and str(err).startswith("qari: ")
        return
    assert isinstance(text, str) and encoding


_ODD_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            list(
                "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200d\u200c\u200e\u200f\x1b\x07\x00"
                "\u064b\u064e\u0651\u0670ـلا«»()[]"
            )
        ),
    ),
    max_size=300,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_ODD_TEXT, width=st.integers(min_value=10, max_value=90))
def test_render_of_any_text_is_safe(tmp_path: Path, text: str, width: int) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(["render", str(path), "--width", str(width)])
        except SystemExit as exit_:
            status = exit_.code  # type: ignore[assignment]
    if status == 0:
        assert not UNSAFE.search(out.getvalue())
        for line in out.getvalue().splitlines():
            assert cell_width(line) <= width  # every line fits its width, marks (0 cells) and all
    else:
        assert status == 2 and err.getvalue().count("\n") == 1
