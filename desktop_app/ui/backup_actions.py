"""文件 → 备份台账 / 从备份恢复: the GUI side of services.backups.

Restoring swaps the file under the open window: the old Ledger is closed, the restored one
opened, and `context.replace_ledger` makes every tab reload from it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.services import backups
from desktop_app.services.errors import UserError
from desktop_app.store.schema import LedgerError
from desktop_app.ui import messages
from desktop_app.ui.widgets.folders import documents_folder
from desktop_app.ui.widgets.record_table import (
    Column, RecordFilterProxy, RecordTableModel, make_table_view, selected_rows,
)
from desktop_app.ui.widgets.form_dialog import FittedDialog

log = logging.getLogger(__name__)

FILE_FILTER = "台账备份 (*.sqlite3 *.db);;所有文件 (*)"
SERVER_RESTORE_REFUSAL = ("服务器上的台账是各年级组共用的，不能在一台电脑上被整个替换，没有改动。要把备份放到服务器上，"
                          "请数据库管理员准备一个空的数据库，再用命令 migrate-to 该数据库 --from 备份文件。")


def backup_now(main_window, target: Path | None = None) -> Path | None:  # noqa: ANN001
    """Ask where to save (unless `target` is given) and write a copy of the ledger there."""
    if target is None:
        chosen, _ = QFileDialog.getSaveFileName(
            main_window, "备份台账", str(documents_folder() / backups.suggested_backup_name()), FILE_FILTER)
        if not chosen:
            return None
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".sqlite3")
    try:
        written = backups.backup_now(main_window.context.ledger, Path(target))
    except UserError as exc:
        messages.error(main_window, "备份没有完成", f"{exc}\n\n台账本身没有受到影响。")
        return None
    messages.info(main_window, "备份完成", f"台账已备份到：\n{written}")
    return written


def restore_from_file(main_window, source: Path | None = None) -> bool:  # noqa: ANN001
    """Pick a backup (automatic ones listed, or any file), confirm, and restore it."""
    if main_window.context.ledger.on_server:
        messages.refuse(main_window, "从备份恢复", SERVER_RESTORE_REFUSAL)
        return False
    if source is None:
        dialog = RestoreDialog(main_window.context.ledger.data_dir, main_window)
        if dialog.exec() != QDialog.Accepted or dialog.chosen_path is None:
            return False
        source = dialog.chosen_path
    return restore_backup(main_window, Path(source))


def restore_backup(main_window, source: Path) -> bool:  # noqa: ANN001
    context = main_window.context
    try:
        backups.verify_backup_file(source)
    except UserError as exc:
        messages.error(main_window, "不能用这个文件恢复", f"{exc}\n\n当前台账没有改动。")
        return False
    question = (
        f"用备份文件“{source.name}”恢复台账吗？\n\n"
        "当前台账中的全部数据将被这个备份替换。恢复前会先自动为当前台账做一份安全备份，"
        "需要时可以再用它恢复回来。"
    )
    if not messages.confirm(main_window, "从备份恢复", question, danger=True):
        return False
    old = context.ledger
    old.close()
    try:
        ledger, result = backups.restore(old.data_dir, source)
    except (UserError, LedgerError) as exc:  # LedgerInUse: a command-line restore holds the folder
        messages.refuse(main_window, "恢复没有完成", exc)
        return False  # the old Ledger reconnects on its next use: its file is unchanged
    context.replace_ledger(ledger)
    text = f"已用“{result.source.name}”恢复台账，所有页面已重新载入。"
    if result.safety_backup:
        text += f"\n\n恢复前的台账已另存为：\n{result.safety_backup}"
    messages.info(main_window, "恢复完成", text)
    return True


BACKUP_COLUMNS = (
    Column("备份时间", lambda r: r.made_at.strftime("%Y-%m-%d %H:%M:%S"), sort_key=lambda r: r.made_at, width=150),
    Column("类型", lambda r: r.kind, width=120),
    Column("大小", lambda r: f"{r.size_kib} KB", sort_key=lambda r: r.size_kib, align_right=True, width=70),
    Column("文件", lambda r: r.path.name, tooltip=lambda r: str(r.path)),
)


class RestoreDialog(FittedDialog):
    """The automatic backups, newest first, and a button to choose any other backup file."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("从备份恢复")
        self.chosen_path: Path | None = None
        intro = QLabel(
            "选择一份备份来恢复台账。恢复会替换当前全部数据，恢复前会自动为当前台账做一份安全备份。\n"
            "下面是程序自动保存的备份；手动备份的文件请点“选择其他备份文件…”。", self)
        intro.setWordWrap(True)
        self.model = RecordTableModel(BACKUP_COLUMNS, self)
        self.model.set_rows(backups.automatic_backups(data_dir))
        proxy = RecordFilterProxy(self)
        proxy.setSourceModel(self.model)
        self.table = make_table_view(proxy, self)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _index: self._use_selected())
        self.empty_note = QLabel("还没有自动备份（程序每次启动时会自动备份一次）。", self)
        self.empty_note.setVisible(self.model.rowCount() == 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel, self)
        self.restore_button = self.buttons.addButton("恢复所选备份", QDialogButtonBox.AcceptRole)
        self.restore_button.setEnabled(False)
        self.other_button: QPushButton = self.buttons.addButton("选择其他备份文件…", QDialogButtonBox.ActionRole)
        self.buttons.accepted.connect(self._use_selected)
        self.buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self._choose_file)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(bool(selected_rows(self.table))))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.buttons)
        self.resize(800, 380)
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus(Qt.OtherFocusReason)

    def rows(self) -> list[backups.BackupRow]:
        return self.model.rows()

    def _use_selected(self) -> None:
        rows = selected_rows(self.table)
        if rows:
            self.chosen_path = rows[0].path
            self.accept()

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "选择备份文件", str(documents_folder()), FILE_FILTER)
        if chosen:
            self.chosen_path = Path(chosen)
            self.accept()
