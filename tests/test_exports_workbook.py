"""The quarterly workbook as the education committee will open it."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from desktop_app.cli.main import main as cli
from desktop_app.domain import report_period
from desktop_app.domain.people import MemberData
from desktop_app.services.exports.quarterly import export_quarterly
from desktop_app.services.members import add_member, update_member
from desktop_app.services.settings import SchoolProfile, save_school_profile
from conftest import cli_target

pytestmark = pytest.mark.both_engines

INJECTION = '=HYPERLINK("http://x","y")'


@pytest.fixture
def small_branch(ledger):
    save_school_profile(ledger, SchoolProfile("示例中学", "示例中学党支部"))
    add_member(ledger, MemberData(name="王芳", political_status="full_member", birth_date=date(1980, 5, 1),
                                  join_date=date(2005, 7, 1), full_member_date=date(2006, 7, 1),
                                  id_number="110105198005010021", posts=["principal"]))
    add_member(ledger, MemberData(name=INJECTION, political_status="probationary"))
    left = add_member(ledger, MemberData(name="李强", political_status="full_member"))
    update_member(ledger, left, MemberData(name="李强", political_status="full_member", active=False,
                                           left_date=date(2026, 8, 15)))
    gone = add_member(ledger, MemberData(name="赵敏", political_status="activist"))
    update_member(ledger, gone, MemberData(name="赵敏", political_status="activist", active=False,
                                           left_date=date(2026, 6, 30)))
    return ledger


def _export(ledger, tmp_path, **options):
    path = tmp_path / "q3.xlsx"
    export_quarterly(ledger, report_period.quarter(2026, 3), path, **options)
    return openpyxl.load_workbook(path)


def test_roster_sheet_title_masking_and_members_on_books_at_period_end(small_branch, tmp_path):
    workbook = _export(small_branch, tmp_path)
    assert workbook.sheetnames[:2] == ["汇总", "党员名册"]
    sheet = workbook["党员名册"]
    assert sheet["A1"].value == "示例中学党支部 2026年第三季度 党员名册"
    names = [sheet.cell(row=r, column=2).value for r in range(4, sheet.max_row + 1)]
    # 李强 left in August and 赵敏 in June: neither is on the books at the end of September.
    assert "王芳" in names and INJECTION in names
    assert "赵敏" not in names and "李强" not in names
    wang = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(row=r, column=2).value == "王芳")
    assert sheet.cell(row=wang, column=16).value == "1101**********0021"
    birth = sheet.cell(row=wang, column=4)
    assert birth.is_date and birth.value.date() == date(1980, 5, 1)
    assert birth.number_format == 'yyyy"年"m"月"d"日"'


def test_user_text_that_looks_like_a_formula_stays_text(small_branch, tmp_path):
    sheet = _export(small_branch, tmp_path)["党员名册"]
    cell = next(sheet.cell(row=r, column=2) for r in range(4, sheet.max_row + 1)
                if sheet.cell(row=r, column=2).value == INJECTION)
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_id_numbers_shown_only_when_asked(small_branch, tmp_path):
    sheet = _export(small_branch, tmp_path, mask_ids=False)["党员名册"]
    assert "110105198005010021" in [sheet.cell(row=r, column=16).value for r in range(4, sheet.max_row + 1)]


def test_every_sheet_is_print_ready(small_branch, tmp_path):
    for sheet in _export(small_branch, tmp_path).worksheets:
        assert sheet.freeze_panes == "A4"
        assert sheet.print_title_rows == "$1:$3"
        assert sheet.page_setup.paperSize == 9
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"
    roster = _export(small_branch, tmp_path)["党员名册"]
    assert roster.auto_filter.ref.startswith("A3:")
    assert roster.column_dimensions["B"].width >= 6


def test_summary_counts_members_by_status(small_branch, tmp_path):
    sheet = _export(small_branch, tmp_path)["汇总"]
    figures = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=2).value for r in range(4, sheet.max_row + 1)}
    assert figures["中共党员人数"] == 1  # 王芳; 李强 left before 30 Sep
    assert figures["中共预备党员人数"] == 1
    assert figures["入党积极分子人数"] == 0


def test_cli_export_quarterly(small_branch, tmp_path, capsys):
    target = cli_target(small_branch)
    small_branch.close()
    out = tmp_path / "cli.xlsx"
    assert cli([*target, "export", "quarterly", "--year", "2026", "--quarter", "3", "-o", str(out)]) == 0
    assert out.exists() and "2026年第三季度" in capsys.readouterr().out
    assert cli([*target, "export", "quarterly", "--quarter", "3", "-o", str(out)]) == 1
    assert "--year" in capsys.readouterr().err
    year_out = tmp_path / "year.xlsx"
    assert cli([*target, "export", "quarterly", "--school-year", "2025-2026", "-o", str(year_out)]) == 0
    assert openpyxl.load_workbook(year_out)["汇总"]["A1"].value == "示例中学党支部 2025-2026学年 汇总"
