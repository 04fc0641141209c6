"""Importing the grade offices' 家访记录 sheets.

A row updates the visit with the same date, visitor, kind and people visited (so a sheet
sent twice adds nothing twice); otherwise it adds one. Those existing visits are looked up
one month at a time as rows need them, so a ledger with years of visits stays quick.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from desktop_app.domain.calendar import Period
from desktop_app.domain.records import AssistanceKind, VisitKind
from desktop_app.services.importing.spec import (
    Column, ImportSpec, RowCells, RowError, RowErrors, choice, date_cell, text, text_list, yes_no,
)
from desktop_app.services.records.import_lookup import (
    BufferedInserter, MonthKeyCache, PeopleLookup, load_people, problems_to_errors,
)
from desktop_app.services.records.visits import VisitData, validate_visit
from desktop_app.services.records.writing import assign
from desktop_app.store.events import Topic
from desktop_app.store.models.records import Visit, VisitStudent


def assistance_cell(value: Any) -> list[str]:
    """'学习帮扶、生活' → codes; the word 帮扶 may be left out."""
    codes = []
    for item in text_list()(value):
        label = item if item.endswith("帮扶") else f"{item}帮扶"
        try:
            codes.append(AssistanceKind.from_label(label).value)
        except ValueError:
            raise ValueError(f"“{item}”不是可选项（可选：{'、'.join(AssistanceKind.labels())}）") from None
    return list(dict.fromkeys(codes))


COLUMNS = (
    Column("date", "日期", date_cell(), required=True, aliases=("家访日期", "访问日期", "时间"), example="2025-09-15"),
    Column("visitor", "访问人", text(50), required=True, aliases=("家访人", "家访教师", "访谈人"), example="张晓明"),
    Column("kind", "方式", choice(VisitKind), required=True, aliases=("家访方式", "访问方式", "类型"),
           example="电话家访", choices=tuple(VisitKind.labels())),
    Column("students", "学生", text_list(), aliases=("学生姓名", "家访学生", "受访学生"), example="李思远",
           note="电话家访、入户家访、访谈学生须填；多名学生用、分隔"),
    Column("class_name", "班级", text(30), aliases=("所在班级",), example="高二(3)班",
           note="学生所在班级；同名学生靠班级区分"),
    Column("interviewee", "受访对象", text(100), aliases=("访谈对象", "服务对象"), example="学生母亲",
           note="访谈教师时填受访教师姓名；其他方式可填家长、服务对象等"),
    Column("assistance", "帮扶类型", assistance_cell, aliases=("帮扶",), example="学习帮扶",
           note="可选：" + "、".join(AssistanceKind.labels()) + "，多项用、分隔"),
    Column("content", "主要内容", text(2000), aliases=("家访内容", "访谈内容", "内容"), example="交流月考成绩和作息安排"),
    Column("suggestions", "意见建议", text(2000), aliases=("意见和建议", "建议"), example=""),
    Column("follow_up_needed", "是否回访", yes_no(), aliases=("需要回访", "回访"), example="否", choices=("是", "否")),
)

_PROBLEM_COLUMNS = {"日期": "date", "访问人": "visitor", "方式": "kind", "学生": "students", "受访对象": "interviewee",
                    "受访教师": "interviewee", "帮扶类型": "assistance"}


@dataclass(frozen=True)
class VisitRecord:
    data: VisitData
    visitor_name: str
    visited: str = ""  # the students' or the teacher's names, as written

    def key(self) -> tuple:
        d = self.data
        return (d.date, d.visitor_id, d.kind, tuple(sorted(d.student_ids)), d.target_member_id,
                "" if d.target_member_id or d.student_ids else (d.interviewee or ""))

    def __str__(self) -> str:
        return f"{self.data.date} {self.visitor_name} {VisitKind.label_of(self.data.kind)} {self.visited}".strip()


def _month_keys(connection, period: Period) -> dict[tuple, int]:
    in_month = Visit.date.between(period.start, period.end)
    students: dict[int, list[int]] = defaultdict(list)
    for visit_id, student_id in connection.execute(
            select(VisitStudent.visit_id, VisitStudent.student_id)
            .join(Visit, Visit.id == VisitStudent.visit_id).where(in_month)):
        students[visit_id].append(student_id)
    keys = {}
    for vid, d, visitor, kind, target, interviewee in connection.execute(
            select(Visit.id, Visit.date, Visit.visitor_id, Visit.kind, Visit.target_member_id, Visit.interviewee)
            .where(in_month)):
        ids = tuple(sorted(students.get(vid, ())))
        keys[(d, visitor, kind, ids, target, "" if target or ids else (interviewee or ""))] = vid
    return keys


@dataclass
class VisitImport:
    people: PeopleLookup
    existing: MonthKeyCache
    new_rows: BufferedInserter  # visits and their students
    next_id: int  # new visits get their ids here, so visits and their students insert in batches


def load(session) -> VisitImport:
    last = session.scalar(select(func.max(Visit.id))) or 0
    return VisitImport(load_people(session), MonthKeyCache(session, _month_keys),
                       BufferedInserter(session, Visit.__table__, VisitStudent.__table__), next_id=last + 1)


def build(cells: RowCells, ctx: VisitImport) -> VisitRecord:
    people = ctx.people
    errors: list[RowError] = []
    visitor_name = cells.get("visitor")
    data = VisitData(date=cells.get("date"), kind=cells.get("kind"), content=cells.get("content"),
                     suggestions=cells.get("suggestions"), assistance=cells.get("assistance", []),
                     follow_up_needed=bool(cells.get("follow_up_needed", False)))
    for step in (
        lambda: setattr(data, "visitor_id", people.member("visitor", "访问人", visitor_name)),
        lambda: setattr(data, "class_id", people.class_id("class_name", cells.get("class_name"))
                        if cells.get("class_name") else None),
    ):
        try:
            step()
        except RowError as exc:
            errors.append(exc)
    kind = VisitKind(data.kind)
    names = cells.get("students", [])
    if names and not kind.takes_students:
        errors.append(RowError("students", f"{kind.label}不填学生"))
    elif not any(e.column == "class_name" for e in errors):
        for name in names:
            try:
                data.student_ids.append(people.student("students", name, data.class_id))
            except RowError as exc:
                errors.append(exc)
        if data.student_ids and data.class_id is None:
            data.class_id = people.student_class.get(data.student_ids[0])
    interviewee = cells.get("interviewee")
    if kind.takes_teacher and interviewee:
        try:
            data.target_member_id = people.member("interviewee", "受访对象", interviewee)
        except RowError as exc:
            errors.append(exc)
    else:
        data.interviewee = interviewee
    if not errors:
        errors = problems_to_errors(validate_visit(data, people.today), _PROBLEM_COLUMNS)
        errors += people.at_school("visitor", "访问人", data.visitor_id, data.date)
    if errors:
        raise RowErrors(errors)
    visited = "、".join(names) or interviewee or ""
    return VisitRecord(data, visitor_name, visited)


def match(record: VisitRecord, ctx: VisitImport) -> int | None:
    return ctx.existing.find(record.data.date, record.key())


def write(session, record: VisitRecord, existing: int | None, ctx: VisitImport) -> None:
    d = record.data
    values = {"date": d.date, "visitor_id": d.visitor_id, "kind": d.kind, "class_id": d.class_id,
              "target_member_id": d.target_member_id, "interviewee": d.interviewee, "topics": list(d.topics),
              "assistance": list(d.assistance), "content": d.content, "suggestions": d.suggestions,
              "follow_up_needed": d.follow_up_needed}
    if existing is None:
        visit_id, ctx.next_id = ctx.next_id, ctx.next_id + 1
        ctx.new_rows.add({"id": visit_id, **values},
                         visit_student=[{"visit_id": visit_id, "student_id": s} for s in dict.fromkeys(d.student_ids)])
    else:  # the people visited are part of the match: unchanged
        assign(session.get(Visit, existing), values)


SPEC = ImportSpec(
    kind="visits", label="家访记录", columns=COLUMNS, topics=(Topic.VISIT,),
    load=load, build=build, match=match, write=write, identity=lambda record: [record.key()],
    describe=str, sheet_title="家访记录",
    notes=("每行一次家访或访谈；访问人、受访教师按党员名册中的姓名匹配，学生按班级内的姓名匹配。",
           "名册中同名的人、班内同名的学生无法区分，这样的行会列为错误行，请在软件中逐条录入。",
           "同一日期、访问人、方式和访问对象的记录已存在时，导入会更新它而不会重复添加。"),
)
