"""Writing files so that a crash leaves the old one or the new one, never a torn one.

Shared by the annotation store and the config file: temp file in the same
folder, fsync, ``os.replace``, fsync of the folder (DESIGN.md, "Annotations").
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


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


def atomic_write(path: Path, blob: bytes) -> None:
    """Replace ``path`` with ``blob``: temp file in the same folder, fsync, ``os.replace``, fsync the folder.

    On any failure the temp file is removed, ``path`` is left as it was, and
    the error (an OSError for disk full or permission denied) propagates.
    """
    folder = path.parent
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = _NEW_FILE_MODE
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            view = memoryview(blob)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)
