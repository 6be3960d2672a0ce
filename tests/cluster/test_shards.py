"""Shards and their Parquet files: names fixed by the articles, files by date, written whole, read back equal."""

from __future__ import annotations

import dataclasses
from datetime import date

import pyarrow.parquet as pq
import pytest

from accord.cluster.shards import (
    NULL_PARTITION,
    make_shards,
    read_events,
    remove_shard,
    shard_key,
    write_events,
)
from accord.records import Article


def _articles(count: int) -> list[Article]:
    return [Article.create(text=f"Article number {i}.") for i in range(count)]


def test_shards_cut_the_input_in_order_and_keep_every_article() -> None:
    articles = _articles(7)
    shards = list(make_shards(articles, 3, "accord-test"))
    assert [len(s.articles) for s in shards] == [3, 3, 1]
    assert [a for s in shards for a in s.articles] == articles


def test_a_shard_key_depends_on_its_articles_their_order_and_the_coder() -> None:
    articles = _articles(3)
    key = shard_key(articles, "accord-1")
    assert key == shard_key(list(articles), "accord-1")
    assert key != shard_key(articles[::-1], "accord-1")
    assert key != shard_key(articles[:2], "accord-1")
    assert key != shard_key(articles, "accord-2")


def test_events_round_trip_through_parquet_partitioned_by_date(example_events, tmp_path) -> None:
    files = write_events(example_events, tmp_path, "k1")
    assert files and all(f.endswith("part-k1.parquet") for f in files)
    days = {e.date for e in example_events}
    assert {p.name for p in tmp_path.iterdir()} == {f"date={d.isoformat()}" for d in days}
    back = read_events(files)
    assert sorted((e for es in back.values() for e in es), key=lambda e: e.id) == sorted(
        example_events, key=lambda e: e.id
    )
    # The date lives in the directory (Hive style), not in the file.
    assert "date" not in pq.read_schema(files[0]).names


def test_events_without_a_date_go_to_the_null_partition(example_events, tmp_path) -> None:
    undated = [dataclasses.replace(e, date=None) for e in example_events[:2]]
    (path,) = write_events(undated, tmp_path, "k2")
    assert f"date={NULL_PARTITION}" in path
    assert all(e.date is None for es in read_events([path]).values() for e in es)


def test_writing_a_shard_again_replaces_its_files_and_leaves_no_temporary(example_events, tmp_path) -> None:
    first = write_events(example_events, tmp_path, "k3")
    second = write_events(example_events, tmp_path, "k3")
    assert first == second
    assert sorted(str(p) for p in tmp_path.rglob("*") if p.is_file()) == sorted(second)
    assert sum(len(es) for es in read_events(second).values()) == len(example_events)


def test_remove_shard_deletes_only_that_shards_files(example_events, tmp_path) -> None:
    kept = write_events(example_events, tmp_path, "keep")
    write_events(example_events, tmp_path, "gone")
    remove_shard(tmp_path, "gone")
    assert sorted(str(p) for p in tmp_path.rglob("*.parquet")) == sorted(kept)


@pytest.mark.parametrize("day", [date(2023, 5, 30), date(1999, 12, 31)])
def test_a_partition_is_named_by_iso_date(example_events, tmp_path, day) -> None:
    (path,) = write_events([dataclasses.replace(example_events[0], date=day)], tmp_path, "k4")
    assert f"date={day.isoformat()}" in path
