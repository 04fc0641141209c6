"""发展党员 date rules, worked by hand at each edge."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop_app.domain.calendar import WorkingCalendar, add_months, add_years
from desktop_app.domain.development.progress import (
    full_member_date, join_date, next_step, political_status, stage,
)
from desktop_app.domain.development.record import DevelopmentData, Person, Publication, Vote
from desktop_app.domain.development.rules import ImpossibleOrder, Rule, breaches, check_possible, probation_end
from desktop_app.domain.development.steps import STEPS, Stage, Step, stage_steps

TODAY = date(2026, 12, 1)
CAL = WorkingCalendar.with_national_holidays(range(2020, 2027))
S = Step


def rules_broken(data: DevelopmentData, calendar: WorkingCalendar = CAL) -> list[str]:
    return [b.rule for b in breaches(data, calendar, TODAY)]


def test_the_table_has_25_steps_in_5_stages():
    assert len(STEPS) == 25
    assert [len(stage_steps(s)) for s in Stage] == [2, 4, 5, 7, 7]
    assert S.TARGET.numbered == "（7）确定发展对象"


def test_month_and_year_arithmetic_keeps_the_day_or_the_months_last():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 15), 3) == date(2025, 2, 15)


@pytest.mark.parametrize("talk, broken", [(date(2024, 4, 10), False), (date(2024, 4, 11), True)])
def test_talk_within_one_month_of_application(talk, broken):
    data = DevelopmentData(dates={S.APPLY: date(2024, 3, 10), S.TALK: talk})
    assert (Rule.TALK in rules_broken(data)) is broken


@pytest.mark.parametrize("target, broken", [
    (date(2024, 3, 1), False),  # exactly one year
    (date(2024, 2, 29), True),  # one day short (a leap year: 29 Feb exists)
])
def test_one_year_as_activist_before_target(target, broken):
    data = DevelopmentData(dates={S.APPLY: date(2023, 1, 5), S.TALK: date(2023, 1, 20), S.ACTIVIST: date(2023, 3, 1),
                                  S.TARGET: target}, assessments=[date(2023, 8, 30), date(2024, 2, 20)])
    assert (Rule.ACTIVIST_YEAR in rules_broken(data)) is broken


@pytest.mark.parametrize("assessment, broken", [(date(2024, 7, 15), False), (date(2024, 7, 16), True)])
def test_a_written_assessment_every_half_year(assessment, broken):
    data = DevelopmentData(dates={S.APPLY: date(2023, 12, 1), S.TALK: date(2023, 12, 10), S.ACTIVIST: date(2024, 1, 15),
                                  S.TARGET: date(2025, 1, 10)}, assessments=[assessment])
    assert (Rule.HALF_YEAR in rules_broken(data)) is broken  # 15 Jan + 6 months = 15 Jul; next gap is < 6 months


def test_the_date_of_step_6_counts_as_an_assessment():
    data = DevelopmentData(dates={S.APPLY: date(2023, 12, 1), S.TALK: date(2023, 12, 10), S.ACTIVIST: date(2024, 1, 15),
                                  S.CONTACTS: date(2024, 1, 20), S.ASSESSMENT: date(2024, 7, 15),
                                  S.TARGET: date(2025, 1, 10)})
    assert Rule.HALF_YEAR not in rules_broken(data)


def test_an_activist_without_assessment_is_in_breach_until_today():
    data = DevelopmentData(dates={S.APPLY: date(2025, 1, 1), S.TALK: date(2025, 1, 10), S.ACTIVIST: date(2025, 5, 1)})
    assert rules_broken(data) == [Rule.HALF_YEAR]


def _to_training(start: date, end: date | None, hours: float | None) -> DevelopmentData:
    dates = {S.APPLY: date(2022, 1, 1), S.TALK: date(2022, 1, 10), S.ACTIVIST: date(2022, 3, 1),
             S.TARGET: date(2023, 3, 1), S.TRAINING: start}
    return DevelopmentData(dates=dates, assessments=[date(2022, 8, 1), date(2023, 1, 20)], training_end=end,
                           training_hours=hours)


@pytest.mark.parametrize("end, hours, broken", [
    (date(2023, 4, 12), None, False),  # 10–12 April: three days
    (date(2023, 4, 11), 16, True),  # two days, 16 学时
    (date(2023, 4, 10), 24, False),  # one day but 24 学时
    (date(2023, 4, 10), 23.5, True),
    (None, None, True),  # nothing recorded: listed so she fills it in
])
def test_training_three_days_or_24_hours(end, hours, broken):
    assert (Rule.TRAINING in rules_broken(_to_training(date(2023, 4, 10), end, hours))) is broken


@pytest.mark.parametrize("start, end, extra, broken", [
    (date(2024, 11, 14), date(2024, 11, 20), (), False),  # Thu, Fri, Mon, Tue, Wed
    (date(2024, 11, 14), date(2024, 11, 19), (), True),  # across the weekend: only 4
    (date(2024, 9, 30), date(2024, 10, 11), (), False),  # Mon 30 Sep, then 8–11 Oct after 国庆
    (date(2024, 9, 30), date(2024, 10, 10), (), True),  # 4 working days across 国庆
    (date(2024, 9, 29), date(2024, 10, 10), (date(2024, 9, 29),), False),  # Sunday 29 Sep worked (调休)
])
def test_publication_five_working_days(start, end, extra, broken):
    calendar = WorkingCalendar.with_national_holidays(range(2024, 2025), extra_working_days=extra)
    data = DevelopmentData(target_publication=Publication(start, end))
    assert (Rule.PUBLICATION in rules_broken(data, calendar)) is broken


def test_the_schools_own_holiday_counts_as_no_working_day():
    calendar = WorkingCalendar.with_national_holidays(range(2024, 2025))
    assert calendar.working_days(date(2024, 11, 14), date(2024, 11, 20)) == 5
    from desktop_app.domain.calendar import Period
    school = WorkingCalendar.with_national_holidays(range(2024, 2025), (Period(date(2024, 11, 18), date(2024, 11, 18)),))
    assert school.working_days(date(2024, 11, 14), date(2024, 11, 20)) == 4


@pytest.mark.parametrize("vote, broken", [
    (Vote(10, 6, 6), []),
    (Vote(10, 5, 5), [Rule.QUORUM, Rule.MAJORITY]),  # exactly half present, exactly half in favour
    (Vote(10, 8, 5), [Rule.MAJORITY]),  # a majority of those present is not enough
    (Vote(9, 5, 5), []),  # 5 of 9 is more than half
    (Vote(10, None, 6), []),  # not yet entered: nothing to judge
])
def test_vote_counted_against_those_entitled(vote, broken):
    assert rules_broken(DevelopmentData(admission_vote=vote)) == broken


@pytest.mark.parametrize("apply, broken", [(date(2024, 5, 10), False), (date(2024, 5, 9), True)])
def test_applicant_must_be_18(apply, broken):
    data = DevelopmentData(dates={S.APPLY: apply, S.TALK: apply}, birth_date=date(2006, 5, 10))
    assert (Rule.AGE in rules_broken(data)) is broken


@pytest.mark.parametrize("approval, broken", [(date(2024, 9, 15), False), (date(2024, 9, 16), True)])
def test_approval_within_three_months_of_the_assembly(approval, broken):
    data = DevelopmentData(dates={S.ASSEMBLY: date(2024, 6, 15), S.APPROVAL: approval})
    assert (Rule.APPROVAL in rules_broken(data)) is broken


def test_people_named_must_be_full_members_and_counted():
    data = DevelopmentData(dates={S.CONTACTS: date(2024, 1, 1), S.INTRODUCERS: date(2024, 1, 1)},
                           contacts=[Person("王芳", full_member=False)], introducers=[Person("李强")])
    found = [str(b) for b in breaches(data, CAL, TODAY)]
    assert "（5）指定培养联系人：王芳不是正式党员（规定：培养联系人为一至二名正式党员）" in found
    assert any("只记录了 1 名入党介绍人" in text for text in found)


@pytest.mark.parametrize("data, words", [
    (DevelopmentData(dates={S.APPLY: date(2024, 3, 10), S.TALK: date(2024, 3, 9)}),
     "（2）党组织派人谈话：日期 2024-03-09 早于（1）递交入党申请书的 2024-03-10"),
    (DevelopmentData(dates={S.APPLY: date(2024, 3, 10), S.TALK: date(2024, 3, 12), S.ACTIVIST: date(2024, 3, 11)}),
     "（3）推荐和确定入党积极分子：日期 2024-03-11 早于（2）党组织派人谈话"),
    (DevelopmentData(dates={S.APPROVAL: date(2024, 3, 10)}), "（17）上级党委审批：须先有（15）支部大会讨论接收预备党员"),
    (DevelopmentData(dates={S.APPLY: date(2026, 12, 2)}), "（1）递交入党申请书：日期 2026-12-02 还没有到"),
    (DevelopmentData(admission_vote=Vote(10, 11, 5)), "实到 11 人多于应到 10 人"),
    (DevelopmentData(full_vote=Vote(10, 6, 7)), "（23）支部大会讨论转正：赞成 7 人多于实到 6 人"),
    (DevelopmentData(contacts=[Person("甲"), Person("乙"), Person("丙")]), "培养联系人最多 2 名"),
])
def test_impossible_orders_are_refused_with_the_step_named(data, words):
    with pytest.raises(ImpossibleOrder, match=re.escape(words)):
        check_possible(data, TODAY)


def test_an_extension_is_6_to_12_months():
    data = _member_to_be()
    data.extension_months = 3
    with pytest.raises(ImpossibleOrder, match="延长预备期只能是 6 至 12 个月"):
        check_possible(data, TODAY)
    data.extension_months = 12
    check_possible(data, TODAY)


def test_same_day_steps_are_possible():
    check_possible(DevelopmentData(dates={S.APPLY: date(2024, 3, 10), S.TALK: date(2024, 3, 10)}), TODAY)


def _member_to_be(**more) -> DevelopmentData:
    dates = {S.APPLY: date(2023, 1, 5), S.TALK: date(2023, 1, 20), S.ACTIVIST: date(2023, 3, 1),
             S.TARGET: date(2024, 3, 5), S.ASSEMBLY: date(2024, 6, 15), S.APPROVAL: date(2024, 8, 1)}
    dates.update(more)
    return DevelopmentData(dates=dates)


def test_status_and_dates_follow_the_steps():
    data = DevelopmentData(dates={S.APPLY: date(2023, 1, 5)})
    assert political_status(data, "non_party") == "non_party"
    data.dates[S.ACTIVIST] = date(2023, 3, 1)
    assert political_status(data, "non_party") == "activist"
    data.dates[S.TARGET] = date(2024, 3, 5)
    assert political_status(data, "non_party") == "development_target"
    data = _member_to_be()
    assert political_status(data, "non_party") == "probationary"
    assert join_date(data) == date(2024, 6, 15) and full_member_date(data) is None
    data.dates[S.FULL_APPROVAL] = date(2025, 7, 1)
    assert political_status(data, "non_party") == "full_member"
    assert full_member_date(data) == date(2025, 6, 15)


def test_extension_moves_the_end_of_probation():
    data = _member_to_be()
    assert probation_end(data) == date(2025, 6, 15)
    data.extension_months = 6
    assert probation_end(data) == date(2025, 12, 15)


@pytest.mark.parametrize("data, today, expected", [
    (DevelopmentData(), TODAY, (S.APPLY, None)),
    (DevelopmentData(dates={S.APPLY: date(2026, 11, 20)}), TODAY, (S.TALK, date(2026, 12, 20))),
    (DevelopmentData(dates={S.APPLY: date(2026, 1, 5), S.TALK: date(2026, 1, 9), S.ACTIVIST: date(2026, 3, 1)},
                     assessments=[date(2026, 9, 1)]), TODAY, (S.ASSESSMENT, date(2027, 3, 1))),
])
def test_next_step_and_its_due_date(data, today, expected):
    found = next_step(data, today)
    assert (found.step, found.due) == expected


def test_approval_due_three_months_after_the_assembly():
    data = _member_to_be()
    del data.dates[S.APPROVAL]
    found = next_step(data, date(2024, 7, 1))
    assert (found.what, found.due) == ("上级党委审批", date(2024, 9, 15))


def test_probation_deadlines():
    data = _member_to_be()
    before = next_step(data, date(2025, 1, 1))
    assert (before.what, before.due, before.state(date(2025, 1, 1))) == ("预备期满", date(2025, 6, 15), "")
    assert before.state(date(2025, 5, 20)) == "soon"
    after = next_step(data, date(2025, 6, 16))
    assert (after.what, after.due) == ("转正审批", date(2025, 9, 15))
    assert after.state(date(2025, 9, 16)) == "overdue"
    data.extension_months = 12
    assert next_step(data, date(2025, 6, 16)).due == date(2026, 6, 15)
    assert stage(data) is Stage.ADMISSION
    data.dates[S.ARCHIVED] = date(2026, 7, 1)
    assert next_step(data, TODAY).step is None
