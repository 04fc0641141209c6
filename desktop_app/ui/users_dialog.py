"""设置 → 用户管理 (书记 only, on a server ledger): the accounts, a new 年级组 account, a new password, 停用/启用."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.roles import Role, is_secretary
from desktop_app.services.errors import ValidationError
from desktop_app.services.users import UserRow, add_user, list_users, reset_password, set_active
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.login_dialog import note_label, password_field
from desktop_app.ui.widgets.form_dialog import FittedDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, run_or_show, save_or_show

TITLE = "用户管理"
COLUMNS = ("用户名", "角色", "年级组", "状态")


class AccountDialog(FittedDialog):
    """A new 年级组 account (`user` None), or a new password for `user`."""

    def __init__(self, ledger: Ledger, user: UserRow | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger, self._user = ledger, user
        self.title = "新增年级组账号" if user is None else "重设密码"
        self.setWindowTitle(self.title)
        self.banner = ProblemBanner(self)
        self.name, self.department = QLineEdit(self), QLineEdit(self)
        self.name.setPlaceholderText("例如 高一年级组 或 初二年级组-李老师")
        self.department.setPlaceholderText("例如 高一年级组")
        self.password, self.again = password_field(self), password_field(self)
        form = QFormLayout()
        if user is None:
            form.addRow(note_label("年级组账号可以查看名册，录入听课、家访记录，并只能修改、删除自己录入的记录。", self))
            rows = [("用户名", self.name), ("年级组", self.department)]
        else:
            form.addRow("账号", QLabel(user.label, self))
            rows = []
        rows += [("密码", self.password), ("再次输入密码", self.again)]
        for label, field in rows:
            form.addRow(label, field)
            self.banner.register(label, field)
        self.name.setMinimumWidth(300)
        self.save_button = lay_out_form(self, self.banner, form, self._save)

    def _save(self) -> None:
        def saved() -> None:
            if self.again.text() != self.password.text():
                raise ValidationError([FieldProblem("再次输入密码", "两次输入的密码不一致")])
            if self._user is None:
                add_user(self._ledger, self.name.text(), Role.GRADE_OFFICE, self.password.text(),
                         self.department.text())
            else:
                reset_password(self._ledger, self._user.id, self.password.text())

        save_or_show(self, self.banner, self.title, saved)


class UsersDialog(FittedDialog):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._ledger = ledger
        self.banner = ProblemBanner(self)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton("新增年级组账号…", self)
        self.reset_button = QPushButton("重设密码…", self)
        self.active_button = QPushButton("停用", self)
        self.add_button.clicked.connect(lambda: self._open(AccountDialog(ledger, None, self)))
        self.reset_button.clicked.connect(self._reset)
        self.active_button.clicked.connect(self._toggle_active)
        bar = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.active_button):
            bar.addWidget(button)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.button(QDialogButtonBox.Close).setText("关闭")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(f"登录的账号：{ledger.user}（书记）。密码只以加密摘要保存，忘记时由书记重设。", self))
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._follow_selection())
        self.resize(620, 380)
        self.reload()

    def reload(self) -> None:
        self.rows = list_users(self._ledger)
        self.model.removeRows(0, self.model.rowCount())
        for row in self.rows:
            cells = (row.name, row.role.label, row.department or "", "使用中" if row.active else "已停用")
            self.model.appendRow([QStandardItem(text) for text in cells])
        self.view.resizeColumnsToContents()
        self._follow_selection()

    def selected(self) -> UserRow | None:
        chosen = self.view.selectionModel().selectedRows()
        return self.rows[chosen[0].row()] if chosen else None

    def select(self, name: str) -> None:
        self.view.selectRow(next(i for i, row in enumerate(self.rows) if row.name == name))

    def _follow_selection(self) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None and user.name != self._ledger.user)
        self.active_button.setText("启用" if user is not None and not user.active else "停用")

    def _open(self, dialog: AccountDialog, name: str | None = None) -> None:
        """The account dialog; after a save the list shows the account (`name`, or the one just added) selected."""
        if dialog.exec():
            self.reload()
            self.select(name or dialog.name.text().strip())

    def _reset(self) -> None:
        user = self.selected()
        if user is not None:
            self._open(AccountDialog(self._ledger, user, self), user.name)

    def _toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active and not messages.confirm(self, TITLE, f"停用账号“{user.name}”吗？停用后不能再登录，"
                                                "已录入的记录不受影响；以后可以再启用。"):
            return
        if run_or_show(self.banner, TITLE, lambda: set_active(self._ledger, user.id, not user.active)):
            self.reload()
            self.select(user.name)


def open_users_dialog(main_window) -> bool:  # noqa: ANN001 - MainWindow, kept import-free
    ledger = main_window.context.ledger
    if not ledger.on_server:
        messages.info(main_window, TITLE, "用户管理用于服务器台账：本机的台账只有书记本人使用，不需要登录。\n"
                      "连接服务器台账后，可在这里为各年级组开账号。")
        return False
    if not is_secretary(ledger.role):
        messages.refuse(main_window, TITLE, "只有书记可以管理用户账号。")
        return False
    UsersDialog(ledger, main_window).exec()
    return True
