"""The sample school's 组织生活: a year of meetings with attendance, mostly on time, one group behind."""

from __future__ import annotations

import random
from datetime import date

from desktop_app.domain.calendar import Period
from desktop_app.domain.meetings import DueState
from desktop_app.services.demo import meetings, people
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.commands import validate_meeting
from desktop_app.services.meetings.due import due_report
from desktop_app.services.meetings.queries import get_meeting, list_meetings, list_talks

TODAY = date(2026, 11, 22)


def test_sample_school_meetings(ledger):
    people.add_demo(ledger, random.Random(7), today=TODAY)
    meetings.add_demo(ledger, random.Random(7), today=TODAY)
    chosen = meeting_settings.load(ledger)
    assert chosen.secretary_id and len(chosen.committee) == 4
    rows = list_meetings(ledger, None)
    kinds = {row.kind for row in rows}
    assert kinds == {"committee_meeting", "theme_day", "group_meeting", "branch_assembly", "party_lecture",
                     "organisational_life_meeting", "democratic_review"}
    assert all(row.date < TODAY for row in rows)
    assert all(validate_meeting(get_meeting(ledger, row.id), today=TODAY) == [] for row in rows[:20])
    assert sum(row.counts.leave for row in rows) > 0 and sum(row.counts.absent for row in rows) > 0
    assert len(list_talks(ledger, None)) > 10
    assert all(row.attachment_count == 1 for row in rows if row.kind == "branch_assembly")
    last_year = Period(date(2025, 12, 1), date(2026, 10, 31))
    missed = [line for line in due_report(ledger, last_year, TODAY).lines
              if line.state is DueState.MISSED and line.duty == "group_meeting"]
    assert [(line.subject, line.period.label) for line in missed] == [("高二党小组", "2026年9月")]
