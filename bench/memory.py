"""Peak memory of one process coding a corpus with Accord's whole pipeline (Coder.code).

    .venv/bin/python bench/memory.py [--corpus reuters21578.jsonl] [--count 2000] [--full]

Codes `count` articles spread evenly over the corpus (0: all of it) and prints the peak resident set
size of the process (resource.getrusage ru_maxrss: the model, the knowledge, the gazetteer and spaCy's
native buffers included), with the resident size after loading, before any article.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import CORPUS, evenly_spaced
from throughput import peak_rss_mb

from accord.coder import Coder
from accord.knowledge.gazetteer import get_gazetteer
from accord.settings import Settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", default="reuters21578.jsonl", help="a JSONL file of ../shared/corpus/")
    parser.add_argument("--count", type=int, default=2000, help="articles, spread evenly (0: all)")
    parser.add_argument("--full", action="store_true", help="parse every sentence (selective = false)")
    args = parser.parse_args(argv)
    coder = Coder(Settings.load(selective=not args.full))
    get_gazetteer()
    loaded = peak_rss_mb()
    articles = evenly_spaced(CORPUS / args.corpus, args.count)
    start = time.process_time()
    events = sum(len(coded.events) for coded in coder.code(articles))
    seconds = time.process_time() - start
    print(f"{len(articles)} articles of {args.corpus}: {events} events, {len(articles) / seconds:.2f} articles/s (cpu)")
    print(f"peak memory (ru_maxrss): {peak_rss_mb():.0f} MB; after loading, before coding: {loaded:.0f} MB")


if __name__ == "__main__":
    main()
