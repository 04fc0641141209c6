"""Reading suggestions and the rectification ledger (the dashboard and workbook use these)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from desktop_app.domain.calendar import Period
from desktop_app.domain.rectifications import (
    RectificationStatus,
    SuggestionCategory,
    SuggestionSource,
    days_overdue,
    is_overdue,
)
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.rectifications import Rectification, Suggestion

NOT_YET = "未立整改"


class _Labelled:
    """The Chinese words for a row's category and source codes."""

    category: str
    source: str

    @property
    def category_label(self) -> str:
        return SuggestionCategory.label_of(self.category)

    @property
    def source_label(self) -> str:
        return SuggestionSource.label_of(self.source)


@dataclass(frozen=True)
class SuggestionRow(_Labelled):
    id: int
    content: str
    category: str  # code
    source: str  # code
    raised_by: str
    raised_on: date
    recorder_id: int | None
    recorder_name: str
    visit_id: int | None
    rectification_id: int | None
    rectification_status: str  # code, "" when not turned into a rectification

    @property
    def status_label(self) -> str:
        return RectificationStatus.label_of(self.rectification_status) or NOT_YET


@dataclass(frozen=True)
class RectificationRow(_Labelled):
    id: int
    suggestion_id: int
    suggestion: str
    category: str  # code
    source: str  # code
    raised_by: str
    raised_on: date
    measure: str
    target: str
    responsible_unit: str
    responsible_member_id: int | None
    responsible_name: str
    deadline: date
    status: str  # code
    completed_on: date | None
    result: str
    published_on: date | None

    @property
    def status_label(self) -> str:
        return RectificationStatus.label_of(self.status)

    @property
    def responsible(self) -> str:
        return "、".join(x for x in (self.responsible_unit, self.responsible_name) if x)

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.deadline, today)

    def days_overdue(self, today: date) -> int:
        return days_overdue(self.status, self.deadline, today)


def list_suggestions(ledger: Ledger, period: Period | None = None) -> list[SuggestionRow]:
    """Suggestions raised in the period (all when None), newest first."""
    recorder = aliased(Member)
    # Plain columns rather than ORM objects: a long ledger lists several times faster.
    query = (
        select(
            Suggestion.id, Suggestion.content, Suggestion.category, Suggestion.source, Suggestion.raised_by,
            Suggestion.raised_on, Suggestion.recorder_id, recorder.name, Suggestion.visit_id,
            Rectification.id, Rectification.status,
        )
        .outerjoin(recorder, recorder.id == Suggestion.recorder_id)
        .outerjoin(Rectification, Rectification.suggestion_id == Suggestion.id)
        .order_by(Suggestion.raised_on.desc(), Suggestion.id.desc())
    )
    if period is not None:
        query = query.where(Suggestion.raised_on.between(period.start, period.end))
    with ledger.reading() as session:
        return [
            SuggestionRow(
                id=sid, content=content, category=category, source=source, raised_by=raised_by or "",
                raised_on=raised_on, recorder_id=recorder_id, recorder_name=name or "", visit_id=visit_id,
                rectification_id=rect_id, rectification_status=status or "",
            )
            for sid, content, category, source, raised_by, raised_on, recorder_id, name, visit_id, rect_id, status
            in session.execute(query)
        ]


_RECTIFICATION_COLUMNS = (
    Rectification.id, Suggestion.id, Suggestion.content, Suggestion.category, Suggestion.source,
    Suggestion.raised_by, Suggestion.raised_on, Rectification.measure, Rectification.target,
    Rectification.responsible_unit, Rectification.responsible_member_id, Rectification.responsible_name,
    Rectification.deadline, Rectification.status, Rectification.completed_on, Rectification.result,
    Rectification.published_on,
)


def _rectification_query():
    return select(*_RECTIFICATION_COLUMNS).join(Suggestion, Suggestion.id == Rectification.suggestion_id)


def _rectification_row(values) -> RectificationRow:
    (rid, sid, content, category, source, raised_by, raised_on, measure, target, unit, member_id, name,
     deadline, status, completed_on, result, published_on) = values
    return RectificationRow(
        id=rid, suggestion_id=sid, suggestion=content, category=category, source=source,
        raised_by=raised_by or "", raised_on=raised_on, measure=measure, target=target or "",
        responsible_unit=unit or "", responsible_member_id=member_id, responsible_name=name or "",
        deadline=deadline, status=status, completed_on=completed_on, result=result or "",
        published_on=published_on,
    )


def list_rectifications(ledger: Ledger, period: Period | None = None) -> list[RectificationRow]:
    """The rectification ledger, by deadline.

    With a period: the rectifications under way at some time in it, that is raised by its end
    and not finished before it began (so a quarter's sheet shows what was followed that quarter,
    including work carried over from earlier quarters).
    """
    query = _rectification_query().order_by(Rectification.deadline, Rectification.id)
    if period is not None:
        query = query.where(
            Suggestion.raised_on <= period.end,
            (Rectification.completed_on.is_(None)) | (Rectification.completed_on >= period.start),
        )
    with ledger.reading() as session:
        return [_rectification_row(values) for values in session.execute(query)]


def rectification_row(ledger: Ledger, rectification_id: int) -> RectificationRow | None:
    with ledger.reading() as session:
        found = session.execute(_rectification_query().where(Rectification.id == rectification_id)).first()
        return _rectification_row(found) if found else None


def overdue(ledger: Ledger, today: date) -> list[RectificationRow]:
    """Unfinished rectifications whose deadline has passed, the longest overdue first."""
    return [row for row in list_rectifications(ledger) if row.is_overdue(today)]


def counts_by_status(ledger: Ledger, period: Period | None = None) -> dict[str, int]:
    """Status code → number of rectifications (every status present, zero included)."""
    counts = {status.value: 0 for status in RectificationStatus}
    for row in list_rectifications(ledger, period):
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


@dataclass(frozen=True)
class LedgerSummary:
    """The figures of the 整改台账 for a period, as the dashboard and the quarterly workbook show them."""

    suggestions: int
    rectified: int  # suggestions of the period turned into a rectification
    by_status: dict[str, int]
    overdue: int
    published: int

    @property
    def done(self) -> int:
        return self.by_status.get(RectificationStatus.DONE.value, 0)


def summary(ledger: Ledger, period: Period | None, today: date) -> LedgerSummary:
    suggestions = list_suggestions(ledger, period)
    rows = list_rectifications(ledger, period)
    by_status = {status.value: 0 for status in RectificationStatus}
    for row in rows:
        by_status[row.status] = by_status.get(row.status, 0) + 1
    return LedgerSummary(
        suggestions=len(suggestions),
        rectified=sum(1 for s in suggestions if s.rectification_id is not None),
        by_status=by_status,
        overdue=sum(1 for row in rows if row.is_overdue(today)),
        published=sum(1 for row in rows if row.published_on is not None),
    )
