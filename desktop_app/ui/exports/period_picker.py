"""Choosing the period of a report: a quarter, a semester or a school year.

Each choice defaults to the latest one that has ended, the report usually due.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QStackedWidget, QWidget

from desktop_app.domain import report_period
from desktop_app.domain.calendar import SEMESTER_LABELS, school_year_label, school_year_of, school_year_start
from desktop_app.domain.report_period import REPORT_NAMES, ReportPeriod
from desktop_app.services.settings import configured_school_years, semester_dates
from desktop_app.store.ledger import Ledger

QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")
YEARS_BACK = 5  # school years offered before the current one


def _row(parent: QWidget, *widgets) -> QWidget:
    page = QWidget(parent)
    layout = QHBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(QLabel(widget, page) if isinstance(widget, str) else widget)
    layout.addStretch()
    return page


class ReportPeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, ledger: Ledger, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.kind_combo = QComboBox(self)
        for kind, name in REPORT_NAMES.items():
            self.kind_combo.addItem(name, kind)

        latest = report_period.last_complete_quarter(today)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, today.year)
        self.year_spin.setValue(latest.period.end.year)
        self.quarter_combo = QComboBox(self)
        self.quarter_combo.addItems(QUARTER_NAMES)
        self.quarter_combo.setCurrentIndex(latest.period.end.month // 3 - 1)

        years = self._school_years(today)
        self.semester_year = QComboBox(self)
        self.semester_year.addItems(years)
        self.semester_combo = QComboBox(self)
        for number, label in SEMESTER_LABELS.items():
            self.semester_combo.addItem(label, number)
        ended = report_period.last_complete_semester([semester_dates(ledger, y) for y in years], today)
        if ended:
            self.semester_year.setCurrentText(ended[0])
            self.semester_combo.setCurrentIndex(ended[1] - 1)
        self.school_year = QComboBox(self)
        self.school_year.addItems(years)
        last_year = school_year_label(school_year_start(school_year_of(today)) - 1)
        if last_year in years:
            self.school_year.setCurrentText(last_year)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(_row(self, self.year_spin, "年", self.quarter_combo))
        self.pages.addWidget(_row(self, self.semester_year, "学年", self.semester_combo))
        self.pages.addWidget(_row(self, self.school_year, "学年"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.pages, 1)
        self.kind_combo.currentIndexChanged.connect(self.pages.setCurrentIndex)
        for signal in (self.kind_combo.currentIndexChanged, self.year_spin.valueChanged,
                       self.quarter_combo.currentIndexChanged, self.semester_year.currentIndexChanged,
                       self.semester_combo.currentIndexChanged, self.school_year.currentIndexChanged):
            signal.connect(self.changed)

    def _school_years(self, today: date) -> list[str]:
        current = school_year_start(school_year_of(today))
        recent = {school_year_label(current - back) for back in range(YEARS_BACK + 1)}
        return sorted(recent | set(configured_school_years(self._ledger, today)), reverse=True)

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(list(REPORT_NAMES).index(kind))

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_quarter(self, year: int, number: int) -> None:
        self.set_kind("quarter")
        self.year_spin.setValue(year)
        self.quarter_combo.setCurrentIndex(number - 1)

    def period(self) -> ReportPeriod:
        kind = self.kind()
        if kind == "quarter":
            return report_period.quarter(self.year_spin.value(), self.quarter_combo.currentIndex() + 1)
        if kind == "semester":
            dates = semester_dates(self._ledger, self.semester_year.currentText())
            return report_period.semester(dates, self.semester_combo.currentData())
        return report_period.school_year(self.school_year.currentText())
