"""Opening, creating and upgrading the ledger file."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import DatabaseTooNew, NotALedger, current_revision, head_revision


def test_first_start_creates_database_through_alembic(data_dir):
    ledger = open_ledger(data_dir)
    ledger.close()
    assert current_revision(data_dir / "ledger.sqlite3") == head_revision()
    conn = sqlite3.connect(data_dir / "ledger.sqlite3")
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"member", "school_class", "student", "cultivation", "setting", "alembic_version"} <= tables
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_database_newer_than_code_is_refused_and_left_untouched(data_dir):
    open_ledger(data_dir).close()
    db = data_dir / "ledger.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("update alembic_version set version_num='9999_future'")
    before = db.read_bytes()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        open_ledger(data_dir)
    assert db.read_bytes() == before


def test_foreign_sqlite_file_is_refused(data_dir):
    db = data_dir / "ledger.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("create table invoices (id integer)")
    with pytest.raises(NotALedger, match="其他程序"):
        open_ledger(data_dir)


def test_not_sqlite_file_is_refused(data_dir):
    (data_dir / "ledger.sqlite3").write_bytes(b"this is not a database" * 10)
    with pytest.raises(NotALedger, match="不是 SQLite"):
        open_ledger(data_dir)


def test_foreign_keys_are_enforced(ledger):
    from sqlalchemy.exc import IntegrityError

    from desktop_app.store.models import Student

    with pytest.raises(IntegrityError):
        with ledger.transaction() as session:
            session.add(Student(name="李四", class_id=999, flags=[]))
