"""Article loading: encodings, binary refusal, newlines, paragraphs, files and scraped structure."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from reader.article import (
    Article,
    ArticleError,
    Metadata,
    Paragraph,
    decode,
    find_articles,
    is_article_file,
    load_article,
)

# A small article with harakat, an Arabic comma and question mark, Latin
# digits and guillemets: everything an encoding round trip could damage.
ARABIC = (
    "قالت وزارة الخارجية إن الاجتماع سيُعقَد غدًا في القاهرة، بحضور 12 وفدًا.\nوأضاف المتحدث: «لا تعليق على التسريبات»؟\n"
)

# Scraped-page shape: date line, outlet twice, title, body, the title again,
# a related-news block with a duplicated headline, more body, the title again.
LONG_1 = (
    "قال مسؤول مصري رفيع إن جولة المحادثات التي استضافتها القاهرة أمس لم تحقق التقدم المأمول، "
    "وإن الوسطاء يعملون على صيغة جديدة تقرب المواقف قبل نهاية الأسبوع."
)
LONG_2 = (
    "وأضاف المصدر، الذي طلب عدم الكشف عن هويته، أن الوفود ستعود إلى العاصمة المصرية خلال أيام، "
    "مشيرًا إلى أن الخلاف ما زال يدور حول جدول الانسحاب وآلية المراقبة."
)
TITLE = "محادثات القاهرة تتعثر.. الوسطاء يبحثون صيغة جديدة للهدنة"
RELATED_HEADLINE = "ارتفاع أسعار القمح في الأسواق العالمية بعد موجة الجفاف"
SCRAPED = "\n".join(
    [
        "الثلاثاء 14 مايو 2024 - 09:30",  # 0
        "وكالة الشرق نيوز",  # 1
        "وكالة الشرق نيوز",  # 2
        "",  # 3
        TITLE,  # 4
        "",  # 5
        LONG_1,  # 6
        "",  # 7
        TITLE,  # 8
        "",  # 9
        "اقرأ أيضًا",  # 10
        "",  # 11
        RELATED_HEADLINE,  # 12
        "",  # 13
        RELATED_HEADLINE,  # 14
        "",  # 15
        LONG_2,  # 16
        "",  # 17
        TITLE,  # 18
        "",  # 19: the final newline ends line 18
    ]
)


def assert_one_line(error: ArticleError) -> str:
    """Every user-facing error is one line starting with "qari: "; returns it."""
    message = str(error)
    assert message.startswith("qari: ")
    assert "\n" not in message and "\r" not in message
    assert "\x1b" not in message
    return message


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- encodings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + ARABIC.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + ARABIC.encode("utf-16-be"), "utf-16-be"),
        (ARABIC.encode("utf-16-le"), "utf-16-le"),
        (ARABIC.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + ARABIC.encode("utf-32-le"), "utf-32-le"),
        (ARABIC.encode("cp1256"), "windows-1256"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-32", "cp1256"],
)
def test_every_supported_encoding_decodes_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    assert decode(data) == (ARABIC, encoding)
    article = load_article(write(tmp_path / "khabar.txt", data))
    assert article.text == ARABIC
    assert article.encoding == encoding
    assert article.name == "khabar.txt"
    assert article.path == tmp_path / "khabar.txt"


def test_utf16_without_bom_is_found_even_without_spaces() -> None:
    # Pure-Arabic UTF-16 has no NUL byte at all and is valid ASCII byte by byte.
    assert decode("سلامعليكم".encode("utf-16-le")) == ("سلامعليكم", "utf-16-le")


def test_latin1_french_is_rejected_not_shown_as_arabic_mojibake(tmp_path: Path) -> None:
    data = "Le président a déclaré qu'il était très préoccupé par la sécurité.\n".encode("latin-1")
    path = write(tmp_path / "france.txt", data)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    message = assert_one_line(caught.value)
    assert message == f"qari: {path}: cannot decode: not UTF-8, UTF-16 or Windows-1256 Arabic text"


def test_invalid_bytes_after_a_utf16_bom_cannot_be_decoded() -> None:
    with pytest.raises(ArticleError) as caught:
        decode(b"\xff\xfe\x00\xd8a\x00", name="broken.txt")  # a lone surrogate
    message = assert_one_line(caught.value)
    assert message.startswith("qari: broken.txt: cannot decode")


def test_decode_errors_name_stdin_by_default() -> None:
    with pytest.raises(ArticleError) as caught:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert assert_one_line(caught.value) == "qari: <stdin>: not a text article (binary data)"


def test_text_is_not_normalised_and_harakat_are_kept(tmp_path: Path) -> None:
    # Decomposed alef + madda (NFC would compose it), harakat, a lam-alef
    # presentation form, a combining acute: all must survive byte for byte.
    text = "ا\u0653منة مُحَمَّد ﻻ cafe\u0301 \u200cبه\n"
    article = load_article(write(tmp_path / "marks.txt", text.encode()))
    assert article.text == text


def test_empty_and_whitespace_only_files_load_as_empty_articles(tmp_path: Path) -> None:
    empty = load_article(write(tmp_path / "empty.txt", b""))
    assert empty.text == ""
    assert empty.paragraphs == [Paragraph(0, 0, 0)]
    assert empty.metadata == Metadata(title=None, date=None, outlet=None)
    assert empty.repeated == frozenset() and empty.related == frozenset()

    blank = load_article(write(tmp_path / "blank.txt", b"  \r\n\n\t \n" + b"\n" * 50))
    assert blank.text == "  \n\n\t \n" + "\n" * 50
    assert blank.metadata == Metadata(title=None, date=None, outlet=None)
    assert load_article(write(tmp_path / "spaces.txt", b" " * 100)).text == " " * 100


# -- binary data ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"\x7fELF\x02\x01\x01\x00",
        random.Random(7).randbytes(4096),
        b"\x00" * 100,
        ("نص " * 100).encode() + b"\x00" * 40,
    ],
    ids=["png", "zip", "elf", "random", "nuls", "text-then-nuls"],
)
def test_binary_data_is_refused_with_one_line(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "x.png", data)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert assert_one_line(caught.value) == f"qari: {path}: not a text article (binary data)"


def test_text_with_a_few_nul_bytes_and_escape_sequences_still_loads(tmp_path: Path) -> None:
    text = "بيان رسمي " * 20 + "\x1b[31mعاجل\x1b[0m \x1b]52;c;aGk=\x07 نهاية\x00 البيان\n"
    article = load_article(write(tmp_path / "controls.txt", text.encode()))
    assert article.text == text  # the text engine, not the loader, makes them visible
    assert article.encoding == "utf-8"


# -- newlines and paragraphs ---------------------------------------------------


def test_crlf_and_cr_become_lf_and_offsets_follow(tmp_path: Path) -> None:
    article = load_article(write(tmp_path / "dos.txt", "أول\r\nثان\rثالث\r\n".encode()))
    assert article.text == "أول\nثان\nثالث\n"
    assert list(article.paragraphs) == [
        Paragraph(0, 0, 3),
        Paragraph(1, 4, 7),
        Paragraph(2, 8, 12),
        Paragraph(3, 13, 13),
    ]
    assert [article.paragraph_text(i) for i in range(4)] == ["أول", "ثان", "ثالث", ""]


def test_from_text_strips_the_bom_and_fixes_newlines_only() -> None:
    article = Article.from_text("\ufeffسطر\r\n\r\nآخر\ufeff")
    assert article.text == "سطر\n\nآخر\ufeff"
    assert article.name == "<text>"
    assert article.path is None
    assert Article.from_text("x", name="<stdin>").name == "<stdin>"


def test_blank_lines_and_a_final_newline_are_paragraphs_too() -> None:
    article = Article.from_text("ab\n\ncd\n")
    assert article.paragraphs == [Paragraph(0, 0, 2), Paragraph(1, 3, 3), Paragraph(2, 4, 6), Paragraph(3, 7, 7)]
    assert len(article.paragraphs) == 4
    assert article.paragraphs[-1] == Paragraph(3, 7, 7)
    assert article.paragraphs[1:3] == [Paragraph(1, 3, 3), Paragraph(2, 4, 6)]
    with pytest.raises(IndexError):
        article.paragraphs[4]


def test_paragraph_at_gives_the_newline_to_the_paragraph_before_it() -> None:
    article = Article.from_text("ab\n\ncd")
    expected = {0: 0, 1: 0, 2: 0, 3: 1, 4: 2, 5: 2, 6: 2}  # 2 and 3 are the newlines
    assert {offset: article.paragraph_at(offset) for offset in expected} == expected
    for outside in (-1, 7):
        with pytest.raises(IndexError):
            article.paragraph_at(outside)
    assert Article.from_text("").paragraph_at(0) == 0
    assert Article.from_text("x\n").paragraph_at(2) == 1


def test_a_5_mb_article_gets_every_paragraph_right() -> None:
    block = "\n".join([TITLE, "", LONG_1, "", LONG_2, "", "٢٠٢٥", "\u200f"]) + "\n"
    text = block * (5_000_000 // len(block.encode()) + 1)
    assert len(text.encode()) > 5_000_000
    article = Article.from_text(text)
    lines = text.split("\n")
    paragraphs = article.paragraphs
    assert len(paragraphs) == len(lines)
    assert [text[p.start : p.end] for p in paragraphs] == lines
    assert [p.index for p in paragraphs] == list(range(len(lines)))
    rng = random.Random(5)
    for offset in [0, len(text), len(text) - 1, *(rng.randrange(len(text)) for _ in range(200))]:
        index = article.paragraph_at(offset)
        paragraph = paragraphs[index]
        assert paragraph.start <= offset <= paragraph.end


# -- files and folders ---------------------------------------------------------


def test_a_missing_file_says_no_such_file(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert assert_one_line(caught.value) == f"qari: no such file: {path}"


def test_a_folder_passed_as_an_article_says_it_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        load_article(tmp_path)
    assert assert_one_line(caught.value) == f"qari: {tmp_path}: is a folder"


def test_an_unreadable_file_says_permission_denied(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read a chmod 000 file")
    path = write(tmp_path / "secret.txt", ARABIC.encode())
    path.chmod(0)
    try:
        with pytest.raises(ArticleError) as caught:
            load_article(path)
    finally:
        path.chmod(0o644)
    assert assert_one_line(caught.value) == f"qari: {path}: permission denied"


def test_a_permission_error_while_reading_becomes_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Same as above but also runs as root: the OS error is simulated.
    path = write(tmp_path / "secret.txt", ARABIC.encode())

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert assert_one_line(caught.value) == f"qari: {path}: permission denied"


def test_control_characters_in_a_file_name_do_not_reach_the_message(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        load_article(tmp_path / "bad\nname\x1b]0;pwned\x07.txt")
    assert "bad\\x0aname\\x1b]0;pwned\\x07.txt" in assert_one_line(caught.value)


def _populate(folder: Path) -> None:
    for name in [
        "iran.txt",
        "gaza.md",
        "NOTES.TXT",
        "بيان الخارجية",  # no extension
        "قطع ذيل إيران.. آلاف المقاتلين",  # dots, still no extension
        "iran.txt.annotations.json",
        "iran.txt.claims.csv",
        "iran.txt.lock",
        "iran.lock",
        ".hidden.txt",
        ".iran.txt.annotations.json.tmp",
        "~draft.txt",
        "draft.txt~",
        "save.tmp",
        "photo.png",
        "data.json",
    ]:
        (folder / name).write_text("نص\n", encoding="utf-8")
    (folder / "folder.txt").mkdir()  # a folder is never an article
    (folder / "link.txt").symlink_to(folder / "iran.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "lebanon.txt").write_text("نص\n", encoding="utf-8")
    (folder / "sub" / "lebanon.txt.annotations.json").write_text("{}", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref\n", encoding="utf-8")


def test_find_articles_lists_only_article_files_sorted(tmp_path: Path) -> None:
    _populate(tmp_path)
    expected = sorted(
        tmp_path / name
        for name in ["iran.txt", "gaza.md", "NOTES.TXT", "بيان الخارجية", "قطع ذيل إيران.. آلاف المقاتلين", "link.txt"]
    )
    assert find_articles(tmp_path) == expected
    assert find_articles(str(tmp_path), recursive=True) == sorted([*expected, tmp_path / "sub" / "lebanon.txt"])


def test_is_article_file_follows_the_same_rules(tmp_path: Path) -> None:
    _populate(tmp_path)
    assert is_article_file(tmp_path / "iran.txt")
    assert is_article_file(tmp_path / "link.txt")
    assert is_article_file(tmp_path / "بيان الخارجية")
    for name in [
        "iran.txt.annotations.json",
        "iran.txt.claims.csv",
        "iran.txt.lock",
        ".hidden.txt",
        "~draft.txt",
        "draft.txt~",
        "save.tmp",
        "photo.png",
        "folder.txt",
        "dangling.txt",
        "absent.txt",
    ]:
        assert not is_article_file(tmp_path / name), name


def test_a_folder_without_articles_says_what_was_looked_for(tmp_path: Path) -> None:
    (tmp_path / "iran.txt.annotations.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".notes.txt").write_text("x", encoding="utf-8")
    for recursive in (False, True):
        with pytest.raises(ArticleError) as caught:
            find_articles(tmp_path, recursive=recursive)
        assert assert_one_line(caught.value) == (
            f"qari: {tmp_path}/: no articles here (looked for .txt, .md, .html and files without an extension)"
        )


def test_find_articles_on_a_missing_folder_or_a_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        find_articles(tmp_path / "nowhere")
    assert assert_one_line(caught.value) == f"qari: no such folder: {tmp_path / 'nowhere'}"
    path = write(tmp_path / "iran.txt", b"x")
    with pytest.raises(ArticleError) as caught:
        find_articles(path)
    assert assert_one_line(caught.value) == f"qari: {path}: not a folder"


# -- scraped structure ---------------------------------------------------------


def test_metadata_of_a_scraped_article() -> None:
    assert Article.from_text(SCRAPED).metadata == Metadata(
        title=TITLE, date="الثلاثاء 14 مايو 2024 - 09:30", outlet="وكالة الشرق نيوز"
    )


def test_repeated_marks_later_copies_of_a_line_only() -> None:
    # The outlet's second line, the title's copies, the duplicated related headline.
    assert Article.from_text(SCRAPED).repeated == frozenset({2, 8, 14, 18})
    assert Article.from_text("أ\n  أ \n\n\nب\nأ").repeated == frozenset({1, 5})


def test_related_block_is_the_heading_and_its_short_headlines() -> None:
    assert Article.from_text(SCRAPED).related == frozenset({10, 12, 14})


@pytest.mark.parametrize(
    "heading",
    [
        "أخبار تهمك",
        "اقرأ أيضا:",
        "اقرأ أيضاً",
        "إقرأ أيضًا",
        "## أخبار ذات صلة",
        "مواضيع ذات صلة",
        "شاهد أيضا",
        "Read also",
        "RELATED",
        "مطالب مرتبط",
        "بیشتر بخوانید",
        "כתבות נוספות",
        "עוד בנושא:",
    ],
)
def test_related_headings_in_each_language_start_a_block(heading: str) -> None:
    text = "\n".join([LONG_1, "", heading, "عنوان أول قصير", "عنوان ثان قصير؟", "", LONG_2])
    assert Article.from_text(text).related == frozenset({2, 3, 4})


def test_a_related_block_stops_at_a_sentence_and_other_lines_are_not_headings() -> None:
    text = "\n".join(["Related", "A short headline", "It ended here.", "Another short line"])
    assert Article.from_text(text).related == frozenset({0, 1})
    inline = "\n".join([LONG_1, "اقرأ أيضا: الوسطاء يعودون إلى القاهرة", "سطر قصير بعده", LONG_2])
    assert Article.from_text(inline).related == frozenset({1})
    plain = "\n".join(["Related to the talks, officials said nothing", "اقرأ أيضا ما كتبه المحرر عن الاجتماع"])
    assert Article.from_text(plain).related == frozenset()


def test_title_prefers_a_top_line_that_the_article_repeats() -> None:
    text = "\n".join(["عاجل", TITLE, LONG_1, TITLE, LONG_2])
    assert Article.from_text(text).metadata == Metadata(title=TITLE, date=None, outlet=None)
    assert Article.from_text("\n".join([TITLE, LONG_1])).metadata.title == TITLE
    assert Article.from_text(LONG_1 * 3).metadata.title is None  # no title, only a long paragraph


@pytest.mark.parametrize(
    "date",
    [
        "٨ يناير ٢٠٢٥",
        "2025-01-08T13:44:00Z",
        "8/1/2025",
        "13:44",
        "12 كانون الثاني 2025",
        "۱۸ دی ۱۴۰۳",
        "8 בינואר 2025",
        "Jan 8, 2025",
    ],
)
def test_date_lines_in_many_forms(date: str) -> None:
    text = "\n".join([date, TITLE, LONG_1, TITLE])
    assert Article.from_text(text).metadata == Metadata(title=TITLE, date=date, outlet=None)


def test_a_long_paragraph_with_a_month_is_not_the_date() -> None:
    sentence = "تلقت إيران ضربة موجعة بعد أن شهدت الأيام الأخيرة من ديسمبر 2024 انسحابًا كبيرًا لقواتها."
    assert Article.from_text("\n".join([TITLE, sentence])).metadata.date is None


def test_outlet_by_name_words_and_a_doubled_short_title_is_not_an_outlet() -> None:
    by_word = "\n".join(["جريدة الأهرام", TITLE, LONG_1])
    assert Article.from_text(by_word).metadata == Metadata(title=TITLE, date=None, outlet="جريدة الأهرام")
    doubled = "\n".join(["الهدنة تنهار", "الهدنة تنهار", LONG_1, "الهدنة تنهار"])
    assert Article.from_text(doubled).metadata == Metadata(title="الهدنة تنهار", date=None, outlet=None)
    footer = "\n".join(["صحيفة المدى", "صحيفة المدى", TITLE, LONG_1, TITLE, "صحيفة المدى"])
    assert Article.from_text(footer).metadata == Metadata(title=TITLE, date=None, outlet="صحيفة المدى")
