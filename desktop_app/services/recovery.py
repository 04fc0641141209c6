"""When the ledger file cannot be opened at start: keep it aside, start empty or restore a backup.

The damaged file is never overwritten or deleted: it is renamed next to the ledger so that it
can still be sent for rescue.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from desktop_app.paths import DB_FILENAME
from desktop_app.services.errors import UserError
from desktop_app.services.backups import verify_backup_file
from desktop_app.store.backup import list_backups
from desktop_app.store.schema import restore_file

log = logging.getLogger(__name__)


def set_aside(data_dir: Path) -> Path:
    """Rename the unreadable ledger (and its -wal/-shm) to ledger-damaged-TIMESTAMP.sqlite3."""
    db = Path(data_dir) / DB_FILENAME
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db.with_name(f"ledger-damaged-{stamp}.sqlite3")
    db.rename(kept)
    for suffix in ("-wal", "-shm"):
        side = Path(str(db) + suffix)
        if side.exists():
            side.rename(Path(str(kept) + suffix))
    log.warning("unreadable ledger set aside")
    return kept


def usable_backup_problem(backup: Path) -> str | None:
    """None when the file is a sound ledger this version can open, else the reason in Chinese."""
    try:
        verify_backup_file(backup)
    except UserError as exc:
        return str(exc)
    return None


def restore_after_failure(data_dir: Path, backup: Path) -> Path:
    """Put the unreadable file aside and copy `backup` in its place; returns where the old file went."""
    problem = usable_backup_problem(backup)
    if problem:
        raise UserError(problem)
    db = Path(data_dir) / DB_FILENAME
    kept = set_aside(data_dir) if db.exists() else db
    restore_file(backup, db)
    return kept


def sound_backups(data_dir: Path) -> list[Path]:
    return [b for b in list_backups(data_dir) if usable_backup_problem(b) is None]
