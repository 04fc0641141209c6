"""Suggestions and the rectification ledger through the services, on a real ledger file."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.calendar import Period, quarter_period
from desktop_app.domain.people import MemberData
from desktop_app.domain.rectifications import RectificationData, SuggestionData
from desktop_app.services import rectifications as rect
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.services.members import add_member, delete_member

pytestmark = pytest.mark.both_engines

TODAY = date(2025, 11, 20)


def suggestion(ledger, content="食堂排队时间太长", raised_on=date(2025, 10, 9), **extra) -> int:
    data = SuggestionData(content=content, category="logistics", source="home_visit",
                          raised_by="高一(2)班家长", raised_on=raised_on, **extra)
    return rect.add_suggestion(ledger, data, today=TODAY)


def plan(**changes) -> RectificationData:
    data = RectificationData(measure="高峰时段增开两个窗口", responsible_unit="总务处", deadline=date(2025, 11, 30))
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_a_rectification_goes_from_pending_to_done_and_published(ledger):
    sid = suggestion(ledger)
    rid = rect.add_rectification(ledger, sid, plan(), today=TODAY)
    [row] = rect.list_rectifications(ledger)
    assert (row.status_label, row.suggestion, row.responsible) == ("待整改", "食堂排队时间太长", "总务处")

    rect.start_rectification(ledger, rid, today=TODAY)
    assert rect.list_rectifications(ledger)[0].status_label == "整改中"

    rect.complete_rectification(ledger, rid, date(2025, 11, 18), "已增开窗口，排队不超过10分钟", today=TODAY)
    rect.publish_rectification(ledger, rid, date(2025, 11, 19), today=TODAY)
    [row] = rect.list_rectifications(ledger)
    assert (row.status_label, row.completed_on, row.published_on) == ("已完成", date(2025, 11, 18), date(2025, 11, 19))
    assert rect.list_suggestions(ledger)[0].status_label == "已完成"
    assert rect.counts_by_status(ledger) == {"pending": 0, "in_progress": 0, "done": 1}


def test_completing_without_date_or_result_changes_nothing(ledger):
    rid = rect.add_rectification(ledger, suggestion(ledger), plan(), today=TODAY)
    with pytest.raises(ValidationError) as caught:
        rect.complete_rectification(ledger, rid, None, "  ", today=TODAY)
    assert str(caught.value) == "完成日期：已完成的整改必须填写完成日期；整改结果：已完成的整改必须填写整改结果"
    assert rect.list_rectifications(ledger)[0].status_label == "待整改"


def test_refused_move_names_the_status(ledger):
    rid = rect.add_rectification(ledger, suggestion(ledger), plan(), today=TODAY)
    rect.start_rectification(ledger, rid, today=TODAY)
    with pytest.raises(ValidationError, match="这条整改已经是“整改中”"):
        rect.start_rectification(ledger, rid, today=TODAY)


def test_a_suggestion_has_at_most_one_rectification(ledger):
    sid = suggestion(ledger)
    rect.add_rectification(ledger, sid, plan(), today=TODAY)
    with pytest.raises(UserError, match="已经立了整改"):
        rect.add_rectification(ledger, sid, plan(), today=TODAY)


def test_overdue_lists_unfinished_past_deadline_longest_first(ledger):
    late = rect.add_rectification(ledger, suggestion(ledger, "a"), plan(deadline=date(2025, 11, 1)), today=TODAY)
    later = rect.add_rectification(ledger, suggestion(ledger, "b"), plan(deadline=date(2025, 11, 19)), today=TODAY)
    rect.add_rectification(ledger, suggestion(ledger, "c"), plan(deadline=date(2025, 11, 20)), today=TODAY)
    finished = rect.add_rectification(ledger, suggestion(ledger, "d"), plan(deadline=date(2025, 10, 31)), today=TODAY)
    rect.complete_rectification(ledger, finished, date(2025, 11, 3), "完成", today=TODAY)
    rows = rect.overdue(ledger, TODAY)
    assert [r.id for r in rows] == [late, later]
    assert [r.days_overdue(TODAY) for r in rows] == [19, 1]


def test_period_filters(ledger):
    q3, q4 = quarter_period(2025, 3), quarter_period(2025, 4)
    old = rect.add_rectification(ledger, suggestion(ledger, "九月", date(2025, 9, 10)), plan(deadline=date(2025, 9, 30)), today=TODAY)
    rect.complete_rectification(ledger, old, date(2025, 9, 28), "完成", today=TODAY)
    carried = rect.add_rectification(ledger, suggestion(ledger, "九月未完", date(2025, 9, 20)), plan(), today=TODAY)
    new = rect.add_rectification(ledger, suggestion(ledger, "十月", date(2025, 10, 8)), plan(), today=TODAY)
    suggestion(ledger, "十一月未立整改", date(2025, 11, 2))
    assert [s.content for s in rect.list_suggestions(ledger, q4)] == ["十一月未立整改", "十月"]
    assert {r.id for r in rect.list_rectifications(ledger, q3)} == {old, carried}
    assert {r.id for r in rect.list_rectifications(ledger, q4)} == {carried, new}
    figures = rect.summary(ledger, q4, TODAY)
    assert (figures.suggestions, figures.rectified, figures.overdue, figures.done) == (2, 1, 0, 0)
    assert figures.by_status == {"pending": 2, "in_progress": 0, "done": 0}


def test_responsible_member_keeps_the_name_when_deleted(ledger):
    member = add_member(ledger, MemberData(name="王建国"))
    rid = rect.add_rectification(ledger, suggestion(ledger), plan(responsible_unit=None, responsible_member_id=member), today=TODAY)
    assert rect.list_rectifications(ledger)[0].responsible == "王建国"
    delete_member(ledger, member)
    data = rect.get_rectification(ledger, rid)
    assert (data.responsible_member_id, data.responsible_name) == (None, "王建国")


def test_deleting_a_suggestion_takes_its_rectification(ledger):
    sid = suggestion(ledger)
    rid = rect.add_rectification(ledger, sid, plan(), today=TODAY)
    rect.delete_rectification(ledger, rid)
    assert rect.list_suggestions(ledger)[0].status_label == "未立整改"
    rect.add_rectification(ledger, sid, plan(), today=TODAY)
    rect.delete_suggestion(ledger, sid)
    assert rect.list_rectifications(ledger) == [] and rect.list_suggestions(ledger) == []


def test_moving_a_suggestion_after_its_deadline_is_refused(ledger):
    sid = suggestion(ledger)
    rect.add_rectification(ledger, sid, plan(), today=TODAY)
    data = rect.get_suggestion(ledger, sid)
    data.raised_on = date(2025, 12, 1)
    with pytest.raises(ValidationError, match="提出日期"):
        rect.update_suggestion(ledger, sid, data, today=date(2025, 12, 5))
    assert rect.get_suggestion(ledger, sid).raised_on == date(2025, 10, 9)


# --- 从家访记录汇总 -------------------------------------------------------------
# Visits are entered through the visits feature's own service.

def school_with_pupil(ledger):
    from desktop_app.domain.school import ClassData, StudentData
    from desktop_app.services.classes import add_class
    from desktop_app.services.students import add_student

    teacher = add_member(ledger, MemberData(name="李红"))
    class_id = add_class(ledger, ClassData(name="高一(2)班", grade="高一"))
    pupil = add_student(ledger, StudentData(name="张小明", class_id=class_id))
    return teacher, pupil


def add_visit(ledger, visitor_id, day, kind, suggestions, **extra):
    from desktop_app.services.records.visits import VisitData, add_visit as add

    return add(ledger, VisitData(date=day, visitor_id=visitor_id, kind=kind, suggestions=suggestions, **extra))


def test_collect_from_visits_is_idempotent_and_keeps_the_link(ledger):
    teacher, pupil = school_with_pupil(ledger)
    colleague = add_member(ledger, MemberData(name="赵刚"))
    phone = add_visit(ledger, teacher, date(2025, 10, 8), "phone", "食堂饭菜偏咸，希望改进", student_ids=[pupil])
    add_visit(ledger, teacher, date(2025, 10, 9), "phone", "   ", student_ids=[pupil])
    add_visit(ledger, teacher, date(2025, 10, 10), "home", None, student_ids=[pupil])
    service = add_visit(ledger, teacher, date(2025, 11, 3), "service", "希望教室空调及时维修", interviewee="高一(2)班学生")
    interview = add_visit(ledger, teacher, date(2025, 12, 1), "teacher_interview", "绩效工资方案应公开",
                          target_member_id=colleague)

    first = rect.collect_from_visits(ledger, Period(date(2025, 10, 1), date(2025, 11, 30)))
    assert (first.created, first.already) == (2, 0)
    assert first.message == "从家访记录中汇总了 2 条意见建议。"
    rows = {row.visit_id: row for row in rect.list_suggestions(ledger)}
    assert set(rows) == {phone, service}
    assert (rows[phone].content, rows[phone].source_label, rows[phone].category_label) == ("食堂饭菜偏咸，希望改进", "家访", "后勤服务")
    assert (rows[phone].raised_by, rows[phone].raised_on, rows[phone].recorder_name) == ("张小明家长", date(2025, 10, 8), "李红")
    assert (rows[service].source_label, rows[service].raised_by) == ("服务走访", "高一(2)班学生")

    again = rect.collect_from_visits(ledger, quarter_period(2025, 4))
    assert (again.created, again.already) == (1, 2)
    assert again.message == "从家访记录中汇总了 1 条意见建议，另有 2 条此前已汇总。"
    rows = {row.visit_id: row for row in rect.list_suggestions(ledger)}
    assert (rows[interview].source_label, rows[interview].raised_by, rows[interview].category_label) == ("访谈教师", "赵刚", "教师待遇")
    assert rect.collect_from_visits(ledger).created == 0
    assert len(rect.list_suggestions(ledger)) == 3


def test_a_suggestion_stays_when_its_visit_is_deleted(ledger):
    from desktop_app.services.records.visits import delete_visits

    teacher, pupil = school_with_pupil(ledger)
    visit_id = add_visit(ledger, teacher, date(2025, 10, 8), "phone", "作业太多", student_ids=[pupil])
    rect.collect_from_visits(ledger)
    delete_visits(ledger, [visit_id])
    [row] = rect.list_suggestions(ledger)
    assert (row.content, row.visit_id) == ("作业太多", None)
