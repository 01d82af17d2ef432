"""The library's rows: each article read only as far as its header, in a background process, rows on screen first."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

import pytest

import reader.library as library
from reader.article import load_article
from reader.library import HEAD_BYTES, ArticleInfo, InfoReader, head_article, read_info
from reader.text.search import fold

HEADER = "12 مارس 2025 09:15\nبوابة المرصد\n\nالوزارة تطلق حملة وطنية لتطعيم الأطفال\n\n"
BODY = "وأكدت سلمى حداد، المتحدثة باسم وزارة الصحة، أن الحملة ستبدأ في المدرسة رقم {}.\n\n"


def big_article(path: Path, encoding: str = "utf-8") -> Path:
    path.write_bytes((HEADER + "".join(BODY.format(i) for i in range(2000))).encode(encoding))
    assert path.stat().st_size > 2 * HEAD_BYTES
    return path


def test_a_big_article_is_read_only_as_far_as_its_header_and_guessed_alike(tmp_path: Path) -> None:
    path = big_article(tmp_path / "big.txt")
    head = head_article(path)
    assert len(head.text.encode("utf-8")) <= HEAD_BYTES
    assert head.text.endswith("\n")  # cut after a whole line, never inside a letter
    assert head.metadata == load_article(path).beginning().metadata
    assert head.metadata.title == "الوزارة تطلق حملة وطنية لتطعيم الأطفال"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256"])
def test_the_header_of_a_big_article_in_other_encodings_decodes(tmp_path: Path, encoding: str) -> None:
    path = big_article(tmp_path / f"big-{encoding}.txt", encoding)
    assert head_article(path).metadata.title == "الوزارة تطلق حملة وطنية لتطعيم الأطفال"


def test_a_file_that_is_no_article_gets_a_row_with_the_reason_not_an_exception(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    info = read_info(binary)
    assert info.title == "photo.txt" and "binary" in info.problem
    gone = read_info(tmp_path / "deleted-meanwhile.txt")
    assert gone.problem and gone.size is None


def test_a_row_is_found_by_title_outlet_or_file_name_arabic_normalised(tmp_path: Path) -> None:
    info = ArticleInfo(tmp_path / "report-7.txt", "الإقتصاد يتعافى", outlet="بوابة المرصد")
    assert info.matches(fold("الاقتصاد"))  # hamza forms alike
    assert info.matches(fold("المرصد")) and info.matches(fold("report-7"))
    assert not info.matches(fold("حملة"))


def articles(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        path = folder / f"a{index:03d}.txt"
        path.write_text(f"عنوان الخبر رقم {index}\n\nنص الخبر.\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_reader(reader: InfoReader, known: dict[int, ArticleInfo]) -> list[list[int]]:
    chunks: list[list[int]] = []

    def deliver(chunk: list[tuple[int, ArticleInfo]]) -> None:
        chunks.append([index for index, _ in chunk])
        known.update(chunk)

    reader.run(lambda index: index in known, deliver, lambda: False)
    return chunks


def test_rows_on_screen_are_read_first_and_every_row_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library.InfoReader, "CHUNK", 10)
    paths = articles(tmp_path, 60)
    reader = InfoReader(paths)
    reader.wanted.extend([55, 56, 57])  # the user scrolled to the end before reading began
    known: dict[int, ArticleInfo] = {3: ArticleInfo(paths[3], "known already")}
    chunks = run_reader(reader, known)
    assert chunks[0][:3] == [55, 56, 57]
    read = [index for chunk in chunks for index in chunk]
    assert sorted(read) == [i for i in range(60) if i != 3]  # each once; the known one not again
    assert known[10].title == "عنوان الخبر رقم 10"


def test_reading_goes_on_in_this_process_when_no_process_can_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(library, "ProcessPoolExecutor", refuse)
    monkeypatch.setattr(library.InfoReader, "PROCESS_FROM", 1)
    paths = articles(tmp_path, 5)
    known: dict[int, ArticleInfo] = {}
    run_reader(InfoReader(paths), known)
    assert [known[i].title for i in range(5)] == [f"عنوان الخبر رقم {i}" for i in range(5)]


def test_a_reading_process_that_dies_is_replaced_by_reading_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def submit(self, *args: object) -> concurrent.futures.Future[list[ArticleInfo]]:
            future: concurrent.futures.Future[list[ArticleInfo]] = concurrent.futures.Future()
            future.set_exception(concurrent.futures.process.BrokenProcessPool("killed"))
            return future

        def shutdown(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(library, "ProcessPoolExecutor", Broken)
    monkeypatch.setattr(library.InfoReader, "PROCESS_FROM", 1)
    paths = articles(tmp_path, 5)
    known: dict[int, ArticleInfo] = {}
    run_reader(InfoReader(paths), known)
    assert len(known) == 5


def test_the_real_reading_process_returns_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library.InfoReader, "PROCESS_FROM", 1)
    paths = articles(tmp_path, 7)
    known: dict[int, ArticleInfo] = {}
    run_reader(InfoReader(paths), known)
    assert [known[i] for i in range(7)] == [read_info(path) for path in paths]


def test_a_small_folder_is_read_without_starting_a_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process was started for five articles")

    monkeypatch.setattr(library, "ProcessPoolExecutor", no)
    known: dict[int, ArticleInfo] = {}
    run_reader(InfoReader(articles(tmp_path, 5)), known)
    assert len(known) == 5


def test_cancelling_stops_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library.InfoReader, "CHUNK", 4)
    paths = articles(tmp_path, 40)
    delivered: list[int] = []

    def deliver(chunk: list[tuple[int, ArticleInfo]]) -> None:
        delivered.extend(index for index, _ in chunk)

    InfoReader(paths).run(lambda index: False, deliver, lambda: len(delivered) >= 8)
    assert len(delivered) == 8


def test_o_orders_the_library_by_title_date_claims_and_size_and_back(tmp_path: Path) -> None:
    import asyncio

    from pilot_helpers import library_read

    from reader.annotations.model import Anchor, Claim
    from reader.annotations.store import AnnotationStore
    from reader.article import find_articles
    from reader.ui.app import QariApp

    texts = {
        "a.txt": "---\npublished: 2025-01-08T09:00:00+03:00\n---\nياسمين\n\nخبر قصير.\n",
        "b.txt": "باب\n\n" + "خبر أطول بكثير. " * 50 + "\n",  # no date: after the dated ones
        "c.txt": "---\npublished: 2025-01-08\n---\nتفاح\n\nخبر فيه ادعاءات.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    text = texts["c.txt"].split("---\n", 2)[2]  # the article's text starts after its header
    with AnnotationStore.open(tmp_path / "c.txt", text) as store:
        start = text.index("خبر")
        store.add_claim(Claim(Anchor.from_text(text, start, start + 3)))

    async def body() -> None:
        app = QariApp(folder=tmp_path, paths=find_articles(tmp_path))
        async with app.run_test(size=(100, 20)) as pilot:
            library = await library_read(pilot)

            def order() -> list[str]:
                return [path.name for path in library.shown_paths]

            assert order() == ["a.txt", "b.txt", "c.txt"]
            await pilot.press("o")
            assert library.sort == "title" and order() == ["b.txt", "c.txt", "a.txt"]  # باب، تفاح، ياسمين
            await pilot.press("o")
            assert library.sort == "date" and order() == ["a.txt", "c.txt", "b.txt"]  # 06:00 UTC, then midnight
            await pilot.press("o")
            assert library.sort == "claims" and order()[0] == "c.txt"
            await pilot.press("o")
            assert library.sort == "size" and order()[0] == "b.txt"
            await pilot.press("o")
            assert library.sort == "file" and order() == ["a.txt", "b.txt", "c.txt"]

    asyncio.run(body())
