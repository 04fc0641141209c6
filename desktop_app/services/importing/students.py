"""Importing students (学生): matched within their class by student number, else by name.

Student numbers are unique within a class (the students service's rule), not school-wide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from desktop_app.domain.school import StudentData, phone_problem, validate_student
from desktop_app.domain.vocab import Gender, StudentFlag
from desktop_app.services.importing.classes import class_key
from desktop_app.services.importing.spec import (
    Column, ImportSpec, RowCells, RowError, RowErrors, choice, choices, text,
)
from desktop_app.store.events import Topic
from desktop_app.store.models import SchoolClass, Student


def parents_phone(value) -> str:
    """Parents often give two numbers: 13800001111、0571-88886666 is accepted (the students rule)."""
    result = text()(value)
    reason = phone_problem(result)
    if reason:
        raise ValueError(reason)
    return result


COLUMNS = (
    Column("name", "姓名", text(50), required=True, aliases=("学生姓名",), example="李思远"),
    Column("class_name", "班级", text(30), required=True, aliases=("所在班级", "班级名称"), example="高二(3)班",
           note="须是已有的班级，可先导入班级"),
    Column("student_number", "学号", text(30), example="20230315"),
    Column("gender", "性别", choice(Gender), example="男", choices=tuple(Gender.labels())),
    Column("flags", "重点类别", choices(StudentFlag), aliases=("重点学生类别", "类别"), example="学习困难、留守儿童",
           note="多个用、或逗号分隔；可选：" + "、".join(StudentFlag.labels())),
    Column("guardian_name", "家长姓名", text(50), aliases=("监护人", "监护人姓名", "家长"), example="李建国"),
    Column("phone", "联系电话", parents_phone, aliases=("家长电话", "手机", "电话", "联系方式"), example="13900005678"),
    Column("address", "家庭住址", text(200), aliases=("住址", "地址", "家庭地址"), example="城关镇幸福路8号"),
)
_OPTIONAL = ("student_number", "gender", "flags", "guardian_name", "phone", "address")


@dataclass
class StudentLookup:
    classes: dict[str, int]  # class_key(name) → id
    by_number: dict[tuple[int, str], int | Student] = field(default_factory=dict)
    by_class_name: dict[tuple[int, str], list[tuple[int | Student, str | None]]] = field(default_factory=dict)
    objects: dict[int, Student] = field(default_factory=dict)  # keeps loaded rows in the session

    def add(self, key: int | Student, class_id: int, name: str, number: str | None) -> None:
        """Keyed by id, or during a commit by the new (unflushed) Student object."""
        if number:
            self.by_number[(class_id, number)] = key
        self.by_class_name.setdefault((class_id, name), []).append((key, number))


@dataclass(frozen=True)
class StudentRecord:
    name: str
    class_id: int
    values: dict  # the filled-in optional fields only
    class_name: str = ""

    def describe(self) -> str:
        number = self.values.get("student_number")
        flags = "、".join(StudentFlag.label_of(f) for f in self.values.get("flags", []))
        return " · ".join(p for p in (self.name, self.class_name, f"学号 {number}" if number else "", flags) if p)


def load(session) -> StudentLookup:
    classes = {class_key(name): class_id for class_id, name in session.execute(select(SchoolClass.id, SchoolClass.name))}
    lookup = StudentLookup(classes)
    for student in session.scalars(select(Student)):
        lookup.objects[student.id] = student
        lookup.add(student.id, student.class_id, student.name, student.student_number)
    return lookup


def build(cells: RowCells, lookup: StudentLookup) -> StudentRecord:
    class_name = cells.get("class_name")
    class_id = lookup.classes.get(class_key(class_name))
    if class_id is None:
        raise RowError("class_name", f"没有名为“{class_name}”的班级，请先添加或导入班级")
    values = {key: cells.get(key) for key in _OPTIONAL if cells.get(key) not in (None, [])}
    problems = validate_student(StudentData(name=cells.get("name"), class_id=class_id, **values))
    if problems:
        raise RowErrors(RowError(p.field, p.message) for p in problems)
    return StudentRecord(cells.get("name"), class_id, values, class_key(class_name))


def match(record: StudentRecord, lookup: StudentLookup) -> int | Student | None:
    number = record.values.get("student_number")
    if number and (record.class_id, number) in lookup.by_number:
        return lookup.by_number[(record.class_id, number)]
    for student_id, other_number in lookup.by_class_name.get((record.class_id, record.name), []):
        if not other_number or not number:
            return student_id
    return None


def write(session, record: StudentRecord, existing: int | Student | None, lookup: StudentLookup) -> None:
    if existing is None:
        student = Student(**{"flags": [], **record.values, "name": record.name, "class_id": record.class_id})
        session.add(student)
        key = student
    else:
        student = existing if isinstance(existing, Student) else lookup.objects.get(existing) or session.get(Student, existing)
        student.name, student.class_id = record.name, record.class_id
        for name, value in record.values.items():
            setattr(student, name, value)
        key = existing
    lookup.add(key, record.class_id, record.name, record.values.get("student_number"))


def identity(record: StudentRecord) -> list:
    number = record.values.get("student_number")
    return [("number", record.class_id, number)] if number else [("name", record.class_id, record.name)]


SPEC = ImportSpec(
    kind="students", label="学生", columns=COLUMNS, topics=(Topic.STUDENT,),
    load=load, build=build, match=match, write=write, identity=identity,
    describe=StudentRecord.describe, sheet_title="学生",
)
