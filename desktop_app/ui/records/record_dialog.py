"""What the 听课 and 家访 entry dialogs share: 保存 / 保存并继续 for a stack of paper forms.

A subclass builds its fields between `super().__init__` and `add_buttons()`, and provides
`data()`, `add_record`, `update_record` and `start_next()` (clear the form for the next paper
form, keeping what the forms of one stack have in common, and put the focus where typing goes on).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QWidget

from desktop_app.domain.problems import FieldProblem
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.form_problems import ProblemBanner, run_or_show
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.ui.widgets.form_dialog import FormDialog


def text_box(parent: QWidget, height: int) -> QPlainTextEdit:
    """A few lines of free text where Tab moves on instead of typing a tab."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class RecordDialog(FormDialog):
    """New record (record_id None) or edit one. `saved_count` counts the records saved."""

    noun: str  # e.g. "听课记录"
    kept: str  # what 保存并继续 keeps, e.g. "听课人和日期"
    add_record: Callable  # staticmethod(ledger, data)
    update_record: Callable  # staticmethod(ledger, record_id, data)

    def __init__(self, ledger: Ledger, record_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.record_id = record_id
        self.saved_count = 0
        self.last_saved: tuple[int, date | None] | None = None  # (id, date) of the record saved last
        self.setWindowTitle(f"编辑{self.noun}" if record_id else f"新增{self.noun}")
        self.problems = ProblemBanner(self)
        self.date_edit = OptionalDateEdit(self, placeholder="如 2025-09-01")

    def add_buttons(self) -> None:
        """保存, 取消 and, for a new record, 保存并继续 (Ctrl+Return); call after the fields exist."""
        self.saved_label = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.continue_button = QPushButton("保存并继续", self)
        self.continue_button.setToolTip(f"保存这条，清空表单，保留{self.kept}（Ctrl+回车）")
        self.continue_button.setShortcut("Ctrl+Return")
        if self.record_id is None:
            self.buttons.addButton(self.continue_button, QDialogButtonBox.ActionRole)
        else:
            self.continue_button.hide()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self._close)
        self.continue_button.clicked.connect(self.save_and_continue)

    # --- what a kind of record says -------------------------------------------
    def data(self) -> tuple[object, list[FieldProblem]]:
        """What the form says, and problems the widgets themselves found (typed nonsense)."""
        raise NotImplementedError

    def start_next(self) -> None:
        raise NotImplementedError

    def typed_problems(self, pickers: list[tuple[str, MemberPicker]]) -> tuple[date | None, list[FieldProblem]]:
        """The date, and what the date box, the named member pickers and the class box (if any) cannot read."""
        problems = []
        try:
            day = self.date_edit.date()
        except ValueError as exc:
            day = None
            problems.append(FieldProblem("日期", str(exc)))
        for label, picker in pickers:
            problem = picker.problem(label)
            if problem:
                problems.append(FieldProblem(label, problem.split("：", 1)[-1]))
        class_combo = getattr(self, "class_combo", None)  # 组织生活 dialogs have none
        class_problem = class_combo.problem() if class_combo is not None else None
        if class_problem:
            problems.append(FieldProblem("班级", class_problem.split("：", 1)[-1]))
        return day, problems

    # --- saving ---------------------------------------------------------------
    def _save(self) -> bool:
        data, problems = self.data()
        if problems:
            self.problems.show_problems(problems)
            return False
        saved: list[int] = []

        def write() -> None:
            if self.record_id is None:
                saved.append(self.add_record(self._ledger, data))
            else:
                self.update_record(self._ledger, self.record_id, data)
                saved.append(self.record_id)

        if not run_or_show(self.problems, f"保存{self.noun}", write):
            return False
        self.saved_count += 1
        self.last_saved = (saved[0], data.date)
        return True

    def save(self) -> None:
        if self._save():
            self.accept()

    def save_and_continue(self) -> None:
        if not self._save():
            return
        self.start_next()
        self.mark_clean()  # what 保存并继续 keeps is not a change she could lose
        self.saved_label.setText(f"已保存 {self.saved_count} 条。继续录入下一张，{self.kept}已保留。")

    def _close(self) -> None:
        if not self.saved_count:
            self.reject()
        elif self.may_discard():
            self.accept()
