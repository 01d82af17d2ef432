"""Crash points, not only crash times: every write, fsync and rename of every save, failed or killed in turn.

A session of user actions runs through the editor (a claim with two new
sources, another claim, an edit, a merge, a delete, an undo): one save each.
For each action and each call N of ``os.write`` / ``os.fsync`` /
``os.replace`` that its save makes (as ``reader.files.atomic_write`` uses
them), the N-th call

- raises (disk full): the action fails, and the file and the editor are as
  before it;
- is where a child process running the same session is SIGKILLed.

After each, the annotations file holds the state before the action or the
state after it, never a mix and never an empty file, and a store opened on
it shows that state. Claim and source ids are random, so states are compared
as what the annotator sees: quotes, statuses, tags, notes and source names.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.annotations.drafts import ClaimDraft, SourceDraft
from reader.annotations.editor import AnnotationEditor
from reader.annotations.errors import SaveError
from reader.annotations.model import Source
from reader.annotations.paths import DATA_DIR_ENV, annotation_path
from reader.annotations.store import AnnotationStore

TEXT = (
    "قال الوزير إن الأسعار ستنخفض الشهر المقبل. "
    "وكشفت مصادر مطلعة أن الحكومة تدرس خطة جديدة للدعم.\n"
    "وأشار كريم نور، الخبير الاقتصادي، إلى أن التضخم سيتراجع.\n"
)
CALLS = ("write", "fsync", "replace")  # what atomic_write does to the disk
CRASH_ENV = "QARI_TEST_CRASH_AT"  # "action:call": the child dies at that call of that action


def _draft(
    name: str,
    kind: str = "other",
    *,
    more: tuple[Source, ...] = (),
    status: str = "unverified",
    tags: tuple[str, ...] = (),
    note: str = "",
    source_id: str | None = None,
) -> ClaimDraft:
    return ClaimDraft(name, kind, "", source_id, tags, status, note, more)


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _source(editor: AnnotationEditor, name: str) -> Source:
    source = editor.store.find_source(name)
    assert source is not None
    return source


def _claim(editor: AnnotationEditor, words: str) -> Any:
    return next(c for c in editor.store.claims() if c.anchor.exact == words)


#: The session: one user action each, one save each.
ACTIONS: list[Callable[[AnnotationEditor], object]] = [
    lambda e: e.add_claim(
        *_span("الأسعار ستنخفض"), _draft("الوزير", "official", more=(Source("وكالة الأنباء", "media"),))
    ),
    lambda e: e.add_claim(*_span("الحكومة تدرس خطة"), _draft("مصادر مطلعة", "anonymous", tags=("دعم",))),
    lambda e: e.edit_claim(
        _claim(e, "الأسعار ستنخفض"),
        _draft(
            "الوزير",
            "official",
            status="false",
            tags=("أسعار",),
            note="البنك يقول غير ذلك",
            source_id=_source(e, "الوزير").id,
        ),
    ),
    lambda e: e.edit_source(_source(e, "مصادر مطلعة"), SourceDraft("الوزير", "official", "", "")),
    lambda e: e.delete_claim(_claim(e, "الأسعار ستنخفض")),
    lambda e: e.undo(),
]


def summary(data: dict[str, Any] | None) -> object:
    """What the annotator sees in a database: claims with their source names, and the sources."""
    if not data:
        return ((), ())
    names = {doc["id"]: doc["name"] for doc in data["sources"].values()}
    claims = sorted(
        (d["exact"], d["status"], tuple(d["tags"]), d["note"], tuple(names[i] for i in d["source_ids"]))
        for d in data["claims"].values()
    )
    return tuple(claims), tuple(sorted((d["name"], d["type"]) for d in data["sources"].values()))


def file_summary(article: Path) -> object:
    """The file's state: missing is the state before the first save; empty or torn fails here."""
    path = annotation_path(article)
    if not path.exists():
        return summary(None)
    raw = path.read_bytes()
    assert raw.strip(), "an empty annotations file"
    return summary(json.loads(raw))


def store_summary(article: Path) -> object:
    """What a store opened on the file shows (writable: the lock died with whoever held it)."""
    with AnnotationStore.open(article, TEXT) as store:
        assert not store.read_only, store.read_only_reason
        data = {
            "sources": {s.id: {"id": s.id, "name": s.name, "type": s.type} for s in store.sources()},
            "claims": {
                c.id: {
                    "exact": c.anchor.exact,
                    "status": c.status,
                    "tags": list(c.tags),
                    "note": c.note,
                    "source_ids": list(c.source_ids),
                }
                for c in store.claims()
            },
        }
        return summary(data) if store.sources() or store.claims() else summary(None)


