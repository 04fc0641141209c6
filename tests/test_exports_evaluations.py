"""The workbook's 考核结果 sheet and summary star counts for an approved school year."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from evaluation_helpers import YEAR, add_members, enter_total

from desktop_app.domain import report_period
from desktop_app.services.evaluations.commands import approve
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.exports.quarterly import export_quarterly

pytestmark = pytest.mark.both_engines


def test_approved_year_in_the_workbook(ledger, tmp_path):
    scheme = get_scheme(ledger, YEAR)
    first, second, third = add_members(ledger, 3)
    for member, totals in ((first, (94, 92)), (second, (85, 81)), (third, (60, 66))):
        for semester, total in enumerate(totals, start=1):
            enter_total(ledger, scheme, member, semester, total)
    approve(ledger, YEAR, None, date(2026, 7, 8), "支部党员大会")
    path = tmp_path / "year.xlsx"
    export_quarterly(ledger, report_period.school_year(YEAR), path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["学年考核结果"]
    assert sheet["A1"].value.endswith("2025-2026学年 学年考核结果")
    note = sheet["A2"].value.splitlines()
    assert note[:2] == ["2025-2026学年量化考核学年结果（已于2026年07月08日经支部党员大会审定）", "计分规则："]
    assert note[-2] == "5. 学期、学年得分四舍五入保留两位小数后对照星级分数线"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    # averages of the two semesters: 93, 83, 63 → 五星级, 四星级, none
    assert [(r[0], r[6], r[7]) for r in rows] == [(1, 93, "五星级"), (2, 83, "四星级"), (3, 63, "—")]
    summary = {r[0]: r[1] for r in workbook["汇总"].iter_rows(min_row=4, values_only=True)}
    assert (summary["五星级党员"], summary["四星级党员"], summary["三星级党员"]) == (1, 1, 0)


def test_a_semester_workbook_shows_the_semesters_result(ledger, tmp_path):
    """#21 item 3: 89.99 in the first semester is 四星级 there, whatever the year gives."""
    from desktop_app.services.settings import semester_dates

    scheme = get_scheme(ledger, YEAR)
    first, second = add_members(ledger, 2)
    for member, totals in ((first, (89.99, 96)), (second, (91, 70))):
        for semester, total in enumerate(totals, start=1):
            enter_total(ledger, scheme, member, semester, total)
    path = tmp_path / "semester.xlsx"
    export_quarterly(ledger, report_period.semester(semester_dates(ledger, YEAR), 1), path)
    workbook = openpyxl.load_workbook(path)
    assert "学年考核结果" not in workbook.sheetnames
    sheet = workbook["学期考核结果"]
    assert sheet["A1"].value.endswith("2025-2026学年第一学期 学期考核结果")
    header = [c.value for c in sheet[3]]
    assert header[-2:] == ["学期得分", "学期星级"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [(r[0], r[-2], r[-1]) for r in rows] == [(1, 91, "五星级"), (2, 89.99, "四星级")]
    year = openpyxl.load_workbook(_export_year(ledger, tmp_path))["学年考核结果"]
    # the year: (89.99 + 96) / 2 = 93.00 (五星级) and (91 + 70) / 2 = 80.5 (四星级)
    assert [(r[6].value, r[7].value) for r in year.iter_rows(min_row=4)] == [(93, "五星级"), (80.5, "四星级")]


def _export_year(ledger, tmp_path):
    path = tmp_path / "year.xlsx"
    export_quarterly(ledger, report_period.school_year(YEAR), path)
    return path
