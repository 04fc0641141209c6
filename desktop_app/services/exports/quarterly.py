"""The quarterly workbook (季度报表): one sheet per subject, built from the ledger.

Each sheet comes from a module in SHEET_MODULES with `build(report) -> SheetData | None`
(None: nothing to show for the period). The modules import `Report` from here, so they are
resolved when a workbook is built.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

from openpyxl import Workbook

from desktop_app.domain.calendar import Period
from desktop_app.domain.report_period import ReportPeriod
from desktop_app.services.exports.sheet import SheetColumn, write_table_sheet
from desktop_app.services.exports.writer import save_workbook
from desktop_app.services.settings import SchoolProfile, school_profile
from desktop_app.store.ledger import Ledger, in_one_snapshot
from desktop_app.wiring import resolve

SHEET_MODULES = (
    "summary", "roster", "pledges", "observations", "visits", "meetings", "meeting_attendance", "rectifications",
    "evaluations", "development",
)


@dataclass(frozen=True)
class Report:
    ledger: Ledger
    period: ReportPeriod
    profile: SchoolProfile
    mask_ids: bool = True
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def once(self, key, compute: Callable[[], Any]) -> Any:
        """Figures several sheets share (quota fulfilment, year results) are computed once."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def fulfilment(self):
        return self.fulfilment_of(self.ledger, self.period.period)

    def fulfilment_of(self, ledger: Ledger, period: Period):
        """Quota fulfilment in a period, once: a semester report's own is also its evaluation's."""
        from desktop_app.services.records.queries import member_fulfilment

        return self.once(("fulfilment", period.start, period.end), lambda: member_fulfilment(ledger, period))

    def meetings_due(self):
        from desktop_app.services.meetings.due import due_report

        return self.once("meetings_due", lambda: due_report(self.ledger, self.period.period))

    def year_results(self):
        from desktop_app.services.evaluations.queries import year_results

        return self.once("year_results", lambda: year_results(self.ledger, self.period.school_year, self.facts()))

    def facts(self):
        """What the records say for each semester's evaluation: the year's results and a semester's
        sheet read them once."""
        from desktop_app.services.evaluations.sources import FactsCache

        return self.once("facts", lambda: FactsCache(self.fulfilment_of))


@dataclass
class SheetData:
    name: str  # the sheet tab, e.g. 听课统计
    columns: Sequence[SheetColumn | str]
    rows: list[Sequence[Any]]
    alert_rows: set[int] = field(default_factory=set)
    note: str = ""
    landscape: bool = True


def sheet_title(report: Report, name: str) -> str:
    """「××中学党支部 2026年第三季度 听课统计」"""
    return f"{report.profile.branch_title} {report.period.label} {name}"


def _sheet_builders() -> list[Callable[[Report], SheetData | None]]:
    return [resolve(f"desktop_app.services.exports.sheets.{name}:build") for name in SHEET_MODULES]


@in_one_snapshot  # the sheets agree with each other while others write
def build_workbook(ledger: Ledger, period: ReportPeriod, *, mask_ids: bool = True,
                   progress: Callable[[int, int], None] | None = None,
                   timings: dict[str, float] | None = None) -> Workbook:
    """`timings`, when given, receives each sheet's name → seconds spent on its figures and cells."""
    report = Report(ledger, period, school_profile(ledger), mask_ids)
    workbook = Workbook()
    workbook.remove(workbook.active)
    builders = _sheet_builders()
    for done, build in enumerate(builders, start=1):
        started = perf_counter()
        data = build(report)
        if data is not None:
            sheet = workbook.create_sheet(data.name)
            subtitle = data.note or f"统计期间：{period.period.start:%Y年%m月%d日} 至 {period.period.end:%Y年%m月%d日}"
            write_table_sheet(sheet, sheet_title(report, data.name), data.columns, data.rows,
                              subtitle=subtitle, alert_rows=data.alert_rows, landscape=data.landscape)
            if timings is not None:
                timings[data.name] = perf_counter() - started
        if progress:
            progress(done, len(builders))
    workbook.properties.title = f"{report.profile.branch_title} {period.label} 季度报表"
    workbook.properties.creator = "党建台账"
    return workbook


def export_quarterly(ledger: Ledger, period: ReportPeriod, path: Path, **options) -> Path:
    with _cycle_collection_paused():
        return save_workbook(build_workbook(ledger, period, **options), Path(path))


@contextmanager
def _cycle_collection_paused():
    """A workbook is tens of thousands of small openpyxl objects without reference cycles; the
    cyclic collector's repeated passes over them cost a tenth to a fifth of the export. Reference
    counting still frees everything; the collector resumes afterwards."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
