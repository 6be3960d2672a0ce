"""Accord's throughput against bare spaCy on the same articles, in one process.

    .venv/bin/python bench/throughput.py [--rounds 3] [--limit N] [--full]

Bare spaCy is ``nlp.pipe`` with the same model and all its components over the article texts; Accord is
``Coder.code`` (segment, selective parse, actors, events, contexts, dates, places, build). The two run
interleaved, chunk by chunk, so that another process on the machine slows both alike; each is timed by
the process's CPU time (time.process_time) and by the wall clock, and the ratio Accord/bare is reported
for both. A warm-up on a few articles (model, knowledge and gazetteer loads) is not timed.
Peak memory is the process's peak resident set size (resource.getrusage ru_maxrss), which counts
spaCy's and numpy's native allocations that tracemalloc does not see.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import DEFAULT, sample

from accord.coder import Coder
from accord.knowledge.gazetteer import get_gazetteer
from accord.settings import Settings

CHUNK = 50  # articles per interleaved chunk


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(coder: Coder, articles: list, rounds: int) -> dict[str, float]:
    """CPU and wall seconds of bare nlp.pipe and of Coder.code over the articles, interleaved by chunk."""
    nlp = coder.pipeline.stages[0].nlp
    batch = coder.settings.batch_size
    totals = {"bare_cpu": 0.0, "bare_wall": 0.0, "accord_cpu": 0.0, "accord_wall": 0.0, "events": 0}
    for _ in range(rounds):
        for start in range(0, len(articles), CHUNK):
            chunk = articles[start : start + CHUNK]
            cpu, wall = time.process_time(), time.perf_counter()
            for _doc in nlp.pipe((a.text for a in chunk), batch_size=batch):
                pass
            totals["bare_cpu"] += time.process_time() - cpu
            totals["bare_wall"] += time.perf_counter() - wall
            cpu, wall = time.process_time(), time.perf_counter()
            events = sum(len(coded.events) for coded in coder.code(chunk))
            totals["accord_cpu"] += time.process_time() - cpu
            totals["accord_wall"] += time.perf_counter() - wall
            totals["events"] += events
    return totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=1, help="passes over the sample (default 1)")
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (default: the fixed 100)")
    parser.add_argument("--full", action="store_true", help="parse every sentence (selective = false)")
    args = parser.parse_args(argv)
    spec = tuple((name, args.limit or count) for name, count in DEFAULT)
    articles = sample(spec)
    coder = Coder(Settings.load(selective=not args.full))
    nlp = coder.pipeline.stages[0].nlp
    words = sum(len(a.text.split()) for a in articles)
    print(f"sample: {len(articles)} articles ({', '.join(f'{n} {name}' for name, n in spec)}), {words} words")
    print(f"model: {coder.settings.model} ({', '.join(nlp.pipe_names)}); selective: {coder.settings.selective}")
    warm = articles[:: max(1, len(articles) // 6)][:6]
    list(nlp.pipe(a.text for a in warm))
    list(coder.code(warm))
    get_gazetteer()  # loaded on the first place name: a one-off per process, like the model load
    t = measure(coder, articles, args.rounds)
    n = len(articles) * args.rounds
    print(f"bare spaCy   {n / t['bare_cpu']:6.2f} articles/s (cpu)  {n / t['bare_wall']:6.2f} articles/s (wall)")
    print(f"Accord       {n / t['accord_cpu']:6.2f} articles/s (cpu)  {n / t['accord_wall']:6.2f} articles/s (wall)"
          f"  {t['events'] // args.rounds} events")
    print(f"ratio Accord/bare: {t['bare_cpu'] / t['accord_cpu']:.2f} (cpu)  {t['bare_wall'] / t['accord_wall']:.2f} (wall)")
    print(f"seconds: bare {t['bare_cpu']:.1f} cpu, {t['bare_wall']:.1f} wall; Accord {t['accord_cpu']:.1f} cpu, "
          f"{t['accord_wall']:.1f} wall")
    print(f"peak memory (ru_maxrss): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
