"""Targets: who an event is aimed at, read from the phrases around its trigger.

The events stage (events.py) finds a trigger, checks a pattern's conditions and reads the source; the
places a pattern names for its target ("obj", "prep:with", "place:to", "comp", "xobj", "cond", ...) are
read here, together with the fallbacks the engine applies to every pattern: the doer of an act named
as a noun ("abuses by X"), what a protest is against ("rallied against X"), the side an "unless" clause
must move, and the country of the place an act happens in. They live apart from the pattern matching
because they are the largest part of the engine and change for reasons of their own (how English names
whom an act is aimed at), while the matching changes with the pattern format.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from accord.document import Mention
from accord.knowledge.patterns import builtin_classes
from accord.records import Actor
from accord.stages import syntax
from accord.stages.syntax import children

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from accord.knowledge.patterns import Pattern

# Nouns of a call, an offer or a demand: their "from" phrase names who made it ("a demand from Washington").
MAKERS = {"appeal", "call", "demand", "request", "offer", "invitation", "proposal", "plea", "ultimatum",
          "warning", "pressure", "order", "instruction", "initiative", "bid", "overture"}

# What a protest is against: "rallied against X", "a strike over X's bill", "in protest at X", and the words
# of a purpose clause that say it ("marched to demand", "blocked roads to press their demands").
AGAINST = {"against", "over", "at"}
PROTEST_NOUNS = {"protest", "opposition", "defiance", "solidarity"}
# Prepositions that put an act inside a protest: "clashed with police during a rally against X".
AMID = {"during", "amid", "at", "in"}
PURPOSES = {"protest", "demand", "denounce", "condemn", "oppose", "press", "show", "express", "voice", "call",
            "urge", "decry", "reject", "challenge", "demonstrate", "mark", "demanding", "protesting"}

# Nouns of a site that stands in a place: its "of" or "in" phrase names the place ("the town of Gao").
SITES = {"city", "town", "village", "province", "region", "district", "capital", "area", "state", "county",
         "prison", "jail", "camp", "port", "border", "enclave", "suburb", "neighbourhood", "neighborhood"}


# Sites with two sides: "the Thai border" says where something is, never whose it is or who is hit.
EDGES = {"border"}
# What an armed act hits, whose modifiers or phrases name whose it is: a site ("the Bosnian town of Gorazde")
# or a military or civil installation ("Syrian army positions", "targets in Jericho").
HIT = (SITES - EDGES) | {
    "base", "position", "target", "facility", "installation", "post", "outpost", "checkpoint", "convoy",
    "headquarters", "barracks", "settlement", "airport", "airfield", "embassy", "consulate", "vessel", "ship",
    "compound", "stronghold", "hideout", "depot", "market", "bazaar", "hospital", "school"}


class ActorReader(Protocol):
    """What Targets needs of the events stage's finder: the actors a token stands for, and the switch that
    lets it give a group named by its role alone."""

    generic: bool

    def actors(self, token: Token, *, possessor: bool = False) -> list[Mention]: ...


class Targets:
    """Reads the targets of the events of one sentence."""

    def __init__(self, reader: ActorReader, tokens: Doc, sentence: int,
                 country_of_place: Callable[[str], str | None] | None) -> None:
        self.reader = reader
        self.tokens = tokens  # the parsed unit the sentence belongs to
        self.sentence = sentence
        self.country_of_place = country_of_place  # place name -> ISO3 or None

    def doers(self, noun: Token) -> list[Mention]:
        """Who did the act a noun names: its "by" phrase, or that of its participle ("crimes committed by
        X", "property seized by X"); for a call or an offer also its "from" phrase ("an appeal from X").
        An act is aimed at its doer: protesting, probing or rejecting "violations by the army" is aimed
        at the army."""
        preps = {"by", "from"} if noun.lemma_.lower() in MAKERS else {"by"}
        heads = [noun, *(a for a in children(noun, "acl") if a.tag_ == "VBN")]
        return [m for h in heads for o in syntax.prep_objects(h, preps)
                for m in self.reader.actors(o, possessor=True)]

    def protested(self, heads: list[Token], sources: list[Mention]) -> list[Mention]:
        """Whom a protest, strike or riot is against, when the text says it: "in protest against X",
        "a strike over X's bill", or a purpose clause ("marched to demand the resignation of X",
        "blocked roads to protest at X's policy"). Never the protesters themselves."""
        phrases = [o for h in heads for o in syntax.prep_objects(h, AGAINST)]
        phrases += [o for h in heads for p in syntax.prep_objects(h, {"in"}) if p.lemma_.lower() in PROTEST_NOUNS
                    for o in syntax.prep_objects(p, AGAINST | {"of"})]
        # "threw stones during demonstrations against X": the protest the act was part of says whom at
        rallies = builtin_classes()["@protest"] | builtin_classes()["@strike"]
        phrases += [o for h in heads for p in syntax.prep_objects(h, AMID) if p.lemma_.lower() in rallies
                    for o in syntax.prep_objects(p, AGAINST)]
        phrases += [c for h in heads for c in children(h, "advcl", "xcomp", "acl")
                    if c.lemma_.lower() in PURPOSES and (c.tag_ == "VBG" or any(a.lower_ == "to" for a in c.lefts))]
        own = {(m.actor.entity, m.actor.sector) for m in sources}
        for phrase in phrases:
            for token in phrase.subtree:
                if token.pos_ not in {"NOUN", "PROPN", "PRON"} or token.dep_ == "compound":
                    continue
                found = [m for m in self.reader.actors(token, possessor=True)
                         if (m.actor.entity, m.actor.sector) not in own]
                if found:
                    return found
        return []

    def read(self, head: Token, p: Pattern, objects: list[Token], sources: list[Mention] = ()) -> list[Mention]:
        """The first place of the pattern's target list that names an actor other than the source; a group
        named by its role alone ("civilians") only when no place names one ("bombed militants in northern
        Iraq": Iraq). "Japan complained to China about the detention of its citizens": its citizens are
        Japan's own, China is told. Of a protest, what the words say it is against comes before the place
        it happens in ("blocked streets in Hong Kong in defiance of Chinese authorities")."""
        own = {(m.actor.entity, m.actor.sector) for m in sources}
        for generic in (False, True):
            self.reader.generic = generic
            try:
                for spec in p.target:
                    found = self.spec(head, spec, objects, p.prep or frozenset())
                    if spec.startswith("place:") and p.code.startswith("14"):
                        found = self.protested([head, *objects], sources) or found
                    # one source's own ("its citizens") is no target; of several, each may act on another
                    if found and not (len(own) == 1 and all((m.actor.entity, m.actor.sector) in own for m in found)):
                        return found
            finally:
                self.reader.generic = True
        return []

    def spec(self, head: Token, spec: str, objects: list[Token], via: frozenset[str] = frozenset()
             ) -> list[Mention]:
        """The actors one entry of a pattern's target list names ("obj", "prep:with", "place:in", ...);
        `via` are the pattern's own prepositions, whose objects carry its phrases as a direct object would
        ("called for sanctions against Nigeria")."""
        kind, _, word = spec.partition(":")
        if kind == "obj":
            # "called Trump's action a betrayal of the American people": the predicate is no target
            named = [o for o in objects if o.dep_ != "oprd"] or objects
            return [m for o in named for m in self.reader.actors(o, possessor=True)]
        if kind == "dobj":  # the object itself must be an actor: "welcomed the president", not "his plan"
            return [m for o in objects for m in self.reader.actors(o)]
        if kind == "prep":  # "gave 5 million dollars of aid for Chad": the "of" object's phrase too
            heads = [head, *objects, *(o for h in objects for o in syntax.prep_objects(h, {"of"})),
                     *(o for o in syntax.prep_objects(head, set(via) - {word}))]
            if word == "against":  # "mobilized reservists for a possible war against Iraq": the purpose's foe
                heads += [o for h in [head, *objects] for o in syntax.prep_objects(h, {"for"})]
            phrases = [o for h in heads for o in syntax.prep_objects(h, {word})]
            found = [m for o in phrases for m in self.reader.actors(o, possessor=True)]
            if not found and word == "to":  # "contribute troops to a peace-keeping force in Liberia"
                found = self.place([o for o in phrases if o.pos_ == "NOUN"], {"in"})
            if not found and word == "on":  # "lifted embargoes on pharmaceutical sales to Iran": the trade's end
                found = [m for o in phrases if o.pos_ == "NOUN" for t in syntax.prep_objects(o, {"to", "from"})
                         for m in self.reader.actors(t, possessor=True)]
            return found
        if kind == "place":
            return self.place([head, *objects], {word})
        if kind == "dative":
            # a noun's recipient may hang on its light verb: "issued a reminder to Iraq that it must"
            heads = [head] + ([head.head] if head.pos_ == "NOUN" and head.dep_ == "dobj" else [])
            found = [m for h in heads for d in children(h, "dative") for m in self.reader.actors(d, possessor=True)]
            return found or [m for h in heads for o in syntax.prep_objects(h, {"to"})
                             for m in self.reader.actors(o, possessor=True)]
        if kind == "subj":
            return [m for s in syntax.subjects(head) for m in self.reader.actors(s)]
        if kind == "of":
            return [m for o in syntax.prep_objects(head, {"of"}) for m in self.reader.actors(o, possessor=True)]
        if kind == "cond":  # "threatened to strike unless Israel withdrew": the side the threat must move
            return self.conditioned(head, {"unless", "if"})
        if kind == "xobj":  # "refused to meet the king", "declined to send troops to Iraq"
            return self.complement_targets(head)
        if kind == "comp":  # "demanded that the US cancel", "said Iran must withdraw": who is to act
            # the clause may hang on the verb carrying a noun: "reiterated its demand today that Iran ..."
            clauses = syntax.clausal_complements(head) + [c for o in objects for c in children(o, "ccomp")]
            subjects = [s for c in clauses for s in children(c, "nsubj", "nsubjpass")]
            # "called for Russia to withdraw" asks Russia; "called for his death to be investigated" asks
            # no one
            subjects += [s for c in syntax.for_clauses(head) for s in children(c, "nsubj")]
            return [m for s in subjects for t in syntax.conjuncts(s)
                    for m in self.reader.actors(t, possessor=True)]
        # poss, amod, compound: modifiers of a noun
        return [m for c in children(head, kind) for m in self.reader.actors(c)]

    def conditioned(self, head: Token, marks: set[str]) -> list[Mention]:
        """Who must act for a conditioned act to be called off: the subject of its "unless" clause, on the
        trigger, its complement or the verb it complements ("will strike unless the government ...")."""
        heads = [head, *children(head, "xcomp")] + ([head.head] if head.dep_ == "xcomp" else [])
        clauses = [c for h in heads for c in children(h, "advcl")
                   if any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)]
        return [m for c in clauses for s in children(c, "nsubj", "nsubjpass")
                for m in self.reader.actors(s, possessor=True)]

    def complement_targets(self, head: Token) -> list[Mention]:
        """Who the trigger's "to" complement acts on: its object, else a "to"/"with"/"against" object, else
        the country of a place it names. A noun's complement is its infinitive ("readiness to help X")."""
        if head.pos_ == "NOUN":
            infinitives = [a for a in children(head, "acl") if any(c.lower_ == "to" for c in a.lefts)]
        else:  # "called on Arabs to unite against X", parsed as an adverbial clause
            infinitives = [a for a in children(head, "advcl") if syntax.infinitive(a)]
        complements = children(head, "xcomp") + infinitives
        # "to unite and mobilize against X": each verb conjoined to the complement is one too
        complements += [c for x in complements for c in children(x, "conj") if c.pos_ == "VERB"]
        for x in complements:
            objects = syntax.direct_objects(x) + children(x, "dative")
            found = [m for o in objects for m in self.reader.actors(o, possessor=True)]
            found = found or [m for h in [x, *objects]
                              for o in syntax.prep_objects(h, {"to", "with", "against", "on"})
                              for m in self.reader.actors(o, possessor=True)]
            # "refused to allow UN aircraft to land": who the complement lets or makes act
            found = found or [m for c in children(x, "ccomp", "xcomp") for s in children(c, "nsubj")
                              for m in self.reader.actors(s, possessor=True)]
            found = found or self.place([x, *objects], {"in", "to"})
            if found:
                return found
        return []

    def aimed(self, heads: list[Token], objects: list[Token], preps: set[str]) -> list[Mention]:
        """Whom a material act with no actor named is aimed at, read from what it hits: the country of the
        place after one of `preps` ("blockades in the West Bank", "an attack on Marib"), or a site whose
        own words name the side ("against Syrian army positions", "a camp for Sudanese refugees", "at
        targets in Jericho"). Only the act's own objects and phrases count, one site deep."""
        found = self.place(heads + objects, preps)
        if found:
            return found
        phrases = (*objects, *(o for h in [*heads, *objects] for o in syntax.prep_objects(h, preps)))
        for site in (o for o in phrases if o.pos_ == "NOUN" and o.lemma_.lower() in HIT):
            found = [m for c in children(site, "amod", "compound") for m in self.reader.actors(c)
                     if m.actor.country]
            found = found or self.place([site], {"in", "of"})
            found = found or [m for o in syntax.prep_objects(site, {"for", "of"})
                              for m in self.reader.actors(o, possessor=True)]
            if found:
                return found
        return []

    def place(self, heads: list[Token], preps: set[str]) -> list[Mention]:
        """The country of a place after a preposition ("arrives in Islamabad" targets Pakistan)."""
        found: list[Mention] = []
        for obj in (o for h in heads for o in syntax.prep_objects(h, preps)):
            mentions = self.reader.actors(obj)
            if not mentions and obj.pos_ == "NOUN" and obj.lemma_.lower() in SITES:
                # "in the northern city of Mosul", "at a prison in northern Turkey": the site's own place
                inner = list(syntax.prep_objects(obj, {"of", "in"}))
                mentions = [m for o in inner for m in self.reader.actors(o)]
                if not mentions and obj.lemma_.lower() not in EDGES:
                    # "in Russia's Bryansk region", "in the Syrian town": the site's owner
                    mentions = [m for c in children(obj, "poss", "amod") for m in self.reader.actors(c)
                                if m.actor.country]
                # "in Dohuk province", "in the capital Kabul": the name the site word is built on or beside
                named = [c for c in children(obj, "compound", "appos") if c.pos_ == "PROPN"]
                if not mentions and (inner or named):
                    obj = inner[0] if inner else named[-1]
            if mentions:
                found.extend(mentions)
                continue
            if not obj.text[:1].isupper():
                continue  # "in defiance of", "in protest": a common noun is no place (Defiance, Ohio)
            country = self.place_country(obj)
            if country:
                name = self.tokens[obj.left_edge.i : obj.i + 1].text
                actor = Actor(text=name, name=name, code=country, country=country, kind="state")
                found.append(Mention(actor=actor, sentence=self.sentence, head=obj.i, start=obj.i,
                                     end=obj.i + 1, via="place"))
        return found

    def place_country(self, obj: Token) -> str | None:
        """The country of the place a proper noun names, with its modifiers ("the occupied West Bank")
        or, failing that, its capitalised words alone ("West Bank")."""
        if not self.country_of_place:
            return None
        doc = self.tokens
        start = obj.i
        while start > obj.left_edge.i and doc[start - 1].text[:1].isupper():
            start -= 1
        names = dict.fromkeys([doc[obj.left_edge.i : obj.i + 1].text, doc[start : obj.i + 1].text])
        return next((c for c in map(self.country_of_place, names) if c), None)

