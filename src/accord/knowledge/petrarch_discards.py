"""Reader for PETRARCH discard dictionaries: phrases that mark a sentence or a story as not to be coded.

``PHRASE`` discards the sentence that holds it, ``+PHRASE`` the whole story. As in PETRARCH's
``check_discards``, a phrase matches at the start of a word and is a stem (``BASEBALL`` also matches
"baseballs") unless it ends with ``_``; matching ignores case and treats ``_`` and runs of blanks as
one blank. Comments and blank lines are read as in the actor and agent dictionaries (see petrarch.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from accord.errors import KnowledgeError
from accord.knowledge.petrarch import _clean_lines, _read_lines


@dataclass(frozen=True, kw_only=True)
class Discard:
    """One discard phrase: the words, whether it discards the story, whether it must end a word."""

    phrase: str
    story: bool
    whole_word: bool
    line: int

    def pattern(self) -> re.Pattern[str]:
        """A regex finding the phrase in a text, as PETRARCH matches it."""
        words = [re.escape(w) for w in self.phrase.split()]
        end = r"(?![A-Za-z0-9])" if self.whole_word else ""
        return re.compile(r"(?<![A-Za-z0-9])" + r"[\s_]+".join(words) + end, re.IGNORECASE)


def parse_discard_dictionary(lines: Iterable[str], *, origin: str) -> list[Discard]:
    """Read a discard dictionary; `origin` names the file in error messages."""
    discards = []
    for number, line, _comment in _clean_lines(lines):
        text = line.strip()
        story = text.startswith("+")
        text = text[1:].strip() if story else text
        whole = text.endswith("_")
        phrase = " ".join(text.replace("_", " ").split()).upper()
        if not phrase:
            raise KnowledgeError(f"{origin}, line {number}: a '+' with no phrase")
        discards.append(Discard(phrase=phrase, story=story, whole_word=whole, line=number))
    return discards


def load_discard_dictionary(path: str | Path) -> list[Discard]:
    """Read a discard dictionary file (UTF-8)."""
    path = Path(path)
    return parse_discard_dictionary(_read_lines(path), origin=path.name)


def first_discard(text: str, discards: Iterable[Discard]) -> Discard | None:
    """The first discard phrase found in a text, story discards before sentence discards."""
    found = [d for d in discards if d.pattern().search(text)]
    found.sort(key=lambda d: not d.story)
    return found[0] if found else None
