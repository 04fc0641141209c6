"""A class (班级) chooser: typing part of the name completes it; the first entry means none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from desktop_app.services.records.lookups import ClassRef, list_classes
from desktop_app.store.ledger import Ledger


class ClassCombo(QComboBox):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None, *, blank: str = "（不限班级）"):
        super().__init__(parent)
        self._ledger = ledger
        self._blank = blank
        self._classes: dict[int, ClassRef] = {}
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.completer().setFilterMode(Qt.MatchContains)
        self.completer().setCompletionMode(QCompleter.PopupCompletion)
        self.reload()

    def reload(self, ledger: Ledger | None = None) -> None:
        self._ledger = ledger or self._ledger
        keep = self.class_id()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._blank, None)
        self._classes = {c.id: c for c in list_classes(self._ledger)}
        for ref in self._classes.values():
            self.addItem(ref.name, ref.id)
        self.blockSignals(False)
        self.set_class_id(keep)

    def class_id(self) -> int | None:
        index = self.findText(self.currentText().strip(), Qt.MatchExactly)
        return self.itemData(index) if index >= 0 else None

    def class_ref(self) -> ClassRef | None:
        class_id = self.class_id()
        return self._classes.get(class_id) if class_id is not None else None

    def set_class_id(self, class_id: int | None) -> None:
        index = self.findData(class_id) if class_id is not None else 0
        self.setCurrentIndex(max(index, 0))

    def problem(self, label: str = "班级") -> str | None:
        text = self.currentText().strip()
        if text and text != self._blank and self.class_id() is None:
            return f"{label}：没有名为“{text}”的班级"
        return None
