"""Small writes the record services and importers share, inside a caller's transaction."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.services.errors import NotFound


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
