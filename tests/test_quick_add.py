"""新增人员 from a person picker: a visiting teacher is recorded without leaving the observation dialog."""

from __future__ import annotations

from conftest import save_screenshot
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.domain.people import MemberData
from desktop_app.services.members import add_member, list_members
from desktop_app.ui.observations.dialog import ObservationDialog
from desktop_app.ui.widgets.quick_add import QuickAddDialog


def _answer(qtbot, fill):
    def run():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuickAddDialog)
        fill(dialog)
    QTimer.singleShot(0, run)


def test_quick_add_a_visiting_teacher_from_the_observation_dialog(ui_app, ledger, qtbot, message_bridge):
    observer = add_member(ledger, MemberData(name="周校长", posts=["principal"], political_status="full_member"))
    dialog = ObservationDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.observer.set_member_id(observer)
    dialog.teacher.setEditText("钱来访")
    assert dialog.teacher.problem("授课教师") == "授课教师：找不到名为“钱来访”的人员"
    shots = []

    def fill(added: QuickAddDialog):
        assert added.name_edit.text() == "钱来访"  # what was typed
        assert added.status.currentText() == "群众"  # the default
        added.name_edit.setText("")
        added.save()
        assert added.problems.texts() == ["姓名：必须填写"] and added.isVisible()
        added.name_edit.setText("钱来访")
        shots.append(save_screenshot(added, "quick_add_person"))
        added.save()

    _answer(qtbot, fill)
    dialog.teacher.quick_add_action.trigger()
    new = [m for m in list_members(ledger) if m.name == "钱来访"]
    assert len(new) == 1 and new[0].political_status == "non_party"
    assert dialog.teacher.member_id() == new[0].id and dialog.teacher.problem("授课教师") is None
    assert shots


def test_cancel_adds_nobody(ui_app, ledger, qtbot):
    dialog = ObservationDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.teacher.setEditText("不存在")
    _answer(qtbot, lambda added: added.reject())
    dialog.teacher.quick_add_action.trigger()
    assert list_members(ledger) == [] and dialog.teacher.member_id() is None


def test_every_entry_picker_offers_quick_add_but_not_the_filter(ui_app, ledger, qtbot):
    from desktop_app.ui.records.filter_bar import RecordFilterBar

    dialog = ObservationDialog(ledger)
    qtbot.addWidget(dialog)
    assert dialog.observer.quick_add_action is not None and dialog.teacher.quick_add_action is not None
    from desktop_app.domain.records import LessonType

    bar = RecordFilterBar(ledger, LessonType, "全部课型")
    qtbot.addWidget(bar)
    assert bar.person.quick_add_action is None
