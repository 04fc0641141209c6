"""Importing classes (班级): name, grade and head teacher (a member's name, found in the roster)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.school import ClassData, guess_grade, normalise_class_name, validate_class
from desktop_app.services.importing.spec import Column, ImportSpec, RowCells, RowError, RowErrors, text
from desktop_app.store.events import Topic
from desktop_app.store.models import Member, SchoolClass

COLUMNS = (
    Column("name", "班级", text(30), required=True, aliases=("班级名称", "班名"), example="高二(3)班"),
    Column("grade", "年级", text(20), example="高二"),
    Column("head_teacher", "班主任", text(50), aliases=("班主任姓名",), example="张晓明",
           note="填写花名册中已有人员的姓名"),
)


# 高二（3）班, 高二(3)班 and '高二 (3) 班' name the same class (other importers use this name)
class_key = normalise_class_name


@dataclass
class ClassLookup:
    classes: dict[str, int]  # class_key(name) → id
    members: dict[str, list[tuple[int, bool]]]  # name → [(id, active)]


@dataclass(frozen=True)
class ClassRecord:
    name: str
    grade: str | None
    head_teacher_id: int | None
    head_teacher_name: str | None = None

    def describe(self) -> str:
        teacher = f"班主任 {self.head_teacher_name}" if self.head_teacher_name else ""
        return " · ".join(p for p in (self.name, self.grade or "", teacher) if p)


def load(session) -> ClassLookup:
    lookup = ClassLookup({}, {})
    for school_class in session.scalars(select(SchoolClass)):
        lookup.classes[class_key(school_class.name)] = school_class.id
    for member_id, name, active in session.execute(select(Member.id, Member.name, Member.active)):
        lookup.members.setdefault(name, []).append((member_id, active))
    return lookup


def find_member(name: str, people: dict[str, list[tuple[int, bool]]], column: str) -> int:
    """The one member called `name` (preferring those still on the roll); RowError otherwise."""
    found = people.get(name, [])
    if len(found) > 1:
        found = [p for p in found if p[1]] or found
    if not found:
        raise RowError(column, f"花名册中没有“{name}”，请先在党员名册中添加或导入此人")
    if len(found) > 1:
        raise RowError(column, f"花名册中有 {len(found)} 位“{name}”，无法确定是哪一位，请在程序中手工选择")
    return found[0][0]


def build(cells: RowCells, lookup: ClassLookup) -> ClassRecord:
    name, grade = normalise_class_name(cells.get("name")), cells.get("grade")
    problems = validate_class(ClassData(name=name, grade=grade))
    if problems:
        raise RowErrors(RowError(p.field, p.message) for p in problems)
    teacher = cells.get("head_teacher")
    teacher_id = find_member(teacher, lookup.members, "head_teacher") if teacher else None
    return ClassRecord(name, grade, teacher_id, teacher)


def match(record: ClassRecord, lookup: ClassLookup) -> int | None:
    return lookup.classes.get(class_key(record.name))


def write(session, record: ClassRecord, existing: int | None, lookup: ClassLookup) -> None:
    if existing is not None:
        school_class = session.get(SchoolClass, existing)
        if record.grade:
            school_class.grade = record.grade
        if record.head_teacher_id:
            school_class.head_teacher_id = record.head_teacher_id
        return
    # identity() already refuses a class named twice in one file: no need to remember new ones
    grade = record.grade or guess_grade(record.name)
    session.add(SchoolClass(name=record.name, grade=grade, head_teacher_id=record.head_teacher_id))


SPEC = ImportSpec(
    kind="classes", label="班级", columns=COLUMNS, topics=(Topic.SCHOOL_CLASS,),
    load=load, build=build, match=match, write=write,
    identity=lambda record: [class_key(record.name)], describe=ClassRecord.describe,
    sheet_title="班级",
)
