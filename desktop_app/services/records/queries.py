"""What the rest of the app asks of observations and visits: fulfilment, totals, coverage.

Every count is one SQL aggregate over an indexed date range, so a ten-year ledger answers
as fast as a new one. The rules themselves live in domain/quotas.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import and_, case, distinct, func, or_, select

from desktop_app.domain.calendar import Period
from desktop_app.domain.collation import name_key, sorted_by_name
from desktop_app.domain.lessons import DemoRecord, demo_lessons_by_teacher
from desktop_app.domain.prorating import due_so_far
from desktop_app.domain.quota_groups import requirements_by_member
from desktop_app.domain.quotas import (
    QuotaPerson, Requirement, Tally, class_coverage_figures, share_required, ClassCoverage, COVERAGE_RULES,
    CoverageRule, TEACHING_POSTS,
)
from desktop_app.domain.records import LessonType, VisitKind
from desktop_app.domain.vocab import PoliticalStatus, Post
from desktop_app.services.leaves import leave_periods
from desktop_app.services.records.lookups import StudentRef, class_sort_key
from desktop_app.services.records.quota_settings import load_quotas, school_calendar
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Cultivation, Member, SchoolClass, Student
from desktop_app.store.models.records import Observation, Visit, VisitStudent


@dataclass(frozen=True)
class MemberFulfilment:
    member_id: int
    name: str
    posts_label: str
    observations_done: int
    observations_required: int
    demo_lessons_done: int
    demo_lessons_required: int
    visits_done: int
    visits_required: int
    visit_kind: str | None  # the kind of visit the quota counts
    explain: tuple[str, ...] = field(default=())
    # Due so far in a period still running (pro-rated by school days gone); None: the whole requirement.
    observations_due: int | None = None
    demo_lessons_due: int | None = None
    visits_due: int | None = None

    @staticmethod
    def _tally(done: int, required: int, due: int | None) -> Tally:
        return Tally(done, required if due is None else due)

    @property
    def observations(self) -> Tally:
        """Done against what is due (so far, in a running period): `behind` is judged on it."""
        return self._tally(self.observations_done, self.observations_required, self.observations_due)

    @property
    def demo_lessons(self) -> Tally:
        return self._tally(self.demo_lessons_done, self.demo_lessons_required, self.demo_lessons_due)

    @property
    def visits(self) -> Tally:
        return self._tally(self.visits_done, self.visits_required, self.visits_due)

    @property
    def behind(self) -> bool:
        return self.observations.behind or self.demo_lessons.behind or self.visits.behind

    @property
    def has_quota(self) -> bool:
        return bool(self.observations_required or self.demo_lessons_required or self.visits_required)


def _between(column, period: Period):
    return column.between(period.start, period.end)


def _in_school_time(day_column):
    return and_(or_(Member.school_start_date.is_(None), day_column >= Member.school_start_date),
                or_(Member.left_date.is_(None), day_column <= Member.left_date))


def at_school(member_column, day_column):
    """SQL: the record's day lies in the member's time at school (入校日期 to 离开日期, when set).
    Records outside it are refused on entry; older ones are left out of every count (and flagged)."""
    return and_(member_column == Member.id, _in_school_time(day_column))


def _done_in_and_outside(session, model, member_column, period: Period, *kinds) -> tuple[dict, Counter]:
    """The period's records of one model counted by member (and the `kinds` columns): key → records
    in the member's time at school, and member id → records outside it (not counted).

    All records are counted from the covering date index; only the members with an 入校 or 离开
    date can have records outside their time, and theirs are looked up through the member index."""
    day = model.date

    def grouped(query):
        for *key, count in session.execute(query.group_by(member_column, *kinds)):
            yield (tuple(key) if kinds else key[0]), count

    counted = dict(grouped(select(member_column, *kinds, func.count()).where(_between(day, period))))
    dated = select(Member.id).where(or_(Member.school_start_date.is_not(None), Member.left_date.is_not(None)))
    outside = Counter()
    for key, count in grouped(select(member_column, *kinds, func.count()).join(Member, member_column == Member.id)
                              .where(member_column.in_(dated), _between(day, period), ~_in_school_time(day))):
        counted[key] -= count
        outside[key[0] if kinds else key] += count
    return counted, outside


def quota_people(ledger: Ledger, period: Period) -> list[QuotaPerson]:
    """Members who were at school during some of the period."""
    with ledger.reading() as session:
        return _quota_people(session, period)


def _quota_people(session, period: Period) -> list[QuotaPerson]:
    targets = dict(session.execute(select(Cultivation.member_id, func.min(Cultivation.start_date))
                                   .group_by(Cultivation.member_id)).all())
    leaves = leave_periods(session, period)
    people = []
    for member_id, name, posts, subject, status, until, since, party_since in session.execute(
            select(Member.id, Member.name, Member.posts, Member.subject, Member.political_status,
                   Member.left_date, Member.school_start_date, Member.join_date)
            .where(or_(Member.active.is_(True), Member.left_date.is_not(None)),
                   or_(Member.left_date.is_(None), Member.left_date >= period.start),
                   or_(Member.school_start_date.is_(None), Member.school_start_date <= period.end))
            .order_by(Member.name, Member.id)):
        posts = tuple(posts or ())
        people.append(QuotaPerson(
            member_id=member_id, name=name, posts=posts,
            party_member=PoliticalStatus(status).is_party_member,
            teaches=bool(subject) or any(p in TEACHING_POSTS for p in posts),
            is_cultivation_target=member_id in targets, cultivation_since=targets.get(member_id),
            present_from=since, present_until=until, party_since=party_since,
            leaves=leaves.get(member_id, ()),
        ))
    return sorted_by_name(people, key=lambda p: p.name)


def member_fulfilment(ledger: Ledger, period: Period, today: date | None = None) -> dict[int, MemberFulfilment]:
    """Per member present in the period: done / required for 听课, 示范课 and visits.

    Records are counted in SQL (GROUP BY member over the date index); what each member owes is
    worked out once per quota profile (domain/quota_groups.py).
    With `today` inside the period, each requirement also carries what is due so far (`*_due`)."""
    quotas = load_quotas(ledger)
    calendar = school_calendar(ledger, period)
    with ledger.reading() as session:
        observed, outside = _done_in_and_outside(session, Observation, Observation.observer_id, period)
        by_kind, visits_outside = _done_in_and_outside(session, Visit, Visit.visitor_id, period, Visit.kind)
        demo = demo_lessons(session, period)
        people = _quota_people(session, period)
    outside += visits_outside
    visits: dict[int, Counter] = {}
    for (visitor, kind), count in by_kind.items():
        visits.setdefault(visitor, Counter())[kind] = count
    owed = requirements_by_member(people, quotas, period, calendar)
    result = {}
    for person in people:
        req = owed[person.member_id]
        own_visits = visits.get(person.member_id, Counter())
        kind = req.visits.visit_kind
        result[person.member_id] = MemberFulfilment(
            member_id=person.member_id, name=person.name,
            posts_label="、".join(Post.label_of(p) for p in person.posts),
            observations_done=observed.get(person.member_id, 0), observations_required=req.observations.required,
            demo_lessons_done=demo.get(person.member_id, 0), demo_lessons_required=req.demo_lessons.required,
            visits_done=own_visits[kind] if kind else sum(own_visits.values()),
            visits_required=req.visits.required, visit_kind=kind,
            explain=_explain(req.observations, req.demo_lessons, req.visits) + _flag_outside(outside[person.member_id]),
        )
    if today is not None and today < period.end:
        result = {mid: _so_far(f, period, today, calendar) for mid, f in result.items()}
    return result


def demo_lessons(session, period: Period) -> Counter:
    """Teacher id → 示范课 lessons given in the period (domain/lessons.py: lessons, not records).
    The 汇总 total and every per-person figure come from here."""
    rows = session.execute(
        select(Observation.teacher_id, Observation.date, Observation.class_id, Observation.lesson_no,
               Observation.observer_id)
        .join(Member, at_school(Observation.teacher_id, Observation.date))
        .where(_between(Observation.date, period), Observation.lesson_type == LessonType.DEMONSTRATION.value))
    return demo_lessons_by_teacher(DemoRecord(*row) for row in rows)


def _flag_outside(count: int) -> tuple[str, ...]:
    if not count:
        return ()
    return (f"另有{count}条听课、家访记录在此人入校之前或离开之后，不计入",)


def _so_far(f: MemberFulfilment, period: Period, today: date, calendar) -> MemberFulfilment:
    return replace(f, **{f"{name}_due": due_so_far(getattr(f, f"{name}_required"), period, today, calendar)
                         for name in ("observations", "demo_lessons", "visits")})


def _explain(obs: Requirement, demo: Requirement, visit: Requirement) -> tuple[str, ...]:
    return (f"听课：{obs.basis}", f"示范课：{demo.basis}", f"家访：{visit.basis}")


QUOTA_TALLIES = {"observations": ("observations", "demo_lessons"), "visits": ("visits",)}


def quota_rows(fulfilment: dict[int, MemberFulfilment], mode: str) -> list[MemberFulfilment]:
    """The people a 完成情况 list shows for `mode` ("observations" or "visits"), in pinyin order:
    those with a requirement or something done. The 工作台 cards count exactly these."""
    names = QUOTA_TALLIES[mode]
    return sorted_by_name((f for f in fulfilment.values()
                           if any(getattr(f, n).required or getattr(f, n).done for n in names)), key=lambda f: f.name)


def is_behind(f: MemberFulfilment, mode: str) -> bool:
    return any(getattr(f, name).behind for name in QUOTA_TALLIES[mode])


@dataclass(frozen=True)
class QuotaTotals:
    """One 完成情况 list summed up: what the 工作台 card and the list's summary line both show."""

    done: int
    due: int  # so far, in a running period
    required: int  # for the whole period
    people: int
    behind_names: tuple[str, ...]


