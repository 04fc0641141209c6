"""终止发展: end a person's record with the date and reason (kept in the audit list)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from desktop_app.domain.problems import FieldProblem
from desktop_app.services.development.commands import close_development
from desktop_app.services.development.queries import DevelopmentRow
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show
from desktop_app.ui.widgets.form_dialog import FormDialog


class CloseDialog(FormDialog):
    def __init__(self, ledger: Ledger, row: DevelopmentRow, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger, self._row = ledger, row
        self.setWindowTitle(f"终止发展：{row.name}")
        self.problems = ProblemBanner(self)
        self.closed_on = OptionalDateEdit(self)
        self.closed_on.set_date(date.today())
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText("如 本人撤回申请、调离本校")
        form = QFormLayout()
        form.addRow("终止日期", self.closed_on)
        form.addRow("终止原因", self.reason)
        self.problems.register("终止日期", self.closed_on)
        self.problems.register("终止原因", self.reason)
        self.save_button = lay_out_form(self, self.problems, form, self.save)
        self.setMinimumWidth(420)

    def save(self) -> None:
        try:
            day = self.closed_on.date()
        except ValueError as exc:
            self.problems.show_problems([FieldProblem("终止日期", str(exc))])
            return
        if day is None:
            self.problems.show_problems([FieldProblem("终止日期", "必须填写")])
            return
        save_or_show(self, self.problems, "未能终止",
                     lambda: close_development(self._ledger, self._row.id, day, self.reason.text()))
