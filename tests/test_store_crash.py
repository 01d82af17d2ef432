"""Crash safety: a qari killed with SIGKILL at any moment leaves a file that loads and holds every saved claim.

A child process adds claims (and edits earlier ones) in a loop and prints each
claim id only after ``add_claim`` returned, i.e. after the save. The parent
kills it at random moments, many times, and after each kill checks that the
file is valid JSON, that the store opens it (writable: the lock died with the
child), and that every printed claim is in it with at least its printed edit.

The next child is started while the current one runs and waits on stdin
until the parent says "go", so its interpreter start-up is not counted in
the test's time and the kills land while it is saving.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.annotations.store import DATA_DIR_ENV, AnnotationStore, annotation_path

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

ARTICLE = ("كشف دبلوماسيون غربيون أن المفاوضات تعثرت، وأكد مسؤول رفيع أن «الوقت ينفد». " * 40 + "\n") * 3
KILLS = 40

CHILD = r"""
import sys
from pathlib import Path
from reader.annotations.model import Anchor, Claim
from reader.annotations.store import AnnotationStore

sys.stdin.readline()  # "go"
path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
store = AnnotationStore.open(path, text)
if store.read_only:
    print("read-only", store.read_only_reason, flush=True)
    sys.exit(1)
print("ready", flush=True)
claims = store.claims()
serial = int(sys.argv[2])
while True:
    serial += 1
    start = (serial * 37) % (len(text) - 60)
    claim = Claim(Anchor.from_text(text, start, start + 20 + serial % 40), tags=("اختبار", f"جولة {serial}"),
                  note=f"ملاحظة رقم {serial}: " + "نص عربي " * (serial % 7))
    store.add_claim(claim)
    print("add", claim.id, flush=True)
    claims.append(claim)
    if serial % 3 == 0:
        edited = claims[serial % len(claims)]
        store.update_claim(edited.edited(note=f"edit {serial}", status="disputed"))
        print("edit", edited.id, serial, flush=True)
"""


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_a_saved_claim(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data")}
    rng = random.Random(5)
    saved: set[str] = set()
    edits: dict[str, int] = {}  # claim id → serial of its last printed edit

    def spawn(serial: int) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-c", CHILD, str(article), str(serial)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    began = time.monotonic()
    child = spawn(0)
    kills_while_saving = 0
    temp_files = 0  # left by a kill in the middle of a save (the next open removes them)
    round_ = 0
    # Until KILLS kills landed after at least one save: on a loaded machine a short sleep may end before
    # the first save does, and such a kill proves nothing (bounded, so a broken child cannot loop forever).
    while kills_while_saving < KILLS and round_ < 4 * KILLS:
        round_ += 1
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(b"go\n")
        child.stdin.flush()
        first = child.stdout.readline()
        assert first == b"ready\n", (first, child.stderr.read() if child.stderr else b"")
        following = spawn(round_ * 1000 + 1000)  # imports while this one saves and we check
        time.sleep(rng.uniform(0.005, 0.080))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err.decode(errors="replace")
        # Only whole lines: the kill can land while print() is writing one ("add" without its id), and
        # such a claim's save had returned, but the test only counts what the child said in full.
        lines = out.decode().split("\n")[:-1]
        kills_while_saving += bool(lines)
        for line in lines:
            kind, claim_id, *rest = line.split()
            if kind == "add":
                saved.add(claim_id)
            else:
                edits[claim_id] = int(rest[0])

        temp_files += sum(p.name.endswith(".tmp") for p in article.parent.iterdir())
        raw = annotation_path(article).read_bytes() if annotation_path(article).exists() else b""
        if saved:
            data = json.loads(raw)  # never torn
            docs = {doc["id"]: doc for doc in data["claims"].values()}
            missing = saved - docs.keys()
            assert not missing, f"round {round_}: {len(missing)} saved claims lost"
            for claim_id, serial in edits.items():
                note = docs[claim_id]["note"]
                assert note.startswith("edit ") and int(note.split()[1]) >= serial, (claim_id, note, serial)
        with AnnotationStore.open(article, ARTICLE) as store:
            assert not store.read_only, store.read_only_reason
            assert saved <= {claim.id for claim in store.claims()}
        child = following

    child.kill()
    child.communicate(timeout=30)
    assert kills_while_saving >= KILLS  # the kills really landed in the saving loop
    assert len(saved) >= KILLS
    assert [p.name for p in article.parent.iterdir() if p.name.endswith(".tmp")] == []
    print(
        f"{round_} kills ({kills_while_saving} after a save), {len(saved)} claims saved, "
        f"{temp_files} kills left a temp file (removed on open), {time.monotonic() - began:.1f} s"
    )
