"""Hand-made records for the store tests: a few actors, an article and an event factory."""

from __future__ import annotations

from datetime import date

from accord.records import Actor, Article, Event, Place, Plover, Trigger

PAK = Actor(text="Pakistan", name="Pakistan", code="PAK", country="PAK")
BLR = Actor(text="Belarus", name="Belarus", code="BLR", country="BLR")
RUS_GOV = Actor(
    text="the Kremlin", name="Russia", code="RUSGOV", country="RUS", sector="GOV", kind="organisation"
)
UN = Actor(text="the UN", name="United Nations", code="IGOUNO", org="UN", sector="IGO", kind="organisation")


def article(text: str, **fields: object) -> Article:
    """An article dated 2023-05-30 unless fields say otherwise."""
    values: dict[str, object] = {"published": date(2023, 5, 30), "outlet": "Wire"}
    values.update(fields)
    return Article.create(text=text, **values)  # type: ignore[arg-type]


def event(
    art: Article, index: int, source: Actor, target: Actor | None, cameo: str, **fields: object
) -> Event:
    """An event of an article with plausible values; fields override any of them."""
    quad = {"0": 1, "1": 3}.get(cameo[0], 1) if int(cameo[:2]) < 15 else 4
    values: dict[str, object] = {
        "id": Event.make_id(art.id, index, source.code, target.code if target else "", cameo),
        "article_id": art.id, "sentence_index": index, "sentence": f"Sentence {index}.",
        "source": source, "target": target, "cameo": cameo, "cameo_root": cameo[:2],
        "plover": Plover(event="CONSULT", mode="visit", contexts=("diplomatic",)),
        "quad_class": quad, "goldstein": 1.9, "date": art.published, "date_precision": "published",
        "location": Place(name="Islamabad", country="PAK", lat=33.72, lon=73.04, geonameid=1176615),
        "trigger": Trigger(text="visited", start=0, end=7), "rule": "visit", "confidence": 0.8,
        "coder": "accord-test",
    }  # fmt: skip
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]
