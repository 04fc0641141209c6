"""Suggestions (意见建议) and the rectifications they lead to (整改台账)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.base import Base, RecordMixin


class Suggestion(RecordMixin, Base):
    __tablename__ = "suggestion"
    __table_args__ = (
        Index("ix_suggestion_raised_on", "raised_on"),
        Index("ix_suggestion_visit_id", "visit_id"),
        {"info": {"label": "意见建议"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    content: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(30))  # domain.rectifications.SuggestionCategory code
    source: Mapped[str] = mapped_column(String(30))  # domain.rectifications.SuggestionSource code
    raised_by: Mapped[str | None] = mapped_column(String(100))
    raised_on: Mapped[date]
    recorder_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    # The visit it was collected from; the suggestion stays when that visit is deleted.
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"))


class Rectification(RecordMixin, Base):
    """One suggestion's 整改: at most one per suggestion."""

    __tablename__ = "rectification"
    __table_args__ = (
        Index("ix_rectification_deadline", "deadline"),
        {"info": {"label": "整改台账"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), unique=True)
    measure: Mapped[str] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    responsible_unit: Mapped[str | None] = mapped_column(String(100))
    responsible_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    responsible_name: Mapped[str | None] = mapped_column(String(100))
    deadline: Mapped[date]
    status: Mapped[str] = mapped_column(String(20))  # domain.rectifications.RectificationStatus code
    completed_on: Mapped[date | None]
    result: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[date | None]
