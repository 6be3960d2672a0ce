"""A one-line progress display for long jobs: on a terminal only, so pipes and logs stay quiet."""

from __future__ import annotations

from typing import TextIO

from accord.store.jobs import Tally


class ProgressLine:
    """Redraws one status line on stderr after each batch: articles, articles/s, events, failures."""

    def __init__(self, out: TextIO, *, label: str = "ingest") -> None:
        self.out = out
        self.label = label
        self.enabled = out.isatty()
        self._width = 0

    def __call__(self, tally: Tally) -> None:
        if not self.enabled:
            return
        line = (
            f"accord {self.label}: {tally.new:,} coded, {tally.existing:,} already stored, "
            f"{tally.rate:.1f} articles/s, {tally.events:,} events, {tally.failed:,} failed"
        )
        self.out.write("\r" + line.ljust(self._width))
        self.out.flush()
        self._width = len(line)

    def finish(self) -> None:
        """Clear the status line so the summary starts on a clean line."""
        if self.enabled and self._width:
            self.out.write("\r" + " " * self._width + "\r")
            self.out.flush()
