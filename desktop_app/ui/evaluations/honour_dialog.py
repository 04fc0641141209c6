"""Adding or editing one honour: title, year, member or class (党员先锋班 with its head teacher), issuer, date, note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QFormLayout, QLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.problems import FieldProblem
from desktop_app.services.classes import list_classes
from desktop_app.services.errors import ValidationError
from desktop_app.store.events import Topic
from desktop_app.services.honours import CLASS_TITLE, COMMON_TITLES, HonourData, add_honour, get_honour, update_honour
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.form_problems import ProblemBanner, save_or_show
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.ui.widgets.form_dialog import FormDialog


class HonourDialog(FormDialog):
    """A new honour filled with `data`, or honour `honour_id` as the ledger has it now."""

    def __init__(self, ledger, data: HonourData, honour_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger, self.honour_id = ledger, honour_id
        self.setWindowTitle("编辑荣誉" if honour_id else "登记荣誉")
        self.problems = ProblemBanner(self)
        self.title_box = QComboBox(self)
        self.title_box.setEditable(True)
        self.title_box.addItems(COMMON_TITLES)
        self.title_box.currentTextChanged.connect(self._follow_title)
        self.year_edit = QLineEdit(self)
        self.year_edit.setPlaceholderText("如 2025-2026")
        self.member_picker = MemberPicker(ledger, self, include_left=True)
        self.class_box = QComboBox(self)
        self.class_box.addItem("（不是班级荣誉）", None)
        self._head_teachers = {}
        for row in list_classes(ledger):
            teacher = f"（班主任 {row.head_teacher_name}）" if row.head_teacher_name else "（未设班主任）"
            self.class_box.addItem(row.name + teacher, row.id)
            self._head_teachers[row.id] = row.head_teacher_id
        self.class_box.currentIndexChanged.connect(self._follow_class)
        self.issuer_edit = QLineEdit(self)
        self.issuer_edit.setPlaceholderText("如 中共××中学支部委员会")
        self.date_edit = OptionalDateEdit(self)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setFixedHeight(60)
        form = QFormLayout()
        form.addRow("荣誉称号", self.title_box)
        form.addRow("学年", self.year_edit)
        form.addRow("班级", self.class_box)
        form.addRow("党员", self.member_picker)
        form.addRow("颁发单位", self.issuer_edit)
        form.addRow("颁发日期", self.date_edit)
        form.addRow("备注", self.note_edit)
        self._member_label = form.labelForField(self.member_picker)
        self._member_label.setMinimumWidth(self._member_label.fontMetrics().horizontalAdvance("荣誉称号") + 6)
        for label, widget in (("荣誉称号", self.title_box), ("学年", self.year_edit), ("班级", self.class_box),
                              ("党员", self.member_picker), ("获奖人", self.member_picker),
                              ("颁发日期", self.date_edit)):
            self.problems.register(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if honour_id:
            self.track(ledger, Topic.HONOUR, honour_id, lambda: self._show(get_honour(ledger, honour_id)))
        else:
            self._show(data)
        self.resize(460, self.sizeHint().height())

    def _show(self, data: HonourData) -> None:
        self.title_box.setCurrentText(data.title)
        self.year_edit.setText(data.school_year)
        self.class_box.setCurrentIndex(max(0, self.class_box.findData(data.class_id)))  # before the member:
        self.member_picker.set_member_id(data.member_id)  # choosing a class proposes its head teacher
        self.issuer_edit.setText(data.issuer)
        self.date_edit.set_date(data.awarded_on)
        self.note_edit.setPlainText(data.note)
        self._follow_title(self.title_box.currentText())

    def _follow_title(self, title: str) -> None:
        self._member_label.setText("班主任" if title == CLASS_TITLE else "党员")

    def _follow_class(self) -> None:
        head = self._head_teachers.get(self.class_box.currentData())
        if head is not None:
            self.member_picker.set_member_id(head)

    def data(self) -> HonourData:
        problems = []
        try:
            year = parse_school_year(self.year_edit.text())
        except ValueError as exc:
            problems.append(FieldProblem("学年", str(exc)))
            year = self.year_edit.text()
        problem = self.member_picker.problem("党员")
        if problem:
            problems.append(FieldProblem("党员", problem.split("：", 1)[1]))
        day = None
        try:
            day = self.date_edit.date()
        except ValueError as exc:
            problems.append(FieldProblem("颁发日期", str(exc)))
        if problems:
            raise ValidationError(problems)
        return HonourData(self.title_box.currentText().strip(), year, self.member_picker.member_id(),
                          self.class_box.currentData(), self.issuer_edit.text(), day, self.note_edit.toPlainText())

    def _accept(self) -> None:
        save_or_show(self, self.problems, self.windowTitle(), self._write)

    def _write(self) -> None:
        data = self.data()
        if self.honour_id:
            update_honour(self.ledger, self.honour_id, data)
        else:
            add_honour(self.ledger, data)
