"""What was printed: certificate numbers (荣誉证书编号) and the print log (印制记录)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.base import Base


class CertificateNumber(Base):
    """One honour's certificate number, given the first time it is printed and kept for every
    reprint (year + sequence, e.g. 2026-007). The number stays taken if the honour is deleted."""

    __tablename__ = "certificate_number"
    __table_args__ = (UniqueConstraint("year", "sequence"), {"info": {"label": "证书编号"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    year: Mapped[int]
    sequence: Mapped[int]
    honour_id: Mapped[int | None] = mapped_column(ForeignKey("honour.id", ondelete="SET NULL"), unique=True)
    recipient: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(50))
    issued_at: Mapped[datetime]


class PrintLogEntry(Base):
    """One print run that left the program: saved as PDF or Word, or sent to a printer."""

    __tablename__ = "print_log"
    __table_args__ = (Index("ix_print_log_printed_at", "printed_at"), {"info": {"label": "印制记录"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    printed_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(20))  # services.prints.jobs kind key
    school_year: Mapped[str | None] = mapped_column(String(9))
    what: Mapped[str] = mapped_column(String(200))  # 荣誉证书（党员标兵）8 份
    output: Mapped[str] = mapped_column(String(20))  # pdf / word / printer / stock
    copies: Mapped[int]
    numbers: Mapped[str | None] = mapped_column(Text)  # certificate numbers, 、-separated
    target: Mapped[str | None] = mapped_column(String(500))  # the file, or the printer's name
