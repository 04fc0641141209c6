"""Backups the secretary makes and restores: manual copies, automatic ones, restoring a file.

Restoring replaces the whole ledger, so it is careful: the chosen file is verified first (a
SQLite file, sound, a ledger of a revision this program knows), the current ledger is copied
to backups/ as a safety backup, and only then is the file put in place and opened (upgraded
if it is older). If anything fails after the swap, the safety backup goes back.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.paths import DB_FILENAME, ensure_private_dir
from desktop_app.services.errors import UserError
from desktop_app.store.backup import (
    BackupError,
    backup_dir,
    backup_to,
    integrity_problems,
    is_sqlite_file,
    list_backups,
    rotating_backup,
    stored_keep,
)
from desktop_app.store.folder_lock import replacing_ledger
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.reasons import reason
from desktop_app.store.schema import LedgerError, check_not_too_new, current_revision, restore_file
from desktop_app.store.schema_shape import shape_differences
from desktop_app.store.sqlite_files import quick_check_problems

log = logging.getLogger(__name__)

SAFETY_TAG = "pre-restore"
KIND_LABELS = {
    "start": "启动时自动备份",
    "pre-upgrade": "升级前备份",
    SAFETY_TAG: "恢复前的安全备份",
}
_NAME_RE = re.compile(r"^ledger-(?P<tag>[a-z-]+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<micro>\d{6}))?(?:-damaged)?\.sqlite3$")


@dataclass(frozen=True)
class BackupRow:
    path: Path
    kind: str  # the Chinese label
    made_at: datetime
    size_kib: int


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    safety_backup: Path | None  # the ledger as it was just before the restore
    revision: str  # the schema revision the restored file had


def startup_backups_kept(ledger: Ledger) -> int:
    """How many start-up backups are kept: the school's setting, else the default of 10."""
    return stored_keep(ledger.db_path)


def suggested_backup_name(today: datetime | None = None) -> str:
    return f"党建台账备份-{(today or datetime.now()):%Y%m%d-%H%M}.sqlite3"


def backup_now(ledger: Ledger, target: Path) -> Path:
    """A consistent copy of the open ledger at `target` (never over the ledger itself).

    A server ledger is copied, as one snapshot, into a new ledger file: the same file a folder
    holds, so `restore` and `migrate-to` can take it back.
    """
    target = Path(target).expanduser()
    if ledger.on_server:
        return _server_backup(ledger, target)
    if target.exists() and target.resolve() == ledger.db_path.resolve():
        raise UserError("不能把台账备份到它自己的数据文件上，请另选一个文件名。")
    try:
        written = backup_to(ledger.db_path, target)
    except BackupError as exc:
        raise UserError(str(exc)) from exc
    log.info("manual backup written")
    return written


def _server_backup(ledger: Ledger, target: Path) -> Path:
    from desktop_app.store.transfer import copy_ledger  # every model: not on the way to the first paint

    with tempfile.TemporaryDirectory(prefix="ledger-copy-") as folder:
        try:
            copy = open_ledger(folder)
            try:
                copy_ledger(ledger, copy)
            finally:
                copy.close()
            written = backup_to(Path(folder) / DB_FILENAME, target)
        except (BackupError, LedgerError) as exc:
            raise UserError(str(exc)) from exc
    log.info("server ledger backed up to a file")
    return written


@contextmanager
def opened_backup(path: Path) -> Iterator[Ledger]:
    """A backup file opened for reading it whole (a copy in a temp folder, upgraded if older)."""
    verify_backup_file(path)
    with tempfile.TemporaryDirectory(prefix="ledger-from-") as folder:
        shutil.copyfile(Path(path).expanduser(), Path(folder) / DB_FILENAME)
        ledger = open_ledger(folder)
        try:
            yield ledger
        finally:
            ledger.close()


