"""The figures of a school year's 工作总结, each counted from the ledger the way the app's own
views count it: pledges and reviews, stars, 示范课, lessons observed against quota, visits and
students reached, suggestions and rectifications, meetings held, honours."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.calendar import Period, parse_school_year, school_year_period
from desktop_app.domain.meetings import MeetingKind
from desktop_app.domain.pledges import PledgeKind, PledgeStatus, ReviewGrade
from desktop_app.domain.records import VisitKind
from desktop_app.services.evaluations.queries import is_year_locked, year_results, year_star_counts
from desktop_app.services.honours import CLASS_TITLE, STAR_TITLES, list_honours
from desktop_app.services.meetings.queries import list_meetings
from desktop_app.services.pledges.queries import list_pledges
from desktop_app.services.records.queries import member_fulfilment, totals
from desktop_app.services.rectifications.queries import summary as rectification_summary
from desktop_app.store.ledger import Ledger


@dataclass(frozen=True)
class PostObservations:
    posts: str  # 校长, or 年级主任、班主任 for someone with several posts
    people: int
    done: int
    required: int


@dataclass(frozen=True)
class YearFigures:
    school_year: str
    until: date  # the last day counted: the year's end, or today while the year runs
    pledgers: int  # members with at least one pledge (the branch is not counted)
    pledges_by_kind: dict[str, int]  # PledgeKind code → count, every kind present
    published: int  # pledges that were posted (every status after 草拟)
    reviews_by_grade: dict[str, int]  # ReviewGrade code → reviewed pledges, every grade present
    stars: dict[str, int]  # StarLevel code → members
    approved: bool  # the year's evaluation is approved (locked)
    demo_teachers: int  # members who gave at least one 示范课
    demo_lessons: int  # distinct 示范课 (teacher, date, 节次)
    observations: int  # lessons observed (records)
    observations_by_post: tuple[PostObservations, ...]  # cadres with a weekly quota
    visits_by_kind: dict[str, int]  # VisitKind code → visits, every kind present
    students_reached: int  # distinct students any visit reached
    suggestions: int
    rectified: int  # suggestions turned into a rectification
    rectifications_done: int
    meetings_by_kind: dict[str, int]  # MeetingKind code → meetings, every kind present
    honours: dict[str, int]  # other honours (爱岗敬业星 …) title → recipients; 党员先锋班 included

    @property
    def pledges(self) -> int:
        return sum(self.pledges_by_kind.values())

    @property
    def reviewed(self) -> int:
        return sum(self.reviews_by_grade.values())

    @property
    def visits(self) -> int:
        return sum(self.visits_by_kind.values())


def _every(codes, counts: Counter) -> dict[str, int]:
    return {code.value: counts.get(code.value, 0) for code in codes}


def year_figures(ledger: Ledger, school_year: str, today: date | None = None) -> YearFigures:
    """A year still running is counted up to today, its quotas too."""
    year = parse_school_year(school_year)
    whole = school_year_period(year)
    period = Period(whole.start, max(whole.start, min(whole.end, today or date.today())), whole.label)
    pledges = list_pledges(ledger, year)
    record_totals = totals(ledger, period)
    fulfilment = member_fulfilment(ledger, period).values()
    rectifications = rectification_summary(ledger, period, period.end)
    honours = Counter(h.title for h in list_honours(ledger, year) if h.title not in STAR_TITLES.values())
    return YearFigures(
        school_year=year,
        until=period.end,
        pledgers=len({p.member_id for p in pledges if p.member_id is not None}),
        pledges_by_kind=_every(PledgeKind, Counter(p.kind for p in pledges)),
        published=sum(1 for p in pledges if p.status != PledgeStatus.DRAFT.value),
        reviews_by_grade=_every(ReviewGrade, Counter(p.review_grade for p in pledges
                                                     if p.status == PledgeStatus.REVIEWED.value)),
        stars={level.value: count for level, count in year_star_counts(year_results(ledger, year)).items()},
        approved=is_year_locked(ledger, year) is not None,
        demo_teachers=sum(1 for f in fulfilment if f.demo_lessons_done),
        demo_lessons=sum(f.demo_lessons_done for f in fulfilment),
        observations=record_totals.observations,
        observations_by_post=_by_post(fulfilment),
        visits_by_kind=_every(VisitKind, Counter(record_totals.visits_by_kind)),
        students_reached=record_totals.students_reached,
        suggestions=rectifications.suggestions,
        rectified=rectifications.rectified,
        rectifications_done=rectifications.done,
        meetings_by_kind=_every(MeetingKind, Counter(m.kind for m in list_meetings(ledger, period))),
        honours=dict(sorted(honours.items(), key=lambda item: item[0] == CLASS_TITLE)),
    )


def _by_post(fulfilment) -> tuple[PostObservations, ...]:
    groups: dict[str, list] = {}
    for f in fulfilment:
        if f.observations_required:
            groups.setdefault(f.posts_label, []).append(f)
    return tuple(PostObservations(posts, len(people), sum(f.observations_done for f in people),
                                  sum(f.observations_required for f in people))
                 for posts, people in sorted(groups.items(), key=lambda g: -max(f.observations_required
                                                                                 for f in g[1])))

