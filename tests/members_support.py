"""Test support for the people areas: a real table that refers to a row and refuses its delete.

Features that will refer to members and students (听课记录, 家访记录…) are built in parallel;
to show a refusal without waiting for them, a test creates such a table in its own ledger file
and registers it on the shared metadata for the duration of the test only.
"""

from __future__ import annotations

from contextlib import contextmanager

import sqlalchemy as sa

from desktop_app.store.base import Base


@contextmanager
def referring_table(ledger, parent: str, label: str = "听课记录"):
    """Yields `add(parent_id)` inserting a row that refers to `parent` with ON DELETE RESTRICT."""
    table = sa.Table(
        f"test_ref_{parent}", Base.metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ref_id", sa.Integer, sa.ForeignKey(f"{parent}.id", ondelete="RESTRICT"), nullable=False),
        info={"label": label},
    )
    try:
        table.create(ledger.engine)

        def add(parent_id: int) -> None:
            with ledger.engine.begin() as conn:
                conn.execute(table.insert().values(ref_id=parent_id))

        yield add
    finally:
        Base.metadata.remove(table)
