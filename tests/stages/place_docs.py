"""One-sentence Documents for the places stage's tests: a parse, actor mentions and one event candidate."""

from __future__ import annotations

import spacy

from accord.document import Candidate, Document, Mention, Sentence, Unit
from accord.records import Actor, Article


def make_doc(
    nlp: spacy.language.Language,
    text: str,
    mentions: list[tuple[str, Actor]],
    trigger: str,
    *,
    source: Actor,
    cameo: str = "040",
    target: Actor | None = None,
) -> Document:
    """A one-sentence Document with actor mentions on the given words and one candidate on `trigger`."""
    parsed = nlp(text)
    doc = Document(
        article=Article.create(text=text),
        units=[Unit(start=0, text=text, doc=parsed)],
        sentences=[Sentence(index=0, start=0, end=len(text), text=text, span=parsed[:])],
    )
    for words, who in mentions:
        size = len(words.split())
        start = next(t.i for t in parsed if parsed[t.i : t.i + size].text == words)
        doc.mentions.append(Mention(actor=who, sentence=0, head=start, start=start, end=start + size))
    token = next(t for t in parsed if t.text == trigger)
    candidate = Candidate(
        sentence=0, source=source, target=target, cameo=cameo, rule="test", trigger_start=token.idx,
        trigger_end=token.idx + len(token), trigger_text=token.text, token=token,
    )  # fmt: skip
    doc.candidates.append(candidate)
    return doc
