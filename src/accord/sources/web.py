"""Fetch a URL for the readers: bytes and content type, or a Failure saying why not. No retries, no cache."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from accord.records import Failure

_AGENT = "Accord/0.1 (news event coder; +https://pypi.org/project/accord/)"


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the URL it finally came from, its bytes and its declared content type."""

    url: str
    data: bytes
    content_type: str


def is_url(value: str) -> bool:
    """Whether a source names a web address rather than a path."""
    return value.startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched | Failure:
    """GET a URL, reading at most max_bytes; an HTTP error, a time-out or an oversized body is a Failure."""
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final = response.geturl()
            kind = response.headers.get_content_type() or ""
    except urllib.error.HTTPError as exc:
        exc.close()
        return _fail(url, f"HTTP {exc.code} {exc.reason}")
    except urllib.error.URLError as exc:
        return _fail(url, f"cannot fetch: {exc.reason}")
    except TimeoutError:
        return _fail(url, f"no answer within {timeout:g} s")
    except (OSError, ValueError) as exc:
        return _fail(url, f"cannot fetch: {exc}")
    if len(data) > max_bytes:
        return _fail(url, f"page is over the max_bytes limit of {max_bytes:,} bytes")
    if not data:
        return _fail(url, "empty page")
    return Fetched(url=final, data=data, content_type=kind.lower())


def _fail(source: str, problem: str) -> Failure:
    return Failure(source=source, reason=f"{source}: {problem}", stage="read")
