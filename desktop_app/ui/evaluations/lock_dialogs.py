"""Approving results (date, meeting) and unlocking them (a reason is required)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLayout, QLineEdit, QPlainTextEdit, QVBoxLayout,
    QWidget,
)

from desktop_app.domain.calendar import SEMESTER_LABELS
from desktop_app.domain.problems import FieldProblem
from desktop_app.services.errors import ValidationError
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.form_problems import ProblemBanner, save_or_show
from desktop_app.ui.widgets.form_dialog import FormDialog

SCOPES = ((1, SEMESTER_LABELS[1]), (2, SEMESTER_LABELS[2]), (None, "全年（两个学期）"))


class _Form(FormDialog):
    def __init__(self, title: str, ok_text: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.problems = ProblemBanner(self)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(ok_text)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)  # grows when the problem banner appears
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.problems)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def _submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _accept(self) -> None:
        save_or_show(self, self.problems, self.windowTitle(), self._submit)


class ApproveDialog(_Form):
    """Calls `approve(semester or None, date, meeting)` on OK."""

    def __init__(self, school_year: str, semester: int, approve, parent: QWidget | None = None):
        super().__init__("审批考核结果", "审批并锁定", parent)
        self._approve = approve
        self.intro.setText(f"{school_year}学年：审批后考核结果锁定，不再随记录变化，也不能修改；"
                           "确需修改时须解除锁定并说明原因。")
        self.scope = QComboBox(self)
        for value, label in SCOPES:
            self.scope.addItem(label, value)
        self.scope.setCurrentIndex(semester - 1)
        self.date_edit = OptionalDateEdit(self, placeholder="如 2026-01-20")
        self.date_edit.set_date(date.today())
        self.meeting = QLineEdit("支部党员大会", self)
        self.form.addRow("审批范围", self.scope)
        self.form.addRow("审批日期", self.date_edit)
        self.form.addRow("审批会议", self.meeting)
        self.problems.register("审批日期", self.date_edit)
        self.problems.register("审批会议", self.meeting)

    def _submit(self) -> None:
        try:
            day = self.date_edit.date()
        except ValueError as exc:
            raise ValidationError([FieldProblem("审批日期", str(exc))]) from exc
        if day is None:
            raise ValidationError([FieldProblem("审批日期", "必须填写")])
        self._approve(self.scope.currentData(), day, self.meeting.text())


class UnlockDialog(_Form):
    """Calls `unlock(reason)` on OK; the reason goes to the audit list."""

    def __init__(self, lock_label: str, unlock, parent: QWidget | None = None):
        super().__init__("解除锁定", "解除锁定", parent)
        self._unlock = unlock
        self.intro.setText(f"{lock_label}。\n解除后可以修改成绩，原因和时间将记入审批记录。")
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText("例如：民主评议分数录入有误，经支委会同意更正")
        self.reason.setFixedHeight(80)
        self.form.addRow("解除原因", self.reason)
        self.problems.register("解除原因", self.reason)

    def _submit(self) -> None:
        self._unlock(self.reason.toPlainText())
