"""新增人员 from any person picker: a name and a 政治面貌 (群众 unless chosen), so an observation of a
visiting or new teacher can be recorded without leaving the dialog. The rest is filled in later in 党员.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain.people import MemberData
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.members import add_member
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show

TITLE = "新增人员"


class QuickAddDialog(FormDialog):
    def __init__(self, ledger: Ledger, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.saved_id: int | None = None
        self.setWindowTitle(TITLE)
        self.problems = ProblemBanner(self)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setMaxLength(50)
        self.status = EnumCombo(PoliticalStatus, self)
        self.status.set_code(PoliticalStatus.NON_PARTY.value)
        hint = QLabel("名册外的人员（如外校来访教师、新来的老师）。岗位、部门等可以以后在“党员”页补充。", self)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("姓名 *", self.name_edit)
        form.addRow("政治面貌", self.status)
        form.addRow(hint)
        self.problems.register_form(form)
        self.save_button = lay_out_form(self, self.problems, form, self.save)
        self.setMinimumWidth(380)

    def save(self) -> None:
        data = MemberData(name=self.name_edit.text().strip(), political_status=self.status.code())

        def write() -> None:
            self.saved_id = add_member(self._ledger, data)
        save_or_show(self, self.problems, TITLE, write)


def _plus_icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#8c1c13"))
    font = QFont()
    font.setPixelSize(16)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignCenter, "+")
    painter.end()
    return QIcon(pixmap)


def add_quick_add_action(picker) -> QAction:
    """A "+" inside the picker's text field that opens QuickAddDialog and then picks the new person."""
    action = QAction(_plus_icon(), "新增人员…", picker)
    action.setToolTip("名册里没有此人？点此新增（姓名、政治面貌）")
    picker.lineEdit().addAction(action, QLineEdit.TrailingPosition)
    action.triggered.connect(lambda: quick_add(picker))
    return action


def quick_add(picker) -> int | None:
    typed = picker.currentText().strip() if picker.member_id() is None else ""
    dialog = QuickAddDialog(picker.ledger, typed, picker.window())
    picker.quick_add_dialog = dialog  # tests answer it
    if dialog.exec() != QDialog.Accepted or dialog.saved_id is None:
        return None
    picker.reload()
    picker.set_member_id(dialog.saved_id)
    return dialog.saved_id
