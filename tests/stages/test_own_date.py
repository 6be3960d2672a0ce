"""The date that hangs on an event's own trigger, and weekdays of announced acts, through the whole coder.

Hand-made sentences. Publication is Tuesday 2023-05-30 unless a case says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

D = date
CASES = [
    # (text, published, trigger, expected date)
    # An announced act on a bare weekday happens on the coming one; today's weekday is today (wire style).
    ("Putin will meet Erdogan on Friday.", "2023-05-30", "meet", D(2023, 6, 2)),
    ("Putin will meet Erdogan on Tuesday.", "2023-05-30", "meet", D(2023, 5, 30)),
    ("Putin will meet Erdogan on Monday.", "2023-12-29", "meet", D(2024, 1, 1)),  # across a year end
    ("The foreign ministers of Chile and Peru are scheduled to hold talks in Lima on Thursday.", "2023-05-30",
     "hold", D(2023, 6, 1)),
    # A sentence saying when something was said and when it will be done: each takes its own.
    ("On Monday Pakistan said it would sign the deal with China on Thursday.", "2023-05-30", "sign",
     D(2023, 6, 1)),
    # A past act on a weekday stays in the past.
    ("The presidents of Kenya and Uganda met on Friday.", "2023-05-30", "met", D(2023, 5, 26)),
    # A date on another noun is not the act's: the election's day is not the meeting's.
    (("On Thursday, Kenya's president, a candidate in the election to be held on August 9, met Ethiopia's "
      "prime minister."), "2023-05-30", "met", D(2023, 5, 25)),
    ("Kenyan police arrested the suspect yesterday over a bombing in Nairobi on Friday.", "2023-05-30",
     "arrested", D(2023, 5, 29)),
    # A light verb's noun carries the date of the act ("held talks on Friday").
    ("Chile held talks with Peru on Friday.", "2023-05-30", "held", D(2023, 5, 26)),
]


@pytest.mark.parametrize(("text", "published", "trigger", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_own_date(events, text: str, published: str, trigger: str, expected: date) -> None:
    found = [e for e in events(text, published) if e.trigger is not None and e.trigger.text == trigger]
    assert found, f"no event on {trigger!r}"
    assert {(e.date, e.date_precision) for e in found} == {(expected, "day")}
