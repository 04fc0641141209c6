"""What the 听课 and 家访 tabs share: a filtered record list and the tab around it.

A kind of record is a small subclass of `RecordList` (columns, how to list, delete and
describe rows, which dialog edits one) and of `RecordsTab` (the list, the done/required view
and any extra pages).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.calendar import month_period
from desktop_app.domain.vocab import LabelledEnum
from desktop_app.store.events import Topic
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.records.filter_bar import RecordFilterBar
from desktop_app.ui.records.period_bar import RECORD_UNITS
from desktop_app.ui.records.quota_settings_dialog import open_quota_settings
from desktop_app.ui.records.quota_view import QuotaView
from desktop_app.ui.records.search_proxy import CachedSearchProxy
from desktop_app.ui.widgets.record_table import Column, bring_into_view, record_table, select_record, selected_rows
from desktop_app.ui.widgets.refusals import run_service
from desktop_app.ui.widgets.role_gate import gate_buttons, write_gate
from desktop_app.ui.widgets.table_actions import record_buttons

CHOICE_TOPICS = {Topic.MEMBER, Topic.SCHOOL_CLASS}  # the filter bar's choices
ALL_YEARS_SHOWN = 200  # 全部年份 lists the newest so many; the search text narrows them in SQL


class RecordList(QWidget):
    """One period of one kind of record: filters (in SQL), search, add/edit/delete and a count."""

    kinds: type[LabelledEnum]
    all_kinds: str  # the blank choice of the kind filter, e.g. "全部课型"
    noun: str  # e.g. "听课记录"
    table: str  # the record table its 新增/编辑/删除 write (a role may only read it)
    columns: list[Column]
    dialog_cls: type[QDialog]  # Cls(ledger, record_id or None, parent, **new_record_defaults)
    period_units: tuple[str, ...] = RECORD_UNITS  # the period bar's choices
    filters_by_class = True  # show the class filter
    searches_in_sql = False  # list_rows takes criteria "text" and "limit" (then 全部年份 is offered)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        units = self.period_units if self.searches_in_sql else tuple(u for u in self.period_units if u != "all")
        self.filters = RecordFilterBar(context.ledger, self.kinds, self.all_kinds, self, units=units)
        self.filters.class_combo.setVisible(self.filters_by_class)
        self._capped = False
        self._proxy_text = ""
        self.model, self.proxy, self.view = record_table(self.columns, self, proxy=CachedSearchProxy(self))
        self.count_label = QLabel(self)
        self.buttons = record_buttons(self, self.view, add=self.add, edit=self.edit, delete=self.delete,
                                      noun=self.noun, gate=write_gate(context, self.table, self.noun))
        bar = self.buttons.bar(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.filters.changed.connect(self.reload)
        self.filters.searchChanged.connect(self._search)
        self.reload()

    # --- what a kind of record says -------------------------------------------
    def list_rows(self, criteria: dict) -> list:
        raise NotImplementedError

    def delete_rows(self, ids: list[int]) -> None:
        raise NotImplementedError

    def describe(self, row) -> str:
        """One row in the delete question, e.g. "2025-09-02 王校长听张老师的课"."""
        raise NotImplementedError

    def new_record_defaults(self, criteria: dict) -> dict:
        """Keyword arguments of a new record's dialog, taken from the filters."""
        return {}

    # --- the list ---------------------------------------------------------------
    def reload(self) -> None:
        criteria = self.filters.criteria()
        if self._all_years():
            # Every year: the newest rows matching the filters and the search text, all in SQL,
            # so neither loading nor a keystroke goes over a ten-year ledger's rows in Python.
            criteria.update(period=None, text=self.filters.search.text(), limit=ALL_YEARS_SHOWN + 1)
            rows = self.list_rows(criteria)
            self._capped = len(rows) > ALL_YEARS_SHOWN
            self.model.set_rows(rows[:ALL_YEARS_SHOWN])
            self._set_proxy_text("")
        else:
            self._capped = False
            self.model.set_rows(self.list_rows(criteria))
            self._set_proxy_text(self.filters.search.text())  # back from 全部年份: the table filters again
        self._count()

    def _set_proxy_text(self, text: str) -> None:
        if text != self._proxy_text:
            self._proxy_text = text
            self.proxy.set_search_text(text)

    def _all_years(self) -> bool:
        return self.filters.period_bar.showing_all() and not self._context.ledger.on_server

    def _search(self, text: str) -> None:
        if self._all_years():
            self.reload()
            return
        self._set_proxy_text(text)
        self._count()

    def _count(self) -> None:
        label = self.filters.period_bar.period().label
        if self._capped:
            self.count_label.setText(f"{label}：显示最新的 {ALL_YEARS_SHOWN} 条（输入文字或选择人员可查到更早的）")
        else:
            self.count_label.setText(f"{label}：共 {self.proxy.rowCount()} 条")

    def add(self) -> None:
        self._open(None, **self.new_record_defaults(self.filters.criteria()))

    def edit(self) -> None:
        rows = selected_rows(self.view)
        if rows:
            self._open(rows[0].id)

    def _open(self, record_id: int | None, **defaults) -> None:
        dialog = self.dialog_cls(self._context.ledger, record_id, self, **defaults)
        dialog.exec()
        if dialog.last_saved is not None:
            self.bring_into_view(*dialog.last_saved)

    def bring_into_view(self, record_id: int, day: date | None) -> bool:
        """After saving: the list moves to the period holding the record and selects its row
        (clearing a search that hides it); False when another filter still hides it."""
        def to_period() -> None:
            if day is not None and day not in self.filters.period_bar.period():
                self.filters.period_bar.show_date(day)

        def clear_search() -> None:
            if self.filters.search.text():
                self.filters.search.clear()
                self._search("")

        return bring_into_view(self.view, record_id, (to_period, clear_search))

    def delete(self) -> None:
        rows = selected_rows(self.view)
        if not rows:
            return
        what = self.describe(rows[0]) if len(rows) == 1 else f"选中的 {len(rows)} 条{self.noun}"
        title = f"删除{self.noun}"
        if not messages.confirm(self, title, f"确定删除{what}吗？", danger=True):
            return
        run_service(self, title, lambda: self.delete_rows([r.id for r in rows]))


