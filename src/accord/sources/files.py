"""Read articles from files, directories, JSONL/JSON and stdin; bad input is a Failure, never an exception.

HTML pages (``html.py``), RSS/Atom feeds and URLs (``feeds.py``) have modules of their own.

Decisions worth knowing:

- Every problem yields ``Failure(source, reason, stage="read")`` whose reason starts with the path
  (``path: problem``, or ``path:LINE: problem`` for a JSONL record) and reading goes on.
- ``max_bytes`` limits a whole file for text and JSON files (checked with ``stat`` before reading).
  JSONL is streamed, so there it limits each line instead: a corpus larger than the limit still reads.
- A JSONL ``published`` field wins over the ``published`` argument, which fills in records without one.
  An unparsable ``published`` keeps the article (published None) and adds a Failure naming the value.
- Inside a directory, files are read by extension (see ``READERS``); other files yield a Failure saying
  they were skipped, hidden files and directories (``.name``) are skipped silently.
  A file named directly is read by extension, and as plain text when the extension is unknown.
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from accord.records import Article, Failure

Item = Article | Failure

_SNIFF_BYTES = 8192  # NUL bytes in this much of a file mark it as binary
_TITLE_MAX = 200
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_STDIN = "<stdin>"


@dataclass(frozen=True)
class ReadOptions:
    """What every reader needs besides the path."""

    published: date | None = None
    max_bytes: int = 20_000_000
    fetch_timeout: float = 20.0


Reader = Callable[[Path, ReadOptions], Iterator[Item]]


def read_sources(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    max_bytes: int = 20_000_000,
    fetch_timeout: float = 20.0,
) -> Iterator[Item]:
    """Yield the Articles and Failures of each source in input order: files, directories, URLs, JSONL or ``-``."""
    from accord.sources.web import is_url

    options = ReadOptions(published=published, max_bytes=max_bytes, fetch_timeout=fetch_timeout)
    for raw in paths:
        if str(raw) == "-":
            yield _read_stdin(options)
            continue
        if is_url(str(raw)):
            from accord.sources.feeds import read_url

            yield from read_url(str(raw), options)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_directory(path, options)
        elif path.is_file():
            yield from _reader_for(path, direct=True)(path, options)
        elif path.exists():
            yield fail(str(path), "not a regular file or directory")
        else:
            yield fail(str(path), "no such file or directory")


def parse_published(value: object) -> date | None:
    """A publication date from a date, "YYYY-MM-DD" or an ISO datetime; None for None or blank."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date string: {value!r}")
    text = value.strip()
    if not text:
        return None
    try:
        if _DAY.fullmatch(text):
            return date.fromisoformat(text)
        # The date as written: "2022-06-24T23:30:00-05:00" is the 24th, not the UTC day.
        if len(text) > 10 and _DAY.match(text) and text[10] in "T ":
            return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    raise ValueError(f"not a date (YYYY-MM-DD) or ISO datetime: {value!r}")


def fail(source: str, problem: str, article_id: str | None = None) -> Failure:
    return Failure(source=source, reason=f"{source}: {problem}", stage="read", article_id=article_id)


# ---- text ------------------------------------------------------------------------------------------


def _read_text_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """One article from a UTF-8 text file."""
    data = read_bytes(path, options.max_bytes)
    if isinstance(data, Failure):
        yield data
        return
    text = _decode(data, str(path))
    yield text if isinstance(text, Failure) else _text_article(text, str(path), options)


def _read_stdin(options: ReadOptions) -> Item:
    """One article from standard input."""
    buffer = getattr(sys.stdin, "buffer", None)
    try:
        # A StringIO stand-in (tests, embedding) has no byte buffer: read its text as is.
        data: bytes | str = (buffer or sys.stdin).read(options.max_bytes + 1)
    except OSError as exc:
        return fail(_STDIN, f"cannot read: {exc.strerror}")
    if len(data) > options.max_bytes:
        return fail(_STDIN, f"input is over the max_bytes limit of {options.max_bytes:,} bytes")
    if not data:
        return fail(_STDIN, "empty input")
    text = _decode(data, _STDIN) if isinstance(data, bytes) else _newlines(data)
    return text if isinstance(text, Failure) else _text_article(text, _STDIN, options)


