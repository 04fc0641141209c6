"""The add/edit dialog for a 双培双促进 cultivation plan."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from desktop_app.domain.cultivation import COMMON_STAGES, CultivationData, validate_cultivation
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import CultivationKind
from desktop_app.services import cultivation as service
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.enum_combo import EnumCombo, SuggestCombo
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.store.events import Topic


class CultivationDialog(FormDialog):
    """Add a plan (plan_id None; optionally for `member_id`) or edit one; `saved_id` after accept."""

    def __init__(self, ledger: Ledger, plan_id: int | None = None, parent: QWidget | None = None, *,
                 member_id: int | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.plan_id = plan_id
        self.saved_id: int | None = None
        self.setWindowTitle("编辑培养计划" if plan_id else "新增培养计划（双培双促进）")
        self.setMinimumWidth(480)
        self.problems = ProblemBanner(self)
        self.kind = EnumCombo(CultivationKind, self)
        self.member = MemberPicker(ledger, self)
        self.mentor = MemberPicker(ledger, self, placeholder="结对帮扶人，可留空")
        self.target = QLineEdit(self)
        self.target.setMaxLength(200)
        self.target.setPlaceholderText("如 两年内成长为学科带头人")
        self.start_date = OptionalDateEdit(self)
        self.stage = SuggestCombo(COMMON_STAGES, self, placeholder="如 结对帮扶中")
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        form = QFormLayout()
        star = " <span style='color:#c62828'>*</span>"
        form.addRow(QLabel("培养类型" + star), self.kind)
        form.addRow(QLabel("培养对象" + star), self.member)
        form.addRow("帮扶人（一帮一）", self.mentor)
        form.addRow("培养目标", self.target)
        form.addRow("开始日期", self.start_date)
        form.addRow("阶段", self.stage)
        form.addRow("备注", self.notes)
        for label, widget in (("培养类型", self.kind), ("培养对象", self.member), ("帮扶人", self.mentor),
                              ("培养目标", self.target), ("开始日期", self.start_date), ("阶段", self.stage)):
            self.problems.register(label, widget)
        self.save_button = lay_out_form(self, self.problems, form, self.save)
        if plan_id is not None:
            self.track(ledger, Topic.CULTIVATION, plan_id, lambda: self.set_data(service.get_cultivation(ledger, plan_id)))
        else:
            self.member.set_member_id(member_id)
        self.kind.setFocus()

    def set_data(self, data: CultivationData) -> None:
        self.kind.set_code(data.kind)
        self.member.set_member_id(data.member_id)
        self.mentor.set_member_id(data.mentor_id)
        self.target.setText(data.target or "")
        self.start_date.set_date(data.start_date)
        self.stage.set_value(data.stage)
        self.notes.setPlainText(data.notes or "")

    def data(self) -> tuple[CultivationData, list[FieldProblem]]:
        problems = []
        for label, picker in (("培养对象", self.member), ("帮扶人", self.mentor)):
            reason = picker.problem(label)
            if reason:
                problems.append(FieldProblem(label, reason.split("：", 1)[1]))
        try:
            start = self.start_date.date()
        except ValueError as exc:
            problems.append(FieldProblem("开始日期", str(exc)))
            start = None
        data = CultivationData(
            kind=self.kind.code(), member_id=self.member.member_id(), mentor_id=self.mentor.member_id(),
            target=self.target.text(), start_date=start, stage=self.stage.value(),
            notes=self.notes.toPlainText(),
        )
        return data, problems

    def save(self) -> None:
        data, problems = self.data()
        typed = {p.field for p in problems}
        problems += [p for p in validate_cultivation(data) if p.field not in typed]
        if problems:
            self.problems.show_problems(problems)
            return
        save_or_show(self, self.problems, "未能保存", lambda: self._write(data))

    def _write(self, data: CultivationData) -> None:
        if self.plan_id is None:
            self.saved_id = service.add_cultivation(self._ledger, data)
        else:
            service.update_cultivation(self._ledger, self.plan_id, data)
            self.saved_id = self.plan_id