class RecordsTab(QWidget):
    """The record list, the done/required view and `extra_pages()`, with the quota settings button."""

    records_cls: type[RecordList]
    quota_kind: str  # QuotaView's kind: "observations" or "visits"
    quota_title: str
    topics: set[Topic]  # change topics that reload the record list

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.records = self.records_cls(context, self)
        self.quotas = QuotaView(context, self.quota_kind, self)
        self._extra_pages = self.extra_pages()
        self.settings_button = QPushButton("量化要求设置…", self)
        self.settings_button.clicked.connect(lambda: open_quota_settings(self._context.ledger, self))
        gate_buttons(context, "setting", "量化要求", self.settings_button)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.records, self.records.noun)
        self.pages.addTab(self.quotas, self.quota_title)
        for page, title in self._extra_pages:
            self.pages.addTab(page, title)
        self.pages.setCornerWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        context.watch(self.topics | CHOICE_TOPICS, self._on_changed)
        context.reloaded.connect(self._on_reloaded)

    def extra_pages(self) -> list[tuple[QWidget, str]]:
        """Pages after the done/required view, created here so they keep their place in the focus chain."""
        return []

    def _on_changed(self, topics: frozenset[Topic]) -> None:
        if topics & CHOICE_TOPICS:
            self.records.filters.reload_choices(self._context.ledger)
        if topics & self.topics:
            self.records.reload()

    def _on_reloaded(self) -> None:
        self.records.filters.reload_choices(self._context.ledger)
        self.records.reload()
        self.quotas.reload()
        for page, _title in self._extra_pages:
            page.reload()

    def show_filtered(self, *, view: str = "records", period=None, member_id: int | None = None,
                      kind: str | None = None, class_id: int | None = None, behind_only: bool = False,
                      search: str | None = None, today=None, **_ignored) -> None:
        """Dashboard click-through: view "records" (with filters) or "quota" (done/required)."""
        if view == "quota":
            self.pages.setCurrentWidget(self.quotas)
            if today is not None:
                self.quotas.today = today
                self.quotas.reload()
            if period is not None:
                self.quotas.period_bar.show_date(period.start, RecordFilterBar._unit_of(period))
            self.quotas.behind_only.setChecked(behind_only)
            return
        self.pages.setCurrentWidget(self.records)
        self.records.filters.set_criteria(period=period, member_id=member_id, kind=kind, class_id=class_id,
                                          search=search)

    def show_record(self, kind, record_id: int, when=None) -> bool:
        """A search result: the month that holds the record, no other filter, the row selected."""
        self.pages.setCurrentWidget(self.records)
        period = month_period(when.year, when.month) if when else None
        self.records.filters.set_criteria(period=period, member_id=None, kind=None, class_id=None, search="")
        return select_record(self.records.view, record_id)
