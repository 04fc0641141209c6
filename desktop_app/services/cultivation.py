"""双培双促进 cultivation plans: listing, adding, editing, deleting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from desktop_app.domain.cultivation import CultivationData, validate_cultivation
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import CultivationKind
from desktop_app.services.errors import NotFound, ValidationError
from desktop_app.services.records.writing import add_record
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Cultivation, Member

TOPIC = Topic.CULTIVATION
_GONE = "该培养计划已不存在，可能已被删除。"
_TEXT_FIELDS = ("target", "stage", "notes")


@dataclass(frozen=True)
class CultivationRow:
    id: int
    kind: str  # CultivationKind code
    member_id: int
    member_name: str
    member_active: bool
    mentor_id: int | None
    mentor_name: str
    target: str
    start_date: date | None
    stage: str
    notes: str

    @property
    def kind_label(self) -> str:
        return CultivationKind.label_of(self.kind)


def list_cultivations(ledger: Ledger, member_id: int | None = None) -> list[CultivationRow]:
    """Plans (of one person, or all), newest start first."""
    mentor = aliased(Member)
    with ledger.reading() as session:
        query = (select(Cultivation, Member, mentor.name)
                 .join(Member, Cultivation.member_id == Member.id)
                 .outerjoin(mentor, Cultivation.mentor_id == mentor.id))
        if member_id is not None:
            query = query.where(Cultivation.member_id == member_id)
        rows = [
            CultivationRow(
                id=c.id, kind=c.kind, member_id=m.id, member_name=m.name, member_active=m.active,
                mentor_id=c.mentor_id, mentor_name=mentor_name or "", target=c.target or "",
                start_date=c.start_date, stage=c.stage or "", notes=c.notes or "",
            )
            for c, m, mentor_name in session.execute(query)
        ]
    return sorted(rows, key=lambda r: (r.start_date or date.min, r.id), reverse=True)


def get_cultivation(ledger: Ledger, plan_id: int) -> CultivationData:
    with ledger.reading() as session:
        c = session.get(Cultivation, plan_id)
        if c is None:
            raise NotFound(_GONE)
        return CultivationData(kind=c.kind, member_id=c.member_id, mentor_id=c.mentor_id, target=c.target,
                               start_date=c.start_date, stage=c.stage, notes=c.notes)


def _check(session, data: CultivationData) -> dict:
    problems = validate_cultivation(data)
    for label, member_id in (("培养对象", data.member_id), ("帮扶人", data.mentor_id)):
        if member_id is not None and session.get(Member, member_id) is None:
            problems.append(FieldProblem(label, "该人员已不存在，请重新选择"))
    if problems:
        raise ValidationError(problems)
    values = {name: (getattr(data, name) or "").strip() or None for name in _TEXT_FIELDS}
    values.update(kind=data.kind, member_id=data.member_id, mentor_id=data.mentor_id, start_date=data.start_date)
    return values


def add_cultivation(ledger: Ledger, data: CultivationData) -> int:
    with ledger.transaction(TOPIC) as session:
        return add_record(session, Cultivation, _check(session, data))


def update_cultivation(ledger: Ledger, plan_id: int, data: CultivationData) -> None:
    with ledger.transaction(TOPIC) as session:
        plan = session.get(Cultivation, plan_id)
        if plan is None:
            raise NotFound(_GONE)
        for name, value in _check(session, data).items():
            setattr(plan, name, value)


def delete_cultivation(ledger: Ledger, plan_id: int) -> None:
    with ledger.transaction(TOPIC) as session:
        plan = session.get(Cultivation, plan_id)
        if plan is None:
            raise NotFound(_GONE)
        session.delete(plan)
