"""Entering one visit or interview (家访·访谈记录), quickly, from the grade offices' paper forms.

「保存并继续」 saves and clears the form but keeps the visitor, date, kind and class.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.calendar import Period
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.records import AssistanceKind, VisitKind, topics_for
from desktop_app.services.records.visits import VisitData, add_visit, get_visit, list_visits, update_visit
from desktop_app.store.ledger import Ledger
from desktop_app.ui.records.class_combo import ClassCombo
from desktop_app.ui.records.record_dialog import RecordDialog, text_box
from desktop_app.ui.visits.student_list import StudentChecklist
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.store.events import Topic


class VisitDialog(RecordDialog):
    """New visit (visit_id None) or edit one. `saved_count` counts the records saved."""

    noun = "家访记录"
    kept = "访问人、日期、方式和班级"
    add_record = staticmethod(add_visit)
    update_record = staticmethod(update_visit)

    def __init__(self, ledger: Ledger, visit_id: int | None = None, parent: QWidget | None = None, *,
                 visitor_id: int | None = None, day: date | None = None, kind: str | None = None):
        super().__init__(ledger, visit_id, parent)
        self.visitor = MemberPicker(ledger, self, include_left=visit_id is not None)
        self.kind = EnumCombo(VisitKind, self)
        self.class_combo = ClassCombo(ledger, self, blank="")
        self.students = StudentChecklist(ledger, self)
        self.teacher = MemberPicker(ledger, self, include_left=visit_id is not None, placeholder="受访教师姓名")
        self.interviewee = QLineEdit(self)
        self.interviewee.setPlaceholderText("如 学生父亲、高一年级组（可留空）")
        self.topic_boxes: list[QCheckBox] = []
        self.topics_row = QWidget(self)
        self.topics_layout = QGridLayout(self.topics_row)  # three a row, so long topics are not cut
        self.topics_layout.setContentsMargins(0, 0, 0, 0)
        self.assistance = {a: QCheckBox(a.label, self) for a in AssistanceKind}
        assistance_row = QWidget(self)
        row = QHBoxLayout(assistance_row)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.assistance.values():
            row.addWidget(box)
        row.addStretch(1)
        self.content = text_box(self, 56)
        self.suggestions = text_box(self, 56)
        self.follow_up_needed = QCheckBox("需要回访", self)
        self.follows = QComboBox(self)

        self.form = QFormLayout()
        self.form.addRow("日期 *", self.date_edit)
        self.form.addRow("访问人 *", self.visitor)
        self.form.addRow("方式 *", self.kind)
        self.form.addRow("班级", self.class_combo)
        self.form.addRow("学生", self.students)
        self.form.addRow("受访教师 *", self.teacher)
        self.form.addRow("受访对象", self.interviewee)
        self.form.addRow("谈话内容", self.topics_row)
        self.form.addRow("帮扶类型", assistance_row)
        self.form.addRow("主要内容", self.content)
        self.form.addRow("意见建议", self.suggestions)
        self.form.addRow("", self.follow_up_needed)
        self.form.addRow("回访自", self.follows)
        for label, widget in (("日期", self.date_edit), ("访问人", self.visitor), ("方式", self.kind),
                              ("班级", self.class_combo), ("学生", self.students), ("受访教师", self.teacher),
                              ("谈话内容", self.topics_row), ("帮扶类型", assistance_row), ("回访", self.follows)):
            self.problems.register(label, widget)

        self.add_buttons()
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.class_combo.currentIndexChanged.connect(lambda _i: self.students.show_class(self.class_combo.class_id()))
        self.students.changed.connect(self._fill_follows)
        self.teacher.memberChanged.connect(lambda _m: self._fill_follows())

        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(self.form)
        layout.addStretch(1)  # rows hidden for some kinds leave their space here, not between rows
        layout.addWidget(self.saved_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

        if visit_id is not None:
            self.track(ledger, Topic.VISIT, visit_id, lambda: self._show(get_visit(ledger, visit_id)))
        else:
            self.date_edit.set_date(day or date.today())
            self.visitor.set_member_id(visitor_id)
            self.kind.set_code(kind or VisitKind.PHONE.value)
            self._kind_changed()
        (self.class_combo if visitor_id else self.date_edit).setFocus()

    # --- kind-dependent parts ---------------------------------------------------
    def _kind_changed(self, topics: list[str] = ()) -> None:
        kind = VisitKind(self.kind.code())
        self.form.setRowVisible(self.students, kind.takes_students)
        self.form.setRowVisible(self.teacher, kind.takes_teacher)
        for box in self.topic_boxes:
            self.topics_layout.removeWidget(box)
            box.hide()
            box.setParent(None)  # gone from the dialog's fields now, not at the next event loop turn
            box.deleteLater()
        self.topic_boxes = []
        vocab = topics_for(kind)
        for index, topic in enumerate(vocab or ()):
            box = QCheckBox(topic.label, self.topics_row)
            box.setProperty("code", topic.value)
            box.setChecked(topic.value in topics)
            self.topics_layout.addWidget(box, index // 3, index % 3)
            box.show()  # a child added to an already-shown row stays hidden until told
            self.topic_boxes.append(box)
        self.form.setRowVisible(self.topics_row, vocab is not None)
        label = self.form.labelForField(self.topics_row)
        if label is not None:
            label.setText("六问" if kind is VisitKind.SERVICE else "六谈")

    def _fill_follows(self, keep: int | None = None) -> None:
        """Earlier visits of the same student or teacher in the past year that asked for a follow-up."""
        keep = keep if keep is not None else self.follows.currentData()
        self.follows.clear()
        self.follows.addItem("（不是回访）", None)
        try:
            day = self.date_edit.date() or date.today()
        except ValueError:
            day = date.today()
        student_ids = self.students.student_ids()
        teacher_id = self.teacher.member_id()
        earlier = []
        if student_ids or teacher_id:
            year = Period(day - timedelta(days=365), day)
            earlier = (list_visits(self._ledger, year, student_id=student_ids[0]) if student_ids
                       else list_visits(self._ledger, year, member_id=teacher_id))
        for visit in earlier:
            if visit.id != self.record_id and (visit.follow_up_needed or visit.id == keep):
                self.follows.addItem(f"{visit.date} {visit.visitor_name} {visit.kind_label} {visit.visited}", visit.id)
        self.follows.setCurrentIndex(max(self.follows.findData(keep), 0) if keep else 0)

    # --- values -------------------------------------------------------------------
    def _show(self, data: VisitData, *, keep_class: bool = False) -> None:
        self.date_edit.set_date(data.date)
        self.visitor.set_member_id(data.visitor_id)
        self.kind.blockSignals(True)
        self.kind.set_code(data.kind)
        self.kind.blockSignals(False)
        self._kind_changed(data.topics)
        if not keep_class:
            self.class_combo.blockSignals(True)
            self.class_combo.set_class_id(data.class_id)
            self.class_combo.blockSignals(False)
        self.students.show_class(self.class_combo.class_id(), data.student_ids)
        self.teacher.set_member_id(data.target_member_id)
        self.interviewee.setText(data.interviewee or "")
        for kind, box in self.assistance.items():
            box.setChecked(kind.value in data.assistance)
        self.content.setPlainText(data.content or "")
        self.suggestions.setPlainText(data.suggestions or "")
        self.follow_up_needed.setChecked(data.follow_up_needed)
        self._fill_follows(keep=data.follows_visit_id or 0)

    def data(self) -> tuple[VisitData, list[FieldProblem]]:
        kind = VisitKind(self.kind.code())
        checks = [("访问人", self.visitor)] + ([("受访教师", self.teacher)] if kind.takes_teacher else [])
        day, problems = self.typed_problems(checks)
        data = VisitData(
            date=day, visitor_id=self.visitor.member_id(), kind=kind.value,
            student_ids=self.students.student_ids() if kind.takes_students else [],
            class_id=self.class_combo.class_id(),
            target_member_id=self.teacher.member_id() if kind.takes_teacher else None,
            interviewee=self.interviewee.text(),
            topics=[box.property("code") for box in self.topic_boxes if box.isChecked()],
            assistance=[k.value for k, box in self.assistance.items() if box.isChecked()],
            content=self.content.toPlainText(), suggestions=self.suggestions.toPlainText(),
            follow_up_needed=self.follow_up_needed.isChecked(), follows_visit_id=self.follows.currentData(),
        )
        return data, problems

    def start_next(self) -> None:
        kept = VisitData(date=self.date_edit.date(), visitor_id=self.visitor.member_id(), kind=self.kind.code(),
                         class_id=self.class_combo.class_id())
        self._show(kept, keep_class=True)
        self.students.filter.setFocus()