def quota_totals(fulfilment: dict[int, MemberFulfilment], mode: str) -> QuotaTotals:
    rows = quota_rows(fulfilment, mode)
    first = QUOTA_TALLIES[mode][0]
    return QuotaTotals(
        done=sum(getattr(f, first).done for f in rows),
        due=sum(getattr(f, first).required for f in rows),
        required=sum(getattr(f, f"{first}_required") for f in rows),
        people=len(rows),
        behind_names=tuple(f.name for f in rows if is_behind(f, mode)),
    )


def behind_list(fulfilment: dict[int, MemberFulfilment]) -> list[MemberFulfilment]:
    """Who is behind, the largest shortfall first."""
    behind = [f for f in fulfilment.values() if f.behind]
    return sorted(behind, key=lambda f: (-(f.observations.shortfall + f.demo_lessons.shortfall
                                           + f.visits.shortfall), name_key(f.name)))


@dataclass(frozen=True)
class RecordTotals:
    observations: int
    demo_lessons: int  # lessons, not records: several observers of one 示范课 count it once
    observations_by_type: dict[str, int]  # LessonType code → count
    visits: int
    visits_by_kind: dict[str, int]  # VisitKind code → count
    students_reached: int  # distinct students any visit reached
    suggestions: int  # visits with 意见建议 written down


