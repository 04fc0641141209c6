"""How many observations, 示范课 and visits each person owes in a period, and who is behind.

The school sets rates per week, month or semester (the defaults are in docs/domain.md). A rate
is owed only for the school days a person was present:

- a school day is a Monday–Friday inside a semester and outside every holiday period;
- a weekly rate counts 1/5 of the rate per school day, so a week cut by a month end or a
  holiday owes only its share (Thu+Fri of a week = 2/5 of the weekly rate);
- a monthly rate is shared out over that month's school days (a month with none owes nothing);
- a semester rate over that semester's school days;
- the owed amount is rounded half up to whole lessons or visits.

A duty is owed only for the days a person was subject to it: school duties from joining the
school (入校日期) to leaving, party-member duties (示范课) from the 入党日期 as well, and never on
the days of a recorded 请假 (a leave takes days out of what the person owes, the way a holiday
does, but the month or week it falls in still has its full number of school days).

A member with several posts owes the highest of their posts' quotas; every post that teaches
(学科组长, 班主任, or any post held by someone with a subject) owes at least the 任课教师 visit
quota unless the school sets that post's own figure. Pure Python, no I/O.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from desktop_app.domain.calendar import Period, month_period, months_in
from desktop_app.domain.records import VisitKind
from desktop_app.domain.vocab import Post

TEACHING_POSTS = (Post.HEAD_TEACHER.value, Post.SUBJECT_TEACHER.value, Post.SUBJECT_LEADER.value)
SUBJECT_TEACHER = Post.SUBJECT_TEACHER.value


class Unit(str, Enum):
    WEEK = "week"
    MONTH = "month"
    SEMESTER = "semester"


UNIT_LABELS = {Unit.WEEK: "每周", Unit.MONTH: "每月", Unit.SEMESTER: "每学期"}


@dataclass(frozen=True)
class Rate:
    amount: float
    unit: Unit

    def __str__(self) -> str:
        return f"{UNIT_LABELS[self.unit]}{self.amount:g}"


DEFAULT_OBSERVATIONS_PER_WEEK: dict[str, float] = {
    Post.PRINCIPAL.value: 5,
    Post.TEACHING_VICE_PRINCIPAL.value: 10,
    Post.VICE_PRINCIPAL.value: 8,
    Post.TEACHER_DEVELOPMENT_HEAD.value: 12,
    Post.ACADEMIC_AFFAIRS_HEAD.value: 6,
    Post.GRADE_DIRECTOR.value: 6,
    Post.OFFICE_HEAD.value: 5,
    Post.GENERAL_AFFAIRS_HEAD.value: 2,
    Post.SUBJECT_LEADER.value: 3,
}

# Visit groups: 行管干部 (any cadre post), 班主任, 任课教师 phone-visit monthly; 教辅后勤 service weekly.
CADRE = "cadre"
DEFAULT_PHONE_VISITS_PER_MONTH: dict[str, float] = {
    CADRE: 15,
    Post.HEAD_TEACHER.value: 15,
    Post.SUBJECT_TEACHER.value: 10,
}
VISIT_GROUP_LABELS = {CADRE: "行管干部", Post.HEAD_TEACHER.value: "班主任", Post.SUBJECT_TEACHER.value: "任课教师"}


@dataclass(frozen=True)
class QuotaSettings:
    """The school's quotas; `from_dict(to_dict())` round-trips through the settings table."""

    observations_per_week: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_OBSERVATIONS_PER_WEEK))
    cultivation_per_week: float = 1
    cultivation_per_semester: float = 20
    demo_lessons: Rate = Rate(1, Unit.MONTH)
    phone_visits_per_month: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_PHONE_VISITS_PER_MONTH))
    service_visits_per_week: float = 1
    phone_coverage_share: float = 1.0  # of each class's students, each semester
    home_visit_share: float = 1 / 3  # of the 班主任's class, each semester
    student_interview_share: float = 0.8  # of each class's students
    teacher_interview_share: float = 1.0  # of all teachers, by cadres

    def to_dict(self) -> dict:
        return {
            "observations_per_week": dict(self.observations_per_week),
            "cultivation_per_week": self.cultivation_per_week,
            "cultivation_per_semester": self.cultivation_per_semester,
            "demo_lessons": [self.demo_lessons.amount, self.demo_lessons.unit.value],
            "phone_visits_per_month": dict(self.phone_visits_per_month),
            "service_visits_per_week": self.service_visits_per_week,
            "phone_coverage_share": self.phone_coverage_share,
            "home_visit_share": self.home_visit_share,
            "student_interview_share": self.student_interview_share,
            "teacher_interview_share": self.teacher_interview_share,
        }

    @classmethod
    def from_dict(cls, data: Mapping | None) -> QuotaSettings:
        data = dict(data or {})
        defaults = cls()
        kwargs = {}
        for name in ("cultivation_per_week", "cultivation_per_semester", "service_visits_per_week",
                     "phone_coverage_share", "home_visit_share", "student_interview_share",
                     "teacher_interview_share"):
            kwargs[name] = float(data.get(name, getattr(defaults, name)))
        for name in ("observations_per_week", "phone_visits_per_month"):
            kwargs[name] = {**getattr(defaults, name), **{k: float(v) for k, v in (data.get(name) or {}).items()}}
        demo = data.get("demo_lessons")
        kwargs["demo_lessons"] = Rate(float(demo[0]), Unit(demo[1])) if demo else defaults.demo_lessons
        return cls(**kwargs)


