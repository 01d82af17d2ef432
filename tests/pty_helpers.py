"""Reading what qari writes to a pseudo-terminal, for the tests that run it under one."""

from __future__ import annotations

import os
import select
import time


def read_until(fd: int, needle: bytes, seconds: float) -> bytes:
    """What the pty's master ``fd`` gives until ``needle`` has come, the other end closes, or ``seconds`` pass."""
    data = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and needle not in data:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data
