"""JSONL is the Event contract; CSV and Parquet the flat table; all read back to the stored events."""

from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq

from accord.exports import export
from accord.records import Event
from accord.store import open_store
from accord.store.queries import EventFilter


def test_jsonl_is_the_event_contract(export_store) -> None:
    sink = io.BytesIO()
    with open_store(export_store, read_only=True) as store:
        count = export(store, "jsonl", sink)
        stored = store.events()
    events = [Event.from_json(json.loads(line)) for line in sink.getvalue().decode().splitlines()]
    assert count == len(stored) and events == stored


def test_csv_has_a_header_and_one_row_per_event(export_store) -> None:
    sink = io.BytesIO()
    with open_store(export_store, read_only=True) as store:
        count = export(store, "csv", sink, where=EventFilter(code="04"))
    rows = list(csv.DictReader(io.StringIO(sink.getvalue().decode("utf-8"))))
    assert len(rows) == count > 0
    assert all(r["cameo"].startswith("04") for r in rows)
    assert {"num_articles", "story_id", "article_outlet", "plover_contexts"} <= set(rows[0])
    assert all(r["num_articles"] == "2" for r in rows)


def test_parquet_keeps_types_and_lists(export_store, tmp_path) -> None:
    path = tmp_path / "events.parquet"
    with open_store(export_store, read_only=True) as store:
        count = export(store, "parquet", path)
        stored = store.counts()["events"]
    table = pq.read_table(path)
    assert table.num_rows == count == stored
    assert pa.types.is_list(table.schema.field("plover_contexts").type)
    assert str(table.schema.field("date").type) == "date32[day]"


def test_an_empty_selection_still_has_the_columns(export_store, tmp_path) -> None:
    path = tmp_path / "none.parquet"
    with open_store(export_store, read_only=True) as store:
        assert export(store, "parquet", path, where=EventFilter(actor="XXX")) == 0
        sink = io.BytesIO()
        assert export(store, "csv", sink, where=EventFilter(actor="XXX")) == 0
    assert pq.read_table(path).num_rows == 0
    assert sink.getvalue().decode().startswith('"id","article_id"')
