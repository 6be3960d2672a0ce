"""The DuckDB store: schema and migrations, the batch writer, record-level reads and the queries."""

from accord.store.database import SCHEMA_VERSION, BatchResult, Store, open_store

__all__ = ["SCHEMA_VERSION", "BatchResult", "Store", "open_store"]