def totals(ledger: Ledger, period: Period) -> RecordTotals:
    with ledger.reading() as session:
        by_type = dict(session.execute(select(Observation.lesson_type, func.count())
                                       .where(_between(Observation.date, period))
                                       .group_by(Observation.lesson_type)).all())
        by_kind = dict(session.execute(select(Visit.kind, func.count()).where(_between(Visit.date, period))
                                       .group_by(Visit.kind)).all())
        reached = session.scalar(select(func.count(distinct(VisitStudent.student_id)))
                                 .join(Visit, Visit.id == VisitStudent.visit_id)
                                 .where(_between(Visit.date, period)))
        demo = demo_lessons(session, period)
        suggested = session.scalar(select(func.count()).select_from(Visit).where(
            _between(Visit.date, period), Visit.suggestions.is_not(None),  # the partial index's condition
            func.coalesce(func.trim(Visit.suggestions), "") != "")) or 0
    return RecordTotals(
        observations=sum(by_type.values()), demo_lessons=sum(demo.values()),
        observations_by_type=by_type, visits=sum(by_kind.values()), visits_by_kind=by_kind,
        students_reached=reached or 0, suggestions=suggested,
    )


def _reached(session, period: Period, rule: CoverageRule):
    """(student id, class id) of active students the rule's visits reached in the period."""
    query = (
        select(VisitStudent.student_id, Student.class_id).distinct()
        .join(Visit, Visit.id == VisitStudent.visit_id)
        .join(Student, Student.id == VisitStudent.student_id)
        .where(_between(Visit.date, period), Visit.kind == rule.visit_kind.value, Student.active.is_(True))
    )
    if rule.own_head_teacher_only:
        query = query.join(SchoolClass, SchoolClass.id == Student.class_id).where(
            SchoolClass.head_teacher_id == Visit.visitor_id)
    return session.execute(query).all()


