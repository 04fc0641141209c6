"""A record's attachments in its dialog: add, open and remove files, each with its size.

Changes wait for the dialog's 保存: `new_files()` and `removed_ids()` go to the record's own
save, so the record and its files are written in one transaction (services.attachments).

    panel = AttachmentsPanel(ledger, "meeting", meeting_id or None, parent)
    data.new_attachments, data.removed_attachment_ids = panel.new_files(), panel.removed_ids()
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop_app.services import attachments
from desktop_app.services.attachments import NewAttachment
from desktop_app.services.errors import UserError
from desktop_app.services.files import atomic_write_bytes
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages

ROW_ROLE = Qt.UserRole + 1  # an AttachmentRow (stored) or a NewAttachment (waiting for 保存)
FILE_FILTER = "图片和文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xls *.xlsx);;所有文件 (*)"


def open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentsPanel(QWidget):
    changed = Signal()

    def __init__(self, ledger: Ledger, owner_kind: str, owner_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self._owner_kind = owner_kind
        self._removed: list[int] = []
        self.open_path = open_with_system  # tests replace it to see what would open
        self.files = QListWidget(self)
        self.add_button = QPushButton("添加附件…", self)
        self.open_button = QPushButton("打开", self)
        self.remove_button = QPushButton("移除", self)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._choose)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.files.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.files.currentRowChanged.connect(lambda _r: self._follow())
        self.show_owner(owner_id)

    def show_owner(self, owner_id: int | None) -> None:
        """List the stored attachments of that owner (None: a new record, none yet); pending changes go."""
        self.files.clear()
        self._removed = []
        for row in attachments.attachments_of(self._ledger, self._owner_kind, owner_id) if owner_id else []:
            self._append(row, f"{row.filename}（{row.size_label}）")
        self._follow()
        self.changed.emit()

    def _append(self, row, text: str) -> None:
        item = QListWidgetItem(text, self.files)
        item.setData(ROW_ROLE, row)
        item.setToolTip(text)

    def _follow(self) -> None:
        chosen = self.files.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "添加附件", "", FILE_FILTER)
        self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                item = attachments.read_file(path)
            except UserError as exc:
                messages.error(self, "添加附件", str(exc))
                continue
            self._append(item, f"{item.filename}（{attachments.size_label(item.size)}，保存后存入台账）")
        self.files.setCurrentRow(self.files.count() - 1)
        self.changed.emit()

    def open_selected(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        row = item.data(ROW_ROLE)
        folder = Path(tempfile.gettempdir()) / "党建台账附件"
        try:
            if isinstance(row, NewAttachment):
                folder.mkdir(parents=True, exist_ok=True)
                path = atomic_write_bytes(folder / row.filename, row.content)
            else:
                path = attachments.export_copy(self._ledger, row.id, folder / f"{row.id}-{row.filename}")
        except UserError as exc:
            messages.error(self, "打开附件", str(exc))
            return
        self.open_path(path)

    def remove_selected(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        row = item.data(ROW_ROLE)
        if not isinstance(row, NewAttachment):
            self._removed.append(row.id)
        self.files.takeItem(self.files.row(item))
        self._follow()
        self.changed.emit()

    def new_files(self) -> list[NewAttachment]:
        return [row for row in self._rows() if isinstance(row, NewAttachment)]

    def removed_ids(self) -> list[int]:
        return list(self._removed)

    def total_label(self) -> str:
        rows = self._rows()
        return f"附件（{len(rows)}）" if rows else "附件"

    def _rows(self) -> list:
        return [self.files.item(i).data(ROW_ROLE) for i in range(self.files.count())]
