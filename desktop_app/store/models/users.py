"""Application users of a shared (server) ledger: who logs in, in which role. No password, only its hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, func
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.base import Base


class AppUser(Base):
    __tablename__ = "app_user"
    __table_args__ = ({"info": {"label": "用户"}},)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # domain.roles.Role code
    department: Mapped[str | None] = mapped_column(String(50))  # 年级组: e.g. 高一年级组
    password_hash: Mapped[str] = mapped_column(String(128))  # scrypt, hex
    password_salt: Mapped[str] = mapped_column(String(64))  # hex
    scrypt_n: Mapped[int]
    scrypt_r: Mapped[int]
    scrypt_p: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(server_default=func.current_timestamp())
