"""发展党员: one person's way from 入党申请 to 转正 (see domain.development)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.store.base import Base, RecordMixin
from desktop_app.store.models.people import Cultivation, Member


class Development(RecordMixin, Base):
    """A 发展 record. A person has at most one open record (closed_on NULL) at a time.

    step_dates maps the step number ("1" … "25") to its ISO date; the people a step names are
    [{"member_id": 3 or null, "name": "王芳"}] so imported names not (yet) in the ledger are kept.
    """

    __tablename__ = "development"
    __table_args__ = (
        Index("uq_development_open_member", "member_id", unique=True, sqlite_where=text("closed_on IS NULL")),
        {"info": {"label": "发展党员"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    cultivation_id: Mapped[int | None] = mapped_column(ForeignKey("cultivation.id", ondelete="SET NULL"))
    step_dates: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    assessments: Mapped[list[Any]] = mapped_column(JSON, default=list)  # ISO dates of the half-yearly 考察
    interviewer: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # 谈话人
    contacts: Mapped[list[Any]] = mapped_column(JSON, default=list)  # 培养联系人
    introducers: Mapped[list[Any]] = mapped_column(JSON, default=list)  # 入党介绍人
    training_end: Mapped[date | None]
    training_hours: Mapped[float | None] = mapped_column(Float)
    target_publication_start: Mapped[date | None]
    target_publication_end: Mapped[date | None]
    full_publication_start: Mapped[date | None]
    full_publication_end: Mapped[date | None]
    admission_entitled: Mapped[int | None]  # 支部大会 (step 15) 应到 / 实到 / 赞成
    admission_present: Mapped[int | None]
    admission_in_favour: Mapped[int | None]
    full_entitled: Mapped[int | None]  # 转正 支部大会 (step 23)
    full_present: Mapped[int | None]
    full_in_favour: Mapped[int | None]
    extension_months: Mapped[int | None]
    extension_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None]  # 终止发展 (or ended for another reason)
    closed_reason: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member] = relationship()
    cultivation: Mapped[Cultivation | None] = relationship()
