"""``qari export``: CSV, JSONL and W3C output that equals the store, read without the lock, written atomically.

Covers DESIGN.md "Export" and issue 6: every CSV field read back with the csv
module equals what the store saved (Arabic, commas, quotes, newlines intact),
the formula guard, the byte-order mark, refusing to overwrite, bad input
(exit 2, one line), a damaged annotations file (that article skipped, exit 1),
W3C selectors that point at the quote, JSONL round trip, orphans kept, and an
export that runs while a reader holds the lock.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

import reader.cli as cli
import reader.export as export_module
from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.store import AnnotationStore, annotation_path, fallback_path, read_annotations
from reader.article import Article
from reader.corpus import Annotated, annotated_articles, find_corpus
from reader.export import CSV_COLUMNS, export_claims, guard_cell
from reader.export.csv_writer import _paragraph_numbers

ROOT = Path(__file__).resolve().parent.parent

IRAN = (
    "٢٢ يناير ٢٠٢٥\n"
    "الشرق الآن\n"
    "\n"
    "أكدت باربرا ليف، مساعدة وزير الخارجية، أن المفاوضات مستمرة رغم الصعوبات.\n"
    "وكشف دبلوماسيون غربيون أن إيران زادت مخزونها من اليورانيوم بنسبة ٦٠٪.\n"
    'وقال مسؤول رفيع إن «الوقت ينفد»، و"الحل" ممكن.\n'
    "-٣٠٪ هو التراجع المتوقع =رسمياً.\n"
)
FUEL = (
    "قرر البنك المركزي رفع أسعار الفائدة ٢٠٠ نقطة أساس.\n"
    "\n"
    "وقال الخبير الاقتصادي أحمد إن القرار «متأخر»، بحسب مصادر مطلعة.\n"
)


def span(text: str, quote: str) -> Anchor:
    start = text.index(quote)
    return Anchor.from_text(text, start, start + len(quote))


def annotate(path: Path, text: str, claims: list[dict[str, object]]) -> list[Claim]:
    """Write ``text`` to ``path`` and save ``claims`` through the store: dicts with quote, sources
    ((name, type, role) tuples), tags, note, status."""
    path.write_text(text, encoding="utf-8")
    saved: list[Claim] = []
    with AnnotationStore.open(path, text) as store:
        for spec in claims:
            ids = []
            for name, kind, role in spec.get("sources", ()):  # type: ignore[attr-defined]
                source = store.find_source(name) or Source(name, kind, role, "ملاحظة، مع فاصلة")
                if store.source(source.id) is None:
                    store.add_source(source)
                ids.append(source.id)
            claim = Claim(
                span(text, spec["quote"]),
                tuple(ids),
                tuple(spec.get("tags", ())),  # type: ignore[arg-type]
                str(spec.get("note", "")),
                str(spec.get("status", "unverified")),
                evidence=tuple(spec.get("evidence", ())),  # type: ignore[arg-type]
            )
            store.add_claim(claim)
            saved.append(claim)
    return saved


IRAN_CLAIMS: list[dict[str, object]] = [
    {
        "quote": "المفاوضات مستمرة رغم الصعوبات",
        "sources": [("باربرا ليف", "official", "مساعدة وزير الخارجية")],
        "tags": ["إيران", "مفاوضات, جولة"],
        "note": 'قال: "نعم"، ثم\nسطر ثانٍ, بفاصلة',
        "status": "supported",
    },
    {
        "quote": "إيران زادت مخزونها من اليورانيوم",
        "sources": [("دبلوماسيون غربيون", "anonymous", ""), ("باربرا ليف", "official", "مساعدة وزير الخارجية")],
        "tags": ["نووي"],
        "note": "",
        "status": "disputed",
    },
    {
        "quote": '«الوقت ينفد»، و"الحل" ممكن',
        "sources": [],
        "tags": [],
        "note": '=HYPERLINK("http://x")',
        "status": "opinion",
    },
    {
        "quote": "-٣٠٪ هو التراجع المتوقع =رسمياً",
        "sources": [("@مصدر", "social", "")],
        "tags": ["+أرقام"],
        "note": "\tمسافة",
        "status": "false",
    },
]
FUEL_CLAIMS: list[dict[str, object]] = [
    {
        "quote": "رفع أسعار الفائدة ٢٠٠ نقطة أساس",
        "sources": [("مصادر مطلعة", "anonymous", "")],
        "tags": ["اقتصاد"],
        "note": "",
        "status": "unverified",
    }
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """corpus/iran.txt (4 claims), corpus/economy/fuel.txt (1 claim), corpus/plain.txt (no annotations)."""
    folder = tmp_path / "corpus"
    (folder / "economy").mkdir(parents=True)
    annotate(folder / "iran.txt", IRAN, IRAN_CLAIMS)
    annotate(folder / "economy" / "fuel.txt", FUEL, FUEL_CLAIMS)
    (folder / "plain.txt").write_text("نص بلا تعليقات.\n", encoding="utf-8")
    return folder


def run_main(capsys: pytest.CaptureFixture[str], *argv: str | os.PathLike[str]) -> tuple[int, str, str]:
    try:
        code = cli.main([os.fspath(a) for a in argv])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, out: str, err: str) -> None:
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith("qari: ")
    assert "Traceback" not in err


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        assert tuple(header) == CSV_COLUMNS
        return [dict(zip(header, row, strict=True)) for row in reader]


def store_claims(path: Path, text: str) -> tuple[list[Claim], dict[str, Source]]:
    with AnnotationStore.open(path, text) as store:
        return store.claims(), {s.id: s for s in store.sources()}


# --------------------------------------------------------------------------
# CSV


def _meta_cells(text: str) -> dict[str, str | None]:
    meta = Article.from_text(text).metadata
    return {"title": meta.title, "outlet": meta.outlet, "author": meta.author, "published": meta.date, "url": meta.url}


def test_csv_fields_equal_the_store(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    code, stdout, err = run_main(capsys, "export", corpus, "-o", out)
    assert (code, stdout, err) == (0, "", "")
    rows = read_csv(out)
    expected = []
    for path, text in ((corpus / "economy" / "fuel.txt", FUEL), (corpus / "iran.txt", IRAN)):
        claims, sources = store_claims(path, text)
        for claim in claims:
            named = [sources[i] for i in claim.source_ids]
            expected.append(
                {
                    "article": path.as_posix(),
                    "claim_id": claim.id,
                    "quote": claim.anchor.exact,
                    "start": str(claim.anchor.start),
                    "end": str(claim.anchor.end),
                    "paragraph": str(text[: claim.anchor.start].count("\n") + 1),
                    "status": claim.status,
                    "sources": " | ".join(s.name for s in named),
                    "source_types": " | ".join(s.type for s in named),
                    "tags": " | ".join(claim.tags),
                    "note": claim.note,
                    "created": claim.created,
                    "updated": claim.updated,
                    "source_roles": " | ".join(s.role for s in named),
                    "evidence": " | ".join(claim.evidence),
                    **{f"article_{key}": value or "" for key, value in _meta_cells(text).items()},
                }
            )
    # Equal to the store, once the formula guard is taken into account (tested on its own below).
    assert rows == [{key: guard_cell(value) for key, value in row.items()} for row in expected]
    assert len(rows) == 5
    # The tricky cells, spelt out: Arabic, commas, quotes and newlines survive as they are.
    first = next(r for r in rows if r["status"] == "supported")
    assert first["note"] == 'قال: "نعم"، ثم\nسطر ثانٍ, بفاصلة'
    assert first["tags"] == "إيران | مفاوضات, جولة"
    assert first["sources"] == "باربرا ليف" and first["source_types"] == "official"
    assert first["paragraph"] == "4"
    two = next(r for r in rows if r["status"] == "disputed")
    assert two["sources"] == "دبلوماسيون غربيون | باربرا ليف"
    assert two["source_types"] == "anonymous | official"
    opinion = next(r for r in rows if r["status"] == "opinion")
    assert opinion["quote"] == '«الوقت ينفد»، و"الحل" ممكن' == IRAN[int(opinion["start"]) : int(opinion["end"])]


def test_csv_paragraph_is_one_based_counting_blank_lines(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = run_main(capsys, "export", corpus / "economy" / "fuel.txt")
    (row,) = list(csv.DictReader(io.StringIO(out, newline="")))
    assert code == 0
    assert row["paragraph"] == "1"
    path = corpus / "later.txt"
    annotate(path, FUEL, [{"quote": "القرار «متأخر»"}])  # third line: after a blank one
    code, out, _ = run_main(capsys, "export", path)
    (row,) = list(csv.DictReader(io.StringIO(out, newline="")))
    assert row["paragraph"] == "3"


def test_formula_guard(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    assert run_main(capsys, "export", corpus / "iran.txt", "-o", out)[0] == 0
    rows = {r["status"]: r for r in read_csv(out)}
    assert rows["opinion"]["note"] == '\'=HYPERLINK("http://x")'
    risky = rows["false"]
    assert risky["quote"] == "'-٣٠٪ هو التراجع المتوقع =رسمياً"  # guarded at the start, '=' inside left alone
    assert risky["sources"] == "'@مصدر"
    assert risky["tags"] == "'+أرقام"
    assert risky["note"] == "'\tمسافة"
    assert rows["supported"]["note"].startswith("قال")  # nothing added to safe cells
    assert [guard_cell(v) for v in ("=1", "+1", "-1", "@a", "\t1", "\r1", "1=", "'=", "")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\t1",
        "'\r1",
        "1=",
        "'=",
        "",
    ]


def test_bom_by_default_in_a_file_and_never_on_stdout(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    with_bom, without = tmp_path / "bom.csv", tmp_path / "plain.csv"
    assert run_main(capsys, "export", corpus, "-o", with_bom)[0] == 0
    assert run_main(capsys, "export", corpus, "-o", without, "--no-bom")[0] == 0
    assert with_bom.read_bytes().startswith(b"\xef\xbb\xbfarticle,claim_id,")
    assert without.read_bytes().startswith(b"article,claim_id,")
    assert with_bom.read_bytes()[3:] == without.read_bytes()
    code, out, _ = run_main(capsys, "export", corpus)
    assert code == 0 and out.startswith("article,claim_id,")
    assert run_main(capsys, "export", corpus, "-o", "-")[1] == out  # '-' is stdout
    assert not (Path.cwd() / "-").exists()
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli", "export", str(corpus)],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": ""},
    )
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.startswith(b"article,claim_id,")
    assert done.stdout.replace(b"\r\n", b"\n") == out.encode("utf-8").replace(b"\r\n", b"\n")
    jsonl = tmp_path / "claims.jsonl"
    assert run_main(capsys, "export", corpus, "-o", jsonl, "--format", "jsonl")[0] == 0
    assert jsonl.read_bytes().startswith(b"{")  # JSON never gets a BOM


def test_existing_output_is_refused_without_force(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "claims.csv"
    out.write_text("keep me", encoding="utf-8")
    code, stdout, err = run_main(capsys, "export", corpus, "-o", out)
    assert_refused(code, stdout, err)
    assert "--force" in err
    assert out.read_text(encoding="utf-8") == "keep me"
    code, stdout, err = run_main(capsys, "export", corpus, "-o", out, "--force")
    assert (code, err) == (0, "")
    assert len(read_csv(out)) == 5
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_force_never_replaces_an_article(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    before = (corpus / "iran.txt").read_bytes()
    code, out, err = run_main(capsys, "export", corpus, "-o", corpus / "iran.txt", "--force")
    assert_refused(code, out, err)
    assert (corpus / "iran.txt").read_bytes() == before
    link = corpus.parent / "link.csv"
    link.symlink_to(corpus / "economy" / "fuel.txt")
    fuel = (corpus / "economy" / "fuel.txt").read_bytes()
    code, out, err = run_main(capsys, "export", corpus, "-o", link, "--force")  # the same file, by a link
    assert_refused(code, out, err)
    assert (corpus / "economy" / "fuel.txt").read_bytes() == fuel


def test_a_failed_export_leaves_no_file(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = export_module.CSVWriter.write_article

    def write_then_fail(self: export_module.CSVWriter, item: Annotated) -> int:
        """The first article is written, the disk is full at the second."""
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        return real(self, item)

    monkeypatch.setattr(export_module.CSVWriter, "write_article", write_then_fail)
    out = tmp_path / "claims.csv"
    code, stdout, err = run_main(capsys, "export", corpus, "-o", out)
    assert_refused(code, stdout, err)
    assert "no space left" in err
    assert not out.exists()
    old = tmp_path / "old.csv"
    old.write_text("old export", encoding="utf-8")
    calls = 0
    code, _, _ = run_main(capsys, "export", corpus, "-o", old, "--force")
    assert code == 2
    assert old.read_text(encoding="utf-8") == "old export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


BAD = [
    pytest.param(["export", "{d}/missing"], "no such file", id="missing"),
    pytest.param(["export", "{d}/empty"], "no articles", id="empty-folder"),
    pytest.param(["export", "{d}/corpus", "--format", "xml"], "format", id="unknown-format"),
    pytest.param(["export", "{d}/corpus", "-o", "{d}/nowhere/out.csv"], "no such folder", id="no-output-folder"),
    pytest.param(["export", "{d}/corpus", "-o", "{d}/corpus"], "folder", id="output-is-a-folder"),
    pytest.param(["export", "{d}/photo.png"], "not an article", id="not-an-article"),
    pytest.param(["export"], "PATH", id="no-path"),
    pytest.param(["stats", "{d}/empty"], "no articles", id="stats-empty-folder"),
    pytest.param(["stats", "{d}/missing"], "no such file", id="stats-missing"),
]


@pytest.mark.parametrize(("argv", "mentions"), BAD)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, argv: list[str], mentions: str
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    before = sorted(p for p in tmp_path.rglob("*"))
    code, out, err = run_main(capsys, *(a.format(d=tmp_path) for a in argv))
    assert_refused(code, out, err)
    assert mentions.lower() in err.lower()
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli", "export", str(tmp_path / "empty")],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().startswith("qari: ") and done.stderr.count(b"\n") == 1


def test_a_damaged_annotations_file_skips_that_article_only(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    damaged = annotation_path(corpus / "iran.txt")
    damaged.write_bytes(b'{"meta": {"1": {"schema_version": 1')
    out = tmp_path / "claims.csv"
    code, _stdout, err = run_main(capsys, "export", corpus, "-o", out)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("qari: ") and "Traceback" not in err
    assert "iran.txt" in err and "skipped" in err
    rows = read_csv(out)
    assert [r["article"] for r in rows] == [(corpus / "economy" / "fuel.txt").as_posix()]
    assert damaged.read_bytes() == b'{"meta": {"1": {"schema_version": 1'


def test_a_newer_annotations_file_is_skipped_and_left_alone(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    path = annotation_path(corpus / "iran.txt")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run_main(capsys, "export", corpus, "--format", "jsonl")
    assert code == 1
    assert "newer qari" in err and err.count("\n") == 1
    assert [json.loads(line)["article"] for line in out.splitlines()] == [(corpus / "economy/fuel.txt").as_posix()]
    assert path.read_bytes() == before


def test_articles_without_annotations_give_no_rows(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run_main(capsys, "export", corpus / "plain.txt")
    assert (code, err) == (0, "")
    assert out.splitlines() == [",".join(CSV_COLUMNS)]
    code, out, _ = run_main(capsys, "export", corpus / "plain.txt", "--format", "w3c")
    assert json.loads(out) == []


def test_the_same_article_twice_is_exported_once(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = run_main(capsys, "export", corpus, corpus / "iran.txt", "--format", "jsonl")
    assert code == 0
    assert len(out.splitlines()) == 5


# --------------------------------------------------------------------------
# JSONL and W3C


def test_jsonl_round_trip(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run_main(capsys, "export", corpus / "iran.txt", "--format", "jsonl")
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    claims, sources = store_claims(corpus / "iran.txt", IRAN)
    assert len(lines) == len(claims) == 4
    for line, claim in zip(lines, claims):
        assert line["article"] == (corpus / "iran.txt").as_posix()
        assert line["claim_id"] == claim.id
        assert Anchor(**line["anchor"]) == claim.anchor
        assert IRAN[line["anchor"]["start"] : line["anchor"]["end"]] == line["anchor"]["exact"]
        assert [Source(**s) for s in line["sources"]] == [sources[i] for i in claim.source_ids]
        assert (tuple(line["tags"]), line["note"], line["status"], line["created"], line["updated"]) == (
            claim.tags,
            claim.note,
            claim.status,
            claim.created,
            claim.updated,
        )
        assert line["orphan"] is False
        assert line["paragraph"] == IRAN[: claim.anchor.start].count("\n") + 1
    assert "\\u" not in out  # Arabic as is


def _position(annotation: dict[str, object]) -> dict[str, int] | None:
    selectors = annotation["target"]["selector"]  # type: ignore[index]
    return next((s for s in selectors if s["type"] == "TextPositionSelector"), None)


def test_w3c_selectors_point_at_the_quote(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run_main(capsys, "export", corpus, "--format", "w3c")
    assert (code, err) == (0, "")
    annotations = json.loads(out)
    assert isinstance(annotations, list) and len(annotations) == 5
    assert len({a["id"] for a in annotations}) == 5
    for annotation in annotations:
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["type"] == "Annotation"
        target = annotation["target"]
        source = urlparse(target["source"])
        assert source.scheme == "file"
        text = Path(unquote(source.path)).read_text(encoding="utf-8")
        quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
        position = _position(annotation)
        assert position is not None
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
        purposes = [b["purpose"] for b in annotation["body"]]
        assert purposes[0] == "assessing"
        assert set(purposes) <= {"assessing", "tagging", "describing", "commenting"}
        assert annotation["created"].endswith("Z") and annotation["modified"].endswith("Z")
    supported = next(a for a in annotations if a["body"][0]["value"] == "supported")
    assert [b["value"] for b in supported["body"] if b["purpose"] == "tagging"] == ["إيران", "مفاوضات, جولة"]
    assert [b["value"] for b in supported["body"] if b["purpose"] == "commenting"] == [
        'قال: "نعم"، ثم\nسطر ثانٍ, بفاصلة'
    ]
    assert any("باربرا ليف" in b["value"] for b in supported["body"] if b["purpose"] == "describing")


# --------------------------------------------------------------------------
# Changed articles, orphans, the data folder, the lock


def test_claims_of_a_changed_article_are_placed_and_orphans_kept(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    path = corpus / "iran.txt"
    saved = annotation_path(path).read_bytes()
    # A new first line moves every claim; the opinion's sentence is rewritten beyond recognition.
    changed = "خبر عاجل\n" + IRAN.replace('وقال مسؤول رفيع إن «الوقت ينفد»، و"الحل" ممكن.', "سطر آخر تماماً.")
    path.write_text(changed, encoding="utf-8")
    code, out, err = run_main(capsys, "export", path, "--format", "jsonl")
    assert code == 1
    assert err.count("\n") == 1 and "1 claim could not be placed" in err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 4  # none dropped
    orphan = lines[-1]
    assert orphan["orphan"] is True and orphan["status"] == "opinion"
    assert orphan["anchor"]["start"] is None and orphan["paragraph"] is None
    assert orphan["anchor"]["exact"] == '«الوقت ينفد»، و"الحل" ممكن'
    for line in lines[:-1]:
        assert changed[line["anchor"]["start"] : line["anchor"]["end"]] == line["anchor"]["exact"]
    assert annotation_path(path).read_bytes() == saved  # placing happened in memory only
    code, out, _ = run_main(capsys, "export", path)
    row = list(csv.DictReader(io.StringIO(out, newline="")))[-1]
    assert (row["start"], row["end"], row["paragraph"], row["status"]) == ("", "", "", "opinion")
    code, out, _ = run_main(capsys, "export", path, "--format", "w3c")
    annotation = json.loads(out)[-1]
    assert _position(annotation) is None
    assert [s["type"] for s in annotation["target"]["selector"]] == ["TextQuoteSelector"]


def test_annotations_in_the_data_folder_are_found(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    path = corpus / "iran.txt"
    beside = annotation_path(path)
    moved = fallback_path(path)
    moved.parent.mkdir(parents=True, exist_ok=True)
    moved.write_bytes(beside.read_bytes())
    beside.unlink()
    code, out, _ = run_main(capsys, "export", path, "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 4


def test_export_while_a_reader_holds_the_lock(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    path = corpus / "iran.txt"
    with AnnotationStore.open(path, IRAN) as store:
        store.add_claim(Claim(span(IRAN, "الشرق الآن"), status="supported"))  # the store now holds the lock
        assert store._lock is not None and store._lock.is_locked
        before = sorted(p.name for p in corpus.iterdir())
        saved = annotation_path(path).read_bytes()
        out = tmp_path / "claims.csv"
        code, _, err = run_main(capsys, "export", corpus, "-o", out)
        assert (code, err) == (0, "")
        assert len(read_csv(out)) == 6  # the claim just saved is in
        assert sorted(p.name for p in corpus.iterdir()) == before
        assert annotation_path(path).read_bytes() == saved
        store.add_claim(Claim(span(IRAN, "٢٢ يناير ٢٠٢٥")))  # the reader saves on after the export
        assert not store.read_only
    claims, _ = store_claims(path, IRAN)
    assert len(claims) == 6


def test_read_annotations_takes_no_lock_and_writes_nothing(corpus: Path) -> None:
    path = corpus / "iran.txt"
    with AnnotationStore.open(path, IRAN) as store:
        store.add_claim(Claim(span(IRAN, "الشرق الآن")))
        before = {p.name: p.stat().st_mtime_ns for p in corpus.iterdir()}
        snapshot = read_annotations(path, IRAN)
        assert snapshot is not None
        assert [c.id for c in snapshot.claims] == [c.id for c in store.claims()]
        assert {p.name: p.stat().st_mtime_ns for p in corpus.iterdir()} == before
    assert read_annotations(corpus / "plain.txt", "نص بلا تعليقات.\n") is None


# --------------------------------------------------------------------------
# Streaming


def test_export_writes_each_article_before_reading_the_next(corpus: Path) -> None:
    """The export consumes articles one at a time: when the second is read, the first is written."""
    out = io.StringIO()
    seen: list[int] = []

    def articles() -> Iterator[Annotated]:
        for item in annotated_articles(find_corpus([corpus])):
            seen.append(out.getvalue().count("\n"))
            yield item  # type: ignore[misc]

    result = export_claims(articles(), out, "jsonl", warn=lambda line: None)
    assert seen == [0, 1]  # fuel (1 claim) was written before iran was read
    assert (result.articles, result.claims, result.warnings) == (2, 5, 0)


def test_export_and_stats_never_import_textual() -> None:
    code = (
        "import sys, reader.cli, reader.corpus, reader.export, reader.stats\n"
        "reader.cli.main(['stats', sys.argv[1], '--json'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "tests" / "data" / "library")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


@given(st.text(alphabet="ab\n", max_size=30), st.lists(st.integers(0, 30), max_size=12))
def test_paragraph_numbers_of_many_claims_are_paragraph_at(text: str, offsets: list[int]) -> None:
    article = Article.from_text(text)
    starts = sorted(offset for offset in offsets if offset <= len(article.text))
    paragraph_starts = [paragraph.start for paragraph in article.paragraphs]
    expected = [article.paragraph_at(start) + 1 for start in starts]
    assert list(_paragraph_numbers(starts, paragraph_starts)) == expected
