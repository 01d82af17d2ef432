"""What the benchmarks share: generated news-like articles and best-of timing.

Articles are generated from the words of the bundled samples with a fixed
seed, so they read like news (Arabic with numbers, Latin names, punctuation)
without repeating whole paragraphs, which would flatter any cache. Kept apart
from ``__main__`` so that a benchmark module can use them without importing
the runner that imports it.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
ARABIC_SAMPLES = (
    "health-vaccination-campaign.txt",
    "fuel-prices-central-bank.txt",
    "ceasefire-talks.txt",
    "mixed-scripts-trade-report.txt",
)


def generate_article(size_bytes: int, seed: int = 7) -> str:
    """An Arabic news-like article of about ``size_bytes`` UTF-8 bytes."""
    words: list[str] = []
    for name in ARABIC_SAMPLES:
        words.extend(re.findall(r"\S+", (SAMPLES / name).read_text(encoding="utf-8")))
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < size_bytes:
        if rng.random() < 0.15:
            paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(4, 10)))  # a heading
        else:
            paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(25, 90)))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


def best_of(runs: int, action: Callable[[], object]) -> float:
    """Fastest of ``runs`` timings of ``action``, in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)
