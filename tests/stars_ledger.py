"""A six-member ledger counted by hand (#21): every rule behind the stars changes one member's star.

Quotas (set here so a pencil suffices): no 听课 quota for anyone, 2 示范课 a semester for party
teachers, 2 phone visits a month for every post. First semester 1 Sep 2025 – 31 Jan 2026:
110 school days (Sep 22, Oct 23, Nov 20, Dec 23, Jan 22), five months. The second semester has
no records, so its indicators are entered by hand (a semester total each).

Entered in the first semester: 思想政治, 师德师风, 教育教学, 民主评议 and 承诺践诺 (no pledges kept).
Counted: 听课 10/10 for all (nobody owes any: full marks, the stated choice), 示范课 and 家访.

| 成员 | 岗位 / 情况 | 示范课 | 家访 | 第一学期 | 第二学期 | 学年 | 星级 |
| 陈静 | 任课教师; one lesson seen by two, no 节次 | 1/2 → 2.5 | 10/10 → 15 | 89.5 四 | 90 | 89.75 | 四星级 |
| 刘强 | 学科组长: a teacher's visits | 2/2 → 5 | 3/10 → 4.5 | 86.5 四 | 92 | 89.25 | 四星级 |
| 王芳 | 预备党员 since 15 Dec: 2×35/110 → 1 | 1/1 → 5 | 10/10 → 15 | 92 五 | 94 | 93 | 五星级 |
| 赵敏 | 产假 Oct–Nov: visits 6, 2×67/110 → 1 | 1/1 → 5 | 6/6 → 15 | 95 五 | 85 | 90 | 五星级 |
| 孙磊 | left 31 Dec: visits 8, 2×88/110 → 2; a visit on 5 Jan not counted | 2/2 → 5 | 8/8 → 15 | 94 五 | — | 94 | 五星级 |
| 周红 | (89.99 + 90) ÷ 2 = 89.995 → 90.00 | 2/2 → 5 | 10/10 → 15 | 89.99 四 | 90 | 90 | 五星级 |
"""

from __future__ import annotations

from datetime import date

from evaluation_helpers import YEAR, enter_total

from desktop_app.domain.people import MemberData
from desktop_app.domain.presence import LeaveData
from desktop_app.domain.quotas import QuotaSettings, Rate, Unit
from desktop_app.domain.vocab import Post
from desktop_app.services.evaluations.commands import record_semester
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.leaves import add_leave
from desktop_app.services.members import add_member, get_member, update_member
from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.quota_settings import save_quotas
from desktop_app.services.records.visits import VisitData, add_visit
from desktop_app.store.models import SchoolClass, Student
from desktop_app.store.models.records import Visit

# name: first-semester year result, its star; year result, its star (the table above)
EXPECTED = {
    "陈静": (89.5, "四星级", 90, 89.75, "四星级"),
    "刘强": (86.5, "四星级", 92, 89.25, "四星级"),
    "王芳": (92, "五星级", 94, 93, "五星级"),
    "赵敏": (95, "五星级", 85, 90, "五星级"),
    "孙磊": (94, "五星级", None, 94, "五星级"),
    "周红": (89.99, "四星级", 90, 90, "五星级"),
}
# entered in the first semester: 思想政治, 师德师风, 教育教学, 民主评议 (承诺践诺 10 for all)
ENTERED = {
    "陈静": (15, 15, 14.5, 7.5), "刘强": (15, 15, 18, 9), "王芳": (14, 14, 15, 9),
    "赵敏": (15, 15, 16, 9), "孙磊": (15, 15, 15, 9), "周红": (15, 15, 11.99, 8),
}
VISITS = {"陈静": 10, "刘强": 3, "王芳": 10, "赵敏": 6, "孙磊": 8, "周红": 10}
# visit days: two a month, Sep–Jan (赵敏's skip her leave, 孙磊's stop before he left)
VISIT_DAYS = [date(2025, 9, 3), date(2025, 9, 17), date(2025, 12, 3), date(2025, 12, 17), date(2026, 1, 7),
              date(2026, 1, 14), date(2025, 10, 15), date(2025, 10, 22), date(2025, 11, 5), date(2025, 11, 19)]


