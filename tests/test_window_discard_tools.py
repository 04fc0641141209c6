"""放弃修改？ in the dialogs beside the record forms: the 套打 stock, 请假, 星级明细 and 结果公示.
Esc, ✕ and 取消/关闭 ask only when something typed would be lost."""

from __future__ import annotations

from datetime import date

import stars_ledger
from conftest import save_screenshot
from evaluation_helpers import YEAR
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from desktop_app.domain.people import MemberData
from desktop_app.services.leaves import list_leaves
from desktop_app.services.members import add_member
from desktop_app.services.prints.stock import load_stocks
from desktop_app.ui.evaluations.breakdown_dialog import BreakdownDialog
from desktop_app.ui.evaluations.star_notice_dialog import StarNoticeDialog
from desktop_app.ui.members.leaves_dialog import LeavesDialog
from desktop_app.ui.prints.stock_dialog import StockDialog
from desktop_app.ui.widgets.form_dialog import DISCARD_TITLE, FormScrollArea
from tests.helpers.discard import questions, shown

SAVE, CANCEL, CLOSE = QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel, "关闭"


def _press(qtbot, dialog, which) -> None:
    """A button of the dialog: a standard button of its button box, or the push button with that text."""
    if isinstance(which, str):
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == which)
    else:
        button = dialog.findChild(QDialogButtonBox).button(which)
    qtbot.mouseClick(button, Qt.LeftButton)


def _asks_each_way(qtbot, dialog, bridge, close_button) -> None:
    """Esc, ✕ and the closing button each ask; 继续编辑 keeps the dialog open; 放弃修改 closes it."""
    for close in (lambda: qtbot.keyClick(dialog, Qt.Key_Escape), dialog.close,
                  lambda: _press(qtbot, dialog, close_button)):
        bridge.answers = [False]  # 继续编辑
        close()
        assert dialog.isVisible()
    assert questions(bridge) == [DISCARD_TITLE] * 3
    bridge.answers = [True]  # 放弃修改
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()


# --- 证书纸位置（套打） -----------------------------------------------------------------
def test_the_stock_dialog_asks_before_dropping_changed_positions(ui_app, ledger, qtbot, message_bridge):
    dialog = shown(qtbot, StockDialog(ledger))
    dialog.boxes["recipient_x"].setValue(dialog.boxes["recipient_x"].value() + 5)
    _asks_each_way(qtbot, dialog, message_bridge, CANCEL)
    assert load_stocks(ledger) == []  # nothing saved


def test_a_saved_or_untouched_stock_closes_without_a_question(ui_app, ledger, qtbot, message_bridge):
    dialog = shown(qtbot, StockDialog(ledger))
    _press(qtbot, dialog, CANCEL)
    assert not dialog.isVisible()
    dialog = shown(qtbot, StockDialog(ledger))
    dialog.name.setCurrentText("红色烫金证书")
    dialog.boxes["recipient_x"].setValue(40)
    _press(qtbot, dialog, SAVE)
    assert not dialog.isVisible() and dialog.saved.recipient_x == 40
    assert questions(message_bridge) == []


# --- 请假记录 ------------------------------------------------------------------------------
def test_leaves_typed_but_not_added_are_asked_about(ui_app, ledger, qtbot, message_bridge):
    member = add_member(ledger, MemberData(name="陈静"))
    dialog = shown(qtbot, LeavesDialog(ledger, member, "陈静"))
    dialog.start.setText("2025-10-13")
    dialog.reason.setText("市级骨干教师培训")
    _asks_each_way(qtbot, dialog, message_bridge, CLOSE)
    assert list_leaves(ledger, member) == []


def test_added_and_deleted_leaves_are_saved_so_closing_does_not_ask(ui_app, ledger, qtbot, message_bridge):
    member = add_member(ledger, MemberData(name="陈静"))
    dialog = shown(qtbot, LeavesDialog(ledger, member, "陈静"))
    for start, end in (("2025-10-13", "2025-10-24"), ("2026-03-01", "2026-05-31")):
        dialog.kind.set_code("training")
        dialog.start.setText(start)
        dialog.end.setText(end)
        _press(qtbot, dialog, "添加")
    assert dialog.proxy.rowCount() == 2
    dialog.table.selectRow(0)
    message_bridge.answers = [True]  # 删除所选的 1 条请假记录？
    _press(qtbot, dialog, "删除所选")
    assert len(list_leaves(ledger, member)) == 1
    area = dialog.findChild(FormScrollArea)
    qtbot.waitUntil(lambda: not area.verticalScrollBar().isVisible())  # the list and the entry row fit
    save_screenshot(dialog, "leaves_dialog_model_view")
    _press(qtbot, dialog, CLOSE)
    assert not dialog.isVisible()
    assert questions(message_bridge) == ["删除请假记录"]


# --- 星级明细 and 结果公示 -----------------------------------------------------------------
def test_reading_the_star_details_never_asks(ui_app, ledger, qtbot, message_bridge):
    stars_ledger.build(ledger)
    dialog = shown(qtbot, BreakdownDialog(ledger, YEAR))
    first_page = dialog.text.toPlainText()
    dialog.members.setCurrentRow(dialog.members.count() - 1)  # another member's page: nothing typed
    assert dialog.text.toPlainText() != first_page
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible() and questions(message_bridge) == []


def test_the_notice_asks_about_changed_dates_until_it_is_saved(ui_app, ledger, qtbot, message_bridge, tmp_path):
    stars_ledger.build(ledger)
    dialog = shown(qtbot, StarNoticeDialog(ledger, YEAR, today=date(2026, 7, 6)))
    dialog.end.setText("2026-07-14")
    _asks_each_way(qtbot, dialog, message_bridge, CLOSE)

    dialog = shown(qtbot, StarNoticeDialog(ledger, YEAR, today=date(2026, 7, 6)))
    dialog.end.setText("2026-07-14")
    assert dialog.save_word(tmp_path / "公示.docx").is_file()
    _press(qtbot, dialog, CLOSE)
    assert not dialog.isVisible()
    assert questions(message_bridge) == [DISCARD_TITLE] * 4  # all of them the first dialog's
