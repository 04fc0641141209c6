"""Where computed indicators get their records: pledges, observations/visits and 组织生活 attendance.

When the records say nothing of a member (or of a kind in a semester) the indicator falls back
to the value entered by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.domain.evaluation import Fulfilment
from desktop_app.services.meetings.due import attendance_facts
from desktop_app.services.pledges.queries import review_grades
from desktop_app.services.records.queries import member_fulfilment
from desktop_app.services.settings import semester_dates
from desktop_app.store.ledger import Ledger


def _number(obj: Any, name: str) -> float | None:
    value = getattr(obj, name, None)
    return None if value is None else float(value)


def semester_facts(ledger: Ledger, school_year: str, semester: int,
                   fulfilment_of: Callable = member_fulfilment) -> dict[int, Fulfilment]:
    """Member id → what the records say for that semester (pledge grades count for the whole year).
    `fulfilment_of(ledger, period)` gives the quota fulfilment (a report passes the one it keeps)."""
    grades: dict[int, str] = dict(review_grades(ledger, school_year))
    period = semester_dates(ledger, school_year).semester(semester)
    fulfilment: dict[int, Any] = dict(fulfilment_of(ledger, period))
    # A kind with no record at all in the semester was kept outside the ledger (e.g. a year
    # before the school used it): its indicator is then entered by hand, not scored as zero.
    kinds = [kind for kind in ("observations", "demo_lessons", "visits")
             if any(_number(f, f"{kind}_done") for f in fulfilment.values())]
    attendance = attendance_facts(ledger, period)
    facts: dict[int, Fulfilment] = {}
    for member_id in set(grades) | set(fulfilment) | set(attendance):
        done = fulfilment.get(member_id)
        counts = {}
        for kind in kinds:
            counts[f"{kind}_done"] = _number(done, f"{kind}_done")
            counts[f"{kind}_required"] = _number(done, f"{kind}_required")
        met = attendance.get(member_id)
        if met is not None:
            counts.update(meetings_attended=float(met.attended), meetings_expected=float(met.expected),
                          meetings_note=met.note)
        facts[member_id] = Fulfilment(pledge_grade=grades.get(member_id), **counts)
    return facts


class FactsCache:
    """Keeps each semester's facts between edits of scores (which do not change the records).

    A screen clears it when pledges, observations, visits, members or settings change.
    """

    def __init__(self, fulfilment_of: Callable = member_fulfilment) -> None:
        self._facts: dict[tuple[str, int], dict[int, Fulfilment]] = {}
        self._fulfilment_of = fulfilment_of

    def get(self, ledger: Ledger, school_year: str, semester: int) -> dict[int, Fulfilment]:
        key = (school_year, semester)
        if key not in self._facts:
            self._facts[key] = semester_facts(ledger, school_year, semester, self._fulfilment_of)
        return self._facts[key]

    def clear(self) -> None:
        self._facts.clear()
