"""Readers that turn text files, directories, JSONL/JSON and stdin into Articles (and Failures)."""

from accord.sources.files import READERS, ReadOptions, Reader, parse_published, read_sources

__all__ = ["READERS", "ReadOptions", "Reader", "parse_published", "read_sources"]
