"""Opening the ledger at start-up, with a progress window while a schema upgrade runs.

An upgrade (after installing a newer version) can take several seconds on a ten-year ledger, for
instance while the search index is built; without a window she would think the program hung.
The ledger opens on a worker thread; the GUI thread keeps the progress window painted.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from desktop_app.paths import DB_FILENAME
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.schema import LedgerError, check_not_too_new, current_revision, head_revision

POLL_MS = 50


def upgrade_pending(data_dir: Path) -> bool:
    """True when the file exists and is a ledger of an older schema revision."""
    db = Path(data_dir) / DB_FILENAME
    if not db.exists() or db.stat().st_size == 0:
        return False
    try:
        revision = current_revision(db)
        check_not_too_new(revision)
    except LedgerError:
        return False  # open_ledger refuses it, and start-up recovery takes over
    return revision is not None and revision != head_revision()


def open_ledger_at_start(data_dir: Path) -> Ledger:
    """`open_ledger`, showing 正在升级… while an upgrade runs; raises what open_ledger raises.

    Without an upgrade the quick_check of the file waits until the window has painted
    (ui/startup_checks.py runs it).
    """
    if not upgrade_pending(data_dir):
        return open_ledger(data_dir, check_later=True)
    dialog = QProgressDialog("正在升级台账数据结构（更新程序后第一次启动），请稍候…\n升级前已自动备份。", None, 0, 0)
    dialog.setWindowTitle("党建台账")
    dialog.setWindowModality(Qt.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setCancelButton(None)  # an upgrade is one transaction: stopping half-way is not offered
    dialog.show()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["ledger"] = open_ledger(data_dir)
        except BaseException as exc:  # handed to the GUI thread below
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="ledger-upgrade", daemon=True)
    worker.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    timer.start(POLL_MS)
    loop.exec()
    timer.stop()
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["ledger"]
