"""The 发展党员 tab: everyone in the procedure with stage, next step, due date and problems."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton,
    QScrollArea, QSplitter, QToolButton, QVBoxLayout, QWidget,
)

from desktop_app.services.development import commands, documents, queries
from desktop_app.services.development.documents import REGISTERS
from desktop_app.services.development.queries import DevelopmentRow
from desktop_app.services.errors import UserError
from desktop_app.store.events import Topic
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.development.close_dialog import CloseDialog
from desktop_app.ui.development.dialog import DevelopmentDialog
from desktop_app.ui.importing.dialog import ImportDialog
from desktop_app.ui.widgets.record_table import Column, record_table, select_record, selected_rows
from desktop_app.ui.widgets.role_gate import write_gate
from desktop_app.ui.widgets.table_actions import record_buttons

WATCHED = {Topic.DEVELOPMENT, Topic.MEMBER, Topic.SETTING}
RECORD_SHEET = "record_sheet"
ALL, DUE, PROBLEMS = "全部", "30天内到期或已逾期", "有问题的"
_DUE_WORDS = {"overdue": "（已逾期）", "soon": "（30天内）", "": ""}

COLUMNS = (
    Column("姓名", lambda r: r.name, width=80),
    Column("政治面貌", lambda r: r.status_label, width=100),
    Column("阶段", lambda r: r.stage.label, width=190, tooltip=lambda r: r.stage.label),
    Column("已到步骤", lambda r: r.last_step.numbered if r.last_step else "", width=190,
           sort_key=lambda r: r.last_step or 0),
    Column("下一步", lambda r: r.next.what, width=170, tooltip=lambda r: r.next.what),
    Column("期限", lambda r: f"{r.next.due or ''}{_DUE_WORDS[r.due_state]}", width=150,
           sort_key=lambda r: r.next.due, highlight=lambda r: r.due_state == "overdue"),
    Column("问题", lambda r: f"{len(r.problems)} 项" if r.problems else "", width=60,
           tooltip=lambda r: "\n".join(str(b) for b in r.problems) or None, highlight=lambda r: bool(r.problems)),
)


class DevelopmentTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model, self.proxy, self.view = record_table(COLUMNS, self, export_title="发展党员")
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_problems())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("搜索姓名…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filters)
        self.filter = QComboBox(self)
        self.filter.addItems([ALL, DUE, PROBLEMS])
        self.filter.currentIndexChanged.connect(self._apply_filters)
        self.count_label = QLabel(self)
        self.buttons = record_buttons(self, self.view, add=self.add_record, edit=self.edit_selected,
                                      delete=self.delete_selected, noun="发展对象",
                                      gate=write_gate(context, "development", "发展党员记录"))
        self.buttons.add.setText("新增申请人")
        self.buttons.edit.setText("填写步骤…")
        self.close_button = QPushButton("终止发展…", self)
        self.close_button.clicked.connect(self.close_selected)
        self.import_button = QPushButton("导入Excel…", self)
        self.import_button.clicked.connect(lambda: self._open(ImportDialog(self.context, self, "development")))
        self.word_button = QToolButton(self)
        self.word_button.setText("导出Word")
        self.word_button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.word_button)
        menu.addAction("所选人员的全程纪实表…", lambda: self.export_document(RECORD_SHEET))
        for kind, (title, _status) in REGISTERS.items():
            menu.addAction(f"{title}…", lambda kind=kind: self.export_document(kind))
        self.word_button.setMenu(menu)
        # room for the menu arrow, which the style's size hint leaves out beside Chinese text
        self.word_button.setMinimumWidth(self.word_button.sizeHint().width()
                                         + self.word_button.fontMetrics().horizontalAdvance("▼"))
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.RichText)
        self.problems.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        problems_area = QScrollArea(self)
        problems_area.setWidgetResizable(True)
        problems_area.setWidget(self.problems)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(QLabel("显示", self))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.word_button)
        bottom = self.buttons.bar(self.count_label)
        bottom.insertWidget(3, self.close_button)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(problems_area)
        splitter.setSizes([330, 110])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        context.watch(WATCHED, self._on_changed)
        context.reloaded.connect(self.reload)
        self.reload()

    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(queries.list_developments(self.context.ledger))
        self._apply_filters()

    def rows(self) -> list[DevelopmentRow]:
        return self.proxy.visible_rows()

    def _apply_filters(self) -> None:
        shown = self.filter.currentText()
        predicate = {DUE: lambda r: bool(r.due_state), PROBLEMS: lambda r: bool(r.problems)}.get(shown)
        self.proxy.set_search_text(self.search.text())
        self.proxy.set_predicate(predicate)
        problems = sum(1 for r in self.model.rows() if r.problems)
        due = sum(1 for r in self.model.rows() if r.due_state)
        self.count_label.setText(f"共 {self.model.rowCount()} 人，到期 {due} 人，有问题 {problems} 人")
        self._show_problems()

    def show_filtered(self, *, due: bool = False, problems: bool = False, **_criteria) -> None:
        """Dashboard click-through: the people whose deadline is near or passed, or who have problems."""
        self.filter.setCurrentText(DUE if due else PROBLEMS if problems else ALL)

    def show_record(self, kind, record_id: int, when=None) -> bool:
        """A search result: everyone shown, that person's record selected."""
        self.search.clear()
        self.filter.setCurrentText(ALL)
        return select_record(self.view, record_id)

    def current(self) -> DevelopmentRow | None:
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def _show_problems(self) -> None:
        row = self.current()
        if row is None:
            self.problems.setText("选择一人，在此查看未遵守的规定。")
            return
        if not row.problems:
            self.problems.setText(f"{escape(row.name)}：没有发现问题。")
            return
        items = "".join(f"<li>{escape(str(b))}</li>" for b in row.problems)
        self.problems.setText(f"<b>{escape(row.name)}未遵守的规定：</b><ul style='margin:0'>{items}</ul>")

    def _open(self, dialog: QDialog) -> None:
        """Window-modal without blocking; the table reloads from the change signal once it saves."""
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.open()

    def add_record(self) -> None:
        self._open(DevelopmentDialog(self.context.ledger, None, self))

    def edit_selected(self) -> None:
        row = self.current()
        if row is not None:
            self._open(DevelopmentDialog(self.context.ledger, row.id, self))

    def close_selected(self) -> None:
        row = self.current()
        if row is None:
            return
        self._open(CloseDialog(self.context.ledger, row, self))

    def export_document(self, kind: str, path: Path | None = None) -> Path | None:
        """纪实表 of the selected person (kind RECORD_SHEET) or a register, as Word; asks where unless `path`."""
        row = self.current()
        if kind == RECORD_SHEET and row is None:
            messages.info(self, "导出纪实表", "请先在列表中选择一人。")
            return None
        title = f"{row.name}发展党员全程纪实表" if kind == RECORD_SHEET else REGISTERS[kind][0]
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "导出Word", f"{title}.docx", "Word 文档 (*.docx)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            if kind == RECORD_SHEET:
                documents.write_record_sheet(self.context.ledger, row.id, path)
            else:
                documents.write_register(self.context.ledger, kind, path)
        except UserError as exc:
            messages.refuse(self, "导出失败", exc)
            return None
        messages.info(self, "已导出", f"已保存{title}：\n{path}")
        return path

    def delete_selected(self) -> None:
        row = self.current()
        if row is None:
            return
        text = f"确定删除{row.name}的发展党员记录吗？已记录的各步骤日期将一并删除，政治面貌不变。此操作不能撤销。"
        if not messages.confirm(self, "删除发展党员记录", text, danger=True):
            return
        try:
            commands.delete_development(self.context.ledger, row.id)
        except UserError as exc:
            messages.error(self, "未能删除", str(exc))
