"""Place names in a sentence: the spans that may name a place (NER's, a capitalised run after a cue word,
a name before a region word), their qualifiers ("Paris, Texas"), which prepositions say where, and the
gazetteer lookup of a name. The places stage (places.py) chooses among them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from accord.knowledge.gazetteer import REGION_WORDS, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from accord.document import Document
    from accord.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "within", "around", "across", "into", "throughout"})
# Prepositions that never say where the event happened ("sanctions against Russia", "ties with Moscow").
NON_LOCATIVE = frozenset({"of", "with", "against", "for", "about", "from", "than", "between", "by", "toward",
                          "towards", "like", "among", "over"})  # fmt: skip
# Words after which a capitalised run is worth a lookup even when NER saw no entity.
CUE_WORDS = frozenset({"in", "at", "to", "near", "from"})
MAX_NAME_TOKENS = 4
# Entity types a capitalised word after a cue cannot carry and still be a place the model mislabelled. NORP
# is not one: the small model calls "Punjab" NORP, and a demonym after a cue ("to Pakistani officials") finds
# no place under its own name anyway.
NOT_PLACE_ENTITIES = frozenset({"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY",
                                "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"})  # fmt: skip
# Nouns a place name hangs on with "of" ("the city of Izmir", "the province of Idlib"): the noun's own
# preposition then says whether the place is where the event happened.
PLACE_NOUNS = frozenset({"city", "town", "village", "port", "capital", "district", "county", "area", "island",
                         "sector", "quarter", "neighborhood", "neighbourhood", "suburb", "suburbs", "outskirts",
                         "centre", "center",
                         "municipality", *REGION_WORDS})  # fmt: skip


def actor_tokens(doc: Document, sentence: int) -> set[int]:
    """Token indices (in the unit Doc) that name an actor in this sentence, less countries named after
    a locative preposition ("an airstrike in Iraq": the actors stage keeps Iraq as a possible target)."""
    span = doc.sentences[sentence].span
    covered: set[int] = set()
    for m in doc.mentions:
        if m.sentence != sentence:
            continue
        head = span.doc[m.head] if span is not None else None
        if head is not None:
            head = place_noun(head) or head  # "in the capital city of Algiers": the place noun's phrase
        if head is not None and head.dep_ == "pobj" and says_where(head.head, head) and m.actor.kind == "state" \
                and m.actor.sector in (None, "GOV"):
            continue  # a country or a capital where something happens, not the state acting
        covered.update(range(m.start, m.end))
    return covered


def name_spans(span: Span, covered: set[int]) -> Iterator[tuple[Span, bool | None]]:
    """Spans that may name a place, each flagged True when NER called it one, False for a run after a cue
    and None for a name before a region word (looked up whole, never in part)."""
    taken: set[int] = set()
    for run in _region_runs(span):
        if not named_by_actor(run, covered):
            taken.update(range(run.start, run.end))
            yield run, None
    for ent in span.ents:
        if ent.label_ in PLACE_LABELS and not taken.intersection(range(ent.start, ent.end)) \
                and not named_by_actor(ent, covered) and not _stance(ent):
            end = ent.end
            while end < span.end and _joining_hyphen(span.doc, end, span.end):
                end += 2  # NER may stop at a hyphen: "Ivano" of "Ivano-Frankivsk"
            ent = span.doc[ent.start : end]
            taken.update(range(ent.start, ent.end))
            yield ent, True
    for run in _cue_runs(span):
        if not taken.intersection(range(run.start, run.end)) and not named_by_actor(run, covered):
            taken.update(range(run.start, run.end))
            yield run, False


def _stance(name: Span) -> bool:
    """Whether a name only says whose side someone is on: "an anti-Syria journalist", "pro-Moscow rebels"."""
    doc = name.doc
    return name.start >= 2 and doc[name.start - 1].text == "-" and doc[name.start - 2].lower_ in {"anti", "pro"}


def _cue_runs(span: Span) -> Iterator[Span]:
    """Capitalised proper-noun runs right after a cue word ("in", "at", "to", "near", "from"; and an optional
    "the"), or after the "of" of a bare place noun ("the province of Gedaref")."""
    doc = span.doc
    for token in span:
        if token.lower_ not in CUE_WORDS and not (token.lower_ == "of" and bare_place_noun(token.head)):
            continue
        start = token.i + 1
        if start < span.end and doc[start].lower_ == "the":
            start += 1
        end = start
        while end < span.end and end - start < MAX_NAME_TOKENS and (capitalised(doc[end]) or (
                end > start and _joining_hyphen(doc, end, span.end))):
            end += 1
        if end > start:
            yield doc[start:end]


def _joining_hyphen(doc: Doc, index: int, limit: int) -> bool:
    """A hyphen inside one name ("Khanty-Mansiysk", "Ivano-Frankivsk"): no space around it, a capitalised
    word after it."""
    token = doc[index]
    return (token.text == "-" and not doc[index - 1].whitespace_ and not token.whitespace_
            and index + 1 < limit and capitalised(doc[index + 1]))


def _region_runs(span: Span) -> Iterator[Span]:
    """Capitalised words right before a region word: "Punjab province", "the Donetsk region", "Rakhine State"."""
    doc = span.doc
    for token in span:
        if token.lower_ not in REGION_WORDS or token.i == span.start:
            continue
        start = token.i
        while start > span.start and token.i - start < MAX_NAME_TOKENS and doc[start - 1].is_alpha \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN":
            start -= 1
        following = doc[token.i + 1] if token.i + 1 < span.end else None
        if following is not None and following.text[:1].isupper() and following.pos_ == "PROPN":
            continue  # the name goes on: "Wayne State University", "Islamic State Province"
        if start < token.i:
            yield doc[start : token.i + 1]


def _qualifier(name: Span, span: Span) -> Span | None:
    """The place entity right after a name and a comma ("Texas" in "Paris, Texas"), or None."""
    doc = name.doc
    comma = name.end
    if comma + 1 >= span.end or doc[comma].text != "," or doc[comma + 1].ent_iob_ != "B" \
            or doc[comma + 1].ent_type_ != "GPE":
        return None
    end = comma + 2
    while end < span.end and doc[end].ent_iob_ == "I":
        end += 1
    return doc[comma + 1 : end]


def qualified_place(
    name: Span, span: Span, gazetteer: Gazetteer, countries: frozenset[str]
) -> tuple[Place, Span] | None:
    """The place a name narrowed by its qualifier means ("Paris, Texas"), and the qualifier; None when the
    comma only separates a list ("Moscow, St Petersburg"): the qualified name is then no known place."""
    qualifier = _qualifier(name, span)
    if qualifier is None:
        return None
    place = gazetteer.lookup(f"{name.text}, {qualifier.text}", countries=countries)
    return (place, qualifier) if place is not None else None


def named_by_actor(name: Span, covered: set[int]) -> bool:
    """Whether an actor mention covers the first word of this name (past any "the")."""
    # Only the beginning counts: a mention names an actor from its first word, so one on the tail of a
    # name alone ("York" of "New York") is a stray from the actors stage and must not hide a real place.
    first = next((t.i for t in name if t.dep_ != "det" and not t.is_punct), name.start)
    return first in covered


def capitalised(token: Token) -> bool:
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and token.pos_ == "PROPN"
        and token.ent_type_ not in NOT_PLACE_ENTITIES
    )


def lookup_name(
    name: Span, from_ner: bool | None, gazetteer: Gazetteer, countries: frozenset[str]
) -> tuple[Span, Place] | None:
    """The place a name means: for an entity its longest known leading part ("Islamabad airport")."""
    noun = place_noun(name.root)
    if noun is not None and noun.lower_ in REGION_WORDS:
        # "the province of Idlib" names the province, not the city: ask for the region.
        place = gazetteer.lookup(f"{name.text} {noun.lower_}", countries=countries)
        if place is not None:
            return name, place
    if from_ner is None:
        # A name before a region word is a region or nothing: "Tyumen Oblast" is no lead to Tyumen the city.
        place = gazetteer.lookup(name.text, countries=countries, alternates=False)
        return (name, place) if place is not None and place.precision == "admin1" else None
    if not from_ner:
        # A capitalised run NER did not call a place must match a place's own name in full: otherwise
        # "in National Assembly" would find National, California, and "to Sea" Seattle.
        place = gazetteer.lookup(name.text, countries=countries, alternates=False)
        return (name, place) if place is not None else None
    for end in range(name.end, name.start, -1):
        part = name.doc[name.start : end]
        place = gazetteer.lookup(part.text, countries=countries)
        if place is not None:
            return part, place
    return None


def says_where(prep: Token, noun: Token) -> bool:
    """Whether a preposition says where: "on" does before a place noun ("on the outskirts of Kabul", "on the
    island of Lesbos"), not before a name ("talks on Ukraine" are about it)."""
    return prep.lower_ in LOCATIVE or (prep.lower_ == "on" and noun.lower_ in PLACE_NOUNS)


def place_noun(root: Token) -> Token | None:
    """The noun a name hangs on with "of" when it is a bare place noun ("city" in "the city of Izmir"), or None.

    A place noun with a name of its own is not named by the "of" phrase: "the Sahel region of Africa".
    """
    if root.dep_ != "pobj" or root.head.lower_ != "of" or not bare_place_noun(root.head.head):
        return None
    return root.head.head


def bare_place_noun(noun: Token) -> bool:
    """A common place noun with no name of its own right before it ("the province", "the U.S. border city";
    not "the Sahel region", nor the "State" of "State of the Union")."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    named = before is not None and before.dep_ == "compound" and before.text[:1].isupper()
    return noun.lower_ in PLACE_NOUNS and noun.text[:1].islower() and not named
