"""Importing 发展党员 records: one row per person, a date column per step, as schools keep them.

An impossible order is a bad row naming the column of the step; a rule not kept imports and is
listed (in the preview's description and afterwards in the tab). A person with an open record
has it updated: filled cells replace, blank cells keep what is there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from desktop_app.domain.dates import parse_dates
from desktop_app.domain.development.rules import ImpossibleOrder, breaches
from desktop_app.domain.development.steps import Step
from desktop_app.services.development.commands import TOPICS, checked_data, store_development
from desktop_app.services.development.mapping import DevelopmentInput, PersonRef, input_of
from desktop_app.services.development.queries import working_calendar_from_holidays
from desktop_app.services.importing.classes import find_member
from desktop_app.services.importing.spec import (
    Column, ImportSpec, RowCells, RowError, date_cell, number, text, text_list,
)
from desktop_app.services.records.quota_settings import HOLIDAYS
from desktop_app.store.models import Member, Setting
from desktop_app.store.models.development import Development

STEP_COLUMNS: dict[Step, tuple[str, str]] = {  # step → (column key, header)
    Step.APPLY: ("apply", "申请入党日期"),
    Step.TALK: ("talk", "谈话日期"),
    Step.ACTIVIST: ("activist", "确定积极分子日期"),
    Step.TARGET: ("target", "确定发展对象日期"),
    Step.TRAINING: ("training", "集中培训日期"),
    Step.ASSEMBLY: ("assembly", "支部大会日期"),
    Step.APPROVAL: ("approval", "审批日期"),
    Step.OATH: ("oath", "入党宣誓日期"),
    Step.FULL_APPLY: ("full_apply", "转正申请日期"),
    Step.FULL_ASSEMBLY: ("full_assembly", "转正支部大会日期"),
    Step.FULL_APPROVAL: ("full_approval", "转正审批日期"),
}
_EXAMPLES = {Step.APPLY: "2024-03-01", Step.TALK: "2024-03-20", Step.ACTIVIST: "2024-05-10",
             Step.TARGET: "2025-05-15", Step.TRAINING: "2025-06-10"}
_PEOPLE_AFTER = {Step.ACTIVIST: ("contacts", "培养联系人", "王芳"),
                 Step.TARGET: ("introducers", "入党介绍人", "王芳、李强")}


def _columns() -> tuple[Column, ...]:
    columns = [Column("name", "姓名", text(50), required=True, example="刘洋", note="花名册中已有人员的姓名")]
    for step, (key, header) in STEP_COLUMNS.items():
        columns.append(Column(key, header, date_cell(), aliases=(step.label + "日期",),
                              example=_EXAMPLES.get(step, ""), note=f"步骤{step.numbered}"))
        if step in _PEOPLE_AFTER:
            people_key, people_header, example = _PEOPLE_AFTER[step]
            columns.append(Column(people_key, people_header, text_list(2), example=example,
                                  note="最多两人，用顿号分隔；应为正式党员"))
        if step == Step.TARGET:
            columns.append(Column("assessments", "考察日期", parse_dates, aliases=("培养考察日期",),
                                  example="2024-11-01、2025-05-06", note="每半年一次的书面考察，用顿号分隔"))
        if step == Step.TRAINING:
            columns.append(Column("training_hours", "集中培训学时", number(0, 999), example=24))
    columns.append(Column("notes", "备注", text(500)))
    return tuple(columns)


COLUMNS = _columns()
_COLUMN_OF_STEP = {step: key for step, (key, _header) in STEP_COLUMNS.items()}


@dataclass
class Lookup:
    members: dict[str, list[tuple[int, bool]]]
    open_records: dict[int, int]  # member id → its open record
    session: object
    calendar: object
    today: date


@dataclass(frozen=True)
class DevelopmentRecord:
    member_id: int
    name: str
    data: DevelopmentInput
    breaches: tuple[str, ...]

    def describe(self) -> str:
        steps = [s for s in self.data.dates]
        reached = max(steps).numbered if steps else "未填日期"
        listed = f"；{len(self.breaches)} 项不合规定，导入后列为问题" if self.breaches else ""
        return f"{self.name} · 已到{reached}{listed}"


def load(session) -> Lookup:
    members: dict[str, list[tuple[int, bool]]] = {}
    for member_id, name, active in session.execute(select(Member.id, Member.name, Member.active)):
        members.setdefault(name, []).append((member_id, active))
    opened = {member_id: record_id for member_id, record_id in session.execute(
        select(Development.member_id, Development.id).where(Development.closed_on.is_(None)))}
    holidays = session.get(Setting, HOLIDAYS)
    return Lookup(members, opened, session, working_calendar_from_holidays(holidays.value if holidays else []),
                  date.today())


def _people(names: list[str], lookup: Lookup) -> list[PersonRef]:
    refs = []
    for name in names:
        found = lookup.members.get(name, [])
        refs.append(PersonRef(name, found[0][0] if len(found) == 1 else None))
    return refs


def build(cells: RowCells, lookup: Lookup) -> DevelopmentRecord:
    name = cells.get("name")
    member_id = find_member(name, lookup.members, "name")
    existing = lookup.open_records.get(member_id)
    data = input_of(lookup.session.get(Development, existing)) if existing else DevelopmentInput(member_id=member_id)
    data = replace(data, dates=dict(data.dates))
    for step, (key, _header) in STEP_COLUMNS.items():
        if cells.get(key) is not None:
            data.dates[step] = cells.get(key)
    for key in ("contacts", "introducers"):
        if cells.get(key):
            setattr(data, key, _people(cells.get(key), lookup))
    if cells.get("assessments"):
        data.assessments = cells.get("assessments")
    if cells.get("training_hours") is not None:
        data.training_hours = cells.get("training_hours")
    if cells.get("notes"):
        data.notes = cells.get("notes")
    member = lookup.session.get(Member, member_id)
    try:
        domain = checked_data(lookup.session, member, data, lookup.today)
    except ImpossibleOrder as exc:
        raise RowError(_COLUMN_OF_STEP.get(exc.step, "name"), str(exc)) from None
    found = tuple(str(b) for b in breaches(domain, lookup.calendar, lookup.today))
    return DevelopmentRecord(member_id, name, data, found)


def match(record: DevelopmentRecord, lookup: Lookup) -> int | None:
    return lookup.open_records.get(record.member_id)


def write(session, record: DevelopmentRecord, existing: int | None, lookup: Lookup) -> None:
    target = session.get(Development, existing) if existing is not None else Development()
    store_development(session, target, session.get(Member, record.member_id), record.data, lookup.today)


SPEC = ImportSpec(
    kind="development", label="发展党员", columns=COLUMNS, topics=TOPICS,
    load=load, build=build, match=match, write=write,
    identity=lambda record: [record.member_id], describe=DevelopmentRecord.describe,
    sheet_title="发展党员",
    notes=("每人一行，各列为该步骤完成的日期；未到的步骤留空。",
           "日期顺序不可能的行（如谈话早于申请）不会导入，并指明行和列；",
           "不合规定但已发生的情况（如未满一年即列为发展对象）照样导入，并在“发展党员”页列为问题。"),
)
