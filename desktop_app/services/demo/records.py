"""The sample school's 听课 and 家访 records for the current semester, up to yesterday.

Most people keep near their quota and a few fall behind, so the quota and coverage views
have something to show; some visits carry 意见建议 for the 整改 sample and some ask for a
回访. Written in one transaction with bulk inserts.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, select

from desktop_app.domain.calendar import Period, month_period, school_year_of, school_year_start, weeks_in
from desktop_app.domain.quotas import DEFAULT_OBSERVATIONS_PER_WEEK, TEACHING_POSTS
from desktop_app.domain.records import AssistanceKind, LessonType, Rating, SixAsk, SixLook, SixTalk
from desktop_app.domain.vocab import PoliticalStatus, Post
from desktop_app.services import settings
from desktop_app.services.records.quota_settings import HOLIDAYS
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member, SchoolClass, Student
from desktop_app.store.models.records import Observation, Visit, VisitStudent

LESSON_TYPES = ((LessonType.DROP_IN, 60), (LessonType.REGULAR, 20), (LessonType.OPEN, 8),
                (LessonType.DIAGNOSTIC, 7), (LessonType.CLASS_MEETING, 5))
COMMENTS = ("教学目标明确，重难点突出", "课堂气氛活跃，学生参与度高", "板书规范，讲解清楚", "环节紧凑，时间分配合理",
            "能联系生活实际，启发学生思考", "小组合作有效，评价及时")
ADVICE = ("多关注后排学生", "练习设计可以更有层次", "留足学生思考时间", "适当使用多媒体", "课堂小结可以更完整", "")
HOME_CONTENT = ("了解学生在家学习情况，交流近期表现", "与家长沟通作息安排和手机使用", "反馈月考成绩，共同制定学习计划",
                "了解家庭困难，介绍资助政策", "交流学生情绪变化，建议多陪伴沟通")
SUGGESTIONS = ("希望学校延长图书馆开放时间", "食堂饭菜品种可以再丰富一些", "放学时段校门口交通拥堵", "希望多组织家长开放日",
               "作业量有时偏大", "希望增加心理健康讲座", "宿舍热水供应时间太短")
SERVICE_TARGETS = ("高一年级组教师", "高二年级组教师", "高三年级组教师", "住校生", "理化生组教师", "食堂就餐学生")


def _semester_so_far(ledger: Ledger, today: date) -> Period | None:
    dates = settings.semester_dates(ledger, school_year_of(today))
    for term in (dates.second, dates.first):
        if term.start < today:
            return Period(term.start, min(term.end, today - timedelta(days=1)))
    return None


def _weekdays(period: Period, holidays: list[Period]) -> list[date]:
    days, day = [], period.start
    while day <= period.end:
        if day.weekday() < 5 and not any(day in h for h in holidays):
            days.append(day)
        day += timedelta(days=1)
    return days


def add_demo(ledger: Ledger, rng: random.Random, today: date | None = None) -> None:
    today = today or date.today()
    start_year = school_year_start(school_year_of(today))
    national_day = Period(date(start_year, 10, 1), date(start_year, 10, 7), "国庆节")
    if not settings.get_value(ledger, HOLIDAYS):
        settings.set_values(ledger, {HOLIDAYS: [[national_day.start.isoformat(), national_day.end.isoformat(),
                                                 national_day.label]]})
    term = _semester_so_far(ledger, today)
    if term is None:
        return
    days = _weekdays(term, [national_day])
    if not days:
        return
    with ledger.transaction(Topic.OBSERVATION, Topic.VISIT) as session:
        members = list(session.scalars(select(Member).where(Member.active.is_(True))))
        classes = list(session.scalars(select(SchoolClass)))
        students = list(session.execute(select(Student.id, Student.class_id).where(Student.active.is_(True))))
        if not members or not students:
            return
        by_class: dict[int, list[int]] = {}
        for sid, cid in students:
            by_class.setdefault(cid, []).append(sid)
        teachers = [m for m in members if m.subject or any(p in TEACHING_POSTS for p in m.posts or ())]
        session.execute(insert(Observation), _observations(rng, term, days, members, teachers, classes))
        _visits(session, rng, term, days, members, teachers, classes, by_class, [national_day])


def _observations(rng, term, days, members, teachers, classes) -> list[dict]:
    rows = []
    class_ids = [c.id for c in classes]

    def record(day, observer, teacher, lesson_type, lesson_no=None, class_id=None):
        ratings = {look.value: rng.choices([Rating.EXCELLENT, Rating.GOOD, Rating.FAIR], [5, 4, 1])[0].value
                   for look in SixLook}
        rows.append({"date": day, "observer_id": observer.id, "teacher_id": teacher.id,
                     "lesson_no": lesson_no or rng.randint(1, 10), "class_id": class_id or rng.choice(class_ids),
                     "subject": teacher.subject, "lesson_type": lesson_type.value, "ratings": ratings,
                     "comment": rng.choice(COMMENTS), "suggestions": rng.choice(ADVICE) or None})

    for observer in members:
        per_week = max((DEFAULT_OBSERVATIONS_PER_WEEK.get(p, 0) for p in observer.posts or ()), default=0)
        if not per_week:
            continue
        effort = rng.choice((0.6, 1.0, 1.0, 1.05, 1.1))  # a few fall behind
        for week in weeks_in(term):
            week_days = [d for d in days if d in week]
            for _ in range(round(per_week * effort * len(week_days) / 5)):
                teacher = rng.choice([t for t in teachers if t.id != observer.id])
                record(rng.choice(week_days), observer, teacher, rng.choices(*zip(*LESSON_TYPES))[0])
    # 示范课: most party teachers give one a month, watched by two or three colleagues
    party_teachers = [t for t in teachers if PoliticalStatus(t.political_status).is_party_member]
    months = sorted({(d.year, d.month) for d in days})
    for teacher in party_teachers:
        for year, month in months:
            in_month = [d for d in days if (d.year, d.month) == (year, month)]
            if rng.random() < 0.85 and in_month:
                day, lesson_no, class_id = rng.choice(in_month), rng.randint(1, 8), rng.choice(class_ids)
                for observer in rng.sample([m for m in members if m.id != teacher.id], 3):
                    record(day, observer, teacher, LessonType.DEMONSTRATION, lesson_no, class_id)
    return rows


def _visits(session, rng, term, days, members, teachers, classes, by_class, holidays) -> None:
    head_class = {c.head_teacher_id: c.id for c in classes if c.head_teacher_id}
    all_students = [s for ids in by_class.values() for s in ids]
    class_of = {student: class_id for class_id, ids in by_class.items() for student in ids}
    months = sorted({(d.year, d.month) for d in days})
    school_days_in_month = {(y, m): _weekdays(month_period(y, m), holidays) for y, m in months}

    def add(day, visitor, kind, student_ids=(), **extra):
        values = {"date": day, "visitor_id": visitor.id, "kind": kind, "topics": [], "assistance": [],
                  "follow_up_needed": False, **extra}
        if kind in ("phone", "home", "parent_meeting", "online"):
            values["topics"] = rng.sample([t.value for t in SixTalk], rng.randint(1, 3))
            values["content"] = rng.choice(HOME_CONTENT)
            if rng.random() < 0.3:
                values["assistance"] = [rng.choice(list(AssistanceKind)).value]
        if student_ids:
            values.setdefault("class_id", class_of[student_ids[0]])  # as the dialog fills it in
        if rng.random() < 0.03:
            values["suggestions"] = rng.choice(SUGGESTIONS)
        if rng.random() < 0.05:
            values["follow_up_needed"] = True
        visit_id = session.execute(insert(Visit).values(**values)).inserted_primary_key[0]
        if student_ids:
            session.execute(insert(VisitStudent), [{"visit_id": visit_id, "student_id": s} for s in student_ids])

    for member in members:
        posts = set(member.posts or ())
        own = by_class.get(head_class.get(member.id), [])
        is_cadre = any(Post(p).is_cadre for p in posts if p in Post._value2member_map_)
        monthly = 15 if (is_cadre or Post.HEAD_TEACHER.value in posts) else (
            10 if Post.SUBJECT_TEACHER.value in posts else 0)
        effort = rng.choice((0.6, 1.0, 1.0, 1.1, 1.2))  # one in five falls behind
        for year, month in months:
            in_month = [d for d in days if (d.year, d.month) == (year, month)]
            share = len(in_month) / len(school_days_in_month[(year, month)])  # < 1 only for this month
            pool = own or all_students
            for _ in range(round(monthly * effort * min(share, 1.0))):
                add(rng.choice(in_month), member, "phone", [rng.choice(pool)])
        if own:  # the 班主任's home visits and one-to-one talks with their class
            for sid in rng.sample(own, min(len(own), rng.randint(len(own) // 5, len(own) // 3 + 2))):
                add(rng.choice(days), member, "home", [sid], interviewee="学生家长")
            for sid in rng.sample(own, int(len(own) * rng.uniform(0.5, 0.9))):
                add(rng.choice(days), member, "student_interview", [sid])
        if Post.SUPPORT_STAFF.value in posts:
            for week in weeks_in(term):
                week_days = [d for d in days if d in week]
                if week_days and rng.random() < 0.85:
                    add(rng.choice(week_days), member, "service", interviewee=rng.choice(SERVICE_TARGETS),
                        topics=rng.sample([a.value for a in SixAsk], 2))
    cadres = [m for m in members if any(Post(p).is_cadre for p in m.posts or () if p in Post._value2member_map_)]
    for teacher in teachers:
        if cadres and rng.random() < 0.7:
            cadre = rng.choice([c for c in cadres if c.id != teacher.id] or cadres)
            if cadre.id != teacher.id:
                add(rng.choice(days), cadre, "teacher_interview", target_member_id=teacher.id,
                    content="一对一谈心，听取对学校发展的意见")
