"""Which records refer to a row, found from the foreign keys themselves.

Every feature's tables are found here without being listed: a table names itself for
the user through `__table_args__ = {"info": {"label": "听课记录"}}` (or the info of its Table).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app.store import models  # noqa: F401  (registers every table on Base.metadata)
from desktop_app.store.base import Base
from desktop_app.store.ledger import Ledger


@dataclass(frozen=True)
class Reference:
    table: str
    label: str
    count: int
    ondelete: str  # "CASCADE", "SET NULL" or "" (refuse)

    def __str__(self) -> str:
        return f"{self.label} {self.count} 条"


def references_to(ledger: Ledger, table_name: str, row_id: int) -> list[Reference]:
    found = []
    with ledger.reading() as session:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table.name != table_name:
                    continue
                count = session.scalar(select(func.count()).select_from(table).where(fk.parent == row_id))
                if count:
                    label = table.info.get("label", table.name)
                    found.append(Reference(table.name, label, count, (fk.ondelete or "").upper()))
    return found


def blocking(references: list[Reference]) -> list[Reference]:
    """References that stop a delete (not cascaded, not cleared)."""
    return [r for r in references if r.ondelete not in ("CASCADE", "SET NULL")]
