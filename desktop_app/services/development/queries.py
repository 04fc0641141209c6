"""The people in the procedure: stage, next step and its due date, and the rules not kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop_app.domain.calendar import Period, WorkingCalendar
from desktop_app.domain.development import progress
from desktop_app.domain.development.progress import NextStep
from desktop_app.domain.development.record import DevelopmentData
from desktop_app.domain.development.rules import Breach, breaches, probation_end
from desktop_app.domain.development.steps import Stage, Step
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.development.mapping import DevelopmentInput, domain_data, input_of, named_member_ids
from desktop_app.services.errors import NotFound
from desktop_app.services.records.quota_settings import load_holidays
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.development import Development


@dataclass(frozen=True)
class DevelopmentRow:
    id: int
    member_id: int
    name: str
    political_status: str  # code
    stage: Stage
    last_step: Step | None
    next: NextStep
    due_state: str  # 'overdue', 'soon' or ''
    problems: tuple[Breach, ...]
    data: DevelopmentInput
    domain: DevelopmentData

    @property
    def status_label(self) -> str:
        return PoliticalStatus.label_of(self.political_status)

    @property
    def problems_text(self) -> str:
        return "；".join(str(b) for b in self.problems)

    @property
    def probation_end(self) -> date | None:
        return probation_end(self.domain)


def working_calendar(ledger: Ledger) -> WorkingCalendar:
    """Weekdays outside 元旦/劳动节/国庆 and the holiday periods the school entered in settings."""
    return _with_national(tuple(load_holidays(ledger)))


def working_calendar_from_holidays(stored: list) -> WorkingCalendar:
    """The same, from the stored holiday rows ([start, end, label]) an import reads in its own session."""
    return _with_national(tuple(Period(date.fromisoformat(s), date.fromisoformat(e), label or "")
                                for s, e, label in stored or []))


def _with_national(holidays: tuple[Period, ...]) -> WorkingCalendar:
    return WorkingCalendar.with_national_holidays(range(2000, date.today().year + 2), holidays)


def list_developments(ledger: Ledger, today: date | None = None, *, include_closed: bool = False
                      ) -> list[DevelopmentRow]:
    """Open records (every one with include_closed), in the order the steps have got to, then by name."""
    today = today or date.today()
    calendar = working_calendar(ledger)
    with ledger.reading() as session:
        query = select(Development, Member).join(Member, Development.member_id == Member.id)
        if not include_closed:
            query = query.where(Development.closed_on.is_(None))
        pairs = list(session.execute(query))
        inputs = [input_of(record) for record, _ in pairs]
        wanted = set().union(*(named_member_ids(i) for i in inputs)) if inputs else set()
        named = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(wanted)))}
        rows = [_row(record, member, data, named, calendar, today)
                for (record, member), data in zip(pairs, inputs)]
    return sorted(rows, key=lambda r: (-(r.last_step or 0), r.name))


def _row(record, member, data, named, calendar, today) -> DevelopmentRow:
    domain = domain_data(data, named, member.birth_date)
    following = progress.next_step(domain, today)
    return DevelopmentRow(
        id=record.id, member_id=member.id, name=member.name, political_status=member.political_status,
        stage=progress.stage(domain), last_step=domain.last_step, next=following,
        due_state=following.state(today), problems=tuple(breaches(domain, calendar, today)),
        data=data, domain=domain,
    )


def get_development(ledger: Ledger, record_id: int, today: date | None = None) -> DevelopmentRow:
    for row in list_developments(ledger, today, include_closed=True):
        if row.id == record_id:
            return row
    raise NotFound("该发展党员记录已不存在，可能已被删除。")


def open_record_of(ledger: Ledger, member_id: int) -> int | None:
    with ledger.reading() as session:
        return session.scalar(select(Development.id).where(Development.member_id == member_id,
                                                           Development.closed_on.is_(None)))


def upcoming_deadlines(ledger: Ledger, today: date | None = None) -> list[DevelopmentRow]:
    """Due within 30 days or overdue, soonest first: what the 工作台 shows."""
    rows = [r for r in list_developments(ledger, today) if r.due_state]
    return sorted(rows, key=lambda r: r.next.due)


def evaluate_input(ledger: Ledger, data: DevelopmentInput, today: date | None = None) -> list[Breach]:
    """The breaches the dialog's current input would have, before saving."""
    today = today or date.today()
    with ledger.reading() as session:
        member = session.get(Member, data.member_id) if data.member_id is not None else None
        named = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(named_member_ids(data))))}
        domain = domain_data(data, named, member.birth_date if member else None)
    return breaches(domain, working_calendar(ledger), today)
