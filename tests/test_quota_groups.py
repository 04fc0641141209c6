"""Requirements worked out once per quota profile equal the requirements worked out person by person."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

from desktop_app.domain.calendar import Period
from desktop_app.domain.quota_groups import quota_profile, requirements_by_member
from desktop_app.domain.quotas import (
    QuotaPerson, QuotaSettings, SchoolCalendar, demo_lesson_requirement, observation_requirement, visit_requirement,
)

TERMS = (Period(date(2025, 9, 1), date(2026, 1, 31)), Period(date(2026, 2, 1), date(2026, 7, 31)))
CALENDAR = SchoolCalendar(TERMS, holidays=(Period(date(2025, 10, 1), date(2025, 10, 8)),))
SETTINGS = QuotaSettings()
PERIOD = Period(date(2025, 11, 3), date(2025, 12, 31))  # both ends school days
AROUND = [None, *(day + timedelta(days=n) for day in (PERIOD.start, PERIOD.end) for n in (-1, 0, 1))]


def _people() -> list[QuotaPerson]:
    """Every 入校 / 离开 / 入党 / 培养 date around the period's first and last day, in several posts."""
    people = []
    for n, (posts, start, left, party, since) in enumerate(product(
            [("principal",), ("head_teacher", "subject_teacher"), ("support_staff",), ("subject_leader",)],
            AROUND, AROUND, AROUND[:4], AROUND[:3])):
        if start and left and left < start:
            continue
        people.append(QuotaPerson(
            member_id=n, name=f"人{n}", posts=posts, party_member=party is not None, teaches=n % 2 == 0,
            is_cultivation_target=since is not None or n % 5 == 0, cultivation_since=since,
            present_from=start, present_until=left, party_since=party,
            leaves=(Period(date(2025, 11, 10), date(2025, 11, 21), "病假"),) if n % 7 == 0 else (),
        ))
    return people


def test_each_member_owes_what_the_rules_give_them_one_by_one():
    owed = requirements_by_member(_people(), SETTINGS, PERIOD, CALENDAR)
    for person in _people():
        got = owed[person.member_id]
        assert got.observations == observation_requirement(person, SETTINGS, PERIOD, CALENDAR), person
        assert got.demo_lessons == demo_lesson_requirement(person, SETTINGS, PERIOD, CALENDAR), person
        assert got.visits == visit_requirement(person, SETTINGS, PERIOD, CALENDAR), person


def test_dates_outside_the_period_make_no_profile_of_their_own():
    plain = QuotaPerson(member_id=1, name="甲", posts=("principal",), party_member=True)
    before, after = PERIOD.start - timedelta(days=400), PERIOD.end + timedelta(days=30)
    long_there = QuotaPerson(member_id=2, name="乙", posts=("principal",), party_member=True,
                             present_from=before, present_until=after, party_since=PERIOD.start)
    assert quota_profile(plain, PERIOD) == quota_profile(long_there, PERIOD)
    joined = QuotaPerson(member_id=3, name="丙", posts=("principal",), party_member=True,
                         present_from=PERIOD.start + timedelta(days=1))
    assert quota_profile(joined, PERIOD) != quota_profile(plain, PERIOD)
    assert quota_profile(joined, PERIOD).present_from == PERIOD.start + timedelta(days=1)
