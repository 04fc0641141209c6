"""The 连接服务器台账 dialog: server, port, database, user name and the password (never saved)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desktop_app.services.server_connection import DEFAULT_PORT, ServerConnection, connect
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.form_dialog import FittedDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show

NOTE = ("学校的服务器上的共享台账（PostgreSQL），各年级组在自己的电脑上同时录入。"
        "密码只用于这次连接，不保存在电脑上，每次打开程序时询问。")


class ServerConnectionDialog(FittedDialog):
    """Connects on 连接; `ledger` is then the opened server ledger (the setting saved, not the password)."""

    def __init__(self, folder: Path, known: ServerConnection | None, parent: QWidget | None = None, *,
                 cancel_text: str = "取消"):
        super().__init__(parent)
        self.setWindowTitle("连接服务器台账")
        self._folder = Path(folder)
        self.ledger: Ledger | None = None
        self.banner = ProblemBanner(self)
        self.host, self.database, self.user = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.host.setPlaceholderText("例如 192.168.1.10 或 server.school.local")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        note = QLabel(NOTE, self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form = QFormLayout()
        form.addRow(note)
        for label, field in (("服务器", self.host), ("端口", self.port), ("数据库", self.database),
                             ("用户名", self.user), ("密码", self.password)):
            form.addRow(label, field)
            self.banner.register(label, field)
        self.host.setMinimumWidth(320)
        self.connect_button = lay_out_form(self, self.banner, form, self._connect)
        self.connect_button.setText("连接")
        self.connect_button.parentWidget().button(QDialogButtonBox.Cancel).setText(cancel_text)
        if known is not None:
            self.host.setText(known.host)
            self.port.setValue(known.port)
            self.database.setText(known.database)
            self.user.setText(known.user)
            self.password.setFocus()

    def connection(self) -> ServerConnection:
        return ServerConnection(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                                self.user.text().strip())

    def _connect(self) -> None:
        def opened() -> None:
            self.ledger = connect(self._folder, self.connection(), self.password.text())

        QGuiApplication.setOverrideCursor(Qt.WaitCursor)  # a first connection may upgrade the server's tables
        try:
            save_or_show(self, self.banner, "连接服务器台账", opened)
        finally:
            QGuiApplication.restoreOverrideCursor()
