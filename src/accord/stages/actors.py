"""Actors: find the noun phrases that name an actor and resolve them to codes, with coreference.

A noun phrase is read from its head token and its modifiers in the dependency parse: country names,
demonyms and capitals anywhere in the phrase give the country ("Hungary Foreign Minister Peter
Szijjarto"), the office or role word gives the sector, IGO names the organisation. An ambassador's
country is the one he is "of", not the one he is posted "to". Pronouns, surnames and "the company"
resolve to actors named earlier in the article (see coref.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from accord.document import Document, Mention
from accord.knowledge import tables
from accord.knowledge.lexicon import Cue, Lexicon, Match
from accord.knowledge.people import PeopleIndex, Person, fold
from accord.records import Actor
from accord.stages import belonging
from accord.stages.actor_phrases import (
    compound_chain,
    display_name,
    head_office,
    is_office,
    is_posted,
    led_group,
    members_of_group,
    name_forms,
    name_of,
    name_run,
    np_tokens,
    phrase_sector,
    phrase_text,
    plural_of,
    posted_subtrees,
    seated,
    stance,
)
from accord.stages.coref import ACCUSED_WORDS, PRONOUNS, Salience
from accord.stages.syntax import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "dative", "agent",
             "ROOT", "npadvmod", "compound", "oprd", "csubj"}
_LOCATIVE = {"in", "at", "to", "from", "near", "into", "inside", "across", "around", "toward", "towards",
             "through", "outside", "within"}
_COUNTRY_CUES = {"country", "demonym", "capital", "metonym"}
# Offices that, with no country in the text, belong to the article's home (dateline) country.
# Security forces only when the sentence names no other country: "border guards" in a Kremlin readout
# may well be another country's.
_HOME_SECTORS = {"GOV", "LEG", "JUD", "OPP", "PTY"}
# Offices whose holder, named with the title but unknown to the tables, is still an actor with no country:
# the state's ("President Dos Santos", "Judge Rivera") and the clergy's ("Archbishop Tutu"). Not the
# military: "General" heads too many titles that are no rank ("General Director", "Solicitor General").
_TITLED_OFFICES = {"GOV", "LEG", "JUD", "REL"}
# Sectors of offices a region's name places in its country ("Texas Governor", "the Punjab police", "a resident
# of Antioch, Illinois", "Darfur rebels"); a university, company or party often carries a place in its own
# name.
_REGIONAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "POL", "CVL", "REB", "OPP"})
# Words that make an office a deputy's ("Vice President", "Deputy Prime Minister").
_DEPUTY_WORDS = frozenset({"vice", "deputy", "assistant", "under"})
# Words before a surname that are neither titles of office nor first names ("Mr. Putin").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "madam", "mister"})


def _country_counts(cues: Iterable[Cue]) -> Counter[str]:
    return Counter(c.country for c in cues if c.country and c.kind in _COUNTRY_CUES)


def _first_name(doc: Doc, match: Match) -> bool:
    """Whether a one-word place name is the given name of a two-word person's name ("Victoria Nuland",
    "Jordan Peterson"): NER's person name is it and one word more. Not after "of", and not in a longer
    name: NER also calls "President of Belarus Alexander Lukashenko" a person from "Belarus" on."""
    if match.cue.kind not in {"capital", "country", "region"} or match.end - match.start != 1:
        return False
    first = doc[match.start]
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B" or (first.i > 0 and doc[first.i - 1].lower_ == "of"):
        return False
    after = [t for t in doc[match.end : match.end + 2] if t.ent_type_ == "PERSON" and t.ent_iob_ == "I"]
    return len(after) == 1


def dominant_country(cues: Iterable[Cue]) -> str | None:
    """The country named more often than any other, at least twice and in half of all country cues; a tie
    names none (an Australian tried in New Zealand: whose police?)."""
    counts = _country_counts(cues)
    if not counts:
        return None
    ranked, total = counts.most_common(2), sum(counts.values())
    (top, n) = ranked[0]
    if len(ranked) == 2 and ranked[1][1] == n:
        return None
    return top if n >= 2 and n * 2 >= total else None


def focus_country(cues: Iterable[Cue]) -> str | None:
    """The country an article is mostly about: named at least twice and half again as often as any other."""
    counts = _country_counts(cues).most_common(2)
    if not counts or counts[0][1] < 2:
        return None
    if len(counts) == 2 and counts[0][1] < 1.5 * counts[1][1]:
        return None
    return counts[0][0]


def actor_code(country: str | None, org: str | None, sector: str | None, cameo: str | None = None) -> str:
    """A CAMEO-style actor code: country or IGO code followed by the sector (PAKGOV, IGOUNO, BLRBUS)."""
    if cameo and not country:
        return cameo
    base = country or (f"IGO{org}" if org else "")
    if sector and sector != "IGO":
        return base + sector
    return base


def _make_actor(text: str, name: str, country: str | None, org: str | None, sector: str | None,
                kind: str, cameo: str | None = None) -> Actor:
    return Actor(text=text, name=name, code=actor_code(country, org, sector, cameo), country=country,
                 org=org, sector=sector, kind=kind)


class ActorsStage:
    """Resolve actor mentions sentence by sentence, carrying salience for coreference."""

    name = "actors"
    requires = ("sentences", "dateline")
    assigns = ("mentions", "home_country")

    def __init__(self, lexicon: Lexicon, people: PeopleIndex | None = None,
                 region_country: Callable[[str, bool], str | None] | None = None) -> None:
        self.lexicon = lexicon
        self.people = people
        self.region_country = region_country  # (name, a region word follows) -> ISO3 of a region, or None

    def __call__(self, doc: Document) -> Document:
        salience = Salience()
        matched: dict[int, dict[int, Match]] = {}
        for unit_index, unit in enumerate(doc.units):
            if unit.doc is not None:
                matched[unit_index] = {m.start: m for m in self.lexicon.match([t.text for t in unit.doc])
                                       if not _first_name(unit.doc, m)}
        doc.home_country = self.home_country(doc)
        # Without a dateline or outlet, an office with no country belongs to the country the article
        # is mostly about ("Speaker Pelosi" in a story full of "U.S."), when one clearly dominates.
        cues = [m.cue for found in matched.values() for m in found.values()]
        doc.notes["focus_country"] = focus_country(cues)
        home = doc.home_country or dominant_country(cues)
        doc.notes["home"] = home  # the events stage places groups named with no country (generic.py)
        # The country a home-country article is about besides its home: a readout's counterpart, whose
        # officials it names by titles its home does not use ("Minister Pontes" beside Brazil's president).
        abroad = focus_country([c for c in cues if c.country != home]) if home else None
        for sentence in doc.sentences:
            if sentence.span is None:
                continue
            reader = _PhraseReader(matched.get(sentence.unit, {}), home, salience, self.people,
                                   doc.article.published, self.region_country, abroad)
            for token in sentence.span:
                for actor, via, start, end in reader.read(token):
                    doc.mentions.append(Mention(actor=actor, sentence=sentence.index, head=token.i,
                                                start=start, end=end, via=via))
            salience.end_sentence(sentence.index)
        return doc


    def home_country(self, doc: Document) -> str | None:
        """The article's home: its dateline's country, else a country its outlet names ("President of Russia")."""
        if doc.dateline:
            home = self.lexicon.country_of_place(doc.dateline)
            cue = self.lexicon.lower.get((doc.dateline.lower(),))
            if home or (cue and cue.country):
                return home or (cue.country if cue else None)
        if doc.article.outlet:
            words = [w.strip("(),;:") for w in doc.article.outlet.split()]
            countries = {m.cue.country for m in self.lexicon.match(words) if m.cue.country}
            if len(countries) == 1:
                return countries.pop()
        return None


class _PhraseReader:
    """Reads the actor a token heads, if any, within one sentence."""

    def __init__(self, matches: dict[int, Match], home: str | None, salience: Salience,
                 people: PeopleIndex | None = None, published: date | None = None,
                 region_country: Callable[[str, bool], str | None] | None = None,
                 abroad: str | None = None) -> None:
        self.matches = matches
        self.abroad = abroad
        self.region_country = region_country
        self.home = home
        self.salience = salience
        self.people = people
        self.published = published
        self.cover: dict[int, Match] = {}
        for m in matches.values():
            for i in range(m.start, m.end):
                self.cover[i] = m

    def read(self, token: Token) -> list[tuple[Actor, str, int, int]]:
        """Actors the token stands for: usually none or one; a plural pronoun may give several."""
        # the small model tags "the accused" a verb
        nominal = token.pos_ in {"NOUN", "PROPN", "PRON", "ADJ", "X"} or (
            token.lower_ in ACCUSED_WORDS and any(c.dep_ == "det" for c in token.children))
        if token.dep_ not in _ARG_DEPS or not nominal:
            return self._modifier(token)
        if token.dep_ == "pobj" and token.head.lower_ in {"to", "in"} and is_posted(token.head.head, self.cover):
            return []  # "Ambassador of Pakistan to Belarus ...": the host, not an actor of its own
        if seated(token):
            return []  # "a Berlin-based charity": Berlin is where the charity sits, not the German government
        # A token inside a multi-word match that is not its last word is a modifier, not a head.
        match = self.cover.get(token.i)
        if match and token.head.i != token.i and token.head.i in range(match.start, match.end):
            return []  # a word inside a multi-word name ("State" in "Secretary of State")
        if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
            # "a United States airstrike", "the Iran deal": a name modifying what is no actor itself
            head_match = self.cover.get(token.head.i)
            if match is not None and token.head.pos_ == "NOUN" and head_match is None and token.i == match.end - 1:
                return self._modifier(token)
            return []
        if token.pos_ == "PRON":
            return self._pronoun(token)
        if self._is_place(token, match):
            return []
        if token.dep_ == "pobj" and token.head.lower_ == "of" and is_office(token.head.head, self.cover):
            # "President of Belarus Alexander Lukashenko": the name belongs to the office's phrase.
            self._alias_to_office(token, token.head.head)
            return []
        group = self.salience.plural_definite(token) or self._leaders_of_pair(token)
        if group:
            for actor in group:
                self.salience.add(actor, token, subject=token.dep_.startswith("nsubj"))
            return [(a, "coreference", token.i, token.i + 1) for a in group]
        actor = self._phrase(token)
        if actor is None:
            alias = self.salience.alias(name_of(token))
            if alias is not None:
                self.salience.add(alias, token, subject=token.dep_.startswith("nsubj"))
                return [(alias, "alias", token.i, token.i + 1)]
            definite = self.salience.definite(token)
            if definite is not None:
                return [(definite, "coreference", token.i, token.i + 1)]
            return []
        self.salience.add(actor, token, subject=token.dep_.startswith("nsubj"), role=self._role(token))
        self._register_names(token, actor)
        via = "name" if actor.kind != "person" else "role"
        found = [(actor, via, token.left_edge.i, token.i + 1)]
        for country in self._coordinated_countries(token, actor):
            other = replace(actor, country=country, code=actor_code(country, None, actor.sector))
            self.salience.add(other, token, subject=token.dep_.startswith("nsubj"), role=self._role(token))
            found.append((other, via, token.left_edge.i, token.i + 1))
        return found

    def _coordinated_countries(self, head: Token, actor: Actor) -> list[str]:
        """Countries coordinated inside one phrase: "Indian and Chinese troops" are two actors."""
        if actor.country is None:
            return []
        out: list[str] = []
        for token in np_tokens(head):
            match = self.cover.get(token.i)
            if (token.dep_ == "conj" and match is not None and match.cue.country
                    and match.cue.kind in {"demonym", "country"} and token.head.i in self.cover
                    and match.cue.country != actor.country and match.cue.country not in out):
                out.append(match.cue.country)
        return out

    def _leaders_of_pair(self, token: Token) -> list[Actor]:
        """ "the leaders of the two countries": the offices of the pair of states just named."""
        match = self.cover.get(token.i)
        if match is None or match.cue.kind != "office" or token.tag_ not in {"NNS", "NNPS"}:
            return []
        states = [a for o in prep_objects(token, {"of"}) for a in self.salience.plural_definite(o)]
        sector = match.cue.sector
        return [replace(a, sector=sector, kind="person", code=actor_code(a.country, a.org, sector), text=token.text)
                for a in states]

    def _alias_to_office(self, name: Token, office: Token) -> None:
        holder = next((seen.actor for seen in reversed(self.salience.seen) if seen.token == office.i), None)
        if holder is not None and name.pos_ == "PROPN":
            self.salience.add_alias(" ".join(name_forms(name)[:1]), holder)
            self.salience.add_alias(name.text, holder)

    def _modifier(self, token: Token) -> list[tuple[Actor, str, int, int]]:
        """A demonym or bloc adjective before a noun ("Western sanctions", "the Russian invasion")."""
        match = self.cover.get(token.i)
        if token.dep_ not in {"amod", "compound", "nmod"} or match is None or match.cue.kind not in {
                "demonym", "collective", "igo", "country"} or token.i != match.end - 1 or stance(
                token.doc, match.start):
            return []
        cue = match.cue
        text = token.doc[match.start : match.end].text  # "a Security Council resolution": all the name's words
        actor = _make_actor(text, cue.name, cue.country, cue.org, None,
                            "group" if cue.org else "state", cue.cameo if cue.org else None)
        return [(actor, "name", match.start, match.end)]

    def _pronoun(self, token: Token) -> list[tuple[Actor, str, int, int]]:
        lower = token.lower_
        if lower not in PRONOUNS:
            return []
        return [(a, "pronoun", token.i, token.i + 1) for a in self.salience.resolve(lower, token)]

    def _is_place(self, token: Token, match: Match | None) -> bool:
        """A capital or country after a locative preposition is a place ("arrives in Islamabad")."""
        if match is None or match.cue.kind not in {"capital", "metonym", "country"}:
            return False
        return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE and match.cue.kind != "country"

    def _phrase(self, head: Token) -> Actor | None:
        tokens = np_tokens(head)
        cues = self._cues(tokens, head)
        if not cues:
            return self._known_person(head, tokens, None)
        head_match = self.cover.get(head.i)
        head_cue = head_match.cue if head_match and head_match.end - 1 == head.i else None
        # NER sometimes calls a country a person ("The situation in Mali was raised by Macron"): a word that is
        # itself a country's name is the country.
        named_country = head_cue is not None and head_cue.kind == "country"
        is_person = (head.ent_type_ == "PERSON" and not named_country) or (head.pos_ == "PROPN" and head_cue is None
                                                  and any(c.kind == "office" and c.actor_kind == "person"
                                                          for c in cues))
        offices = [c for c in self._cues(compound_chain(head), head) if c.kind == "office"]
        places = [c for c in cues if c.kind in {"country", "demonym", "capital", "metonym"}
                  or (c.kind == "named" and c.country)]
        orgs = [c for c in cues if c.kind in {"igo", "collective"} or (c.kind == "named" and c.org)]
        led = led_group(head)
        if head_cue is None and not offices and not is_person and head.pos_ != "PROPN" and not plural_of(
                head, places) and not members_of_group(head, cues, self.cover) and led is None:
            return None  # "Moscow's actions", "Belarus' support": the head is no actor
        if head_cue is None and not offices and not places and not orgs:
            return None
        if head_cue is not None and head_cue.kind in {"demonym"} and not head_cue.plural and head.pos_ == "ADJ":
            return None  # an adjective alone ("Russian") is a modifier, read by its head
        office = head_office(offices, head_cue)
        country = places[0].country if places else None
        home = belonging.people_home(head, head_cue, self.cover) if head_cue is not None and (
            head_cue.kind == "demonym" and head_cue.plural) else None
        country = home or country
        org = orgs[0].org if orgs else None
        sector = phrase_sector(head_cue, office, orgs, places, cues) or led
        if sector is None and head_cue is None and office is None and not orgs and belonging.unknown_people(
                head, places):
            sector = "CVL"  # "Iraqi Kurds": a people of the country, not the state
        if country is None and org is None and is_person:
            known = self.salience.alias(name_of(head))
            if known is not None:
                return known  # "Prime Minister Abiy" after "Ethiopian Prime Minister Abiy Ahmed"
            person = self._known_person(head, tokens, office)
            if person is not None:
                return person
        former = any(t.lower_ in {"former", "ex"} for t in tokens)
        if country is not None and office is not None and former:
            sector = None  # "former foreign minister": no longer speaks for the government
        if country is None and org is None:
            earlier = self.salience.role(head, office.name) if office is not None else None
            if earlier is not None:
                return earlier  # "the minister", "the Secretary": the one named earlier
            country = self._implied_country(head, office, tokens)
            if country is None and not (office is not None and is_person and head.pos_ == "PROPN"
                                        and sector in _TITLED_OFFICES and not former):
                return None
            # else an official no table knows, named with the title ("President Dos Santos", "Judge Rivera"):
            # coded by the office's sector alone, as coders do when the text does not say which country's.
        if org and country and head_cue is not None and head_cue.kind in {"igo", "collective"}:
            country = None  # "the UN's Pakistan envoy" is rare; "the UN" heads its own phrase
        kind = "person" if is_person else (office.actor_kind if office else (
            head_cue.actor_kind if head_cue is not None and head_cue.kind == "named" else
            "organisation" if org else "state"))
        # a people of another state is named as a people ("Albanians"), not as its kin state
        name = head.text if home else display_name(tokens, head, is_person, places, orgs)
        cameo = orgs[0].cameo if orgs and not country else None
        return _make_actor(phrase_text(tokens), name, country, org, sector, kind, cameo)

    def _implied_country(self, head: Token, office: Cue | None, tokens: list[Token]) -> str | None:
        """The country of a phrase with no country words: the leader a body is named after ("the Bush
        administration"), the region an official's phrase names ("Texas Governor Greg Abbott"), or the
        article's home for its domestic institutions."""
        led = self._led_by(head, office)
        if led is not None or office is None:
            return led
        if office.sector in _REGIONAL_SECTORS:
            region = belonging.region_country(head, tokens, self.cover, self.region_country)
            if region is not None:
                return region
        if self.home is not None and office.name in tables.titles_abroad().get(self.home, ()):
            # "Minister Pontes" in a State Department readout is not American: the counterpart's, if the
            # article has one, else of no known country; ministers in the plural may be of many countries
            return None if head.tag_ in ("NNS", "NNPS") else self.abroad
        if self.home is not None and (office.sector in _HOME_SECTORS or (
                office.sector == "POL" and self._home_only(head))):
            return self.home
        return None

    def _home_only(self, head: Token) -> bool:
        """The sentence names no country but the home one: its police are the home country's ("TOKYO -
        Police arrested ..."); beside another country they may be that country's ("Polish border guards")."""
        sent = head.sent
        return all(m.cue.country in (None, self.home) for m in self.matches.values()
                   if sent.start <= m.start < sent.end)

    def _known_person(self, head: Token, tokens: list[Token], office: Cue | None) -> Actor | None:
        """A person the people table knows in a role held on the article's date ("Putin", "Blinken")."""
        # The small model often tags a lone surname ORG, GPE or NORP, or even NOUN ("Blinken", "Starmer"):
        # any capitalised word in an argument slot is worth a look-up.
        if self.people is None or not head.text[:1].isupper() or head.pos_ not in {"PROPN", "NOUN", "ADJ", "X"}:
            return None
        forms = name_forms(head)
        for name in forms:
            person = self.people.lookup(name, self.published)
            if person is not None and self._names_agree(head, name, person):
                sector = office.sector if office is not None else person.sector
                return _make_actor(phrase_text(tokens), person.name, person.country, None, sector, "person")
        # Not holding a known role on this date: with an office in the text ("President Bush") the text's
        # office stands; without one (a former minister) only the country is known. "former" has no office.
        for name in forms:
            person = self.people.lookup(name, None)
            if person is not None and self._names_agree(head, name, person):
                former = office is None or any(t.lower_ in {"former", "ex", "late"} for t in tokens)
                return _make_actor(phrase_text(tokens), person.name, person.country, None,
                                   None if former else office.sector, "person")
        # A surname under an office ("President Bush", "President Omar El Bashir" spelt otherwise): the
        # one country whose people of that surname held a role then (people.py).
        # the first name word written before the surname, titles aside ("President Omar El Bashir": Omar)
        names = [w for w in name_forms(head)[0].split() if w != head.text]
        given = next((w for w in names if not any(t.text == w and t.i in self.cover for t in tokens)), None)
        # The table holds heads of state and government and ministers, not their deputies: a deputy's
        # surname is someone else's ("Vice President Harris" is not St Kitts' Prime Minister Harris).
        deputy = any(t.lower_ in _DEPUTY_WORDS or t.lower_.startswith(("vice-", "deputy-")) for t in tokens)
        # A legislature has hundreds of members and the tables few of them: a legislator's surname is read
        # only as one holding a seat then ("Senator Smith" in 2022 is not Australia's former Speaker Smith).
        person = self.people.by_surname(head.text, self.published, sector=office.sector, given=given,
                                        current=office.sector == "LEG") if office is not None and not deputy else None
        if person is not None:
            former = any(t.lower_ in {"former", "ex", "late"} for t in tokens)
            return _make_actor(phrase_text(tokens), person.name, person.country, None,
                               None if former else office.sector, "person")
        return None

    def _names_agree(self, head: Token, matched: str, person: Person) -> bool:
        """Whether a surname found alone agrees with the word written before it: a title, a place, an
        initial, an honorific or one of the person's own names ("Prime Minister Abiy" is Abiy Ahmed); another
        first name is another person ("Texas Governor Greg Abbott" is not Tony Abbott)."""
        run = name_run(head)
        if len(matched.split()) > 1 or len(run) < 2:
            return True
        before = run[-2]
        # a name or its short form ("Benjamin Gantz" is Benny Gantz): the first three letters agree
        own = {part[:3] for name in person.names for part in fold(name).split()}
        return before.i in self.cover or len(before.text.rstrip(".")) == 1 or fold(before.text)[:3] in own \
            or fold(before.text) in _HONORIFICS

    def _led_by(self, head: Token, office: Cue | None) -> str | None:
        """The country of the leader a body is named after: "the Bush administration" (a surname compound),
        "the military government of President Avril" (its "of" name)."""
        if office is None or office.actor_kind != "organisation" or self.people is None:
            return None
        named = [c for c in head.children if c.dep_ == "compound"] + list(prep_objects(head, {"of"}))
        for child in named:
            if child.pos_ == "PROPN" and child.i not in self.cover:
                person = self.people.lookup(child.text, self.published) or self.people.by_surname(
                    child.text, self.published, sector=office.sector)
                if person is not None:
                    return person.country
        return None

    def _role(self, head: Token) -> str | None:
        offices = [c for c in self._cues(compound_chain(head), head) if c.kind == "office"]
        return offices[0].name if offices else None

    def _cues(self, tokens: list[Token], head: Token) -> list[Cue]:
        excluded = posted_subtrees(head, self.cover)
        seen: set[int] = set()
        cues: list[Cue] = []
        # The head's own match first, then modifiers left to right; the seat of a "Place-based" body last:
        # "the London-based Syrian Observatory" is Syrian, "UK-based retailer Tesco" British.
        for token in sorted(tokens, key=lambda t: (t.i != head.i, seated(t), t.i)):
            match = self.cover.get(token.i)
            if match is None or match.start in seen or token.i in excluded or stance(token.doc, match.start):
                continue
            seen.add(match.start)
            cues.append(match.cue)
        return cues

    def _register_names(self, head: Token, actor: Actor) -> None:
        """Remember proper names of this actor ("Lavrov", "Gazprom") for later mentions."""
        names = [t for t in compound_chain(head) if t.pos_ == "PROPN" and t.i not in self.cover]
        for sibling in head.head.children:
            if sibling.i != head.i and sibling.dep_ == head.dep_ and sibling.pos_ == "PROPN":
                names.append(sibling)  # "the company Gazprom" parsed as two subjects
        if names:
            names.sort(key=lambda t: t.i)
            person = [t for t in names if t.ent_type_ == "PERSON"]
            if person and len(person) < len(names):
                names = person  # "the Foreign Affairs Commission Yang Jiechi": the man's name, not his office's
            self.salience.add_alias(" ".join(t.text for t in names), actor)
            self.salience.add_alias(names[-1].text, actor)
