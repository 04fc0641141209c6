"""A small known school for the records tests (September 2025: 22 school days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.people import MemberData
from desktop_app.services.members import add_member
from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.visits import VisitData, add_visit
from desktop_app.store.models import SchoolClass, Student


@dataclass
class School:
    members: dict[str, int]
    classes: dict[str, int]
    students: dict[str, int]


def make_people(ledger) -> School:
    members = {}
    for name, posts, status, subject in (
        ("王校长", ["principal"], "full_member", None),
        ("李主任", ["grade_director"], "full_member", "数学"),
        ("张老师", ["head_teacher", "subject_teacher"], "full_member", "语文"),
        ("赵老师", ["subject_teacher"], "non_party", "英语"),
        ("钱师傅", ["support_staff"], "non_party", None),
    ):
        members[name] = add_member(ledger, MemberData(name=name, posts=posts, political_status=status, subject=subject))
    classes, students = {}, {}
    with ledger.transaction("school_class", "student") as session:
        one = SchoolClass(name="高一(1)班", grade="高一", head_teacher_id=members["张老师"])
        two = SchoolClass(name="高一(2)班", grade="高一")
        session.add_all([one, two])
        session.flush()
        classes = {"高一(1)班": one.id, "高一(2)班": two.id}
        for i, name in enumerate(["学生甲", "学生乙", "学生丙", "学生丁", "学生戊", "学生己"]):
            s = Student(name=name, class_id=one.id, student_number=f"1{i}", flags=[])
            session.add(s)
            session.flush()
            students[name] = s.id
        for i, name in enumerate(["学生子", "学生丑", "学生寅"]):
            s = Student(name=name, class_id=two.id, student_number=f"2{i}", flags=[])
            session.add(s)
            session.flush()
            students[name] = s.id
    return School(members, classes, students)


def make_school(ledger) -> School:
    school = make_people(ledger)
    m, s, c = school.members, school.students, school.classes
    for day, lesson_type in ((2, "drop_in"), (3, "demonstration"), (4, "regular")):
        add_observation(ledger, ObservationData(date=date(2025, 9, day), observer_id=m["王校长"], teacher_id=m["张老师"],
                                                lesson_no=2, class_id=c["高一(1)班"], subject="语文",
                                                lesson_type=lesson_type, ratings={"dedication": "excellent"}))
    add_observation(ledger, ObservationData(date=date(2025, 9, 3), observer_id=m["李主任"], teacher_id=m["张老师"],
                                            lesson_no=2, lesson_type="demonstration", suggestions="多提问后进生"))
    visits = [
        (date(2025, 9, 5), "张老师", "phone", ["学生甲"]),
        (date(2025, 9, 6), "张老师", "phone", ["学生乙"]),
        (date(2025, 9, 10), "张老师", "home", ["学生甲", "学生丙"]),
        (date(2025, 9, 11), "赵老师", "phone", ["学生丙"]),
        (date(2025, 9, 11), "赵老师", "phone", ["学生甲"]),
        (date(2025, 9, 12), "张老师", "student_interview", ["学生丁"]),
        (date(2025, 10, 2), "张老师", "phone", ["学生丁"]),
    ]
    for day, who, kind, names in visits:
        add_visit(ledger, VisitData(date=day, visitor_id=m[who], kind=kind, student_ids=[s[n] for n in names]))
    add_visit(ledger, VisitData(date=date(2025, 9, 12), visitor_id=m["钱师傅"], kind="service",
                                interviewee="高一年级组", topics=["satisfaction"], suggestions="食堂晚饭太早"))
    add_visit(ledger, VisitData(date=date(2025, 9, 15), visitor_id=m["王校长"], kind="teacher_interview",
                                target_member_id=m["赵老师"]))
    return school
