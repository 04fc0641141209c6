"""Visit quotas and coverage, with numbers worked out by hand (September 2025: 22 weekdays)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.calendar import Period, month_period, week_period
from desktop_app.domain.quotas import (
    QuotaPerson, QuotaSettings, SchoolCalendar, Tally, class_coverage_figures, share_required,
    visit_requirement,
)

TERM = Period(date(2025, 9, 1), date(2026, 1, 31))
CAL = SchoolCalendar(terms=(TERM,))
SETTINGS = QuotaSettings()
SEPTEMBER = month_period(2025, 9)


def person(*posts, **kw) -> QuotaPerson:
    return QuotaPerson(member_id=1, name="李四", posts=tuple(posts), **kw)


def req(p, period=SEPTEMBER, cal=CAL):
    return visit_requirement(p, SETTINGS, period, cal)


def test_monthly_phone_visits_by_post():
    assert req(person("head_teacher")).required == 15
    assert req(person("subject_teacher")).required == 10
    assert req(person("principal")).required == 15  # 行管干部
    assert req(person("grade_director")).required == 15
    assert req(person("head_teacher")).visit_kind == "phone"
    assert req(person("subject_leader")).required == 10  # teaches: the 任课教师 figure


def test_several_posts_highest_visit_quota():
    both = req(person("subject_teacher", "head_teacher"))
    assert both.required == 15
    assert "班主任" in both.basis


def test_semester_is_five_months():
    assert req(person("subject_teacher"), TERM).required == 50
    assert req(person("head_teacher"), TERM).required == 75


def test_one_week_is_its_share_of_the_month():
    # 5 of September's 22 school days: 15 × 5/22 = 3.4 → 3
    assert req(person("head_teacher"), week_period(date(2025, 9, 10))).required == 3


def test_month_outside_the_term_asks_nothing():
    assert req(person("head_teacher"), month_period(2026, 8)).required == 0


def test_holiday_in_the_month_does_not_lower_the_monthly_quota():
    cal = SchoolCalendar(terms=(TERM,), holidays=(Period(date(2025, 10, 1), date(2025, 10, 8)),))
    assert req(person("head_teacher"), month_period(2025, 10), cal).required == 15


def test_joined_and_left_mid_month_pro_rated():
    # 10 of 22 school days: 15 × 10/22 = 6.8 → 7
    assert req(person("head_teacher", present_from=date(2025, 9, 17))).required == 7
    # 8 of 22: 15 × 8/22 = 5.45 → 5
    assert req(person("head_teacher", present_until=date(2025, 9, 10))).required == 5


def test_support_staff_one_service_visit_a_week():
    staff = req(person("support_staff"))
    assert staff.required == 4  # 22/5 = 4.4
    assert staff.visit_kind == "service"
    assert req(person("support_staff"), week_period(date(2025, 9, 10))).required == 1


def test_share_required_rounds_up_to_whole_students():
    assert share_required(40, 1 / 3) == 14
    assert share_required(30, 1 / 3) == 10
    assert share_required(41, 0.8) == 33
    assert share_required(40, 0.8) == 32
    assert share_required(45, 1.0) == 45
    assert share_required(0, 0.8) == 0


def test_class_coverage_marks_what_is_behind():
    cov = class_coverage_figures(7, "高一(1)班", 3, "王老师", size=40, phoned=40, home_visited=13,
                                 interviewed=32, settings=SETTINGS)
    assert cov.phone == Tally(40, 40) and not cov.phone.behind
    assert cov.home == Tally(13, 14) and cov.home.behind and cov.home.shortfall == 1
    assert cov.interview == Tally(32, 32) and not cov.interview.behind
    assert cov.behind
    assert str(cov.home) == "13 / 14"


def test_classes_sort_by_grade_then_number():
    from desktop_app.services.records.lookups import class_sort_key

    names = ["高三(1)班", "高二(10)班", "高二(2)班", "高一(1)班", "初一(3)班"]
    assert sorted(names, key=class_sort_key) == ["初一(3)班", "高一(1)班", "高二(2)班", "高二(10)班", "高三(1)班"]
