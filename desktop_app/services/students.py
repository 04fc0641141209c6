"""Students (学生): listing by class, adding, editing, deleting, key-group flags."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.people import normalise_flags
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.school import StudentData, class_sort_key, validate_student
from desktop_app.domain.vocab import Gender, StudentFlag
from desktop_app.services.errors import InUse, NotFound, ValidationError
from desktop_app.services.records.writing import add_record
from desktop_app.services.references import blocking, references_to
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import SchoolClass, Student

TOPIC = Topic.STUDENT
_GONE = "该学生已不存在，可能已被删除。"
_TEXT_FIELDS = ("student_number", "gender", "guardian_name", "phone", "address")


@dataclass(frozen=True)
class StudentRow:
    id: int
    name: str
    class_id: int
    class_name: str
    grade: str
    student_number: str
    gender: str
    flags: tuple[str, ...]  # StudentFlag codes
    guardian_name: str
    phone: str
    address: str
    active: bool

    @property
    def gender_label(self) -> str:
        return Gender.label_of(self.gender)

    @property
    def flags_label(self) -> str:
        return "、".join(StudentFlag.label_of(f) for f in self.flags)


def list_students(ledger: Ledger, class_id: int | None = None) -> list[StudentRow]:
    """Students of one class (or all), in class then student-number then name order."""
    with ledger.reading() as session:
        query = select(Student, SchoolClass).join(SchoolClass, Student.class_id == SchoolClass.id)
        if class_id is not None:
            query = query.where(Student.class_id == class_id)
        rows = [
            StudentRow(
                id=s.id, name=s.name, class_id=c.id, class_name=c.name, grade=c.grade or "",
                student_number=s.student_number or "", gender=s.gender or "", flags=tuple(s.flags or ()),
                guardian_name=s.guardian_name or "", phone=s.phone or "", address=s.address or "",
                active=s.active,
            )
            for s, c in session.execute(query)
        ]
    return sorted(rows, key=lambda r: (class_sort_key(r.class_name, r.grade), r.student_number == "",
                                       r.student_number, r.name))


def get_student(ledger: Ledger, student_id: int) -> StudentData:
    with ledger.reading() as session:
        s = session.get(Student, student_id)
        if s is None:
            raise NotFound(_GONE)
        return StudentData(
            name=s.name, class_id=s.class_id, student_number=s.student_number, gender=s.gender,
            flags=list(s.flags or []), guardian_name=s.guardian_name, phone=s.phone,
            address=s.address, active=s.active,
        )


def _check(session, data: StudentData, student_id: int | None) -> dict:
    problems = validate_student(data)
    if data.class_id is not None and session.get(SchoolClass, data.class_id) is None:
        problems.append(FieldProblem("班级", "该班级已不存在，请重新选择"))
    number = (data.student_number or "").strip()
    if not problems and number:
        clash = session.scalar(select(Student.id).where(
            Student.class_id == data.class_id, Student.student_number == number))
        if clash is not None and clash != student_id:
            problems.append(FieldProblem("学号", f"本班已有学号为“{number}”的学生"))
    if problems:
        raise ValidationError(problems)
    values = {name: (getattr(data, name) or "").strip() or None for name in _TEXT_FIELDS}
    values.update(name=data.name.strip(), class_id=data.class_id, active=data.active,
                  flags=normalise_flags(list(data.flags)))
    return values


def add_student(ledger: Ledger, data: StudentData) -> int:
    with ledger.transaction(TOPIC) as session:
        return add_record(session, Student, _check(session, data, None))


def update_student(ledger: Ledger, student_id: int, data: StudentData) -> None:
    with ledger.transaction(TOPIC) as session:
        student = session.get(Student, student_id)
        if student is None:
            raise NotFound(_GONE)
        for name, value in _check(session, data, student_id).items():
            setattr(student, name, value)


def possible_duplicates(ledger: Ledger, data: StudentData, exclude_id: int | None = None) -> list[StudentRow]:
    """Students of the same class with the same name: probably the same child entered twice."""
    name = (data.name or "").strip()
    if data.class_id is None or not name:
        return []
    return [row for row in list_students(ledger, data.class_id) if row.name == name and row.id != exclude_id]


def delete_student(ledger: Ledger, student_id: int) -> None:
    """Delete a student unless records (e.g. home visits) refer to them."""
    refusing = blocking(references_to(ledger, Student.__tablename__, student_id))
    if refusing:
        listed = "、".join(str(r) for r in refusing)
        raise InUse(f"不能删除：还有{listed}引用该学生。可以改为“不在读”，保留历史记录。")
    with ledger.transaction(TOPIC) as session:
        student = session.get(Student, student_id)
        if student is None:
            raise NotFound(_GONE)
        session.delete(student)
