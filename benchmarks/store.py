"""Save latency of the annotation store, side by side with TinyDB's stock ``JSONStorage``.

The goal (issue 5): adding one claim to a store that already holds 1,000
claims takes ≤ 15 ms (median), and never more than 2× what TinyDB's stock
JSONStorage takes for the same insert of the same document. Both sides write
to the same folder and fsync (stock: the file; ours: the temp file and the
folder too), so the comparison is on equal terms; each measured insert is
undone (untimed) so the count stays put.

Run ``python -m benchmarks.store`` for a table; ``make bench`` adds the rows
of ``save_latency()``.
"""

from __future__ import annotations

import gc
import json
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import JSONStorage

import reader
from reader.annotations import schema
from reader.annotations.model import SOURCE_TYPES, STATUSES, Anchor, Claim, Source
from reader.annotations.paths import annotation_path, article_sha256
from reader.annotations.store import AnnotationStore
from reader.files import atomic_write

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = (
    "health-vaccination-campaign.txt",
    "fuel-prices-central-bank.txt",
    "ceasefire-talks.txt",
    "mixed-scripts-trade-report.txt",
)
COUNTS = (10, 100, 1000, 5000)


def _article(size: int = 120_000, seed: int = 3) -> str:
    """News-like Arabic text from the words of the bundled samples."""
    words: list[str] = []
    for name in SAMPLES:
        words.extend(re.findall(r"\S+", (ROOT / "sample_articles" / name).read_text(encoding="utf-8")))
    rng = random.Random(seed)
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(25, 90)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 1
    return "\n".join(paragraphs) + "\n"


def _sources(rng: random.Random) -> list[Source]:
    names = (
        "دبلوماسيون غربيون",
        "مصادر مطلعة",
        "وزير الخارجية",
        "الخبير الاقتصادي أحمد",
        "وكالة الأنباء",
        "مسؤول أمريكي رفيع",
        "Mick Mulroy",
        "بيان الوزارة",
    )
    return [Source(name, rng.choice(SOURCE_TYPES), "مسؤول سابق" if i % 2 else "", "") for i, name in enumerate(names)]


def _claim(text: str, rng: random.Random, sources: list[Source]) -> Claim:
    """A claim like an annotator's: a sentence-long quote, a source or two, tags, sometimes a note."""
    length = rng.randint(60, 220)
    start = rng.randrange(0, len(text) - length)
    return Claim(
        Anchor.from_text(text, start, start + length),
        source_ids=tuple(s.id for s in rng.sample(sources, rng.randint(1, 2))),
        tags=tuple(rng.sample(("إيران", "نووي", "اقتصاد", "هدنة", "أرقام", "صحة"), rng.randint(1, 3))),
        note=rng.choice(("", "", "يحتاج إلى مصدر ثانٍ", "الرقم يخالف بيانات البنك الدولي لعام 2024")),
        status=rng.choice(STATUSES),
        evidence=rng.choice(((), (), ("https://example.com/report/2024",), ("https://example.com/a", "بيان الوزارة"))),
    )


def _database(article: Path, text: str, sources: list[Source], claims: list[Claim]) -> dict:
    meta = {
        "schema_version": schema.SCHEMA_VERSION,
        "article": article.name,
        "sha256": article_sha256(text),
        "app_version": reader.__version__,
    }
    return {
        "meta": {"1": meta},
        "sources": {str(i): schema.source_to_doc(s) for i, s in enumerate(sources, 1)},
        "claims": {str(i): schema.claim_to_doc(c) for i, c in enumerate(claims, 1)},
    }


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _measure(count: int, runs: int, folder: Path, text: str) -> tuple[float, float, float, float]:
    """Median ms of one insert at ``count`` claims: ours, stock, the bare atomic write of the same bytes; and
    ours for the first save after opening (which serialises every document once)."""
    rng = random.Random(count)
    sources = _sources(rng)
    claims = [_claim(text, rng, sources) for _ in range(count)]
    article = folder / f"article-{count}.txt"
    article.write_text(text, encoding="utf-8")
    data = _database(article, text, sources, claims)
    annotation_path(article).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    stock_path = folder / f"stock-{count}.json"
    stock_path.write_text(json.dumps(data), encoding="utf-8")

    ours = AnnotationStore.open(article, text)
    stock = TinyDB(stock_path, storage=JSONStorage)
    stock_claims = stock.table("claims")
    extra = [_claim(text, rng, sources) for _ in range(runs + 1)]
    try:
        first = _timed(lambda: ours.add_claim(extra[0]))  # serialises every document once
        ours.delete_claim(extra[0].id)
        doc_id = stock_claims.insert(schema.claim_to_doc(extra[0]))  # warm: TinyDB finds its next id
        stock_claims.remove(doc_ids=[doc_id])
        blob = ours.path.read_bytes()
        scratch = folder / f"floor-{count}.json"
        mine: list[float] = []
        theirs: list[float] = []
        floor: list[float] = []
        for i, claim in enumerate(extra[1:]):
            document = schema.claim_to_doc(claim)
            doc_ids: list[int] = []
            sides = [
                (mine, lambda claim=claim: ours.add_claim(claim)),
                (theirs, lambda doc_ids=doc_ids, document=document: doc_ids.append(stock_claims.insert(document))),
                (floor, lambda: atomic_write(scratch, blob)),
            ]
            for timings, action in sides[i % 3 :] + sides[: i % 3]:  # each goes first in turn
                gc.collect()
                timings.append(_timed(action))
            ours.delete_claim(claim.id)
            stock_claims.remove(doc_ids=doc_ids)
        return statistics.median(mine), statistics.median(theirs), statistics.median(floor), first
    finally:
        ours.close()
        stock.close()


def _runs(count: int) -> int:
    return 45 if count <= 100 else 30 if count <= 1000 else 12


def save_latency(counts: tuple[int, ...] = COUNTS) -> list[tuple[int, float, float]]:
    """(claims already saved, our median ms, stock JSONStorage median ms) for adding one claim."""
    return [row[:3] for row in _latency_rows(counts)]


def _latency_rows(counts: tuple[int, ...]) -> list[tuple[int, float, float, float, float]]:
    text = _article()
    with tempfile.TemporaryDirectory(prefix="qari-bench-") as folder:
        return [(count, *_measure(count, _runs(count), Path(folder), text)) for count in counts]


def main() -> None:
    rows = _latency_rows(COUNTS)
    print("save latency, one claim added (median ms)")
    print(f"{'claims':>7}  {'qari':>8}  {'stock':>8}  {'qari/stock':>10}  {'floor':>8}  {'1st save':>8}")
    for count, mine, theirs, floor, first in rows:
        print(f"{count:>7}  {mine:>8.2f}  {theirs:>8.2f}  {mine / theirs:>10.2f}  {floor:>8.2f}  {first:>8.2f}")
    print(
        "goal: ≤ 15 ms at 1,000 claims and ≤ 2× stock.\n"
        "floor: the bare atomic write of the same bytes (temp file, fsync, os.replace, fsync of the folder);\n"
        "1st save: the first save after opening, which serialises every document once."
    )


if __name__ == "__main__":
    main()


def write_annotations(article: Path, text: str, count: int, seed: int = 5) -> None:
    """An annotations file with ``count`` claims beside ``article`` (written at once, for benchmarks)."""
    rng = random.Random(seed)
    sources = _sources(rng)
    claims = [_claim(text, rng, sources) for _ in range(count)]
    data = _database(article, text, sources, claims)
    annotation_path(article).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
