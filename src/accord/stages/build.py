"""Build: candidates become Event records, with the CAMEO table's Goldstein value and quad class and
the PLOVER type, mode and contexts."""

from __future__ import annotations

from accord.document import Candidate, Document
from accord.knowledge.tables import CameoCode, PloverType
from accord.records import Event, Plover, Trigger


class BuildStage:
    """Turn every candidate into an Event record."""

    name = "build"
    requires = ("candidates", "dates", "places", "contexts")
    assigns = ("events",)

    def __init__(self, cameo: dict[str, CameoCode], plover: dict[str, PloverType], coder: str) -> None:
        self.cameo = cameo
        self.plover = plover
        self.coder = coder

    def __call__(self, doc: Document) -> Document:
        doc.events = [self.event(doc, c) for c in doc.candidates]
        doc.events.sort(key=lambda e: (e.sentence_index, e.trigger.start if e.trigger else 0, e.cameo))
        return doc

    def event(self, doc: Document, c: Candidate) -> Event:
        """One Event record from a candidate."""
        code = self.cameo[c.cameo]
        mapped = self.plover.get(c.cameo)
        # a pattern's own PLOVER type for its act, else the code's mapping
        event, mode = c.plover or ((mapped.event, mapped.mode) if mapped else ("", None))
        contexts = tuple(dict.fromkeys([*(mapped.contexts if mapped else ()), *c.contexts]))
        sentence = doc.sentences[c.sentence]
        target = c.target.code if c.target else ""
        return Event(
            id=Event.make_id(doc.article.id, c.sentence, c.source.code, target, c.cameo),
            article_id=doc.article.id,
            sentence_index=c.sentence,
            sentence=sentence.text,
            source=c.source,
            target=c.target,
            cameo=c.cameo,
            cameo_root=code.root,
            plover=Plover(event=event, mode=mode, contexts=contexts),
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            negated=c.negated,
            modality=c.modality,
            date=c.date,
            date_precision=c.date_precision,
            location=c.location,
            trigger=Trigger(text=c.trigger_text, start=c.trigger_start, end=c.trigger_end),
            rule=c.rule,
            confidence=c.confidence,
            coder=self.coder,
        )
