"""The export's later fields: source roles, evidence and the article's metadata in CSV and JSONL; language,
direction, the web address with its cached copy, creator and generator in W3C (each annotation checked
against the model's MUST rules, ``w3c_model``)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_export import annotate, run_main
from w3c_model import check_annotation

import reader
from reader.export import CSV_COLUMNS

HEADED = (
    "---\n"
    "title: وزارة الصحة تطلق حملة تطعيم جديدة\n"
    "outlet: الصحيفة اليومية\n"
    "author: سلمى حداد\n"
    "published: 2025-01-08\n"
    "url: https://example.com/news/12345\n"
    "---\n"
    "أعلنت وزارة الصحة أن الحملة ستشمل مليون طفل.\n"
    "وقالت المتحدثة إن اللقاح آمن تماماً.\n"
)
NO_URL = "---\ntitle: عاجل: انفجار في المرفأ\noutlet: وكالة الأنباء\n---\nقال شهود إن الانفجار وقع ظهراً.\n"
EVIDENCE = ("https://who.int/ar/news/1", "بيان الوزارة، ٨ يناير")


@pytest.fixture
def headed(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    spokeswoman = ("سلمى حداد", "official", "المتحدثة باسم وزارة الصحة")
    annotate(
        folder / "campaign.txt",
        HEADED,
        [
            {"quote": "الحملة ستشمل مليون طفل", "sources": [spokeswoman], "status": "supported", "evidence": EVIDENCE},
            {"quote": "اللقاح آمن تماماً", "sources": [spokeswoman, ("خبير", "expert", "")], "tags": ["لقاحات"]},
        ],
    )
    annotate(folder / "port.txt", NO_URL, [{"quote": "الانفجار وقع ظهراً", "sources": [("شهود", "other", "")]}])
    return folder


def test_the_new_csv_columns_come_after_the_old_ones_in_the_designed_order() -> None:
    assert CSV_COLUMNS[:13] == (
        "article",
        "claim_id",
        "quote",
        "start",
        "end",
        "paragraph",
        "status",
        "sources",
        "source_types",
        "tags",
        "note",
        "created",
        "updated",
    )
    assert CSV_COLUMNS[13:] == (
        "source_roles",
        "evidence",
        "article_title",
        "article_outlet",
        "article_author",
        "article_published",
        "article_url",
    )


def test_a_csv_row_carries_roles_evidence_and_the_articles_arabic_metadata(
    capsys: pytest.CaptureFixture[str], headed: Path
) -> None:
    code, out, err = run_main(capsys, "export", headed)
    assert (code, err) == (0, "")
    reader_ = csv.reader(io.StringIO(out, newline=""))
    assert tuple(next(reader_)) == CSV_COLUMNS
    rows = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in reader_]
    supported, second, port = rows  # campaign.txt in reading order, then port.txt
    assert supported["source_roles"] == "المتحدثة باسم وزارة الصحة"
    assert supported["evidence"] == "https://who.int/ar/news/1 | بيان الوزارة، ٨ يناير"
    assert (
        supported["article_title"],
        supported["article_outlet"],
        supported["article_author"],
        supported["article_published"],
        supported["article_url"],
    ) == (
        "وزارة الصحة تطلق حملة تطعيم جديدة",
        "الصحيفة اليومية",
        "سلمى حداد",
        "2025-01-08",
        "https://example.com/news/12345",
    )
    assert second["source_roles"] == "المتحدثة باسم وزارة الصحة | " and second["evidence"] == ""
    assert second["article_url"] == "https://example.com/news/12345"
    assert port["article_title"] == "عاجل: انفجار في المرفأ" and port["article_outlet"] == "وكالة الأنباء"
    assert (port["article_author"], port["article_published"], port["article_url"]) == ("", "", "")


def test_a_metadata_cell_that_could_run_as_a_formula_is_guarded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    annotate(tmp_path / "f.txt", "---\ntitle: =1+1\n---\nقال الوزير كلاماً.\n", [{"quote": "قال الوزير"}])
    _, out, _ = run_main(capsys, "export", tmp_path / "f.txt")
    (row,) = list(csv.DictReader(io.StringIO(out, newline="")))
    assert row["article_title"] == "'=1+1"


def test_jsonl_carries_the_same_fields(capsys: pytest.CaptureFixture[str], headed: Path) -> None:
    code, out, err = run_main(capsys, "export", headed, "--format", "jsonl")
    assert (code, err) == (0, "")
    supported, second, port = (json.loads(line) for line in out.splitlines())
    assert supported["evidence"] == list(EVIDENCE) and second["evidence"] == []
    assert supported["source_roles"] == ["المتحدثة باسم وزارة الصحة"]
    assert second["source_roles"] == ["المتحدثة باسم وزارة الصحة", ""]
    assert supported["article_title"] == "وزارة الصحة تطلق حملة تطعيم جديدة"
    assert supported["article_author"] == "سلمى حداد" and supported["article_published"] == "2025-01-08"
    assert supported["article_url"] == "https://example.com/news/12345"
    assert port["article_url"] is None and port["article_author"] is None
    assert list(supported)[-7:] == [
        "source_roles",
        "evidence",
        *(f"article_{k}" for k in ["title", "outlet", "author", "published", "url"]),
    ]


def _w3c(capsys: pytest.CaptureFixture[str], *paths: Path) -> list[dict]:
    code, out, err = run_main(capsys, "export", *paths, "--format", "w3c")
    assert (code, err) == (0, "")
    annotations = json.loads(out)
    for annotation in annotations:
        check_annotation(annotation)
    return annotations


def test_w3c_bodies_say_their_language_direction_and_format(capsys: pytest.CaptureFixture[str], headed: Path) -> None:
    supported, second, _ = _w3c(capsys, headed)
    for body in supported["body"] + second["body"]:
        if body.get("type") == "TextualBody":
            assert body["format"] == "text/plain"
    status = next(b for b in supported["body"] if b["purpose"] == "assessing")
    assert (status["value"], status["language"], status["textDirection"]) == ("supported", "en", "ltr")
    tag = next(b for b in second["body"] if b["purpose"] == "tagging")
    assert (tag["value"], tag["language"], tag["textDirection"]) == ("لقاحات", "ar", "rtl")
    link = next(b for b in supported["body"] if b.get("purpose") == "linking")
    assert link == {"source": "https://who.int/ar/news/1", "purpose": "linking"}
    note = next(b for b in supported["body"] if "value" in b and b["value"].startswith("evidence: "))
    assert note["value"] == "evidence: بيان الوزارة، ٨ يناير" and note["textDirection"] == "rtl"


def test_w3c_target_is_the_web_address_with_the_local_file_as_its_cached_copy(
    capsys: pytest.CaptureFixture[str], headed: Path
) -> None:
    supported, _, port = _w3c(capsys, headed)
    target = supported["target"]
    assert target["source"] == "https://example.com/news/12345"
    assert target["language"] == "ar"
    assert target["state"] == {
        "type": "TimeState",
        "sourceDate": supported["created"],
        "cached": (headed / "campaign.txt").resolve().as_uri(),
    }
    assert port["target"]["source"] == (headed / "port.txt").resolve().as_uri()  # no URL: the file itself
    assert "state" not in port["target"] and port["target"]["language"] == "ar"


def test_w3c_creator_is_the_configured_annotator_and_generator_is_qari(
    capsys: pytest.CaptureFixture[str], headed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (supported, *_) = _w3c(capsys, headed)
    assert "creator" not in supported  # no annotator configured: no creator
    assert supported["generator"] == {"type": "Software", "name": f"qari {reader.__version__}"}
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text('annotator = "ليلى  منصور"\n', encoding="utf-8")
    monkeypatch.setenv("QARI_CONFIG_DIR", str(config))
    (supported, *_) = _w3c(capsys, headed)
    assert supported["creator"] == {"type": "Person", "name": "ليلى منصور"}


def test_an_orphan_and_a_claim_without_sources_still_meet_the_models_musts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    annotate(path, HEADED, [{"quote": "اللقاح آمن تماماً", "note": "=1"}, {"quote": "مليون طفل", "evidence": ["x"]}])
    path.write_text(HEADED.replace("اللقاح آمن تماماً", "كلام آخر"), encoding="utf-8")
    code, out, _ = run_main(capsys, "export", path, "--format", "w3c")
    assert code == 1  # the orphan is warned about
    annotations = json.loads(out)
    assert len(annotations) == 2
    for annotation in annotations:
        check_annotation(annotation)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda a: a["target"].update(state={"type": "TimeState", "cached": "file:///a.txt"}),  # no sourceDate
        lambda a: a["target"].update(state={"type": "TimeState", "sourceDate": "8 يناير", "cached": "x"}),
        lambda a: a["body"][0].update(textDirection="right-to-left"),
        lambda a: a["body"][0].update(language="Arabic"),
        lambda a: a["body"][0].update(format="plain"),
        lambda a: a["body"][0].update(id="urn:x", source="urn:y"),  # two kinds of resource at once
        lambda a: a.update(bodyValue="x"),
        lambda a: a.update(created="2025-01-08"),
        lambda a: a["body"][0].update(purpose="fact-checking"),
    ],
)
def test_the_must_checks_refuse_what_the_model_forbids(
    capsys: pytest.CaptureFixture[str], headed: Path, spoil: object
) -> None:
    (annotation, *_) = _w3c(capsys, headed)
    spoil(annotation)  # type: ignore[operator]
    with pytest.raises((AssertionError, ValueError)):
        check_annotation(annotation)
