"""Saving and deleting meetings (with their attendance and attachments) and 谈心谈话, one transaction each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import delete, insert

from desktop_app.domain.meetings import AttendanceStatus, MeetingKind
from desktop_app.domain.problems import FieldProblem
from desktop_app.services import attachments
from desktop_app.services.attachments import NewAttachment
from desktop_app.services.errors import ValidationError
from desktop_app.services.records.writing import add_record, assign, delete_ids, record_or_gone
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.meetings import HeartToHeartTalk, Meeting, MeetingAttendance
from desktop_app.store.versions import touch

MEETING_TOPIC = Topic.MEETING
TALK_TOPIC = Topic.HEART_TO_HEART_TALK
OWNER_KIND = "meeting"  # attachments of a meeting
GUEST = "guest"  # 列席: stored beside the attendance statuses, never counted in 应到
MAX_TOPIC = 200


@dataclass
class AttendanceEntry:
    member_id: int
    status: str = AttendanceStatus.PRESENT.value
    reason: str | None = None  # 请假事由


@dataclass
class MeetingData:
    kind: str = MeetingKind.BRANCH_ASSEMBLY.value
    date: date | None = None
    start_time: time | None = None
    place: str | None = None
    topic: str = ""
    party_group: str | None = None
    host_id: int | None = None
    recorder_id: int | None = None
    agenda: str | None = None
    resolutions: str | None = None
    minutes: str | None = None
    attendance: list[AttendanceEntry] = field(default_factory=list)
    guest_ids: list[int] = field(default_factory=list)  # 列席
    new_attachments: list[NewAttachment] = field(default_factory=list)
    removed_attachment_ids: list[int] = field(default_factory=list)


@dataclass
class TalkData:
    date: date | None = None
    talker_id: int | None = None
    member_id: int | None = None
    place: str | None = None
    topic: str | None = None
    notes: str | None = None


def _date_problems(day: date | None, today: date | None) -> list[FieldProblem]:
    if day is None:
        return [FieldProblem("日期", "请填写日期")]
    if day > (today or date.today()):
        return [FieldProblem("日期", f"{day} 晚于今天")]
    return []


def validate_meeting(data: MeetingData, today: date | None = None) -> list[FieldProblem]:
    problems = _date_problems(data.date, today)
    try:
        kind = MeetingKind(data.kind)
    except ValueError:
        return problems + [FieldProblem("类型", f"没有“{data.kind}”这种会议")]
    topic = (data.topic or "").strip()
    if not topic:
        problems.append(FieldProblem("主题", "请填写会议主题"))
    elif len(topic) > MAX_TOPIC:
        problems.append(FieldProblem("主题", f"不能超过{MAX_TOPIC}个字"))
    if kind is MeetingKind.GROUP_MEETING and not (data.party_group or "").strip():
        problems.append(FieldProblem("党小组", "党小组会请选择党小组"))
    seen: set[int] = set()
    for entry in data.attendance:
        if entry.status not in AttendanceStatus._value2member_map_:
            problems.append(FieldProblem("出席情况", f"没有“{entry.status}”这种出席情况"))
        if entry.member_id in seen:
            problems.append(FieldProblem("出席情况", "同一人在名单中出现了两次"))
        seen.add(entry.member_id)
    if any(g in seen for g in data.guest_ids):
        problems.append(FieldProblem("列席", "列席人员不能同时在应到名单中"))
    return problems


def _meeting_values(data: MeetingData) -> dict:
    def text(value):
        return (value or "").strip() or None

    return dict(kind=data.kind, date=data.date, start_time=data.start_time, place=text(data.place),
                topic=data.topic.strip(), party_group=text(data.party_group) if data.kind == "group_meeting" else None,
                host_id=data.host_id, recorder_id=data.recorder_id, agenda=text(data.agenda),
                resolutions=text(data.resolutions), minutes=text(data.minutes))


def _attendance_rows(meeting_id: int, data: MeetingData) -> list[dict]:
    rows = [{"meeting_id": meeting_id, "member_id": e.member_id, "status": e.status,
             "reason": (e.reason or "").strip() or None if e.status == AttendanceStatus.LEAVE.value else None}
            for e in data.attendance]
    rows += [{"meeting_id": meeting_id, "member_id": g, "status": GUEST, "reason": None}
             for g in dict.fromkeys(data.guest_ids)]
    return rows


def _check(data: MeetingData) -> None:
    problems = validate_meeting(data)
    if problems:
        raise ValidationError(problems)


def write_meeting_in(session, data: MeetingData, meeting_id: int | None = None) -> int:
    """Insert (or replace) one checked meeting inside the caller's transaction; the importer uses it too."""
    values = _meeting_values(data)
    if meeting_id is None:
        meeting_id = add_record(session, Meeting, values)
    else:
        meeting = record_or_gone(session, Meeting, meeting_id, "会议记录")
        assign(meeting, values)
        touch(meeting)
        session.execute(delete(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id))
    rows = _attendance_rows(meeting_id, data)
    if rows:
        session.execute(insert(MeetingAttendance), rows)
    attachments.remove_in(session, OWNER_KIND, meeting_id, data.removed_attachment_ids)
    attachments.add_in(session, OWNER_KIND, meeting_id, data.new_attachments)
    return meeting_id


def add_meeting(ledger: Ledger, data: MeetingData) -> int:
    _check(data)
    with ledger.transaction(MEETING_TOPIC) as session:
        return write_meeting_in(session, data)


def update_meeting(ledger: Ledger, meeting_id: int, data: MeetingData) -> None:
    _check(data)
    with ledger.transaction(MEETING_TOPIC) as session:
        write_meeting_in(session, data, meeting_id)


def delete_meetings(ledger: Ledger, ids: list[int]) -> None:
    """The meetings, their attendance and their attachments, all or none."""
    with ledger.transaction(MEETING_TOPIC) as session:
        attachments.delete_for(session, OWNER_KIND, ids)
        delete_ids(session, Meeting, ids)


def validate_talk(data: TalkData, today: date | None = None) -> list[FieldProblem]:
    problems = _date_problems(data.date, today)
    if not data.talker_id:
        problems.append(FieldProblem("谈话人", "请选择谈话人"))
    if not data.member_id:
        problems.append(FieldProblem("谈话对象", "请选择谈话对象"))
    if data.talker_id and data.talker_id == data.member_id:
        problems.append(FieldProblem("谈话对象", "谈话人和谈话对象不能是同一人"))
    return problems


def _talk_values(data: TalkData) -> dict:
    problems = validate_talk(data)
    if problems:
        raise ValidationError(problems)
    return dict(date=data.date, talker_id=data.talker_id, member_id=data.member_id,
                place=(data.place or "").strip() or None, topic=(data.topic or "").strip() or None,
                notes=(data.notes or "").strip() or None)


def add_talk(ledger: Ledger, data: TalkData) -> int:
    values = _talk_values(data)
    with ledger.transaction(TALK_TOPIC) as session:
        return add_record(session, HeartToHeartTalk, values)


def update_talk(ledger: Ledger, talk_id: int, data: TalkData) -> None:
    values = _talk_values(data)
    with ledger.transaction(TALK_TOPIC) as session:
        assign(record_or_gone(session, HeartToHeartTalk, talk_id, "谈心谈话记录"), values)


def delete_talks(ledger: Ledger, ids: list[int]) -> None:
    with ledger.transaction(TALK_TOPIC) as session:
        delete_ids(session, HeartToHeartTalk, ids)
