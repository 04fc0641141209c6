"""A ledger full of edge cases, and the report figures counted the slow way: plain Python over every row.

The services count in SQL (GROUP BY over the date indexes) and work out what is owed once per quota
profile; this module reads every record and loops over members one by one, applying the domain's
rules to each person, so that a wrong GROUP BY, join or profile key shows up as a difference.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from types import SimpleNamespace

from sqlalchemy import insert, select

from desktop_app.domain.calendar import Period
from desktop_app.domain.collation import sorted_by_name
from desktop_app.domain.lessons import DemoRecord, demo_lessons_by_teacher
from desktop_app.domain.pledges import PledgeStatus
from desktop_app.domain.presence import LeaveKind
from desktop_app.domain.prorating import due_so_far
from desktop_app.domain.quotas import (
    COVERAGE_RULES, QuotaPerson, TEACHING_POSTS, class_coverage_figures, demo_lesson_requirement,
    observation_requirement, visit_requirement,
)
from desktop_app.domain.records import LessonType, VisitKind
from desktop_app.domain.vocab import PoliticalStatus, Post
from desktop_app.services.records.queries import MemberFulfilment, RecordTotals
from desktop_app.services.records.quota_settings import load_quotas, save_holidays, school_calendar
from desktop_app.store.models import Cultivation, Member, MemberLeave, SchoolClass, Student
from desktop_app.store.models.pledges import Pledge
from desktop_app.store.models.records import Observation, Visit, VisitStudent

YEAR_START, YEAR_END = date(2025, 9, 1), date(2026, 8, 31)
HOLIDAYS = [Period(date(2025, 10, 1), date(2025, 10, 8), "国庆"), Period(date(2026, 1, 19), date(2026, 2, 22), "寒假")]
POSTS = [p.value for p in Post]
NAMES = "王芳 李强 张伟 刘洋 陈静 杨敏 赵磊 黄丽 周军 吴艳 徐杰 孙娟 胡涛 朱明 高超 林秀 何霞 郭平 马刚 罗桂英".split()


def _day(rng: random.Random) -> date:
    return YEAR_START + timedelta(days=rng.randrange((YEAR_END - YEAR_START).days + 1))


def _members(rng: random.Random) -> list[dict]:
    members = []
    for i, name in enumerate(NAMES * 2):  # the same names twice: ties in the name order
        posts = [POSTS[i % len(POSTS)]] + ([rng.choice(POSTS)] if i % 3 == 0 else [])
        left = rng.choice([None, None, YEAR_START + timedelta(days=20), date(2026, 3, 15), date(2025, 8, 20),
                           date(2025, 9, 30), date(2025, 12, 30)])
        members.append(dict(
            id=i + 1, name=name, posts=posts, backbone_titles=[],
            political_status=rng.choice(["full_member", "probationary", "activist", "non_party"]),
            subject=rng.choice([None, "语文", "数学"]), active=left is None and i % 11 != 5,
            left_date=left, join_date=rng.choice([None, date(2000, 7, 1), date(2025, 11, 12), date(2026, 4, 1),
                                                  date(2025, 10, 2), date(2025, 9, 2)]),
            school_start_date=rng.choice([None, None, date(2019, 9, 1), YEAR_START, date(2025, 10, 20),
                                          date(2026, 5, 6), YEAR_END, date(2025, 9, 2), date(2025, 10, 2)]),
        ))
    return members


def fill_edge_cases(ledger, seed: int = 18) -> None:
    """Members who joined mid-term, left (before and during the year), were never active, are on
    leave, are 培养对象; holidays; 示范课 seen by several observers; records outside a member's time
    at school; inactive students; home visits by a 班主任 of another class; pledges of every status."""
    rng = random.Random(seed)
    save_holidays(ledger, HOLIDAYS)
    members = _members(rng)
    ids = [m["id"] for m in members]
    with ledger.transaction() as session:
        session.execute(insert(Member), members)
        session.execute(insert(MemberLeave), [
            dict(member_id=rng.choice(ids), kind=rng.choice([k.value for k in LeaveKind]),
                 start_date=(start := _day(rng)), end_date=start + timedelta(days=rng.choice([0, 6, 40, 120])))
            for _ in range(12)])
        session.execute(insert(Cultivation), [
            dict(kind="backbone_to_party", member_id=rng.choice(ids), start_date=rng.choice([None, _day(rng)]))
            for _ in range(8)])
        classes = [dict(id=c + 1, name=f"高一({c + 1})班", grade="高一", head_teacher_id=rng.choice([None, *ids[:10]]))
                   for c in range(5)]
        session.execute(insert(SchoolClass), classes)
        students = [dict(id=s + 1, name=f"学生{s + 1}", class_id=s % 5 + 1, flags=[], active=s % 9 != 4)
                    for s in range(60)]
        session.execute(insert(Student), students)
        lessons = [t.value for t in LessonType]
        observations = []
        for _ in range(700):
            teacher, day = rng.choice(ids), _day(rng)
            lesson_type = rng.choice(lessons + [LessonType.DEMONSTRATION.value] * 3)
            for observer in rng.sample(ids, rng.choice([1, 1, 2, 3])):  # several colleagues at one lesson
                observations.append(dict(
                    date=day, observer_id=observer, teacher_id=teacher, lesson_type=lesson_type, ratings={},
                    lesson_no=rng.choice([None, 1, 2, 3]), class_id=rng.choice([None, 1, 2, 3, 4, 5])))
        session.execute(insert(Observation), observations)
        kinds = [k.value for k in VisitKind]
        visits, links = [], []
        for visit_id in range(1, 2001):
            kind = rng.choice(kinds + [VisitKind.PHONE.value, VisitKind.HOME.value] * 2)
            visits.append(dict(id=visit_id, date=_day(rng), visitor_id=rng.choice(ids), kind=kind, topics=[],
                               assistance=[], follow_up_needed=False,
                               suggestions=rng.choice([None, None, None, "", "  ", "加强晚自习管理"]),
                               target_member_id=rng.choice(ids) if kind == VisitKind.TEACHER_INTERVIEW.value else None))
            for student in rng.sample(range(1, 61), rng.choice([0, 1, 1, 2])):
                links.append(dict(visit_id=visit_id, student_id=student))
        session.execute(insert(Visit), visits)
        session.execute(insert(VisitStudent), links)
        owners = {(rng.choice([None, *ids]), rng.choice(["post", "goal", "branch", "benchmark"]),
                   rng.choice(["2025-2026", "2024-2025"])) for _ in range(90)}
        session.execute(insert(Pledge), [
            dict(member_id=member_id, kind=kind, school_year=year, content_items=[], publication_places=[],
                 status=rng.choice([s.value for s in PledgeStatus]),
                 review_grade=rng.choice([None, "", "good", "fairly_good", "average", "poor"]))
            for member_id, kind, year in sorted(owners, key=str)])


def _rows(ledger, *columns):
    with ledger.reading() as session:
        return session.execute(select(*columns)).all()


def _records(ledger, model) -> list[SimpleNamespace]:
    """Every row of a model's table, as plain objects (read once, whatever the session does after)."""
    with ledger.reading() as session:
        return [SimpleNamespace(**row) for row in session.execute(select(*model.__table__.c)).mappings()]