def automatic_backups(data_dir: Path) -> list[BackupRow]:
    """Backups the program made in data_dir/backups, newest first."""
    rows = []
    for path in list_backups(data_dir):
        match = _NAME_RE.match(path.name)
        if match:
            kind = KIND_LABELS.get(match["tag"], match["tag"])
            made_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(microsecond=int(match["micro"] or 0))
        else:
            kind, made_at = "备份", datetime.fromtimestamp(path.stat().st_mtime)
        rows.append(BackupRow(path, kind, made_at, max(1, path.stat().st_size // 1024)))
    rows.sort(key=lambda r: r.made_at, reverse=True)
    return rows


def verify_backup_file(path: Path) -> str:
    """The schema revision of a file fit to restore; UserError saying what is wrong otherwise."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise UserError(f"找不到备份文件“{path}”。")
    if not is_sqlite_file(path):
        raise UserError(f"文件“{path.name}”不是党建台账的备份（不是 SQLite 数据库文件）。")
    problems = integrity_problems(path)
    if problems:
        raise UserError(f"备份文件“{path.name}”已损坏，不能用来恢复：{'；'.join(problems[:3])}")
    try:
        revision = current_revision(path)
        if revision is None:
            raise UserError(f"文件“{path.name}”是空的数据库，不是党建台账的备份。")
        check_not_too_new(revision)
    except LedgerError as exc:
        raise UserError(str(exc).replace("这个台账文件", "这个备份文件")) from exc
    differences = shape_differences(path, revision)
    if differences:
        raise UserError(f"文件“{path.name}”不是完好的党建台账备份（数据版本 {revision}），不能用来恢复："
                        f"{'；'.join(differences[:5])}。")
    return revision


def _safety_backup(db: Path, data_dir: Path) -> Path | None:
    if not db.exists() or db.stat().st_size == 0:
        return None
    try:
        if is_sqlite_file(db) and not quick_check_problems(db):
            return rotating_backup(db, data_dir, SAFETY_TAG)
        # A damaged current file is still kept, byte for byte (it is closed, nothing writes it).
        target = backup_dir(data_dir) / f"ledger-{SAFETY_TAG}-{datetime.now():%Y%m%d-%H%M%S}-damaged.sqlite3"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db, target)
        return target
    except (BackupError, OSError) as exc:
        raise UserError(f"恢复前要先给当前台账做安全备份，但备份没有完成，因此没有恢复，台账没有改动。\n{exc}") from exc


def restore(data_dir: Path, source: Path) -> tuple[Ledger, RestoreResult]:
    """Replace the ledger in `data_dir` with `source` and open it.

    The caller must have closed its own Ledger on this folder; while a window of another process
    holds the folder, LedgerInUse. On failure the ledger file is as it was before (UserError says why).
    """
    source = Path(source).expanduser()
    data_dir = ensure_private_dir(Path(data_dir))
    with replacing_ledger(data_dir, "恢复台账"):
        return _restore_locked(data_dir, source)


def _restore_locked(data_dir: Path, source: Path) -> tuple[Ledger, RestoreResult]:
    db = data_dir / DB_FILENAME
    if db.exists() and source.resolve() == db.resolve():
        raise UserError("所选文件就是当前正在使用的台账文件，不能用它自己来恢复。")
    revision = verify_backup_file(source)
    safety = _safety_backup(db, data_dir)
    try:
        restore_file(source, db)
    except BackupError as exc:
        raise UserError(f"恢复没有完成，台账没有改动：{exc}") from exc
    from desktop_app.store.models import AuditEntry  # the app imports this module before its first paint

    ledger = None
    try:
        ledger = open_ledger(data_dir)
        with ledger.transaction() as session:
            session.add(AuditEntry(action="restore", subject=f"从备份恢复：{source.name}"))
    except Exception as exc:
        if ledger is not None:
            ledger.close()
        _put_back(safety, db)
        raise UserError(f"恢复的文件无法打开，已放回恢复前的台账，没有改动。\n{reason(exc)}") from exc
    log.info("ledger restored from a backup of revision %s", revision)
    return ledger, RestoreResult(source, safety, revision)


def _put_back(safety: Path | None, db: Path) -> None:
    if safety is None:
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            path.unlink(missing_ok=True)
        return
    try:
        if is_sqlite_file(safety):
            restore_file(safety, db)
        else:  # the ledger was already damaged before the restore: put those same bytes back
            shutil.copyfile(safety, db)
    except (BackupError, OSError):
        log.error("putting the safety backup back failed")
        raise UserError(f"恢复失败，而且没能自动放回原台账。原台账的安全备份在“{safety}”。") from None

