"""One http(s) page, downloaded within bounds: ``qari import URL``.

The standard library's ``urllib`` is enough for one GET: it follows
redirects, and the bounds are ours: a timeout on every network wait, a cap on
the bytes read, HTML only. Every failure is one ``ArticleError`` line that
says what happened in the user's terms (404, no such host, not a web page).
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from .. import __version__
from .clean import one_line
from .metadata import ArticleError

__all__ = ["MAX_BYTES", "TIMEOUT", "Fetched", "fetch_page", "is_url"]

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = 10 * 1024 * 1024  # a news page with its scripts inline is rarely over 2 MB
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded page: its bytes, the address it ended at, and the charset the server declared."""

    data: bytes
    url: str
    charset: str | None


def is_url(source: str) -> bool:
    """Whether a command-line SOURCE is an http(s) address (anything else is a file)."""
    return source.lower().startswith(("http://", "https://"))


def _shown_url(url: str) -> str:
    return one_line(url)[:200]


def fetch_page(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """GET ``url`` (redirects followed) and return the page. Raises ArticleError with one line.

    ``timeout`` and ``max_bytes`` default to ``TIMEOUT`` and ``MAX_BYTES``.
    """
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    shown = _shown_url(url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ArticleError(f"qari: {shown}: not an http(s) address")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"qari/{__version__} (article reader)",
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            final = response.geturl() or url
            kind = headers.get_content_type()
            if headers.get("Content-Type") and kind not in _HTML_TYPES:
                raise ArticleError(f"qari: {shown}: not a web page ({kind})")
            declared = headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ArticleError(
                    f"qari: {shown}: page too large ({_megabytes(int(declared))}; {_megabytes(max_bytes)} at most)"
                )
            data = _read_capped(response, max_bytes, shown)
            charset = headers.get_content_charset()
    except ArticleError:
        raise
    except urllib.error.HTTPError as err:
        raise ArticleError(f"qari: {shown}: HTTP {err.code} {one_line(str(err.reason or ''))}".rstrip()) from None
    except urllib.error.URLError as err:
        raise ArticleError(f"qari: {shown}: {_reason(err.reason, timeout)}") from None
    except TimeoutError:
        raise ArticleError(f"qari: {shown}: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as err:  # a reset connection, a malformed address or answer
        raise ArticleError(f"qari: {shown}: {_reason(err, timeout)}") from None
    return Fetched(data, final, charset)


def _read_capped(response: object, max_bytes: int, shown: str) -> bytes:
    """The body, refused as soon as it passes ``max_bytes`` (a server may send no length, or lie)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(_CHUNK)  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise ArticleError(f"qari: {shown}: page too large (over {_megabytes(max_bytes)})")
        chunks.append(chunk)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def _reason(reason: object, timeout: float) -> str:
    """A network failure in words: no such host, refused, timed out…"""
    if isinstance(reason, socket.gaierror):
        return "cannot reach the host (no such host, or no network)"
    if isinstance(reason, ConnectionRefusedError):
        return "cannot reach the host (connection refused)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot fetch ({reason.strerror.lower()})"
    return f"cannot fetch ({one_line(str(reason)) or type(reason).__name__})"
