"""`meetings --school-year 2025-2026`: per kind, held against due, and the periods missed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from desktop_app.cli.table import text_table
from desktop_app.domain.calendar import parse_school_year, school_year_of, school_year_period
from desktop_app.services.errors import UserError
from desktop_app.services.meetings.due import due_report, missed_text
from desktop_app.store.ledger import Ledger

MAX_LISTED = 6  # missed periods listed per kind; the rest are counted


def register(sub: argparse._SubParsersAction) -> None:
    meetings = sub.add_parser("meetings", help="列出一个学年组织生活（三会一课等）的开展情况和缺项")
    meetings.add_argument("--school-year", help="学年，如 2025-2026（默认为当前学年）")
    meetings.set_defaults(func=run_meetings)


def run_meetings(args: argparse.Namespace, ledger_opener: Callable[[], Ledger]) -> int:
    try:
        year = parse_school_year(args.school_year) if args.school_year else school_year_of(date.today())
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    report = due_report(ledger_opener(), school_year_period(year))
    print(f"{year}学年组织生活开展情况（按期计，已开展/应开展）")
    rows = []
    for summary in report.summaries:
        listed = missed_text(summary, MAX_LISTED)
        rows.append([summary.label, f"{summary.held}/{summary.required}", listed or "无"])
    for line in text_table(["项目", "已开展/应开展", "已缺"], rows, {1}):
        print(line)
    missed = report.missed()
    print(f"共缺 {len(missed)} 项次。" if missed else "没有缺项。")
    return 0
