"""登录 after connecting to a server ledger; on a server ledger without accounts yet, the secretary
creates her own (书记) first. The password only unlocks this session: never written anywhere."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain.problems import FieldProblem
from desktop_app.services.errors import ValidationError
from desktop_app.services.users import MIN_PASSWORD, UserRow, create_first_secretary, has_users, log_in
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.form_dialog import FittedDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show

FIRST_NOTE = ("这个服务器台账还没有账号。请先为书记（您自己）设置登录名和密码；"
              "之后可以在“设置 → 用户管理”里为各年级组开账号。")
LOGIN_NOTE = "请用书记或年级组的账号登录。年级组账号只能录入和修改自己的听课、家访记录。"


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.Password)
    field.setPlaceholderText(f"至少 {MIN_PASSWORD} 个字符")
    return field


def note_label(text: str, parent: QWidget) -> QLabel:
    note = QLabel(text, parent)
    note.setWordWrap(True)
    note.setStyleSheet("color: #666;")
    return note


class LoginDialog(FittedDialog):
    """Logs in on 登录 (or creates the first, secretary's account); `user` is then who is logged in."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.first = not has_users(ledger)
        self.title = "创建书记账号" if self.first else "登录服务器台账"
        self.setWindowTitle(self.title)
        self.user: UserRow | None = None
        self.banner = ProblemBanner(self)
        self.name, self.password, self.again = QLineEdit(self), password_field(self), password_field(self)
        form = QFormLayout()
        form.addRow(note_label(FIRST_NOTE if self.first else LOGIN_NOTE, self))
        form.addRow(QLabel(f"台账：{ledger.where}", self))
        rows = [("用户名", self.name), ("密码", self.password)] + ([("再次输入密码", self.again)] if self.first else [])
        for label, field in rows:
            form.addRow(label, field)
            self.banner.register(label, field)
        self.again.setVisible(self.first)
        self.name.setMinimumWidth(300)
        self.login_button = lay_out_form(self, self.banner, form, self._log_in)
        self.login_button.setText("创建并登录" if self.first else "登录")

    def _log_in(self) -> None:
        def logged_in() -> None:
            if not self.first:
                self.user = log_in(self._ledger, self.name.text(), self.password.text())
                return
            if self.again.text() != self.password.text():
                raise ValidationError([FieldProblem("再次输入密码", "两次输入的密码不一致")])
            self.user = create_first_secretary(self._ledger, self.name.text(), self.password.text())

        save_or_show(self, self.banner, self.title, logged_in)


def logged_in(ledger: Ledger, parent: QWidget | None = None) -> bool:
    """Ask for the login on a server ledger; False when she cancelled (the ledger should not be used)."""
    return LoginDialog(ledger, parent).exec() == QDialog.Accepted
