"""A big article's first screen shows before the rest of its file is decoded, and then it is the same article."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from pilot_helpers import store_open, until

from reader.article import Article, ArticleError, load_article
from reader.article.streamed import HEAD_BYTES, STREAM_FROM, StreamedArticle
from reader.document import Document
from reader.ui.app import QariApp, ReaderScreen
from reader.ui.article_view import ArticleView

# Lines of our own: Arabic with harakat, digits, a Latin name, a blank line now and then.
LINES = (
    "قالت الوزارة إن المحادثات ستُستأنف الأسبوع المقبل في عمّان بحضور 12 وفدًا.",
    "وأضاف المتحدث باسم Reuters أن «الأسعار سترتفع» بنسبة 3.5٪ خلال الربع الثالث.",
    "",
    "ورأى محللون أن القرار يعكس ضغوط التضخم على الموازنة العامة.",
)


def big_text(size: int = STREAM_FROM + 300_000) -> str:
    """An Arabic article of about ``size`` UTF-8 bytes, every line numbered so no two are alike."""
    lines: list[str] = []
    total = 0
    n = 0
    while total < size:
        line = f"{LINES[n % len(LINES)]} ({n})" if LINES[n % len(LINES)] else ""
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
        n += 1
    return "\n".join(lines) + "\n"


def straddling(text: str) -> str:
    """``text`` with a two-byte letter across byte HEAD_BYTES and another just after the head's last newline."""
    data = text.encode("utf-8")
    cut = data.rfind(b"\n", 0, HEAD_BYTES) + 1
    start = data.rfind(b"\n", 0, HEAD_BYTES - 200) + 1
    # One line, re-made so that its bytes from the head's end on are ASCII but for "ب" over HEAD_BYTES.
    line = b"x" * (HEAD_BYTES - 1 - start) + "ب".encode() + b"y" * 10
    end = data.find(b"\n", cut)
    rebuilt = data[:start] + line + b"\n" + "ج".encode() + data[end:]
    assert rebuilt[HEAD_BYTES - 1 : HEAD_BYTES + 1] == "ب".encode()  # the letter's two bytes straddle the head's end
    return rebuilt.decode("utf-8")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def same_article(streamed: Article, whole: Article) -> None:
    """Everything qari reads off an article agrees."""
    assert streamed.text == whole.text
    assert streamed.stated == whole.stated
    assert streamed.encoding == whole.encoding
    assert streamed.paragraph_count == whole.paragraph_count
    assert streamed.paragraphs == whole.paragraphs
    assert streamed.metadata == whole.metadata
    assert streamed.repeated == whole.repeated
    for offset in (0, 1, 500, 70_000, len(whole.text) // 2, len(whole.text)):
        offset = min(offset, len(whole.text))
        assert streamed.paragraph_at(offset) == whole.paragraph_at(offset)


def test_a_big_file_decodes_only_its_head_until_the_text_is_asked_for(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", big_text())
    article = load_article(path, streamed=True)
    whole = load_article(path)
    assert isinstance(article, StreamedArticle) and not isinstance(whole, StreamedArticle)
    # What the first screen asks for comes from the head.
    assert article.beginning().text == whole.beginning().text
    assert article.paragraph_count == whole.paragraph_count
    assert article.paragraph_at(300) == whole.paragraph_at(300)
    assert not article.is_blank()
    assert article.head == whole.text[: len(article.head)]
    document = Document(article)
    document.relayout(80)
    assert [line.text for line in document.lines] == [line.text for line in Document_lines(whole)]
    assert not article.decoded
    same_article(article, whole)
    assert article.decoded and article.decode_problem is None


def Document_lines(article: Article) -> list:  # type: ignore[type-arg]
    document = Document(article)
    document.relayout(80)
    return document.lines


def test_a_letter_straddling_the_head_end_is_decoded_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "straddle.txt", straddling(big_text()))
    article = load_article(path, streamed=True)
    assert isinstance(article, StreamedArticle)
    assert article.head.endswith("\n") and not article.decoded
    same_article(article, load_article(path))
    assert article.decode_problem is None


def test_search_waits_for_the_whole_text(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", big_text())
    streamed, whole = Document(load_article(path, streamed=True)), Document(load_article(path))
    assert streamed.set_search("الموازنة") == whole.set_search("الموازنة") > 1000
    assert streamed.matches == whole.matches


def test_a_header_a_bom_and_a_header_with_a_bom_read_as_when_decoded_whole(tmp_path: Path) -> None:
    header = "---\ntitle: عنوان الخبر\noutlet: وكالة\npublished: 2025-01-08\n---\n"
    for name, text, encoding in (
        ("header.txt", header + big_text(), "utf-8"),
        ("bom.txt", big_text(), "utf-8-sig"),
        ("both.txt", header + big_text(), "utf-8-sig"),
    ):
        path = write(tmp_path / name, text, encoding)
        article = load_article(path, streamed=True)
        assert isinstance(article, StreamedArticle), name
        same_article(article, load_article(path))


@pytest.mark.parametrize(
    ("name", "text", "encoding"),
    [
        ("small.txt", "\n".join(LINES) * 100, "utf-8"),  # under STREAM_FROM
        ("crlf.txt", big_text().replace("\n", "\r\n"), "utf-8"),  # newlines change length: decoded whole
        ("utf16.txt", big_text(), "utf-16"),
        ("cp1256.txt", big_text().replace("Reuters", "").replace("٪", "%"), "cp1256"),
        ("long-header.txt", "---\n" + "key: value\n" * 30 + "x" * 800_000 + "\n" + big_text(), "utf-8"),
    ],
    ids=["small", "crlf", "utf16", "cp1256", "long-header"],
)
def test_other_files_are_decoded_whole_as_before(tmp_path: Path, name: str, text: str, encoding: str) -> None:
    path = write(tmp_path / name, text, encoding)
    article = load_article(path, streamed=True)
    assert not isinstance(article, StreamedArticle)
    same_article(article, load_article(path))


def test_a_binary_file_is_refused_with_the_same_line(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8000)
    with pytest.raises(ArticleError) as streamed:
        load_article(path, streamed=True)
    with pytest.raises(ArticleError) as whole:
        load_article(path)
    assert str(streamed.value) == str(whole.value)


def test_a_rest_that_is_not_utf8_is_reported_and_keeps_the_heads_offsets(tmp_path: Path) -> None:
    data = big_text().encode("utf-8")
    bad = len(data) - 1000
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:bad] + b"\xff" + data[bad + 1 :])
    article = load_article(path, streamed=True)
    head = article.head
    assert article.decode_problem is None and not article.is_blank()
    text = article.text
    assert text.startswith(head) and "\ufffd" in text and text == path.read_bytes().decode("utf-8", "replace")
    assert article.decode_problem is not None and "not UTF-8" in article.decode_problem
    assert "\n" not in article.decode_problem


