"""Events of selective parsing against a full parse, on the throughput sample, in one process.

    .venv/bin/python bench/compare.py [--limit N]

Codes the same articles with selective = true and selective = false and prints how many events each
gives, the events only one of them gives (article, trigger offset, source, target, code) and the CPU
seconds of each. Events are compared by trigger offset, not sentence index: the two modes may split
skipped text into sentences differently, which shifts the indices after it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import DEFAULT, sample

from accord.coder import Coder
from accord.settings import Settings


def coded(articles: list, *, selective: bool) -> tuple[set[tuple], float]:
    """The events of the articles as comparable keys, and the CPU seconds it took."""
    coder = Coder(Settings.load(selective=selective))
    start = time.process_time()
    keys = {(e.article_id, e.trigger.start, e.source.code, e.target.code if e.target else None, e.cameo)
            for result in coder.code(articles) for e in result.events}
    return keys, time.process_time() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (default: the fixed 100)")
    args = parser.parse_args(argv)
    articles = sample(tuple((name, args.limit or count) for name, count in DEFAULT))
    full, full_seconds = coded(articles, selective=False)
    selective, selective_seconds = coded(articles, selective=True)
    print(f"{len(articles)} articles: full parse {len(full)} events ({full_seconds:.1f} s cpu), "
          f"selective {len(selective)} events ({selective_seconds:.1f} s cpu)")
    print(f"only in the full parse: {len(full - selective)}; only with selective parsing: {len(selective - full)}")
    for key in sorted(full - selective, key=str):
        print("  -", *key)
    for key in sorted(selective - full, key=str):
        print("  +", *key)


if __name__ == "__main__":
    main()
