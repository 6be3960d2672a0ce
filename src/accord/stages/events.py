"""Events: verb and event-noun patterns applied on the dependency parse, with actors from the mentions.

For each predicate whose lemma has patterns, the most specific pattern whose conditions hold fires.
Its source is the subject (the "by" agent in the passive), its target where the pattern says; the
engine, not the pattern, handles coordination, control, negation, modality and the intent form of a
code (CAMEO's 03 and 13 roots mirror the acts they announce: "intends to visit" is 036, not 042).
Where the target is read from (the pattern's places and the engine's fallbacks) is targets.py's work.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise, permutations
from typing import TYPE_CHECKING

from accord.document import Candidate, Document, Mention
from accord.knowledge.patterns import Pattern, PatternSet, builtin_classes, refusal_codes
from accord.records import Actor
from accord.stages import attackers, syntax
from accord.stages.generic import generic_actor
from accord.stages.implicit import implicit_targets
from accord.stages.syntax import children
from accord.stages.targets import Targets

if TYPE_CHECKING:
    from spacy.tokens import Token

_VIA_WEIGHT = {"name": 1.0, "role": 1.0, "place": 1.0, "alias": 0.95, "coreference": 0.85, "pronoun": 0.85,
               "home": 0.85, "unidentified": 0.7}
# CAMEO codes of joint acts, coded in both directions: consult, discuss by telephone, meet at a third
# location, negotiate.
RECIPROCAL = {"040", "041", "044", "046"}
# Codes of acts done together: actors coordinated as their subject with no one else named act on each other
# ("Kenya and Uganda agreed to cooperate", "they plan to stay in contact"), as FORMAT.md codes joint actions.
MUTUAL = {"030", "031", "036", "040", "041", "044", "046", "050", "057", "060", "061", "062"}
# Nouns that carry the event their compound names: "a mediation effort", "a bombing campaign".
SHELLS = {"effort", "mission", "campaign", "operation", "process", "initiative", "bid", "drive", "programme",
          "program", "round", "session"}
# Heads that only count or gather the actors of their "of" phrase: "thousands of students marched".
QUANTITIES = {"group", "number", "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
              "millions", "tens", "score", "scores", "some", "many", "most", "all", "several", "few", "part",
              "majority", "member", "members", "contingent", "batch", "band", "unit", "units", "team", "one",
              "two", "three", "third", "half", "rest", "handful", "deployment", "wave", "column"}

# Roots of acts done somewhere (protest, force posture, coercion, assault, fight, mass violence): with no
# target named, the country of the place they happen in is theirs.
PLACE_ROOTS = {"14", "15", "17", "18", "19", "20"}
# The prepositions that name where such an act lands ("fired at", "launched fire against", "blockades in").
AIMED = {"in", "into", "at", "against", "on"}
# Acts of disapproval, rejection and protest met by another act ("despite criticism by X", "amid protests"):
# aimed at whoever did that act.
CONCESSIVE_ROOTS = {"10", "11", "12", "14"}
DEFIED = {"despite", "amid", "amidst"}
# Spans of time: "for three days" says how long, not for what.
DURATIONS = {"second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "time", "while",
             "moment", "period"}
# Verbs whose subject causes the event their object names, without taking part: "the shooting sparked riots".
CAUSES = {"spark", "trigger", "provoke", "prompt", "cause", "fuel", "ignite", "inspire"}
# Participles that state an attitude of their subject, not a passive act on it ("is opposed to").
STATIVES = {"oppose"}
# Verbs of coming together: their subject takes part in the event they come "for" ("gathered for a rally").
GATHER = {"gather", "converge", "assemble", "come", "arrive", "return", "travel", "fly", "head", "meet"}
# Standing texts: "NATO guidelines call for 2%" tells what a rule says, not an act of NATO's.
STANDING_TEXTS = {"guideline", "guidelines", "rule", "rules", "law", "laws", "constitution", "charter",
                  "regulation", "regulations", "statute", "statutes", "code", "doctrine"}
# Weapons and attacks that stand for whoever wields them: their country modifier is the actor.
INSTRUMENTS = {"aircraft", "plane", "jet", "warplane", "helicopter", "gunship", "drone", "missile", "rocket",
               "artillery", "tank", "warship", "attack", "airstrike", "strike", "raid", "bombing", "bombardment",
               "shelling", "offensive"}


class EventsStage:
    """Find candidate events in every sentence with an actor mention."""

    name = "events"
    requires = ("sentences", "mentions")
    assigns = ("candidates",)

    def __init__(self, patterns: PatternSet, intents: dict[str, str], lexicon_place=None) -> None:
        self.patterns = patterns
        self.intents = intents
        self.place_country = lexicon_place  # callable: place name -> ISO3 or None

    def __call__(self, doc: Document) -> Document:
        by_token: dict[tuple[int, int], list[Mention]] = {}
        for m in doc.mentions:
            unit = doc.sentences[m.sentence].unit
            by_token.setdefault((unit, m.head), []).append(m)
        for sentence in doc.sentences:
            if sentence.span is None:
                continue
            finder = _Finder(self, doc, sentence.index, sentence.unit, by_token)
            found: list[Candidate] = []
            for token in sentence.span:
                found.extend(finder.at(token))
            doc.candidates.extend(_dedupe(found))
        implicit_targets(doc)
        return doc


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One event per sentence, dyad and CAMEO root: a code more specific than the root's general one ("036
    agreed to hold more meetings" over "030 promote ties"), then the most confident, then the longest code."""
    best: dict[tuple, Candidate] = {}
    for c in candidates:
        key = (c.source.entity, c.source.sector, c.target.entity if c.target else None,
               c.target.sector if c.target else None, c.cameo[:2], c.negated)
        kept = best.get(key)
        if kept is None or _rank(c) > _rank(kept):
            best[key] = c
    return list(best.values())


