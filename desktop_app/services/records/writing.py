"""Small writes the record services and importers share, inside a caller's transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop_app.domain.presence import outside_school_time
from desktop_app.domain.problems import FieldProblem
from desktop_app.services.errors import NotFound, ValidationError
from desktop_app.store.models import Member


def add_record(session, model, values: dict) -> int:
    """Add a record of `model` with `values`; its new id."""
    record = model(**values)
    session.add(record)
    session.flush()
    return record.id


def record_or_gone(session, model, record_id: int, noun: str):
    """The ORM record to edit; NotFound when someone deleted it meanwhile."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(f"该{noun}已不存在，可能已被删除。")
    return record


def assign(record, values: dict) -> None:
    """Copy `values` onto an ORM record (an edit, or an imported row that matched an existing one)."""
    for name, value in values.items():
        setattr(record, name, value)


def delete_ids(session, model, ids: list[int]) -> None:
    """Delete through the ORM, so relationship cascades (a visit's students) run."""
    for record in session.scalars(select(model).where(model.id.in_(ids))):
        session.delete(record)


def refuse_outside_school_time(session, day: date | None, people: list[tuple[str, int | None]]) -> None:
    """ValidationError when the record's day is before a person's 入校日期 or after their 离开日期;
    `people` are (field label, member id), e.g. ("听课人", 3)."""
    if day is None:
        return
    problems = []
    for label, member_id in people:
        member = session.get(Member, member_id) if member_id else None
        reason = member and outside_school_time(label, member.name, day, member.school_start_date, member.left_date)
        if reason:
            problems.append(FieldProblem(label, reason))
    if problems:
        raise ValidationError(problems)
