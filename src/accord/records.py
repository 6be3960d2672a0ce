"""Accord's records: frozen, keyword-only dataclasses and their JSON form.

The JSON form of an Event is the public contract (see DESIGN.md): field names as here, nested
``source``/``target``/``location``/``plover``/``trigger`` objects, CAMEO codes as strings.
This module imports nothing of Accord's.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode NFC with runs of whitespace folded, the form an article's identity is computed on."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str, url: str | None = None) -> str:
    """Stable id of an article: sha256 of its normalised text and url."""
    digest = hashlib.sha256()
    digest.update(normalise_text(text).encode("utf-8"))
    digest.update(b"\x00")
    digest.update((url or "").encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True, kw_only=True)
class Article:
    """One news item as Accord reads it."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    # Where `published` came from: "field", "option", "dateline", "text" or None when unknown.
    published_source: str | None = None
    language: str = "en"
    source: str | None = None  # the file, line or URL the article was read from

    @classmethod
    def create(cls, *, text: str, id: str | None = None, url: str | None = None, **fields: Any) -> Article:
        """An Article whose id is computed from text and url unless one is given."""
        return cls(id=id or article_id(text, url), text=text, url=url, **fields)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True, kw_only=True)
class Actor:
    """Who acts or is acted upon, resolved to CAMEO-style codes."""

    text: str
    name: str
    code: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    kind: str = "state"  # state, person, organisation, company, group

    @property
    def entity(self) -> str | None:
        """The country if set, else the organisation: what evaluation compares."""
        return self.country or self.org

    @classmethod
    def implied(cls, country: str, sector: str | None = None) -> Actor:
        """A state (or its government) an event implies but the text does not name: no text of its own."""
        return cls(text="", name=country, code=country + (sector or ""), country=country, sector=sector,
                   kind="state")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Actor:
        return cls(**data)


@dataclass(frozen=True, kw_only=True)
class Place:
    """A place on the map, from the gazetteer; `text` is how the article wrote it ("Washington, D.C.",
    "Kharkov"), None when the place was inferred rather than named (a visit's host country)."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "city"  # country, admin1, city
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Place:
        return cls(**data)


@dataclass(frozen=True, kw_only=True)
class Trigger:
    """The words that carry the event, with character offsets into the article text."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True)
class Plover:
    """The PLOVER reading of an event: type, mode and contexts."""

    event: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode, "contexts": list(self.contexts)}


@dataclass(frozen=True, kw_only=True)
class Event:
    """One coded event: who did what to whom, when, where."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: Plover
    quad_class: int
    goldstein: float
    negated: bool = False
    modality: str = "asserted"  # asserted, intended, reported, hypothetical
    date: date | None = None
    date_precision: str = "published"  # day, month, year, published
    location: Place | None = None
    trigger: Trigger | None = None
    rule: str = ""
    confidence: float = 0.5
    coder: str = ""

    @staticmethod
    def make_id(article_id: str, sentence_index: int, source: str, target: str, cameo: str) -> str:
        """Stable event id: a hash of article, sentence, dyad and code."""
        key = "\x1f".join([article_id, str(sentence_index), source, target, cameo])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]

    def to_json(self) -> dict[str, Any]:
        """The public JSON contract of an event."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "source": self.source.to_json(),
            "target": self.target.to_json() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover.to_json(),
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "negated": self.negated,
            "modality": self.modality,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "location": self.location.to_json() if self.location else None,
            "trigger": self.trigger.to_json() if self.trigger else None,
            "rule": self.rule,
            "confidence": self.confidence,
            "coder": self.coder,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        """Read an event back from its JSON contract."""
        plover = data.get("plover") or {}
        trigger = data.get("trigger")
        return cls(
            id=data["id"],
            article_id=data["article_id"],
            sentence_index=data["sentence_index"],
            sentence=data["sentence"],
            source=Actor.from_json(data["source"]),
            target=Actor.from_json(data["target"]) if data.get("target") else None,
            cameo=data["cameo"],
            cameo_root=data["cameo_root"],
            plover=Plover(
                event=plover.get("event", ""),
                mode=plover.get("mode"),
                contexts=tuple(plover.get("contexts") or ()),
            ),
            quad_class=data["quad_class"],
            goldstein=data["goldstein"],
            negated=data.get("negated", False),
            modality=data.get("modality", "asserted"),
            date=date.fromisoformat(data["date"]) if data.get("date") else None,
            date_precision=data.get("date_precision", "published"),
            location=Place.from_json(data["location"]) if data.get("location") else None,
            trigger=Trigger(**trigger) if trigger else None,
            rule=data.get("rule", ""),
            confidence=data.get("confidence", 0.5),
            coder=data.get("coder", ""),
        )


@dataclass(frozen=True, kw_only=True)
class Failure:
    """An input that could not be read or coded, and why: failures are data, never dropped."""

    source: str  # file path, "path:line", URL or article id
    reason: str  # one line, naming the problem
    stage: str = "read"  # read, decode, parse, code, store
    article_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
