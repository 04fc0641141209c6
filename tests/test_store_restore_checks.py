"""Restore checks the contents, not only the revision, and never loses a save or replays an old -wal."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import save_screenshot

from desktop_app.cli.main import main
from desktop_app.services import backups
from desktop_app.services.errors import UserError
from desktop_app.store.backup import backup_to
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import LedgerDamaged, NotALedger

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert main(["--data-dir", str(folder / "data"), "demo"]) == 0
    return backup_to(folder / "data" / "ledger.sqlite3", folder / "demo-backup.sqlite3")


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        conn.close()


def altered(demo_backup: Path, tmp_path: Path, *statements: str) -> Path:
    copy = tmp_path / "altered.sqlite3"
    shutil.copyfile(demo_backup, copy)
    conn = sqlite3.connect(str(copy))
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
    return copy


HOSTILE = {
    "trigger": ("CREATE TRIGGER wipe AFTER INSERT ON audit_entry BEGIN DELETE FROM visit; DELETE FROM observation; END",),
    "member trigger": ("CREATE TRIGGER blank AFTER UPDATE ON member BEGIN UPDATE member SET id_number = NULL; END",),
    "view": ("CREATE VIEW everyone AS SELECT * FROM member",),
    "dropped table": ("DROP TABLE audit_entry",),
    "extra index": ("CREATE INDEX sneaky ON member(name)",),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_backup_with_a_foreign_shape_is_refused_and_nothing_changes(demo_backup, data_dir, tmp_path, capsys, kind):
    assert main(["--data-dir", str(data_dir), "restore", str(demo_backup)]) == 0
    db = data_dir / "ledger.sqlite3"
    visits = count(db, "visit")
    hostile = altered(demo_backup, tmp_path, *HOSTILE[kind])
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "restore", str(hostile)])
    err = capsys.readouterr().err
    assert code == 1
    assert "不是完好的党建台账备份" in err and "altered.sqlite3" in err
    assert count(db, "visit") == visits > 0


def test_a_foreign_file_with_only_an_alembic_version_row_is_refused(data_dir, tmp_path, capsys):
    foreign = tmp_path / "别的程序.sqlite3"
    conn = sqlite3.connect(str(foreign))
    conn.executescript("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL);"
                       "INSERT INTO alembic_version VALUES ('0005'); CREATE TABLE invoice (id INTEGER);")
    conn.close()
    open_ledger(data_dir).close()
    code = main(["--data-dir", str(data_dir), "restore", str(foreign)])
    err = capsys.readouterr().err
    assert code == 1 and "缺少数据表" in err and "多出不属于台账的数据表：invoice" in err
    assert main(["--data-dir", str(data_dir), "check"]) == 0


def test_saves_of_another_process_during_a_restore_land_in_the_restored_file(demo_backup, data_dir):
    open_ledger(data_dir).close()
    writer = subprocess.Popen([sys.executable, "-m", "tests.helpers.steady_writer", str(data_dir), "0"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(writer.stdout), daemon=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        reader.start()
        ledger, _result = backups.restore(data_dir, demo_backup)
        ledger.close()
        seen_at_restore = len(lines)
        while len([ln for ln in lines[seen_at_restore:] if ln.startswith("committed")]) < 5:
            assert writer.poll() is None, writer.stderr.read()
            threading.Event().wait(0.05)
    finally:
        writer.kill()
        writer.communicate()
        reader.join()
    after = [int(ln.split()[1]) for ln in lines[seen_at_restore:] if ln.startswith("committed")]
    conn = sqlite3.connect(str(data_dir / "ledger.sqlite3"))
    try:
        names = {r[0] for r in conn.execute("select name from school_class")}
    finally:
        conn.close()
    lost = [n for n in after if f"写入{n}班" not in names]
    assert lost == [], f"saves committed after the restore are not in the file: {lost}"
    assert count(data_dir / "ledger.sqlite3", "member") == count(demo_backup, "member")


def old_wal_beside_a_new_file(demo_backup: Path, data_dir: Path) -> Path:
    """The state a crash between 'rename the restored file in' and 'delete the -wal' used to leave."""
    db = data_dir / "ledger.sqlite3"
    shutil.copyfile(demo_backup, db)
    conn = sqlite3.connect(str(db))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("DELETE FROM visit")
    conn.commit()
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE member SET phone = hex(randomblob(200))")
    conn.execute("DELETE FROM observation")
    conn.commit()
    old_wal = data_dir / "old-wal"
    shutil.copyfile(f"{db}-wal", old_wal)
    conn.close()
    shutil.copyfile(demo_backup, db)
    shutil.copyfile(old_wal, f"{db}-wal")
    old_wal.unlink()
    return db


def test_a_ledger_damaged_by_an_old_wal_is_not_opened_silently(demo_backup, data_dir, capsys):
    old_wal_beside_a_new_file(demo_backup, data_dir)
    with pytest.raises(NotALedger, match="已损坏"):
        open_ledger(data_dir)
    code = main(["--data-dir", str(data_dir), "check"])
    assert code == 1


def test_damaged_data_pages_fail_the_quick_check_on_open(demo_backup, data_dir):
    """The schema pages read fine, so the revision is found; the rows' pages are scribbled over."""
    db = data_dir / "ledger.sqlite3"
    shutil.copyfile(demo_backup, db)
    data = bytearray(db.read_bytes())
    for offset in range(len(data) - 20 * 4096, len(data), 4096):
        data[offset:offset + 40] = bytes((i * 29 + 3) % 256 for i in range(40))
    db.write_bytes(bytes(data))
    with pytest.raises(LedgerDamaged, match="已损坏"):
        open_ledger(data_dir)


