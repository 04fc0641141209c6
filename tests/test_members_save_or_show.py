"""save_or_show: the one "call the service, show problems or close" step the form dialogs share."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from desktop_app.domain.problems import FieldProblem
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.ui.widgets.form_problems import ProblemBanner, save_or_show


def _form(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    banner, name = ProblemBanner(dialog), QLineEdit(dialog)
    banner.register("姓名", name)
    layout = QVBoxLayout(dialog)
    layout.addWidget(banner)
    layout.addWidget(name)
    return dialog, banner


def _raise(error):
    def save():
        raise error
    return save


def test_problems_go_to_the_banner_and_the_dialog_stays_open(ui_app, qtbot, message_bridge):
    dialog, banner = _form(qtbot)
    dialog.show()
    assert not save_or_show(dialog, banner, "未能保存", _raise(ValidationError([FieldProblem("姓名", "必须填写")])))
    assert banner.texts() == ["姓名：必须填写"]
    assert dialog.isVisible() and dialog.result() == QDialog.Rejected
    assert message_bridge.texts() == []


def test_other_refusals_are_a_message_titled_as_asked(ui_app, qtbot, message_bridge):
    dialog, banner = _form(qtbot)
    dialog.show()
    assert not save_or_show(dialog, banner, "未能保存", _raise(UserError("该党员已不存在，可能已被删除。")))
    assert message_bridge.shown == [("error", "未能保存", "该党员已不存在，可能已被删除。")]
    assert dialog.isVisible() and banner.texts() == []


def test_a_save_that_succeeds_closes_the_dialog(ui_app, qtbot, message_bridge):
    dialog, banner = _form(qtbot)
    dialog.show()
    saved = []
    assert save_or_show(dialog, banner, "未能保存", lambda: saved.append("ok"))
    assert saved == ["ok"] and dialog.result() == QDialog.Accepted and not dialog.isVisible()


def test_grow_makes_room_for_the_banner(ui_app, qtbot, message_bridge):
    dialog, banner = _form(qtbot)
    dialog.resize(200, 40)
    dialog.show()
    problems = [FieldProblem("姓名", f"第{n}个问题，说明文字较长以便占用多行") for n in range(6)]
    save_or_show(dialog, banner, "未能保存", _raise(ValidationError(problems)))
    assert dialog.height() >= dialog.sizeHint().height()


def test_the_banner_grows_the_dialog_and_never_squeezes_the_form(ui_app, ledger, qtbot, message_bridge):
    from desktop_app.ui.members.dialog import MemberDialog

    dialog = MemberDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before_dialog, before_name = dialog.height(), dialog.name_edit.height()
    dialog.save()  # nothing typed: 姓名 and more are missing
    qtbot.wait(10)
    assert dialog.problems.isVisible() and "姓名：必须填写" in dialog.problems.texts()
    assert dialog.height() > before_dialog
    assert dialog.name_edit.height() >= before_name  # typed text is not cut in half
    assert message_bridge.texts() == []  # field problems are not message boxes


def test_no_room_left_on_the_screen_makes_the_banner_one_line(ui_app, qtbot, message_bridge):
    dialog, banner = _form(qtbot)
    room = dialog.screen().availableGeometry().height()
    dialog.resize(400, room - 20)  # a tall form already filling the screen
    dialog.show()
    problems = [FieldProblem("姓名", f"第{n}个问题") for n in range(6)]
    save_or_show(dialog, banner, "未能保存", _raise(ValidationError(problems)))
    assert banner.texts() == [str(p) for p in problems]  # all of them, for tests and the tooltip
    assert "请修改以下 6 处后再保存" in banner.text() and "<li>" not in banner.text()
    assert "第5个问题" in banner.toolTip()
    assert dialog.height() <= room
