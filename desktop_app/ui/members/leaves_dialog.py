"""请假记录: one member's leave periods (产假, 外出培训 …), added and deleted here; each is saved at once.

Leave days owe no 听课, 家访 or 示范课, the way school holidays do.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.presence import LeaveData, LeaveKind
from desktop_app.domain.problems import FieldProblem
from desktop_app.services import leaves as leave_service
from desktop_app.services.errors import ValidationError
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.widgets.date_edit import OptionalDateEdit, read_dates
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, run_or_show
from desktop_app.ui.widgets.record_table import Column, record_table, selected_rows

COLUMNS = (
    Column("类别", lambda r: r.kind_label, width=80),
    Column("开始日期", lambda r: r.start_date, width=96),
    Column("结束日期", lambda r: r.end_date, width=96),
    Column("天数", lambda r: r.days, align_right=True, width=48),
    Column("事由", lambda r: r.reason),
)


class LeavesDialog(FormDialog):
    """The list is saved as it changes; what is typed in the entry row but not yet 添加ed is what
    关闭, Esc and ✕ ask about."""

    def __init__(self, ledger: Ledger, member_id: int, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self._member_id = member_id
        self.setWindowTitle(f"请假记录 — {name}")
        self.problems = ProblemBanner(self)
        self.model, self.proxy, self.table = record_table(COLUMNS, self, export_title=f"{name}请假记录")
        self.kind = EnumCombo(LeaveKind, self)
        self.start = OptionalDateEdit(self, placeholder="开始日期")
        self.end = OptionalDateEdit(self, placeholder="结束日期")
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText("事由，如 市级骨干教师培训")
        self.add_button = QPushButton("添加", self)
        self.delete_button = QPushButton("删除所选", self)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_button.setEnabled(False)  # until a leave is selected
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.delete_button.setEnabled(self.table.selectionModel().hasSelection()))
        for label, widget in (("类别", self.kind), ("开始日期", self.start), ("结束日期", self.end),
                              ("人员", self.table)):
            self.problems.register(label, widget)

        form = QHBoxLayout()
        form.addWidget(self.kind)
        form.addWidget(QLabel("从", self))
        form.addWidget(self.start)
        form.addWidget(QLabel("到", self))
        form.addWidget(self.end)
        form.addWidget(self.reason, 1)
        form.addWidget(self.add_button)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.button(QDialogButtonBox.Close).setText("关闭")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        note = QLabel("请假期间的教学日不计听课、家访和示范课任务（与假期相同）；请假所在月份其余的日子照常计。", self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(bottom)
        self.resize(720, 360)
        self.refresh()

    def refresh(self) -> None:
        typed = self.has_changes()  # before the list changes, only the entry row can differ
        self.model.set_rows(leave_service.list_leaves(self._ledger, self._member_id))
        if self.isVisible() and not typed:
            self.mark_clean()  # the list itself is saved

    def data(self) -> tuple[LeaveData, list[FieldProblem]]:
        dates, problems = read_dates([("开始日期", self.start), ("结束日期", self.end)])
        return LeaveData(self._member_id, self.kind.code(), dates[0], dates[1], self.reason.text()), problems

    def add(self) -> bool:
        data, problems = self.data()

        def add() -> None:
            if problems:
                raise ValidationError(problems)
            leave_service.add_leave(self._ledger, data)

        if not run_or_show(self.problems, "未能添加请假", add):
            return False
        self.start.clear()
        self.end.clear()
        self.reason.clear()
        self.refresh()
        self.mark_clean()  # what was typed is saved; the kind stays chosen for the next one
        return True

    def delete_selected(self) -> None:
        ids = sorted(row.id for row in selected_rows(self.table))
        if not ids or not messages.confirm(self, "删除请假记录", f"删除所选的 {len(ids)} 条请假记录？", danger=True):
            return
        leave_service.delete_leaves(self._ledger, ids)
        self.refresh()
