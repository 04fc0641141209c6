"""Roles in the window on a real server ledger: what a grade office sees greyed, and 用户管理 for the secretary."""

from __future__ import annotations

import pytest
from conftest import save_screenshot, shown_dialog
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from desktop_app.domain.people import MemberData
from desktop_app.domain.roles import Role
from desktop_app.domain.school import ClassData
from desktop_app.services import classes, members, users
from desktop_app.services.errors import UserError
from desktop_app.store.ledger import open_ledger
from desktop_app.ui.users_dialog import AccountDialog, UsersDialog, open_users_dialog

on_the_server = pytest.mark.parametrize("ledger", ["postgresql"], indirect=True)


@pytest.fixture
def accounts(ledger):
    members.add_member(ledger, MemberData(name="张老师", political_status="full_member"))
    classes.add_class(ledger, ClassData(name="高一(1)班", grade="高一"))
    users.create_first_secretary(ledger, "王书记", "书记的口令123")
    users.add_user(ledger, "高一年级组", Role.GRADE_OFFICE, "gaoyi-456", "高一年级组")
    return ledger


def _window(ledger, folder, qtbot):
    from desktop_app.app import build_main_window

    window = build_main_window(ledger, folder)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@on_the_server
def test_a_grade_office_sees_the_roster_read_only_and_may_enter_visits(accounts, ui_app, data_dir, qtbot,
                                                                       message_bridge):
    users.log_in(accounts, "高一年级组", "gaoyi-456")
    window = _window(accounts, data_dir, qtbot)
    roster = window.open_tab("members").roster
    assert [r.name for r in roster.visible_rows()] == ["张老师"]
    roster.view.selectRow(0)
    for button in (roster.buttons.add, roster.buttons.edit, roster.buttons.delete):
        assert not button.isEnabled() and "年级组账号只能查看党员名册" in button.toolTip()
    save_screenshot(window, "grade_office_members_read_only")
    for key, panel in (("students", lambda s: s), ("development", lambda s: s),
                       ("members", lambda s: s.plans), ("evaluations", lambda s: s.honours_panel)):
        buttons = panel(window.open_tab(key)).buttons
        assert not buttons.add.isEnabled() and buttons.add.toolTip().startswith("年级组账号只能查看"), key
    visits = window.open_tab("visits")
    assert visits.records.buttons.add.isEnabled() and visits.records.buttons.add.toolTip() == "Ctrl+N"
    meetings = window.open_tab("meetings")
    students = window.open_tab("students")
    students.class_view.selectRow(students.class_proxy.rowCount() - 1)  # 高一(1)班: the screen enables 编辑/删除 …
    assert students.current_class().name == "高一(1)班"  # … and the role keeps them off
    for button in (visits.settings_button, meetings.settings_button, meetings.meetings.buttons.add,
                   meetings.talks.buttons.add, students.add_class_button, students.edit_class_button,
                   students.delete_class_button):
        assert not button.isEnabled() and button.toolTip().startswith("年级组账号只能查看"), button.text()
    assert window._status.text().endswith("登录：高一年级组（年级组）")
    assert open_users_dialog(window) is False
    assert message_bridge.texts("error")[-1].endswith("只有书记可以管理用户账号。")


@on_the_server
def test_the_secretary_adds_an_account_resets_its_password_and_stops_it(accounts, ui_app, qtbot, message_bridge):
    dialog = UsersDialog(accounts, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [(r.name, r.role) for r in dialog.rows] == [("王书记", Role.SECRETARY), ("高一年级组", Role.GRADE_OFFICE)]

    def fill_new_account():
        account = shown_dialog(dialog)
        assert isinstance(account, AccountDialog)
        account.name.setText("高二年级组")
        account.department.setText("高二年级组")
        account.password.setText("gaoer-789")
        account.again.setText("gaoer-78")  # a slip: refused in the form, nothing saved
        qtbot.mouseClick(account.save_button, Qt.LeftButton)
        assert account.isVisible() and "两次输入的密码不一致" in account.banner.text()
        save_screenshot(account, "account_dialog")
        account.again.setText("gaoer-789")
        qtbot.mouseClick(account.save_button, Qt.LeftButton)

    QTimer.singleShot(0, fill_new_account)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert "高二年级组" in [r.name for r in dialog.rows]
    dialog.select("高二年级组")
    save_screenshot(dialog, "users_dialog")

    def new_password():
        account = shown_dialog(dialog)
        assert "高二年级组（高二年级组）" in [label.text() for label in account.findChildren(QLabel)]
        account.password.setText("换过的口令000")
        account.again.setText("换过的口令000")
        qtbot.mouseClick(account.save_button, Qt.LeftButton)

    QTimer.singleShot(0, new_password)
    qtbot.mouseClick(dialog.reset_button, Qt.LeftButton)
    office = open_ledger(accounts.database_url)
    try:
        assert users.log_in(office, "高二年级组", "换过的口令000").role is Role.GRADE_OFFICE
        message_bridge.answers = [True]
        qtbot.mouseClick(dialog.active_button, Qt.LeftButton)
        assert dialog.selected().active is False and dialog.active_button.text() == "启用"
        with pytest.raises(UserError, match="用户名或密码不正确"):
            users.log_in(office, "高二年级组", "换过的口令000")
    finally:
        office.close()
    dialog.select("王书记")
    assert not dialog.active_button.isEnabled()  # her own account stays active
