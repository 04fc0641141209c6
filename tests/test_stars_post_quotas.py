"""#21 items 2 and 4: every post's quotas, teaching posts' visits, and duties owed only while subject to them.

September 2025 has 22 school days (4.4 weeks); December 2025 23; January 2026 22.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.calendar import Period, month_period
from desktop_app.domain.post_quotas import all_post_quotas, post_quotas
from desktop_app.domain.quotas import (
    QuotaPerson, QuotaSettings, SchoolCalendar, demo_lesson_requirement, observation_requirement,
    visit_requirement,
)
from desktop_app.domain.vocab import Post

TERM = Period(date(2025, 9, 1), date(2026, 1, 31))
CAL = SchoolCalendar(terms=(TERM,))
SETTINGS = QuotaSettings()
SEPTEMBER = month_period(2025, 9)

# post: (听课 per week, visits per month or week, visit kind, 示范课 owed by a party member in the post)
EXPECTED_POSTS = {
    "principal": (5, "每月15次电话家访（按行管干部）", None),
    "teaching_vice_principal": (10, "每月15次电话家访（按行管干部）", None),
    "vice_principal": (8, "每月15次电话家访（按行管干部）", None),
    "teacher_development_head": (12, "每月15次电话家访（按行管干部）", None),
    "academic_affairs_head": (6, "每月15次电话家访（按行管干部）", None),
    "grade_director": (6, "每月15次电话家访（按行管干部）", None),
    "office_head": (5, "每月15次电话家访（按行管干部）", None),
    "general_affairs_head": (2, "每月15次电话家访（按行管干部）", None),
    "subject_leader": (3, "每月10次电话家访（按任课教师）", "每月1"),
    "head_teacher": (0, "每月15次电话家访", "每月1"),
    "subject_teacher": (0, "每月10次电话家访", "每月1"),
    "support_staff": (0, "每周1次服务走访", None),
}

# What one party member holding only that post owes in September: 听课, 示范课, visits (kind).
EXPECTED_SEPTEMBER = {
    "principal": (22, 0, 15, "phone"),  # 5 × 4.4
    "teaching_vice_principal": (44, 0, 15, "phone"),
    "vice_principal": (35, 0, 15, "phone"),  # 35.2
    "teacher_development_head": (53, 0, 15, "phone"),  # 52.8
    "academic_affairs_head": (26, 0, 15, "phone"),  # 26.4
    "grade_director": (26, 0, 15, "phone"),
    "office_head": (22, 0, 15, "phone"),
    "general_affairs_head": (9, 0, 15, "phone"),  # 8.8
    "subject_leader": (13, 1, 10, "phone"),  # 13.2; teaches: the 任课教师 visits
    "head_teacher": (0, 1, 15, "phone"),
    "subject_teacher": (0, 1, 10, "phone"),
    "support_staff": (0, 0, 4, "service"),  # 1 a week × 4.4
}


def test_the_tables_cover_every_post_of_the_vocabulary():
    assert set(EXPECTED_POSTS) == set(EXPECTED_SEPTEMBER) == {p.value for p in Post}
    assert [q.post for q in all_post_quotas(SETTINGS)] == [p.value for p in Post]


@pytest.mark.parametrize("post", [p.value for p in Post])
def test_each_posts_quotas_as_the_settings_list_them(post):
    per_week, visits, demo = EXPECTED_POSTS[post]
    listed = post_quotas(SETTINGS, post)
    assert listed.observations.amount == per_week
    assert listed.visits_text == visits
    assert (str(listed.demo_lessons)[:3] if listed.demo_lessons else None) == demo


@pytest.mark.parametrize("post", [p.value for p in Post])
def test_each_post_owes_for_every_quota_kind(post):
    member = QuotaPerson(1, "甲", posts=(post,), party_member=True)
    observations, demo, visits, kind = EXPECTED_SEPTEMBER[post]
    assert observation_requirement(member, SETTINGS, SEPTEMBER, CAL).required == observations
    assert demo_lesson_requirement(member, SETTINGS, SEPTEMBER, CAL).required == demo
    got = visit_requirement(member, SETTINGS, SEPTEMBER, CAL)
    assert (got.required, got.visit_kind) == (visits, kind)


def test_a_subject_leaders_visits_are_a_teachers_and_three_do_not_fill_them():
    leader = QuotaPerson(1, "组长", posts=("subject_leader",), party_member=True, teaches=True)
    got = visit_requirement(leader, SETTINGS, TERM, CAL)
    assert got.required == 50  # 10 a month × 5 months, not 0
    assert "学科组长（按任课教师）" in got.basis


def test_the_school_may_set_a_posts_own_visit_figure():
    settings = QuotaSettings.from_dict({"phone_visits_per_month": {"subject_leader": 4}})
    leader = QuotaPerson(1, "组长", posts=("subject_leader",), teaches=True)
    assert visit_requirement(leader, settings, SEPTEMBER, CAL).required == 4
    assert post_quotas(settings, "subject_leader").visits_text == "每月4次电话家访"
    assert QuotaSettings.from_dict(settings.to_dict()) == settings


def test_a_cadre_with_a_subject_owes_at_least_a_teachers_visits():
    settings = QuotaSettings.from_dict({"phone_visits_per_month": {"cadre": 6}})
    director = QuotaPerson(1, "主任", posts=("grade_director",), teaches=True)
    got = visit_requirement(director, settings, SEPTEMBER, CAL)
    assert got.required == 10 and "任课教师" in got.basis
    assert visit_requirement(QuotaPerson(2, "主任", posts=("grade_director",)), settings, SEPTEMBER, CAL).required == 6


def test_demo_lessons_are_owed_from_the_day_of_joining_the_party():
    # 入党 on Mon 15 Dec 2025: December 13 of 23 school days (0.57) + January 1 = 1.57 → 2, not 5.
    joined = QuotaPerson(1, "新党员", posts=("subject_teacher",), party_member=True, teaches=True,
                         party_since=date(2025, 12, 15))
    assert demo_lesson_requirement(joined, SETTINGS, TERM, CAL).required == 2
    assert demo_lesson_requirement(joined, SETTINGS, month_period(2025, 11), CAL).required == 0
    # school duties do not wait for the 入党日期
    assert visit_requirement(joined, SETTINGS, TERM, CAL).required == 50


def test_a_month_of_leave_is_owed_nothing_and_a_holiday_week_changes_nothing_else():
    # 请假 all of October: 50 visits for the term less October's 10.
    on_leave = QuotaPerson(1, "休假", posts=("subject_teacher",), teaches=True,
                           leaves=(Period(date(2025, 10, 1), date(2025, 10, 31), "产假"),))
    assert visit_requirement(on_leave, SETTINGS, TERM, CAL).required == 40
    # Two weeks' leave in September (10 of 22 school days): 10 × 12/22 = 5.45 → 5.
    fortnight = QuotaPerson(1, "培训", posts=("subject_teacher",), teaches=True,
                            leaves=(Period(date(2025, 9, 15), date(2025, 9, 26), "外出培训"),))
    assert visit_requirement(fortnight, SETTINGS, SEPTEMBER, CAL).required == 5


def test_school_duties_start_on_the_day_of_joining_the_school():
    # 入校 on Mon 15 Sep: 12 of 22 school days → 10 × 12/22 = 5.45 → 5 visits, 0.55 → 1 示范课.
    newcomer = QuotaPerson(1, "新教师", posts=("subject_teacher",), party_member=True, teaches=True,
                           present_from=date(2025, 9, 15))
    assert visit_requirement(newcomer, SETTINGS, SEPTEMBER, CAL).required == 5
    assert demo_lesson_requirement(newcomer, SETTINGS, SEPTEMBER, CAL).required == 1
