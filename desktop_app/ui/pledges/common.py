"""Small helpers the pledge dialogs share."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.calendar import school_year_label, school_year_of, school_year_start


def nearby_school_years(*extra: str, today: date | None = None) -> list[str]:
    """The current, previous and next school years plus any given, newest first."""
    current = school_year_start(school_year_of(today or date.today()))
    years = {school_year_label(current + offset) for offset in (-1, 0, 1)}
    years.update(y for y in extra if y)
    return sorted(years, reverse=True)


def ok_cancel(dialog, ok_text: str = "确定") -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dialog)
    buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
