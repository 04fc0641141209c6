"""Pledges (承诺): one row per pledge with its publication (公示) and review (践诺评议)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.store.base import Base, RecordMixin
from desktop_app.store.models.people import Member


class Pledge(RecordMixin, Base):
    __tablename__ = "pledge"
    __table_args__ = (
        # One pledge of each kind per member and year (the branch's own are not limited here).
        UniqueConstraint("member_id", "school_year", "kind"),
        Index("ix_pledge_school_year", "school_year"),
        {"info": {"label": "承诺"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Null: the branch's own pledge. No ondelete: a member with pledges cannot be deleted.
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    kind: Mapped[str] = mapped_column(String(20))  # domain.pledges.PledgeKind code
    school_year: Mapped[str] = mapped_column(String(9))  # 2025-2026
    standard: Mapped[str | None] = mapped_column(String(100))  # 对标
    content_items: Mapped[list[str]] = mapped_column(JSON, default=list)
    signed_date: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20))  # PledgeStatus code
    published_from: Mapped[date | None]
    published_to: Mapped[date | None]
    publication_places: Mapped[list[str]] = mapped_column(JSON, default=list)  # PublicationPlace codes
    review_grade: Mapped[str | None] = mapped_column(String(20))  # ReviewGrade code
    review_body: Mapped[str | None] = mapped_column(String(30))  # ReviewBody code
    review_date: Mapped[date | None]
    review_comment: Mapped[str | None] = mapped_column(Text)
    review_explanation: Mapped[str | None] = mapped_column(Text)  # required for 一般/差

    member: Mapped[Member | None] = relationship()
