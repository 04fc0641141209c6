"""组织生活 rules worked by hand: periods across quarter and year boundaries, due lines, attendance rates."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.calendar import Period, quarter_period, school_year_period
from desktop_app.domain.meetings import (
    DEFAULT_FREQUENCIES, TALK, AttendanceTally, Cadence, DueState, Frequency, LeavePolicy, MeetingKind,
    Roster, due_lines, frequencies_from_dict, frequencies_to_dict, per_subject_due_lines, periods_ending_in,
    summarise, tally,
)

YEAR = school_year_period("2025-2026")  # 2025-09-01 … 2026-08-31


def test_kinds_carry_the_users_words_and_rosters():
    assert MeetingKind.from_label("党小组会") is MeetingKind.GROUP_MEETING
    assert MeetingKind.GROUP_MEETING.roster is Roster.GROUP
    assert MeetingKind.COMMITTEE_MEETING.roster is Roster.COMMITTEE
    assert MeetingKind.THEME_DAY.roster is Roster.ALL_MEMBERS
    assert MeetingKind.PARTY_LECTURE.recorder_label == "讲课人"
    assert MeetingKind.BRANCH_ASSEMBLY.recorder_label == "记录人"


def test_a_school_year_holds_twelve_months_four_quarters_and_itself():
    months = periods_ending_in(Cadence.MONTH, YEAR)
    assert [m.label for m in (months[0], months[-1])] == ["2025年9月", "2026年8月"]
    assert len(months) == 12
    quarters = periods_ending_in(Cadence.QUARTER, YEAR)
    # Q3 2025 ends on 30 Sep 2025, inside this school year; Q3 2026 ends after 31 Aug 2026.
    assert [q.label for q in quarters] == ["2025年第三季度", "2025年第四季度", "2026年第一季度", "2026年第二季度"]
    assert periods_ending_in(Cadence.YEAR, YEAR) == [YEAR]


def test_a_quarter_judges_the_school_year_only_when_that_year_ends_in_it():
    assert periods_ending_in(Cadence.YEAR, quarter_period(2026, 2)) == []
    assert [p.label for p in periods_ending_in(Cadence.YEAR, quarter_period(2026, 3))] == ["2025-2026学年"]


def test_quarterly_duty_across_the_quarter_boundary():
    # 31 Mar counts for Q1 only; 1 Apr for Q2; nothing in Q4 2025 (it ended before 'today').
    held = [date(2026, 3, 31), date(2026, 4, 1)]
    lines = due_lines("branch_assembly", Frequency(Cadence.QUARTER, 1), YEAR, held, today=date(2026, 5, 10))
    assert [(line.period.label, line.held, line.state) for line in lines] == [
        ("2025年第三季度", 0, DueState.MISSED),
        ("2025年第四季度", 0, DueState.MISSED),
        ("2026年第一季度", 1, DueState.MET),
        ("2026年第二季度", 1, DueState.MET),
    ]


def test_monthly_duty_across_the_calendar_year_boundary_with_today_in_january():
    held = [date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 15)]
    lines = due_lines("theme_day", Frequency(Cadence.MONTH, 2), YEAR, held, today=date(2026, 1, 20))
    by_month = {line.period.label: line for line in lines}
    assert (by_month["2025年12月"].held, by_month["2025年12月"].state) == (1, DueState.MISSED)
    assert by_month["2025年12月"].missing == 1
    assert (by_month["2026年1月"].held, by_month["2026年1月"].state) == (2, DueState.MET)
    assert by_month["2026年2月"].state is DueState.UPCOMING
    held_in_progress = due_lines("theme_day", Frequency(Cadence.MONTH, 1), YEAR, [], today=date(2026, 1, 20))
    assert {line.period.label: line.state for line in held_in_progress}["2026年1月"] is DueState.IN_PROGRESS


def test_yearly_duty_across_the_school_year_boundary():
    # 31 Aug 2026 still belongs to 2025-2026; 1 Sep 2026 to the next school year.
    frequency = Frequency(Cadence.YEAR, 1)
    assert due_lines("organisational_life_meeting", frequency, YEAR, [date(2026, 8, 31)], date(2026, 9, 2))[0].state \
        is DueState.MET
    late = due_lines("organisational_life_meeting", frequency, YEAR, [date(2026, 9, 1)], date(2026, 9, 2))[0]
    assert (late.held, late.state) == (0, DueState.MISSED)


def test_group_meetings_are_due_per_group_with_a_member_who_moved_groups():
    # 王芳 was in 第一党小组 until March, then in 第二党小组. Each group holds its own monthly meeting;
    # her attendance is counted from the rosters she was on, so the move costs her nothing.
    spring = Period(date(2026, 2, 1), date(2026, 4, 30))
    held = {"第一党小组": [date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 10)],
            "第二党小组": [date(2026, 2, 12), date(2026, 4, 12)]}
    lines = per_subject_due_lines("group_meeting", Frequency(Cadence.MONTH, 1), spring, held,
                                  {"第一党小组": "第一党小组", "第二党小组": "第二党小组"},
                                  today=date(2026, 5, 6))
    assert [(line.subject, line.period.label, line.state) for line in lines if line.state is DueState.MISSED] == [
        ("第二党小组", "2026年3月", DueState.MISSED)]
    assert lines[0].label == "党小组会（第一党小组）"
    rosters = {  # meeting → 王芳's status on its roster (she is on no roster of the group she was not in)
        ("第一党小组", date(2026, 2, 10)): "present",
        ("第一党小组", date(2026, 3, 10)): "leave",
        ("第二党小组", date(2026, 4, 12)): "present",
    }
    hers = tally(rosters.values())
    assert (hers.expected, hers.present, hers.leave, hers.absent) == (3, 2, 1, 0)
    assert hers.rate(LeavePolicy.EXCLUDED) == 1.0


def test_talks_are_due_for_each_member():
    talks = {7: [date(2025, 10, 8)], 8: []}  # member ids
    lines = per_subject_due_lines(TALK, DEFAULT_FREQUENCIES[TALK], YEAR, talks, {7: "张三", 8: "李四"}, date(2026, 9, 1))
    assert [(line.subject, line.state) for line in lines] == [("张三", DueState.MET), ("李四", DueState.MISSED)]
    assert lines[1].label == "谈心谈话（李四）"


@pytest.mark.parametrize("policy, rate", [
    (LeavePolicy.EXCLUDED, 6 / 8),   # 10 expected, 2 on leave left out: 6 of 8
    (LeavePolicy.AS_PRESENT, 8 / 10),
    (LeavePolicy.AS_ABSENT, 6 / 10),
])
def test_attendance_rate_with_leave(policy, rate):
    counted = tally(["present"] * 6 + ["leave"] * 2 + ["absent"] * 2)
    assert counted.expected == 10
    assert counted.rate(policy) == pytest.approx(rate)


def test_rates_add_up_over_meetings_and_nobody_expected_has_no_rate():
    total = AttendanceTally(3, 1, 0) + AttendanceTally(1, 0, 1)
    assert (total.present, total.leave, total.absent, total.expected) == (4, 1, 1, 6)
    assert AttendanceTally(0, 2, 0).rate(LeavePolicy.EXCLUDED) is None
    assert AttendanceTally().rate(LeavePolicy.AS_PRESENT) is None


def test_summary_counts_only_what_was_due_and_lists_missed_periods():
    lines = due_lines("committee_meeting", Frequency(Cadence.MONTH, 1), Period(date(2025, 9, 1), date(2025, 11, 30)),
                      [date(2025, 9, 3), date(2025, 9, 20), date(2025, 11, 5)], today=date(2025, 12, 1))
    (summary,) = summarise(lines)
    assert (summary.label, summary.held, summary.required) == ("支部委员会会议", 2, 3)
    assert [line.period.label for line in summary.missed] == ["2025年10月"]


def test_completion_says_in_progress_while_the_period_runs_and_never_done_while_short():
    quarter = quarter_period(2026, 4)
    running = summarise(due_lines("branch_assembly", Frequency(Cadence.QUARTER, 1), quarter, [], today=date(2026, 12, 2)))
    over = summarise(due_lines("branch_assembly", Frequency(Cadence.QUARTER, 1), quarter, [], today=date(2027, 1, 5)))
    held = summarise(due_lines("branch_assembly", Frequency(Cadence.QUARTER, 1), quarter, [date(2026, 10, 9)],
                               today=date(2026, 12, 2)))
    assert [s[0].completion for s in (running, over, held)] == ["进行中", "未完成", "完成"]


def test_frequencies_round_trip_and_ignore_nonsense():
    changed = frequencies_from_dict({"theme_day": {"cadence": "quarter", "times": 2},
                                     "nonsense": {"cadence": "month", "times": 1},
                                     "committee_meeting": {"cadence": "weekly", "times": 1}})
    assert changed["theme_day"] == Frequency(Cadence.QUARTER, 2)
    assert changed["committee_meeting"] == DEFAULT_FREQUENCIES["committee_meeting"]
    assert "nonsense" not in changed
    assert frequencies_from_dict(frequencies_to_dict(changed)) == changed
    assert Frequency(Cadence.MONTH, 0).label == "不作要求"
    assert due_lines("theme_day", Frequency(Cadence.MONTH, 0), YEAR, [], date(2026, 1, 1)) == []
