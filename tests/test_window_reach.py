"""Every command the CLI has is reachable in the window: 导出 reports, 检查台账, 载入示例学校."""

from __future__ import annotations

from datetime import date

from conftest import save_screenshot
from openpyxl import load_workbook

from desktop_app.domain import report_period
from desktop_app.services.demo import fill_demo
from desktop_app.services.demo.people import has_people
from desktop_app.ui.exports.report_dialog import ReportDialog


def menu_action(window, menu_title: str, text: str):
    for menu_action in window.menuBar().actions():
        if menu_action.text().startswith(menu_title):
            for action in menu_action.menu().actions():
                if action.text().startswith(text):
                    return action
    raise AssertionError(f"no menu item {menu_title} › {text}")


def test_last_complete_quarter_and_semester():
    assert report_period.last_complete_quarter(date(2026, 12, 2)).label == "2026年第三季度"
    assert report_period.last_complete_quarter(date(2026, 1, 5)).label == "2025年第四季度"
    assert report_period.last_complete_quarter(date(2026, 4, 1)).label == "2026年第一季度"


def test_export_menu_opens_the_report_dialog_on_the_last_complete_quarter(main_window, qtbot):
    for name in ("季度报表", "学期报表", "学年报表"):
        assert menu_action(main_window, "导出", name).isEnabled()
    menu_action(main_window, "导出", "学期报表").trigger()
    dialog = main_window.findChild(ReportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.picker.kind() == "semester"
    dialog.reject()

    picker = ReportDialog(main_window.context, "quarter", main_window, today=date(2026, 11, 20)).picker
    assert picker.period().label == "2026年第三季度"
    picker.set_kind("semester")
    assert picker.period().label == "2025-2026学年第二学期"
    picker.set_kind("school_year")
    assert picker.period().label == "2025-2026学年"


def test_export_writes_the_workbook_for_the_chosen_quarter(ui_app, ledger, qtbot, tmp_path):
    from desktop_app.ui.context import AppContext

    fill_demo(ledger)
    dialog = ReportDialog(AppContext(ledger), "quarter", today=date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.picker.set_quarter(2025, 4)
    dialog.show_ids.setChecked(True)
    assert dialog.suggested_name().endswith("2025年第四季度报表.xlsx")
    target = tmp_path / "第四季度"
    dialog.start_export(target)
    assert dialog.close_button.text() == "停止"
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    written = tmp_path / "第四季度.xlsx"
    assert dialog.written == written and written.is_file()
    assert dialog.folder_button.isVisible()
    assert str(written) in dialog.status.text()
    book = load_workbook(written, read_only=True)
    assert book.sheetnames[:3] == ["汇总", "党员名册", "承诺践诺"]
    assert "2025年第四季度" in book.properties.title
    save_screenshot(dialog, "report_dialog_done")


def test_stopping_an_export_writes_nothing(ui_app, ledger, qtbot, tmp_path):
    from desktop_app.ui.context import AppContext

    fill_demo(ledger)
    dialog = ReportDialog(AppContext(ledger), "school_year", today=date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "out"
    out.mkdir()
    dialog.start_export(out / "学年.xlsx")
    dialog.reject()  # the 停止 button while busy
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.status.text() == "已停止，没有写入文件。"
    assert list(out.iterdir()) == []


def test_check_and_demo_are_in_the_menus(main_window, message_bridge):
    menu_action(main_window, "文件", "检查台账").trigger()
    assert any("完好" in text for text in message_bridge.texts("info"))

    message_bridge.answers = [True]
    menu_action(main_window, "帮助", "载入示例学校").trigger()
    assert has_people(main_window.context.ledger)

    menu_action(main_window, "帮助", "载入示例学校").trigger()  # not into a ledger with people
    assert "只能载入空台账" in message_bridge.texts("warn")[-1]
