"""Entering one lesson observation (听课记录) as fast as the paper form allows.

Fields follow the paper form's order, so Tab walks down the sheet. For a stack of forms,
「保存并继续」 saves and clears the form but keeps the observer and the date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.records import LessonType, Rating, SixLook
from desktop_app.services.records.observations import (
    MAX_LESSON_NO, ObservationData, add_observation, get_observation, update_observation,
)
from desktop_app.store.ledger import Ledger
from desktop_app.ui.records.class_combo import ClassCombo
from desktop_app.ui.records.record_dialog import RecordDialog, text_box
from desktop_app.ui.widgets.enum_combo import EnumCombo, SuggestCombo
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.store.events import Topic

COMMON_SUBJECTS = ("语文", "数学", "英语", "物理", "化学", "生物", "政治", "历史", "地理", "信息技术", "体育", "音乐", "美术")


class ObservationDialog(RecordDialog):
    """New observation (observation_id None) or edit one. `saved_count` counts the records saved."""

    noun = "听课记录"
    kept = "听课人和日期"
    add_record = staticmethod(add_observation)
    update_record = staticmethod(update_observation)

    def __init__(self, ledger: Ledger, observation_id: int | None = None, parent: QWidget | None = None, *,
                 observer_id: int | None = None, day: date | None = None):
        super().__init__(ledger, observation_id, parent)
        self.observer = MemberPicker(ledger, self, include_left=observation_id is not None)
        self.teacher = MemberPicker(ledger, self, include_left=observation_id is not None)
        self.lesson_no = QSpinBox(self)
        self.lesson_no.setRange(0, MAX_LESSON_NO)
        self.lesson_no.setSpecialValueText("未填")
        self.class_combo = ClassCombo(ledger, self, blank="")
        self.subject = SuggestCombo(COMMON_SUBJECTS, self)
        self.lesson_type = EnumCombo(LessonType, self)
        self.ratings = {look: EnumCombo(Rating, self, blank="—") for look in SixLook}
        self.comment = text_box(self, 60)
        self.suggestions = text_box(self, 60)

        form = QFormLayout()
        form.addRow("日期 *", self.date_edit)
        form.addRow("听课人 *", self.observer)
        form.addRow("授课教师 *", self.teacher)
        form.addRow("节次", self.lesson_no)
        form.addRow("班级", self.class_combo)
        form.addRow("学科", self.subject)
        form.addRow("课型", self.lesson_type)
        looks = QGroupBox("六看评价", self)
        grid = QGridLayout(looks)
        for i, (look, combo) in enumerate(self.ratings.items()):
            grid.addWidget(QLabel(look.label), i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
        notes = QFormLayout()
        notes.addRow("评语", self.comment)
        notes.addRow("建议", self.suggestions)
        for label, widget in (("日期", self.date_edit), ("听课人", self.observer), ("授课教师", self.teacher),
                              ("节次", self.lesson_no), ("班级", self.class_combo), ("课型", self.lesson_type),
                              ("六看", looks)):
            self.problems.register(label, widget)

        self.add_buttons()
        self.teacher.memberChanged.connect(self._fill_subject)

        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(looks)
        layout.addLayout(notes)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.buttons)
        order = [self.date_edit.line_edit, self.observer, self.teacher, self.lesson_no, self.class_combo,
                 self.subject, self.lesson_type, *self.ratings.values(), self.comment, self.suggestions,
                 self.continue_button, self.save_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

        if observation_id is not None:
            self.track(ledger, Topic.OBSERVATION, observation_id,
                       lambda: self._show(get_observation(ledger, observation_id)))
        else:
            self.date_edit.set_date(day or date.today())
            self.observer.set_member_id(observer_id)
        (self.teacher if observer_id else self.date_edit).setFocus()

    # --- values ---------------------------------------------------------------
    def _show(self, data: ObservationData) -> None:
        self.date_edit.set_date(data.date)
        self.observer.set_member_id(data.observer_id)
        self.teacher.set_member_id(data.teacher_id)
        self.lesson_no.setValue(data.lesson_no or 0)
        self.class_combo.set_class_id(data.class_id)
        self.subject.set_value(data.subject)
        self.lesson_type.set_code(data.lesson_type)
        for look, combo in self.ratings.items():
            combo.set_code(data.ratings.get(look.value))
        self.comment.setPlainText(data.comment or "")
        self.suggestions.setPlainText(data.suggestions or "")

    def data(self) -> tuple[ObservationData, list[FieldProblem]]:
        day, problems = self.typed_problems([("听课人", self.observer), ("授课教师", self.teacher)])
        data = ObservationData(
            date=day, observer_id=self.observer.member_id(), teacher_id=self.teacher.member_id(),
            lesson_no=self.lesson_no.value() or None, class_id=self.class_combo.class_id(),
            subject=self.subject.value(), lesson_type=self.lesson_type.code(),
            ratings={look.value: combo.code() for look, combo in self.ratings.items() if combo.code()},
            comment=self.comment.toPlainText(), suggestions=self.suggestions.toPlainText(),
        )
        return data, problems

    def _fill_subject(self, member_id: int | None) -> None:
        member = self.teacher.member()
        if member is not None and member.subject and not self.subject.value():
            self.subject.set_value(member.subject)

    def start_next(self) -> None:
        self._show(ObservationData(date=self.date_edit.date(), observer_id=self.observer.member_id()))
        self.teacher.setFocus()
