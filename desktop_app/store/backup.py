"""Copies of the ledger made with SQLite's online backup API (safe while the file is open)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop_app.paths import ensure_private_dir
from desktop_app.store.reasons import reason
from desktop_app.store.sqlite_files import connect_read_only, connect_writable, quick_check_problems

BACKUP_DIRNAME = "backups"
DEFAULT_KEEP = 10
# The settings key (services.settings.BACKUP_KEEP) read here before the ledger is open.
BACKUP_KEEP_KEY = "backup.keep"


class BackupError(Exception):
    """A backup or restore could not be done; the message is for the user."""


def backup_to(db_path: Path, target: Path) -> Path:
    """Write a consistent copy of `db_path` to `target` (through a temp file, then rename)."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.touch()  # fails with a plain OSError (read-only, no space) before SQLite's vaguer one
        # A self-contained file: reading it later leaves no -wal/-shm beside it.
        _copy_pages(db_path, partial, journal_mode="DELETE")
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        raise BackupError(f"无法把台账备份到“{target}”：{reason(exc)}") from exc
    return target


def backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIRNAME


def rotating_backup(db_path: Path, data_dir: Path, tag: str, keep: int = DEFAULT_KEEP) -> Path:
    """A timestamped backup in the data folder's backups/, keeping the newest `keep` of this tag."""
    folder = backup_dir(data_dir)
    try:
        ensure_private_dir(folder)  # backups hold the same personal data as the ledger
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹“{folder}”：{reason(exc)}") from exc
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_to(db_path, folder / f"ledger-{tag}-{stamp}.sqlite3")
    existing = sorted(folder.glob(f"ledger-{tag}-*.sqlite3"))
    for old in existing[:-keep] if keep > 0 else []:
        try:
            old.unlink(missing_ok=True)
        except OSError:  # an old copy that cannot be removed is no reason to fail
            pass
    return target


def stored_keep(db_path: Path) -> int:
    """How many start-up backups the school wants kept (setting `backup.keep`), else DEFAULT_KEEP."""
    try:
        conn = connect_read_only(db_path)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (BACKUP_KEEP_KEY,)).fetchone()
        finally:
            conn.close()
        # A JSON column has NUMERIC affinity in SQLite: 5 comes back as an int, "5" as text.
        value = json.loads(row[0]) if row and isinstance(row[0], str) else (row[0] if row else DEFAULT_KEEP)
        keep = int(value)
    except (sqlite3.Error, ValueError, TypeError):
        return DEFAULT_KEEP
    return keep if keep >= 1 else DEFAULT_KEEP


def list_backups(data_dir: Path) -> list[Path]:
    return sorted(backup_dir(data_dir).glob("ledger-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)


def integrity_problems(db_path: Path) -> list[str]:
    """SQLite's integrity_check and foreign_key_check; [] when the file is sound."""
    try:
        conn = connect_read_only(db_path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            problems = [] if rows == ["ok"] else rows
            problems += [f"表 {r[0]} 第 {r[1]} 行引用了不存在的 {r[2]}" for r in conn.execute("PRAGMA foreign_key_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [f"无法读取：{reason(exc)}"]
    return problems


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def restore_into(source: Path, db_path: Path) -> None:
    """Copy `source` over the ledger at `db_path` through SQLite's backup API, into the live file.

    Writing into the file under SQLite's own locks (instead of renaming a new file over it)
    means a process that still has the ledger open sees the restored contents and its later
    saves land in them, not in an unlinked file; and the copy commits as one transaction of
    the live file, so a crash leaves the old or the new ledger and no old -wal can be replayed
    onto new pages. A ledger too damaged to be written that way is replaced by a new file.
    """
    db_path = Path(db_path)
    try:
        if db_path.exists() and db_path.stat().st_size and not _writable_in_place(db_path, source):
            _replace_damaged(source, db_path)
            return
        _copy_pages(source, db_path, journal_mode="WAL")
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"无法用“{source}”恢复台账：{reason(exc)}") from exc


def _copy_pages(source: Path, dest: Path, *, journal_mode: str) -> None:
    """SQLite's online backup of `source` into `dest`, left in `journal_mode` (WAL: checkpointed)."""
    src = connect_read_only(source)
    try:
        out = connect_writable(dest)
        try:
            src.backup(out)
            out.execute(f"PRAGMA journal_mode={journal_mode}")
            if journal_mode == "WAL":
                out.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            out.close()
    finally:
        src.close()


def _writable_in_place(db_path: Path, source: Path) -> bool:
    """A sound SQLite file with the source's page size (the backup API needs it for a WAL file)."""
    if not is_sqlite_file(db_path) or quick_check_problems(db_path):
        return False
    return _page_size(db_path) == _page_size(source)


def _page_size(path: Path) -> int:
    conn = connect_read_only(path)
    try:
        return conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()


def _replace_damaged(source: Path, db_path: Path) -> None:
    """The new file is written beside the damaged one; its -wal/-shm go before the rename."""
    fresh = backup_to(source, db_path.with_name(db_path.name + ".restoring"))
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    fresh.replace(db_path)
