"""What the 工作台 shows on opening: this week, month and semester at a glance.

Every figure is computed by the same queries as the tab behind it, so clicking through shows
the same numbers in detail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop_app.domain.calendar import Period, month_period, months_in, records_due_date, week_period
from desktop_app.domain.pledges import PledgeStatus
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.development.queries import upcoming_deadlines
from desktop_app.services.meetings.due import MonthGlance, month_glance
from desktop_app.services.members import list_members
from desktop_app.services.pledges.queries import counts_by_status
from desktop_app.services.records.queries import class_coverage, member_fulfilment, quota_totals, totals
from desktop_app.services.rectifications.queries import overdue
from desktop_app.services.settings import semester_dates, semester_of
from desktop_app.services.todos import Todo, open_todos
from desktop_app.domain.calendar import school_year_of
from desktop_app.store.ledger import Ledger


@dataclass(frozen=True)
class QuotaGlance:
    period: Period
    done: int
    due: int  # so far: pro-rated by the school days gone
    required: int  # for the whole period
    behind_names: tuple[str, ...]  # behind what is due so far, as the list behind the card shows them


@dataclass(frozen=True)
class MonthCount:
    label: str  # 9月
    observations: int
    visits: int


@dataclass(frozen=True)
class DevelopmentDeadline:
    name: str
    what: str  # 谈话, 半年考察, 预备期满, 转正审批 …
    due: date
    overdue: bool


@dataclass(frozen=True)
class Dashboard:
    today: date
    school_year: str
    members: int  # 正式 + 预备党员 on the books
    people: int  # everyone on the books: 0 on a new ledger
    observations_week: QuotaGlance
    visits_month: QuotaGlance
    semester: Period | None
    students: int
    students_phoned: int  # reached by a phone visit this semester
    pledges_by_status: dict[str, int]
    overdue_rectifications: int
    due_month: Period  # the month whose sheets are due next
    due_date: date
    due_counts: tuple[int, int]  # observations, visits recorded for that month so far
    months: tuple[MonthCount, ...] = field(default=())
    development_deadlines: tuple[DevelopmentDeadline, ...] = field(default=())
    meetings: MonthGlance | None = None  # 组织生活 due this month and missed this school year
    todos: tuple[Todo, ...] = field(default=())  # stored with a 提醒, still to see to

    @property
    def coverage_share(self) -> float:
        return self.students_phoned / self.students if self.students else 0.0


def _glance(ledger: Ledger, period: Period, mode: str, today: date) -> QuotaGlance:
    """The same rows and sums as the 完成情况 list the card opens (quota_totals)."""
    totals_ = quota_totals(member_fulfilment(ledger, period, today), mode)
    return QuotaGlance(period, totals_.done, totals_.due, totals_.required, totals_.behind_names)


def build_dashboard(ledger: Ledger, today: date | None = None) -> Dashboard:
    today = today or date.today()
    school_year = school_year_of(today)
    current = semester_of(ledger, today)
    semester = semester_dates(ledger, current[0]).semester(current[1]) if current else None
    coverage = class_coverage(ledger, semester) if semester else []
    previous_month = month_period(*(today.replace(day=1) - timedelta(days=1)).timetuple()[:2])
    due_month = previous_month if today.day <= 3 else month_period(today.year, today.month)
    due_totals = totals(ledger, due_month)
    year_start = date(int(school_year[:4]), 9, 1)
    months = tuple(
        MonthCount(f"{m.start.month}月", t.observations, t.visits)
        for m in months_in(Period(year_start, today)) for t in [totals(ledger, m)]
    )
    pledge_counts = counts_by_status(ledger, school_year)
    on_books = list_members(ledger, include_left=False)
    party = [m for m in on_books if PoliticalStatus(m.political_status).is_party_member]
    return Dashboard(
        today=today,
        school_year=school_year,
        members=len(party),
        people=len(on_books),
        observations_week=_glance(ledger, week_period(today), "observations", today),
        visits_month=_glance(ledger, month_period(today.year, today.month), "visits", today),
        semester=semester,
        students=sum(c.size for c in coverage),
        students_phoned=sum(c.phone.done for c in coverage),
        pledges_by_status={s.value: pledge_counts.get(s.value, 0) for s in PledgeStatus},
        overdue_rectifications=len(overdue(ledger, today)),
        due_month=due_month,
        due_date=records_due_date(due_month.start.year, due_month.start.month),
        due_counts=(due_totals.observations, due_totals.visits),
        months=months,
        development_deadlines=tuple(DevelopmentDeadline(r.name, r.next.what, r.next.due, r.due_state == "overdue")
                                    for r in upcoming_deadlines(ledger, today)),
        meetings=month_glance(ledger, today),
        todos=tuple(open_todos(ledger)),
    )
