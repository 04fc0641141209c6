"""组织生活 attendance as a computed indicator: explained like the others, frozen once a year is approved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.meetings import LeavePolicy
from desktop_app.domain.scheme import Indicator, IndicatorSource, default_scheme
from desktop_app.services.evaluations.commands import approve, unlock
from desktop_app.services.evaluations.locks import locks_for
from desktop_app.services.evaluations.queries import semester_sheet
from desktop_app.services.evaluations.schemes import save_scheme
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.commands import AttendanceEntry, MeetingData, add_meeting
from tests.meetings_support import make_branch

pytestmark = pytest.mark.both_engines

YEAR = "2025-2026"


def _scheme_with_attendance(ledger):
    base = default_scheme(YEAR)
    indicators = tuple(Indicator("life", "组织生活", 10, IndicatorSource.MEETING_ATTENDANCE.value)
                       if ind.key == "appraisal" else ind for ind in base.indicators)
    save_scheme(ledger, replace(base, indicators=indicators))
    return [ind.key for ind in indicators].index("life")


def _meeting(ledger, day, marks):
    add_meeting(ledger, MeetingData(kind="theme_day", date=day, topic="主题党日",
                                    attendance=[AttendanceEntry(m, s) for m, s in marks]))


def _set_policy(ledger, policy):
    chosen = meeting_settings.load(ledger)
    meeting_settings.save(ledger, replace(chosen, leave_policy=policy))


def test_attendance_indicator_on_an_unlocked_and_a_locked_semester(ledger):
    b = make_branch(ledger)
    life = _scheme_with_attendance(ledger)
    # First semester (1 Sep 2025 – 31 Jan 2026): 张三 present twice, on leave once, absent once.
    for day, status in ((date(2025, 9, 5), "present"), (date(2025, 10, 5), "present"),
                        (date(2025, 11, 5), "leave"), (date(2025, 12, 5), "absent")):
        _meeting(ledger, day, [(b.zhang, status), (b.secretary, "present")])
    _meeting(ledger, date(2026, 3, 5), [(b.zhang, "absent")])  # second semester: not counted in the first

    sheet = semester_sheet(ledger, YEAR, 1)
    zhang = sheet.row_of(b.zhang).scores[life]
    assert (zhang.points, zhang.computed) == (6.67, True)  # 2 of 3: the 请假 is left out of 应到
    assert zhang.explanation == "组织生活出席 2/3 次（请假 1 次不计入应到） → 6.67/10"
    assert sheet.row_of(b.secretary).scores[life].points == 10
    fang = sheet.row_of(b.wang_fang).scores[life]  # on no roster: entered by hand
    assert (fang.computed, fang.explanation) == (False, "组织生活（暂无记录，手工录入）")
    assert "由记录计算：" in sheet.source_note and "组织生活" in sheet.source_note.split("；")[0]

    _set_policy(ledger, LeavePolicy.AS_PRESENT)
    zhang = semester_sheet(ledger, YEAR, 1).row_of(b.zhang).scores[life]
    assert (zhang.points, zhang.explanation) == (7.5, "组织生活出席 3/4 次（请假 1 次视同出席） → 7.5/10")

    approve(ledger, YEAR, 1, date(2026, 1, 20), "支部党员大会")
    _meeting(ledger, date(2026, 1, 10), [(b.zhang, "present")])
    _set_policy(ledger, LeavePolicy.AS_ABSENT)
    frozen = semester_sheet(ledger, YEAR, 1).row_of(b.zhang).scores[life]
    assert (frozen.points, frozen.explanation) == (7.5, zhang.explanation)  # the approved year stays as approved

    unlock(ledger, locks_for(ledger, YEAR)[0].id, "补录一月主题党日")
    thawed = semester_sheet(ledger, YEAR, 1).row_of(b.zhang).scores[life]
    assert (thawed.points, thawed.explanation) == (6, "组织生活出席 3/5 次（请假 1 次视同缺席） → 6/10")


def test_an_approved_year_keeps_its_attendance_and_another_year_follows_the_records(ledger):
    from desktop_app.services.evaluations.queries import year_results

    b = make_branch(ledger)
    life = _scheme_with_attendance(ledger)
    from desktop_app.services.evaluations.schemes import get_scheme

    save_scheme(ledger, get_scheme(ledger, YEAR).for_year("2026-2027"))
    _meeting(ledger, date(2025, 10, 5), [(b.zhang, "absent"), (b.secretary, "present")])
    _meeting(ledger, date(2026, 3, 5), [(b.zhang, "present")])
    approve(ledger, YEAR, None, date(2026, 7, 10), "支部党员大会")  # the whole school year
    first_before = semester_sheet(ledger, YEAR, 1).row_of(b.zhang).scores[life]
    second_before = semester_sheet(ledger, YEAR, 2).row_of(b.zhang).scores[life]
    assert (first_before.points, second_before.points) == (0, 10)
    year_before = {r.member_id: r.score for r in year_results(ledger, YEAR)}

    _meeting(ledger, date(2025, 11, 5), [(b.zhang, "present")])  # late entries into the approved year
    _meeting(ledger, date(2026, 4, 5), [(b.zhang, "absent")])
    _meeting(ledger, date(2026, 10, 5), [(b.zhang, "absent")])  # the next school year, not approved
    assert semester_sheet(ledger, YEAR, 1).row_of(b.zhang).scores[life] == first_before
    assert semester_sheet(ledger, YEAR, 2).row_of(b.zhang).scores[life] == second_before
    assert {r.member_id: r.score for r in year_results(ledger, YEAR)} == year_before
    following = semester_sheet(ledger, "2026-2027", 1).row_of(b.zhang).scores[life]
    assert (following.points, following.explanation) == (0, "组织生活出席 0/1 次 → 0/10")
