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


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def national_holidays(year: int) -> tuple[Period, ...]:
    """The fixed public holidays used when the school has not entered its own: 元旦, 劳动节, 国庆."""
    return (
        Period(date(year, 1, 1), date(year, 1, 1), "元旦"),
        Period(date(year, 5, 1), date(year, 5, 5), "劳动节"),
        Period(date(year, 10, 1), date(year, 10, 7), "国庆节"),
    )


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days (工作日): Monday–Friday outside the holidays, plus the swapped-in weekend days (调休)."""

    holidays: tuple[Period, ...] = ()
    extra_working_days: tuple[date, ...] = ()

    @classmethod
    def with_national_holidays(cls, years: range, holidays: tuple[Period, ...] = (),
                               extra_working_days: tuple[date, ...] = ()) -> WorkingCalendar:
        fixed = tuple(h for year in years for h in national_holidays(year))
        return cls(holidays=fixed + tuple(holidays), extra_working_days=tuple(extra_working_days))

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        return day.weekday() < 5 and not any(day in holiday for holiday in self.holidays)

    def working_days(self, start: date, end: date) -> int:
        """Working days from start to end, both counted."""
        count, day = 0, start
        while day <= end:
            count += self.is_working_day(day)
            day += timedelta(days=1)
        return count
