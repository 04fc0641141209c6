"""Read-only lists of classes and students that record entry and import pick from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.store.ledger import Ledger
from desktop_app.store.models import SchoolClass, Student


GRADE_ORDER = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一", "高二", "高三")


def class_sort_key(name: str, grade: str | None = None) -> tuple:
    """高一 before 高二 before 高三 (plain text order would put 高三 before 高二); 高一(2)班 before 高一(10)班."""
    grade = grade or next((g for g in GRADE_ORDER if name.startswith(g)), "")
    rank = GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER)
    digits = "".join(ch if ch.isdigit() else " " for ch in name).split()
    return (rank, grade, int(digits[0]) if digits else 0, name)


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
        rows = session.execute(select(SchoolClass.id, SchoolClass.name, SchoolClass.head_teacher_id, SchoolClass.grade))
        ordered = sorted(rows, key=lambda row: class_sort_key(row[1], row[3]))
        return [ClassRef(cid, name, head) for cid, name, head, _grade in ordered]


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
