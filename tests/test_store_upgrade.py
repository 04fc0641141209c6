"""Opening an older ledger file upgrades it in place, keeping every row; a failed upgrade is undone."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.paths import migrations_dir
from desktop_app.store import schema
from desktop_app.store.backup import backup_dir
from desktop_app.store.ledger import open_ledger
from desktop_app.store.models import Member, SchoolClass, Setting, Student
from desktop_app.store.schema import UpgradeFailed, current_revision, head_revision

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ledger-0001.sqlite3"


@pytest.fixture
def old_ledger_dir(data_dir: Path) -> Path:
    """A data folder holding a copy of the revision-0001 ledger (the fixture itself stays untouched)."""
    shutil.copyfile(FIXTURE, data_dir / "ledger.sqlite3")
    return data_dir


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_fixture_is_a_revision_0001_ledger():
    assert current_revision(FIXTURE) == "0001"
    assert head_revision() != "0001"


def test_upgrade_from_0001_keeps_members_classes_and_students(old_ledger_dir):
    ledger = open_ledger(old_ledger_dir)
    try:
        assert current_revision(ledger.db_path) == head_revision()
        with ledger.reading() as session:
            members = dict(session.execute(select(Member.name, Member.political_status)).all())
            classes = {c.name: c.head_teacher.name for c in session.scalars(select(SchoolClass))}
            students = {s.name: (s.school_class.name, s.flags) for s in session.scalars(select(Student))}
            school = session.get(Setting, "school.name").value
    finally:
        ledger.close()
    assert members == {"王建国": "full_member", "李秀英": "full_member", "张晓明": "probationary"}
    assert classes == {"高一(1)班": "李秀英", "高二(3)班": "张晓明"}
    assert students["赵子涵"] == ("高二(3)班", ["learning_difficulty", "left_behind"])
    assert len(students) == 3
    assert school == "旧版测试中学"


def test_upgrade_writes_a_pre_upgrade_backup_of_the_old_file(old_ledger_dir):
    open_ledger(old_ledger_dir).close()
    backups = list(backup_dir(old_ledger_dir).glob("ledger-pre-upgrade-*.sqlite3"))
    assert len(backups) == 1
    assert current_revision(backups[0]) == "0001"
    assert len(_rows(backups[0], "select id from member")) == 3


def test_reopening_an_upgraded_ledger_makes_no_new_upgrade_backup(old_ledger_dir):
    open_ledger(old_ledger_dir).close()
    open_ledger(old_ledger_dir).close()
    assert len(list(backup_dir(old_ledger_dir).glob("ledger-pre-upgrade-*.sqlite3"))) == 1


BROKEN_REVISION = '''"""a later revision that fails half way (test only)"""
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    op.execute("DELETE FROM student")
    op.execute("INSERT INTO no_such_table VALUES (1)")


def downgrade() -> None:
    pass
'''


@pytest.fixture
def broken_migrations(tmp_path: Path, monkeypatch) -> Path:
    """A copy of our own migrations folder with one extra revision that fails."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_broken.py").write_text(BROKEN_REVISION.format(head=head_revision()), encoding="utf-8")
    monkeypatch.setattr(schema, "migrations_dir", lambda: folder)
    return folder


def test_failed_upgrade_puts_the_backup_back_and_says_so(old_ledger_dir, broken_migrations):
    db = old_ledger_dir / "ledger.sqlite3"
    with pytest.raises(UpgradeFailed) as caught:
        open_ledger(old_ledger_dir)
    message = str(caught.value)
    assert "已恢复升级前的备份" in message and "数据没有改动" in message
    assert caught.value.backup is not None and str(caught.value.backup) in message
    assert current_revision(db) == "0001"
    assert len(_rows(db, "select id from student")) == 3
    tables = {r[0] for r in _rows(db, "select name from sqlite_master where type='table'")}
    assert "half_done" not in tables


def test_after_a_failed_upgrade_the_fixed_program_opens_the_file(old_ledger_dir, broken_migrations, monkeypatch):
    with pytest.raises(UpgradeFailed):
        open_ledger(old_ledger_dir)
    monkeypatch.undo()  # the next release ships working migrations
    ledger = open_ledger(old_ledger_dir)
    ledger.close()
    assert current_revision(old_ledger_dir / "ledger.sqlite3") == head_revision()
    assert len(_rows(old_ledger_dir / "ledger.sqlite3", "select id from student")) == 3


def test_failed_first_creation_leaves_no_half_made_tables(data_dir, broken_migrations):
    with pytest.raises(UpgradeFailed, match="创建台账数据结构时出错"):
        open_ledger(data_dir)
    tables = {r[0] for r in _rows(data_dir / "ledger.sqlite3", "select name from sqlite_master where type='table'")}
    assert "member" not in tables and "half_done" not in tables


def test_restoring_an_old_file_whose_upgrade_fails_puts_the_current_ledger_back(data_dir, broken_migrations, monkeypatch):
    from desktop_app.services.backups import restore
    from desktop_app.services.errors import UserError

    monkeypatch.setattr(schema, "migrations_dir", migrations_dir)  # today's ledger, made by the good program
    open_ledger(data_dir).close()
    good_head = head_revision()
    conn = sqlite3.connect(data_dir / "ledger.sqlite3")
    conn.execute("insert into member (name, political_status, posts, backbone_titles, active) "
                 "values ('现有党员', 'full_member', '[]', '[]', 1)")
    conn.commit()
    conn.close()
    monkeypatch.setattr(schema, "migrations_dir", lambda: broken_migrations)
    with pytest.raises(UserError, match="已放回恢复前的台账"):
        restore(data_dir, FIXTURE)
    assert _rows(data_dir / "ledger.sqlite3", "select name from member") == [("现有党员",)]
    assert current_revision(data_dir / "ledger.sqlite3") == good_head
