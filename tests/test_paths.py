"""Paths as users have them: symbolic links, spaces and Arabic letters in names, links that go nowhere or in circles.

An article reached through a link keeps its annotations beside the link (the
folder the user works in), not beside the file it points to, which may sit in
a read-only archive.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
from pathlib import Path

import pytest
from pilot_helpers import library_read

from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.store import AnnotationStore, annotation_path
from reader.article import find_articles, load_article
from reader.cli import main
from reader.corpus import find_corpus
from reader.library import read_info
from reader.ui.app import QariApp

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

TEXT = "تقرير الأسبوع\n\nوأكدت مصادر مطلعة أن الاجتماع تأجل إلى الخميس.\n"
ARABIC_NAME = "تقرير الأسبوع 3.txt"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """archive/ holds the article (name with spaces and Arabic); desk/ links to it, plus broken links."""
    archive, desk = tmp_path / "archive", tmp_path / "desk"
    archive.mkdir()
    desk.mkdir()
    (archive / ARABIC_NAME).write_text(TEXT, encoding="utf-8")
    (desk / "my copy.txt").symlink_to(archive / ARABIC_NAME)
    (desk / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (desk / "self.txt").symlink_to("self.txt")
    (desk / "round").symlink_to(desk)  # a folder that contains itself
    return tmp_path


def add_claim(path: Path) -> None:
    text = load_article(path).text
    with AnnotationStore.open(path, text) as store:
        source = Source("مصادر مطلعة", "anonymous")
        store.add_source(source)
        start = text.index("الاجتماع تأجل")
        store.add_claim(Claim(Anchor.from_text(text, start, start + len("الاجتماع تأجل")), (source.id,)))


def test_a_linked_article_keeps_its_annotations_beside_the_link(tree: Path) -> None:
    link = tree / "desk" / "my copy.txt"
    add_claim(link)
    assert annotation_path(link).exists()
    assert sorted(p.name for p in (tree / "archive").iterdir()) == [ARABIC_NAME]  # the archive is untouched


def test_folders_list_real_and_linked_articles_once_and_skip_broken_or_circular_links(tree: Path) -> None:
    assert find_articles(tree / "desk") == [tree / "desk" / "my copy.txt"]
    assert find_articles(tree / "desk", recursive=True) == [tree / "desk" / "my copy.txt"]
    # Export names the article once even when it is reached twice (the link and the file).
    assert len(find_corpus([tree / "desk", tree / "archive"])) == 1
    (tree / "shelf").symlink_to(tree / "archive")  # a linked folder, and a path through ".."
    assert len(find_corpus([tree / "shelf", tree / "desk" / ".." / "archive" / ARABIC_NAME, tree / "archive"])) == 1


def test_names_with_spaces_and_arabic_letters_go_through_every_command(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tree / "archive" / ARABIC_NAME
    add_claim(article)
    assert main(["render", str(article), "--width", "40"]) == 0
    assert "ﻉﻮﺒﺳﻷﺍ" in capsys.readouterr().out  # الأسبوع, shaped
    assert main(["export", str(tree / "archive")]) == 0
    out = capsys.readouterr().out
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["article"].endswith(ARABIC_NAME) and row["quote"] == "الاجتماع تأجل"
    assert read_info(article).title == "تقرير الأسبوع"


def test_a_link_in_a_circle_is_one_line_not_a_hang(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["render", str(tree / "desk" / "self.txt")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "symbolic links" in err


def test_the_library_of_a_folder_of_links_opens_and_reads_its_rows(tree: Path) -> None:
    desk = tree / "desk"

    async def body() -> None:
        app = QariApp(folder=desk, paths=find_articles(desk))
        async with app.run_test(size=(100, 20)) as pilot:
            library = await library_read(pilot)
            (info,) = library.infos
            assert info is not None and info.title == "تقرير الأسبوع" and info.problem == ""

    asyncio.run(body())
