"""Moving a school between a ledger file and a server, and backing up a server ledger as a ledger file."""

from __future__ import annotations

import pytest

from desktop_app.cli.main import main
from desktop_app.domain.people import MemberData
from desktop_app.services.backups import opened_backup, verify_backup_file
from desktop_app.services.demo import fill_demo
from desktop_app.services.members import add_member, list_members
from desktop_app.store.base import Base
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import head_revision


@pytest.fixture
def demo_folder(data_dir):
    ledger = open_ledger(data_dir)
    fill_demo(ledger)
    ledger.close()
    return data_dir


@pytest.fixture(autouse=True)
def logs_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setenv("BRANCH_LEDGER_DATA_DIR", str(tmp_path / "logs-only"))


def same_rows(first, second) -> None:
    for table in Base.metadata.sorted_tables:
        order = table.select().order_by(*table.primary_key.columns)
        with first.engine.connect() as a, second.engine.connect() as b:
            assert a.execute(order).all() == b.execute(order).all(), table.name


def assert_same_rows(one: str, other: str) -> None:
    """Every row of every model table alike in the two ledgers (folders or URLs)."""
    first, second = open_ledger(one), open_ledger(other)
    try:
        same_rows(first, second)
    finally:
        first.close()
        second.close()


def test_a_school_goes_to_the_server_and_back_with_every_row(demo_folder, pg_url, tmp_path, capsys):
    assert main(["--data-dir", str(demo_folder), "migrate-to", pg_url]) == 0
    assert "逐表核对无误" in capsys.readouterr().out
    assert_same_rows(str(demo_folder), pg_url)
    back = tmp_path / "迁回的台账"
    assert main(["--database-url", pg_url, "migrate-to", str(back)]) == 0
    assert "逐表核对无误" in capsys.readouterr().out
    assert_same_rows(str(demo_folder), str(back))
    server, returned = open_ledger(pg_url), open_ledger(back)
    try:  # new ids follow the copied ones on both engines
        top = max(m.id for m in list_members(returned))
        assert add_member(server, MemberData(name="迁移后新增")) > top
        assert add_member(returned, MemberData(name="迁回后新增")) > top
    finally:
        server.close()
        returned.close()


def test_migrate_to_refuses_a_filled_target_and_a_file_to_file_copy(demo_folder, pg_url, tmp_path, capsys):
    assert main(["--data-dir", str(demo_folder), "migrate-to", pg_url]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(demo_folder), "migrate-to", pg_url]) == 1
    assert "只能迁移到空的台账，没有复制任何记录" in capsys.readouterr().err
    assert main(["--database-url", pg_url, "migrate-to", str(demo_folder)]) == 1
    assert "只能迁移到空的台账，没有复制任何记录" in capsys.readouterr().err
    assert main(["--data-dir", str(demo_folder), "migrate-to", str(tmp_path / "另一个文件夹")]) == 1
    assert "来源和目标都是本机的台账文件" in capsys.readouterr().err
    assert_same_rows(str(demo_folder), pg_url)


def test_a_server_backup_is_a_ledger_file_that_restore_and_migrate_take_back(demo_folder, pg_url, pg_cluster,
                                                                             tmp_path, capsys):
    assert main(["--data-dir", str(demo_folder), "migrate-to", pg_url]) == 0
    backup = tmp_path / "服务器台账备份.sqlite3"
    assert main(["--database-url", pg_url, "backup", "-o", str(backup)]) == 0
    assert "已备份到" in capsys.readouterr().out
    assert verify_backup_file(backup) == head_revision()
    assert not list(tmp_path.glob("*.partial"))
    server = open_ledger(pg_url)
    try:
        with opened_backup(backup) as copy:
            same_rows(server, copy)
        names = sorted(m.name for m in list_members(server))
    finally:
        server.close()
    restored = tmp_path / "恢复到本机"
    assert main(["--data-dir", str(restored), "restore", str(backup)]) == 0
    back = open_ledger(restored)
    assert sorted(m.name for m in list_members(back)) == names
    back.close()
    second_server = pg_cluster.fresh_database()
    assert main(["migrate-to", second_server, "--from", str(backup)]) == 0
    assert_same_rows(pg_url, second_server)
