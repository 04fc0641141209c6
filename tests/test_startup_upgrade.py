"""Starting a newer version on an older ledger: a progress window while the schema upgrades."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop_app.store.schema import DatabaseTooNew, UpgradeFailed, current_revision, head_revision
from desktop_app.ui.startup_upgrade import open_ledger_at_start, upgrade_pending

FIXTURE = Path(__file__).parent / "fixtures" / "ledger-0005.sqlite3"


def _members(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM member").fetchone()[0]
    finally:
        conn.close()


def test_an_older_ledger_upgrades_behind_a_progress_window(ui_app, data_dir):
    shutil.copy(FIXTURE, data_dir / "ledger.sqlite3")
    members = _members(data_dir / "ledger.sqlite3")
    assert upgrade_pending(data_dir)
    seen: list[str] = []

    def look() -> None:
        seen.extend(w.labelText() for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())

    QTimer.singleShot(0, look)
    ledger = open_ledger_at_start(data_dir)
    try:
        assert seen and "正在升级台账数据结构" in seen[0]
        assert current_revision(ledger.db_path) == head_revision()
        assert _members(ledger.db_path) == members
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    finally:
        ledger.close()
    assert not upgrade_pending(data_dir)


def test_a_new_ledger_opens_without_a_window(ui_app, data_dir):
    assert not upgrade_pending(data_dir)
    ledger = open_ledger_at_start(data_dir)
    ledger.close()
    assert current_revision(data_dir / "ledger.sqlite3") == head_revision()


def test_a_newer_ledger_is_refused_without_a_window(ui_app, data_dir):
    shutil.copy(FIXTURE, data_dir / "ledger.sqlite3")
    conn = sqlite3.connect(data_dir / "ledger.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    assert not upgrade_pending(data_dir)
    with pytest.raises(DatabaseTooNew):
        open_ledger_at_start(data_dir)


def test_a_failed_upgrade_on_the_worker_reaches_the_caller_with_the_file_restored(ui_app, data_dir):
    shutil.copy(FIXTURE, data_dir / "ledger.sqlite3")
    conn = sqlite3.connect(data_dir / "ledger.sqlite3")
    conn.execute("CREATE TABLE meeting (id INTEGER PRIMARY KEY)")  # the next revision creates it: it fails
    conn.commit()
    conn.close()
    assert upgrade_pending(data_dir)
    with pytest.raises(UpgradeFailed, match="已恢复升级前的备份"):
        open_ledger_at_start(data_dir)
    assert current_revision(data_dir / "ledger.sqlite3") == "0005"
