"""Saved web pages: the story kept whole and in order, the site's furniture gone, metadata read, hostile pages refused.

The pages in tests/data/pages/ were written for these tests in the shape of
real Arabic, Persian and Hebrew news sites; expected.json lists, for each,
the metadata and phrases of the story (in order) and phrases of the furniture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.article import ArticleError, find_articles, load_article
from reader.article.web import decode_page, extract_page

PAGES = Path(__file__).parent / "data" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
STORIES = sorted(name for name, expected in EXPECTED.items() if "must_contain" in expected)


def _controls(text: str) -> list[str]:
    return [char for char in text if (ord(char) < 0x20 and char not in "\n\t") or 0x7F <= ord(char) <= 0x9F]


@pytest.mark.parametrize("name", STORIES)
def test_every_paragraph_of_the_story_is_kept_in_order(name: str) -> None:
    text = extract_page((PAGES / name).read_bytes(), name=name).text
    position = 0
    for phrase in EXPECTED[name]["must_contain"]:
        found = text.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found + len(phrase)


@pytest.mark.parametrize("name", STORIES)
def test_the_sites_furniture_is_left_out(name: str) -> None:
    text = extract_page((PAGES / name).read_bytes(), name=name).text
    leaked = [phrase for phrase in EXPECTED[name]["must_not_contain"] if phrase in text]
    assert leaked == []


@pytest.mark.parametrize("name", STORIES)
def test_title_outlet_author_date_and_url_come_from_the_pages_metadata(name: str) -> None:
    meta = extract_page((PAGES / name).read_bytes(), name=name).metadata
    expected = EXPECTED[name]
    assert (meta.title, meta.outlet, meta.author, meta.published, meta.url) == (
        expected["title"],
        expected["outlet"],
        expected["author"],
        expected["published"],
        expected["url"],
    )
    assert meta.origin == "page"


def test_paragraphs_are_lines_separated_by_a_blank_line_with_no_stray_spaces() -> None:
    text = extract_page((PAGES / "arabic-utf8.html").read_bytes()).text
    assert text.endswith("\n") and "\n\n\n" not in text
    for paragraph in text.strip("\n").split("\n\n"):
        assert paragraph == " ".join(paragraph.split())


def test_entities_are_decoded_and_inline_markup_is_plain_text() -> None:
    text = extract_page((PAGES / "arabic-utf8.html").read_bytes()).text
    assert '"الساحل للنقل & الخدمات اللوجستية"' in text
    assert "&amp;" not in text and "&quot;" not in text and "<" not in text


def test_a_windows_1256_page_is_read_by_its_declared_charset() -> None:
    data = (PAGES / "arabic-cp1256.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    found = extract_page(data)
    assert found.encoding == "cp1256"
    assert "توقعت وزارة الزراعة أن يرتفع إنتاج القمح" in found.text


def test_a_table_layout_story_keeps_its_paragraphs_apart() -> None:
    # trafilatura's own text joins a story laid out in table cells into one "| … |" row.
    text = extract_page((PAGES / "arabic-cp1256.html").read_bytes()).text
    assert "|" not in text.split("\n")[-2]
    assert sum(1 for line in text.split("\n") if line.startswith(("وقال", "وأضاف", "وأكدت"))) == 3


def test_persian_keeps_its_zero_width_non_joiners() -> None:
    found = extract_page((PAGES / "persian.html").read_bytes())
    assert "می\u200cشود" in found.text
    assert found.metadata.title is not None and "خانه\u200cهای" in found.metadata.title


def test_the_server_charset_wins_over_none_and_a_wrong_meta_falls_back_to_utf8() -> None:
    page = "<html><head><meta charset='windows-1256'></head><body><p>قال المتحدث</p></body></html>"
    assert decode_page(page.encode("cp1256")) == (page, "cp1256")
    assert decode_page(page.encode("utf-8")) == (page, "utf-8")  # declared 1256, but the bytes are UTF-8
    bare = "<p>خبر</p>"
    assert decode_page(bare.encode("cp1256"), declared="windows-1256") == (bare, "cp1256")
    assert decode_page(bare.encode("cp1256")) == (bare, "cp1256")  # undeclared but plainly Arabic


@pytest.mark.parametrize("name", ["no-article.html", "all-script.html"])
def test_a_page_without_a_story_is_refused_with_one_line(name: str) -> None:
    with pytest.raises(ArticleError) as caught:
        extract_page((PAGES / name).read_bytes(), name=name)
    message = str(caught.value)
    assert message == f"qari: {name}: no article in this page (only menus, links or scripts)"


def test_terminal_escapes_written_as_entities_never_reach_the_text() -> None:
    found = extract_page((PAGES / "escapes.html").read_bytes())
    assert _controls(found.text) == []
    assert "]52;c;" in found.text  # the escape's printable rest stays, harmless, where the page put it
    assert "أعلنت بلدية المدينة إغلاقا جزئيا" in found.text
    assert "يوميا› لإنجازها" in found.text  # &#155; is what a browser shows: ›, not a C1 control


def test_control_characters_in_the_metadata_are_taken_out() -> None:
    page = (
        "<html><head><title>عنوان&#27;]0;x&#7; الخبر</title>"
        "<meta property='og:site_name' content='موقع&#27;[2J الأخبار'></head><body><article>"
        + "".join(
            f"<p>قال المتحدث باسم الوزارة إن الاجتماع رقم {n} سيعقد غدا في العاصمة، بحضور وفود من "
            f"{n + 10} دول لبحث خطة النقل الإقليمية.</p>"
            for n in range(6)
        )
        + "</article></body></html>"
    )
    meta = extract_page(page.encode()).metadata
    assert meta.title is not None and _controls(meta.title) == []
    assert meta.outlet is not None and _controls(meta.outlet) == []


def test_two_hundred_thousand_nested_elements_get_one_line_not_a_hang() -> None:
    page = ("<html><body>" + "<div>" * 200_000 + "نص" + "</div>" * 200_000 + "</body></html>").encode()
    with pytest.raises(ArticleError):
        extract_page(page)


def test_a_saved_page_opens_in_place_with_its_metadata_and_its_annotations_beside_it(tmp_path: Path) -> None:
    from reader.annotations.store import annotation_path

    page = tmp_path / "rail.html"
    page.write_bytes((PAGES / "arabic-utf8.html").read_bytes())
    article = load_article(page)
    assert article.metadata.outlet == "صحيفة الأفق"
    assert article.text == extract_page(page.read_bytes()).text
    assert annotation_path(page) == tmp_path / "rail.html.annotations.json"


def test_a_folder_lists_saved_pages_beside_text_articles(tmp_path: Path) -> None:
    (tmp_path / "a.htm").write_bytes(b"<p>x</p>")
    (tmp_path / "b.txt").write_text("خبر\n", encoding="utf-8")
    (tmp_path / "b.txt.annotations.json").write_text("{}", encoding="utf-8")
    assert [path.name for path in find_articles(tmp_path)] == ["a.htm", "b.txt"]


def test_a_page_with_no_story_opened_directly_is_one_line(tmp_path: Path) -> None:
    page = tmp_path / "home.html"
    page.write_bytes((PAGES / "no-article.html").read_bytes())
    with pytest.raises(ArticleError, match="no article in this page"):
        load_article(page)


def test_random_markup_and_random_bytes_give_clean_text_or_one_line() -> None:
    import random

    rng = random.Random(3)
    pieces = [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "&#27;",
        "&#x9b;",
        "&#0;",
        "&zwnj;",
        "قال المتحدث إن",
        "، ",
        ".",
        "<table>",
        "<td>",
        "<article>",
        "</article>",
        "<h1>",
        "\x00",
        "\x1b",
        "<meta charset=windows-1256>",
        "<title>",
        "</title>",
        "&",
        "&#xD800;",
        "&#99999999;",
    ]
    pages = [b"", b" ", b"<html>", b"\xff\xfe" + "<p>x</p>".encode("utf-16-le")]
    pages += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 400))).encode() for _ in range(120)]
    pages += [bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000))) for _ in range(40)]
    for page in pages:
        try:
            found = extract_page(page)
        except ArticleError as err:
            assert "\n" not in str(err)
            continue
        meta = found.metadata
        fields = "".join(value or "" for value in (meta.title, meta.outlet, meta.author, meta.date, meta.url))
        assert _controls(found.text) == [] and _controls(fields) == []


def test_a_binary_file_named_html_is_one_line_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    page = tmp_path / "photo.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(SystemExit) as done:
        main(["render", str(page)])
    assert done.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
