"""The pipeline checks its stage order when built."""

from __future__ import annotations

import pytest

from accord.document import Document
from accord.errors import PipelineError
from accord.pipeline import Pipeline, check_order
from accord.records import Article


class _Stage:
    def __init__(self, name, requires, assigns):
        self.name, self.requires, self.assigns = name, requires, assigns

    def __call__(self, doc: Document) -> Document:
        doc.notes.setdefault("ran", []).append(self.name)
        return doc


def test_stages_in_order_run_in_order():
    pipeline = Pipeline([_Stage("a", ("article",), ("x",)), _Stage("b", ("x",), ("y",))])
    doc = pipeline.run(Article.create(text="Some text."))
    assert doc.notes["ran"] == ["a", "b"]


def test_a_stage_before_what_it_needs_is_refused():
    with pytest.raises(PipelineError, match="'b' .* needs x"):
        check_order([_Stage("b", ("x",), ("y",)), _Stage("a", ("article",), ("x",))])


def test_the_standard_pipeline_is_in_a_valid_order(coder):
    assert coder.pipeline.names == ["segment", "actors", "events", "contexts", "dates", "places", "local", "build"]


def test_pipe_batches_give_the_same_events_as_single_runs(coder, example_text):
    articles = [Article.create(text=example_text, url=f"u{i}") for i in range(3)]
    piped = [d.events for d in coder.pipeline.pipe(articles)]
    single = [coder.pipeline.run(a).events for a in articles]
    assert [[e.to_json() for e in evs] for evs in piped] == [[e.to_json() for e in evs] for evs in single]
