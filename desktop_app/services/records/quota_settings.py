"""The school's quotas and holiday periods, kept in the settings table."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.calendar import Period, school_year_of
from desktop_app.domain.quotas import QuotaSettings, SchoolCalendar
from desktop_app.services import settings
from desktop_app.services.errors import UserError
from desktop_app.store.ledger import Ledger

QUOTAS = "quotas.records"
HOLIDAYS = "calendar.holidays"  # [[start, end, label], …]: non-school periods inside semesters


def load_quotas(ledger: Ledger) -> QuotaSettings:
    return QuotaSettings.from_dict(settings.get_value(ledger, QUOTAS, {}))


def save_quotas(ledger: Ledger, quotas: QuotaSettings) -> None:
    settings.set_values(ledger, {QUOTAS: quotas.to_dict()})


def load_holidays(ledger: Ledger) -> list[Period]:
    stored = settings.get_value(ledger, HOLIDAYS, []) or []
    return [Period(date.fromisoformat(s), date.fromisoformat(e), label or "") for s, e, label in stored]


def validate_holidays(holidays: list[Period]) -> str | None:
    for h in holidays:
        if h.end < h.start:
            return f"假期“{h.label or h.start}”的结束日期早于开始日期"
    return None


def save_holidays(ledger: Ledger, holidays: list[Period]) -> None:
    problem = validate_holidays(holidays)
    if problem:
        raise UserError(problem)
    rows = [[h.start.isoformat(), h.end.isoformat(), h.label] for h in sorted(holidays)]
    settings.set_values(ledger, {HOLIDAYS: rows})


def school_calendar(ledger: Ledger, period: Period) -> SchoolCalendar:
    """The semesters of every school year the period touches, and the holidays."""
    first, last = int(school_year_of(period.start)[:4]), int(school_year_of(period.end)[:4])
    terms = []
    for year in range(first, last + 1):
        dates = settings.semester_dates(ledger, f"{year}-{year + 1}")
        terms.extend([dates.first, dates.second])
    return SchoolCalendar(terms=tuple(terms), holidays=tuple(load_holidays(ledger)))


def save_quota_settings(ledger: Ledger, quotas: QuotaSettings, holidays: list[Period]) -> None:
    """Quotas and holidays together, in one change."""
    problem = validate_holidays(holidays)
    if problem:
        raise UserError(problem)
    rows = [[h.start.isoformat(), h.end.isoformat(), h.label] for h in sorted(holidays)]
    settings.set_values(ledger, {QUOTAS: quotas.to_dict(), HOLIDAYS: rows})
