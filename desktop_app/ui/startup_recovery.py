"""The dialog shown when the ledger cannot be opened at start: restore, start empty, or quit."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.services.errors import UserError
from desktop_app.services.recovery import restore_after_failure, set_aside, sound_backups
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.schema import DatabaseTooNew, LedgerError, UpgradeFailed
from desktop_app.ui import messages
from desktop_app.ui.widgets.form_dialog import FittedDialog


class RecoveryDialog(FittedDialog):
    """Offers the sound backups (newest first), a fresh empty ledger, or quitting."""

    def __init__(self, data_dir: Path, problem: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.ledger: Ledger | None = None
        self.setWindowTitle("无法打开台账")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        text = QLabel(f"{problem}\n\n原文件不会被覆盖或删除。请选择：", self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.backups = QListWidget(self)
        for backup in sound_backups(self.data_dir):
            when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y年%m月%d日 %H:%M")
            item = QListWidgetItem(f"{when}　{backup.name}")
            item.setData(256, str(backup))
            self.backups.addItem(item)
        if self.backups.count():
            self.backups.setCurrentRow(0)
            layout.addWidget(QLabel("可用的备份（最新的在最上面）：", self))
            layout.addWidget(self.backups)
        else:
            self.backups.hide()
            layout.addWidget(QLabel("没有找到可用的自动备份。", self))
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton("从所选备份恢复", self)
        self.restore_button.setEnabled(self.backups.count() > 0)
        self.empty_button = QPushButton("新建空台账", self)
        quit_button = QPushButton("退出", self)
        buttons.addButton(self.restore_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ActionRole)
        buttons.addButton(quit_button, QDialogButtonBox.RejectRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.start_empty)
        quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def restore_selected(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            return
        try:
            kept = restore_after_failure(self.data_dir, Path(item.data(256)))
            self.ledger = open_ledger(self.data_dir)
        except (UserError, LedgerError, OSError) as exc:
            messages.refuse(self, "恢复失败", exc)
            return
        messages.info(self, "已恢复", f"已从备份恢复台账。无法打开的原文件保存在：\n{kept}")
        self.accept()

    def start_empty(self) -> None:
        if not messages.confirm(self, "新建空台账", "将把无法打开的文件改名保存，然后新建一个空台账。继续吗？"):
            return
        try:
            kept = set_aside(self.data_dir)
            self.ledger = open_ledger(self.data_dir)
        except (LedgerError, OSError) as exc:
            messages.refuse(self, "无法新建", exc)
            return
        messages.info(self, "已新建空台账", f"原文件保存在：\n{kept}")
        self.accept()


def recover(data_dir: Path, error: LedgerError) -> Ledger | None:
    """Ask the user what to do about an unopenable ledger; None means quit."""
    if isinstance(error, (DatabaseTooNew, UpgradeFailed)):
        messages.error(None, "无法打开台账", str(error))
        return None
    dialog = RecoveryDialog(data_dir, str(error))
    dialog.exec()
    return dialog.ledger
