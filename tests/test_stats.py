"""``qari stats``: figures over a folder, sources grouped across articles by their Arabic-normalised name."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from rich.console import Console

from reader.annotations.store import annotation_path
from reader.corpus import annotated_articles, find_corpus
from reader.report import stats_tables
from reader.stats import CorpusStats, corpus_stats, source_key
from tests.test_export import annotate, assert_refused, run_main

A = (
    "قال وزير الخارجية إن المحادثات مستمرة.\n"
    "وكشفت مصادر مطلعة أن الوفد سيعود غداً.\n"
    "وأكد دبلوماسيون غربيون أن الاتفاق قريب.\n"
)
B = (
    "نقلت مصادرُ مُطّلعة أن الأسعار سترتفع.\n"  # the same source, with harakat and shadda
    "وقال الخبير أحمد إن التضخم سيتراجع.\n"
    "ولم يُذكر مصدر لهذا الرقم: ٣٠٪.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """a.txt: 3 claims (official; anonymous; anonymous + official); b.txt: 3 claims (anonymous; expert; none);
    c.txt: no annotations."""
    root = tmp_path / "news"
    root.mkdir()
    annotate(
        root / "a.txt",
        A,
        [
            {
                "quote": "المحادثات مستمرة",
                "sources": [("وزير الخارجية", "official", "")],
                "tags": ["سياسة"],
                "status": "supported",
            },
            {"quote": "الوفد سيعود غداً", "sources": [("مصادر مطلعة", "anonymous", "")], "tags": ["سياسة", "وفد"]},
            {
                "quote": "الاتفاق قريب",
                "sources": [("دبلوماسيون غربيون", "anonymous", ""), ("وزير الخارجية", "official", "")],
                "status": "disputed",
            },
        ],
    )
    annotate(
        root / "b.txt",
        B,
        [
            {"quote": "الأسعار سترتفع", "sources": [("مصادرُ مُطّلعة", "anonymous", "")], "tags": ["اقتصاد"]},
            {
                "quote": "التضخم سيتراجع",
                "sources": [("الخبير أحمد", "expert", "")],
                "tags": ["اقتصاد"],
                "status": "false",
            },
            {"quote": "٣٠٪", "tags": ["أرقام"], "status": "disputed"},
        ],
    )
    (root / "c.txt").write_text("لا شيء هنا.\n", encoding="utf-8")
    return root


def stats_of(root: Path) -> CorpusStats:
    articles = find_corpus([root])
    return corpus_stats(annotated_articles(articles), articles_seen=len(articles))


def test_figures_of_a_small_folder(folder: Path) -> None:
    stats = stats_of(folder)
    assert stats.claims == 6
    assert [(a.article, a.claims, a.anonymous) for a in stats.articles] == [
        ((folder / "a.txt").as_posix(), 3, 2),
        ((folder / "b.txt").as_posix(), 3, 1),
    ]
    assert stats.articles_without_annotations == 1
    assert stats.anonymous_claims == 3
    assert stats.anonymous_share == pytest.approx(0.5)
    assert stats.unsourced_claims == 1
    assert stats.by_source_type == {
        "official": 2,
        "expert": 1,
        "anonymous": 3,
        "media": 0,
        "document": 0,
        "social": 0,
        "other": 0,
    }
    assert stats.by_status == {"unverified": 2, "supported": 1, "disputed": 2, "false": 1, "opinion": 0}
    assert stats.by_tag == {"اقتصاد": 2, "سياسة": 2, "أرقام": 1, "وفد": 1}


def test_the_same_source_in_two_articles_counts_once(folder: Path) -> None:
    stats = stats_of(folder)
    assert source_key("مصادرُ مُطّلعة") == source_key("مصادر مطلعة")
    names = [s.name for s in stats.sources]
    assert len(names) == 4  # مصادر مطلعة, وزير الخارجية, دبلوماسيون غربيون, الخبير أحمد
    informed = next(s for s in stats.sources if source_key(s.name) == source_key("مصادر مطلعة"))
    assert (informed.claims, informed.articles, informed.type) == (2, 2, "anonymous")
    minister = next(s for s in stats.sources if s.name == "وزير الخارجية")
    assert (minister.claims, minister.articles) == (2, 1)  # two claims, one article
    assert [s.claims for s in stats.sources] == sorted((s.claims for s in stats.sources), reverse=True)
    assert stats.sources[0] is informed  # 2 claims in 2 articles beats 2 claims in 1


def test_json_parses_and_matches(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run_main(capsys, "stats", folder, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["claims"] == 6
    assert data["anonymous_share"] == 0.5
    assert data["by_status"]["disputed"] == 2
    assert data["sources"][0]["articles"] == 2
    assert data == json.loads(stats_of(folder).to_json())


def test_terminal_tables(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run_main(capsys, "stats", folder)
    assert (code, err) == (0, "")
    for expected in ("anonymous sources", "50%", "claims per article", "top sources", "disputed", "مصادر مطلعة"):
        assert expected in out
    console = Console(record=True, width=120)
    for table in stats_tables(stats_of(folder), top=1):
        console.print(table)
    shown = console.export_text()
    assert "مصادر مطلعة" in shown
    assert "الخبير أحمد" not in shown  # only the top source


def test_orphans_count_and_damaged_files_are_skipped(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    (folder / "a.txt").write_text("نص جديد لا يشبه القديم في شيء.\n", encoding="utf-8")
    annotation_path(folder / "b.txt").write_text("not json", encoding="utf-8")
    code, out, err = run_main(capsys, "stats", folder, "--json")
    assert code == 1
    assert err.count("\n") == 1 and "b.txt" in err and "skipped" in err
    data = json.loads(out)
    assert data["claims"] == 3
    assert data["articles"] == [{"article": (folder / "a.txt").as_posix(), "claims": 3, "anonymous": 2, "orphans": 3}]
    assert len(data["skipped"]) == 1


def test_a_folder_without_articles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert_refused(*run_main(capsys, "stats", tmp_path / "empty"))


def test_no_claims_gives_zero_share(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("نص.\n", encoding="utf-8")
    stats = stats_of(tmp_path)
    assert (stats.claims, stats.anonymous_share, stats.articles_without_annotations) == (0, 0.0, 1)


def test_tables_draw_names_through_the_visual_function(folder: Path) -> None:
    """The CLI passes the text engine's visual order for a terminal without bidi; tables use it for every
    name, tag and path."""
    console = Console(record=True, width=200)
    for table in stats_tables(stats_of(folder), visual=lambda text: f"<{text[::-1]}>"):
        console.print(table)
    shown = console.export_text()
    assert "<ةعلطم رداصم>" in shown  # a source
    assert "<ةسايس>" in shown  # a tag
    assert f"<{(folder / 'a.txt').as_posix()[::-1]}>" in shown  # an article
    assert "مصادر مطلعة" not in shown


def test_a_terminal_gets_shaped_names_a_pipe_gets_them_as_they_are(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shaped = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")  # Arabic presentation forms: the engine's output
    code, out, _ = run_main(capsys, "stats", folder)
    assert code == 0 and "مصادر مطلعة" in out and not shaped.search(out)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run_main(capsys, "stats", folder)
    assert code == 0
    assert "مصادر مطلعة" not in out
    assert "\ufe94\ufecc\ufee0\ufec4\ufee3 \ufead\ufea9\ufe8e\ufebc\ufee3" in out  # مصادر مطلعة, shaped, right to left
