"""Fixtures of the stage tests."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def events():
    """Code a hand-made text with every event kept (targetless and hypothetical too): its Events."""
    from accord.coder import get_coder
    from accord.records import Article
    from accord.settings import Settings

    coder = get_coder(Settings(require_target=False, modalities="asserted,intended,reported,hypothetical"))

    def run(text: str, published: str = "2015-06-01"):
        article = Article.create(text=text, published=date.fromisoformat(published))
        return coder.pipeline.run(article).events

    return run
