"""Accord: news text to structured event data (who did what to whom, when, where), CAMEO and PLOVER coded."""

from accord.records import Actor, Article, Event, Failure, Place, Plover, Trigger
from accord.settings import Settings

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
]
