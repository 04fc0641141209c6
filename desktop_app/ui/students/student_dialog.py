"""The add/edit dialog for a student: class, number, key-group flags, guardian and contact."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QWidget,
)

from desktop_app.domain.school import StudentData, validate_student
from desktop_app.domain.vocab import Gender, StudentFlag
from desktop_app.services import classes as class_service
from desktop_app.services import students as service
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.store.events import Topic

STAR = " <span style='color:#c62828'>*</span>"


class StudentDialog(FormDialog):
    """Add a student (student_id None, optionally into `class_id`) or edit one; `saved_id` after accept."""

    def __init__(self, ledger: Ledger, student_id: int | None = None, parent: QWidget | None = None, *,
                 class_id: int | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.student_id = student_id
        self.saved_id: int | None = None
        self.setWindowTitle("编辑学生信息" if student_id else "新增学生")
        self.setMinimumWidth(460)
        self.problems = ProblemBanner(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(50)
        self.school_class = QComboBox(self)
        self.school_class.addItem("（请选择班级）", None)
        for row in class_service.list_classes(ledger):
            self.school_class.addItem(row.name, row.id)
        self.student_number = QLineEdit(self)
        self.student_number.setMaxLength(30)
        self.gender = EnumCombo(Gender, self, blank="（未填）")
        flags = QWidget(self)
        grid = QGridLayout(flags)
        grid.setContentsMargins(0, 0, 0, 0)
        self.flag_boxes: dict[str, QCheckBox] = {}
        for i, flag in enumerate(StudentFlag):
            box = QCheckBox(flag.label, flags)
            self.flag_boxes[flag.value] = box
            grid.addWidget(box, i // 3, i % 3)
        self.guardian = QLineEdit(self)
        self.guardian.setMaxLength(50)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText("手机或座机，多个用“、”分隔")
        self.address = QLineEdit(self)
        self.address.setMaxLength(200)
        self.active = QCheckBox("在读", self)
        self.active.setChecked(True)
        form = QFormLayout()
        form.addRow(QLabel("姓名" + STAR), self.name_edit)
        form.addRow(QLabel("班级" + STAR), self.school_class)
        form.addRow("学号", self.student_number)
        form.addRow("性别", self.gender)
        form.addRow("重点类别", flags)
        form.addRow("家长姓名", self.guardian)
        form.addRow("联系电话", self.phone)
        form.addRow("家庭住址", self.address)
        form.addRow("", self.active)
        for label, widget in (("姓名", self.name_edit), ("班级", self.school_class), ("学号", self.student_number),
                              ("性别", self.gender), ("重点类别", flags), ("家长姓名", self.guardian),
                              ("联系电话", self.phone), ("家庭住址", self.address)):
            self.problems.register(label, widget)
        self.save_button = lay_out_form(self, self.problems, form, self.save)
        if student_id is not None:
            self.track(ledger, Topic.STUDENT, student_id, lambda: self.set_data(service.get_student(ledger, student_id)))
        else:
            self.set_class(class_id)
        self.name_edit.setFocus()

    def set_class(self, class_id: int | None) -> None:
        index = self.school_class.findData(class_id)
        self.school_class.setCurrentIndex(max(index, 0))

    def set_data(self, data: StudentData) -> None:
        self.name_edit.setText(data.name)
        self.set_class(data.class_id)
        self.student_number.setText(data.student_number or "")
        self.gender.set_code(data.gender)
        for code, box in self.flag_boxes.items():
            box.setChecked(code in data.flags)
        self.guardian.setText(data.guardian_name or "")
        self.phone.setText(data.phone or "")
        self.address.setText(data.address or "")
        self.active.setChecked(data.active)

    def data(self) -> StudentData:
        return StudentData(
            name=self.name_edit.text().strip(), class_id=self.school_class.currentData(),
            student_number=self.student_number.text().strip() or None, gender=self.gender.code(),
            flags=[code for code, box in self.flag_boxes.items() if box.isChecked()],
            guardian_name=self.guardian.text().strip() or None, phone=self.phone.text().strip() or None,
            address=self.address.text().strip() or None, active=self.active.isChecked(),
        )

    def save(self) -> None:
        data = self.data()
        problems = validate_student(data)
        if problems:
            self.problems.show_problems(problems)
            return
        self.problems.clear_problems()
        same = service.possible_duplicates(self._ledger, data, exclude_id=self.student_id)
        if same:
            numbers = "、".join(row.student_number or "无学号" for row in same)
            text = f"可能重复：{self.school_class.currentText()}已有名为“{data.name}”的学生（学号：{numbers}）。\n\n仍要保存吗？"
            if not messages.confirm(self, "可能重复", text):
                return
        save_or_show(self, self.problems, "未能保存", lambda: self._write(data))

    def _write(self, data: StudentData) -> None:
        if self.student_id is None:
            self.saved_id = service.add_student(self._ledger, data)
        else:
            service.update_student(self._ledger, self.student_id, data)
            self.saved_id = self.student_id
