"""Schema upgrades: alembic run in-process, with a backup first and a restore on failure."""

from __future__ import annotations

import logging
import sqlite3
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from desktop_app.paths import migrations_dir
from desktop_app.store.backup import BackupError, is_sqlite_file, restore_into, rotating_backup
from desktop_app.store.reasons import reason
from desktop_app.store.sqlite_files import connect_read_only, quick_check_problems

log = logging.getLogger(__name__)


class LedgerError(Exception):
    """The ledger file cannot be opened as it is; the message is for the user, in Chinese."""


class NotALedger(LedgerError):
    pass


class LedgerDamaged(NotALedger):
    """SQLite's quick_check found damaged pages (a failing disk, an old -wal replayed …)."""


class DatabaseTooNew(LedgerError):
    pass


class UpgradeFailed(LedgerError):
    def __init__(self, message: str, backup: Path | None):
        super().__init__(message)
        self.backup = backup


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


@cache
def script_directory() -> ScriptDirectory:
    """The migrations shipped with this program (read once: opening a ledger asks several times)."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return script_directory().get_current_head()


@cache
def known_revisions() -> frozenset[str]:
    return frozenset(rev.revision for rev in script_directory().walk_revisions())


def current_revision(db_path: Path) -> str | None:
    """The alembic revision stamped in the file, None for an empty file; NotALedger otherwise."""
    if not is_sqlite_file(db_path):
        raise NotALedger(f"文件“{db_path}”不是党建台账的数据文件（不是 SQLite 数据库，或已损坏）。")
    try:
        conn = connect_read_only(db_path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise NotALedger(f"文件“{db_path}”是其他程序的数据库，不是党建台账的数据文件。")
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotALedger(f"文件“{db_path}”已损坏，无法读取：{reason(exc)}") from exc
    return row[0] if row else None


def check_sound(db_path: Path) -> None:
    """LedgerDamaged when SQLite's quick_check finds the file's pages damaged: never open it silently."""
    problems = quick_check_problems(db_path)
    if problems:
        log.error("quick_check failed on open: %d problems", len(problems))
        raise LedgerDamaged(f"台账文件“{db_path}”已损坏（数据库自检发现 {len(problems)} 处问题，"
                            "可能是磁盘故障或程序被强行中断）。为免损坏扩大，程序没有打开它。")


def check_not_too_new(revision: str | None) -> None:
    if revision is None:
        return
    if revision not in known_revisions():
        raise DatabaseTooNew(
            f"这个台账文件由更新版本的党建台账创建（数据版本 {revision}），"
            "当前程序无法安全打开它。请安装最新版本的程序。"
        )


def upgrade_to_head(engine: Engine) -> None:
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def upgrade_with_backup(engine: Engine, db_path: Path, data_dir: Path) -> Path | None:
    """Bring the file to head; back it up first, put the backup back if the upgrade fails."""
    revision = current_revision(db_path) if db_path.exists() and db_path.stat().st_size else None
    check_not_too_new(revision)
    if revision == head_revision():
        return None
    backup = None
    if revision is not None:
        try:
            backup = rotating_backup(db_path, data_dir, "pre-upgrade")
        except BackupError as exc:
            raise LedgerError(f"升级台账数据结构前要先备份，但备份没有完成，因此没有升级，台账没有改动。\n{exc}") from exc
        log.info("schema upgrade from %s, backup written", revision)
    try:
        upgrade_to_head(engine)
    except Exception as exc:
        engine.dispose()
        # Only the type: a failing statement's text may carry names from the rows.
        log.error("schema upgrade from %s failed: %s", revision, type(exc).__name__)
        raise UpgradeFailed(_restore_after_failure(exc, backup, db_path), backup) from exc
    return backup


def _restore_after_failure(exc: Exception, backup: Path | None, db_path: Path) -> str:
    """Put the pre-upgrade backup back; the message tells the user what happened."""
    if backup is None:
        return f"创建台账数据结构时出错：{exc}"
    try:
        restore_file(backup, db_path)
    except BackupError as restore_exc:
        log.error("restoring the pre-upgrade backup failed")
        return (f"升级台账数据结构时出错，而且没能自动恢复升级前的备份：{restore_exc}\n"
                f"请勿再修改数据，把备份文件“{backup}”复制回“{db_path}”。\n错误：{exc}")
    return f"升级台账数据结构时出错，已恢复升级前的备份，数据没有改动。\n备份文件：{backup}\n错误：{exc}"


def restore_file(source: Path, db_path: Path) -> None:
    """Overwrite the ledger with a backup using SQLite's backup API, into the live file."""
    restore_into(source, db_path)
