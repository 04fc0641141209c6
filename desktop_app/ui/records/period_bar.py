"""Choosing the period a records screen shows: a week, a month or a semester, with ◀ ▶ to step."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop_app.domain.calendar import (
    Period, SEMESTER_LABELS, month_period, quarter_of, quarter_period, school_year_of, school_year_period, week_period,
)
from desktop_app.services.settings import semester_dates
from desktop_app.store.ledger import Ledger

UNITS = {"week": "按周", "month": "按月", "quarter": "按季度", "semester": "按学期", "school_year": "按学年",
         "all": "全部年份"}
RECORD_UNITS = ("week", "month", "semester", "all")
ALL_YEARS = Period(date(1900, 1, 1), date(9999, 12, 31), "全部年份")  # the "all" unit: every record

def semester_containing(ledger: Ledger, day: date) -> Period:
    """The semester the day falls in; in the holidays, the one that ended last before it."""
    candidates = []
    for year in (school_year_of(day), school_year_of(day - timedelta(days=366))):
        dates = semester_dates(ledger, year)
        for number in (1, 2):
            term = dates.semester(number)
            candidates.append(Period(term.start, term.end, f"{dates.school_year}学年{SEMESTER_LABELS[number]}"))
    for term in candidates:
        if day in term:
            return term
    return max((t for t in candidates if t.end < day), key=lambda t: t.end)


def period_for(ledger: Ledger, unit: str, day: date) -> Period:
    if unit == "all":
        return ALL_YEARS
    if unit == "week":
        week = week_period(day)
        return Period(week.start, week.end, f"{week.start:%Y年%m月%d日}起一周")
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "quarter":
        return quarter_period(day.year, quarter_of(day))
    if unit == "school_year":
        return school_year_period(school_year_of(day))
    return semester_containing(ledger, day)


class PeriodBar(QWidget):
    """`changed(Period)` whenever the unit or the step changes; `period()` reads it."""

    changed = Signal(object)

    def __init__(self, ledger: Ledger, parent: QWidget | None = None, *, unit: str = "month",
                 today: date | None = None, units: tuple[str, ...] = RECORD_UNITS):
        super().__init__(parent)
        self._ledger = ledger
        self._today = today or date.today()
        self._anchor = self._today
        self.unit_combo = QComboBox(self)
        for code in units:
            self.unit_combo.addItem(UNITS[code], code)
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))
        self.previous_button = QToolButton(self)
        self.previous_button.setText("◀")
        self.previous_button.setToolTip("上一期")
        self.label = QLabel(self)
        self.label.setMinimumWidth(190)
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip("下一期")
        self.current_button = QPushButton("本期", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.unit_combo, self.previous_button, self.label, self.next_button, self.current_button):
            layout.addWidget(widget)
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._update())
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.current_button.clicked.connect(lambda: self.show_date(self._today))
        self._period = period_for(ledger, self.unit(), self._anchor)
        self.label.setText(self._period.label)

    def showing_all(self) -> bool:
        return self.unit() == "all"

    def unit(self) -> str:
        return self.unit_combo.currentData()

    def period(self) -> Period:
        return self._period

    def set_ledger(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._update()

    def show_date(self, day: date, unit: str | None = None) -> None:
        """Show the week, month or semester containing `day`."""
        self._anchor = day
        if unit and unit != self.unit():
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))  # emits through _update
        else:
            self._update()

    def _step(self, direction: int) -> None:
        if self.showing_all():
            return
        current = self._period
        if direction < 0:
            self._anchor = current.start - timedelta(days=1)
        else:
            self._anchor = current.end + timedelta(days=1)
        if self.unit() == "semester" and direction > 0:
            # the holidays after a semester belong to none: jump to the next semester's start
            following = [semester_dates(self._ledger, school_year_of(self._anchor + timedelta(days=d)))
                         for d in (0, 200)]
            starts = sorted(t.start for dates in following for t in (dates.first, dates.second)
                            if t.start > current.end)
            self._anchor = starts[0] if starts else self._anchor
        self._update()

    def _update(self) -> None:
        self._period = period_for(self._ledger, self.unit(), self._anchor)
        self.label.setText(self._period.label)
        stepping = self.unit() != "all"
        for button in (self.previous_button, self.next_button, self.current_button):
            button.setEnabled(stepping)
        self.changed.emit(self._period)
