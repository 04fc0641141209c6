"""Every file we write appears whole or not at all, private to the user, and hostile text stays text."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.cli.main import main
from desktop_app.services import importing
from import_helpers import write_book

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")  # noqa: this suite runs on Linux


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_error_report_cell_with_a_risky_start_is_quote_prefixed(ledger, tmp_path):
    risky = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t隐藏", "\r换行"]
    rows = [["姓名", "性别", "政治面貌"]] + [[name, "男", "不存在的面貌"] for name in risky]
    book = write_book(tmp_path / "名册.xlsx", rows)
    source = load_workbook(book)
    for row in source.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text in the source too, as a user typing '=... would have it
    source.save(book)
    checked = importing.preview(ledger, "members", book)
    assert len(checked.bad_rows) == len(risky)
    report = importing.write_error_report(checked, tmp_path / "错误行.xlsx")
    sheet = load_workbook(report).active
    names = [sheet.cell(row=r, column=2) for r in range(2, 2 + len(risky))]
    assert [c.value for c in names] == risky
    assert all(c.data_type == "s" and c.quotePrefix for c in names)


def test_outputs_ledger_backups_and_logs_are_private(tmp_path, capsys):
    data_dir = tmp_path / "数据"
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main(["--data-dir", str(data_dir), "template", "members", "-o", str(tmp_path / "模板.xlsx")]) == 0
    assert main(["--data-dir", str(data_dir), "backup", "-o", str(tmp_path / "备份.sqlite3")]) == 0
    written = [tmp_path / "模板.xlsx", tmp_path / "备份.sqlite3", data_dir / "ledger.sqlite3",
               data_dir / "logs" / "ledger.log"]
    assert {p.name: oct(mode(p)) for p in written} == {p.name: oct(0o600) for p in written}
    assert mode(data_dir) == 0o700 and mode(data_dir / "logs") == 0o700


def test_a_ledger_made_readable_by_everyone_is_made_private_on_open(data_dir):
    from desktop_app.store.ledger import open_ledger

    open_ledger(data_dir).close()
    (data_dir / "ledger.sqlite3").chmod(0o644)
    open_ledger(data_dir).close()
    assert mode(data_dir / "ledger.sqlite3") == 0o600


def test_leftovers_of_a_crash_are_cleared_on_the_next_start_and_the_ledger_journal_is_kept(tmp_path, capsys):
    data_dir = tmp_path / "数据"
    assert main(["--data-dir", str(data_dir), "check"]) == 1  # creates nothing but the logs folder
    from desktop_app.store.ledger import open_ledger

    open_ledger(data_dir).close()
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    old = time.time() - 3600
    leftovers = [data_dir / "ledger.sqlite3.restoring", data_dir / "ledger.sqlite3.restoring.partial",
                 backups / "ledger-start-20260101-080000-000000.sqlite3.partial",
                 backups / "ledger-start-20260101-080000-000000.sqlite3.partial-journal",
                 data_dir / "导出.xlsx.3f2a9c1d.partial"]
    fresh = backups / "ledger-start-20990101-080000-000000.sqlite3.partial"  # being written right now
    kept = [data_dir / "ledger.sqlite3-journal", fresh]
    for path in leftovers + kept:
        path.write_bytes(b"x")
    for path in leftovers + kept[:1]:
        os.utime(path, (old, old))
    assert main(["--data-dir", str(data_dir), "check"]) in (0, 1)
    assert [p for p in leftovers if p.exists()] == []
    assert all(p.exists() for p in kept)
