"""Importing the grade offices' 听课记录 sheets.

A row updates the observation with the same date, observer, teacher and 节次; otherwise it adds
one. Existing observations are looked up one month at a time as rows need them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.calendar import Period
from desktop_app.domain.records import LessonType, Rating, SixLook
from desktop_app.services.importing.spec import (
    Column, ImportSpec, RowCells, RowError, RowErrors, choice, date_cell, integer, text,
)
from desktop_app.services.records.import_lookup import (
    BufferedInserter, MonthKeyCache, PeopleLookup, load_people, problems_to_errors,
)
from desktop_app.services.records.observations import MAX_LESSON_NO, ObservationData, validate_observation
from desktop_app.services.records.writing import assign
from desktop_app.store.events import Topic
from desktop_app.store.models.records import Observation

COLUMNS = (
    Column("date", "日期", date_cell(), required=True, aliases=("听课日期", "时间"), example="2025-09-15"),
    Column("observer", "听课人", text(50), required=True, aliases=("听课教师", "听课领导"), example="王建国"),
    Column("teacher", "授课教师", text(50), required=True, aliases=("授课人", "执教教师", "执教"), example="张晓明"),
    Column("lesson_no", "节次", integer(1, MAX_LESSON_NO), aliases=("第几节",), example=2),
    Column("class_name", "班级", text(30), aliases=("授课班级",), example="高二(3)班"),
    Column("subject", "学科", text(30), aliases=("科目",), example="数学"),
    Column("lesson_type", "课型", choice(LessonType), aliases=("课的类型",), example="推门课",
           choices=tuple(LessonType.labels()), note="不填按推门课计"),
    *(Column(look.value, look.label, choice(Rating), example="优", choices=tuple(Rating.labels()))
      for look in SixLook),
    Column("comment", "评语", text(2000), aliases=("总体评价", "评价"), example="重点突出，学生参与度高"),
    Column("suggestions", "建议", text(2000), aliases=("意见建议", "改进建议"), example=""),
)

_PROBLEM_COLUMNS = {"日期": "date", "听课人": "observer", "授课教师": "teacher", "节次": "lesson_no", "课型": "lesson_type"}


@dataclass(frozen=True)
class ObservationRecord:
    data: ObservationData
    observer_name: str
    teacher_name: str

    def key(self) -> tuple:
        d = self.data
        return (d.date, d.observer_id, d.teacher_id, d.lesson_no)

    def __str__(self) -> str:
        return f"{self.data.date} {self.observer_name}听{self.teacher_name}的课"


def _month_keys(connection, period: Period) -> dict[tuple, int]:
    rows = connection.execute(
        select(Observation.id, Observation.date, Observation.observer_id, Observation.teacher_id,
               Observation.lesson_no).where(Observation.date.between(period.start, period.end)))
    return {tuple(row[1:]): row[0] for row in rows}


@dataclass
class ObservationImport:
    people: PeopleLookup
    existing: MonthKeyCache
    new_rows: BufferedInserter


def load(session) -> ObservationImport:
    return ObservationImport(load_people(session), MonthKeyCache(session, _month_keys),
                             BufferedInserter(session, Observation.__table__))


def build(cells: RowCells, ctx: ObservationImport) -> ObservationRecord:
    people = ctx.people
    errors: list[RowError] = []
    data = ObservationData(
        date=cells.get("date"), lesson_no=cells.get("lesson_no"), subject=cells.get("subject"),
        lesson_type=cells.get("lesson_type") or LessonType.DROP_IN.value,
        ratings={look.value: cells.get(look.value) for look in SixLook if cells.get(look.value)},
        comment=cells.get("comment"), suggestions=cells.get("suggestions"),
    )
    for attribute, key, label in (("observer_id", "observer", "听课人"), ("teacher_id", "teacher", "授课教师")):
        try:
            setattr(data, attribute, people.member(key, label, cells.get(key)))
        except RowError as exc:
            errors.append(exc)
    if cells.get("class_name"):
        try:
            data.class_id = people.class_id("class_name", cells.get("class_name"))
        except RowError as exc:
            errors.append(exc)
    if not errors:
        errors = problems_to_errors(validate_observation(data, people.today), _PROBLEM_COLUMNS)
        errors += people.at_school("observer", "听课人", data.observer_id, data.date)
        errors += people.at_school("teacher", "授课教师", data.teacher_id, data.date)
    if errors:
        raise RowErrors(errors)
    return ObservationRecord(data, cells.get("observer"), cells.get("teacher"))


def match(record: ObservationRecord, ctx: ObservationImport) -> int | None:
    return ctx.existing.find(record.data.date, record.key())


def write(session, record: ObservationRecord, existing: int | None, ctx: ObservationImport) -> None:
    d = record.data
    values = {"date": d.date, "observer_id": d.observer_id, "teacher_id": d.teacher_id, "lesson_no": d.lesson_no,
              "class_id": d.class_id, "subject": d.subject, "lesson_type": d.lesson_type, "ratings": dict(d.ratings),
              "comment": d.comment, "suggestions": d.suggestions}
    if existing is None:
        ctx.new_rows.add(values)
    else:
        assign(session.get(Observation, existing), values)


SPEC = ImportSpec(
    kind="observations", label="听课记录", columns=COLUMNS, topics=(Topic.OBSERVATION,),
    load=load, build=build, match=match, write=write, identity=lambda record: [record.key()],
    describe=str, sheet_title="听课记录",
    notes=("每行一节课；听课人、授课教师按党员名册中的姓名匹配，名册中同名的人无法区分，这样的行会列为错误行。",
           "六看各项填 优、良、中 或 差，可留空。",
           "同一日期、听课人、授课教师和节次的记录已存在时，导入会更新它而不会重复添加。"),
)
