"""One window per ledger: a second launch raises the first; restore waits until the window is closed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.store.backup import backup_to
from desktop_app.store.folder_lock import FolderLock
from desktop_app.ui.single_instance import InstanceGuard

ROOT = Path(__file__).resolve().parent.parent


def launch(*args: str, env_extra: dict | None = None) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.Popen([sys.executable, "-m", "desktop_app", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stack; minimised state shows it
def test_second_launch_raises_the_first_window_and_exits(main_window, qtbot, data_dir):
    guard = InstanceGuard(data_dir)
    assert guard.claim()
    guard.serve(main_window)
    main_window.showMinimized()
    try:
        with qtbot.waitSignal(guard.raised, timeout=120_000):
            second = launch("--data-dir", str(data_dir))
        _out, err = second.communicate(timeout=120)
        assert second.returncode == 0, err
    finally:
        guard.release()
    assert not main_window.isMinimized()
    assert main_window.isVisible()


def test_cli_restore_is_refused_while_the_window_holds_the_ledger(main_window, data_dir, tmp_path):
    copy = backup_to(main_window.context.ledger.db_path, tmp_path / "备份.sqlite3")
    guard = InstanceGuard(data_dir)
    assert guard.claim()
    guard.serve(main_window)
    db = data_dir / "ledger.sqlite3"
    before = db.read_bytes()
    try:
        refused = launch("--data-dir", str(data_dir), "restore", str(copy))
        _out, err = refused.communicate(timeout=300)
        assert refused.returncode == 1
        assert "请先关闭党建台账窗口" in err and f"进程 {os.getpid()}" in err
        assert db.read_bytes() == before
        # reading and adding commands still work beside the window
        for args in (["check"], ["backup", "-o", str(tmp_path / "另一份.sqlite3")]):
            beside = launch("--data-dir", str(data_dir), *args)
            _out, err = beside.communicate(timeout=300)
            assert beside.returncode == 0, err
    finally:
        guard.release()


def test_a_crashed_windows_lock_is_taken_over(data_dir):
    holder = subprocess.Popen([sys.executable, "-m", "tests.helpers.lock_holder", str(data_dir)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    assert not FolderLock(data_dir).take()  # a live holder is obeyed
    holder.send_signal(signal.SIGKILL)
    holder.communicate()
    assert (data_dir / "ledger.lock").exists()  # left behind by the crash
    lock = FolderLock(data_dir)
    assert lock.take()
    lock.release()


def test_restore_from_the_window_itself_is_not_refused_by_its_own_lock(main_window, data_dir, tmp_path, message_bridge):
    from desktop_app.ui.backup_actions import restore_backup

    guard = InstanceGuard(data_dir)
    assert guard.claim()
    try:
        copy = backup_to(main_window.context.ledger.db_path, tmp_path / "备份.sqlite3")
        message_bridge.answers.append(True)
        assert restore_backup(main_window, copy)
    finally:
        guard.release()
