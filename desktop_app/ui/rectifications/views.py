"""The two views of the 整改 tab: 意见建议 (suggestions) and 整改台账 (rectifications).

Each view has the same filter bar (期间, 类别, 状态, 搜索) over a record table; the
rectification view marks overdue rows in red and counts them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.domain.calendar import Period, quarter_period, school_year_period
from desktop_app.domain.rectifications import RectificationStatus, SuggestionCategory
from desktop_app.services import rectifications as service
from desktop_app.services.rectifications.queries import NOT_YET, RectificationRow, SuggestionRow
from desktop_app.services.settings import configured_school_years, semester_dates
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.enum_combo import select_code
from desktop_app.ui.widgets.record_table import (
    Column, bring_into_view, loaded_row, record_table, selected_rows,
)

ALL = "__all__"
OVERDUE = "overdue"
NO_RECTIFICATION = "none"


def period_choices(ledger: Ledger, today: date) -> list[tuple[str, Period | None]]:
    """全部期间, then each school year with its semesters, then this year's and last year's quarters."""
    choices: list[tuple[str, Period | None]] = [("全部期间", None)]
    for label in configured_school_years(ledger, today):
        choices.append((f"{label}学年", school_year_period(label)))
        dates = semester_dates(ledger, label)
        choices += [(dates.first.label, dates.first), (dates.second.label, dates.second)]
    for year in (today.year, today.year - 1):
        for quarter in (4, 3, 2, 1):
            period = quarter_period(year, quarter)
            if period.start <= today:
                choices.append((period.label, period))
    return choices


def _short(text: str, limit: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class LedgerView(QWidget):
    """Filter bar + record table + action buttons; subclasses give columns, rows and actions."""

    status_choices: tuple[tuple[str, str], ...] = ()
    selection_changed = Signal()  # also after a reload or a filter change
    activated = Signal()  # a row double-clicked

    def __init__(self, ledger: Ledger, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.today = date.today()
        self.period = QComboBox(self)
        self.fill_periods()
        self.category = QComboBox(self)
        self.category.addItem("全部类别", ALL)
        for category in SuggestionCategory:
            self.category.addItem(category.label, category.value)
        self.status = QComboBox(self)
        for label, code in self.status_choices:
            self.status.addItem(label, code)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("搜索内容、提出人、责任单位…")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.model, self.proxy, self.table = record_table(self.columns(), self)
        self.table.doubleClicked.connect(lambda _index: self.activated.emit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())

        self.filter_bar = filters = QHBoxLayout()
        for caption, widget in (("期间", self.period), ("类别", self.category), ("状态", self.status)):
            filters.addWidget(QLabel(caption, self))
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)
        self.button_bar = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.button_bar)

        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.category.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.status.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.search.textChanged.connect(self.proxy.set_search_text)
        self.search.textChanged.connect(lambda _t: self._update_count())

    def add_button(self, text: str, handler: Callable[[], None], *, stretch_before: bool = False) -> QPushButton:
        if stretch_before:
            self.button_bar.addStretch(1)
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: handler())
        self.button_bar.addWidget(button)
        return button

    # --- for subclasses ---------------------------------------------------
    def columns(self) -> list[Column]:  # pragma: no cover - overridden
        raise NotImplementedError

    def load_rows(self, period: Period | None) -> list:  # pragma: no cover - overridden
        raise NotImplementedError

    def status_accepts(self, row, code: str) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError

    def fill_periods(self) -> None:
        """The period choices (again after the semester dates change), keeping the one chosen."""
        chosen = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        for label, period in period_choices(self.ledger, self.today):
            self.period.addItem(label, period)
        index = next((i for i in range(self.period.count()) if self.period.itemData(i) == chosen), 0)
        self.period.setCurrentIndex(index)
        self.period.blockSignals(False)

    # --- filtering --------------------------------------------------------
    def reload(self) -> None:
        self.today = date.today()
        self.model.set_rows(self.load_rows(self.period.currentData()))
        self._apply_filters()

    def _apply_filters(self) -> None:
        category, status = self.category.currentData(), self.status.currentData()

        def accepts(row) -> bool:
            if category != ALL and row.category != category:
                return False
            return status == ALL or self.status_accepts(row, status)

        self.proxy.set_predicate(accepts)
        self._update_count()
        self.selection_changed.emit()

    def _update_count(self) -> None:
        self.count_label.setText(f"共 {self.proxy.rowCount()} 条")

    def set_filters(self, *, status: str | None = None, category: str | None = None, search: str | None = None) -> None:
        if status is not None:
            select_code(self.status, status)
        if category is not None:
            select_code(self.category, category)
        if search is not None:
            self.search.setText(search)

    def set_period(self, period: Period | None) -> None:
        for i in range(self.period.count()):
            if self.period.itemData(i) == period:
                self.period.setCurrentIndex(i)
                return
        self.period.addItem(period.label or f"{period.start}至{period.end}", period)
        self.period.setCurrentIndex(self.period.count() - 1)

    def selected(self) -> list:
        return selected_rows(self.table)

    def bring_into_view(self, record_id: int | None) -> bool:
        """After saving: the narrowest period holding the record (by its suggestion's date), then the
        category and status back to 全部 when they hide it, then no search; the row selected."""
        if record_id is None:
            return False

        def to_period() -> None:
            if loaded_row(self.model, record_id) is None:
                self.set_period(None)
                row = loaded_row(self.model, record_id)
                if row is not None:
                    self.set_period(self._narrowest_period(row.raised_on))

        def all_categories() -> None:
            row = loaded_row(self.model, record_id)
            if row is not None and self.category.currentData() not in (ALL, row.category):
                select_code(self.category, ALL)

        def all_statuses() -> None:
            row, status = loaded_row(self.model, record_id), self.status.currentData()
            if row is not None and status != ALL and not self.status_accepts(row, status):
                select_code(self.status, ALL)

        return bring_into_view(self.table, record_id, (to_period, all_categories, all_statuses, self.search.clear))

    def _narrowest_period(self, day: date) -> Period | None:
        holding = [period for i in range(self.period.count())
                   if (period := self.period.itemData(i)) is not None and day in period]
        return min(holding, key=lambda period: period.days, default=None)


class SuggestionsView(LedgerView):
    status_choices = (("全部", ALL), (NOT_YET, NO_RECTIFICATION)) + tuple(
        (s.label, s.value) for s in RectificationStatus
    )

    def columns(self) -> list[Column]:
        return [
            Column("提出日期", lambda r: r.raised_on, width=96),
            Column("类别", lambda r: r.category_label, width=80),
            Column("来源", lambda r: r.source_label, width=76),
            Column("提出人", lambda r: r.raised_by, width=150),
            Column("意见内容", lambda r: _short(r.content), tooltip=lambda r: r.content, width=330),
            Column("记录人", lambda r: r.recorder_name, width=70),
            Column("整改状态", lambda r: r.status_label),
        ]

    def load_rows(self, period: Period | None) -> list[SuggestionRow]:
        return service.list_suggestions(self.ledger, period)

    def status_accepts(self, row: SuggestionRow, code: str) -> bool:
        if code == NO_RECTIFICATION:
            return row.rectification_id is None
        return row.rectification_status == code


class RectificationsView(LedgerView):
    status_choices = (("全部", ALL),) + tuple((s.label, s.value) for s in RectificationStatus) + (("逾期", OVERDUE),)

    def __init__(self, ledger: Ledger, parent: QWidget | None = None):
        super().__init__(ledger, parent)
        self.overdue_label = QLabel(self)
        self.overdue_label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.filter_bar.insertWidget(self.filter_bar.count() - 1, self.overdue_label)

    def _overdue(self, row: RectificationRow) -> bool:
        return row.is_overdue(self.today)

    def columns(self) -> list[Column]:
        red = self._overdue
        return [
            Column("整改期限", lambda r: r.deadline, highlight=red, width=96),
            Column("状态", lambda r: r.status_label, highlight=red, width=60),
            Column("逾期天数", lambda r: r.days_overdue(self.today) or None, highlight=red, align_right=True, width=64),
            Column("意见内容", lambda r: _short(r.suggestion, 30), tooltip=lambda r: r.suggestion, highlight=red, width=200),
            Column("类别", lambda r: r.category_label, highlight=red, width=72),
            Column("整改措施", lambda r: _short(r.measure, 30), tooltip=lambda r: r.measure, highlight=red, width=200),
            Column("责任单位/责任人", lambda r: r.responsible, highlight=red, width=120),
            Column("完成日期", lambda r: r.completed_on, highlight=red, width=96),
            Column("整改结果", lambda r: _short(r.result, 20), tooltip=lambda r: r.result or None, highlight=red, width=120),
            Column("公示日期", lambda r: r.published_on, highlight=red),
        ]

    def load_rows(self, period: Period | None) -> list[RectificationRow]:
        return service.list_rectifications(self.ledger, period)

    def status_accepts(self, row: RectificationRow, code: str) -> bool:
        if code == OVERDUE:
            return row.is_overdue(self.today)
        return row.status == code

    def _update_count(self) -> None:
        super()._update_count()
        late = sum(1 for row in self.model.rows() if row.is_overdue(self.today))
        self.overdue_label.setText(f"逾期 {late} 项" if late else "")
        self.overdue_label.setVisible(bool(late))
