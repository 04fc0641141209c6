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
