"""Classes (班级): listing with student counts, adding, editing, deleting."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.school import ClassData, class_sort_key, guess_grade, normalise_class_name, validate_class
from desktop_app.services.errors import InUse, NotFound, ValidationError
from desktop_app.services.references import blocking, references_to
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member, SchoolClass, Student

TOPIC = Topic.SCHOOL_CLASS
_GONE = "该班级已不存在，可能已被删除。"


@dataclass(frozen=True)
class ClassRow:
    id: int
    name: str
    grade: str
    head_teacher_id: int | None
    head_teacher_name: str
    student_count: int


def list_classes(ledger: Ledger) -> list[ClassRow]:
    """Every class with its head teacher's name and how many students it has, by grade then name."""
    with ledger.reading() as session:
        counts = dict(session.execute(select(Student.class_id, func.count()).group_by(Student.class_id)).all())
        query = (select(SchoolClass, Member.name)
                 .outerjoin(Member, SchoolClass.head_teacher_id == Member.id))
        rows = [
            ClassRow(id=c.id, name=c.name, grade=c.grade or "", head_teacher_id=c.head_teacher_id,
                     head_teacher_name=teacher or "", student_count=counts.get(c.id, 0))
            for c, teacher in session.execute(query)
        ]
    return sorted(rows, key=lambda r: class_sort_key(r.name, r.grade))


def classes_by_name(ledger: Ledger) -> dict[str, ClassRow]:
    """Normalised class name → class, for importers matching 高二（3）班 to 高二(3)班."""
    return {normalise_class_name(row.name): row for row in list_classes(ledger)}


def get_class(ledger: Ledger, class_id: int) -> ClassData:
    with ledger.reading() as session:
        found = session.get(SchoolClass, class_id)
        if found is None:
            raise NotFound(_GONE)
        return ClassData(name=found.name, grade=found.grade, head_teacher_id=found.head_teacher_id)


def _check(session, data: ClassData, class_id: int | None) -> ClassData:
    problems = validate_class(data)
    name = normalise_class_name(data.name)
    if not problems:
        clash = session.scalar(select(SchoolClass.id).where(SchoolClass.name == name))
        if clash is not None and clash != class_id:
            problems.append(FieldProblem("班级", f"已有名为“{name}”的班级"))
    if data.head_teacher_id is not None and session.get(Member, data.head_teacher_id) is None:
        problems.append(FieldProblem("班主任", "该人员已不存在，请重新选择"))
    if problems:
        raise ValidationError(problems)
    grade = (data.grade or "").strip() or guess_grade(name)
    return ClassData(name=name, grade=grade, head_teacher_id=data.head_teacher_id)


def add_class(ledger: Ledger, data: ClassData) -> int:
    with ledger.transaction(TOPIC) as session:
        cleaned = _check(session, data, None)
        school_class = SchoolClass(name=cleaned.name, grade=cleaned.grade, head_teacher_id=cleaned.head_teacher_id)
        session.add(school_class)
        session.flush()
        return school_class.id


def update_class(ledger: Ledger, class_id: int, data: ClassData) -> None:
    with ledger.transaction(TOPIC) as session:
        school_class = session.get(SchoolClass, class_id)
        if school_class is None:
            raise NotFound(_GONE)
        cleaned = _check(session, data, class_id)
        school_class.name, school_class.grade = cleaned.name, cleaned.grade
        school_class.head_teacher_id = cleaned.head_teacher_id


def delete_class(ledger: Ledger, class_id: int, *, with_students: bool = False) -> int:
    """Delete a class; refuses (InUse) while it has students unless `with_students`.

    Returns how many students were deleted with it. Records of other kinds that refer to the
    class or its students (and would not be cleared with them) refuse the delete.
    """
    _refuse_if_referred(ledger, class_id)
    with ledger.transaction(TOPIC, Topic.STUDENT) as session:
        school_class = session.get(SchoolClass, class_id)
        if school_class is None:
            raise NotFound(_GONE)
        count = session.scalar(select(func.count()).select_from(Student).where(Student.class_id == class_id))
        if count and not with_students:
            raise InUse(f"“{school_class.name}”还有{count}名学生，不能直接删除。")
        if count:
            session.execute(delete(Student).where(Student.class_id == class_id))
        session.delete(school_class)
        return count


def _refuse_if_referred(ledger: Ledger, class_id: int) -> None:
    refusing = [r for r in blocking(references_to(ledger, SchoolClass.__tablename__, class_id))
                if r.table != Student.__tablename__]
    with ledger.reading() as session:
        student_ids = session.scalars(select(Student.id).where(Student.class_id == class_id)).all()
    for student_id in student_ids:
        refusing += blocking(references_to(ledger, Student.__tablename__, student_id))
    if refusing:
        listed = "、".join(str(r) for r in refusing)
        raise InUse(f"不能删除：还有{listed}引用该班级或其学生。")
