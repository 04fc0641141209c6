"""Ticking the students one visit reached, from the chosen class, with a quick name filter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.services.records.lookups import students_of_class
from desktop_app.store.ledger import Ledger


class StudentChecklist(QWidget):
    changed = Signal()

    def __init__(self, ledger: Ledger, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("先选班级；输入姓名筛选，空格键勾选")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setFixedHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._tick_single_match)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def show_class(self, class_id: int | None, checked: list[int] = ()) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        if class_id is not None:
            for student in students_of_class(self._ledger, class_id, include_inactive=bool(checked)):
                item = QListWidgetItem(student.name)
                item.setData(Qt.UserRole, student.id)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if student.id in checked else Qt.Unchecked)
                self.list.addItem(item)
        self.list.blockSignals(False)
        self.filter.clear()
        self.changed.emit()

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def student_ids(self) -> list[int]:
        return [item.data(Qt.UserRole) for item in self.items() if item.checkState() == Qt.Checked]

    def set_checked_names(self, names: list[str]) -> None:
        for item in self.items():
            if item.text() in names:
                item.setCheckState(Qt.Checked)

    def clear_checks(self) -> None:
        for item in self.items():
            item.setCheckState(Qt.Unchecked)

    def _filter(self, text: str) -> None:
        needle = text.strip()
        for item in self.items():
            item.setHidden(bool(needle) and needle not in item.text())

    def _tick_single_match(self) -> None:
        shown = [item for item in self.items() if not item.isHidden()]
        if len(shown) == 1:
            shown[0].setCheckState(Qt.Checked)
            self.filter.clear()