@dataclass(frozen=True)
class SchoolCalendar:
    """Which days are school days: weekdays inside a semester, outside the holiday periods."""

    terms: tuple[Period, ...]
    holidays: tuple[Period, ...] = ()

    def is_school_day(self, day: date) -> bool:
        return (
            day.weekday() < 5
            and any(day in term for term in self.terms)
            and not any(day in holiday for holiday in self.holidays)
        )

    def school_days(self, period: Period | None) -> int:
        if period is None:
            return 0
        return _count_school_days(self, period.start, period.end)


@functools.lru_cache(maxsize=8192)
def _count_school_days(calendar: SchoolCalendar, start: date, end: date) -> int:
    # Quota figures ask the same calendar about the same weeks and months for every member.
    count, day = 0, start
    while day <= end:
        count += calendar.is_school_day(day)
        day += timedelta(days=1)
    return count


def overlap(a: Period | None, b: Period | None) -> Period | None:
    if a is None or b is None:
        return None
    start, end = max(a.start, b.start), min(a.end, b.end)
    return Period(start, end, a.label) if start <= end else None


@dataclass(frozen=True)
class QuotaPerson:
    """What the quotas need to know about a member."""

    member_id: int
    name: str
    posts: tuple[str, ...] = ()
    party_member: bool = False
    teaches: bool = False  # has a subject or a teaching post
    cultivation_since: date | None = None  # set when the member is a 培养对象
    is_cultivation_target: bool = False
    present_from: date | None = None  # 入校日期: joined the school mid-period
    present_until: date | None = None  # left the school
    party_since: date | None = None  # 入党日期: party-member duties start here
    leaves: tuple[Period, ...] = ()  # 请假: days owed nothing

    @property
    def is_party_teacher(self) -> bool:
        return self.party_member and (self.teaches or any(p in TEACHING_POSTS for p in self.posts))

    def presence(self, period: Period) -> Period | None:
        start = max(period.start, self.present_from) if self.present_from else period.start
        end = min(period.end, self.present_until) if self.present_until else period.end
        return Period(start, end, period.label) if start <= end else None

    def party_presence(self, period: Period) -> Period | None:
        """The part of the period the person was at school and already a party member."""
        present = self.presence(period)
        return overlap(present, Period(self.party_since, date.max)) if self.party_since else present


