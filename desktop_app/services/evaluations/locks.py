"""Approval (审批锁定) of a semester's or a year's results, and the recorded unlocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from desktop_app.domain.calendar import SEMESTER_LABELS, parse_school_year
from desktop_app.services.errors import NotFound, UserError
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import AuditEntry
from desktop_app.store.models.evaluations import EvaluationLock

APPROVE_ACTION = "考核审批"
UNLOCK_ACTION = "解除考核锁定"


@dataclass(frozen=True)
class LockRow:
    id: int
    school_year: str
    semester: int | None  # None: the whole year
    approved_on: date
    meeting: str

    @property
    def scope_label(self) -> str:
        return f"{self.school_year}学年" + (SEMESTER_LABELS[self.semester] if self.semester else "全年")

    @property
    def label(self) -> str:
        return f"{self.scope_label}考核结果已于 {self.approved_on.isoformat()} 经{self.meeting}审批锁定"

    def covers(self, semester: int) -> bool:
        return self.semester is None or self.semester == semester


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    action: str
    subject: str
    reason: str


def _row(lock: EvaluationLock) -> LockRow:
    return LockRow(lock.id, lock.school_year, lock.semester, lock.approved_on, lock.meeting)


def locks_for(ledger: Ledger, school_year: str) -> list[LockRow]:
    with ledger.reading() as session:
        found = session.scalars(
            select(EvaluationLock).where(EvaluationLock.school_year == parse_school_year(school_year))
            .order_by(EvaluationLock.id)
        )
        return [_row(lock) for lock in found]


def semester_lock(ledger: Ledger, school_year: str, semester: int) -> LockRow | None:
    """The approval that covers this semester (its own or the year's), if any."""
    for lock in locks_for(ledger, school_year):
        if lock.covers(semester):
            return lock
    return None


def year_lock(ledger: Ledger, school_year: str) -> LockRow | None:
    """The year is approved when the year itself or both of its semesters are."""
    locks = locks_for(ledger, school_year)
    for lock in locks:
        if lock.semester is None:
            return lock
    if {1, 2} <= {lock.semester for lock in locks}:
        last = max(locks, key=lambda lock: lock.approved_on)
        return LockRow(last.id, last.school_year, None, last.approved_on, last.meeting)
    return None


def refuse_if_locked(ledger: Ledger, school_year: str, semester: int) -> None:
    lock = semester_lock(ledger, school_year, semester)
    if lock is not None:
        raise UserError(_locked(lock))


def _locked(lock: LockRow) -> str:
    return f"{lock.label}，不能修改。如确需修改，请先解除锁定并说明原因。"


def refuse_if_locked_in(session, school_year: str, semester: int) -> None:
    """The same refusal inside a write transaction. On PostgreSQL it first waits for an approval
    under way (which holds evaluation_lock until it commits) rather than write beside it."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f'LOCK TABLE "{EvaluationLock.__tablename__}" IN SHARE MODE')
    for lock in session.scalars(select(EvaluationLock).where(EvaluationLock.school_year == school_year)):
        row = _row(lock)
        if row.covers(semester):
            raise UserError(_locked(row))


def audit_entries(ledger: Ledger) -> list[AuditRow]:
    """Approvals and unlocks of evaluation results, newest first."""
    with ledger.reading() as session:
        found = session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_((APPROVE_ACTION, UNLOCK_ACTION)))
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        )
        return [AuditRow(e.at, e.action, e.subject, e.reason or "") for e in found]


def get_lock(ledger: Ledger, lock_id: int) -> LockRow:
    with ledger.reading() as session:
        lock = session.get(EvaluationLock, lock_id)
        if lock is None:
            raise NotFound("该审批记录已不存在。")
        return _row(lock)