def _rank(c: Candidate) -> tuple[bool, float, int]:
    return c.cameo[2:] not in ("", "0"), c.confidence, len(c.cameo)


class _Finder:
    """Applies patterns to the tokens of one sentence."""

    def __init__(self, stage: EventsStage, doc: Document, sentence: int, unit: int,
                 by_token: dict[tuple[int, int], list[Mention]]) -> None:
        self.stage = stage
        self.doc = doc
        self.sentence = sentence
        self.unit = unit
        self.by_token = by_token
        self.offset = doc.units[unit].start
        self.fired: dict[int, bool] = {}  # token -> whether its patterns code an event (fallback checks)
        self.generic = True  # whether actors() may give a group named by its role alone
        self.targets = Targets(self, doc.units[unit].doc, sentence, stage.place_country)

    def actors(self, token: Token, *, possessor: bool = False) -> list[Mention]:
        """Actors a token stands for; with possessor, else those of its possessor or demonym
        ("Moscow's actions", "five American prisoners")."""
        found = self.by_token.get((self.unit, token.i), [])
        if not found and token.lemma_.lower() in QUANTITIES:
            # "thousands of Iraqi Kurds", "a group of Moroccan diplomats", "members of Hamas": the "of" phrase
            found = [m for o in syntax.prep_objects(token, {"of"}) for m in self.actors(o)]
        if not found and token.tag_ == "NNS":  # "world leaders including the Iranian foreign minister"
            found = [m for o in syntax.prep_objects(token, {"including"}) for m in self.actors(o)]
        if not found and possessor:
            for child in children(token, "poss", "amod", "compound", "nmod"):
                found = found + self.by_token.get((self.unit, child.i), [])
        if not found and possessor:  # "positions of the Palestinian security forces"
            for obj in syntax.prep_objects(token, {"of"}):
                found = found + self.by_token.get((self.unit, obj.i), [])
            # "the return of UN monitors": the "of" object's own modifier
            found = found or [m for obj in syntax.prep_objects(token, {"of"})
                              for c in children(obj, "poss", "amod", "compound", "nmod")
                              for m in self.by_token.get((self.unit, c.i), [])]
        if not found and possessor and token.pos_ == "NOUN":
            found = self.targets.doers(token)
        if not found and possessor and token.lemma_.lower() in builtin_classes()["@talks"]:
            # "ready to host a meeting between Israel and the PLO": the sides of the meeting
            found = [m for o in syntax.prep_objects(token, {"between"}) for m in self.actors(o)]
        if not found and self.generic:  # "rebels", "the police", "students": a group named by its role alone
            actor = generic_actor(token, self.doc.notes.get("home"))
            if actor is not None:
                found = [Mention(actor=actor, sentence=self.sentence, head=token.i, start=token.left_edge.i,
                                 end=token.i + 1, via="role")]
        return found

    def at(self, token: Token) -> list[Candidate]:
        """Candidates of the first pattern that fires with a target; else of the first that fires at all."""
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            patterns, apply = self.stage.patterns.verbs.get(lemma, ()), self._verb
        elif token.pos_ in {"NOUN", "PROPN"}:
            patterns, apply = self.stage.patterns.nouns.get(lemma, ()) or self._shell(token), self._noun
        else:
            return []
        if not patterns or syntax.topic(token):
            return []
        if token.dep_ == "compound" and apply == self._noun and self.actors(token.head):
            return []  # "riot police", "protest leaders": the event word only says which actor
        # A pattern whose object word is only a compound modifier of the object ("aid deliveries") ranks
        # after every pattern whose object is the head itself ("ceasefire proposal" is a proposal).
        targeted: list[Candidate] = []
        untargeted: list[Candidate] = []
        for loose in (False, True):
            for pattern in patterns:
                found = apply(token, pattern, loose)
                if found and any(c.target is not None for c in found):
                    targeted = targeted or found
                    break
                if found and not untargeted:
                    untargeted = found
            if targeted:
                return targeted
        return untargeted

    def _shell(self, noun: Token) -> tuple[Pattern, ...]:
        """The event-noun patterns of the compound in "a mediation effort", "the bombing campaign": the
        head only carries the event its modifier names."""
        if noun.lemma_.lower() not in SHELLS:
            return ()
        for child in children(noun, "compound"):
            found = self.stage.patterns.nouns.get(child.lemma_.lower(), ())
            if found:
                return found
        return ()

    # -- verbs ---------------------------------------------------------------------------------------
    def _verb(self, verb: Token, p: Pattern, loose: bool = False) -> list[Candidate] | None:
        # "is opposed to the plan": a stative participle, its subject holds the attitude
        passive = syntax.is_passive(verb) and not (verb.lemma_.lower() in STATIVES and p.prep is not None)
        objects = syntax.patients(verb) if passive else syntax.direct_objects(verb)
        # "suspended part of its aid programme", "freed some of the prisoners": the share's "of" object
        objects = objects + [o for h in objects if h.lemma_.lower() in QUANTITIES
                             for o in syntax.prep_objects(h, {"of"})]
        if p.obj is not None and not _object_is(verb, p, objects, loose):
            return None
        if p.not_obj and any(o.lemma_.lower() in p.not_obj for o in objects):
            return None
        # the parser may call a particle right after its verb an adverb: "stepped down"
        if p.prt is not None and not any(c.lower_ == p.prt and (c.dep_ == "prt" or (
                c.dep_ == "advmod" and c.i == verb.i + 1)) for c in verb.children):
            return None
        if p.prep is not None and not self._has_prep(verb, objects, p.prep):
            return None
        if p.xcomp is not None and not any(
            self._xcomp_matches(verb, p, x) for x in children(verb, "xcomp", "advcl")
            if x.dep_ == "xcomp" or syntax.infinitive(x)
        ):
            return None
        if _excluded(verb, p):
            return None
        if p.modal is not None and not _modal_complements(verb, p.modal):
            return None
        if p.subj is not None and not _subject_is(verb, p.subj, passive):
            return None
        if p.fallback and self._complement_has_events(verb):
            return None
        if syntax.habitual(verb):
            return None
        source_tokens = syntax.agents(verb) if passive else syntax.subjects(verb)
        source_tokens = [t for t in source_tokens if t.lemma_.lower() not in STANDING_TEXTS]
        # A passive agent may be the act itself: "killed by a United States airstrike" (its modifier acts);
        # so may an active subject that is a weapon or an attack: "British aircraft killed", "US attacks
        # have killed".
        sources = [m for t in source_tokens
                   for m in self.actors(t, possessor=passive or t.lemma_.lower() in INSTRUMENTS)]
        if not sources and p.code[:2] in attackers.VIOLENT_ROOTS:
            # "a roadside bomb killed a U.S. soldier": an act whose author the report does not name
            sources = [self._unnamed(d) for d in attackers.device_tokens(verb, source_tokens, passive)]
        targets = self.targets.read(verb, p, objects, sources)
        if not targets and not objects and not children(verb, "prep", "dative"):
            # "donated and personally delivered goods to X": a bare verb shares the phrases of the verb
            # it is coordinated with
            targets = [m for c in children(verb, "conj") if c.pos_ == "VERB"
                       for m in self.targets.read(c, p, syntax.direct_objects(c), sources)]
        if not targets:  # "will boycott the vote unless the president resigns": an act held over X
            targets = self.targets.conditioned(verb, {"unless"})
        if not targets and p.code.startswith("14"):
            targets = self.targets.protested([verb, *objects], sources)
        if not targets and p.code[:2] in PLACE_ROOTS:
            # "blocked roads in Algiers", "reimposed blockades in the West Bank": force and protest with no
            # one named act on the country where they happen, as the codebook's coders read them
            targets = self.targets.aimed([verb], objects, AIMED)
        code = self._refused(verb) if p.code.startswith("12") and p.xcomp is not None and "*" in p.xcomp else None
        # "reached no agreement", "no sanctions were imposed": the object that carries the act is denied
        denied = p.obj is not None and any(o.lemma_.lower() in p.obj and syntax.denied(o) for o in objects)
        return self._emit(verb, p, sources, targets, code=code, denied=denied)

    def _unnamed(self, device: Token) -> Mention:
        return Mention(actor=attackers.unidentified(device), sentence=self.sentence, head=device.i,
                       start=device.left_edge.i, end=device.i + 1, via="unidentified")

    def _refused(self, verb: Token) -> str | None:
        """The 12x code of refusing what the complement would do: the mirror of its intent (03x) form."""
        refusals = refusal_codes()
        for x in children(verb, "xcomp"):
            for candidate in self.at(x):
                intent = self.stage.intents.get(candidate.cameo, candidate.cameo)
                found = refusals.get(intent) or refusals.get(intent[:3])
                if found:
                    return found
        return None

    def _xcomp_matches(self, verb: Token, p: Pattern, x: Token) -> bool:
        """The complement is one the pattern names; "*" is any complement no other pattern of the verb
        names ("declined to comment" is 011, not a refusal of commenting)."""
        lemma = x.lemma_.lower()
        if "*" not in p.xcomp:
            return lemma in p.xcomp
        others = self.stage.patterns.verbs.get(verb.lemma_.lower(), ())
        return not any(o.xcomp is not None and lemma in o.xcomp for o in others)

    def _complement_has_events(self, verb: Token) -> bool:
        """Whether a word of the verb's clausal complement codes an event of its own ("agreed to meet X":
        meet does). A complement word whose patterns find no actors ("agreed to a ceasefire" with no one
        named for the truce) leaves the announcement to the fallback."""
        patterns = self.stage.patterns
        for child in children(verb, "xcomp", "ccomp", "advcl", "prep", "dobj"):
            for token in child.subtree:
                lemma = token.lemma_.lower()
                if token.i != verb.i and (lemma in patterns.verbs or lemma in patterns.nouns) and self._fires(token):
                    return True
        return False

    def _fires(self, token: Token) -> bool:
        if token.i not in self.fired:
            self.fired[token.i] = False  # a cycle through the parse must not recurse forever
            self.fired[token.i] = bool(self.at(token))
        return self.fired[token.i]

    def _has_prep(self, verb: Token, objects: list[Token], preps: frozenset[str]) -> bool:
        # A span of time is no complement a pattern means: "attacked them for three days" is no blame.
        for head in [verb, *objects]:
            if any(c.dep_ in {"prep", "agent"} and c.lower_ in preps and not any(
                    o.lemma_.lower() in DURATIONS for o in children(c, "pobj")) for c in head.children):
                return True
        # "called for Russia to withdraw": the preposition opens a clause with a subject of its own (only
        # "for": "attacked the convoy as it passed" is no "attacked X as Y")
        return "for" in preps and bool(syntax.for_clauses(verb))

    # -- nouns ---------------------------------------------------------------------------------------
    def _noun(self, noun: Token, p: Pattern, loose: bool = False) -> list[Candidate] | None:
        if syntax.background(noun) or _excluded(noun, p):
            return None
        governor = noun.head if noun.dep_ in {"dobj", "nsubjpass", "attr", "pobj"} else None
        gathered = False
        if governor is not None and governor.dep_ == "prep":
            above = governor.head
            # "engaged in ethnic cleansing" (a light verb through its preposition); "converged for a rally",
            # "returned to Geneva for talks": who comes for the event takes part in it
            gathered = noun.head.lower_ == "for" and above.lemma_.lower() in GATHER
            light = noun.head.lower_ == "under" or gathered or (
                noun.head.lower_ == "in" and above.lemma_.lower() in (p.light or frozenset()))
            governor = above if light else None
        governor_lemma = governor.lemma_.lower() if governor is not None else ""
        if governor is not None and governor_lemma in self.stage.patterns.verbs and governor_lemma not in (
            p.light or frozenset()) and governor_lemma not in p.undergo and not gathered and (
                not _narrow(self.stage.patterns.verbs[governor_lemma]) or self._fires(governor)):
            # the verb carries the event ("discuss the visit"): the verb's pattern decides; a verb whose only
            # patterns need another object ("highlighted their last meeting") leaves the noun its event
            return None
        # "opened a hearing on Monday into X": the parser may hang the noun's phrase on its light verb
        carried = noun.dep_ == "dobj" and noun.head.lemma_.lower() in (p.light or frozenset())
        if p.prep is not None and not (self._has_prep(noun.head, [noun], p.prep) if carried
                                       else self._has_prep(noun, [], p.prep)):
            return None
        if p.modal is not None and not _modal_complements(noun, p.modal):
            return None  # "a stern reminder that Iraq must cooperate" demands; "a reminder of the war" does not
        sources = [m for spec in (p.source or ("poss", "amod", "compound"))
                   for m in self.targets.spec(noun, spec, [])]
        if not sources:  # "criticism by the Greek foreign minister", "a phone call made by President Trump"
            sources = [m for h in [noun, *children(noun, "acl")] for o in syntax.prep_objects(h, {"by"})
                       for m in self.actors(o, possessor=True)]
        targets = self.targets.read(noun, p, [], sources)
        if not targets:
            # "the withdrawal of forces from Panama", "engaged in ethnic cleansing in Kosovo against X",
            # "launched an offensive yesterday against X": the phrases of the act's "of" object and of
            # the verb that carries the noun are the act's own
            carrier = [governor] if governor is not None and governor.pos_ in {"VERB", "AUX"} else []
            # "a phone call made by X to Y", "aid sent by X to Y": the participle's phrases are the act's
            made = [a for a in children(noun, "acl") if a.tag_ == "VBN"]
            targets = self.targets.read(noun, p, [*syntax.prep_objects(noun, {"of"}), *carrier, *made], sources)
        if not targets and p.code[:2] in PLACE_ROOTS:  # "reimposed blockades in the West Bank"
            targets = self.targets.aimed([noun], [], AIMED)
        if not targets and p.code[:2] in CONCESSIVE_ROOTS:
            targets = self._defied(noun)
        between = [m for o in syntax.prep_objects(noun, {"between", "among"}) for m in self.actors(o)]
        if governor is not None and governor.pos_ in {"VERB", "AUX"}:
            subject = [m for s in syntax.subjects(governor) for m in self.actors(s)]
            if governor_lemma in p.undergo or (noun.head.lower_ == "under"):
                targets = targets or subject
            elif not sources and governor_lemma not in CAUSES:
                sources = subject
        if not sources and between:
            sources = between
        if not sources and p.joint:
            sources, targets = self._framed(noun, targets)
        mood = governor if governor is not None and governor.pos_ in {"VERB", "AUX"} else noun
        return self._emit(noun, p, sources, targets, joint=p.joint or bool(between), mood=mood)

    def _framed(self, noun: Token, targets: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Who took part in talks or a call that frames what a sentence tells ("In a phone call, Trump
        encouraged Zelensky to ...", "During talks in Moscow, Putin told Lukashenko ..."): the subject of
        the verb it frames and, unless the noun names them, whom that verb addresses. Only a frame set
        before the subject counts: "engaged in talks", "a seat in arms talks" tell of talks, not in them."""
        verb = noun.head.head
        if noun.dep_ != "pobj" or noun.head.lower_ not in {"in", "during"} or verb.pos_ not in {"VERB", "AUX"}:
            return [], targets
        subjects = children(verb, "nsubj", "nsubjpass")
        if not subjects or noun.head.i > subjects[0].i:
            return [], targets
        sources = [m for s in syntax.subjects(verb) for m in self.actors(s)]
        addressed = [*syntax.direct_objects(verb), *children(verb, "dative"),
                     *syntax.prep_objects(verb, {"with", "to"})]
        return sources, targets or [m for o in addressed for m in self.actors(o)]

    def _defied(self, noun: Token) -> list[Mention]:
        """Whom criticism or protest is aimed at when the act it met carries it: "X announced the change
        despite criticism by Y", "X went ahead amid protests": the subject of that act."""
        preposition = noun.head
        if noun.dep_ != "pobj" or preposition.lower_ not in DEFIED:
            return []
        if preposition.head.pos_ not in {"VERB", "AUX"}:
            return []
        return [m for s in syntax.subjects(preposition.head) for m in self.actors(s)]

    # -- output --------------------------------------------------------------------------------------
    def _emit(self, trigger: Token, p: Pattern, sources: list[Mention], targets: list[Mention],
              *, joint: bool | None = None, mood: Token | None = None, code: str | None = None,
              denied: bool = False) -> list[Candidate] | None:
        if not sources or (p.targeted and not targets):
            return None
        code = code or p.code
        # A noun's mood is its verb's ("did not extend sanctions", "plans to impose an embargo") unless
        # its own modifiers say otherwise ("the planned trip, which was cancelled").
        negated = denied or syntax.negated(mood or trigger)
        modality = syntax.modality(mood or trigger)
        own = syntax.noun_mood(trigger) if p.noun else None
        if own is not None:
            negated, modality = own[0] or negated, own[1] if own[1] != "asserted" else modality
        reciprocal = code in RECIPROCAL and modality in {"asserted", "reported"}
        code, negated, modality = self._announced(p, code, negated, modality, mood or trigger)
        pairs: list[tuple[Mention, Mention | None]] = []
        distinct = _distinct(sources)
        joint = (p.joint if joint is None else joint) or (code in MUTUAL and _together(trigger, p))
        joint = joint and not _with_others(trigger)
        sides = {m.actor.entity for m in distinct}
        if joint and len(sides) >= 2 and targets and all(
                t.actor.entity in sides or self._located(t) for t in targets):
            # "both leaders reaffirmed their commitment to Russia-Uzbekistan relations", "both sides resolved
            # to coordinate efforts towards a settlement in Syria": a side or a place named is no partner
            targets = []
        if not targets and joint and len(distinct) >= 2:
            pairs = list(permutations(distinct, 2))
        elif targets:
            pairs = [(s, t) for s in distinct for t in _distinct(targets)]
        else:
            pairs = [(s, None) for s in distinct]
        if reciprocal and targets:
            # Talks and calls held are joint acts: "X spoke with Y" is also Y speaking with X, as coders
            # code it; "X agreed to meet Y" is X's intent alone.
            pairs += [(t, s) for s, t in pairs if t is not None and (t, s) not in pairs]
        out = []
        # An act on oneself only ("restrictions on its own labour market") still happened: it has no target.
        kept = [(s, t) for s, t in pairs if t is None or not _same(s.actor, t.actor)]
        selfish = [s for s in distinct if any(a is s for a, _ in pairs) and not any(k is s for k, _ in kept)]
        pairs = kept + [(s, None) for s in selfish]
        for source, target in pairs:
            target_actor = target.actor if target is not None else None
            weight = _VIA_WEIGHT.get(source.via, 0.9) * (_VIA_WEIGHT.get(target.via, 0.9) if target else 0.8)
            out.append(Candidate(
                sentence=self.sentence, source=source.actor, target=target_actor,
                cameo=code, rule=p.rule, trigger_start=self.offset + trigger.idx,
                trigger_end=self.offset + trigger.idx + len(trigger.text), trigger_text=trigger.text,
                negated=negated, modality=modality, confidence=round(p.confidence * weight, 3), token=trigger,
                plover=p.plover if code == p.code else None,
            ))
        return out

    def _located(self, mention: Mention) -> bool:
        """The mention names where something happens, not who takes part: a place ("in Dohuk province") or
        a country after "in" or "at" ("a settlement in Syria")."""
        if mention.via == "place":
            return True
        token = self.targets.tokens[mention.head]
        return token.dep_ == "pobj" and token.head.lower_ in {"in", "at", "inside", "within"}

    def _announced(self, p: Pattern, code: str, negated: bool, modality: str, clause: Token
                   ) -> tuple[str, bool, str]:
        """The code of an act only announced: its intent (03x) or threat (13x) form, or the refusal (12x)."""
        threat = self.stage.intents.get(code, "")
        if modality == "hypothetical" and threat.startswith("13") and _conditional(clause, {"if", "unless"}):
            # "may halt its mediation if the fighting goes on", "will impose sanctions unless": a harm made
            # to hang on the other side's conduct is a threat (codebook 13)
            modality = "intended"
        if modality != "intended":
            return code, negated, modality
        code = p.intent or self.stage.intents.get(code, code)
        refusal = _refusal(code) if negated and _says_not(clause) else None
        if refusal is not None:
            # "will not accept", "said it would not meet the demands": announcing that one will not do
            # what an intent (03x) would offer is CAMEO's refusal (12x), an act in itself.
            return refusal, False, modality
        if not negated and _conditional(clause, {"unless"}) and not code.startswith("13"):
            # "will withdraw its force unless ...": an act announced on a condition the other side must
            # meet is a threat (codebook 13), not an offer
            return "130", negated, modality
        return code, negated, modality


# Words that make an act of several subjects one they do with each other: "work closely together".
TOGETHER = {"together", "jointly", "mutual", "mutually", "bilateral", "bilaterally"}
# "each other", "one another": reciprocal only with their determiner ("other nations" is someone else).
EACH_OTHER = {("each", "other"), ("one", "another")}


def _together(trigger: Token, p: Pattern) -> bool:
    """Whether coordinated subjects of a cooperative act do it with each other: always for a specific act
    ("agreed to hold talks"), for an undirected pledge or readiness only when the text says so ("committed
    to working together"; "pledged funds" is each pledging to someone else); agreeing is done with another."""
    if any(t.lower_ in TOGETHER for t in trigger.subtree) or _each_other(trigger):
        return True
    return not (p.fallback or p.noun) or trigger.lemma_.lower() == "agree"


def _each_other(trigger: Token) -> bool:
    """Whether the act's words say "each other" or "one another"."""
    words = [t.lower_ for t in trigger.subtree]
    return any(pair in EACH_OTHER for pair in pairwise(words))


def _with_others(trigger: Token) -> bool:
    """Whether the act's partners are named in a "with" phrase that is no actor and not each other: "pledged
    to cooperate with other nations" is done with others, not between the subjects."""
    if _each_other(trigger):
        return False
    # The verb's own "with", or its complement's ("pledged to cooperate with"), not "in line with".
    heads = {trigger, *(c for c in trigger.children if c.dep_ == "xcomp")}
    return any(c.dep_ == "prep" and c.lower_ == "with" for h in heads for c in h.children)


def _says_not(token: Token) -> bool:
    """The negation is the speaker's own "not" on the act or its readiness ("will not accept", "is not
    willing to meet"), not a failure reported ("failed to agree to meet" did not happen; it refused nothing)."""
    if syntax.says_not(token):
        return True
    parent = syntax.governing_verb(token)
    return parent is not None and token.dep_ == "xcomp" and syntax.says_not(parent)


def _conditional(token: Token, marks: set[str]) -> bool:
    """The clause carries a condition ("will withdraw unless the talks resume", "may halt it if ...")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in token.children)


def _refusal(intent: str) -> str | None:
    """The 12x refusal mirroring an expressed intent (03x), by refusal.tsv; None for other codes."""
    if not intent.startswith("03"):
        return None
    refusals = refusal_codes()
    return refusals.get(intent) or refusals.get(intent[:3])


def _subject_is(verb: Token, lemmas: frozenset[str], passive: bool) -> bool:
    """Whether the verb's subject, a modifier of it, or what a counting subject counts ("the first
    deployment of NATO peacekeeping troops") has one of the lemmas."""
    subjects = syntax.agents(verb) if passive else syntax.subjects(verb)
    subjects = subjects + [o for s in subjects if s.lemma_.lower() in QUANTITIES
                           for o in syntax.prep_objects(s, {"of"})]
    words = [w for s in subjects for w in (s, *children(s, "compound", "amod"))]
    return any(w.lemma_.lower() in lemmas or w.lower_ in lemmas for w in words)


def _modal_complements(verb: Token, modals: frozenset[str]) -> list[Token]:
    """The verb's clausal complements that carry one of the auxiliaries ("Iran must withdraw"); a noun's
    "that" clause ("a reminder that Iraq must cooperate")."""
    return [c for c in syntax.clausal_complements(verb)
            if any(a.dep_ == "aux" and a.lower_ in modals for a in c.children)]


def _distinct(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[tuple] = set()
    out = []
    for m in mentions:
        key = (m.actor.entity, m.actor.sector, m.actor.name)
        if (m.actor.entity or m.actor.sector) and key not in seen:  # a sector alone: "rebels", "police"
            seen.add(key)
            out.append(m)
    return out


def _object_is(verb: Token, p: Pattern, objects: list[Token], loose: bool) -> bool:
    """Whether the verb's object is one the pattern names (its `obj` key), or failing that: the object of
    the pattern's preposition ("called for the release of", "accused X of corruption"), the object's "of"
    complement ("gave 5 million dollars of aid") or what it includes ("threw things, including Molotov
    cocktails", a phrase the parser may hang on the verb), and when loose its compound ("suspended aid
    deliveries")."""
    wanted = p.obj or frozenset()
    if any(_named(o, wanted) for o in objects):
        return True
    extended = [o for h in objects for o in syntax.prep_objects(h, {"of", "including"})]
    extended += list(syntax.prep_objects(verb, {"including"}))
    if loose:
        extended += [c for h in objects for c in children(h, "compound")]
    if p.prep:
        extended += [o for h in [verb, *objects] for o in syntax.prep_objects(h, set(p.prep))]
    return any(_named(o, wanted) for o in extended)


def _named(word: Token, wanted: frozenset[str]) -> bool:
    """Whether a word is one of the lemmas wanted, or a "modifier_head" pair of them ("martial_law")."""
    lemma = word.lemma_.lower()
    return lemma in wanted or any(f"{c.lemma_.lower()}_{lemma}" in wanted for c in children(word, "amod", "compound"))


def _excluded(trigger: Token, p: Pattern) -> bool:
    """The trigger has a dependency its pattern excludes: "called him a liar" (oprd) is no phone call, "an
    attempt to mediate" (acl) no attempt on anyone's life."""
    return any(c.dep_ in p.without for c in trigger.children)


def _narrow(patterns: Iterable[Pattern]) -> bool:
    """Every pattern of the verb names the object it needs: the verb codes nothing for other objects."""
    return all(p.obj is not None for p in patterns)


def _same(a: Actor, b: Actor) -> bool:
    return a.entity == b.entity and a.sector == b.sector
