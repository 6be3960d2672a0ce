"""The working state that flows through the pipeline's stages for one article.

Records (records.py) are what Accord hands out; a Document is what the stages share while they work:
the article, its parsed sentences, the actor mentions found in them and the candidate events that
become Event records at the end. Each stage fills the fields it declares it assigns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from accord.records import Actor, Article, Event, Place

# A blank line (spaces allowed) between two sentences: the paragraph break segment.py splits units at.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class Unit:
    """A stretch of article text parsed as one spaCy Doc (a paragraph, less any dateline)."""

    start: int  # character offset of the unit in the article text
    text: str
    doc: Doc | None = None
    # Skipped by selective parsing: `doc` has tokens and sentence starts only (no tags, no parse).
    skipped: bool = False


@dataclass
class Sentence:
    """One sentence: its text, its offsets in the article and its parse."""

    index: int
    start: int
    end: int
    text: str
    span: Span | None = None
    unit: int = 0


@dataclass
class Mention:
    """An actor mentioned in a sentence: the tokens that name it and what they resolve to."""

    actor: Actor
    sentence: int
    head: int  # index of the head token in the unit's Doc
    start: int  # first token index (Doc), inclusive
    end: int  # last token index (Doc), exclusive
    via: str = "name"  # name, role, pronoun, alias, coreference


@dataclass
class Candidate:
    """An event the coder found, before dates, places and contexts are settled."""

    sentence: int
    source: Actor
    target: Actor | None
    cameo: str
    rule: str
    trigger_start: int  # character offsets in the article text
    trigger_end: int
    trigger_text: str
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    token: Token | None = None  # the trigger's head token, for later stages
    date: date | None = None
    date_precision: str = "published"
    location: Place | None = None
    contexts: tuple[str, ...] = ()
    plover: tuple[str, str | None] | None = None  # the pattern's PLOVER (event, mode), over the code's mapping


@dataclass
class Document:
    """Everything the stages know about one article while coding it."""

    article: Article
    units: list[Unit] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dateline: str | None = None  # the place named in a dateline ("ISLAMABAD -"), as written
    home_country: str | None = None  # ISO3 of the dateline place, the article's home by default
    notes: dict[str, Any] = field(default_factory=dict)  # per-stage diagnostics (counts, skips)

    def mentions_in(self, sentence: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == sentence]

    def new_paragraph(self, sentence: int) -> bool:
        """Whether a paragraph starts with this sentence (a blank line before it, or the article's start)."""
        if sentence == 0:
            return True
        between = self.article.text[self.sentences[sentence - 1].end : self.sentences[sentence].start]
        return _PARAGRAPH_BREAK.search(between) is not None
