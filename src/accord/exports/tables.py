"""JSON Lines in the Event contract, and the flat events table as CSV or Parquet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from accord.store.rows import event_from_row
from accord.store.schema import EVENT_COLUMNS


def write_jsonl(batches: Iterator[pa.RecordBatch], sink: BinaryIO) -> int:
    """One event a line in the public JSON contract (DESIGN.md), exactly as `accord code --format jsonl`."""
    count = 0
    for batch in batches:
        for row in batch.select(list(EVENT_COLUMNS)).to_pylist():
            sink.write(json.dumps(event_from_row(row).to_json(), ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
    return count


def _flat(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The contexts list as one ';'-separated string: CSV cells hold no lists."""
    index = batch.schema.get_field_index("plover_contexts")
    joined = pc.binary_join(batch.column(index), ";")
    return batch.set_column(index, "plover_contexts", joined)


def write_csv(batches: Iterator[pa.RecordBatch], sink: BinaryIO) -> int:
    """The flat events table with article and story fields, a header line, quoted where needed."""
    count = 0
    writer = None
    for batch in batches:
        flat = _flat(batch)
        if writer is None:
            writer = pacsv.CSVWriter(
                sink, flat.schema, write_options=pacsv.WriteOptions(quoting_style="needed")
            )
        writer.write_batch(flat)
        count += batch.num_rows
    if writer is not None:
        writer.close()
    return count


def write_parquet(batches: Iterator[pa.RecordBatch], sink: BinaryIO) -> int:
    """The flat events table as Parquet, contexts kept as a list column."""
    count = 0
    writer = None
    for batch in batches:
        if writer is None:
            writer = pq.ParquetWriter(sink, batch.schema, compression="zstd")
        writer.write_batch(batch)
        count += batch.num_rows
    if writer is not None:
        writer.close()
    return count
