"""The 听课 tab: observation records (filtered by period in SQL) and done/required per person."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.records import LessonType, SixLook
from desktop_app.services.errors import UserError
from desktop_app.services.records.observations import delete_observations, list_observations
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.observations.dialog import ObservationDialog
from desktop_app.ui.records.filter_bar import RecordFilterBar
from desktop_app.ui.records.search_proxy import CachedSearchProxy
from desktop_app.ui.records.quota_settings_dialog import open_quota_settings
from desktop_app.ui.records.quota_view import QuotaView
from desktop_app.ui.widgets.record_table import (
    Column, RecordTableModel, make_table_view, selected_rows,
)
from desktop_app.ui.widgets.table_actions import record_buttons

TOPICS = {"observation", "member", "school_class"}

COLUMNS = [
    Column("日期", lambda o: o.date, width=90),
    Column("听课人", lambda o: o.observer_name, width=80),
    Column("授课教师", lambda o: o.teacher_name, width=80),
    Column("节次", lambda o: o.lesson_no, align_right=True, width=45),
    Column("班级", lambda o: o.class_name, width=90),
    Column("学科", lambda o: o.subject, width=55),
    Column("课型", lambda o: o.lesson_type_label, width=70),
    Column("六看", lambda o: " ".join(o.rating_label(look) or "—" for look in SixLook), width=110,
           tooltip=lambda o: "\n".join(f"{look.label}：{o.rating_label(look) or '未评'}" for look in SixLook)),
    Column("评语", lambda o: o.comment, width=160, tooltip=lambda o: o.comment or None),
    Column("建议", lambda o: o.suggestions, tooltip=lambda o: o.suggestions or None),
]


class ObservationRecords(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.filters = RecordFilterBar(context.ledger, LessonType, "全部课型", self)
        self.model = RecordTableModel(COLUMNS, self)
        self.proxy = CachedSearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table_view(self.proxy, self)
        self.count_label = QLabel(self)
        self.buttons = record_buttons(self, self.view, add=self.add, edit=self.edit, delete=self.delete,
                                      noun="听课记录")
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
        rows = list_observations(self._context.ledger, c["period"], member_id=c["member_id"],
                                 lesson_type=c["kind"], class_id=c["class_id"])
        self.model.set_rows(rows)
        self._count()

    def _search(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._count()

    def _count(self) -> None:
        self.count_label.setText(f"{self.filters.period_bar.period().label}：共 {self.proxy.rowCount()} 条")

    def add(self) -> None:
        c = self.filters.criteria()
        ObservationDialog(self._context.ledger, None, self, observer_id=c["member_id"]).exec()

    def edit(self) -> None:
        rows = selected_rows(self.view)
        if rows:
            ObservationDialog(self._context.ledger, rows[0].id, self).exec()

    def delete(self) -> None:
        rows = selected_rows(self.view)
        if not rows:
            return
        first = rows[0]
        what = (f"{first.date} {first.observer_name}听{first.teacher_name}的课" if len(rows) == 1
                else f"选中的 {len(rows)} 条听课记录")
        if not messages.confirm(self, "删除听课记录", f"确定删除{what}吗？", danger=True):
            return
        try:
            delete_observations(self._context.ledger, [r.id for r in rows])
        except UserError as exc:
            messages.error(self, "删除听课记录", str(exc))


class ObservationsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.records = ObservationRecords(context, self)
        self.quotas = QuotaView(context, "observations", self)
        self.settings_button = QPushButton("量化要求设置…", self)
        self.settings_button.clicked.connect(lambda: open_quota_settings(self._context.ledger, self))
        self.pages = QTabWidget(self)
        self.pages.addTab(self.records, "听课记录")
        self.pages.addTab(self.quotas, "完成情况（听课·示范课）")
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

    def show_filtered(self, *, view: str = "records", period=None, member_id: int | None = None,
                      lesson_type: str | None = None, kind: str | None = None, class_id: int | None = None,
                      behind_only: bool = False, search: str | None = None, **_ignored) -> None:
        """Dashboard click-through: view "records" (with filters) or "quota" (done/required)."""
        if view == "quota":
            self.pages.setCurrentWidget(self.quotas)
            if period is not None:
                self.quotas.period_bar.show_date(period.start, RecordFilterBar._unit_of(period))
            self.quotas.behind_only.setChecked(behind_only)
            return
        self.pages.setCurrentWidget(self.records)
        self.records.filters.set_criteria(period=period, member_id=member_id, kind=lesson_type or kind,
                                          class_id=class_id, search=search)