def read_bytes(path: Path, max_bytes: int) -> bytes | Failure:
    """The bytes of a file, or a Failure when it is unreadable, empty or over the limit."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            # Checked before opening: a huge file is never read into memory.
            return fail(source, f"file is {size:,} bytes, over the max_bytes limit of {max_bytes:,}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return fail(source, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return fail(source, f"file grew over the limit of {max_bytes:,} bytes while being read")
    if not data:
        return fail(source, "empty file (0 bytes)")
    return data


def _decode(data: bytes, source: str) -> str | Failure:
    """UTF-8 text (a BOM allowed, CRLF made LF), or a Failure for binary or invalid bytes."""
    if b"\x00" in data[:_SNIFF_BYTES]:
        return fail(source, "binary file (NUL byte in the first 8 KB), not text")
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        return fail(source, f"invalid UTF-8 at byte {skip + exc.start} (0x{data[skip + exc.start]:02x})")
    return _newlines(text)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text_article(text: str, source: str, options: ReadOptions) -> Item:
    """An Article from plain text: title from a short first line, date from the option."""
    if not text.strip():
        return fail(source, "holds only whitespace, no text")
    first = next(line.strip() for line in text.splitlines() if line.strip())
    return Article.create(
        text=text,
        title=first if len(first) < _TITLE_MAX else None,
        published=options.published,
        published_source="option" if options.published else None,
        source=source,
    )


# ---- JSONL and JSON --------------------------------------------------------------------------------


def _read_jsonl(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Articles from a JSON Lines file, streamed line by line; each bad line is its own Failure."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield fail(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        if b"\x00" in handle.read(_SNIFF_BYTES):
            yield fail(str(path), "binary file (NUL byte in the first 8 KB), not JSON Lines")
            return
        handle.seek(0)
        offset, records = 0, 0
        for number in itertools.count(1):
            try:
                raw = handle.readline(options.max_bytes + 1)
            except OSError as exc:
                yield fail(f"{path}:{number}", f"cannot read: {exc.strerror or exc}")
                return
            if not raw:
                break
            source, start = f"{path}:{number}", offset
            offset += len(raw)
            if len(raw) > options.max_bytes and not raw.endswith(b"\n"):
                offset += _skip_line(handle)
                yield fail(source, f"line is over the max_bytes limit of {options.max_bytes:,} bytes")
                continue
            if raw.strip():
                records += 1
                yield from _jsonl_line(raw, start, source, options)
    if records == 0:
        yield fail(str(path), "empty file (no JSON Lines records)")


def _skip_line(handle: Any) -> int:
    """Read past the rest of an overlong line in chunks; return the bytes skipped."""
    skipped = 0
    while chunk := handle.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _jsonl_line(raw: bytes, start: int, source: str, options: ReadOptions) -> Iterator[Item]:
    """The items of one non-blank JSONL line that starts at byte ``start`` of its file."""
    if start == 0 and raw.startswith(codecs.BOM_UTF8):
        raw, start = raw[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield fail(source, f"invalid UTF-8 at byte {start + exc.start} of the file")
        return
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "too deep"
        if not raw.endswith(b"\n"):
            yield fail(source, f"truncated last line (no newline at the end, not valid JSON: {detail})")
        else:
            yield fail(source, f"not valid JSON ({detail})")
        return
    yield from _record(data, source, options)


def _read_json(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Articles from a JSON file holding one article object or a list of them."""
    data = read_bytes(path, options.max_bytes)
    text = data if isinstance(data, Failure) else _decode(data, str(path))
    if isinstance(text, Failure):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield fail(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except RecursionError:
        yield fail(str(path), "not valid JSON (nested too deep)")
        return
    if isinstance(value, list):
        if not value:
            yield fail(str(path), "holds an empty list, no articles")
        for index, record in enumerate(value):
            yield from _record(record, f"{path}#/{index}", options)
    else:
        yield from _record(value, str(path), options)


def _record(data: Any, source: str, options: ReadOptions) -> Iterator[Item]:
    """An Article from one JSON record (plus a Failure when its date had to be ignored)."""
    if not isinstance(data, dict):
        yield fail(source, f"record is a JSON {_json_type(data)}, not an object")
        return
    text = data.get("text")
    if text is None:
        yield fail(source, "record has no 'text' field")
        return
    if not isinstance(text, str):
        yield fail(source, f"'text' is a JSON {_json_type(text)}, not a string")
        return
    if not text.strip():
        yield fail(source, "'text' is empty")
        return
    record_id = data.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, (str, int))):
        yield fail(source, f"'id' is a JSON {_json_type(record_id)}, not a string or integer")
        return
    published, published_source, bad_date = options.published, "option" if options.published else None, None
    if data.get("published") not in (None, ""):
        try:
            published, published_source = parse_published(data["published"]), "field"
        except ValueError:
            published, published_source, bad_date = None, None, data["published"]
    article = Article.create(
        id=None if record_id is None else str(record_id),
        text=_newlines(text),
        url=_optional_str(data.get("url")),
        outlet=_optional_str(data.get("outlet")),
        title=_optional_str(data.get("title")),
        published=published,
        published_source=published_source,
        source=source,
    )
    yield article
    if bad_date is not None:
        problem = f"'published' {bad_date!r} is not a date; article kept without a date"
        yield fail(source, problem, article.id)


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


