"""A small branch with hand-counted records, shared by the workbook and dashboard tests."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.people import MemberData
from desktop_app.domain.pledges import PledgeData
from desktop_app.domain.rectifications import RectificationData, SuggestionData
from desktop_app.domain.school import ClassData, StudentData
from desktop_app.services.classes import add_class
from desktop_app.services.members import add_member
from desktop_app.services.students import add_student
from desktop_app.services.pledges.commands import write_pledge
from desktop_app.services.rectifications.commands import add_rectification, add_suggestion
from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.visits import VisitData, add_visit
from desktop_app.services.settings import SchoolProfile, save_school_profile


def make_known_branch(ledger):
    """Two people, one class, a quarter of records with figures counted by hand (Q4 2025)."""
    save_school_profile(ledger, SchoolProfile("示例中学", "示例中学党支部"))
    head = add_member(ledger, MemberData(name="周校长", posts=["principal"]))
    teacher = add_member(ledger, MemberData(name="吴老师", posts=["subject_teacher"]))
    for day in (date(2025, 10, 9), date(2025, 11, 12), date(2025, 12, 3)):
        add_observation(ledger, ObservationData(date=day, observer_id=head, teacher_id=teacher, lesson_type="drop_in"))
    add_observation(ledger, ObservationData(date=date(2025, 9, 30), observer_id=head, teacher_id=teacher,
                                            lesson_type="drop_in"))  # Q3: not counted
    class_id = add_class(ledger, ClassData(name="高一(1)班", grade="高一"))
    pupil = add_student(ledger, StudentData(name="郑小雨", class_id=class_id))
    for day in (date(2025, 10, 10), date(2025, 10, 20), date(2025, 11, 5), date(2025, 12, 15)):
        add_visit(ledger, VisitData(date=day, visitor_id=teacher, kind="phone", student_ids=[pupil], interviewee="家长"))
    write_pledge(ledger, PledgeData(member_id=teacher, kind="post", school_year="2025-2026",
                                    content_items=["上好示范课", "=1+1"]))
    old = add_suggestion(ledger, SuggestionData(content="食堂排队太久", raised_on=date(2025, 10, 8)),
                         today=date(2025, 10, 8))
    add_rectification(ledger, old, RectificationData(measure="增开两个窗口", responsible_unit="总务处", deadline=date(2025, 11, 1)),
                      today=date(2025, 10, 8))
    return ledger
