"""请假 periods: a member's leave (产假, 外出培训 …), listed, added, edited and deleted.

A leave is part of the member's record: writing one announces the member topic, so every
figure built on members (quotas, evaluations) refreshes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select

from desktop_app.domain.calendar import Period
from desktop_app.domain.presence import LeaveData, LeaveKind, validate_leave
from desktop_app.services.errors import NotFound, ValidationError
from desktop_app.services.records.writing import assign, delete_ids, record_or_gone
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member, MemberLeave

TOPIC = Topic.MEMBER


@dataclass(frozen=True)
class LeaveRow:
    id: int
    member_id: int
    kind: str
    start_date: date
    end_date: date
    reason: str

    @property
    def kind_label(self) -> str:
        return LeaveKind.label_of(self.kind)

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1


def list_leaves(ledger: Ledger, member_id: int) -> list[LeaveRow]:
    with ledger.reading() as session:
        leaves = session.scalars(select(MemberLeave).where(MemberLeave.member_id == member_id)
                                 .order_by(MemberLeave.start_date, MemberLeave.id))
        return [LeaveRow(l.id, l.member_id, l.kind, l.start_date, l.end_date, l.reason or "") for l in leaves]


def leave_periods(session, period: Period) -> dict[int, tuple[Period, ...]]:
    """Member id → the leaves that touch the period (for the quotas)."""
    found: dict[int, list[Period]] = defaultdict(list)
    for member_id, kind, start, end in session.execute(
            select(MemberLeave.member_id, MemberLeave.kind, MemberLeave.start_date, MemberLeave.end_date)
            .where(MemberLeave.start_date <= period.end, MemberLeave.end_date >= period.start)
            .order_by(MemberLeave.start_date)):
        found[member_id].append(Period(start, end, LeaveKind.label_of(kind)))
    return {member_id: tuple(leaves) for member_id, leaves in found.items()}


def _checked(session, data: LeaveData) -> dict:
    member = session.get(Member, data.member_id) if data.member_id else None
    if data.member_id and member is None:
        raise NotFound("该人员已不存在，可能已被删除。")
    problems = validate_leave(data, member.school_start_date if member else None, member.left_date if member else None)
    if problems:
        raise ValidationError(problems)
    values = asdict(data)
    values["reason"] = (data.reason or "").strip() or None
    return values


def add_leave(ledger: Ledger, data: LeaveData) -> int:
    with ledger.transaction(TOPIC) as session:
        leave = MemberLeave(**_checked(session, data))
        session.add(leave)
        session.flush()
        return leave.id


def update_leave(ledger: Ledger, leave_id: int, data: LeaveData) -> None:
    with ledger.transaction(TOPIC) as session:
        assign(record_or_gone(session, MemberLeave, leave_id, "请假记录"), _checked(session, data))


def delete_leaves(ledger: Ledger, ids: list[int]) -> None:
    with ledger.transaction(TOPIC) as session:
        delete_ids(session, MemberLeave, ids)
