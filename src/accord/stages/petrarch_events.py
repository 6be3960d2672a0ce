"""Events from a PETRARCH verb dictionary, applied on spaCy's dependency parse instead of a Treebank tree.

For each token whose text is a form of a dictionary verb (a multi-word verb's other words next to it),
the block's patterns are tried in file order; the first that matches gives the code, else the verb's
own code, else the block's; the null code ``---`` codes nothing. The source is the verb's subject (the
"by" phrase of a passive), or the phrase a ``$`` bound; the target is the first coded phrase after the
verb in its subtree, or the phrase a ``+`` bound; a ``%`` binds coordinated actors, which then act on
each other (in the lower part) or are all targets (in the upper part). ``[A:B]`` codes A for source on
target and B for target on source. Actor phrases are coded with the PETRARCH actor and agent
dictionaries (petrarch_nps.py), falling back on the actors stage's mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import permutations
from typing import TYPE_CHECKING

from accord.document import Candidate, Document, Mention
from accord.knowledge.petrarch_codes import PhraseTable, split_code
from accord.knowledge.petrarch_discards import Discard, first_discard
from accord.knowledge.petrarch_verbs import EventCode, VerbDictionary
from accord.records import Actor
from accord.stages import syntax
from accord.stages.petrarch_match import Region, Span, match
from accord.stages.petrarch_nps import Phrase, PhraseReader, is_head

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_NOUNS = {"NOUN", "PROPN", "PRON", "X"}


class PetrarchEventsStage:
    """Code events with a PETRARCH verb dictionary (and, when given, its actor and agent dictionaries)."""

    name = "events"
    requires = ("sentences", "mentions")
    assigns = ("candidates",)

    def __init__(self, verbs: VerbDictionary, table: PhraseTable | None = None, *, require_target: bool = True,
                 countries: Iterable[str] = (), valid_codes: Iterable[str] | None = None,
                 discards: Iterable[Discard] = ()) -> None:
        self.verbs = verbs
        self.index = verbs.by_form()
        self.table = table
        self.require_target = require_target
        self.countries = frozenset(countries)
        self.valid_codes = frozenset(valid_codes) if valid_codes is not None else None
        self.discards = tuple(discards)

    def __call__(self, doc: Document) -> Document:
        story = first_discard(doc.article.text, [d for d in self.discards if d.story])
        if story is not None:  # PETRARCH codes nothing in a story that holds a story discard
            doc.notes["petrarch_discard"] = f"story: {story.phrase}"
            return doc
        mentions: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            mentions.setdefault(m.head, []).append(m)
        for sentence in doc.sentences:
            if sentence.span is None:
                continue
            discard = first_discard(sentence.text, [d for d in self.discards if not d.story])
            if discard is not None:
                doc.notes["petrarch_discard"] = f"sentence: {discard.phrase}"
                continue
            unit_mentions = {k: [m for m in v if m.sentence == sentence.index] for k, v in mentions.items()}
            reader = PhraseReader(self.table, doc.article.published, unit_mentions)
            coder = _SentenceCoder(self, doc, sentence.index, sentence.span, reader)
            found = [c for token in sentence.span for c in coder.at(token)]
            dropped = [c for c in found if self.valid_codes is not None and c.cameo not in self.valid_codes]
            if dropped:  # codes outside Accord's CAMEO table (WEIS codes, test codes) cannot become Events
                doc.notes.setdefault("petrarch_unknown_codes", []).extend(c.cameo for c in dropped)
            doc.candidates.extend(_dedupe(c for c in found if c not in dropped))
        return doc


def _dedupe(candidates: Iterable[Candidate]) -> list[Candidate]:
    seen: set[tuple] = set()
    out = []
    for c in candidates:
        key = (c.source.code, c.target.code if c.target else None, c.cameo)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


class _SentenceCoder:
    """Applies the verb dictionary to the tokens of one sentence."""

    def __init__(self, stage: PetrarchEventsStage, doc: Document, index: int, span: SpacySpan,
                 reader: PhraseReader) -> None:
        self.stage = stage
        self.doc = doc
        self.index = index
        self.span = span
        self.reader = reader
        self.offset = doc.units[doc.sentences[index].unit].start
        self.chunks = {t.i: c for c in span.noun_chunks for t in c} if span.doc.has_annotation("DEP") else {}

    def at(self, token: Token) -> list[Candidate]:
        """Candidates for the verb at this token, if its text is a dictionary verb form.

        A form may belong to several blocks (SHOT in PETR.Validate.verbs.txt): the first block with a
        matching pattern codes it, else the first block whose default code is not null.
        """
        if not (token.tag_.startswith("VB") or token.pos_ in {"VERB", "AUX"}):
            return []
        fallback: tuple | None = None
        for block, verb, form in self.stage.index.get(token.lower_, ()):
            start = token.i - verb.head
            words = [t.lower_ for t in self.span.doc[max(start, 0) : start + len(form)]]
            if start < self.span.start or start + len(form) > self.span.end or tuple(words) != form:
                continue
            region = self._region(token, start, start + len(form) - 1)
            for pattern in block.patterns:
                bound = match(pattern, region)
                if bound is not None:
                    rule = f"{self.stage.verbs.origin}, line {pattern.line}: {pattern.text}"
                    return self._code(token, region, pattern.code, bound, rule)
            code = verb.code or block.code
            if fallback is None and not code.null:
                fallback = (token, region, code, {}, f"{self.stage.verbs.origin}: {block.name}")
        return self._code(*fallback) if fallback else []

    def _region(self, verb: Token, start: int, end: int) -> Region:
        return Region(doc=self.span.doc, first=self.span.start, verb_start=start, verb_end=end,
                      last=max(verb.right_edge.i, end), actor_at=self._actor_at,
                      compound_at=self._compound_at, chunk_at=self._chunk_at)

    def _code(self, verb: Token, region: Region, code: EventCode, bound: dict[str, Span], rule: str) -> list[Candidate]:
        if code.null:
            return []
        sources, targets, joint = self._actors(verb, region, bound)
        return self._emit(verb, code, sources, targets, joint, rule)

    def _actors(self, verb: Token, region: Region, bound: dict[str, Span]) -> tuple[list[Phrase], list[Phrase], bool]:
        """Sources, targets, and whether the sources act on each other (a compound in the lower part)."""
        doc = self.span.doc
        compound = bound.get("compound")
        joint = compound is not None and compound.head < region.verb_start
        agent = syntax.agents(verb) if syntax.is_passive(verb) else []
        target = bound.get("target")
        if "source" in bound:
            sources = self.reader.group(doc[bound["source"].head])
        elif joint:
            sources = self.reader.group(doc[compound.head])
        elif agent:
            sources = self.reader.group(agent[0])
        elif target is not None and target.head < region.verb_start:
            # "X noted that + regretted": the target is the verb's subject, the source the noter
            above = syntax.governing_verb(verb)
            sources = self._subjects(above) if above is not None else []
        else:
            sources = self._subjects(verb)
        if target is not None:
            targets = self.reader.group(doc[target.head])
        elif compound is not None and not joint:
            targets = self.reader.group(doc[compound.head])
        elif agent:
            subjects = syntax.children(verb, "nsubjpass")
            targets = self.reader.group(subjects[0]) if subjects else []
        else:
            targets = self._first_after(region, {p.head for p in sources})
        if not targets and not joint and len({c for p in sources for c in p.codes}) > 1:
            joint = True  # "Gondor and Osgiliath have renewed diplomatic ties": with each other
        return sources, targets, joint

    def _subjects(self, verb: Token) -> list[Phrase]:
        """The coded phrases of every subject of a verb ("Old foes Gondor and Osgiliath": two subjects)."""
        seen: dict[int, Phrase] = {}
        for subject in syntax.subjects(verb):
            for phrase in self.reader.group(subject):
                seen.setdefault(phrase.head, phrase)
        return list(seen.values())

    def _first_after(self, region: Region, skip: set[int]) -> list[Phrase]:
        """The first coded phrase (with its coordinated phrases) after the verb in its subtree."""
        doc = self.span.doc
        for k in range(region.verb_end + 1, region.last + 1):
            token = doc[k]
            if k in skip or not is_head(token) or token.pos_ == "PRON":
                continue  # a pronoun after the verb is no target: PETRARCH codes only named actors there
            group = self.reader.group(token)
            if group:
                return group
        return []

    # -- slots ----------------------------------------------------------------------------------------
    def _head_of(self, i: int) -> Token | None:
        token = self.span.doc[i]
        for _ in range(4):
            if is_head(token):
                return token
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _actor_at(self, i: int) -> Span | None:
        head = self._head_of(i)
        if head is None:
            return None
        phrase = self.reader.phrase(head)
        if not phrase.codes and not self.reader.group(head):
            return None
        return Span(phrase.start, head.i, head.i)

    def _compound_at(self, i: int) -> Span | None:
        head = self._head_of(i)
        if head is None:
            return None
        group = self.reader.group(head)
        if len({c for p in group for c in p.codes}) < 2:
            return None
        return Span(min(p.start for p in group), max(p.head for p in group), group[0].head)

    def _chunk_at(self, i: int) -> Span | None:
        chunk = self.chunks.get(i)
        if chunk is None:
            return Span(i, i, i) if self.span.doc[i].pos_ in _NOUNS else None
        return Span(chunk.start, chunk.end - 1, chunk.root.i)

    # -- output ---------------------------------------------------------------------------------------
    def _emit(self, verb: Token, code: EventCode, sources: list[Phrase], targets: list[Phrase], joint: bool,
              rule: str) -> list[Candidate]:
        source_codes = list(dict.fromkeys(c for p in sources for c in p.codes))
        target_codes = list(dict.fromkeys(c for p in targets for c in p.codes))
        pairs: list[tuple[str, str | None]]
        if joint:
            pairs = list(permutations(source_codes, 2))
        elif target_codes:
            pairs = [(s, t) for s in source_codes for t in target_codes]
        else:
            pairs = [] if self.stage.require_target else [(s, None) for s in source_codes]
        out = []
        for source, target in pairs:
            if source == target:
                continue
            if code.forward is not None:
                out.append(self._candidate(verb, code.forward, source, target, rule))
            if code.reverse is not None and target is not None and not joint:
                out.append(self._candidate(verb, code.reverse, target, source, rule))
        return out

    def _candidate(self, verb: Token, code: str, source: str, target: str | None, rule: str) -> Candidate:
        return Candidate(
            sentence=self.index, source=self._actor(source), target=self._actor(target) if target else None,
            cameo=code, rule=rule, trigger_start=self.offset + verb.idx,
            trigger_end=self.offset + verb.idx + len(verb.text), trigger_text=verb.text,
            negated=syntax.negated(verb), modality=syntax.modality(verb), confidence=0.6, token=verb,
        )

    def _actor(self, code: str) -> Actor:
        country, org, sector = split_code(code, self.stage.countries)
        kind = "organisation" if org else "state"
        return Actor(text=code, name=code, code=code, country=country, org=org or (None if country else code),
                     sector=sector, kind=kind)

