"""Copying a whole ledger into an empty one: SQLite → PostgreSQL (migrate-to), PostgreSQL → SQLite
(moving back, and a server ledger's backup file). Every model table, ids kept, counts verified.

The source is read in one snapshot (Ledger.snapshot), so a copy taken while colleagues write is
consistent. Tables go parents first (the models' foreign-key order) in one target transaction,
so a failure leaves the target as empty as it was. On PostgreSQL each id sequence is then moved
past the largest copied id so new records do not collide (SQLite takes max(id) + 1 by itself).
"""

from __future__ import annotations

from sqlalchemy import func, select, text

from desktop_app.store import models  # noqa: F401  (registers every table on Base.metadata)
from desktop_app.store.base import Base
from desktop_app.store.ledger import Ledger
from desktop_app.store.schema import LedgerError

BATCH = 1000


def copy_ledger(source: Ledger, target: Ledger) -> dict[str, int]:
    """Copy every row of `source` into the empty ledger `target`; rows per table (all verified)."""
    tables = Base.metadata.sorted_tables
    with target.engine.begin() as into, source.snapshot(), source.reading() as reading:
        filled = [t.name for t in tables if into.execute(select(func.count()).select_from(t)).scalar()]
        if filled:
            raise LedgerError(f"目标台账“{target.where}”里已有记录（{'、'.join(filled[:5])}），"
                              "只能迁移到空的台账，没有复制任何记录。")
        out = reading.connection()
        counts: dict[str, int] = {}
        for table in tables:
            rows = out.execute(select(table)).mappings()
            while chunk := rows.fetchmany(BATCH):
                into.execute(table.insert(), [dict(row) for row in chunk])
            counts[table.name] = out.execute(select(func.count()).select_from(table)).scalar()
        for table in tables:
            copied = into.execute(select(func.count()).select_from(table)).scalar()
            if copied != counts[table.name]:
                raise LedgerError(f"迁移核对不符：表 {table.name} 原有 {counts[table.name]} 行，"
                                  f"复制后 {copied} 行；已撤销，目标台账没有改动。")
            if target.on_server and "id" in table.c and table.c.id.autoincrement in (True, "auto"):
                into.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                  f"coalesce(max(id), 0) + 1, false) FROM {table.name}"))
    return counts
