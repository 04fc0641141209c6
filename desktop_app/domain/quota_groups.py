"""Members who owe the same are worked out once: requirements by quota profile.

What a member owes in a period depends on their posts, subject, party membership, 培养对象
plan, 入校/离开/入党 dates and 请假 (domain/quotas.py), never on who they are. Dates that fall
outside the period change nothing (joining before the period starts is the same as having always
been there), so they are cut to the period; most of a branch then shares a handful of profiles
and the school-day arithmetic runs once per profile instead of once per member. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from desktop_app.domain.calendar import Period
from desktop_app.domain.quotas import (
    QuotaPerson, QuotaSettings, Requirement, SchoolCalendar, demo_lesson_requirement, observation_requirement,
    visit_requirement,
)


@dataclass(frozen=True)
class Requirements:
    observations: Requirement
    demo_lessons: Requirement
    visits: Requirement


def _from_inside(day: date | None, period: Period) -> date | None:
    """A start date: on or before the period's first day it starts nothing inside the period."""
    return day if day is not None and day > period.start else None


def _until_inside(day: date | None, period: Period) -> date | None:
    """An end date: on or after the period's last day it ends nothing inside the period."""
    return day if day is not None and day < period.end else None


def quota_profile(person: QuotaPerson, period: Period) -> QuotaPerson:
    """The person without their identity, their dates cut to what matters inside `period`."""
    return replace(
        person, member_id=0, name="",
        present_from=_from_inside(person.present_from, period),
        present_until=_until_inside(person.present_until, period),
        party_since=_from_inside(person.party_since, period),
        cultivation_since=_from_inside(person.cultivation_since, period),
    )


def requirements_by_member(people: Iterable[QuotaPerson], settings: QuotaSettings, period: Period,
                           calendar: SchoolCalendar) -> dict[int, Requirements]:
    """Member id → what they owe for 听课, 示范课 and visits, each profile computed once."""
    by_profile: dict[QuotaPerson, Requirements] = {}
    result = {}
    for person in people:
        profile = quota_profile(person, period)
        found = by_profile.get(profile)
        if found is None:
            found = by_profile[profile] = Requirements(
                observation_requirement(profile, settings, period, calendar),
                demo_lesson_requirement(profile, settings, period, calendar),
                visit_requirement(profile, settings, period, calendar),
            )
        result[person.member_id] = found
    return result