def owed(rate: Rate, present: Period | None, calendar: SchoolCalendar, leaves: tuple[Period, ...] = ()) -> float:
    """The unrounded amount a rate asks for over `present` (a period, or the part of it a person
    was there; None when they were not there at all), less the school days of `leaves`."""
    if present is None or rate.amount <= 0:
        return 0.0
    working = SchoolCalendar(calendar.terms, calendar.holidays + tuple(leaves)) if leaves else calendar
    if rate.unit is Unit.WEEK:
        return rate.amount * working.school_days(present) / 5
    if rate.unit is Unit.MONTH:
        wholes = [month_period(m.start.year, m.start.month) for m in months_in(present)]
    else:
        wholes = [t for t in calendar.terms if overlap(t, present)]
    total = 0.0
    for whole in wholes:
        full = calendar.school_days(whole)
        if full:
            total += rate.amount * working.school_days(overlap(whole, present)) / full
    return total


def round_half_up(amount: float) -> int:
    return math.floor(amount + 0.5 + 1e-9)


@dataclass(frozen=True)
class Requirement:
    required: int
    basis: str = ""  # why, e.g. "年级主任 每周6节"
    visit_kind: str | None = None  # the kind of visit that counts (visits only)


NONE = Requirement(0, "无此项要求")


def _best(candidates: Iterable[tuple[float, str, str | None]]) -> Requirement:
    best = max(candidates, key=lambda c: c[0], default=None)
    if best is None:
        return NONE
    amount, basis, kind = best
    return Requirement(round_half_up(amount), basis, kind)


def observation_requirement(person: QuotaPerson, settings: QuotaSettings, period: Period,
                            calendar: SchoolCalendar) -> Requirement:
    """听课: the highest of the member's posts' weekly quotas and the 培养对象 quota."""
    present = person.presence(period)
    candidates = []
    for post in person.posts:
        per_week = settings.observations_per_week.get(post, 0)
        if per_week:
            rate = Rate(per_week, Unit.WEEK)
            candidates.append((owed(rate, present, calendar, person.leaves), f"{Post.label_of(post)} {rate}节", None))
    if person.is_cultivation_target:
        since = person.cultivation_since
        target_present = overlap(present, Period(since, date.max)) if since else present
        weekly = owed(Rate(settings.cultivation_per_week, Unit.WEEK), target_present, calendar, person.leaves)
        termly = owed(Rate(settings.cultivation_per_semester, Unit.SEMESTER), target_present, calendar, person.leaves)
        candidates.append((max(weekly, termly), f"培养对象 每周{settings.cultivation_per_week:g}节、"
                           f"每学期不少于{settings.cultivation_per_semester:g}节", None))
    return _best(candidates)


def demo_lesson_requirement(person: QuotaPerson, settings: QuotaSettings, period: Period,
                            calendar: SchoolCalendar) -> Requirement:
    """示范课: every party teacher gives one a month (or a semester, as the school sets)."""
    if not person.is_party_teacher:
        return NONE
    amount = owed(settings.demo_lessons, person.party_presence(period), calendar, person.leaves)
    return _best([(amount, f"党员教师 {settings.demo_lessons}节示范课", None)])


def post_visit_rate(settings: QuotaSettings, post: str) -> tuple[float, str]:
    """A post's monthly phone visits and where the figure comes from: the post's own setting, else
    its group's (行管干部 for cadre posts, 任课教师 for any other teaching post)."""
    rates = settings.phone_visits_per_month
    if post in rates:
        return rates[post], Post.label_of(post)
    if post in Post._value2member_map_ and Post(post).is_cadre:
        return rates.get(CADRE, 0), VISIT_GROUP_LABELS[CADRE]
    if post in TEACHING_POSTS:
        return rates.get(SUBJECT_TEACHER, 0), VISIT_GROUP_LABELS[SUBJECT_TEACHER]
    return 0, Post.label_of(post)


