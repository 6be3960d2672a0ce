"""The task a Dask worker runs: code one shard and write its events as Parquet.

It runs in the worker's process, so it imports nothing of Dask's; the coder is built on the worker's first
shard and reused for the next ones (``get_coder`` keeps one per process and settings).
"""

from __future__ import annotations

from accord.cluster.shards import Shard, ShardResult, write_events
from accord.settings import Settings


def code_shard(shard: Shard, settings: Settings, root: str) -> ShardResult:
    """Code the shard's articles, write their events under root, and say what was done."""
    from accord.coder import get_coder

    coded = list(get_coder(settings).code(shard.articles))
    events = [event for c in coded if c.failure is None for event in c.events]
    return ShardResult(
        key=shard.key,
        files=write_events(events, root, shard.key),
        coded=tuple(c.article.id for c in coded if c.failure is None),
        failures=tuple(c.failure for c in coded if c.failure is not None),
    )


def warm_up(settings: Settings) -> None:
    """Build the coder (load the model and knowledge) before the first shard."""
    from accord.coder import get_coder

    get_coder(settings)
