"""School years (1 Sep – 31 Aug), semesters, calendar quarters, months and weeks (Mon–Sun)."""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    label: str = ""

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class SemesterDates:
    """The two semesters of one school year, as the school sets them."""

    school_year: str
    first: Period
    second: Period

    def semester(self, number: int) -> Period:
        if number not in (1, 2):
            raise ValueError("学期只能是 1 或 2")
        return self.first if number == 1 else self.second


_YEAR_RE = re.compile(r"^\s*(\d{4})\s*[-—–~至/]\s*(\d{4})\s*(学年)?\s*$")
_SINGLE_YEAR_RE = re.compile(r"^\s*(\d{4})\s*学?年?度?\s*$")

SEMESTER_LABELS = {1: "第一学期", 2: "第二学期"}


def school_year_label(start_year: int) -> str:
    return f"{start_year}-{start_year + 1}"


def school_year_of(day: date) -> str:
    return school_year_label(day.year if day.month >= 9 else day.year - 1)


def parse_school_year(text: str) -> str:
    """'2025-2026', '2025—2026学年' or '2025' (the year it starts) → '2025-2026'."""
    match = _YEAR_RE.match(str(text))
    if match:
        first, second = int(match.group(1)), int(match.group(2))
        if second != first + 1:
            raise ValueError(f"学年“{text}”的两个年份应相差一年")
        return school_year_label(first)
    match = _SINGLE_YEAR_RE.match(str(text))
    if match:
        return school_year_label(int(match.group(1)))
    raise ValueError(f"无法识别学年“{text}”，应写作 2025-2026")


def school_year_start(label: str) -> int:
    return int(parse_school_year(label)[:4])


def school_year_period(label: str) -> Period:
    start = school_year_start(label)
    return Period(date(start, 9, 1), date(start + 1, 8, 31), f"{label}学年")


def default_semesters(label: str) -> SemesterDates:
    """第一学期 1 Sep – 31 Jan, 第二学期 1 Feb – 31 Jul, until the school sets its own."""
    start = school_year_start(label)
    return SemesterDates(
        school_year=school_year_label(start),
        first=Period(date(start, 9, 1), date(start + 1, 1, 31), f"{label}学年第一学期"),
        second=Period(date(start + 1, 2, 1), date(start + 1, 7, 31), f"{label}学年第二学期"),
    )


def quarter_period(year: int, quarter: int) -> Period:
    if quarter not in (1, 2, 3, 4):
        raise ValueError("季度只能是 1 到 4")
    first_month = 3 * (quarter - 1) + 1
    last_month = first_month + 2
    end = date(year, last_month, _cal.monthrange(year, last_month)[1])
    names = "一二三四"
    return Period(date(year, first_month, 1), end, f"{year}年第{names[quarter - 1]}季度")


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, _cal.monthrange(year, month)[1]), f"{year}年{month}月")


def week_period(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    return Period(monday, sunday, f"{monday:%Y-%m-%d} 所在周")


def weeks_in(period: Period) -> list[Period]:
    """Every Monday-started week that overlaps the period, clipped to it."""
    weeks = []
    monday = period.start - timedelta(days=period.start.weekday())
    while monday <= period.end:
        sunday = monday + timedelta(days=6)
        weeks.append(Period(max(monday, period.start), min(sunday, period.end), f"{monday:%m-%d}周"))
        monday += timedelta(days=7)
    return weeks


def months_in(period: Period) -> list[Period]:
    months = []
    year, month = period.start.year, period.start.month
    while date(year, month, 1) <= period.end:
        full = month_period(year, month)
        months.append(Period(max(full.start, period.start), min(full.end, period.end), full.label))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def records_due_date(year: int, month: int, due_day: int = 3) -> date:
    """A month's visit and observation sheets are due on the 3rd of the following month."""
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return date(year, month, due_day)
