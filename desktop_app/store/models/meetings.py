"""组织生活: meetings (三会一课, 主题党日, 组织生活会 …), who attended each, and 谈心谈话.

Members are referenced without ON DELETE, so a member who attended or talked cannot be
deleted (references.py names these tables). A meeting's attendance goes with the meeting.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.base import Base, RecordMixin


class Meeting(RecordMixin, Base):
    __tablename__ = "meeting"
    __table_args__ = (
        Index("ix_meeting_date", "date"),
        Index("ix_meeting_kind_date", "kind", "date"),
        {"info": {"label": "组织生活记录"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # domain.meetings.MeetingKind code
    date: Mapped[date]
    start_time: Mapped[time | None]
    place: Mapped[str | None] = mapped_column(String(100))
    topic: Mapped[str] = mapped_column(String(200))
    party_group: Mapped[str | None] = mapped_column(String(50))  # 党小组会: which group
    host_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))  # 主持人
    recorder_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))  # 记录人 (党课: 讲课人)
    agenda: Mapped[str | None] = mapped_column(Text)  # 议程
    resolutions: Mapped[str | None] = mapped_column(Text)  # 决议
    minutes: Mapped[str | None] = mapped_column(Text)  # 会议记录 / 内容摘要


class MeetingAttendance(Base):
    """One person at one meeting: 出席 / 请假 (with reason) / 缺席, or 列席 (a guest, not counted)."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (
        Index("ix_meeting_attendance_member_id", "member_id"),
        {"info": {"label": "组织生活出席记录"}},
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))  # AttendanceStatus code or "guest"
    reason: Mapped[str | None] = mapped_column(String(200))  # 请假事由


class HeartToHeartTalk(RecordMixin, Base):
    """谈心谈话: a 1:1 talk, who with whom."""

    __tablename__ = "heart_to_heart_talk"
    __table_args__ = (
        Index("ix_heart_to_heart_talk_date", "date"),
        Index("ix_heart_to_heart_talk_member_id", "member_id"),
        {"info": {"label": "谈心谈话记录"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[date]
    talker_id: Mapped[int] = mapped_column(ForeignKey("member.id"))  # 谈话人
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))  # 谈话对象
    place: Mapped[str | None] = mapped_column(String(100))
    topic: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
