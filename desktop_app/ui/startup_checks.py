"""What follows the first paint at start-up: SQLite's quick_check of the ledger, then the start-up backup.

Both read the whole file, so they run on a worker beside the first screen instead of before it.
A damaged file still reaches the recovery dialog: the window steps aside, and comes back on the
restored or new ledger (or the program ends, as when the damage is found before the window).
No write happens in between: every transaction waits for the check (Ledger.ensure_sound).
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from desktop_app.store.ledger import Ledger, take_startup_backup
from desktop_app.store.schema import LedgerDamaged
from desktop_app.ui import messages
from desktop_app.ui.startup_recovery import recover
from desktop_app.ui.widgets.background import BackgroundTask

log = logging.getLogger(__name__)

QUIT_UNOPENED = 2  # the exit code when she quits instead of recovering, as before the window
def _check_then_back_up(ledger: Ledger) -> LedgerDamaged | str | None:
    """The damage found, else the start-up backup's warning (None when all went well)."""
    try:
        ledger.ensure_sound()
    except LedgerDamaged as exc:
        return exc  # no backup of a damaged file: it would push a sound copy out of the rotation
    if ledger.created or ledger.read_only or ledger.on_server:  # nothing to copy, nowhere to write it, no file
        return None
    return take_startup_backup(ledger)


def check_after_paint(window, ledger: Ledger) -> BackgroundTask:
    """Start the check and the backup; the caller waits for the task before closing the ledger."""
    task = BackgroundTask(lambda _progress: _check_then_back_up(ledger))
    task.signals.finished.connect(lambda outcome: _report(window, ledger, outcome))
    task.start()
    return task


def _report(window, ledger: Ledger, outcome: LedgerDamaged | str | None) -> None:
    if isinstance(outcome, LedgerDamaged):
        _recover_in_place(window, ledger, outcome)
    elif outcome:
        messages.warn(window, "提示", outcome)


def _recover_in_place(window, ledger: Ledger, damage: LedgerDamaged) -> None:
    log.error("start-up check found the ledger damaged")
    window.hide()
    ledger.close()
    recovered = recover(ledger.data_dir, damage)
    if recovered is None:
        QApplication.instance().exit(QUIT_UNOPENED)
        return
    window.context.replace_ledger(recovered)
    window.show()
