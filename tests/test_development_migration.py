"""The development revision: down and up again, and one open record per person kept by the file itself."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import inspect

from desktop_app.store.schema import alembic_config

REVISION = "0007"


def _run(ledger, action, target):
    cfg = alembic_config()
    with ledger.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        action(cfg, target)


def test_development_table_down_and_up_again(ledger):
    _run(ledger, command.downgrade, f"{int(REVISION) - 1:04d}")
    assert "development" not in inspect(ledger.engine).get_table_names()
    _run(ledger, command.upgrade, REVISION)
    inspector = inspect(ledger.engine)
    links = {fk["name"]: (fk["referred_table"], fk["options"].get("ondelete"))
             for fk in inspector.get_foreign_keys("development")}
    assert links == {"fk_development_member_id_member": ("member", "RESTRICT"),
                     "fk_development_cultivation_id_cultivation": ("cultivation", "SET NULL")}
    _run(ledger, command.upgrade, "head")


def test_the_file_refuses_a_second_open_record(ledger):
    conn = sqlite3.connect(ledger.db_path)
    try:
        conn.execute("insert into member (name, political_status, posts, backbone_titles, active) values ('刘洋', 'non_party', '[]', '[]', 1)")
        row = "insert into development (member_id, step_dates, assessments, contacts, introducers, closed_on) " \
              "values (1, '{}', '[]', '[]', '[]', ?)"
        conn.execute(row, ("2024-01-01",))
        conn.execute(row, (None,))
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(row, (None,))
    finally:
        conn.close()