def test_threads_asking_at_once_get_one_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path / "big.txt", big_text()), streamed=True)
    found: list[str] = []
    threads = [threading.Thread(target=lambda: found.append(article.text)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(text) for text in found}) == 1


def test_the_reader_shows_a_big_file_then_opens_its_claims_on_the_whole_text(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", big_text())

    async def body() -> None:
        article = load_article(path, streamed=True)
        app = QariApp(article=article)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await store_open(pilot)
            assert article.decoded and screen.store is not None
            assert screen.store.article_text == load_article(path).text
            view = screen.query_one(ArticleView)
            await until(pilot, lambda: view.complete, tries=500)
            assert len(view.document.lines) == len(Document_lines_full(load_article(path)))

    asyncio.run(body())


def Document_lines_full(article: Article) -> list:  # type: ignore[type-arg]
    document = Document(article)
    document.relayout(98)
    rest = document.rest_of_layout()
    while not rest.done:
        document.extend(rest.generation, rest.chunk(), rest.done)
    return document.lines


def test_the_reader_opens_a_file_again_whole_when_its_rest_is_not_utf8(tmp_path: Path) -> None:
    data = big_text().encode("utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:-1000] + b"\xff" + data[-999:])

    async def body() -> None:
        first = load_article(path, streamed=True)
        app = QariApp(article=first)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: not isinstance(app.screen, ReaderScreen) or app.screen.article is not first)
            screen = app.screen
            # Read whole, the file is what the ordinary rules make of it: here Windows-1256, or an error line.
            try:
                whole = load_article(path)
            except ArticleError:
                assert not isinstance(screen, ReaderScreen)
            else:
                assert isinstance(screen, ReaderScreen) and screen.article.text == whole.text
                assert not isinstance(screen.article, StreamedArticle)

    asyncio.run(body())
