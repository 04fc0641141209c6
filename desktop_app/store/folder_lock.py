"""The data folder's lock: the window holds it for as long as it has the ledger open.

A `QLockFile` (QtCore only, so the command line can use it without widgets) records the holder's
process id. A lock left by a crashed process is stale and is taken over; a live holder is obeyed.
Commands that replace the ledger file (restore) take the lock too, and refuse while a window
holds it; reading and adding commands do not need it (SQLite's own locks keep them safe).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLockFile

from desktop_app.store.schema import LedgerError

LOCK_FILENAME = "ledger.lock"


class LedgerInUse(LedgerError):
    """Another process (the window) has this data folder's ledger open."""


class FolderLock:
    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_FILENAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when the holder's process is gone, never by age

    def take(self) -> bool:
        """True when this process now holds the lock (a crashed holder's lock is taken over)."""
        return self._lock.isLocked() or self._lock.tryLock(0)

    def cannot_write(self) -> bool:
        """The last take() failed because the folder is read-only (then nothing can replace the ledger)."""
        return self._lock.error() == QLockFile.LockError.PermissionError

    def holder(self) -> int | None:
        """The process id in the lock file, None when it cannot be read."""
        info = self._lock.getLockInfo()
        return info[0] if info and info[0] else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


@contextmanager
def replacing_ledger(data_dir: Path, action: str) -> Iterator[None]:
    """Hold the folder's lock while the ledger file is replaced; LedgerInUse while a window has it.

    A window of this same process (restoring from its own menu) has already closed its ledger.
    """
    lock = FolderLock(data_dir)
    if Path(data_dir).exists() and not lock.take() and not lock.cannot_write():
        pid = lock.holder()
        if pid != os.getpid():
            raise LedgerInUse(
                f"党建台账的窗口正在使用这个数据文件夹（进程 {pid}），不能{action}。"
                f"请先关闭党建台账窗口，再{action}。\n数据文件夹：{data_dir}"
            )
    try:
        yield
    finally:
        lock.release()
