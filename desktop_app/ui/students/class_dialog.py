"""The add/edit dialog for a class: name, grade and head teacher."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.school import ClassData, guess_grade, validate_class
from desktop_app.services import classes as service
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.enum_combo import SuggestCombo
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.store.events import Topic

STAR = " <span style='color:#c62828'>*</span>"


class ClassDialog(FormDialog):
    """Add a class (class_id None) or edit one; `saved_id` after accept."""

    def __init__(self, ledger: Ledger, class_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.class_id = class_id
        self.saved_id: int | None = None
        self.setWindowTitle("编辑班级" if class_id else "新增班级")
        self.setMinimumWidth(380)
        self.problems = ProblemBanner(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(30)
        self.name_edit.setPlaceholderText("如 高二(3)班")
        self.name_edit.textEdited.connect(self._suggest_grade)
        self.grade = SuggestCombo(sorted({r.grade for r in service.list_classes(ledger) if r.grade}), self,
                                  placeholder="如 高二（可由班级名自动填写）")
        self.head_teacher = MemberPicker(ledger, self, placeholder="输入姓名查找，可留空")
        form = QFormLayout()
        form.addRow(QLabel("班级" + STAR), self.name_edit)
        form.addRow("年级", self.grade)
        form.addRow("班主任", self.head_teacher)
        for label, widget in (("班级", self.name_edit), ("年级", self.grade), ("班主任", self.head_teacher)):
            self.problems.register(label, widget)
        self.save_button = lay_out_form(self, self.problems, form, self.save)
        if class_id is not None:
            self.track(ledger, Topic.SCHOOL_CLASS, class_id, lambda: self._show(service.get_class(ledger, class_id)))

    def _show(self, data: ClassData) -> None:
        self.name_edit.setText(data.name)
        self.grade.set_value(data.grade)
        self.head_teacher.set_member_id(data.head_teacher_id)

    def _suggest_grade(self, name: str) -> None:
        guessed = guess_grade(name)
        if guessed and not self.grade.value():
            self.grade.set_value(guessed)

    def save(self) -> None:
        data = ClassData(name=self.name_edit.text(), grade=self.grade.value(),
                         head_teacher_id=self.head_teacher.member_id())
        problems = validate_class(data)
        picked = self.head_teacher.problem("班主任")
        if picked:
            problems.append(FieldProblem("班主任", picked.split("：", 1)[1]))
        if problems:
            self.problems.show_problems(problems)
            return
        save_or_show(self, self.problems, "未能保存", lambda: self._write(data))

    def _write(self, data: ClassData) -> None:
        if self.class_id is None:
            self.saved_id = service.add_class(self._ledger, data)
        else:
            service.update_class(self._ledger, self.class_id, data)
            self.saved_id = self.class_id
