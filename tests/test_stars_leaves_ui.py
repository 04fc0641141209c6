"""#21 item 4 in the window: 入校日期 in the member dialog and its 请假记录 dialog."""

from __future__ import annotations

from datetime import date

from conftest import save_screenshot
from PySide6.QtCore import QPoint, Qt

from desktop_app.domain.people import MemberData
from desktop_app.services.leaves import list_leaves
from desktop_app.services.members import add_member, get_member
from desktop_app.ui import messages
from desktop_app.ui.members.dialog import MemberDialog
from desktop_app.ui.members.leaves_dialog import LeavesDialog


def test_member_dialog_saves_the_school_start_date(ui_app, ledger, qtbot):
    member = add_member(ledger, MemberData(name="陈静", posts=["subject_teacher"], subject="语文"))
    dialog = MemberDialog(ledger, member)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.leaves_button.isEnabled()
    dialog.school_start_date.setText("2025/9/15")
    save_screenshot(dialog, "stars_member_dialog_school_start")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert get_member(ledger, member).school_start_date == date(2025, 9, 15)
    fresh = MemberDialog(ledger)
    qtbot.addWidget(fresh)
    assert not fresh.leaves_button.isEnabled()  # a new member is saved first


def test_leaves_dialog_adds_refuses_and_deletes(ui_app, ledger, qtbot):
    member = add_member(ledger, MemberData(name="陈静", posts=["subject_teacher"], subject="语文"))
    dialog = LeavesDialog(ledger, member, "陈静")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.set_code("training")
    dialog.start.setText("2025-10-13")
    dialog.end.setText("2025-10-24")
    dialog.reason.setText("市级骨干教师培训")
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert dialog.proxy.rowCount() == 1
    assert [dialog.proxy.index(0, c).data() for c in range(5)] == ["外出培训", "2025-10-13", "2025-10-24", "12",
                                                                   "市级骨干教师培训"]
    dialog.kind.set_code("maternity")
    dialog.start.setText("2026-03-01")
    dialog.end.setText("2026-02-01")  # ends before it starts: refused, nothing saved
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert dialog.problems.texts() == ["结束日期：不能早于开始日期"]
    assert len(list_leaves(ledger, member)) == 1
    dialog.end.setText("2026-05-31")
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert dialog.problems.isHidden() and dialog.proxy.rowCount() == 2
    qtbot.waitUntil(lambda: dialog.table.mapTo(dialog, QPoint(0, 0)).y() < 40)  # the banner's room is given back
    save_screenshot(dialog, "stars_leaves_dialog")
    assert not dialog.delete_button.isEnabled()  # nothing chosen yet
    dialog.table.selectRow(0)
    assert dialog.delete_button.isEnabled()
    messages.BRIDGE.answers = [True]
    qtbot.mouseClick(dialog.delete_button, Qt.LeftButton)
    assert [row.kind_label for row in list_leaves(ledger, member)] == ["产假"]
