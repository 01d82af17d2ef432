"""An annotations file's life in a store: where it is saved, the one-writer lock, read-only, taking over.

``StoreFile`` is the part of ``AnnotationStore`` that deals with the file
rather than the claims: choosing the file beside the article or the data
folder's copy, holding the lock beside it (a second qari is read-only),
loading what another qari saved meanwhile, falling back to the data folder
when the article's folder refuses a save, and closing. What the file holds
is the subclass's business (``_install``). No Textual import.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from filelock import FileLock, Timeout

from ..text.sanitise import printable
from .errors import StoreError
from .paths import FileState, exists, mtime
from .reading import read_database
from .schema import READ_ERRORS, SCHEMA_VERSION, read_problem, show
from .storage import Data

__all__ = ["LOCKED_REASON", "StoreFile"]

LOCKED_REASON = "open in another qari: read-only"


class StoreFile:
    """The file side of a store: path, lock, read-only reason, notice (see the module's docstring)."""

    def __init__(self, article_path: Path, beside: Path, fallback: Path) -> None:
        self.article_path = article_path
        self._beside = beside
        self._fallback = fallback
        self._path = beside
        self._read_only_reason: str | None = None
        self._notice: str | None = None
        self._lock: FileLock | None = None
        self._seen: FileState | None = None  # the target as last read (None: it did not exist)
        self._closed = False

    def _install(self, data: Data | None, version: int = SCHEMA_VERSION) -> None:
        """Make a checked database the state in memory (the subclass knows what it holds)."""
        raise NotImplementedError

    def _moved_to(self, path: Path) -> None:
        """Saves go to ``path`` from now on."""

    # -- opening

    def _open_file(self) -> bool:
        """Choose the file, take the lock if the file exists, load it; False when it cannot be used."""
        source = self._locate()
        if exists(self._path):
            try:
                self._take_lock()
            except Timeout:
                self._read_only_reason = LOCKED_REASON
            except OSError:
                pass  # no lock file possible here: the first save deals with it (fallback or SaveError)
        return self._read(source)

    def _locate(self) -> Path | None:
        """Choose the file to save to (``self._path``) and return the file to read (may be another)."""
        beside, fallback = self._beside, self._fallback
        folder = beside.parent
        usable = os.access(folder, os.W_OK) and (not exists(beside) or os.access(beside, os.W_OK))
        if usable:
            self._path = beside
            if exists(fallback) and mtime(fallback) > mtime(beside):
                self._notice = f"annotations read from {printable(fallback)}; saved beside the article from now on"
                return fallback
            return beside
        self._path = fallback
        self._moved_to(fallback)
        where = "read-only" if not os.access(folder, os.W_OK) else f"{printable(Path(beside.name))} is read-only"
        self._notice = f"{printable(folder)}: {where}; annotations are kept in {printable(fallback)}"
        if not exists(fallback) and exists(beside):
            return beside
        return fallback

    def _take_lock(self) -> None:
        """Hold the lock beside ``self._path`` (Timeout when another qari has it; OSError when impossible)."""
        lock = FileLock(str(self._path) + ".lock", timeout=0)
        lock.acquire()
        self._lock = lock
        self._remove_stale_temp_files()

    def _remove_stale_temp_files(self) -> None:
        """Temp files a killed qari left (safe only while holding the lock: no other writer)."""
        prefix = f".{self._path.name}."
        try:
            with os.scandir(self._path.parent) as entries:
                stale = [e.path for e in entries if e.name.startswith(prefix) and e.name.endswith(".tmp")]
        except OSError:
            return
        for path in stale:
            try:
                os.unlink(path)
            except OSError:
                pass

    def _read(self, source: Path | None) -> bool:
        """Load ``source`` into the store; False (and read-only) when it cannot be used."""
        try:
            data, version = read_database(source) if source is not None else (None, SCHEMA_VERSION)
        except READ_ERRORS as err:
            self._read_only_reason = read_problem(printable(Path(source.name)) if source else "?", err)
            self._release_lock()
            return False
        if source == self._path:
            self._seen = FileState.of(self._path)
        self._install(data, version)
        return True

    # -- before a save

    def _check_writable(self) -> None:
        if self._closed:
            raise StoreError("the annotations of this article are closed")
        if self._read_only_reason is not None:
            raise StoreError(self._read_only_reason)

    def retry_lock(self) -> bool:
        """A store read-only because another qari held the lock: take it if that qari has closed.

        Then what it saved is loaded (this store could not change anything
        meanwhile, so nothing is lost) and changes are saved from now on;
        ``notice`` says so. False while the other qari is still open (or when
        the store is read-only for another reason).
        """
        if self._read_only_reason != LOCKED_REASON or self._closed:
            return False
        try:
            self._take_lock()
        except (Timeout, OSError):
            return False
        self._read_only_reason = None
        if not self._read(self._path if exists(self._path) else None):
            return False  # what it left is damaged: read-only, with that reason now
        self._notice = "the other qari on this article has closed: its claims are loaded, and yours are saved now"
        return True

    def _ensure_lock(self) -> bool:
        """Hold the lock; True when that meant loading what another qari saved meanwhile."""
        if self._lock is not None:
            return False
        self._path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._take_lock()
        except Timeout:
            self._read_only_reason = LOCKED_REASON
            raise StoreError(LOCKED_REASON) from None
        if FileState.of(self._path) != self._seen:
            # Another qari created or changed the file since we read it (and closed): take its work in.
            if not self._read(self._path):
                raise StoreError(self._read_only_reason)
            self._notice = (
                f"{printable(Path(self._path.name))} was saved by another qari meanwhile: its claims were loaded"
            )
            return True
        return False

    def _may_fall_back(self, err: OSError) -> bool:
        """The article's folder refused a save: move to the data folder (once) and say so; False if not that."""
        if self._path == self._fallback or not _permission_problem(err):
            return False
        self._release_lock()
        self._path = self._fallback
        self._moved_to(self._fallback)
        self._seen = FileState.of(self._fallback)  # older than what we hold (see _locate): overwrite it
        self._notice = (
            f"cannot save in {printable(self._beside.parent)} ({self._reason(err)}); "
            f"annotations are kept in {printable(self._fallback)}"
        )
        return True

    @staticmethod
    def _reason(err: OSError) -> str:
        return (err.strerror or show(str(err), 60)).lower()

    def _release_lock(self) -> None:
        if self._lock is not None:
            try:
                self._lock.release()
            finally:
                self._lock = None

    # -- properties

    @property
    def path(self) -> Path:
        """The annotations file in use (beside the article, or in the data folder); it may not exist yet."""
        return self._path

    @property
    def read_only(self) -> bool:
        return self._read_only_reason is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why changes cannot be saved, as one line for the UI; None when they can."""
        return self._read_only_reason

    @property
    def notice(self) -> str | None:
        """Something the user should know (where the annotations are kept…); one line, or None."""
        return self._notice

    def close(self) -> None:
        """Release the lock; reading still works, changes raise StoreError."""
        self._closed = True
        self._release_lock()


def _permission_problem(err: OSError) -> bool:
    return isinstance(err, PermissionError) or err.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
