"""The usual keys of a record list: Ctrl+N adds, Enter or double-click edits, Delete deletes.

    buttons = record_buttons(panel, view, add=self.add, edit=self.edit, delete=self.delete)
    toolbar.addWidget(buttons.add); ...

The shortcuts work while focus is anywhere inside `panel` (Ctrl+N) or on the table (Enter,
Delete), so a search box keeps its own Delete key. Edit and delete buttons follow the selection.
With a `gate` (ui/widgets/role_gate.py) all three are disabled, with its reason as the tooltip,
while the logged-in role may not write the list's records; the store refuses them regardless.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QWidget


@dataclass
class RecordButtons:
    add: QPushButton
    edit: QPushButton
    delete: QPushButton

    bar_layout: QHBoxLayout | None = None  # set by bar(): a list may add its own buttons after 删除

    def bar(self, count_label: QLabel) -> QHBoxLayout:
        """新增 · 编辑 · 删除 on the left, the row count on the right."""
        row = QHBoxLayout()
        for button in (self.add, self.edit, self.delete):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(count_label)
        self.bar_layout = row
        return row


def record_buttons(panel: QWidget, view: QTableView, *, add: Callable[[], None], edit: Callable[[], None],
                   delete: Callable[[], None], noun: str = "",
                   gate: Callable[[], str | None] | None = None) -> RecordButtons:
    def refusal() -> str | None:
        return gate() if gate is not None else None

    def guarded(action: Callable[[], None]) -> Callable[[], None]:
        return lambda: None if refusal() else action()

    add, edit, delete = guarded(add), guarded(edit), guarded(delete)
    buttons = RecordButtons(
        add=QPushButton(f"新增{noun}", panel), edit=QPushButton("编辑", panel), delete=QPushButton("删除", panel),
    )
    tips = {buttons.add: "Ctrl+N", buttons.edit: "回车或双击一行", buttons.delete: "Delete 键"}
    buttons.add.clicked.connect(add)
    buttons.edit.clicked.connect(edit)
    buttons.delete.clicked.connect(delete)
    view.doubleClicked.connect(lambda _index: edit())
    QShortcut(QKeySequence("Ctrl+N"), panel, add, context=Qt.WidgetWithChildrenShortcut)
    for key in (Qt.Key_Return, Qt.Key_Enter):
        QShortcut(QKeySequence(key), view, edit, context=Qt.WidgetShortcut)
    QShortcut(QKeySequence(QKeySequence.Delete), view, delete, context=Qt.WidgetShortcut)

    def follow_selection() -> None:
        chosen, refused = view.selectionModel().hasSelection(), refusal()
        for button, enabled in ((buttons.add, True), (buttons.edit, chosen), (buttons.delete, chosen)):
            button.setEnabled(enabled and not refused)
            button.setToolTip(refused or tips[button])

    view.selectionModel().selectionChanged.connect(lambda *_: follow_selection())
    view.model().modelReset.connect(follow_selection)
    view.model().layoutChanged.connect(follow_selection)
    follow_selection()
    return buttons
