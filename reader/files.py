"""Writing files so that a crash leaves the old one or the new one, never a torn one.

Shared by the annotation store and the config file: temp file in the same
folder, fsync, ``os.replace``, fsync of the folder (DESIGN.md, "Annotations").
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (not possible on every platform or file system: then skip)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# A new annotations file is rw for whoever the umask allows (mkstemp alone would make it private).
# Read once, at import, before the UI starts threads: os.umask can only be read by setting it.
_NEW_FILE_MODE = 0o666 & ~_read_umask()


@contextmanager
def _replacing(path: Path) -> Iterator[int]:
    """A descriptor of a temp file beside ``path`` (with ``path``'s permissions, or a new file's); when
    the block ends without an error the temp file (written, fsynced and closed by the block) replaces
    ``path`` and the folder is fsynced; on any error it is removed and ``path`` is left as it was."""
    folder = path.parent
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)  # a replaced file keeps its permissions
    except OSError:
        mode = _NEW_FILE_MODE
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    handed_over = False
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        handed_over = True  # from here the block owns the descriptor (closing it twice could close another's)
        yield fd
        os.replace(temp, path)
    except BaseException:
        if not handed_over:
            os.close(fd)
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


def atomic_write(path: Path, blob: bytes) -> None:
    """Replace ``path`` with ``blob``: temp file in the same folder, fsync, ``os.replace``, fsync the folder.

    On any failure the temp file is removed, ``path`` is left as it was, and
    the error (an OSError for disk full or permission denied) propagates.
    """
    with _replacing(path) as fd:
        try:
            view = memoryview(blob)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def atomic_text_output(path: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text stream that becomes ``path`` only when the ``with`` block ends without an error.

    For output written as it is made (an export of many articles): the text
    goes to a temp file in the same folder; at the end it is fsynced and put
    in place with ``os.replace``. An error or Ctrl+C removes the temp file and
    leaves ``path`` as it was, so a failed export never leaves half a file.
    Newlines are written as given (``newline=""``).
    """
    with _replacing(path) as fd, open(fd, "w", encoding=encoding, newline="") as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())


def free_name(path: Path) -> Path:
    """``path`` if nothing is there, else the first free ``name-2.ext``, ``name-3.ext``… beside it.

    The number goes before the last suffix, so the file still opens with the
    same program: ``iran.txt.claims.csv`` → ``iran.txt.claims-2.csv``.
    """
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    number = 2
    while (candidate := path.with_name(f"{stem}-{number}{suffix}")).exists():
        number += 1
    return candidate