def test_restore_over_a_ledger_with_an_old_wal_gives_a_sound_file(demo_backup, data_dir, capsys):
    db = old_wal_beside_a_new_file(demo_backup, data_dir)
    assert main(["--data-dir", str(data_dir), "restore", str(demo_backup)]) == 0
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert count(db, "visit") == count(demo_backup, "visit")
    assert not any(p.name.endswith((".partial", ".restoring")) for p in data_dir.iterdir())


def test_the_recovery_dialog_offers_backups_for_a_ledger_failing_quick_check(ui_app, qtbot, demo_backup, data_dir):
    from desktop_app.ui.startup_recovery import RecoveryDialog

    shutil.copyfile(demo_backup, data_dir / "placeholder")
    backup_folder = data_dir / "backups"
    backup_folder.mkdir()
    shutil.move(data_dir / "placeholder", backup_folder / "ledger-start-20260101-080000-000000.sqlite3")
    old_wal_beside_a_new_file(demo_backup, data_dir)
    with pytest.raises(NotALedger) as caught:
        open_ledger(data_dir)
    dialog = RecoveryDialog(data_dir, str(caught.value))
    qtbot.addWidget(dialog)
    assert dialog.backups.count() == 1
    assert "已损坏" in str(caught.value) and "malformed" not in str(caught.value)
    save_screenshot(dialog, "startup_recovery_damaged_pages")
    dialog.restore_button.click()
    assert dialog.ledger is not None
    dialog.ledger.close()
    assert main(["--data-dir", str(data_dir), "check"]) == 0


def test_restore_keeps_files_private(demo_backup, data_dir):
    ledger, result = backups.restore(data_dir, demo_backup)
    ledger.close()
    if os.name == "posix":
        assert (result.safety_backup is None) or (result.safety_backup.stat().st_mode & 0o077) == 0


def test_restore_refuses_a_missing_file_in_chinese(data_dir, tmp_path):
    with pytest.raises(UserError, match="找不到备份文件"):
        backups.restore(data_dir, tmp_path / "不存在.sqlite3")
