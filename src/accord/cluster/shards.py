"""Shards of a cluster run, and a shard's events as Parquet files partitioned by date.

A shard is named by its articles (a hash of their ids and the coder), so coding it again, after its worker
died, writes the same files under the same names: the Parquet dataset and the store never hold a shard
twice. Each file is written under a hidden temporary name and renamed into place, so a reader (or the
loader) never sees half a file; readers of Hive-style datasets skip names starting with "." or "_".

Layout: ``ROOT/date=YYYY-MM-DD/part-<shard>.parquet``, one file per shard and event date; events with no
date go to ``date=__HIVE_DEFAULT_PARTITION__`` as Hive and Spark name the null partition.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from accord.records import Article, Event, Failure
from accord.store.rows import event_from_row, event_row
from accord.store.schema import ARROW_TYPES, EVENT_COLUMNS

NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
# The partition column lives in the directory name, not in the files (the Hive convention).
_FILE_SCHEMA = pa.schema([(name, ARROW_TYPES[sql]) for name, sql in EVENT_COLUMNS.items() if name != "date"])


@dataclass(frozen=True)
class Shard:
    """Articles coded together by one task; the key names the shard's files."""

    key: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class ShardResult:
    """What a worker did with a shard: the Parquet files it wrote, the articles coded, the failures."""

    key: str
    files: tuple[str, ...]
    coded: tuple[str, ...]  # ids of the articles coded (with or without events)
    failures: tuple[Failure, ...] = ()


def shard_key(articles: Sequence[Article], coder: str) -> str:
    """A name for these articles coded by this coder: the same input gives the same files."""
    digest = hashlib.sha256(coder.encode("utf-8"))
    for article in articles:
        digest.update(b"\x00" + article.id.encode("ascii", "replace"))
    return digest.hexdigest()[:20]


def make_shards(articles: Iterable[Article], size: int, coder: str) -> Iterator[Shard]:
    """Consecutive shards of at most size articles."""
    iterator = iter(articles)
    while chunk := tuple(islice(iterator, size)):
        yield Shard(key=shard_key(chunk, coder), articles=chunk)


def partition_of(day: date | None) -> str:
    """The directory of an event date."""
    return f"date={day.isoformat() if day else NULL_PARTITION}"


def write_events(events: Sequence[Event], root: str | Path, key: str) -> tuple[str, ...]:
    """Write a shard's events, one file per date, each atomically; the paths written, sorted."""
    by_day: dict[date | None, list[dict]] = defaultdict(list)
    for event in events:
        row = event_row(event)
        del row["date"]
        by_day[event.date].append(row)
    written = []
    for day, rows in by_day.items():
        folder = Path(root) / partition_of(day)
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{key}.parquet"
        temporary = folder / f".part-{key}.{uuid.uuid4().hex}.tmp"
        try:
            pq.write_table(pa.Table.from_pylist(rows, schema=_FILE_SCHEMA), temporary)
            os.replace(temporary, final)
        finally:
            temporary.unlink(missing_ok=True)
        written.append(str(final))
    return tuple(sorted(written))


def remove_shard(root: str | Path, key: str) -> None:
    """Delete whatever files a shard left (a worker killed after writing, before it could report)."""
    for path in Path(root).glob(f"date=*/part-{key}.parquet"):
        path.unlink(missing_ok=True)


def read_events(paths: Iterable[str | Path]) -> dict[str, list[Event]]:
    """Events of the given shard files, by article id, the date taken from each file's directory."""
    found: dict[str, list[Event]] = defaultdict(list)
    for path in paths:
        day = _day_of(Path(path).parent.name)
        for row in pq.read_table(path, schema=_FILE_SCHEMA).to_pylist():
            row["date"] = day
            found[row["article_id"]].append(event_from_row(row))
    return dict(found)


def _day_of(folder: str) -> date | None:
    value = folder.partition("=")[2]
    return None if value == NULL_PARTITION else date.fromisoformat(value)
