"""A damaged or foreign ledger at start: clear choices, the file is never overwritten."""

from __future__ import annotations

import sqlite3

from conftest import save_screenshot
from PySide6.QtCore import QTimer

from desktop_app.services.members import add_member, list_members
from desktop_app.domain.people import MemberData
from desktop_app.store.backup import rotating_backup
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import NotALedger
from desktop_app.ui.error_handler import install_error_handler
from desktop_app.ui.startup_recovery import RecoveryDialog


def _damage(path, garbage=b"\x00garbage" * 512):
    with open(path, "r+b") as fh:
        fh.seek(0)
        fh.write(garbage)


def _ledger_with_backup(data_dir):
    ledger = open_ledger(data_dir)
    add_member(ledger, MemberData(name="王芳"))
    ledger.close()
    rotating_backup(data_dir / "ledger.sqlite3", data_dir, "start")


def test_restore_from_backup_keeps_the_damaged_file(ui_app, qtbot, data_dir, message_bridge):
    _ledger_with_backup(data_dir)
    _damage(data_dir / "ledger.sqlite3")
    damaged_bytes = (data_dir / "ledger.sqlite3").read_bytes()
    try:
        open_ledger(data_dir)
    except NotALedger as exc:
        dialog = RecoveryDialog(data_dir, str(exc))
    qtbot.addWidget(dialog)
    assert dialog.backups.count() == 1
    save_screenshot(dialog, "startup_recovery")
    dialog.restore_button.click()
    assert dialog.ledger is not None
    assert [m.name for m in list_members(dialog.ledger)] == ["王芳"]
    dialog.ledger.close()
    kept = list(data_dir.glob("ledger-damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert "已从备份恢复台账" in message_bridge.texts("info")[0]


def test_start_empty_sets_foreign_file_aside(ui_app, qtbot, data_dir, message_bridge):
    with sqlite3.connect(data_dir / "ledger.sqlite3") as conn:
        conn.execute("create table invoices (id integer)")
    try:
        open_ledger(data_dir)
    except NotALedger as exc:
        dialog = RecoveryDialog(data_dir, str(exc))
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    message_bridge.answers = [True]
    dialog.empty_button.click()
    assert dialog.ledger is not None and list_members(dialog.ledger) == []
    dialog.ledger.close()
    kept = list(data_dir.glob("ledger-damaged-*.sqlite3"))
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("select name from sqlite_master").fetchone()[0] == "invoices"


def test_unexpected_error_in_a_slot_is_reported_and_app_keeps_running(ui_app, qtbot, message_bridge, monkeypatch):
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_handler()

    def broken_slot():
        raise RuntimeError("boom")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(message_bridge.texts("error")))
    assert "意外错误" in message_bridge.shown[0][1]
    assert "RuntimeError" in message_bridge.texts("error")[0]
    assert "boom" not in message_bridge.texts("error")[0]


def test_a_save_refused_by_the_disk_or_folder_is_explained_in_chinese(ui_app, qtbot, message_bridge, monkeypatch, tmp_path):
    import sqlite3
    import sys

    from sqlalchemy.exc import OperationalError

    from desktop_app.store.ledger import LedgerReadOnly

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_handler()
    failures = [OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full")),
                LedgerReadOnly(f"台账“{tmp_path / 'ledger.sqlite3'}”所在的文件夹是只读的"),
                OSError(28, "No space left on device")]
    for failure in failures:
        QTimer.singleShot(0, lambda f=failure: (_ for _ in ()).throw(f))
    qtbot.waitUntil(lambda: len(message_bridge.texts("error")) == len(failures))
    texts = message_bridge.texts("error")
    assert "磁盘空间已满" in texts[0] and "只读" in texts[1] and "磁盘空间已满" in texts[2]
    assert not any("disk" in text or "意外错误" in text for text in texts)
