"""The import dialog: pick a kind and a file, see bad rows, import the good ones off the GUI thread."""

from __future__ import annotations

from conftest import save_screenshot
from import_helpers import make_id, write_book
from PySide6.QtCore import Qt, QThread

from desktop_app.services.members import list_members
from desktop_app.ui.importing.dialog import ImportDialog, open_import_dialog, save_template_dialog


def roster_file(tmp_path, extra_rows: int = 0):
    rows = [
        ["姓名*", "性别", "出生年月", "政治面貌*", "岗位", "联系电话", "身份证号"],
        ["张晓明", "男", "1985-03-12", "中共党员", "班主任、任课教师", "13800001234", make_id("19850312")],
        ["李芳", "女", "1990/5/6", "预备", "任课教师", None, None],  # 预备党员 is a short form it accepts
        [None, "男", "1979年11月2日", "群众", None, None, None],
        ["王强", "男", "1979年11月2日", "群众", "保安", "1380000x", None],
        ["赵敏", "女", "1988-02-30", "入党积极分子", None, None, make_id("19880101")[:-1] + "Y"],
        ["周红", "女", "1992-04-05", "中共预备党员", "任课教师", None, None],
    ]
    rows += [[f"教师{i:05d}", None, None, "群众", None, None, None] for i in range(extra_rows)]
    return write_book(tmp_path / "党员名册.xlsx", rows)


def wait_idle(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)


def test_preview_lists_bad_rows_then_imports_good_rows(main_window, qtbot, tmp_path, message_bridge):
    dialog = open_import_dialog(main_window)
    qtbot.addWidget(dialog)
    assert [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())][:3] == ["党员", "班级", "学生"]
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("members"))
    dialog.set_file(roster_file(tmp_path))
    wait_idle(qtbot, dialog)

    assert dialog.good_box.title() == "可导入的行（2）"
    assert dialog.bad_box.title() == "错误行（4）"
    assert not dialog.warning_box.isVisible()  # no 提醒 in a roster
    bad = [(p.row, p.column) for p in dialog.bad_model.rows()]
    assert (3, "政治面貌") in bad and (4, "姓名") in bad and (5, "岗位") in bad and (5, "联系电话") in bad
    assert (6, "出生年月") in bad and (6, "身份证号") in bad
    assert "新增 2，更新 0，错误 4" in dialog.summary_label.text()
    assert dialog.import_button.isEnabled() and dialog.report_button.isEnabled()
    dialog.resize(900, 640)
    save_screenshot(dialog, "import_dialog_bad_rows")

    report = dialog.save_error_report(tmp_path / "错误行.xlsx")
    assert report is not None and report.exists()

    message_bridge.answers = [False]  # refuse to skip the bad rows: nothing happens
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert not dialog.busy and list_members(main_window.context.ledger) == []

    changed, threads = [], []
    main_window.context.changed.connect(changed.append)
    main_window.context.changed.connect(lambda _topics: threads.append(QThread.currentThread()))
    message_bridge.answers = [True]
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    assert sorted(m.name for m in list_members(main_window.context.ledger)) == ["周红", "张晓明"]
    assert "已导入：新增 2，更新 0，跳过错误行 4" in message_bridge.texts("info")
    qtbot.waitUntil(lambda: changed != [])
    assert "member" in changed[0]
    assert threads == [main_window.thread()], "screens hear of the change on the GUI thread"


def test_file_problem_shows_an_error_and_nothing_to_import(ui_app, ledger, qtbot, tmp_path, message_bridge):
    from desktop_app.ui.context import AppContext

    context = AppContext(ledger)
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    path = tmp_path / "名单.xlsx"
    path.write_text("不是表格", encoding="utf-8")
    dialog.set_file(path)
    wait_idle(qtbot, dialog)
    assert any("“名单.xlsx”不是 Excel 工作簿" in t for t in message_bridge.texts("error"))
    assert not dialog.import_button.isEnabled()


def test_large_file_runs_in_the_background_and_can_be_stopped(ui_app, ledger, qtbot, tmp_path, message_bridge):
    from desktop_app.ui.context import AppContext

    context = AppContext(ledger)
    dialog = ImportDialog(context, kind="members")
    qtbot.addWidget(dialog)
    path = roster_file(tmp_path, extra_rows=10_000)
    dialog.set_file(path)
    assert dialog.busy, "parsing must not block the GUI thread"
    assert not dialog.kind_combo.isEnabled() and dialog.cancel_button.text() == "停止"
    # the GUI thread keeps handling events: progress reports arrive while the worker parses
    qtbot.waitUntil(lambda: dialog.progress.maximum() >= 10_000 and dialog.progress.value() > 0, timeout=60_000)
    assert dialog.busy
    save_screenshot(dialog, "import_dialog_progress")
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)  # 停止
    wait_idle(qtbot, dialog)
    assert dialog.preview is None and "已停止" in dialog.summary_label.text()

    dialog.set_file(path)
    wait_idle(qtbot, dialog)
    assert len(dialog.preview.good_rows) == 10_002
    message_bridge.answers = [True]
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert dialog.busy and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)  # 停止 while writing: all is undone
    wait_idle(qtbot, dialog)
    assert dialog.result is None and list_members(ledger) == []

    message_bridge.answers = [True]
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=120_000)
    assert dialog.result.added == 10_002
    assert len(list_members(ledger)) == 10_002


def test_save_template_from_the_menu_handler(main_window, tmp_path, message_bridge):
    saved = save_template_dialog(main_window, kind="classes", path=tmp_path / "班级模板.xlsx")
    assert saved.exists()
    assert "已保存班级导入模板" in message_bridge.texts("info")[0]


def test_file_menu_opens_the_import_dialog_for_classes(main_window, qtbot, tmp_path):
    from PySide6.QtGui import QAction

    action = next(a for a in main_window.findChildren(QAction) if a.text().startswith("导入Excel"))
    assert action.isEnabled()
    action.trigger()
    dialog = main_window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("classes"))
    dialog.set_file(write_book(tmp_path / "班级.xlsx", [["班级", "年级"], ["高一(1)班", "高一"], ["高一(1)班", "高一"]]))
    wait_idle(qtbot, dialog)
    assert [(p.row, p.column) for p in dialog.bad_model.rows()] == [(3, "")]
    assert "与第 2 行重复" in dialog.bad_model.rows()[0].reason
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert not dialog.isVisible()
