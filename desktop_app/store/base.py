"""Declarative base with a constraint naming convention (alembic batch mode needs names)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import MetaData, String, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RecordMixin:
    """What every record she enters keeps about itself (kept up by store/versions.py on each flush)."""

    created_at: Mapped[datetime] = mapped_column(server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )
    # One more on every save: a dialog that loaded version 3 may only save over version 3.
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    entered_by: Mapped[str | None] = mapped_column(String(50))  # 录入人
    changed_by: Mapped[str | None] = mapped_column(String(50))  # 最后修改人


# The search index (an FTS5 table and its shadow tables) is made and kept by migrations and
# triggers, not by models: schema comparisons leave it out.
SEARCH_INDEX = "search_index"


def is_model_table(name: str | None) -> bool:
    return not (name == SEARCH_INDEX or (name or "").startswith(SEARCH_INDEX + "_"))
