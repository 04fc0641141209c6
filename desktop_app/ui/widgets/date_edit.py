"""A date field that may be left empty: type the date or pick it from a calendar.

`QDateEdit` cannot be blank, yet many dates in the ledger are optional (入党日期, 离开日期…).
`OptionalDateEdit` is a line edit read with `domain.dates.parse_date`, so it accepts what
people type (2024-09-01, 2024/9/1, 2024年9月1日, 20240901), plus a ▾ button opening a calendar.

Usage::

    edit = OptionalDateEdit(parent, allow_year_month=True)   # 出生年月 such as 1980-05 allowed
    edit.set_date(date(2024, 9, 1))  # or None for blank
    try:
        day = edit.date()            # date or None when blank
    except ValueError as exc:        # text that is not a date; str(exc) is a Chinese reason
        ...
    edit.problem()                   # the same reason as text, or None when fine

`changed` is emitted whenever the text changes. The widget forwards focus to its line edit,
so it takes its place in a form's tab order; `line_edit` is public for tests (`setText`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QSizePolicy, QToolButton, QWidget, QWidgetAction,
)

from desktop_app.domain.dates import format_date, parse_date
from desktop_app.domain.problems import FieldProblem

PLACEHOLDER = "如 2024-09-01，可留空"


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, allow_year_month: bool = False,
                 placeholder: str = PLACEHOLDER):
        super().__init__(parent)
        self._allow_year_month = allow_year_month
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(placeholder)
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.textChanged.connect(self._on_text_changed)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.DownArrow)
        self.calendar_button.setToolTip("从日历中选择")
        self.calendar_button.setFocusPolicy(Qt.NoFocus)
        self.calendar_button.setPopupMode(QToolButton.InstantPopup)
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self._menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget(self._menu)
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.Monday)
        self.calendar.clicked.connect(self._on_picked)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self.calendar)
        self._menu.addAction(action)
        self._menu.aboutToShow.connect(self._sync_calendar)
        self.calendar_button.setMenu(self._menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line_edit)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # one line tall, like a QLineEdit

    # --- value --------------------------------------------------------------
    def date(self) -> date | None:
        """The date typed, None when blank; ValueError with a Chinese reason when not a date."""
        return parse_date(self.line_edit.text(), allow_year_month=self._allow_year_month)

    def problem(self) -> str | None:
        try:
            self.date()
        except ValueError as exc:
            return str(exc)
        return None

    def set_date(self, day: date | None) -> None:
        self.line_edit.setText(format_date(day))

    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit for callers and tests
        self.line_edit.setText(text)

    def clear(self) -> None:
        self.line_edit.clear()

    # --- calendar -----------------------------------------------------------
    def _sync_calendar(self) -> None:
        try:
            day = self.date()
        except ValueError:
            day = None
        shown = day or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))

    def _on_picked(self, picked: QDate) -> None:
        self.set_date(date(picked.year(), picked.month(), picked.day()))
        self._menu.hide()
        self.line_edit.setFocus()

    def _on_text_changed(self, _text: str) -> None:
        self.changed.emit()


def read_dates(edits: list[tuple[str, OptionalDateEdit]], *, required: bool = False,
               ) -> tuple[list[date | None], list[FieldProblem]]:
    """The dates typed in several fields, and a problem named by its label for each one that cannot be
    read (or, with `required`, is blank)."""
    dates: list[date | None] = []
    problems: list[FieldProblem] = []
    for label, edit in edits:
        try:
            day = edit.date()
        except ValueError as exc:
            problems.append(FieldProblem(label, str(exc)))
            day = None
        else:
            if day is None and required:
                problems.append(FieldProblem(label, "必须填写"))
        dates.append(day)
    return dates, problems
