"""The export driver: one query over events, their articles and their stories, handed to a format's writer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

from accord.errors import UsageError
from accord.store.database import Store
from accord.store.queries import EventFilter
from accord.store.schema import EVENT_COLUMNS

# Article and story fields every format may use, beside the events columns.
_EXTRA = {
    "story_id": "e.story_id", "article_url": "a.url", "article_outlet": "a.outlet", "article_title": "a.title",
    "article_published": "a.published", "article_language": "a.language", "article_source": "a.source",
    "stored_at": "a.stored_at", "coded_at": "a.coded_at",
    "num_mentions": "s.num_mentions", "num_articles": "s.num_articles", "num_sources": "s.num_sources",
}  # fmt: skip

BatchWriter = Callable[[Iterator[pa.RecordBatch], BinaryIO], int]


def _writers() -> dict[str, tuple[BatchWriter, bool | None]]:
    """Format -> (writer, which events by default: None all, False without the negated ones)."""
    from accord.exports import gdelt, plover, tables

    return {
        "jsonl": (tables.write_jsonl, None),
        "csv": (tables.write_csv, None),
        "parquet": (tables.write_parquet, None),
        # GDELT has no negation field: an event that did not happen must not look like one that did.
        "gdelt": (gdelt.write_gdelt, False),
        # PLOVER marks negation in the context (its auxiliary modes), so it keeps them.
        "plover": (plover.write_plover, None),
    }


FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")


def export_events(
    store: Store, where: EventFilter | None = None, *, size: int = 5_000
) -> Iterator[pa.RecordBatch]:
    """Record batches of the selected events with their article and story fields, in stored order."""
    condition, params = (where or EventFilter()).where()
    columns = [f"e.{c}" for c in EVENT_COLUMNS] + [f"{sql} AS {name}" for name, sql in _EXTRA.items()]
    sql = (
        f"SELECT {', '.join(columns)} FROM events e JOIN articles a ON a.id = e.article_id "
        f"LEFT JOIN stories s ON s.story_id = e.story_id WHERE {condition} ORDER BY a.rowid, e.rowid"
    )
    return store.batches(sql, params, size=size)


def export(store: Store, fmt: str, sink: BinaryIO | str | Path, *, where: EventFilter | None = None) -> int:
    """Write the store's events in a format to a binary stream or a file; returns the events written."""
    writers = _writers()
    if fmt not in writers:
        raise UsageError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    writer, negated = writers[fmt]
    chosen = where if where is not None else replace(EventFilter(), negated=negated)
    batches = export_events(store, chosen)
    if isinstance(sink, (str, Path)):
        with open(sink, "wb") as handle:
            return writer(batches, handle)
    return writer(batches, sink)
