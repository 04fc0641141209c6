"""量化考核: schemes per school year, semester scores, approvals (locks), 五个好, honours (荣誉)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.store.base import Base, RecordMixin
from desktop_app.store.models.people import Member, SchoolClass


class EvaluationScheme(RecordMixin, Base):
    """The scheme of one school year as JSON (see domain.scheme.Scheme.to_dict)."""

    __tablename__ = "evaluation_scheme"
    __table_args__ = {"info": {"label": "考核方案"}}

    school_year: Mapped[str] = mapped_column(String(9), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class EvaluationScore(RecordMixin, Base):
    """One member's semester: entered indicator points, 加分/减分 items, and the frozen result once approved."""

    __tablename__ = "evaluation_score"
    __table_args__ = (
        UniqueConstraint("member_id", "school_year", "semester"),
        Index("ix_evaluation_score_year", "school_year", "semester"),
        {"info": {"label": "考核成绩"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    school_year: Mapped[str] = mapped_column(String(9))
    semester: Mapped[int]
    entered: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # indicator key → points
    bonuses: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"points": 2, "reason": "…"}]
    deductions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # Set while the semester is approved: computed indicators as they stood then
    # ({key: [points, explanation]}), so later records do not change an approved result.
    frozen: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    member: Mapped[Member] = relationship()


class EvaluationLock(Base):
    """An approval by a branch meeting: a semester (1, 2) or the whole year (semester NULL)."""

    __tablename__ = "evaluation_lock"
    __table_args__ = {"info": {"label": "考核审批"}}

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[str] = mapped_column(String(9), index=True)
    semester: Mapped[int | None]
    approved_on: Mapped[date]
    meeting: Mapped[str] = mapped_column(String(100))


class BranchAssessment(RecordMixin, Base):
    """The branch's own 五个好 self-assessment: one criterion of one year."""

    __tablename__ = "branch_assessment"
    __table_args__ = (UniqueConstraint("school_year", "criterion"), {"info": {"label": "五个好自评"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[str] = mapped_column(String(9))
    criterion: Mapped[str] = mapped_column(String(30))  # domain.branch.BranchCriterion code
    score: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)


class Honour(RecordMixin, Base):
    """荣誉: a title given to a member, or to a class (党员先锋班) with its head teacher."""

    __tablename__ = "honour"
    __table_args__ = (Index("ix_honour_year_title", "school_year", "title"), {"info": {"label": "荣誉"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    school_year: Mapped[str] = mapped_column(String(9))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    class_id: Mapped[int | None] = mapped_column(ForeignKey("school_class.id", ondelete="RESTRICT"))
    issuer: Mapped[str | None] = mapped_column(String(100))
    awarded_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member | None] = relationship()
    school_class: Mapped[SchoolClass | None] = relationship()
