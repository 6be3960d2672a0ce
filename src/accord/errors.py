"""Accord's exceptions: a hierarchy with an exit code per class and numbered, searchable messages.

A user error ends a command with one line (``accord: E103 ...``) and the class's exit code, never a
traceback. The numbers are stable: a user can search for them.
"""

from __future__ import annotations


class AccordError(Exception):
    """Base class: an error Accord reports to the user in one line."""

    exit_code = 1
    number = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.number} {self.message}"


class UsageError(AccordError):
    """The command was called wrongly (a bad option value, a missing argument)."""

    exit_code = 2
    number = "E001"


class InputError(AccordError):
    """An input could not be read: missing, binary, not UTF-8, malformed JSON, too large."""

    exit_code = 3
    number = "E100"


class KnowledgeError(AccordError):
    """A knowledge file (built-in or the user's) is malformed; the message names the file and line."""

    exit_code = 4
    number = "E200"


class ModelError(AccordError):
    """The spaCy model named in the settings cannot be loaded."""

    exit_code = 5
    number = "E300"


class PipelineError(AccordError):
    """The pipeline was built with stages in an order that cannot work."""

    exit_code = 6
    number = "E400"


class StoreError(AccordError):
    """The store cannot be opened, migrated or written."""

    exit_code = 7
    number = "E500"


class GoldError(AccordError):
    """A gold file for evaluation is malformed."""

    exit_code = 8
    number = "E600"


class ClusterError(AccordError):
    """The Dask cluster cannot be reached or started, or its packages are not installed."""

    exit_code = 9
    number = "E700"
