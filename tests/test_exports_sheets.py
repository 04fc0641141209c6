"""The quarterly workbook's record sheets on a small known branch, against hand-counted figures."""

from __future__ import annotations


import openpyxl
import pytest

from desktop_app.domain import report_period
from desktop_app.services.exports.quarterly import export_quarterly
from helpers.known_branch import make_known_branch

Q4 = report_period.quarter(2025, 4)


@pytest.fixture
def branch(ledger):
    return make_known_branch(ledger)


def _workbook(ledger, tmp_path):
    path = tmp_path / "q4.xlsx"
    export_quarterly(ledger, Q4, path)
    return openpyxl.load_workbook(path)


def _table(sheet):
    header = [c.value for c in sheet[3]]
    return [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=4) if row[1].value]


def test_sheets_are_named_and_titled(branch, tmp_path):
    workbook = _workbook(branch, tmp_path)
    assert workbook.sheetnames == ["汇总", "党员名册", "承诺践诺", "听课统计", "家访统计", "整改台账"]
    assert workbook["听课统计"]["A1"].value == "示例中学党支部 2025年第四季度 听课统计"


def test_observation_figures(branch, tmp_path):
    rows = {r["姓名"]: r for r in _table(_workbook(branch, tmp_path)["听课统计"])}
    assert rows["周校长"]["听课（完成）"] == 3
    assert rows["吴老师"]["被听课次数"] == 3
    assert rows["周校长"]["是否达标"] == "未达标"


def test_visit_figures(branch, tmp_path):
    sheet = _workbook(branch, tmp_path)["家访统计"]
    rows = {r["姓名"]: r for r in _table(sheet) if r.get("姓名")}
    # 任课教师: 10 phone visits a month, October to December → 30 required; 4 made.
    assert (rows["吴老师"]["家访（完成）"], rows["吴老师"]["家访（要求）"]) == (4, 30)
    assert sheet.cell(row=4 + list(rows).index("吴老师"), column=2).font.color.rgb.endswith("B71C1C")


def test_summary_pledges_and_rectifications(branch, tmp_path):
    workbook = _workbook(branch, tmp_path)
    summary = {r[0]: r[1] for r in workbook["汇总"].iter_rows(min_row=4, values_only=True)}
    assert summary["听课总节数"] == 3
    assert summary["家访·访谈总次数"] == 4
    assert summary["承诺·草拟"] == 1
    assert summary["整改逾期项数"] == 1  # deadline 1 Nov, not done by 31 Dec
    pledge = _table(workbook["承诺践诺"])[0]
    assert pledge["承诺人"] == "吴老师" and pledge["承诺内容"] == "1. 上好示范课\n2. =1+1"
    rectification = _table(workbook["整改台账"])[0]
    assert rectification["是否逾期"] == "逾期60天"
    assert isinstance(rectification["整改时限"], type(rectification["提出日期"]))
