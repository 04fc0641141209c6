"""发展党员 outputs: the 纪实表 and registers as Word from the tab, and the quarterly workbook's sheet."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document

from desktop_app.domain.development.steps import Step
from desktop_app.domain.report_period import quarter
from desktop_app.services.development.commands import save_development
from desktop_app.services.development.documents import register_rows
from desktop_app.services.exports.quarterly import build_workbook
from desktop_app.ui.context import AppContext
from desktop_app.ui.development.tab import RECORD_SHEET, DevelopmentTab
from tests.development_helpers import make_branch, procedure


def _text(path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def branch(ledger):
    branch = make_branch(ledger)
    save_development(ledger, None, procedure(branch, Step.OATH))
    return branch


def test_record_sheet_and_register_from_the_tab(ui_app, ledger, branch, qtbot, tmp_path, message_bridge):
    tab = DevelopmentTab(AppContext(ledger))
    qtbot.addWidget(tab)
    tab.view.selectRow(0)
    sheet = tab.export_document(RECORD_SHEET, tmp_path / "纪实表.docx")
    text = _text(sheet)
    assert "发展党员工作全程纪实表" in text and "姓名：刘洋" in text
    assert "（15）支部大会讨论接收预备党员" in text and "2024年7月10日" in text
    assert "应到 20 人，实到 18 人，赞成 18 人" in text
    assert "入党介绍人：王芳、李强" in text and "预备期至 2025-07-10" in text
    register = tab.export_document("probationary", tmp_path / "预备党员名册.docx")
    assert "预备党员名册" in _text(register)
    assert register_rows(ledger, "probationary") == [
        ["1", "刘洋", "", "1995.04", "", "2024-07-10", "2024-08-30", "2025-07-10", "王芳、李强"]]
    assert register_rows(ledger, "activists") == []


def test_the_quarterly_workbook_has_a_development_sheet(ledger, branch):
    workbook = build_workbook(ledger, quarter(2024, 3))
    sheet = workbook["发展党员"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    row = next(r for r in values if "刘洋" in r)
    assert row[2] == "中共预备党员"
    assert "（17）上级党委审批 08-30" in row[5] and "（15）支部大会讨论接收预备党员 07-10" in row[5]


def test_no_development_sheet_while_nobody_is_in_the_procedure(ledger):
    assert "发展党员" not in build_workbook(ledger, quarter(2024, 3)).sheetnames
