"""Exports of the store: JSONL (the Event contract), CSV, Parquet, the GDELT 2.0 event table, PLOVER JSON.

``export(store, fmt, sink)`` writes every event the filter selects, in stored order, streaming record
batches so a store larger than memory exports in constant memory.
"""

from accord.exports.writer import FORMATS, export, export_events

__all__ = ["FORMATS", "export", "export_events"]
