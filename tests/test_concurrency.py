"""An export (or the library's count) reading while a reader saves: never a torn file, never a lost claim.

A child process saves claims in a loop and says each id once its save
returned. Meanwhile this process reads the annotations the way ``qari export``
does, again and again: every read must parse, and hold every claim whose save
had returned before the read began.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from reader.annotations.store import DATA_DIR_ENV, AnnotationStore, count_claims, read_annotations
from reader.corpus import annotated_articles
from reader.export import export_claims

ARTICLE = ("وقال المتحدث إن المحادثات ستستأنف الأسبوع المقبل، فيما نفت مصادر أخرى ذلك. " * 30 + "\n") * 2
SAVES = 300

WRITER = r"""
import sys
from pathlib import Path
from reader.annotations.model import Anchor, Claim
from reader.annotations.store import AnnotationStore

path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
store = AnnotationStore.open(path, text)
print("ready", flush=True)
for serial in range(int(sys.argv[2])):
    start = (serial * 53) % (len(text) - 40)
    claim = Claim(Anchor.from_text(text, start, start + 25), note=f"حفظ رقم {serial}")
    store.add_claim(claim)
    print(claim.id, flush=True)
store.close()
"""


def test_reads_during_saves_are_whole_and_hold_every_acknowledged_claim(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data")}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(article), str(SAVES)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == "ready\n"
    acknowledged: list[str] = []

    def listen() -> None:
        assert writer.stdout is not None
        for line in writer.stdout:
            acknowledged.append(line.strip())

    listener = threading.Thread(target=listen)
    listener.start()
    reads = overlapping = 0
    while writer.poll() is None or reads < 5:
        before = set(acknowledged)  # saved before this read began
        snapshot = read_annotations(article, ARTICLE)  # raises on a torn or half-written file
        held = {claim.id for claim in snapshot.claims} if snapshot else set()
        assert before <= held, f"read {reads}: {len(before - held)} acknowledged claims missing"
        out = io.StringIO()
        export_claims(annotated_articles([article]), out, "csv", warn=lambda line: None)
        assert out.getvalue().count("\n") >= len(before) + 1
        count = count_claims(article)
        assert count is None or count >= len(before)
        reads += 1
        overlapping += writer.poll() is None
        time.sleep(0.001)
    listener.join(timeout=30)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert len(acknowledged) == SAVES
    with AnnotationStore.open(article, ARTICLE) as store:
        assert {claim.id for claim in store.claims()} == set(acknowledged)
    assert overlapping >= 3  # the reads really overlapped the saves
