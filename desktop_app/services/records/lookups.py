"""Read-only lists of classes and students that record entry and import pick from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.store.ledger import Ledger
from desktop_app.store.models import SchoolClass, Student


@dataclass(frozen=True)
class ClassRef:
    id: int
    name: str
    head_teacher_id: int | None


@dataclass(frozen=True)
class StudentRef:
    id: int
    name: str
    class_id: int


def list_classes(ledger: Ledger) -> list[ClassRef]:
    with ledger.reading() as session:
        rows = session.execute(select(SchoolClass.id, SchoolClass.name, SchoolClass.head_teacher_id)
                               .order_by(SchoolClass.grade, SchoolClass.name))
        return [ClassRef(*row) for row in rows]


def students_of_class(ledger: Ledger, class_id: int, *, include_inactive: bool = False) -> list[StudentRef]:
    with ledger.reading() as session:
        query = select(Student.id, Student.name, Student.class_id).where(Student.class_id == class_id)
        if not include_inactive:
            query = query.where(Student.active.is_(True))
        return [StudentRef(*row) for row in session.execute(query.order_by(Student.student_number, Student.name))]


def all_students(ledger: Ledger) -> list[StudentRef]:
    with ledger.reading() as session:
        rows = session.execute(select(Student.id, Student.name, Student.class_id).where(Student.active.is_(True)))
        return [StudentRef(*row) for row in rows]
