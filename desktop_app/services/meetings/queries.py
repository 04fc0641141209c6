"""Reading meetings and 谈心谈话: lists for the tab (filtered by period in SQL) and one record to edit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import aliased

from desktop_app.domain.calendar import Period
from desktop_app.domain.meetings import AttendanceTally, MeetingKind, tally
from desktop_app.services import attachments
from desktop_app.services.meetings.commands import GUEST, OWNER_KIND, AttendanceEntry, MeetingData, TalkData
from desktop_app.services.records.writing import record_or_gone
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.meetings import HeartToHeartTalk, Meeting, MeetingAttendance


@dataclass(frozen=True)
class MeetingRow:
    id: int
    kind: str
    date: date
    start_time: time | None
    place: str
    topic: str
    party_group: str
    host_name: str
    recorder_name: str
    counts: AttendanceTally
    guests: int
    attachment_count: int
    attachment_bytes: int

    @property
    def kind_label(self) -> str:
        return MeetingKind.label_of(self.kind)

    @property
    def kind_and_group(self) -> str:
        return f"{self.kind_label}（{self.party_group}）" if self.party_group else self.kind_label

    @property
    def attachments_label(self) -> str:
        if not self.attachment_count:
            return ""
        return f"{self.attachment_count} 个，{attachments.size_label(self.attachment_bytes)}"


@dataclass(frozen=True)
class TalkRow:
    id: int
    date: date
    talker_id: int
    talker_name: str
    member_id: int
    member_name: str
    place: str
    topic: str
    notes: str


@dataclass(frozen=True)
class AttendanceLine:
    """One person's line in a meeting's record (for the minutes and the dialog)."""

    member_id: int
    name: str
    party_group: str
    status: str
    reason: str


def list_meetings(ledger: Ledger, period: Period | None, *, kind: str | None = None,
                  member_id: int | None = None) -> list[MeetingRow]:
    """Meetings in the period (None: all), newest first; member_id: those where the person was on the roster."""
    host, recorder = aliased(Member), aliased(Member)
    conditions = []
    if period is not None:
        conditions.append(Meeting.date.between(period.start, period.end))
    if kind:
        conditions.append(Meeting.kind == kind)
    if member_id is not None:
        conditions.append(Meeting.id.in_(select(MeetingAttendance.meeting_id)
                                         .where(MeetingAttendance.member_id == member_id)))
    query = (select(Meeting.id, Meeting.kind, Meeting.date, Meeting.start_time, Meeting.place, Meeting.topic,
                    Meeting.party_group, host.name, recorder.name)
             .outerjoin(host, host.id == Meeting.host_id).outerjoin(recorder, recorder.id == Meeting.recorder_id)
             .where(*conditions).order_by(Meeting.date.desc(), Meeting.id.desc()))
    statuses: dict[int, list[str]] = defaultdict(list)
    with ledger.reading() as session:
        rows = session.execute(query).all()
        linked = (select(MeetingAttendance.meeting_id, MeetingAttendance.status)
                  .join(Meeting, Meeting.id == MeetingAttendance.meeting_id).where(*conditions))
        for meeting_id, status in session.execute(linked):
            statuses[meeting_id].append(status)
    files = attachments.totals(ledger, OWNER_KIND, [r[0] for r in rows])
    result = []
    for mid, kind_code, day, start, place, topic, group, host_name, recorder_name in rows:
        listed = statuses.get(mid, [])
        count, size = files.get(mid, (0, 0))
        result.append(MeetingRow(
            id=mid, kind=kind_code, date=day, start_time=start, place=place or "", topic=topic,
            party_group=group or "", host_name=host_name or "", recorder_name=recorder_name or "",
            counts=tally(s for s in listed if s != GUEST), guests=listed.count(GUEST),
            attachment_count=count, attachment_bytes=size,
        ))
    return result


def get_meeting(ledger: Ledger, meeting_id: int) -> MeetingData:
    with ledger.reading() as session:
        m = record_or_gone(session, Meeting, meeting_id, "会议记录")
        rows = session.execute(select(MeetingAttendance.member_id, MeetingAttendance.status, MeetingAttendance.reason)
                               .join(Member, Member.id == MeetingAttendance.member_id)
                               .where(MeetingAttendance.meeting_id == meeting_id)
                               .order_by(Member.party_group, Member.name)).all()
        return MeetingData(
            kind=m.kind, date=m.date, start_time=m.start_time, place=m.place, topic=m.topic,
            party_group=m.party_group, host_id=m.host_id, recorder_id=m.recorder_id, agenda=m.agenda,
            resolutions=m.resolutions, minutes=m.minutes,
            attendance=[AttendanceEntry(i, s, r) for i, s, r in rows if s != GUEST],
            guest_ids=[i for i, s, _r in rows if s == GUEST],
        )


def attendance_lines(ledger: Ledger, meeting_id: int) -> list[AttendanceLine]:
    """Everyone listed at the meeting, guests included, by group and name."""
    query = (select(MeetingAttendance.member_id, Member.name, Member.party_group, MeetingAttendance.status,
                    MeetingAttendance.reason)
             .join(Member, Member.id == MeetingAttendance.member_id)
             .where(MeetingAttendance.meeting_id == meeting_id).order_by(Member.party_group, Member.name))
    with ledger.reading() as session:
        return [AttendanceLine(i, n, g or "", s, r or "") for i, n, g, s, r in session.execute(query)]


def list_talks(ledger: Ledger, period: Period | None, *, member_id: int | None = None) -> list[TalkRow]:
    talker, member = aliased(Member), aliased(Member)
    conditions = []
    if period is not None:
        conditions.append(HeartToHeartTalk.date.between(period.start, period.end))
    if member_id is not None:
        conditions.append((HeartToHeartTalk.talker_id == member_id) | (HeartToHeartTalk.member_id == member_id))
    query = (select(HeartToHeartTalk.id, HeartToHeartTalk.date, HeartToHeartTalk.talker_id, talker.name,
                    HeartToHeartTalk.member_id, member.name, HeartToHeartTalk.place, HeartToHeartTalk.topic,
                    HeartToHeartTalk.notes)
             .join(talker, talker.id == HeartToHeartTalk.talker_id)
             .join(member, member.id == HeartToHeartTalk.member_id)
             .where(*conditions).order_by(HeartToHeartTalk.date.desc(), HeartToHeartTalk.id.desc()))
    with ledger.reading() as session:
        return [TalkRow(i, d, ti, tn, mi, mn, p or "", t or "", n or "") for i, d, ti, tn, mi, mn, p, t, n
                in session.execute(query)]


def get_talk(ledger: Ledger, talk_id: int) -> TalkData:
    with ledger.reading() as session:
        t = record_or_gone(session, HeartToHeartTalk, talk_id, "谈心谈话记录")
        return TalkData(date=t.date, talker_id=t.talker_id, member_id=t.member_id, place=t.place, topic=t.topic,
                        notes=t.notes)


def ever_recorded(ledger: Ledger) -> bool:
    """True once any meeting or 谈心谈话 is in the ledger."""
    with ledger.reading() as session:
        return any(session.scalar(select(model.id).limit(1)) is not None for model in (Meeting, HeartToHeartTalk))
