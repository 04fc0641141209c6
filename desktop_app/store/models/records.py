"""Lesson observations (听课记录) and visits (家访·访谈记录).

People are referenced without ON DELETE, so a member, class or student with records cannot
be deleted (references.py reports them by these tables' labels). Visits grow to ~150,000
rows over ten years: every query filters on an indexed date first.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.base import Base, RecordMixin

SUGGESTED = "suggestions IS NOT NULL"  # the few visits with 意见建议


class Observation(RecordMixin, Base):
    __tablename__ = "observation"
    __table_args__ = (
        Index("ix_observation_date", "date"),
        Index("ix_observation_observer_date", "observer_id", "date"),
        Index("ix_observation_teacher_date", "teacher_id", "date"),
        Index("ix_observation_class_id", "class_id"),
        # Every column the report figures count by: they are answered from this index alone.
        Index("ix_observation_date_figures", "date", "lesson_type", "observer_id", "teacher_id", "class_id",
              "lesson_no"),
        {"info": {"label": "听课记录"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[date]
    observer_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    lesson_no: Mapped[int | None]  # 节次
    class_id: Mapped[int | None] = mapped_column(ForeignKey("school_class.id"))
    subject: Mapped[str | None] = mapped_column(String(30))
    lesson_type: Mapped[str] = mapped_column(String(30))  # domain.records.LessonType code
    ratings: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # SixLook code → Rating code
    comment: Mapped[str | None] = mapped_column(Text)  # 评语
    suggestions: Mapped[str | None] = mapped_column(Text)  # 建议


class Visit(RecordMixin, Base):
    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_date", "date"),
        Index("ix_visit_visitor_date", "visitor_id", "date"),
        Index("ix_visit_class_id", "class_id"),
        Index("ix_visit_target_member_id", "target_member_id"),
        Index("ix_visit_follows_visit_id", "follows_visit_id"),
        Index("ix_visit_date_figures", "date", "kind", "visitor_id"),  # the report figures, from the index alone
        Index("ix_visit_date_suggested", "date", sqlite_where=text(SUGGESTED), postgresql_where=text(SUGGESTED)),
        {"info": {"label": "家访记录"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[date]
    visitor_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    kind: Mapped[str] = mapped_column(String(30))  # domain.records.VisitKind code
    class_id: Mapped[int | None] = mapped_column(ForeignKey("school_class.id"))
    target_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))  # 访谈教师: who
    interviewee: Mapped[str | None] = mapped_column(String(100))  # 受访对象: parent, service target …
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)  # SixTalk / SixAsk codes
    assistance: Mapped[list[str]] = mapped_column(JSON, default=list)  # AssistanceKind codes
    content: Mapped[str | None] = mapped_column(Text)  # 主要内容
    suggestions: Mapped[str | None] = mapped_column(Text)  # 意见建议 (整改 reads this)
    follow_up_needed: Mapped[bool] = mapped_column(default=False)  # 是否回访
    follows_visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"))


class VisitStudent(Base):
    """The students one visit reached (a phone visit: one; a 家长座谈会: several)."""

    __tablename__ = "visit_student"
    __table_args__ = (
        Index("ix_visit_student_student_id", "student_id"),
        {"info": {"label": "家访记录（学生）"}},
    )

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), primary_key=True)
