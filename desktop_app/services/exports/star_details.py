"""星级明细 workbook: every evaluated member's indicators, 加分/减分, totals and thresholds, one row each."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from desktop_app.domain.calendar import parse_school_year
from desktop_app.services.evaluations.breakdown import DETAIL_HEADERS, breakdown_rules, detail_rows, star_breakdowns
from desktop_app.services.exports.sheet import SheetColumn, write_table_sheet
from desktop_app.services.exports.writer import save_workbook
from desktop_app.services.settings import school_profile
from desktop_app.store.ledger import Ledger

COLUMNS = [SheetColumn("名次", 5), SheetColumn("姓名", 8), SheetColumn("学期", 8), SheetColumn("项目", 10),
           *DETAIL_HEADERS[2:6], SheetColumn("说明", 60)]


def export_star_details(ledger: Ledger, school_year: str, path: Path) -> Path:
    year = parse_school_year(school_year)
    breakdowns = star_breakdowns(ledger, year)
    rows = [[b.rank, b.name, *row] for b in breakdowns for row in detail_rows(b)]
    rules = breakdown_rules(ledger, year)
    note = "\n".join([f"{year}学年党员量化考核星级明细（共 {len(breakdowns)} 人）", "计分规则：",
                      *(f"{n}. {line}" for n, line in enumerate(rules, start=1))])
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "星级明细"
    write_table_sheet(sheet, f"{school_profile(ledger).branch_title} {year}学年 星级明细", COLUMNS, rows,
                      subtitle=note)
    workbook.properties.creator = "党建台账"
    return save_workbook(workbook, Path(path))
