"""The pipeline: stages declared with what they need and what they set, checked when built.

A stage is any object with ``name``, ``requires`` and ``assigns`` (tuples of field names) and a
``__call__(Document) -> Document``. A stage may also offer ``pipe(Iterable[Document])`` to work on
batches (the parser does, so spaCy's ``nlp.pipe`` batches across articles). ``Pipeline`` checks that
every stage's requirements are assigned by an earlier stage, then runs them in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Protocol, runtime_checkable

from accord.document import Document
from accord.errors import PipelineError
from accord.records import Article

# Fields an Article brings before any stage runs.
GIVEN = ("article",)


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


def check_order(stages: Sequence[Stage], given: Iterable[str] = GIVEN) -> None:
    """Raise PipelineError when a stage needs a field no earlier stage assigns."""
    have = set(given)
    for position, stage in enumerate(stages):
        missing = [f for f in stage.requires if f not in have]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} (position {position}) needs {', '.join(missing)}, "
                f"which no earlier stage assigns (have: {', '.join(sorted(have))})"
            )
        have.update(stage.assigns)


class Pipeline:
    """An ordered, checked list of stages run over Documents."""

    def __init__(self, stages: Sequence[Stage], *, batch_size: int = 32) -> None:
        check_order(stages)
        self.stages = list(stages)
        self.batch_size = batch_size

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, article: Article) -> Document:
        """Run every stage on one article."""
        doc = Document(article=article)
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Run the stages over many articles, in batches where a stage supports it."""
        iterator = iter(articles)
        while True:
            batch = [Document(article=a) for a in islice(iterator, self.batch_size)]
            if not batch:
                return
            for stage in self.stages:
                piped = getattr(stage, "pipe", None)
                batch = list(piped(batch)) if piped else [stage(d) for d in batch]
            yield from batch
