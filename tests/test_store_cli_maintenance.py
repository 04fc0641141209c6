"""`backup`, `restore`, `check` and `demo` from the command line, on real ledger files."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli.main import main
from desktop_app.domain.people import MemberData
from desktop_app.services import members
from desktop_app.store.backup import backup_dir
from desktop_app.store.ledger import open_ledger

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def member_names(data_dir: Path) -> set[str]:
    ledger = open_ledger(data_dir)
    try:
        return {row.name for row in members.list_members(ledger)}
    finally:
        ledger.close()


def add_member(data_dir: Path, name: str) -> None:
    ledger = open_ledger(data_dir)
    try:
        members.add_member(ledger, MemberData(name=name, political_status="full_member"))
    finally:
        ledger.close()


def damage(path: Path) -> None:
    """Scribble over the head of every page after the first, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size, len(data), page_size):
        data[offset:offset + 24] = bytes((i * 37 + 11) % 256 for i in range(24))
    path.write_bytes(bytes(data))


@pytest.fixture
def demo_dir(data_dir, capsys) -> Path:
    code, out, _ = run(capsys, data_dir, "demo")
    assert code == 0, out
    return data_dir


def test_demo_fills_an_empty_ledger_and_refuses_a_second_time(data_dir, capsys):
    code, out, _ = run(capsys, data_dir, "demo")
    assert code == 0
    assert "已填入示例学校" in out
    before = member_names(data_dir)
    assert len(before) >= 30
    code, _, err = run(capsys, data_dir, "demo")
    assert code == 1
    assert "只能填入空台账" in err
    assert member_names(data_dir) == before


def test_backup_and_restore_round_trip(demo_dir, tmp_path, capsys):
    copy = tmp_path / "out" / "周五备份.sqlite3"
    code, out, _ = run(capsys, demo_dir, "backup", "-o", str(copy))
    assert code == 0 and str(copy) in out
    original = member_names(demo_dir)
    add_member(demo_dir, "备份后新增")
    code, out, _ = run(capsys, demo_dir, "restore", str(copy))
    assert code == 0, out
    assert member_names(demo_dir) == original
    safety = Path(out.split("安全备份：")[1].strip())
    assert safety.parent == backup_dir(demo_dir) and safety.exists()
    conn = sqlite3.connect(safety)
    try:
        assert conn.execute("select count(*) from member where name='备份后新增'").fetchone()[0] == 1
    finally:
        conn.close()


@pytest.mark.parametrize("make_bad, reason", [
    (lambda p: p.write_bytes(b"PK\x03\x04 not a database" * 50), "不是 SQLite"),
    (damage, "已损坏"),
    (lambda p: sqlite3.connect(p).execute("create table t (x)").connection.commit(), "不是党建台账"),
])
def test_restore_refuses_a_bad_file_and_changes_nothing(demo_dir, tmp_path, capsys, make_bad, reason):
    bad = tmp_path / "bad.sqlite3"
    if make_bad is damage:
        run(capsys, demo_dir, "backup", "-o", str(bad))
    make_bad(bad)
    before = (demo_dir / "ledger.sqlite3").stat().st_mtime_ns, member_names(demo_dir)
    code, _, err = run(capsys, demo_dir, "restore", str(bad))
    assert code == 1
    assert reason in err
    assert member_names(demo_dir) == before[1]
    assert not list(backup_dir(demo_dir).glob("ledger-pre-restore-*"))


def test_restore_refuses_a_backup_from_a_newer_program(demo_dir, tmp_path, capsys):
    newer = tmp_path / "newer.sqlite3"
    run(capsys, demo_dir, "backup", "-o", str(newer))
    with sqlite3.connect(newer) as conn:
        conn.execute("update alembic_version set version_num='9999_future'")
    conn.close()
    code, _, err = run(capsys, demo_dir, "restore", str(newer))
    assert code == 1
    assert "更新版本" in err and "备份文件" in err


