"""培养计划: the 双培双促进 plans, with their own table and dialog inside the 党员 tab."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.vocab import CultivationKind
from desktop_app.services import cultivation as service
from desktop_app.services.cultivation import CultivationRow
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.members.cultivation_dialog import CultivationDialog
from desktop_app.ui.widgets.record_table import (
    Column, record_table, selected_rows,
)
from desktop_app.ui.widgets.refusals import run_service
from desktop_app.ui.widgets.role_gate import write_gate
from desktop_app.ui.widgets.table_actions import record_buttons

ALL = "全部类型"

COLUMNS = (
    Column("培养类型", lambda r: r.kind_label, width=120),
    Column("培养对象", lambda r: r.member_name + ("（已离开）" if not r.member_active else ""), width=110),
    Column("帮扶人", lambda r: r.mentor_name, width=80),
    Column("培养目标", lambda r: r.target, tooltip=lambda r: r.target or None, width=220),
    Column("开始日期", lambda r: r.start_date, width=90),
    Column("阶段", lambda r: r.stage, width=90),
    Column("备注", lambda r: r.notes, tooltip=lambda r: r.notes or None),
)


class CultivationPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model, self.proxy, self.view = record_table(COLUMNS, self, export_title="培养计划")
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)  # edit and delete act on one record
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("搜索姓名、目标、阶段…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filters)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(ALL, None)
        for kind in CultivationKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.kind_filter.currentIndexChanged.connect(self._apply_filters)
        self.count_label = QLabel(self)
        self.buttons = record_buttons(self, self.view, add=self.add_plan, edit=self.edit_selected,
                                      delete=self.delete_selected, noun="培养计划",
                                      gate=write_gate(context, "cultivation", "培养计划"))
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(QLabel("类型", self))
        top.addWidget(self.kind_filter)
        top.addStretch(1)
        bottom = self.buttons.bar(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(service.list_cultivations(self.context.ledger))
        self._apply_filters()

    def _apply_filters(self) -> None:
        kind = self.kind_filter.currentData()
        self.proxy.set_search_text(self.search.text())
        self.proxy.set_predicate(None if kind is None else (lambda row: row.kind == kind))
        self.count_label.setText(f"共 {self.model.rowCount()} 项，显示 {self.proxy.rowCount()} 项")

    def visible_rows(self) -> list[CultivationRow]:
        return self.proxy.visible_rows()

    def _current(self) -> CultivationRow | None:
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def add_plan(self) -> None:
        CultivationDialog(self.context.ledger, None, self).exec()

    def edit_selected(self) -> None:
        row = self._current()
        if row is not None:
            CultivationDialog(self.context.ledger, row.id, self).exec()

    def delete_selected(self) -> None:
        row = self._current()
        if row is None:
            return
        text = f"确定删除“{row.member_name}”的培养计划（{row.kind_label}）吗？此操作不能撤销。"
        if not messages.confirm(self, "删除培养计划", text, danger=True):
            return
        run_service(self, "未能删除", lambda: service.delete_cultivation(self.context.ledger, row.id))