def _at_school(member, day: date) -> bool:
    return ((member.school_start_date is None or day >= member.school_start_date)
            and (member.left_date is None or day <= member.left_date))


def _people(ledger, period: Period) -> list[QuotaPerson]:
    members = sorted(_records(ledger, Member), key=lambda m: (m.name, m.id))
    cultivations = _rows(ledger, Cultivation.member_id, Cultivation.start_date)
    leaves = sorted(_records(ledger, MemberLeave), key=lambda l: (l.start_date, l.id))
    people = []
    for m in members:
        if (not m.active and m.left_date is None) or (m.left_date and m.left_date < period.start) or (
                m.school_start_date and m.school_start_date > period.end):
            continue
        starts = [start for member_id, start in cultivations if member_id == m.id]
        dated = [start for start in starts if start is not None]
        posts = tuple(m.posts or ())
        people.append(QuotaPerson(
            member_id=m.id, name=m.name, posts=posts,
            party_member=PoliticalStatus(m.political_status).is_party_member,
            teaches=bool(m.subject) or any(p in TEACHING_POSTS for p in posts),
            is_cultivation_target=bool(starts), cultivation_since=min(dated) if dated else None,
            present_from=m.school_start_date, present_until=m.left_date, party_since=m.join_date,
            leaves=tuple(Period(l.start_date, l.end_date, LeaveKind.label_of(l.kind)) for l in leaves
                         if l.member_id == m.id and l.start_date <= period.end and l.end_date >= period.start),
        ))
    return sorted_by_name(people, key=lambda p: p.name)


def _demo_records(ledger, period: Period, members: dict) -> list[DemoRecord]:
    return [DemoRecord(o.teacher_id, o.date, o.class_id, o.lesson_no, o.observer_id)
            for o in _records(ledger, Observation)
            if o.date in period and o.lesson_type == LessonType.DEMONSTRATION.value
            and _at_school(members[o.teacher_id], o.date)]


