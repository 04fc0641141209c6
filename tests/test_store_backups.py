"""Start-up backups: one per start, the newest N kept (N from settings), never blocking the start."""

from __future__ import annotations

from desktop_app.services import settings
from desktop_app.services.backups import automatic_backups
from desktop_app.store.backup import BACKUP_KEEP_KEY, DEFAULT_KEEP, backup_dir, stored_keep
from desktop_app.store.reasons import reason as _reason
from desktop_app.store.ledger import open_ledger


def start_backups(data_dir):
    return sorted(backup_dir(data_dir).glob("ledger-start-*.sqlite3"))


def test_first_start_has_nothing_to_back_up(data_dir):
    open_ledger(data_dir, startup_backup=True).close()
    assert start_backups(data_dir) == []


def test_rotation_keeps_the_school_setting(data_dir):
    ledger = open_ledger(data_dir)
    settings.set_values(ledger, {settings.BACKUP_KEEP: 3})
    ledger.close()
    made = []
    for _ in range(5):
        open_ledger(data_dir, startup_backup=True).close()
        made.append(start_backups(data_dir)[-1])
    assert start_backups(data_dir) == made[-3:]  # the three newest survive


def test_rotation_default_is_ten(data_dir):
    open_ledger(data_dir).close()
    for _ in range(DEFAULT_KEEP + 2):
        open_ledger(data_dir, startup_backup=True).close()
    assert len(start_backups(data_dir)) == DEFAULT_KEEP == 10
    assert [row.kind for row in automatic_backups(data_dir)] == ["启动时自动备份"] * 10


def test_rotation_leaves_other_backups_alone(data_dir):
    open_ledger(data_dir).close()
    (backup_dir(data_dir)).mkdir()
    keepsake = backup_dir(data_dir) / "ledger-pre-upgrade-20200101-000000-000000.sqlite3"
    keepsake.write_bytes(b"")
    for _ in range(3):
        open_ledger(data_dir, startup_backup=True, keep=1).close()
    assert len(start_backups(data_dir)) == 1 and keepsake.exists()


def test_settings_key_is_shared_with_the_store(ledger):
    assert BACKUP_KEEP_KEY == settings.BACKUP_KEEP
    settings.set_values(ledger, {settings.BACKUP_KEEP: 4})
    assert stored_keep(ledger.db_path) == 4
    settings.set_values(ledger, {settings.BACKUP_KEEP: "很多"})
    assert stored_keep(ledger.db_path) == DEFAULT_KEEP


def test_failed_start_up_backup_opens_the_ledger_with_a_warning(data_dir):
    open_ledger(data_dir).close()
    backup_dir(data_dir).write_text("a file where the backups folder should be")
    ledger = open_ledger(data_dir, startup_backup=True)
    try:
        [warning] = ledger.warnings
        assert "启动时的自动备份没有完成" in warning and "无法创建备份文件夹" in warning
        settings.set_values(ledger, {settings.SCHOOL_NAME: "照常使用"})
    finally:
        ledger.close()


def test_reasons_for_full_disk_and_read_only_folders_are_plain_chinese():
    import errno
    import sqlite3

    assert _reason(OSError(errno.ENOSPC, "No space left on device")).startswith("磁盘空间已满")
    assert _reason(sqlite3.OperationalError("database or disk is full")).startswith("磁盘空间已满")
    assert _reason(PermissionError(errno.EACCES, "Permission denied")).startswith("没有读写权限")
    assert _reason(OSError(errno.EROFS, "Read-only file system")).startswith("没有写入权限")
    assert _reason(sqlite3.OperationalError("attempt to write a readonly database")).startswith("没有写入权限")
    assert _reason(sqlite3.OperationalError("database is locked")).startswith("台账正被另一个程序")
    assert _reason(sqlite3.OperationalError("disk I/O error")).startswith("读写磁盘出错")
    from sqlalchemy.exc import OperationalError as Wrapped

    wrapped = Wrapped("INSERT …", {}, sqlite3.OperationalError("database is locked"))
    assert "locked" not in _reason(wrapped)
