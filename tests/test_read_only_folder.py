"""A read-only data folder (or log): reading commands still work, writing ones say why in Chinese.

Root ignores permission bits, so as root the folder is bind-mounted read-only in a private mount
namespace (`unshare -m`, gone with the process); as a normal user it is chmod 0555.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from import_helpers import write_book

from desktop_app.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


def run_read_only(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *map(str, args)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if os.geteuid() == 0:
        folder = shlex.quote(str(data_dir))
        script = (f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && exec "
                  + " ".join(map(shlex.quote, command)))
        command = ["unshare", "-m", "sh", "-c", script]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300)


@pytest.fixture
def read_only_demo(tmp_path):
    data_dir = tmp_path / "只读"
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    if os.geteuid() != 0:
        for folder in (data_dir, data_dir / "logs", data_dir / "backups"):
            folder.chmod(0o555)
    yield data_dir
    for folder in (data_dir, data_dir / "logs", data_dir / "backups"):
        folder.chmod(0o700)


def test_reading_commands_work_in_a_read_only_folder(read_only_demo, tmp_path):
    before = (read_only_demo / "ledger.sqlite3").read_bytes()
    result = run_read_only(read_only_demo, "check")
    assert result.returncode == 0 and "正常" in result.stdout, result.stderr
    result = run_read_only(read_only_demo, "backup", "-o", tmp_path / "副本.sqlite3")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "副本.sqlite3").stat().st_size > 100_000
    result = run_read_only(read_only_demo, "export", "quarterly", "--year", "2025", "--quarter", "3",
                           "-o", tmp_path / "季度.xlsx")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "季度.xlsx").exists()
    assert "Traceback" not in result.stderr
    assert (read_only_demo / "ledger.sqlite3").read_bytes() == before


def test_writing_commands_in_a_read_only_folder_say_why_in_chinese(read_only_demo, tmp_path):
    book = write_book(tmp_path / "名册.xlsx", [["姓名", "政治面貌"], ["新来的", "中共党员"]])
    result = run_read_only(read_only_demo, "import", "members", book)
    assert result.returncode == 1
    assert "只读" in result.stderr and "ledger.sqlite3" in result.stderr and "没有改动" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    result = run_read_only(read_only_demo, "restore", tmp_path / "不存在.sqlite3")
    assert result.returncode == 1 and "找不到备份文件" in result.stderr


def test_logging_falls_back_when_the_log_cannot_be_written(tmp_path):
    from desktop_app.logging_setup import fallback_log_dir, setup_logging, stop_logging

    blocked = tmp_path / "数据"
    blocked.mkdir()
    (blocked / "logs").write_text("a file where the logs folder should be")
    try:
        path = setup_logging(blocked)
        assert path is not None and path.parent == fallback_log_dir()
    finally:
        stop_logging()


def test_a_print_onto_a_full_disk_names_the_file_and_keeps_the_previous_one(tmp_path):
    """An 8 KB disk (tmpfs) already holding last year's file: the new PDF does not fit."""
    data_dir = tmp_path / "数据"
    assert main(["--data-dir", str(data_dir), "print", "calibration", "-o", str(tmp_path / "校准页.pdf")]) == 0
    disk = tmp_path / "小磁盘"
    disk.mkdir()
    target = disk / "校准页.pdf"
    command = [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), "print", "calibration", "-o", str(target)]
    folder = shlex.quote(str(disk))
    script = (f"mount -t tmpfs -o size=8k tmpfs {folder} && printf previous > {shlex.quote(str(target))} && "
              + " ".join(map(shlex.quote, command)) + f"; code=$?; head -c 8 {shlex.quote(str(target))}; echo; ls {folder}; exit $code")
    if os.geteuid() != 0:
        pytest.fail("this test needs root to mount a small disk (the CI runs as root)")
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True,
                            encoding="utf-8", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "无法保存“校准页.pdf”" in result.stderr and "磁盘空间已满" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.split() == ["previous", "校准页.pdf"]  # the old file untouched, no temp file left
