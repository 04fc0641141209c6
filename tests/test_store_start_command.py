"""The README's start command: `python -m desktop_app --data-dir DIR` opens the window and quits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.store.schema import current_revision, head_revision

ROOT = Path(__file__).resolve().parent.parent


def start(data_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("BRANCH_LEDGER_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), "--quit-after", "500"],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=180,
    )


def test_start_command_creates_the_ledger_and_exits_cleanly(tmp_path):
    data_dir = tmp_path / "新用户数据"
    result = start(data_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    assert current_revision(data_dir / "ledger.sqlite3") == head_revision()
    assert "ledger opened" in (data_dir / "logs" / "ledger.log").read_text(encoding="utf-8")
    assert (data_dir / "window.ini").exists()  # geometry remembered on close

    second = start(data_dir)
    assert second.returncode == 0, second.stderr[-2000:]
    assert len(list((data_dir / "backups").glob("ledger-start-*.sqlite3"))) == 1
