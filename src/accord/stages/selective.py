"""Selective parsing: cut paragraphs into runs of sentences to parse and runs to skip, before any parse.

Each paragraph is tokenized once and split into sentences by spaCy's rule-based sentencizer (cheap:
punctuation only); the prefilter (prefilter.py) decides per sentence. Consecutive sentences with the
same decision form one unit. A kept run is parsed later as one Doc, so the parser sees the same
context as in a full parse and sets its own sentence boundaries inside the run; when a whole paragraph
is kept its tokenized Doc is parsed as is (same tokens, same parse as without selection). A skipped
run keeps its tokens and the sentencizer's sentence starts, so its sentences still get text, offsets,
an index and a span, of tokens without tags or parse that no stage reads an actor or event from.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING

from accord.document import Unit

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from accord.stages.prefilter import EventFilter


def select_units(nlp: Language, prefilter: EventFilter, paragraphs: list[Unit]) -> list[Unit]:
    """Paragraph units replaced by runs of sentences: to parse (tokens only, not skipped) or skipped."""
    docs = [nlp.make_doc(u.text) for u in paragraphs]
    tokens = [[(t.text, t.is_space, t.is_punct) for t in doc] for doc in docs]  # one pass over the tokens
    sentences = [(p, a, b) for p, toks in enumerate(tokens) for a, b in sentence_bounds(toks)]
    words = [[text for text, space, _ in tokens[p][a:b] if not space] for p, a, b in sentences]
    keep = prefilter.keep(words)
    for i in range(1, len(keep)):
        if not any(w[:1].isalnum() for w in words[i]):
            keep[i] = keep[i - 1]  # a stray quote or space is no sentence: it must not cut a run in two
    units: list[Unit] = []
    for (p, kept), group in groupby(zip(sentences, keep, strict=True), key=lambda item: (item[0][0], item[1])):
        run = [(a, b) for (_, a, b), _ in group]
        unit = _run_unit(paragraphs[p], docs[p], run, kept)
        if unit is not None:
            units.append(unit)
    return units


def sentence_bounds(tokens: list[tuple[str, bool, bool]]) -> list[tuple[int, int]]:
    """Token ranges of sentences by spaCy's Sentencizer rule, on (text, is_space, is_punct) triples:
    a sentence ends at a run of sentence-final punctuation ("." "?!" "..."), before the next word."""
    final_chars = _final_punctuation()
    starts = [0]
    seen_final = False
    for i, (text, _space, punct) in enumerate(tokens):
        final = text in final_chars
        if seen_final and not punct and not final:
            starts.append(i)
            seen_final = False
        elif final:
            seen_final = True
    if not tokens:
        return []
    return list(zip(starts, [*starts[1:], len(tokens)]))


@lru_cache(maxsize=1)
def _final_punctuation() -> frozenset[str]:
    """The sentence-final punctuation of spaCy's rule-based Sentencizer."""
    from spacy.pipeline import Sentencizer

    return frozenset(Sentencizer.default_punct_chars)


def _run_unit(paragraph: Unit, doc: Doc, run: list[tuple[int, int]], kept: bool) -> Unit | None:
    """A unit for a run of sentences of one paragraph, whitespace at its edges left out."""
    start, end = run[0][0], run[-1][1]
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return None
    span = doc[start:end]
    unit = Unit(start=paragraph.start + span.start_char, text=span.text, skipped=not kept)
    if kept and (start, end) == (0, len(doc)):
        unit.doc = doc  # the whole paragraph: parsed from the tokens it already has
    elif not kept:
        unit.doc = _tokens_only(span, {a - start for a, _ in run})
    # A part of a paragraph kept is tokenized again by nlp.pipe: Span.as_doc costs more than that.
    return unit


def _tokens_only(span: Span, starts: set[int]) -> Doc:
    """A Doc of the span's tokens with the sentence starts given (token offsets in the span)."""
    from spacy.tokens import Doc

    words = [t.text for t in span]
    spaces = [bool(t.whitespace_) for t in span]
    spaces[-1] = False
    return Doc(span.doc.vocab, words=words, spaces=spaces, sent_starts=[i in starts for i in range(len(words))])
