"""Files kept inside the ledger (photos, scanned sign-in sheets …), so backups and restores carry them.

Any record can own attachments: (owner_kind, owner_id) names it, e.g. ("meeting", 12). There is
no foreign key, so the service that deletes an owner deletes its attachments in the same
transaction (services.attachments.delete_for).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, LargeBinary, String, func
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.base import Base


class Attachment(Base):
    __tablename__ = "attachment"
    __table_args__ = (
        Index("ix_attachment_owner", "owner_kind", "owner_id"),
        {"info": {"label": "附件"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(30))
    owner_id: Mapped[int]
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int]  # bytes
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # read only when the file is opened
    added_at: Mapped[datetime] = mapped_column(server_default=func.current_timestamp())
