"""Importing meetings from Excel: one row per meeting, attendance as lists of names.

The attendance columns hold names separated by 、 or ，; a 请假 name may carry its reason in
brackets, 张三（外出培训）. Names are found in the roster; an unknown or shared name, a person in
two attendance columns, or a 党小组会 whose attendees belong to more than one 党小组 is a bad row
naming its column. A row with the date, kind and topic of a meeting already in the ledger
replaces that meeting's details and attendance (its attachments stay).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from desktop_app.domain.meetings import AttendanceStatus, MeetingKind
from desktop_app.services.importing.spec import (
    Column, ImportSpec, RowCells, RowError, RowErrors, choice, date_cell, text,
)
from desktop_app.services.meetings.commands import (
    MEETING_TOPIC, AttendanceEntry, MeetingData, validate_meeting, write_meeting_in,
)
from desktop_app.services.records.import_lookup import problems_to_errors
from desktop_app.store.models import Member
from desktop_app.store.models.meetings import Meeting

NAME_SEPARATORS = re.compile(r"[、，,;；\n]+")
WITH_REASON = re.compile(r"^(?P<name>[^（(]+?)\s*[（(](?P<reason>[^）)]*)[）)]\s*$")
ATTENDANCE_COLUMNS = (("present", "出席"), ("leave", "请假"), ("absent", "缺席"), ("guests", "列席"))

COLUMNS = (
    Column("date", "日期", date_cell(), required=True, aliases=("会议日期", "时间"), example="2025-09-26"),
    Column("kind", "类型", choice(MeetingKind), required=True, aliases=("会议类型", "类别"), example="支部党员大会",
           choices=tuple(MeetingKind.labels())),
    Column("topic", "主题", text(200), required=True, aliases=("会议主题", "议题"), example="学习贯彻全会精神"),
    Column("place", "地点", text(100), aliases=("会议地点",), example="三楼会议室"),
    Column("host", "主持人", text(50), example="王建国"),
    Column("recorder", "记录人", text(50), aliases=("讲课人",), example="李明", note="党课填讲课人"),
    Column("present", "出席", text(4000), aliases=("出席人员", "实到人员"), example="王建国、李明",
           note="姓名之间用顿号或逗号分隔"),
    Column("leave", "请假", text(4000), aliases=("请假人员",), example="张晓明（外出培训）",
           note="事由写在姓名后的括号里，如 张三（外出培训）"),
    Column("absent", "缺席", text(4000), aliases=("缺席人员",), example=""),
    Column("guests", "列席", text(4000), aliases=("列席人员",), example="", note="入党积极分子、发展对象等"),
    Column("minutes", "内容摘要", text(20000), aliases=("会议内容", "会议记录", "内容"), example="传达上级会议精神，讨论本学期工作"),
)

_PROBLEM_COLUMNS = {"日期": "date", "类型": "kind", "主题": "topic", "党小组": "present", "出席情况": "present",
                    "列席": "guests"}


def split_names(cell: str | None) -> list[tuple[str, str]]:
    """'张三（外出培训）、李四' → [('张三', '外出培训'), ('李四', '')]."""
    result = []
    for item in NAME_SEPARATORS.split(cell or ""):
        item = item.strip()
        if not item:
            continue
        found = WITH_REASON.match(item)
        result.append((found["name"].strip(), found["reason"].strip()) if found else (item, ""))
    return result


@dataclass
class MeetingImport:
    members: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    group_of: dict[int, str] = field(default_factory=dict)
    existing: dict[tuple, int] = field(default_factory=dict)  # (date, kind, topic) → id
    today: date = field(default_factory=date.today)

    def member(self, key: str, name: str) -> int:
        found = self.members.get(name, [])
        if not found:
            raise RowError(key, f"名册中没有名为“{name}”的人员")
        if len(found) > 1:
            raise RowError(key, f"名册中有{len(found)}人名为“{name}”，无法确定是谁，请在软件中录入这次会议")
        return found[0]


@dataclass(frozen=True)
class MeetingRecord:
    data: MeetingData

    def key(self) -> tuple:
        return (self.data.date, self.data.kind, self.data.topic.strip())

    def __str__(self) -> str:
        d = self.data
        group = f"（{d.party_group}）" if d.party_group else ""
        return f"{d.date} {MeetingKind.label_of(d.kind)}{group}“{d.topic}”，{len(d.attendance)} 人应到"


def load(session) -> MeetingImport:
    ctx = MeetingImport()
    for member_id, name, group in session.execute(select(Member.id, Member.name, Member.party_group)):
        ctx.members[name].append(member_id)
        ctx.group_of[member_id] = group or ""
    for meeting_id, day, kind, topic in session.execute(select(Meeting.id, Meeting.date, Meeting.kind, Meeting.topic)):
        ctx.existing[(day, kind, topic)] = meeting_id
    return ctx


def _people(cells: RowCells, ctx: MeetingImport, errors: list[RowError]) -> dict[str, list[tuple[int, str]]]:
    """Column key → [(member id, reason)], with each person in one column only."""
    listed: dict[str, list[tuple[int, str]]] = {}
    seen: dict[int, str] = {}
    for key, label in ATTENDANCE_COLUMNS:
        listed[key] = []
        for name, reason in split_names(cells.get(key)):
            if reason and key != "leave":
                name = f"{name}（{reason}）"  # only a 请假 carries a reason: the whole text is the name
            try:
                member_id = ctx.member(key, name)
            except RowError as exc:
                errors.append(exc)
                continue
            if member_id in seen:
                other = seen[member_id]
                where = "同一栏中出现了两次" if other == label else f"同时出现在“{other}”和“{label}”中"
                errors.append(RowError(key, f"“{name}”{where}"))
                continue
            seen[member_id] = label
            listed[key].append((member_id, reason))
    return listed


def build(cells: RowCells, ctx: MeetingImport) -> MeetingRecord:
    errors: list[RowError] = []
    data = MeetingData(kind=cells.get("kind"), date=cells.get("date"), place=cells.get("place"),
                       topic=cells.get("topic") or "", minutes=cells.get("minutes"))
    for attribute, key in (("host_id", "host"), ("recorder_id", "recorder")):
        if cells.get(key):
            try:
                setattr(data, attribute, ctx.member(key, cells.get(key)))
            except RowError as exc:
                errors.append(exc)
    listed = _people(cells, ctx, errors)
    statuses = {"present": AttendanceStatus.PRESENT, "leave": AttendanceStatus.LEAVE, "absent": AttendanceStatus.ABSENT}
    data.attendance = [AttendanceEntry(member_id, statuses[key].value, reason or None)
                       for key in statuses for member_id, reason in listed[key]]
    data.guest_ids = [member_id for member_id, _reason in listed["guests"]]
    if data.kind == MeetingKind.GROUP_MEETING.value:
        groups = sorted({ctx.group_of.get(e.member_id, "") for e in data.attendance} - {""})
        if len(groups) > 1:
            errors.append(RowError("present", f"党小组会的应到人员应属于同一党小组，这里有{'、'.join(groups)}的人员"))
        data.party_group = groups[0] if groups else None
    if not errors:
        errors = problems_to_errors(validate_meeting(data, ctx.today), _PROBLEM_COLUMNS)
    if errors:
        raise RowErrors(errors)
    return MeetingRecord(data)


def match(record: MeetingRecord, ctx: MeetingImport) -> int | None:
    return ctx.existing.get(record.key())


def write(session, record: MeetingRecord, existing: int | None, ctx: MeetingImport) -> None:
    write_meeting_in(session, record.data, existing)


SPEC = ImportSpec(
    kind="meetings", label="组织生活记录", columns=COLUMNS, topics=(MEETING_TOPIC,),
    load=load, build=build, match=match, write=write, identity=lambda record: [record.key()],
    describe=str, sheet_title="组织生活记录",
    notes=("每行一次会议；类型填 " + "、".join(MeetingKind.labels()) + "。",
           "出席、请假、缺席、列席各栏填姓名，用顿号或逗号分隔；请假事由写在姓名后的括号里，如 张三（外出培训）。",
           "出席、请假、缺席三栏合起来是应到人员；同一人只能出现在一栏中。党小组会的应到人员应属于同一党小组。",
           "姓名按党员名册匹配，名册中同名的人无法区分，这样的行会列为错误行。",
           "日期、类型和主题与已有记录相同时，导入会更新那次会议（出席情况以表格为准），不会重复添加。"),
)
