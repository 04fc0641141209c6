"""The quick_check runs after the first paint: a damaged file still reaches the recovery dialog,
and nothing is written into it meanwhile."""

from __future__ import annotations

import shutil

import pytest
from conftest import save_screenshot
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.app import build_main_window
from desktop_app.cli.main import main
from desktop_app.services.members import list_members
from desktop_app.store.backup import backup_to, rotating_backup
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import LedgerDamaged
from desktop_app.ui.startup_checks import check_after_paint
from desktop_app.ui.startup_recovery import RecoveryDialog
from desktop_app.ui.widgets.first_paint import after_first_paint


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    assert main(["--data-dir", str(folder / "data"), "demo"]) == 0
    return backup_to(folder / "data" / "ledger.sqlite3", folder / "demo.sqlite3")


def damaged_folder(demo_file, data_dir):
    """A demo ledger with a start-up backup, whose rows' pages are then scribbled over."""
    db = data_dir / "ledger.sqlite3"
    shutil.copyfile(demo_file, db)
    rotating_backup(db, data_dir, "start")
    data = bytearray(db.read_bytes())
    for offset in range(len(data) - 20 * 4096, len(data), 4096):
        data[offset:offset + 40] = bytes((i * 29 + 3) % 256 for i in range(40))
    db.write_bytes(bytes(data))
    return db


def test_a_damaged_file_opened_for_the_window_refuses_every_write(demo_file, data_dir):
    damaged_folder(demo_file, data_dir)
    ledger = open_ledger(data_dir, check_later=True)  # the window's opening: no quick_check yet
    try:
        with pytest.raises(LedgerDamaged, match="已损坏"):
            with ledger.transaction():
                pass
        with pytest.raises(LedgerDamaged):
            ledger.ensure_sound()
    finally:
        ledger.close()
    with pytest.raises(LedgerDamaged):  # everyone else still checks before opening
        open_ledger(data_dir)


def test_a_sound_file_opened_for_the_window_is_checked_once_then_written(demo_file, data_dir):
    shutil.copyfile(demo_file, data_dir / "ledger.sqlite3")
    ledger = open_ledger(data_dir, check_later=True)
    try:
        with ledger.transaction():
            pass
        ledger.ensure_sound()
    finally:
        ledger.close()


def test_damage_found_after_the_first_paint_opens_the_recovery_dialog(ui_app, qtbot, demo_file, data_dir,
                                                                      message_bridge):
    damaged_folder(demo_file, data_dir)
    backups_before = sorted((data_dir / "backups").iterdir())
    ledger = open_ledger(data_dir, check_later=True)
    window = build_main_window(ledger)
    qtbot.addWidget(window)
    window.show()
    painted = []
    after_first_paint(window, lambda: painted.append(True))
    qtbot.waitUntil(lambda: painted == [True])
    offered = []

    def choose_the_backup():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryDialog) and w.isVisible()),
                      None)
        if dialog is None:
            return False
        offered.append((window.isVisible(), dialog.backups.count()))
        save_screenshot(dialog, "startup_recovery_after_first_paint")
        dialog.restore_button.click()
        return True

    poll = QTimer()  # the dialog runs its own event loop: answer it from a timer
    poll.timeout.connect(lambda: offered or choose_the_backup())
    poll.start(50)
    task = check_after_paint(window, ledger)
    qtbot.waitUntil(lambda: bool(offered) and window.isVisible() and window.context.ledger is not ledger,
                    timeout=20000)
    poll.stop()
    task.wait()
    assert offered == [(False, 1)]  # the window stepped aside for the dialog, which offered the backup
    restored = window.context.ledger
    assert len(list_members(restored)) > 0
    assert len(list(data_dir.glob("ledger-damaged-*.sqlite3"))) == 1  # the damaged file is kept
    assert sorted((data_dir / "backups").iterdir())[:len(backups_before)] == backups_before
    assert not any(p.name.startswith("ledger-start-") for p in set((data_dir / "backups").iterdir()) - set(backups_before))
    assert "已从备份恢复台账" in message_bridge.texts("info")[0]
    restored.close()
