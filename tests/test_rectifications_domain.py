"""Rules of the rectification ledger, with hand-checked cases."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.rectifications import (
    RectificationData,
    RectificationStatus,
    SuggestionCategory,
    SuggestionData,
    SuggestionSource,
    days_overdue,
    guess_category,
    is_overdue,
    move_problem,
    source_for_visit_kind,
    validate_rectification,
    validate_suggestion,
)

TODAY = date(2025, 11, 20)
PENDING, IN_PROGRESS, DONE = (s.value for s in RectificationStatus)


def fields_of(problems) -> list[str]:
    return [p.field for p in problems]


def good_plan(**changes) -> RectificationData:
    data = RectificationData(measure="食堂增加一个窗口", responsible_unit="总务处", deadline=date(2025, 12, 31))
    for name, value in changes.items():
        setattr(data, name, value)
    return data


# --- overdue ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("status", "deadline", "expected"),
    [
        (PENDING, date(2025, 11, 19), True),  # yesterday
        (IN_PROGRESS, date(2025, 11, 19), True),
        (PENDING, date(2025, 11, 20), False),  # due today is still in time
        (IN_PROGRESS, date(2025, 12, 1), False),
        (DONE, date(2025, 10, 1), False),  # finished late is not overdue any more
        (PENDING, None, False),
    ],
)
def test_overdue_means_unfinished_past_the_deadline(status, deadline, expected):
    assert is_overdue(status, deadline, TODAY) is expected


def test_days_overdue_counts_days_past_deadline():
    assert days_overdue(PENDING, date(2025, 11, 10), TODAY) == 10
    assert days_overdue(IN_PROGRESS, date(2025, 10, 31), TODAY) == 20
    assert days_overdue(DONE, date(2025, 10, 31), TODAY) == 0
    assert days_overdue(PENDING, date(2025, 11, 20), TODAY) == 0


# --- status moves -------------------------------------------------------------

@pytest.mark.parametrize(
    ("current", "target"),
    [(PENDING, IN_PROGRESS), (IN_PROGRESS, DONE), (PENDING, DONE), (DONE, IN_PROGRESS), (IN_PROGRESS, PENDING)],
)
def test_allowed_moves(current, target):
    assert move_problem(current, target) is None


def test_refused_moves_say_why():
    assert move_problem(DONE, PENDING) == "“已完成”的整改不能直接改为“待整改”"
    assert move_problem(IN_PROGRESS, IN_PROGRESS) == "这条整改已经是“整改中”"
    assert "待整改、整改中、已完成" in move_problem("lost", DONE)


# --- rectification fields -----------------------------------------------------

def test_a_complete_plan_is_valid():
    assert validate_rectification(good_plan(), TODAY) == []


def test_deadline_and_measure_are_required():
    problems = validate_rectification(good_plan(deadline=None, measure="  "), TODAY)
    assert fields_of(problems) == ["整改措施", "整改期限"]
    assert str(problems[1]) == "整改期限：必须填写"


def test_a_responsible_unit_or_person_is_required():
    assert fields_of(validate_rectification(good_plan(responsible_unit=""), TODAY)) == ["责任单位/责任人"]
    assert validate_rectification(good_plan(responsible_unit="", responsible_name="王建国"), TODAY) == []
    assert validate_rectification(good_plan(responsible_unit=None, responsible_member_id=7), TODAY) == []


def test_finished_needs_date_and_result():
    problems = validate_rectification(good_plan(status=DONE), TODAY)
    assert fields_of(problems) == ["完成日期", "整改结果"]
    done = good_plan(status=DONE, completed_on=date(2025, 11, 18), result="已增设窗口，排队时间减半")
    assert validate_rectification(done, TODAY) == []


def test_completion_date_only_when_finished_and_not_in_the_future():
    assert fields_of(validate_rectification(good_plan(status=IN_PROGRESS, completed_on=date(2025, 11, 1)), TODAY)) == ["完成日期"]
    late = good_plan(status=DONE, completed_on=date(2025, 11, 21), result="好")
    assert [str(p) for p in validate_rectification(late, TODAY)] == ["完成日期：不能晚于今天"]


def test_dates_not_before_the_suggestion_was_raised():
    raised = date(2025, 11, 5)
    early = good_plan(deadline=date(2025, 11, 4))
    assert [str(p) for p in validate_rectification(early, TODAY, raised)] == ["整改期限：不能早于意见提出日期 2025-11-05"]
    assert validate_rectification(good_plan(deadline=raised), TODAY, raised) == []


def test_publication_is_optional_but_not_in_the_future():
    assert validate_rectification(good_plan(published_on=date(2025, 11, 20)), TODAY) == []
    assert fields_of(validate_rectification(good_plan(published_on=date(2025, 11, 21)), TODAY)) == ["公示日期"]


# --- suggestions --------------------------------------------------------------

def test_suggestion_needs_content_and_date():
    problems = validate_suggestion(SuggestionData(content=" "), TODAY)
    assert [str(p) for p in problems] == ["意见内容：必须填写", "提出日期：必须填写"]
    ok = SuggestionData(content="希望增加晚自习答疑", raised_on=TODAY)
    assert validate_suggestion(ok, TODAY) == []


def test_suggestion_rejects_unknown_category_and_future_date():
    data = SuggestionData(content="x", category="food", raised_on=date(2025, 12, 1))
    assert fields_of(validate_suggestion(data, TODAY)) == ["类别", "提出日期"]


def test_vocabulary_labels():
    assert SuggestionCategory.labels()[:3] == ["办学理念", "教育教学", "师德师风"]
    assert SuggestionCategory.OTHER.label == "其他"
    assert SuggestionSource.labels() == ["家访", "访谈教师", "访谈学生", "服务走访", "座谈会", "直接录入"]
    assert RectificationStatus.labels() == ["待整改", "整改中", "已完成"]


@pytest.mark.parametrize(
    ("kind", "source"),
    [
        ("电话家访", SuggestionSource.HOME_VISIT),
        ("入户家访", SuggestionSource.HOME_VISIT),
        ("家长座谈会", SuggestionSource.MEETING),
        ("访谈教师", SuggestionSource.TEACHER_INTERVIEW),
        ("访谈学生", SuggestionSource.STUDENT_INTERVIEW),
        ("服务走访", SuggestionSource.SERVICE_VISIT),
        ("", SuggestionSource.HOME_VISIT),
    ],
)
def test_source_of_a_visit(kind, source):
    assert source_for_visit_kind(kind) is source


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("食堂饭菜偏咸，希望改进", SuggestionCategory.LOGISTICS),
        ("放学时校门口交通拥堵，存在安全隐患", SuggestionCategory.SAFETY),
        ("作业量偏大，孩子睡得太晚", SuggestionCategory.TEACHING),
        ("希望多开家长会，加强沟通", SuggestionCategory.HOME_SCHOOL),
        ("绩效工资分配方案应公开", SuggestionCategory.STAFF_WELFARE),
        ("希望学校延长图书馆开放时间", SuggestionCategory.LOGISTICS),
        ("希望增加心理健康讲座", SuggestionCategory.STUDENT_CARE),
        ("总体很满意", SuggestionCategory.OTHER),
    ],
)
def test_first_sorting_by_words(text, category):
    assert guess_category(text) is category
