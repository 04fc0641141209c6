"""Any legal folder name works: `#`, `%`, `?`, spaces and Chinese in the data folder's path.

Before, `file:{path}?mode=ro` URIs cut the path at `#`/`?` and opened a new, empty file beside
the folder: backups came out empty and `check` reported a damaged ledger as sound.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli.main import main

FOLDER_NAMES = ["党支部#2", "2025%资料", "%25 编码", "问?号", "带 空格 的 文件夹"]


def run(capsys, data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def member_count(db: Path) -> int:
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("select count(*) from member").fetchone()[0]
    finally:
        conn.close()


def scribble(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset:offset + 64] = bytes((i * 53 + 7) % 256 for i in range(64))
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_demo_backup_check_restore_in_a_hostile_folder(tmp_path, capsys, name):
    parent = tmp_path / name
    data_dir = parent / "数据"
    code, out, err = run(capsys, data_dir, "demo")
    assert code == 0, err
    db = data_dir / "ledger.sqlite3"
    members = member_count(db)
    assert members >= 30
    # nothing was created beside the folder (a cut-short URI opened "党支部" or "问")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]

    copy = parent / "备份#1 ?.sqlite3"
    code, out, err = run(capsys, data_dir, "backup", "-o", str(copy))
    assert code == 0, err
    assert member_count(copy) == members

    code, out, _ = run(capsys, data_dir, "check")
    assert code == 0 and "正常" in out

    scribble(db)
    code, out, _ = run(capsys, data_dir, "check")
    assert code == 1 and "发现问题" in out

    code, out, err = run(capsys, data_dir, "restore", str(copy))
    assert code == 0, err
    assert member_count(db) == members
    code, out, _ = run(capsys, data_dir, "check")
    assert code == 0, out
