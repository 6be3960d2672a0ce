"""The fixed benchmark sample: evenly spaced articles from corpora under ../shared/corpus/.

The same selection every run, so figures from different days compare: for each corpus, the articles at
positions 0, n/k, 2n/k, ... of its JSONL file (n lines, k wanted), skipping records with no text.
"""

from __future__ import annotations

import json
from pathlib import Path

from accord.records import Article
from accord.sources.files import article_from_record

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# The throughput sample: 100 articles from each of three corpora of different styles.
DEFAULT = (("reuters21578.jsonl", 100), ("kremlin.jsonl", 100), ("state-department.jsonl", 100))


def evenly_spaced(path: Path, count: int) -> list[Article]:
    """`count` articles spread evenly over a JSONL corpus (all of them when count is 0)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    records = [r for r in records if str(r.get("text") or "").strip()]
    if count and count < len(records):
        records = [records[i * len(records) // count] for i in range(count)]
    articles = []
    for number, record in enumerate(records, start=1):
        item = article_from_record(record, f"{path.name}:{number}")
        if isinstance(item, Article):
            articles.append(item)
    return articles


def sample(spec: tuple[tuple[str, int], ...] = DEFAULT, corpus: Path = CORPUS) -> list[Article]:
    """The benchmark articles, corpus by corpus in the order of `spec`."""
    return [a for name, count in spec for a in evenly_spaced(corpus / name, count)]
