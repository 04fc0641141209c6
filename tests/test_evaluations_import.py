"""Importing the 教务处's score sheet, the template, and `evaluate` on the command line."""

from __future__ import annotations

from datetime import date

import pytest
from evaluation_helpers import YEAR, add_members
from import_helpers import write_book
from openpyxl import load_workbook

from desktop_app.cli.main import main
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations.commands import approve
from desktop_app.services.evaluations.queries import semester_sheet
from desktop_app.services.importing.engine import commit, preview

HEADERS = ["姓名", "学年", "学期", "思想政治", "师德师风", "教育教学", "民主评议", "加分", "加分事由", "减分", "减分事由"]


def test_score_sheet_is_previewed_and_committed(ledger, tmp_path):
    wang, li, _zhang, _liu = add_members(ledger, 4)
    book = write_book(tmp_path / "考核成绩.xlsx", [
        HEADERS,
        ["王晓明", "2025-2026", "第一学期", 14, 14.5, 18, 9, 3, "区级优质课一等奖", None, None],
        ["李丽华", "2025—2026学年", "1", 13, 13, 17.5, 8.5, None, None, 2, "教学常规检查迟交"],
        ["赵无名", "2025-2026", "第一学期", 14, 14, 18, 9, None, None, None, None],
        ["张建国", "2025-2026", "第三学期", 22, 14, 18, 9, 2, None, None, None],
    ])
    result = preview(ledger, "evaluations", book)
    assert [g.row for g in result.good_rows] == [2, 3]
    reasons = {b.row: b.reason for b in result.bad_rows}
    assert reasons[4] == "姓名：名册中没有“赵无名”，请先在党员名册中添加"
    assert "学期" in reasons[5] and "第三学期" in reasons[5]
    with pytest.raises(UserError, match="2 行错误，整个文件未导入"):
        commit(ledger, result)
    assert semester_sheet(ledger, YEAR, 1).row_of(wang).result.total == 0  # nothing written
    assert commit(ledger, result, skip_bad_rows=True).summary() == "已导入：新增 2，更新 0，跳过错误行 2"
    sheet = semester_sheet(ledger, YEAR, 1)
    assert sheet.row_of(wang).result.total == 58.5  # 14 + 14.5 + 18 + 9 + 3
    assert sheet.row_of(wang).bonus_reasons == "区级优质课一等奖 3分"
    assert sheet.row_of(li).result.total == 50  # 13 + 13 + 17.5 + 8.5 − 2


def test_import_updates_without_erasing_and_refuses_locked_semesters(ledger, tmp_path):
    (wang,) = add_members(ledger, 1)
    first = write_book(tmp_path / "a.xlsx", [HEADERS, ["王晓明", YEAR, "第一学期", 14, 14, 18, 9, 2, "公开课", None, None]])
    commit(ledger, preview(ledger, "evaluations", first))
    second = write_book(tmp_path / "b.xlsx", [["姓名", "学年", "学期", "教育教学"], ["王晓明", YEAR, "第一学期", 19]])
    assert commit(ledger, preview(ledger, "evaluations", second)).summary() == "已导入：新增 0，更新 1"
    assert semester_sheet(ledger, YEAR, 1).row_of(wang).result.total == 58  # 14 + 14 + 19 + 9 + 2
    bad = write_book(tmp_path / "c.xlsx", [HEADERS, ["王晓明", YEAR, "第一学期", 14, 14, 18, 9, 5, None, None, None]])
    assert preview(ledger, "evaluations", bad).bad_rows[0].reason == "加分事由：有加分时必须写明事由"
    approve(ledger, YEAR, 1, date(2026, 1, 20), "支部党员大会")
    locked = preview(ledger, "evaluations", second)
    assert locked.bad_rows[0].reason == "学期：2025-2026学年第一学期的考核结果已审批锁定，不能导入"


def test_cli_template_import_and_evaluate(tmp_path, capsys):
    data = tmp_path / "data"
    template = tmp_path / "模板.xlsx"
    assert main(["--data-dir", str(data), "template", "evaluations", "-o", str(template)]) == 0
    headers = [c.value for c in next(load_workbook(template).worksheets[0].iter_rows(max_row=1))]
    assert headers[:4] == ["姓名*", "学年*", "学期*", "思想政治"]
    assert {"加分", "加分事由", "减分", "减分事由"} <= set(headers)
    assert main(["--data-dir", str(data), "import", "members", str(write_book(tmp_path / "m.xlsx", [
        ["姓名", "政治面貌"], ["王晓明", "中共党员"], ["李丽华", "中共预备党员"]]))]) == 0
    scores = write_book(tmp_path / "s.xlsx", [
        ["姓名", "学年", "学期", "思想政治", "师德师风", "教育教学", "听课", "示范课", "家校联系", "承诺践诺", "民主评议"],
        ["王晓明", YEAR, "第一学期", 15, 14, 19, 10, 5, 14, 9, 9],
        ["王晓明", YEAR, "第二学期", 14, 14, 18, 9, 5, 13, 9, 9],
        ["李丽华", YEAR, "第二学期", 13, 13, 17, 8, 4, 12, 8, 8],
    ])
    assert main(["--data-dir", str(data), "import", "evaluations", str(scores)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "evaluate", "--year", YEAR]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2025-2026学年量化考核结果（共 2 人）"
    assert out[3].split() == ["1", "王晓明", "中共党员", "95", "91", "93", "五星级"]
    assert out[4].split() == ["2", "李丽华", "中共预备党员", "—", "83", "83", "四星级"]
    assert out[5] == "五星级 1 人，四星级 1 人，三星级 0 人"
    assert out[7] == "计分规则：" and out[-2] == "  5. 学期、学年得分四舍五入保留两位小数后对照星级分数线"
    assert main(["--data-dir", str(data), "evaluate", "--year", YEAR, "--member", "李丽华"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "李丽华（中共预备党员）2025-2026学年 83 分 四星级"
    assert "只有第二学期得分：以该学期得分作为学年得分，学年得分 83；83 分，达到四星级分数线 80（距五星级 90 差 7）" in out
    assert main(["--data-dir", str(data), "evaluate", "--year", YEAR, "--member", "查无此人"]) == 1
    assert "2025-2026学年的考核中没有“查无此人”" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "evaluate", "--year", YEAR, "--semester", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2025-2026学年第二学期考核表（共 2 人）"
    (wang,) = [line.split() for line in out if line.startswith("王晓明")]
    assert wang[-2:] == ["91", "五星级"]
    assert "暂无记录、手工录入：听课、示范课、家校联系、承诺践诺" in out
    assert main(["--data-dir", str(data), "evaluate", "--year", "明年"]) == 1
    assert "无法识别学年" in capsys.readouterr().err