def fulfilment_one_by_one(ledger, period: Period, today: date | None = None) -> dict[int, MemberFulfilment]:
    """member_fulfilment's figures, member by member."""
    quotas, calendar = load_quotas(ledger), school_calendar(ledger, period)
    members = {m.id: m for m in _records(ledger, Member)}
    observations = [o for o in _records(ledger, Observation) if o.date in period]
    visits = [v for v in _records(ledger, Visit) if v.date in period]
    demo = demo_lessons_by_teacher(_demo_records(ledger, period, members))
    result = {}
    for person in _people(ledger, period):
        me = members[person.member_id]
        mine = [o for o in observations if o.observer_id == me.id]
        my_visits = [v for v in visits if v.visitor_id == me.id]
        outside = sum(not _at_school(me, r.date) for r in mine + my_visits)
        obs, dem, vis = (rule(person, quotas, period, calendar)
                         for rule in (observation_requirement, demo_lesson_requirement, visit_requirement))
        counted = [v for v in my_visits if _at_school(me, v.date) and (vis.visit_kind in (None, v.kind))]
        explain = (f"听课：{obs.basis}", f"示范课：{dem.basis}", f"家访：{vis.basis}")
        if outside:
            explain += (f"另有{outside}条听课、家访记录在此人入校之前或离开之后，不计入",)
        figures = dict(observations_required=obs.required, demo_lessons_required=dem.required,
                       visits_required=vis.required)
        due = {}
        if today is not None and today < period.end:
            due = {name.replace("required", "due"): due_so_far(value, period, today, calendar)
                   for name, value in figures.items()}
        result[me.id] = MemberFulfilment(
            member_id=me.id, name=me.name, posts_label="、".join(Post.label_of(p) for p in person.posts),
            observations_done=sum(_at_school(me, o.date) for o in mine), demo_lessons_done=demo.get(me.id, 0),
            visits_done=len(counted), visit_kind=vis.visit_kind, explain=explain, **figures, **due,
        )
    return result


def _reached(ledger, period: Period) -> dict[int, list[tuple]]:
    """Visit id → (student id, class id, active) of the students it reached, for visits in the period."""
    students = {s.id: s for s in _records(ledger, Student)}
    dates = {v.id: v.date for v in _records(ledger, Visit)}
    reached: dict[int, list[tuple]] = {}
    for visit_id, student_id in _rows(ledger, VisitStudent.visit_id, VisitStudent.student_id):
        if dates[visit_id] in period:
            student = students[student_id]
            reached.setdefault(visit_id, []).append((student_id, student.class_id, student.active))
    return reached


def coverage_one_by_one(ledger, period: Period) -> dict[int, tuple]:
    """Class id → ClassCoverage, class by class and rule by rule."""
    quotas = load_quotas(ledger)
    visits = {v.id: v for v in _records(ledger, Visit)}
    reached = _reached(ledger, period)
    members = {m.id: m.name for m in _records(ledger, Member)}
    result = {}
    for c in _records(ledger, SchoolClass):
        size = sum(1 for s in _records(ledger, Student) if s.class_id == c.id and s.active)
        counts = {}
        for key, rule in COVERAGE_RULES.items():
            counts[key] = len({sid for vid, found in reached.items() for sid, cid, active in found
                               if cid == c.id and active and visits[vid].kind == rule.visit_kind.value
                               and (not rule.own_head_teacher_only or visits[vid].visitor_id == c.head_teacher_id)})
        result[c.id] = class_coverage_figures(c.id, c.name, c.head_teacher_id, members.get(c.head_teacher_id, ""),
                                              size, counts["phone"], counts["home"], counts["interview"], quotas)
    return result


def totals_one_by_one(ledger, period: Period) -> RecordTotals:
    members = {m.id: m for m in _records(ledger, Member)}
    observations = [o for o in _records(ledger, Observation) if o.date in period]
    visits = [v for v in _records(ledger, Visit) if v.date in period]
    return RecordTotals(
        observations=len(observations),
        demo_lessons=sum(demo_lessons_by_teacher(_demo_records(ledger, period, members)).values()),
        observations_by_type=dict(Counter(o.lesson_type for o in observations)),
        visits=len(visits), visits_by_kind=dict(Counter(v.kind for v in visits)),
        students_reached=len({sid for found in _reached(ledger, period).values() for sid, _c, _a in found}),
        suggestions=sum(1 for v in visits if (v.suggestions or "").strip()),
    )


def times_observed_one_by_one(ledger, period: Period) -> Counter:
    return Counter(o.teacher_id for o in _records(ledger, Observation) if o.date in period)


def review_grades_one_by_one(ledger, school_year: str) -> dict[int, str]:
    """The 岗位承诺's grade, else the 目标承诺's, else the first other kind's (by kind, then entry)."""
    rank = {"post": 0, "goal": 1}
    best: dict[int, tuple] = {}
    for p in sorted(_records(ledger, Pledge), key=lambda p: (p.kind, p.id)):
        if (p.school_year == school_year and p.member_id is not None and p.status == PledgeStatus.REVIEWED.value
                and p.review_grade):
            key = (rank.get(p.kind, 9),)
            if p.member_id not in best or key < best[p.member_id][0]:
                best[p.member_id] = (key, p.review_grade)
    return {member_id: grade for member_id, (_key, grade) in best.items()}


def pledge_counts_one_by_one(ledger, school_year: str) -> dict[str, int]:
    counts = {status.value: 0 for status in PledgeStatus}
    for p in _records(ledger, Pledge):
        if p.school_year == school_year:
            counts[p.status] += 1
    return counts