class Counting:
    """os.write/fsync/replace that count their calls together and run ``then()`` before call number ``at``."""

    def __init__(self, at: int = 0, then: Callable[[], None] = lambda: None) -> None:
        self.calls = 0
        self.at = at
        self.then = then

    def functions(self) -> dict[str, Callable[..., Any]]:
        return {name: self._wrap(getattr(os, name)) for name in CALLS}

    def _wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.at:
                self.then()
            return real(*args, **kwargs)

        return call


def _disk_full() -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[int]]:
    """The session run cleanly: the state before each action and after the last; each save's disk calls."""
    article = tmp_path / "reference" / "prices.txt"
    article.parent.mkdir()
    article.write_text(TEXT, encoding="utf-8")
    states, calls = [file_summary(article)], []
    with AnnotationStore.open(article, TEXT) as store:
        editor = AnnotationEditor(store)
        for action in ACTIONS:
            counting = Counting()
            with monkeypatch.context() as patch:
                for name, function in counting.functions().items():
                    patch.setattr(os, name, function)
                action(editor)
            states.append(file_summary(article))
            calls.append(counting.calls)
    return states, calls


def test_a_failure_at_every_write_fsync_and_rename_leaves_the_old_state_or_the_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    states, calls = reference(tmp_path, monkeypatch)
    assert all(k >= 3 for k in calls)  # at least the write, the fsync and the rename of one save
    assert all(before != after for before, after in itertools.pairwise(states))  # every action changes what is seen
    article = tmp_path / "prices.txt"
    article.write_text(TEXT, encoding="utf-8")
    tried = 0
    with AnnotationStore.open(article, TEXT) as store:
        editor = AnnotationEditor(store)
        for index, action in enumerate(ACTIONS):
            old, new = states[index], states[index + 1]
            for at in range(1, calls[index] + 1):
                before = (store.claims(), store.sources(), list(editor.undo_stack), list(editor.redo_stack))
                with monkeypatch.context() as patch:
                    for name, function in Counting(at, _disk_full).functions().items():
                        patch.setattr(os, name, function)
                    try:
                        action(editor)
                    except SaveError:
                        saved = False
                    else:
                        saved = True
                tried += 1
                assert file_summary(article) == (new if saved else old), (index, at)
                if saved:  # only the fsync of the folder, after the rename, may fail without failing the save
                    assert at == calls[index], (index, at)
                    break
                assert (store.claims(), store.sources(), list(editor.undo_stack), list(editor.redo_stack)) == before
            else:
                action(editor)
            assert file_summary(article) == new
            assert [p.name for p in article.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert store_summary(article) == states[-1]
    assert tried == sum(calls)


CHILD = r"""
import os, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
import test_crash_points as session
from reader.annotations.editor import AnnotationEditor
from reader.annotations.store import AnnotationStore

action_at, call_at = map(int, os.environ[session.CRASH_ENV].split(":"))
article = Path(sys.argv[1])
with AnnotationStore.open(article, session.TEXT) as store:
    editor = AnnotationEditor(store)
    for index, action in enumerate(session.ACTIONS):
        if index == action_at:
            dying = session.Counting(call_at, lambda: os.kill(os.getpid(), signal.SIGKILL))
            for name, function in dying.functions().items():
                setattr(os, name, function)
        action(editor)
print("survived", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_kill_at_every_write_fsync_and_rename_leaves_the_old_state_or_the_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    states, calls = reference(tmp_path, monkeypatch)
    tests = Path(__file__).resolve().parent
    env = {
        **os.environ,
        DATA_DIR_ENV: str(tmp_path / "data"),
        "PYTHONPATH": os.pathsep.join([str(tests.parent), os.environ.get("PYTHONPATH", "")]),
    }
    children: list[tuple[int, int, Path, subprocess.Popen[bytes]]] = []
    for index in range(len(ACTIONS)):
        for at in range(1, calls[index] + 1):
            article = tmp_path / f"kill-{index}-{at}" / "prices.txt"
            article.parent.mkdir()
            article.write_text(TEXT, encoding="utf-8")
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(article), str(tests)],
                env={**env, CRASH_ENV: f"{index}:{at}"},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            children.append((index, at, article, child))
            if len(children) % 8 == 0:  # a few at a time: start-up is most of each child's time
                children[-8][3].wait(timeout=60)
    for index, at, article, child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL, (index, at, out, err.decode(errors="replace"))
        seen = file_summary(article)
        assert seen in (states[index], states[index + 1]), (index, at)
        # Killed before the rename: the old state; at the fsync of the folder, after it: the new one.
        assert seen == (states[index + 1] if at == calls[index] else states[index]), (index, at)
        assert store_summary(article) == seen, (index, at)
        if annotation_path(article).exists():  # a store that opens a file takes its lock and tidies up
            assert [p.name for p in article.parent.iterdir() if p.name.endswith(".tmp")] == []
