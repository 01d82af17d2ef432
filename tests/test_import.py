"""qari import and qari info: saved pages and URLs become text articles with a header; bad sources are one line.

URLs are served by a local http.server started here: no network in tests.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import reader.article.fetch as fetch
from reader.article import load_article
from reader.article.importer import slug
from reader.article.web import extract_page
from reader.cli import main

PAGES = Path(__file__).parent / "data" / "pages"
RAIL = (PAGES / "arabic-utf8.html").read_bytes()
WHEAT = (PAGES / "arabic-cp1256.html").read_bytes()


class _Site(BaseHTTPRequestHandler):
    """A news site with one story, an old page in Windows-1256, a redirect, and the ways a fetch fails."""

    def do_GET(self) -> None:
        path = self.path
        if path == "/economy/2024/03/12/coastal-rail-network-plan":
            self._send(200, "text/html; charset=utf-8", RAIL)
        elif path.startswith("/news.php"):
            self._send(200, "text/html; charset=windows-1256", WHEAT)
        elif path == "/short":
            self.send_response(301)
            self.send_header("Location", "/economy/2024/03/12/coastal-rail-network-plan")
            self.end_headers()
        elif path == "/home":
            self._send(200, "text/html", (PAGES / "no-article.html").read_bytes())
        elif path == "/logo.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + "خبر ".encode() * 1000 + b"</p>")
            except OSError:
                pass
        elif path == "/slow":
            time.sleep(2)
            self._send(200, "text/html", RAIL)
        else:
            self._send(404, "text/html", b"<h1>Not Found</h1>")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as done:  # fail(): one line, exit 2
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_saved_page_becomes_a_text_article_with_a_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "rail.html"
    page.write_bytes(RAIL)
    code, out, err = run(capsys, "import", str(page), "-o", str(tmp_path / "articles"))
    written = tmp_path / "articles" / "rail.txt"
    assert (code, out, err) == (0, f"{written}\n", "")
    text = written.read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: وزارة النقل تعلن خطة بقيمة 4 مليارات دولار لربط المدن الساحلية بالقطارات\n"
        "outlet: صحيفة الأفق\nauthor: سامر الحداد\npublished: 2024-03-12\n"
        "url: https://www.alofoq.example/economy/2024/03/12/coastal-rail-network-plan\n---\n"
    )
    article = load_article(written)
    assert article.text == load_article(page).text  # the imported article and the page opened in place agree
    imported, in_place = article.metadata, load_article(page).metadata
    assert (imported.origin, in_place.origin) == ("header", "page")
    assert replace(imported, origin="page") == in_place


def test_offsets_count_from_after_the_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "rail.html"
    page.write_bytes(RAIL)
    run(capsys, "import", str(page), "-o", str(tmp_path))
    code, out, _ = run(capsys, "render", str(tmp_path / "rail.txt"), "--json", "--width", "60")
    first = json.loads(out.splitlines()[0])
    assert code == 0 and first["start"] == 0
    body = extract_page(RAIL).text
    assert body[first["start"] : first["end"]].startswith("أعلنت وزارة النقل")


def test_an_existing_article_is_refused_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "rail.html"
    page.write_bytes(RAIL)
    (tmp_path / "rail.txt").write_text("my notes\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(page), "-o", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"qari: {tmp_path / 'rail.txt'} exists already (use --force to replace it)\n"
    assert (tmp_path / "rail.txt").read_text(encoding="utf-8") == "my notes\n"
    code, out, err = run(capsys, "import", str(page), "-o", str(tmp_path), "--force")
    assert code == 0 and (tmp_path / "rail.txt").read_text(encoding="utf-8").startswith("---\ntitle:")


@pytest.mark.parametrize("name", ["no-article.html", "all-script.html"])
def test_a_page_without_a_story_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, err = run(capsys, "import", str(PAGES / name), "-o", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "no article in this page" in err
    assert list(tmp_path.iterdir()) == []


def test_each_source_is_done_alone_and_one_failure_makes_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "import",
        str(PAGES / "hebrew.html"),
        str(tmp_path / "gone.html"),
        str(PAGES / "expected.json"),
        str(PAGES / "persian.html"),
        "-o",
        str(tmp_path),
    )
    assert code == 2
    assert out.splitlines() == [str(tmp_path / "hebrew.txt"), str(tmp_path / "persian.txt")]
    assert err.splitlines() == [
        f"qari: no such file: {tmp_path / 'gone.html'}",
        f"qari: {PAGES / 'expected.json'}: not a saved web page (.html or .htm) nor an http(s) address",
    ]


def test_a_url_is_fetched_and_named_by_its_path(site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", f"{site}/economy/2024/03/12/coastal-rail-network-plan", "-o", str(tmp_path))
    assert (code, err) == (0, "")
    written = Path(out.strip())
    assert written == tmp_path / "coastal-rail-network-plan.txt"
    assert (
        load_article(written).metadata.url == "https://www.alofoq.example/economy/2024/03/12/coastal-rail-network-plan"
    )


def test_a_redirect_is_followed(site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", f"{site}/short", "-o", str(tmp_path))
    assert code == 0
    assert "أعلنت وزارة النقل" in Path(out.strip()).read_text(encoding="utf-8")


def test_the_servers_charset_decodes_an_old_page_and_a_numeric_path_is_named_by_the_title(
    site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", f"{site}/news.php?id=20931", "-o", str(tmp_path))
    assert code == 0
    written = Path(out.strip())
    assert written.name == "news.txt"  # the path's last part has letters: news.php → news
    assert "توقعت وزارة الزراعة" in written.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/logo.png", "not a web page (image/png)"),
        ("/home", "no article in this page (only menus, links or scripts)"),
    ],
)
def test_a_dead_or_wrong_url_is_one_line_and_nothing_written(
    site: str, tmp_path: Path, path: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import", site + path, "-o", str(tmp_path))
    assert (code, out, err) == (2, "", f"qari: {site}{path}: {reason}\n")
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_host_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = run(capsys, "import", f"http://127.0.0.1:{port}/x", "-o", str(tmp_path))
    assert code == 2 and err == f"qari: http://127.0.0.1:{port}/x: cannot reach the host (connection refused)\n"


def test_a_page_past_the_size_cap_is_refused(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 256 * 1024)
    code, _, err = run(capsys, "import", f"{site}/endless", "-o", str(tmp_path))
    assert code == 2 and err == f"qari: {site}/endless: page too large (over 256 KB)\n"
    assert list(tmp_path.iterdir()) == []


def test_a_server_that_does_not_answer_times_out(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT", 0.3)
    code, _, err = run(capsys, "import", f"{site}/slow", "-o", str(tmp_path))
    assert code == 2 and err == f"qari: {site}/slow: no answer within 0.3 s\n"


def test_the_timeout_and_cap_are_at_most_twenty_seconds_and_ten_megabytes() -> None:
    assert fetch.TIMEOUT <= 20 and fetch.MAX_BYTES <= 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وزارة النقل تُعلن خطة «السكك» الجديدة", "وزارة-النقل-تعلن-خطة-السكك-الجديدة"),
        ("Coastal Rail: Phase 2!", "coastal-rail-phase-2"),
        ("ـــ", ""),
        ("كلمة " * 30, "-".join(["كلمة"] * 12)),
    ],
)
def test_slugs_keep_letters_of_any_script_and_stay_short(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_info_tells_metadata_language_counts_and_claims(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.annotations.model import Anchor, Claim
    from reader.annotations.store import AnnotationStore

    article = tmp_path / "truce.txt"
    article.write_text(
        "---\ntitle: الهدنة\noutlet: الشرق الآن\npublished: 2025-01-08\nsection: سياسة\n---\n"
        "قال المتحدث إن الاجتماع سيعقد غدا.\n\nوأضاف أن الوفود وصلت.\n",
        encoding="utf-8",
    )
    text = load_article(article).text
    with AnnotationStore.open(article, text) as store:
        store.add_claim(Claim(Anchor.from_text(text, 0, 10)))
    code, out, err = run(capsys, "info", str(article), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "path": str(article),
        "title": "الهدنة",
        "outlet": "الشرق الآن",
        "author": None,
        "published": "2025-01-08",
        "url": None,
        "metadata": "header",
        "extra": {"section": "سياسة"},
        "language": "ar",
        "paragraphs": 2,
        "words": 10,
        "characters": len(text),
        "claims": 1,
        "encoding": "utf-8",
    }
    code, out, _ = run(capsys, "info", str(PAGES / "persian.html"))
    assert code == 0
    assert "language   fa (Persian)\n" in out and "metadata   the saved page\n" in out


def test_info_on_a_bad_path_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "info", str(tmp_path / "nothing.txt"))
    assert (code, out, err) == (2, "", f"qari: no such file: {tmp_path / 'nothing.txt'}\n")
