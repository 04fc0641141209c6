"""荣誉: the honours register of the year (or all years), with add / edit / delete."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.services.errors import UserError
from desktop_app.services.honours import HonourData, delete_honours, get_honour, list_honours
from desktop_app.services.settings import school_profile
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.evaluations.honour_dialog import HonourDialog
from desktop_app.ui.widgets.record_table import (
    Column, record_table, selected_rows,
)
from desktop_app.ui.widgets.refusals import run_service
from desktop_app.ui.widgets.role_gate import write_gate
from desktop_app.ui.widgets.table_actions import record_buttons

COLUMNS = [
    Column("学年", lambda r: r.school_year, width=90),
    Column("荣誉称号", lambda r: r.title, width=130),
    Column("获奖人 / 班级", lambda r: r.recipient, width=200),
    Column("颁发单位", lambda r: r.issuer, width=170),
    Column("颁发日期", lambda r: r.date, width=100),
    Column("备注", lambda r: r.note, tooltip=lambda r: r.note or None),
]


class HonoursPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.school_year = ""
        self.model, self.proxy, self.view = record_table(COLUMNS, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("查找称号、姓名、班级")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search_text)
        self.all_years = QCheckBox("显示所有学年", self)
        self.all_years.toggled.connect(lambda _on: self.reload())
        self.count_label = QLabel(self)
        self.buttons = record_buttons(self, self.view, add=self.add, edit=self.edit, delete=self.delete, noun="荣誉",
                                      gate=write_gate(context, "honour", "荣誉"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.all_years)
        top.addWidget(self.buttons.add)
        top.addWidget(self.buttons.edit)
        top.addWidget(self.buttons.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    def set_year(self, school_year: str) -> None:
        self.school_year = school_year
        self.reload()

    def reload(self) -> None:
        year = None if self.all_years.isChecked() else self.school_year
        rows = list_honours(self.context.ledger, year)
        self.model.set_rows(rows)
        self.count_label.setText(f"共 {len(rows)} 项荣誉")

    def add(self) -> None:
        issuer = school_profile(self.context.ledger).branch_title
        HonourDialog(self.context.ledger, HonourData(school_year=self.school_year, issuer=issuer), None, self).exec()

    def edit(self) -> None:
        chosen = selected_rows(self.view)
        if not chosen:
            return
        try:
            data = get_honour(self.context.ledger, chosen[0].id)
        except UserError as exc:
            messages.refuse(self, "编辑荣誉", exc)
            return
        HonourDialog(self.context.ledger, data, chosen[0].id, self).exec()

    def delete(self) -> None:
        chosen = selected_rows(self.view)
        if not chosen:
            return
        names = "、".join(f"{r.title}（{r.recipient}）" for r in chosen)
        if not messages.confirm(self, "删除荣誉", f"确定删除 {names}？", danger=True):
            return
        run_service(self, "删除荣誉", lambda: delete_honours(self.context.ledger, [row.id for row in chosen]))