def _reached_by_class(session, period: Period) -> dict[str, Counter]:
    """Coverage key → class id → active students that key's visits reached in the period:
    one pass over the period's visits, counting distinct students per class for every rule."""
    counts = []
    for rule in COVERAGE_RULES.values():
        counted = Visit.kind == rule.visit_kind.value
        if rule.own_head_teacher_only:
            counted = and_(counted, SchoolClass.head_teacher_id == Visit.visitor_id)
        counts.append(func.count(distinct(case((counted, VisitStudent.student_id)))))
    reached = {key: Counter() for key in COVERAGE_RULES}
    for class_id, *numbers in session.execute(
            select(Student.class_id, *counts).select_from(Visit)
            .join(VisitStudent, VisitStudent.visit_id == Visit.id)
            .join(Student, Student.id == VisitStudent.student_id)
            .outerjoin(SchoolClass, SchoolClass.id == Student.class_id)
            .where(_between(Visit.date, period), Student.active.is_(True),
                   Visit.kind.in_([rule.visit_kind.value for rule in COVERAGE_RULES.values()]))
            .group_by(Student.class_id)):
        for key, number in zip(COVERAGE_RULES, numbers):
            reached[key][class_id] = number
    return reached


def class_coverage(ledger: Ledger, period: Period) -> list[ClassCoverage]:
    """Per class: students phone-visited, home-visited by the 班主任, interviewed — against the goals."""
    quotas = load_quotas(ledger)
    with ledger.reading() as session:
        reached = _reached_by_class(session, period)
        sizes = dict(session.execute(select(Student.class_id, func.count()).where(Student.active.is_(True))
                                     .group_by(Student.class_id)).all())
        classes = sorted(session.execute(
            select(SchoolClass.id, SchoolClass.name, SchoolClass.head_teacher_id, Member.name, SchoolClass.grade)
            .outerjoin(Member, Member.id == SchoolClass.head_teacher_id)).all(),
            key=lambda row: class_sort_key(row[1], row[4]))
    return [
        class_coverage_figures(cid, name, head_id, head_name or "", sizes.get(cid, 0), reached["phone"][cid],
                               reached["home"][cid], reached["interview"][cid], quotas)
        for cid, name, head_id, head_name, _grade in classes
    ]


def times_observed(ledger: Ledger, period: Period) -> Counter:
    """Teacher id → observation records of their lessons in the period."""
    with ledger.reading() as session:
        return Counter(dict(session.execute(
            select(Observation.teacher_id, func.count()).where(_between(Observation.date, period))
            .group_by(Observation.teacher_id)).all()))


def students_not_reached(ledger: Ledger, class_id: int, period: Period, coverage_kind: str) -> list[StudentRef]:
    """Active students of the class the kind ('phone', 'home', 'interview') has not reached yet."""
    with ledger.reading() as session:
        done = {sid for sid, cid in _reached(session, period, COVERAGE_RULES[coverage_kind]) if cid == class_id}
        rows = session.execute(select(Student.id, Student.name, Student.class_id)
                               .where(Student.class_id == class_id, Student.active.is_(True))
                               .order_by(Student.student_number, Student.name)).all()
    return [StudentRef(*row) for row in rows if row[0] not in done]


def teacher_interview_coverage(ledger: Ledger, period: Period) -> Tally:
    """Teachers that cadres interviewed one-to-one, against all teachers at school."""
    quotas = load_quotas(ledger)
    people = quota_people(ledger, period)
    teachers = {p.member_id for p in people if p.teaches}
    with ledger.reading() as session:
        interviewed = set(session.scalars(
            select(Visit.target_member_id).distinct()
            .where(_between(Visit.date, period), Visit.kind == VisitKind.TEACHER_INTERVIEW.value)))
    return Tally(len(interviewed & teachers), share_required(len(teachers), quotas.teacher_interview_share))
