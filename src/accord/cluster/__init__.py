"""Coding a corpus on a Dask cluster: shards coded by workers, Parquet by date, loaded into the store."""
