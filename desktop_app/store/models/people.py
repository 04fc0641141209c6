"""People the branch tracks: members (党员/教职工), classes, students, cultivation plans."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.store.base import Base, RecordMixin


class Member(RecordMixin, Base):
    __tablename__ = "member"
    __table_args__ = (
        Index("ix_member_name", "name"),
        Index("ix_member_id_number", "id_number"),
        {"info": {"label": "党员"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[date | None]
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    education: Mapped[str | None] = mapped_column(String(20))
    political_status: Mapped[str] = mapped_column(String(30))  # vocab.PoliticalStatus code
    join_date: Mapped[date | None]  # 入党日期
    full_member_date: Mapped[date | None]  # 转正日期
    party_group: Mapped[str | None] = mapped_column(String(50))
    department: Mapped[str | None] = mapped_column(String(50))
    posts: Mapped[list[str]] = mapped_column(JSON, default=list)  # vocab.Post codes
    subject: Mapped[str | None] = mapped_column(String(30))
    backbone_titles: Mapped[list[str]] = mapped_column(JSON, default=list)
    phone: Mapped[str | None] = mapped_column(String(30))
    id_number: Mapped[str | None] = mapped_column(String(18))
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    left_date: Mapped[date | None]
    school_start_date: Mapped[date | None]  # 入校日期: school duties are owed from here


class MemberLeave(RecordMixin, Base):
    """请假: a period a member is away (产假, 外出培训 …) and owes no quota."""

    __tablename__ = "member_leave"
    __table_args__ = (Index("ix_member_leave_member_start", "member_id", "start_date"), {"info": {"label": "请假记录"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # domain.presence.LeaveKind code
    start_date: Mapped[date]
    end_date: Mapped[date]
    reason: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member] = relationship()


class SchoolClass(RecordMixin, Base):
    __tablename__ = "school_class"
    __table_args__ = {"info": {"label": "班级"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)  # 高二(3)班
    grade: Mapped[str | None] = mapped_column(String(20))  # 高二
    head_teacher_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))

    head_teacher: Mapped[Member | None] = relationship()


class Student(RecordMixin, Base):
    __tablename__ = "student"
    __table_args__ = (Index("ix_student_class_name", "class_id", "name"), {"info": {"label": "学生"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    class_id: Mapped[int] = mapped_column(ForeignKey("school_class.id", ondelete="RESTRICT"))
    student_number: Mapped[str | None] = mapped_column(String(30))
    gender: Mapped[str | None] = mapped_column(String(10))
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)  # vocab.StudentFlag codes
    guardian_name: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)

    school_class: Mapped[SchoolClass] = relationship()


class Cultivation(RecordMixin, Base):
    """双培双促进: a plan to make a member a backbone teacher or a backbone teacher a member."""

    __tablename__ = "cultivation"
    __table_args__ = {"info": {"label": "培养计划"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # vocab.CultivationKind code
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    target: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[date | None]
    stage: Mapped[str | None] = mapped_column(String(50))
    notes: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member] = relationship(foreign_keys=[member_id])
    mentor: Mapped[Member | None] = relationship(foreign_keys=[mentor_id])