def build(ledger) -> dict[str, int]:
    """The ledger of the table above; returns member ids by name."""
    save_quotas(ledger, QuotaSettings(
        observations_per_week={post.value: 0 for post in Post}, demo_lessons=Rate(2, Unit.SEMESTER),
        phone_visits_per_month={"cadre": 2, "head_teacher": 2, "subject_teacher": 2}, service_visits_per_week=0))
    people = {
        "陈静": MemberData(name="陈静", posts=["subject_teacher"], subject="语文", join_date=date(2010, 7, 1)),
        "刘强": MemberData(name="刘强", posts=["subject_leader"], subject="数学", join_date=date(2008, 7, 1)),
        "王芳": MemberData(name="王芳", posts=["subject_teacher"], subject="英语", political_status="probationary",
                           join_date=date(2025, 12, 15)),
        "赵敏": MemberData(name="赵敏", posts=["subject_teacher"], subject="物理", join_date=date(2012, 7, 1)),
        "孙磊": MemberData(name="孙磊", posts=["subject_teacher"], subject="化学", join_date=date(2009, 7, 1)),
        "周红": MemberData(name="周红", posts=["subject_teacher"], subject="历史", join_date=date(2011, 7, 1)),
    }
    ids = {name: add_member(ledger, data) for name, data in people.items()}
    with ledger.transaction("school_class", "student") as session:
        school_class = SchoolClass(name="高一(1)班", grade="高一")
        session.add(school_class)
        session.flush()
        student = Student(name="学生甲", class_id=school_class.id, flags=[])
        session.add(student)
        session.flush()
        class_id, student_id = school_class.id, student.id
    add_leave(ledger, LeaveData(ids["赵敏"], "maternity", date(2025, 10, 1), date(2025, 11, 30), "产假"))

    def demo(day: date, observer: str, teacher: str, lesson_no: int | None) -> None:
        add_observation(ledger, ObservationData(date=day, observer_id=ids[observer], teacher_id=ids[teacher],
                                                lesson_no=lesson_no, class_id=class_id, lesson_type="demonstration"))

    demo(date(2025, 10, 15), "刘强", "陈静", None)  # one lesson, two observers, no 节次: 1
    demo(date(2025, 10, 15), "周红", "陈静", None)
    demo(date(2025, 10, 20), "陈静", "刘强", 1)  # two lessons the same day: 2
    demo(date(2025, 10, 20), "陈静", "刘强", 3)
    demo(date(2025, 12, 17), "陈静", "王芳", None)  # after her 入党日期
    demo(date(2025, 9, 17), "陈静", "赵敏", None)
    demo(date(2025, 10, 10), "刘强", "孙磊", 2)  # 第2节, and the same lesson without 节次: 1
    demo(date(2025, 10, 10), "周红", "孙磊", None)
    demo(date(2025, 11, 12), "陈静", "孙磊", 1)
    demo(date(2025, 9, 24), "陈静", "周红", 1)
    demo(date(2025, 11, 5), "刘强", "周红", 4)
    for name, count in VISITS.items():
        days = [d for d in VISIT_DAYS if not (name == "赵敏" and d.month in (10, 11))
                and not (name == "孙磊" and d.year == 2026)][:count]
        assert len(days) == count
        for day in days:
            add_visit(ledger, VisitData(date=day, visitor_id=ids[name], kind="phone", student_ids=[student_id]))
    _leave_school(ledger, ids["孙磊"], date(2025, 12, 31))
    with ledger.transaction("visit") as session:  # kept from before the leave date was known: not counted
        session.add(Visit(date=date(2026, 1, 5), visitor_id=ids["孙磊"], kind="phone", class_id=class_id))
    scheme = get_scheme(ledger, YEAR)
    for name, (politics, ethics, teaching, appraisal) in ENTERED.items():
        record_semester(ledger, ids[name], YEAR, 1, entered={
            "politics": politics, "ethics": ethics, "teaching": teaching, "appraisal": appraisal, "pledge": 10})
        second = EXPECTED[name][2]
        if second is not None:
            enter_total(ledger, scheme, ids[name], 2, second)
    return ids


def _leave_school(ledger, member_id: int, day: date) -> None:
    data = get_member(ledger, member_id)
    data.active, data.left_date = False, day
    update_member(ledger, member_id, data)
