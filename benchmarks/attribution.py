"""Precision and recall of ``qari suggest`` on the project's labelled attributions.

The labelled set (tests/data/attribution/, see its README) has a tuning split
(the Arabic sample articles), a held-out split (texts written and labelled
before the analyser existed, never used to tune it) and a probe split (texts
written after the rules were settled, in constructions the others lack, and
labelled before the analyser ever saw them). All three are reported.

Matching is by text, never offsets, and one-to-one (each label is used once):

* **source, exact**: a suggestion is right when its source phrase equals the
  label's after folding (harakat, tatweel, alef forms, ى/ي, ة/ه) and
  collapsing whitespace. This is the headline figure.
* **source, overlap**: looser, a suggestion's source span overlaps a place
  where the label's phrase occurs in the text (shows how many misses are
  only a boundary off).
* **source + named/anonymous**: exact, and the named/anonymous call agrees.
* **anonymous sources**: of the suggestions flagged anonymous, how many are
  an exactly matched anonymous label (precision); of the anonymous labels, how
  many were found and flagged (recall).

Run ``python -m benchmarks.attribution``; ``make bench`` adds the rows.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.attribution import Suggestion, suggest
from reader.text.search import FoldedText, fold

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "attribution"
GOAL_PRECISION = 0.85
GOAL_RECALL = 0.8


@dataclass(frozen=True, slots=True)
class Label:
    verb: str
    source: str
    named: bool


@dataclass(frozen=True, slots=True)
class LabelledText:
    name: str
    split: str  # "tune" or "heldout"
    text: str
    labels: tuple[Label, ...]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one measure; precision and recall follow from them."""

    hits: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.expected if self.expected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.hits + other.hits, self.predicted + other.predicted, self.expected + other.expected)


MEASURES = ("source, exact", "source, overlap", "source + named/anonymous", "anonymous sources")


def load_labelled(folder: Path = LABELS) -> list[LabelledText]:
    texts = []
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith("press-"):
            continue  # the press set (issue 14) is scored on its own, its test split never while tuning
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / data["text"]).read_text(encoding="utf-8")
        labels = tuple(Label(a["verb"], a["source"], bool(a["named"])) for a in data["attributions"])
        texts.append(LabelledText(path.stem, data["split"], text, labels))
    return texts


def _key(phrase: str) -> str:
    return " ".join(fold(phrase).replace("\u0629", "\u0647").split())


def _pair(
    suggestions: list[Suggestion], labels: tuple[Label, ...], same: Callable[[Suggestion, Label], bool]
) -> list[tuple[Suggestion, Label]]:
    """One-to-one pairs, in reading order; among equal sources the label with the same verb first."""
    free = list(labels)
    pairs = []
    for found in suggestions:
        candidates = [label for label in free if same(found, label)]
        if not candidates:
            continue
        verb = _key(found.verb)
        best = next((label for label in candidates if _key(label.verb) == verb), candidates[0])
        free.remove(best)
        pairs.append((found, best))
    return pairs


def score_text(item: LabelledText) -> dict[str, Score]:
    suggestions = suggest(item.text)
    exact = _pair(suggestions, item.labels, lambda s, label: _key(s.source) == _key(label.source))
    folded = FoldedText.of(item.text)
    places = {label.source: folded.find_all(label.source) for label in item.labels}

    def overlaps(found: Suggestion, label: Label) -> bool:
        start, end = found.source_span
        return any(start < e and s < end for s, e in places[label.source])

    overlap = _pair(suggestions, item.labels, overlaps)
    n_found, n_labels = len(suggestions), len(item.labels)
    return {
        "source, exact": Score(len(exact), n_found, n_labels),
        "source, overlap": Score(len(overlap), n_found, n_labels),
        "source + named/anonymous": Score(sum(s.named == label.named for s, label in exact), n_found, n_labels),
        "anonymous sources": Score(
            sum(not s.named and not label.named for s, label in exact),
            sum(not s.named for s in suggestions),
            sum(not label.named for label in item.labels),
        ),
    }


def score(texts: Iterable[LabelledText]) -> dict[str, Score]:
    total = {measure: Score(0, 0, 0) for measure in MEASURES}
    for item in texts:
        for measure, value in score_text(item).items():
            total[measure] = total[measure] + value
    return total


def by_split(texts: list[LabelledText] | None = None) -> dict[str, tuple[int, int, dict[str, Score]]]:
    """split → (texts, labels, scores) for "tune", "heldout", "probe" and "all"."""
    texts = load_labelled() if texts is None else texts
    result = {}
    for split in ("tune", "heldout", "probe", "all"):
        chosen = [t for t in texts if split in ("all", t.split)]
        result[split] = (len(chosen), sum(len(t.labels) for t in chosen), score(chosen))
    return result


def seconds_for(size_bytes: int, runs: int = 3) -> float:
    """Best time of ``suggest`` on a generated news-like article of ``size_bytes``."""
    from .common import best_of, generate_article

    text = generate_article(size_bytes, seed=23)
    return best_of(runs, lambda: suggest(text))


def bench_rows() -> list[tuple[str, str, str, str, str]]:
    """Rows for ``make bench``: precision / recall per split, and the time for a 50 KB article."""
    rows = []
    names = {"tune": "tuning set", "heldout": "held-out set", "probe": "probe set, tuned after its 1st run"}
    for split, (n_texts, n_labels, scores) in by_split().items():
        if split == "all":
            continue
        for measure in ("source, exact", "source + named/anonymous"):
            value = scores[measure]
            rows.append(
                (
                    f"attribution: {measure}, {names[split]} ({n_texts} texts, {n_labels} labels)",
                    f"P {value.precision:.2f} / R {value.recall:.2f}",
                    "",
                    "",
                    f"P ≥ {GOAL_PRECISION} / R ≥ {GOAL_RECALL}",
                )
            )
    rows.append(("attribution: suggest() on a 50 KB article", f"{seconds_for(50_000) * 1e3:.0f} ms", "", "", "≪ 1 s"))
    return rows


def main() -> int:
    from rich.console import Console
    from rich.table import Table

    started = time.perf_counter()
    table = Table(title="qari suggest: precision / recall on the labelled attributions")
    for column in ("set", "texts", "labels", "measure", "precision", "recall"):
        table.add_column(column, justify="left" if column in ("set", "measure") else "right")
    for split, (n_texts, n_labels, scores) in by_split().items():
        for measure in MEASURES:
            value = scores[measure]
            table.add_row(split, str(n_texts), str(n_labels), measure, f"{value.precision:.2f}", f"{value.recall:.2f}")
    console = Console(width=110)
    console.print(table)
    console.print(
        f"goal: precision ≥ {GOAL_PRECISION}, recall ≥ {GOAL_RECALL} (source, exact); "
        f"50 KB article: {seconds_for(50_000) * 1e3:.0f} ms; "
        f"whole run {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
