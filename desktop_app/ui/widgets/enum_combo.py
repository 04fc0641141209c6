"""Combo boxes over the vocabulary and over free text with suggestions.

    combo = EnumCombo(PoliticalStatus, parent)               # labels shown, codes returned
    combo = EnumCombo(Gender, parent, blank="（未填）")       # first entry means None
    combo.code() → "full_member" or None; combo.set_code("female")
    select_code(any_combo, "female")                         # the same for a plain QComboBox

    edit = SuggestCombo(["本科", "研究生"], parent)            # editable, any text allowed
    edit.value() → stripped text or None; edit.set_value("本科")
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from desktop_app.domain.vocab import LabelledEnum


class EnumCombo(QComboBox):
    def __init__(self, enum: type[LabelledEnum], parent: QWidget | None = None, *, blank: str | None = None):
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, None)
        for member in enum:
            self.addItem(member.label, member.value)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        select_code(self, code)


def select_code(combo: QComboBox, code) -> None:
    """Choose the item whose data is `code`; the first item when none is."""
    index = combo.findData(code)
    combo.setCurrentIndex(index if index >= 0 else 0)


class SuggestCombo(QComboBox):
    def __init__(self, suggestions: Iterable[str] = (), parent: QWidget | None = None, *, placeholder: str = ""):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        if placeholder:
            self.lineEdit().setPlaceholderText(placeholder)
        self.set_suggestions(suggestions)
        self.completer().setFilterMode(Qt.MatchContains)
        self.completer().setCompletionMode(QCompleter.PopupCompletion)

    def set_suggestions(self, suggestions: Iterable[str]) -> None:
        keep = self.currentText()
        self.clear()
        self.addItems(list(dict.fromkeys(s for s in suggestions if s)))
        self.setCurrentIndex(-1)
        self.setEditText(keep)

    def value(self) -> str | None:
        return self.currentText().strip() or None

    def set_value(self, text: str | None) -> None:
        self.setCurrentIndex(-1)
        self.setEditText(text or "")