def test_restore_an_old_revision_backup_upgrades_it(data_dir, capsys):
    old = Path(__file__).resolve().parent / "fixtures" / "ledger-0001.sqlite3"
    run(capsys, data_dir, "demo")
    code, out, _ = run(capsys, data_dir, "restore", str(old))
    assert code == 0, out
    assert member_names(data_dir) == {"王建国", "李秀英", "张晓明"}


def test_restore_works_when_the_current_ledger_is_damaged(demo_dir, tmp_path, capsys):
    good = tmp_path / "good.sqlite3"
    run(capsys, demo_dir, "backup", "-o", str(good))
    (demo_dir / "ledger.sqlite3").write_bytes(b"garbage" * 1000)
    code, out, _ = run(capsys, demo_dir, "restore", str(good))
    assert code == 0, out
    assert len(member_names(demo_dir)) >= 30
    assert Path(out.split("安全备份：")[1].strip()).read_bytes() == b"garbage" * 1000


def test_check_healthy_ledger_says_normal(demo_dir, capsys):
    code, out, _ = run(capsys, demo_dir, "check")
    assert code == 0
    assert out.startswith("正常")


def test_check_damaged_copy_reports_problems(demo_dir, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite3"
    run(capsys, demo_dir, "backup", "-o", str(copy))
    assert run(capsys, demo_dir, "check", str(copy))[0] == 0
    damage(copy)
    code, out, _ = run(capsys, demo_dir, "check", str(copy))
    assert code == 1
    assert "发现问题" in out


def test_check_reports_a_broken_foreign_key(demo_dir, capsys):
    conn = sqlite3.connect(demo_dir / "ledger.sqlite3")
    conn.execute("pragma foreign_keys=off")
    conn.execute("update student set class_id = 999 where id = 1")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, demo_dir, "check")
    assert code == 1
    assert "student" in out


def test_backup_into_an_unwritable_place_says_why(demo_dir, tmp_path, capsys):
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    code, _, err = run(capsys, demo_dir, "backup", "-o", str(blocked / "b.sqlite3"))
    assert code == 1
    assert "无法把台账备份到" in err and "不是文件夹" in err


def test_cli_runs_as_a_module(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(tmp_path / "d"), "check"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 1  # no ledger yet
    assert "找不到文件" in result.stderr


def test_backup_to_the_ledger_file_itself_is_refused(demo_dir, capsys):
    code, _, err = run(capsys, demo_dir, "backup", "-o", str(demo_dir / "ledger.sqlite3"))
    assert code == 1
    assert "不能把台账备份到它自己" in err
    assert len(member_names(demo_dir)) >= 30
    shutil.rmtree(backup_dir(demo_dir), ignore_errors=True)


def test_a_demo_that_fails_half_way_leaves_the_ledger_empty(data_dir, capsys, monkeypatch):
    import types

    from desktop_app.services import demo

    def add_demo(ledger, rng):  # noqa: ARG001 - the demo module contract
        raise RuntimeError("模拟的示例数据错误")

    broken = types.SimpleNamespace(__name__="desktop_app.services.demo.broken_kind", add_demo=add_demo)
    monkeypatch.setattr(demo, "DEMO_KINDS", (demo.people, broken))
    code, _, err = run(capsys, data_dir, "demo")
    assert code == 1
    assert "台账已恢复为空" in err and "模拟的示例数据错误" in err
    assert member_names(data_dir) == set()
    assert not list(backup_dir(data_dir).glob("ledger-pre-demo-*"))


def test_check_tells_a_foreign_database_from_a_ledger(data_dir, tmp_path, capsys):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("create table invoices (id integer)")
    conn.close()
    code, out, _ = run(capsys, data_dir, "check", str(other))
    assert code == 1 and "其他程序的数据库" in out
    old = Path(__file__).resolve().parent / "fixtures" / "ledger-0001.sqlite3"
    code, out, _ = run(capsys, data_dir, "check", str(old))
    assert code == 0 and "数据版本 0001" in out
