"""Per-school settings stored in the ledger (school, branch, school years and semesters …)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import JSON, text

from desktop_app.domain.calendar import (
    Period, SemesterDates, default_semesters, parse_school_year, school_year_label, school_year_of, school_year_period,
    school_year_start,
)
from desktop_app.domain.problems import FieldProblem
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger

SCHOOL_NAME = "school.name"
BRANCH_NAME = "branch.name"
SEMESTERS = "calendar.semesters"  # {"2025-2026": {"first": [start, end], "second": [start, end]}}
BACKUP_KEEP = "backup.keep"

TOPIC = Topic.SETTING


@dataclass(frozen=True)
class SchoolProfile:
    school_name: str
    branch_name: str

    @property
    def branch_title(self) -> str:
        """e.g. 「××中学党支部」 for titles; falls back gracefully when not set."""
        return self.branch_name or (f"{self.school_name}党支部" if self.school_name else "党支部")


# Read without the ORM: the title bar needs the school's name before the first paint, and the
# models (and their mapper configuration) are left until a screen first uses them.
_VALUE = text("SELECT value FROM setting WHERE key = :key").columns(value=JSON)


def get_value(ledger: Ledger, key: str, default: Any = None) -> Any:
    with ledger.reading() as session:
        found = session.execute(_VALUE, {"key": key}).first()
        return default if found is None else found.value


def set_values(ledger: Ledger, values: dict[str, Any]) -> None:
    from desktop_app.store.models import Setting  # see _VALUE

    with ledger.transaction(TOPIC) as session:
        for key, value in values.items():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value


def school_profile(ledger: Ledger) -> SchoolProfile:
    return SchoolProfile(
        school_name=get_value(ledger, SCHOOL_NAME, "") or "",
        branch_name=get_value(ledger, BRANCH_NAME, "") or "",
    )


def profile_problems(school_name: str, branch_name: str) -> list[FieldProblem]:
    """Both names head every print, export and the title bar: neither may be left empty."""
    return [FieldProblem(label, "必须填写") for label, value in (("学校名称", school_name), ("党支部名称", branch_name))
            if not value.strip()]


def save_school_profile(ledger: Ledger, profile: SchoolProfile) -> None:
    problems = profile_problems(profile.school_name, profile.branch_name)
    if problems:
        raise ValidationError(problems)
    set_values(ledger, {SCHOOL_NAME: profile.school_name.strip(), BRANCH_NAME: profile.branch_name.strip()})


def semester_dates(ledger: Ledger, school_year: str) -> SemesterDates:
    """The school's own dates for that year, or the defaults (1 Sep–31 Jan, 1 Feb–31 Jul)."""
    label = parse_school_year(school_year)
    stored = (get_value(ledger, SEMESTERS, {}) or {}).get(label)
    if not stored:
        return default_semesters(label)
    first = [date.fromisoformat(x) for x in stored["first"]]
    second = [date.fromisoformat(x) for x in stored["second"]]
    return SemesterDates(
        label,
        Period(first[0], first[1], f"{label}学年第一学期"),
        Period(second[0], second[1], f"{label}学年第二学期"),
    )


def validate_semester_dates(dates: SemesterDates) -> str | None:
    """None when the two semesters are ordered and inside the school year, else the reason."""
    year = school_year_period(dates.school_year)
    earliest = year.start.replace(month=8)  # some schools open in late August
    for name, period in (("第一学期", dates.first), ("第二学期", dates.second)):
        if period.end < period.start:
            return f"{dates.school_year}学年{name}的结束日期早于开始日期"
        if period.start < earliest or period.end > year.end:
            return (f"{dates.school_year}学年{name}应在 {earliest:%Y年%m月%d日} 至 {year.end:%Y年%m月%d日} 之内"
                    "（学年从9月1日算起，第一学期最早可从8月开始）")
    if dates.second.start <= dates.first.end:
        return f"{dates.school_year}学年第二学期应在第一学期结束之后开始"
    return None


def save_semester_dates(ledger: Ledger, dates: SemesterDates) -> None:
    problem = validate_semester_dates(dates)
    if problem:
        raise UserError(problem)
    stored = dict(get_value(ledger, SEMESTERS, {}) or {})
    stored[dates.school_year] = {
        "first": [dates.first.start.isoformat(), dates.first.end.isoformat()],
        "second": [dates.second.start.isoformat(), dates.second.end.isoformat()],
    }
    set_values(ledger, {SEMESTERS: stored})


def configured_school_years(ledger: Ledger, today: date | None = None) -> list[str]:
    """Years with their own dates plus the current one, newest first."""
    years = set((get_value(ledger, SEMESTERS, {}) or {}).keys())
    years.add(school_year_of(today or date.today()))
    return sorted(years, reverse=True)


def semester_of(ledger: Ledger, day: date) -> tuple[str, int] | None:
    """(school year, 1 or 2) for a date inside a semester; None in the holidays."""
    label = school_year_of(day)
    following = school_year_label(school_year_start(label) + 1)
    for year in (label, following):  # a first semester may open in late August
        dates = semester_dates(ledger, year)
        for number in (1, 2):
            if day in dates.semester(number):
                return year, number
    return None
