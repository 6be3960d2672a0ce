"""Accord: news text to structured event data (who did what to whom, when, where), CAMEO and PLOVER coded.

The public API: ``code_text`` and ``code_articles`` (the functions the CLI calls), ``open_store`` for the
DuckDB store, ``Settings`` and the records.
"""

from accord.coder import code_articles, code_text
from accord.records import Actor, Article, Event, Failure, Place, Plover, Trigger
from accord.settings import Settings
from accord.store import open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Failure",
    "Place",
    "Plover",
    "Settings",
    "Trigger",
    "__version__",
    "code_articles",
    "code_text",
    "open_store",
]
