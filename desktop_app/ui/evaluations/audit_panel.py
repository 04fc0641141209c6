"""审批记录: the year's approvals in force, and every approval and unlock with its time and reason."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.services.evaluations.locks import audit_entries, locks_for
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets.record_table import Column, RecordFilterProxy, RecordTableModel, make_table_view

LOCK_COLUMNS = [
    Column("审批范围", lambda r: r.scope_label, width=200),
    Column("审批日期", lambda r: r.approved_on, width=110),
    Column("审批会议", lambda r: r.meeting),
]
AUDIT_COLUMNS = [
    Column("时间", lambda r: r.at, width=150),
    Column("操作", lambda r: r.action, width=110),
    Column("内容", lambda r: r.subject, width=420, tooltip=lambda r: r.subject),
    Column("原因", lambda r: r.reason, tooltip=lambda r: r.reason or None),
]


class AuditPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.school_year = ""
        self.locks_model = RecordTableModel(LOCK_COLUMNS, self)
        locks_proxy = RecordFilterProxy(self)
        locks_proxy.setSourceModel(self.locks_model)
        self.locks_view = make_table_view(locks_proxy, self)
        self.locks_view.setMaximumHeight(130)
        self.audit_model = RecordTableModel(AUDIT_COLUMNS, self)
        audit_proxy = RecordFilterProxy(self)
        audit_proxy.setSourceModel(self.audit_model)
        self.audit_view = make_table_view(audit_proxy, self)
        self.locks_title = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.locks_title)
        layout.addWidget(self.locks_view)
        layout.addWidget(QLabel("审批与解除锁定记录（所有学年，最新的在前）"))
        layout.addWidget(self.audit_view, 1)

    def set_year(self, school_year: str) -> None:
        self.school_year = school_year
        self.reload()

    def reload(self) -> None:
        locks = locks_for(self.context.ledger, self.school_year) if self.school_year else []
        self.locks_title.setText(f"{self.school_year}学年现行审批（锁定）：{len(locks)} 项" if locks
                                 else f"{self.school_year}学年尚无审批，成绩可以修改")
        self.locks_model.set_rows(locks)
        self.audit_model.set_rows(audit_entries(self.context.ledger))
