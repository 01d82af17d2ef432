"""The front-matter header: read off the top of a text article, written by qari import, never cutting prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.article import Article, Metadata, load_article
from reader.article.header import format_header, split_header
from reader.article.metadata import parse_published, published_sort_key

BODY = "قال المتحدث إن الاجتماع سيعقد غدا.\n\nوأضاف أن الوفود وصلت.\n"
HEADER = (
    "---\n"
    "title: الهدنة تدخل أسبوعها الثالث\n"
    "outlet: الشرق الآن\n"
    "author: سلمى حداد\n"
    "published: 2025-01-08\n"
    "url: https://news.example/ar/truce-3\n"
    "---\n"
)


def test_a_header_gives_the_metadata_and_offsets_count_from_after_it() -> None:
    article = Article.from_text(HEADER + BODY, name="truce.txt")
    assert article.text == BODY
    meta = article.metadata
    assert (meta.title, meta.outlet, meta.author, meta.published, meta.url, meta.origin) == (
        "الهدنة تدخل أسبوعها الثالث",
        "الشرق الآن",
        "سلمى حداد",
        "2025-01-08",
        "https://news.example/ar/truce-3",
        "header",
    )
    assert article.paragraph_text(0) == "قال المتحدث إن الاجتماع سيعقد غدا."


def test_a_header_in_a_file_is_read_with_crlf_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "truce.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + BODY).replace("\n", "\r\n").encode())
    article = load_article(path)
    assert article.text == BODY
    assert article.metadata.outlet == "الشرق الآن"


def test_every_key_is_optional_and_missing_ones_are_guessed_from_the_text() -> None:
    article = Article.from_text("---\nurl: https://news.example/a\n---\nعنوان الخبر\n\nنص الخبر هنا.\n")
    meta = article.metadata
    assert meta.url == "https://news.example/a"
    assert meta.title == "عنوان الخبر"
    assert meta.origin == "header"


def test_unknown_keys_are_kept_and_ignored_keys_are_case_insensitive() -> None:
    meta, body = split_header("---\nTitle: A\nsection: politics\nTITLE: B\n---\ntext")
    assert meta is not None and body == "text"
    assert meta.title == "A"  # the first of a repeated key wins
    assert meta.extra == (("section", "politics"),)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: never closed\n\nقال المتحدث إن…\n",
        "---\n\nفقرة عادية بعد خط من الشرطات\n---\nوفقرة أخرى\n",
        " ---\ntitle: A\n---\nbody",
        "----\ntitle: A\n----\nbody",
        "--- title: A\n---\nbody",
        "---\n" + "key: value\n" * 70 + "---\nbody",
    ],
)
def test_what_is_not_a_closed_header_of_key_value_lines_stays_article_text(text: str) -> None:
    assert split_header(text) == (None, text)
    assert Article.from_text(text).text == text


def test_quoted_values_are_unquoted_and_controls_never_survive() -> None:
    meta, _ = split_header('---\ntitle: "«قال»: \\"نعم\\""\noutlet: \'Al Sharq\'\nauthor: a\x1b]52;c;x\x07b\n---\n')
    assert meta is not None
    assert meta.title == '«قال»: "نعم"'
    assert meta.outlet == "Al Sharq"
    assert meta.author == "a]52;c;xb"


def test_an_empty_header_is_a_header() -> None:
    assert split_header("---\n---\nbody") == (Metadata(origin="header"), "body")


def test_format_header_writes_known_fields_in_order_then_extra_keys() -> None:
    meta = Metadata(
        title="T", date="2025-01-08", outlet="O", url="https://x.example/", origin="page", extra=(("section", "world"),)
    )
    assert (
        format_header(meta)
        == "---\ntitle: T\noutlet: O\npublished: 2025-01-08\nurl: https://x.example/\nsection: world\n---\n"
    )


text_values = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(title=text_values, outlet=text_values, author=text_values)
def test_a_written_header_reads_back_as_the_same_one_line_values(title: str, outlet: str, author: str) -> None:
    written = format_header(Metadata(title=title, outlet=outlet, author=author, origin="header"))
    meta, body = split_header(written + "body")
    assert body == "body"
    assert meta is not None

    def flat(value: str) -> str | None:
        dropped = dict.fromkeys([*range(9), 11, 12, *range(14, 32), *range(127, 160)])
        return " ".join(value.translate(dropped).split()) or None  # tab, LF and CR are spaces

    assert (meta.title, meta.outlet, meta.author) == (flat(title), flat(outlet), flat(author))


def test_iso_dates_and_date_times_sort_by_time_and_datelines_after_them() -> None:
    values = ["8 يناير 2025", "2025-01-08T23:30:00+03:00", None, "2025-01-08", "2024-12-31T23:00:00-05:00"]
    ordered = sorted(values, key=published_sort_key)
    # 23:00 at UTC-5 on 31 December is 04:00 UTC on 1 January: before 8 January.
    assert ordered == ["2024-12-31T23:00:00-05:00", "2025-01-08", "2025-01-08T23:30:00+03:00", "8 يناير 2025", None]
    assert parse_published("not a date") is None


def test_the_readers_header_shows_title_outlet_and_date_from_the_header(tmp_path: Path) -> None:
    import asyncio

    from reader.ui.app import QariApp
    from reader.ui.label import VisualLabel

    path = tmp_path / "truce.txt"
    path.write_text(HEADER + BODY, encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            header = app.screen.query_one("#article-header", VisualLabel).text
            title, details = header.split("\n")
            assert title == "الهدنة تدخل أسبوعها الثالث"
            assert details == "الشرق الآن · \u20662025-01-08\u2069"  # the ISO date isolated, to read as written

    asyncio.run(body())


def test_export_offsets_count_from_after_the_header(tmp_path: Path) -> None:
    import csv
    import io

    from reader.annotations.model import Anchor, Claim
    from reader.annotations.store import AnnotationStore
    from reader.cli import main

    path = tmp_path / "truce.txt"
    path.write_text(HEADER + BODY, encoding="utf-8")
    text = load_article(path).text
    start = text.index("وأضاف")
    with AnnotationStore.open(path, text) as store:
        store.add_claim(Claim(Anchor.from_text(text, start, start + 22)))
    out = tmp_path / "claims.csv"
    assert main(["export", str(path), "-o", str(out), "--no-bom"]) == 0
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert (int(row["start"]), int(row["end"])) == (start, start + 22)
    assert row["quote"] == BODY[start : start + 22]
    assert row["paragraph"] == "3"  # lines of the text after the header