def visit_requirement(person: QuotaPerson, settings: QuotaSettings, period: Period,
                      calendar: SchoolCalendar) -> Requirement:
    """Phone visits a month for cadres and teaching posts (anyone with a subject owes at least the
    任课教师 figure); service visits a week for support staff."""
    present = person.presence(period)
    candidates = []
    for post in person.posts:
        amount, source = post_visit_rate(settings, post)
        if amount:
            rate = Rate(amount, Unit.MONTH)
            basis = f"{Post.label_of(post)}（按{source}）" if source != Post.label_of(post) else source
            candidates.append((owed(rate, present, calendar, person.leaves), f"{basis} {rate}次电话家访",
                               VisitKind.PHONE.value))
    if person.teaches and not any(p in TEACHING_POSTS for p in person.posts):  # a cadre or 教辅 with a subject
        rate = Rate(settings.phone_visits_per_month.get(SUBJECT_TEACHER, 0), Unit.MONTH)
        if rate.amount:
            candidates.append((owed(rate, present, calendar, person.leaves), f"任教学科（按任课教师） {rate}次电话家访",
                               VisitKind.PHONE.value))
    if Post.SUPPORT_STAFF.value in person.posts and settings.service_visits_per_week:
        rate = Rate(settings.service_visits_per_week, Unit.WEEK)
        candidates.append((owed(rate, present, calendar, person.leaves), f"教辅后勤 {rate}次服务走访",
                           VisitKind.SERVICE.value))
    return _best(candidates)


@dataclass(frozen=True)
class Tally:
    done: int
    required: int

    @property
    def behind(self) -> bool:
        return self.done < self.required

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.done)

    def __str__(self) -> str:
        return f"{self.done} / {self.required}"


def share_required(size: int, share: float) -> int:
    """Whole students needed to reach a share of a group: a third of 40 is 14, 80 % of 41 is 33."""
    return math.ceil(size * share - 1e-9) if size > 0 else 0


@dataclass(frozen=True)
class CoverageRule:
    """Which visits reach a class's students for one coverage goal."""

    visit_kind: VisitKind
    # Only the class's own 班主任 counts: a home visit by another teacher (or by the 班主任 of
    # another class) does not reach this class's share, because the duty is the 班主任's.
    own_head_teacher_only: bool = False


# Per class and semester: phone visits by anyone, home visits by the class's 班主任 (a share of
# the class), one-to-one interviews by any teacher.
COVERAGE_RULES: dict[str, CoverageRule] = {
    "phone": CoverageRule(VisitKind.PHONE),
    "home": CoverageRule(VisitKind.HOME, own_head_teacher_only=True),
    "interview": CoverageRule(VisitKind.STUDENT_INTERVIEW),
}


@dataclass(frozen=True)
class ClassCoverage:
    """One class in one period: how many students each kind of contact has reached."""

    class_id: int
    class_name: str
    head_teacher_id: int | None
    head_teacher_name: str
    size: int
    phone: Tally  # students phone-visited by anyone
    home: Tally  # students home-visited by the 班主任
    interview: Tally  # students interviewed one-to-one by teachers

    @property
    def behind(self) -> bool:
        return self.phone.behind or self.home.behind or self.interview.behind


def class_coverage_figures(class_id: int, class_name: str, head_teacher_id: int | None, head_teacher_name: str,
                           size: int, phoned: int, home_visited: int, interviewed: int,
                           settings: QuotaSettings) -> ClassCoverage:
    return ClassCoverage(
        class_id, class_name, head_teacher_id, head_teacher_name, size,
        phone=Tally(phoned, share_required(size, settings.phone_coverage_share)),
        home=Tally(home_visited, share_required(size, settings.home_visit_share)),
        interview=Tally(interviewed, share_required(size, settings.student_interview_share)),
    )
