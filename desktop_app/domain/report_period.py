"""The period a report covers: a calendar quarter, a semester or a whole school year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.calendar import (
    Period, SemesterDates, quarter_of, quarter_period, school_year_of, school_year_period,
)


@dataclass(frozen=True)
class ReportPeriod:
    period: Period
    label: str  # 2026年第三季度 / 2025-2026学年第一学期 / 2025-2026学年
    school_year: str  # the school year the period belongs to (by its end date)
    kind: str  # quarter | semester | school_year
    semester: int | None = None  # 1 or 2 for a semester report


def quarter(year: int, number: int) -> ReportPeriod:
    period = quarter_period(year, number)
    return ReportPeriod(period, period.label, school_year_of(period.end), "quarter")


def semester(dates: SemesterDates, number: int) -> ReportPeriod:
    period = dates.semester(number)
    label = f"{dates.school_year}学年{'第一' if number == 1 else '第二'}学期"
    return ReportPeriod(period, label, dates.school_year, "semester", number)


def school_year(label: str) -> ReportPeriod:
    period = school_year_period(label)
    return ReportPeriod(period, f"{label}学年", label, "school_year")


def last_complete_quarter(today: date) -> ReportPeriod:
    """The latest calendar quarter that ended before `today` (the one a report is usually due for)."""
    number = quarter_of(today) - 1
    return quarter(today.year, number) if number else quarter(today.year - 1, 4)


REPORT_NAMES = {"quarter": "季度报表", "semester": "学期报表", "school_year": "学年报表"}


def last_complete_semester(semesters: list[SemesterDates], today: date) -> tuple[str, int] | None:
    """(school year, 1 or 2) of the latest semester in `semesters` that ended before `today`."""
    ended = [(dates.semester(n).end, dates.school_year, n) for dates in semesters for n in (1, 2)
             if dates.semester(n).end < today]
    return max(ended)[1:] if ended else None