# ---- directories and dispatch ----------------------------------------------------------------------


def _read_html(path: Path, options: ReadOptions) -> Iterator[Item]:
    from accord.sources.html import read_html_file  # trafilatura loads only when HTML is read

    yield from read_html_file(path, options)


def _read_feed(path: Path, options: ReadOptions) -> Iterator[Item]:
    from accord.sources.feeds import read_feed_file

    yield from read_feed_file(path, options)


# Extension -> reader. The hook for new formats: a module adding one sets its entry here.
READERS: dict[str, Reader] = {
    ".txt": _read_text_file,
    ".text": _read_text_file,
    ".md": _read_text_file,
    ".jsonl": _read_jsonl,
    ".json": _read_json,
    ".html": _read_html,
    ".htm": _read_html,
    ".rss": _read_feed,
    ".atom": _read_feed,
    ".xml": _read_feed,
}


def _reader_for(path: Path, *, direct: bool) -> Reader:
    """The reader for a path: by extension, plain text for a named file of unknown type."""
    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        return reader
    return _read_text_file if direct else _skip_unknown


def _skip_unknown(path: Path, options: ReadOptions) -> Iterator[Item]:
    kind = path.suffix or "no extension"
    known = ", ".join(sorted(READERS))
    problem = f"skipped: {kind} is not an input type ({known}); name the file to read it as text"
    yield fail(str(path), problem)


def _read_directory(directory: Path, options: ReadOptions) -> Iterator[Item]:
    """Every input file under a directory, recursively, in sorted order."""
    found = False
    for entry in _walk(directory, set()):
        found = True
        if isinstance(entry, Failure):
            yield entry
        else:
            yield from _reader_for(entry, direct=False)(entry, options)
    if not found:
        yield fail(str(directory), "directory holds no input files")


def _walk(directory: Path, seen: set[Path]) -> Iterator[Path | Failure]:
    """Files under a directory, sorted by name, hidden entries skipped, symlink loops cut."""
    real = directory.resolve()
    if real in seen:
        yield fail(str(directory), "symbolic link loop, not followed")
        return
    seen.add(real)
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield fail(str(directory), f"cannot list directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif entry.is_file():
            yield path
        elif entry.is_symlink():
            yield fail(str(path), "broken symbolic link")
        else:
            yield fail(str(path), "not a regular file")


def article_from_record(data: Any, source: str, *, published: date | None = None) -> Article | Failure:
    """An Article from one article record (a dict like a JSONL line), or the Failure saying why not."""
    items = list(_record(data, source, ReadOptions(published=published)))
    return next((i for i in items if isinstance(i, Article)), items[0])
