"""Killing the process mid-write never loses a committed record nor leaves half of one."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop_app.store.backup import BackupError, backup_to, integrity_problems
from desktop_app.store.ledger import open_ledger

KILLS = int(os.environ.get("CRASH_TEST_KILLS", "25"))
ROOT = Path(__file__).resolve().parent.parent


def _run_and_kill(data_dir: Path, start: int, delay: float) -> list[int]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_writer", str(data_dir), str(start)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    return [int(line.split()[1]) for line in out.splitlines() if line.startswith("committed ")]


def test_sigkill_during_writes_loses_nothing_committed(data_dir, figures):
    open_ledger(data_dir).close()
    rng = random.Random(20261122)
    committed: set[int] = set()
    next_number = 0
    for _ in range(KILLS):
        done = _run_and_kill(data_dir, next_number, rng.uniform(0.05, 1.0))
        committed.update(done)
        next_number = (max(done) + 1 if done else next_number) + 1000  # never reuse a name
        db = data_dir / "ledger.sqlite3"
        assert integrity_problems(db) == []
        conn = sqlite3.connect(db)
        try:
            per_class = dict(conn.execute(
                "select c.name, count(s.id) from school_class c left join student s on s.class_id = c.id group by c.id"
            ).fetchall())
        finally:
            conn.close()
        assert all(count == 3 for count in per_class.values()), "a class was committed without all its students"
        missing = [n for n in committed if f"测试{n}班" not in per_class]
        assert missing == [], f"committed classes lost after kill: {missing[:5]}"
    reopened = open_ledger(data_dir)
    reopened.close()
    figures.append(f"crash safety: {KILLS} SIGKILLs survived, {len(committed)} committed transactions "
                   f"({len(committed) * 4} records) all present, integrity ok")
    assert len(committed) > 0


def test_backup_into_read_only_folder_fails_cleanly(ledger, tmp_path):
    if os.geteuid() == 0:
        # root ignores permission bits; a path under a regular file is unwritable for anyone
        blocked = tmp_path / "a-file"
        blocked.write_text("x")
        target = blocked / "backup.sqlite3"
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "backup.sqlite3"
    try:
        backup_to(ledger.db_path, target)
    except BackupError as exc:
        assert "无法把台账备份到" in str(exc)
    else:
        raise AssertionError("backup into an unwritable place did not fail")
    assert integrity_problems(ledger.db_path) == []
    assert not list(tmp_path.rglob("*.partial"))


def _member_names(db: Path) -> frozenset[str]:
    conn = sqlite3.connect(str(db))
    try:
        return frozenset(r[0] for r in conn.execute("select name from member"))
    finally:
        conn.close()


def _leave_a_live_wal(db: Path) -> None:
    """A process that wrote and died without checkpointing: its -wal stays beside the ledger."""
    script = ("import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_autocheckpoint=0');"
              "c.execute(\"update member set phone = '13800000000'\"); c.commit(); os._exit(0)")
    subprocess.run([sys.executable, "-c", script, str(db)], check=True)


def test_sigkill_during_restore_leaves_one_whole_ledger(tmp_path, figures):
    from desktop_app.cli.main import main as cli_main
    from desktop_app.domain.people import MemberData
    from desktop_app.services.members import add_member

    data_dir = tmp_path / "data"
    assert cli_main(["--data-dir", str(data_dir), "demo"]) == 0
    db = data_dir / "ledger.sqlite3"
    first = backup_to(db, tmp_path / "first.sqlite3")
    ledger = open_ledger(data_dir)
    for name in ("第二份甲", "第二份乙", "第二份丙"):
        add_member(ledger, MemberData(name=name, political_status="full_member"))
    ledger.close()
    second = backup_to(db, tmp_path / "second.sqlite3")
    expected = {_member_names(first), _member_names(second)}
    rng = random.Random(20261202)
    trials, failures, stale_wals = max(8, KILLS // 2), [], 0
    for trial in range(trials):
        if trial % 2 and db.exists():
            _leave_a_live_wal(db)
            stale_wals += 1
        proc = subprocess.Popen([sys.executable, "-m", "tests.helpers.restore_loop", str(data_dir), str(first), str(second)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        problems = integrity_problems(db)
        names = _member_names(db) if not problems else None
        if problems or names not in expected:
            failures.append((trial, problems[:2], None if names is None else len(names)))
            continue
        open_ledger(data_dir).close()  # opens (quick_check passes): no old -wal replayed onto new pages
    leftovers = [p.name for p in data_dir.rglob("*") if p.name.endswith((".partial", ".restoring"))]
    figures.append(f"restore crash loop: {trials} SIGKILLs ({stale_wals} over a live -wal), {len(failures)} failures, "
                   f"rows lost 0 (after every kill the ledger was one whole backup, sound and openable), "
                   f"{len(leftovers)} temp files left for the next start to clear")
    assert failures == []


def _report_rows(path: Path) -> int | None:
    """Rows in an error report, None when the file is not a whole workbook."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True)
        try:
            return workbook.active.max_row
        finally:
            workbook.close()
    except Exception:  # a half-written file: any of openpyxl's many errors
        return None


def _wait_for_partial(folder: Path, proc: subprocess.Popen) -> bool:
    """Wait until the process starts writing a temp file in `folder`; False if it ended first."""
    while proc.poll() is None:
        if any(folder.glob("*.partial")):
            return True
        time.sleep(0.005)
    return False


def test_sigkill_during_an_error_report_keeps_the_previous_report_whole(tmp_path, figures):
    from openpyxl import Workbook

    data_dir = tmp_path / "data"
    open_ledger(data_dir).close()
    source = tmp_path / "名册.xlsx"
    workbook = Workbook()
    workbook.active.append(["姓名", "性别", "政治面貌"])
    for number in range(6000):
        workbook.active.append([f"党员{number}", "男", "不存在的面貌"])
    workbook.save(source)
    report = tmp_path / "错误行.xlsx"
    command = [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), "import", "members", str(source),
               "--dry-run", "--error-report", str(report)]
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    whole = _report_rows(report)
    assert whole == 6001
    rng = random.Random(20261203)
    trials, broken, rows_lost = max(8, KILLS // 2), 0, 0
    during_write = 0
    for trial in range(trials):
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if trial % 2 == 0 and _wait_for_partial(tmp_path, proc):
            during_write += 1  # the report is being written right now: kill inside that window
            time.sleep(rng.uniform(0.0, 0.3))
        else:
            time.sleep(rng.uniform(0.5, 6.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        rows = _report_rows(report)
        if rows != whole:
            broken += 1
            rows_lost += whole - (rows or 0)
    leftovers = [p.name for p in tmp_path.glob("*.partial")]
    figures.append(f"error-report crash loop: {trials} SIGKILLs during `import --error-report` ({during_write} while "
                   f"the report was being written), {broken} broken reports, "
                   f"rows lost {rows_lost}, {len(leftovers)} temp files left beside the report (cleared when it is next written "
                   f"once older than 10 min)")
    assert broken == 0
