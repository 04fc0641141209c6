"""The 家访 tab: visit records (one period at a time, filtered in SQL), done/required, coverage per class."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.records import VisitKind
from desktop_app.services.errors import UserError
from desktop_app.services.records.visits import delete_visits, list_visits
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.records.coverage_view import CoverageView
from desktop_app.ui.records.filter_bar import RecordFilterBar
from desktop_app.ui.records.search_proxy import CachedSearchProxy
from desktop_app.ui.records.quota_settings_dialog import open_quota_settings
from desktop_app.ui.records.quota_view import QuotaView
from desktop_app.ui.visits.dialog import VisitDialog
from desktop_app.ui.widgets.record_table import (
    Column, RecordTableModel, make_table_view, selected_rows,
)
from desktop_app.ui.widgets.table_actions import record_buttons

TOPICS = {"visit", "member", "school_class", "student"}


def _follow_up(v) -> str:
    if v.follows_visit_id:
        return "回访"
    return "待回访" if v.follow_up_needed else ""


COLUMNS = [
    Column("日期", lambda v: v.date, width=90),
    Column("访问人", lambda v: v.visitor_name, width=80),
    Column("方式", lambda v: v.kind_label, width=80),
    Column("班级", lambda v: v.class_name, width=90),
    Column("学生/受访对象", lambda v: v.visited, width=150, tooltip=lambda v: v.visited or None),
    Column("六谈/六问", lambda v: v.topics_label, width=130, tooltip=lambda v: v.topics_label or None),
    Column("帮扶", lambda v: v.assistance_label, width=90),
    Column("主要内容", lambda v: v.content, width=170, tooltip=lambda v: v.content or None),
    Column("意见建议", lambda v: v.suggestions, width=150, tooltip=lambda v: v.suggestions or None),
    Column("回访", _follow_up, highlight=lambda v: v.follow_up_needed and not v.follows_visit_id, width=60),
]


class VisitRecords(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.filters = RecordFilterBar(context.ledger, VisitKind, "全部方式", self)
        self.model = RecordTableModel(COLUMNS, self)
        self.proxy = CachedSearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table_view(self.proxy, self)
        self.count_label = QLabel(self)
        self.buttons = record_buttons(self, self.view, add=self.add, edit=self.edit, delete=self.delete,
                                      noun="家访记录")
        bar = QHBoxLayout()
        for button in (self.buttons.add, self.buttons.edit, self.buttons.delete):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.filters.changed.connect(self.reload)
        self.filters.searchChanged.connect(self._search)
        self.reload()

    def reload(self) -> None:
        c = self.filters.criteria()
        rows = list_visits(self._context.ledger, c["period"], member_id=c["member_id"], kind=c["kind"],
                           class_id=c["class_id"])
        self.model.set_rows(rows)
        self._count()

    def _search(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._count()

    def _count(self) -> None:
        self.count_label.setText(f"{self.filters.period_bar.period().label}：共 {self.proxy.rowCount()} 条")

    def add(self) -> None:
        c = self.filters.criteria()
        VisitDialog(self._context.ledger, None, self, visitor_id=c["member_id"], kind=c["kind"]).exec()

    def edit(self) -> None:
        rows = selected_rows(self.view)
        if rows:
            VisitDialog(self._context.ledger, rows[0].id, self).exec()

    def delete(self) -> None:
        rows = selected_rows(self.view)
        if not rows:
            return
        first = rows[0]
        what = (f"{first.date} {first.visitor_name}的{first.kind_label}" if len(rows) == 1
                else f"选中的 {len(rows)} 条家访记录")
        if not messages.confirm(self, "删除家访记录", f"确定删除{what}吗？", danger=True):
            return
        try:
            delete_visits(self._context.ledger, [r.id for r in rows])
        except UserError as exc:
            messages.error(self, "删除家访记录", str(exc))


class VisitsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.records = VisitRecords(context, self)
        self.quotas = QuotaView(context, "visits", self)
        self.coverage = CoverageView(context, self)
        self.settings_button = QPushButton("量化要求设置…", self)
        self.settings_button.clicked.connect(lambda: open_quota_settings(self._context.ledger, self))
        self.pages = QTabWidget(self)
        self.pages.addTab(self.records, "家访记录")
        self.pages.addTab(self.quotas, "完成情况")
        self.pages.addTab(self.coverage, "覆盖情况（按班级）")
        self.pages.setCornerWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        context.changed.connect(self._on_changed)
        context.reloaded.connect(self._on_reloaded)

    def _on_changed(self, topics: set[str]) -> None:
        if topics & {"member", "school_class"}:
            self.records.filters.reload_choices(self._context.ledger)
        if topics & TOPICS:
            self.records.reload()

    def _on_reloaded(self) -> None:
        self.records.filters.reload_choices(self._context.ledger)
        self.records.reload()
        self.quotas.reload()
        self.coverage.reload()

    def show_filtered(self, *, view: str = "records", period=None, member_id: int | None = None,
                      kind: str | None = None, class_id: int | None = None, behind_only: bool = False,
                      coverage_kind: str | None = None, search: str | None = None, **_ignored) -> None:
        """Dashboard click-through: view "records", "quota" or "coverage", with filters."""
        if view == "quota":
            self.pages.setCurrentWidget(self.quotas)
            if period is not None:
                self.quotas.period_bar.show_date(period.start, RecordFilterBar._unit_of(period))
            self.quotas.behind_only.setChecked(behind_only)
            return
        if view == "coverage":
            self.pages.setCurrentWidget(self.coverage)
            if period is not None:
                self.coverage.period_bar.show_date(period.start, "semester")
            if coverage_kind:
                self.coverage.set_kind(coverage_kind)
            if class_id is not None:
                self.coverage.select_class(class_id)
            return
        self.pages.setCurrentWidget(self.records)
        self.records.filters.set_criteria(period=period, member_id=member_id, kind=kind, class_id=class_id,
                                          search=search)
