"""#21 items 5 and 6 in the window: the rules under the year's stars, the 星级明细 dialog, the 公示
dialog and the scheme's choices, at her 1092×580 window."""

from __future__ import annotations

import subprocess
from datetime import date

import docx
import pytest
import stars_ledger
from conftest import save_screenshot
from evaluation_helpers import YEAR
from PySide6.QtCore import Qt

from desktop_app.services.evaluations.schemes import get_scheme, save_scheme
from desktop_app.ui.evaluations.breakdown_dialog import BreakdownDialog
from desktop_app.ui.evaluations.scheme_dialog import SchemeDialog
from desktop_app.ui.evaluations.star_notice_dialog import StarNoticeDialog


@pytest.fixture
def year_panel(main_window, ledger, qtbot):
    stars_ledger.build(ledger)
    screen = main_window.open_tab("evaluations")
    screen.set_year(YEAR)
    main_window.resize(1092, 580)
    screen.sections.setCurrentIndex(1)
    return screen.year_panel


def _row_of(panel, name: str) -> int:
    for row in range(panel.proxy.rowCount()):
        if panel.proxy.index(row, 1).data() == name:
            return row
    raise KeyError(name)


def test_the_year_shows_its_rules_and_each_star_explained(year_panel, qtbot):
    panel = year_panel
    assert panel.rules.text().startswith("计分规则：1. 指标满分：思想政治15")
    assert "5. 学期、学年得分四舍五入保留两位小数后对照星级分数线" in panel.rules.text()
    row = _row_of(panel, "周红")
    assert [panel.proxy.index(row, c).data() for c in (4, 5, 6, 7)] == ["89.99", "90", "90", "五星级"]
    save_screenshot(panel.window(), "stars_year_panel")
    panel.view.selectRow(_row_of(panel, "刘强"))
    dialog = BreakdownDialog(panel.context.ledger, YEAR, panel.selected_member(), panel.cache)
    qtbot.addWidget(dialog)
    dialog.resize(1092, 540)
    dialog.show()
    assert dialog.members.currentItem().text() == "6. 刘强　四星级"
    text = dialog.text.toPlainText()
    assert "家校联系" in text and "3 次" in text and "10 次" in text and "4.5" in text
    assert "学年得分 （86.5 + 92）÷ 2 = 89.25" in text
    save_screenshot(dialog, "stars_breakdown_dialog")


def test_details_and_notice_saved_from_the_window(year_panel, qtbot, tmp_path, message_bridge):
    ledger = year_panel.context.ledger
    details = BreakdownDialog(ledger, YEAR)
    qtbot.addWidget(details)
    assert details.print_pdf(tmp_path / "明细.pdf").stat().st_size > 0
    assert details.export_xlsx(tmp_path / "明细.xlsx").stat().st_size > 0
    notice = StarNoticeDialog(ledger, YEAR, today=date(2026, 7, 6))
    qtbot.addWidget(notice)
    notice.show()
    assert notice.end.date() == date(2026, 7, 12)
    save_screenshot(notice, "stars_notice_dialog")
    word = notice.save_word(tmp_path / "公示.docx")
    assert docx.Document(word).tables[0].rows[1].cells[1].text == "孙磊"
    pdf = notice.save_pdf(tmp_path / "公示.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "公示期为2026年7月6日至2026年7月12日" in text.replace("\n", "")
    notice.end.setText("2026-07-01")  # before the start: refused, nothing written
    assert notice.save_pdf(tmp_path / "坏.pdf") is None
    assert message_bridge.texts("error")[-1] == "公示结束日期早于开始日期。"
    assert not (tmp_path / "坏.pdf").exists()


def test_the_scheme_dialog_edits_the_choices(year_panel, qtbot):
    ledger = year_panel.context.ledger
    dialog = SchemeDialog(get_scheme(ledger, YEAR), lambda scheme: save_scheme(ledger, scheme))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(1092, 580)
    save_screenshot(dialog, "stars_scheme_dialog")
    dialog.choices["rounding"].set_code("exact")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert get_scheme(ledger, YEAR).rounding == "exact"
    year_panel.reload()
    row = _row_of(year_panel, "周红")
    assert [year_panel.proxy.index(row, c).data() for c in (6, 7)] == ["89.995", "四星级"]
    assert "得分不四舍五入" in year_panel.rules.text()
