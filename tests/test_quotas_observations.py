"""听课 and 示范课 quotas, with numbers worked out by hand from the 2025-2026 calendar.

September 2025 starts on a Monday and has 22 weekdays; October 23 (1 Oct is a Wednesday);
November 20; December 23; January 2026 22. The first semester 1 Sep – 31 Jan has 110 weekdays.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.calendar import Period, month_period, week_period, weeks_in
from desktop_app.domain.quotas import (
    QuotaPerson, QuotaSettings, Rate, SchoolCalendar, Unit, demo_lesson_requirement,
    observation_requirement, round_half_up,
)

TERM = Period(date(2025, 9, 1), date(2026, 1, 31))
NATIONAL_DAY = Period(date(2025, 10, 1), date(2025, 10, 8))
CAL = SchoolCalendar(terms=(TERM,))
CAL_WITH_HOLIDAY = SchoolCalendar(terms=(TERM,), holidays=(NATIONAL_DAY,))
SETTINGS = QuotaSettings()
SEPTEMBER = month_period(2025, 9)


def person(*posts, **kw) -> QuotaPerson:
    return QuotaPerson(member_id=1, name="张三", posts=tuple(posts), **kw)


def required(p, period, cal=CAL, settings=SETTINGS) -> int:
    return observation_requirement(p, settings, period, cal).required


def test_school_days_count_weekdays_in_term_outside_holidays():
    assert CAL.school_days(SEPTEMBER) == 22
    assert CAL.school_days(month_period(2025, 10)) == 23
    assert CAL_WITH_HOLIDAY.school_days(month_period(2025, 10)) == 17  # 1,2,3,6,7,8 Oct off
    assert CAL.school_days(TERM) == 110
    assert CAL.school_days(month_period(2026, 8)) == 0  # summer: outside the term


def test_full_week_asks_the_weekly_quota_of_each_post():
    week = week_period(date(2025, 9, 10))
    assert required(person("grade_director"), week) == 6
    assert required(person("principal"), week) == 5
    assert required(person("teaching_vice_principal"), week) == 10
    assert required(person("vice_principal"), week) == 8
    assert required(person("teacher_development_head"), week) == 12
    assert required(person("academic_affairs_head"), week) == 6
    assert required(person("office_head"), week) == 5
    assert required(person("general_affairs_head"), week) == 2
    assert required(person("subject_leader"), week) == 3
    assert required(person("subject_teacher"), week) == 0


def test_week_crossing_a_month_end_is_shared_by_its_weekdays():
    # Mon 29 Sep – Sun 5 Oct: Mon+Tue in September (2/5 of 6 = 2.4 → 2), Wed–Fri in October (3.6 → 4)
    split = [w for m in (month_period(2025, 9), month_period(2025, 10))
             for w in weeks_in(m) if w.start <= date(2025, 10, 5) and w.end >= date(2025, 9, 29)]
    september_part, october_part = split
    assert (september_part.start, september_part.end) == (date(2025, 9, 29), date(2025, 9, 30))
    assert required(person("grade_director"), september_part) == 2
    assert required(person("grade_director"), october_part) == 4


def test_holiday_weeks_are_not_school_weeks():
    # The same October days fall in the National Day holiday: nothing owed.
    assert required(person("grade_director"), Period(date(2025, 10, 1), date(2025, 10, 5)), CAL_WITH_HOLIDAY) == 0
    # October: 17 school days × 5/5 for the principal.
    assert required(person("principal"), month_period(2025, 10), CAL_WITH_HOLIDAY) == 17
    assert required(person("principal"), month_period(2025, 10), CAL) == 23


def test_several_posts_take_the_highest_quota():
    req = observation_requirement(person("subject_leader", "vice_principal"), SETTINGS,
                                  week_period(date(2025, 9, 10)), CAL)
    assert req.required == 8
    assert "副校长" in req.basis


def test_joined_or_left_mid_month_is_pro_rated_by_school_days_present():
    # From Wed 17 Sep: 17–19, 22–26, 29–30 = 10 school days → 6 × 10 / 5 = 12
    assert required(person("academic_affairs_head", present_from=date(2025, 9, 17)), SEPTEMBER) == 12
    # Until Wed 10 Sep: 1–5, 8–10 = 8 days → 6 × 8 / 5 = 9.6 → 10
    assert required(person("academic_affairs_head", present_until=date(2025, 9, 10)), SEPTEMBER) == 10
    # Left before the month began: nothing
    assert required(person("academic_affairs_head", present_until=date(2025, 8, 20)), SEPTEMBER) == 0


def test_cultivation_target_weekly_minimum_and_semester_floor():
    target = person("subject_teacher", is_cultivation_target=True)
    # Semester: max(1 × 110/5 = 22, 20) = 22
    assert required(target, TERM) == 22
    # September: max(1 × 22/5 = 4.4, 20 × 22/110 = 4.0) → 4
    assert required(target, SEPTEMBER) == 4
    # With only ½ a lesson a week the semester floor of 20 decides
    half = QuotaSettings(cultivation_per_week=0.5)
    assert required(target, TERM, settings=half) == 20


def test_cultivation_counts_from_the_plan_start():
    # Plan from 1 Dec: December 23 + January 22 = 45 days → weekly 9, termly 20 × 45/110 = 8.2 → 9
    target = person(is_cultivation_target=True, cultivation_since=date(2025, 12, 1))
    assert required(target, TERM) == 9
    assert required(target, SEPTEMBER) == 0


def test_cultivation_and_post_quota_highest_applies():
    # A 学科组长 (3 a week) who is also a target: 3 × 22/5 = 13.2 → 13 beats 4.4
    assert required(person("subject_leader", is_cultivation_target=True), SEPTEMBER) == 13


def test_demo_lessons_one_a_month_for_party_teachers():
    teacher = person("subject_teacher", party_member=True)
    assert demo_lesson_requirement(teacher, SETTINGS, TERM, CAL).required == 5
    assert demo_lesson_requirement(teacher, SETTINGS, SEPTEMBER, CAL).required == 1
    assert demo_lesson_requirement(teacher, SETTINGS, week_period(date(2025, 9, 10)), CAL).required == 0
    # Joined 17 Sep: 10/22 of a lesson → 0 in September
    late = person("subject_teacher", party_member=True, present_from=date(2025, 9, 17))
    assert demo_lesson_requirement(late, SETTINGS, SEPTEMBER, CAL).required == 0
    # Not a party member, or a party member who does not teach: none
    assert demo_lesson_requirement(person("subject_teacher"), SETTINGS, TERM, CAL).required == 0
    assert demo_lesson_requirement(person("support_staff", party_member=True), SETTINGS, TERM, CAL).required == 0


def test_demo_lessons_per_semester_setting():
    per_term = QuotaSettings(demo_lessons=Rate(1, Unit.SEMESTER))
    teacher = person("head_teacher", party_member=True)
    assert demo_lesson_requirement(teacher, per_term, TERM, CAL).required == 1
    assert demo_lesson_requirement(teacher, per_term, SEPTEMBER, CAL).required == 0  # 0.2


def test_round_half_up():
    assert [round_half_up(x) for x in (0.49, 0.5, 2.4, 2.5, 3.6)] == [0, 1, 2, 3, 4]


def test_settings_round_trip_and_defaults_fill_gaps():
    custom = QuotaSettings(observations_per_week={"principal": 4}, demo_lessons=Rate(1, Unit.SEMESTER))
    again = QuotaSettings.from_dict(custom.to_dict())
    assert again.observations_per_week["principal"] == 4
    assert again.demo_lessons == Rate(1, Unit.SEMESTER)
    assert QuotaSettings.from_dict({"observations_per_week": {"principal": 7}}).observations_per_week["grade_director"] == 6
