"""汇总: the key figures of the period, each defined as in the app's own views."""

from __future__ import annotations

import importlib
from collections import Counter

from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.roster import roster_at

COLUMNS = [SheetColumn("项目", 24), SheetColumn("数值", 12), SheetColumn("说明", 40)]


def _optional(module_name: str):
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise


def build(report: Report) -> SheetData:
    rows: list[list] = [
        ["学校", report.profile.school_name, ""],
        ["党支部", report.profile.branch_title, ""],
        ["统计期间", report.period.label,
         f"{report.period.period.start:%Y年%m月%d日} 至 {report.period.period.end:%Y年%m月%d日}"],
    ]
    roster = roster_at(report.ledger, report.period.period.end)
    by_status = Counter(m.political_status for m in roster)
    for status in PoliticalStatus:
        rows.append([f"{status.label}人数", by_status.get(status.value, 0), "截至期末在册"])
    for extra in FIGURE_SOURCES:
        module = _optional(extra[0])
        if module is not None:
            rows.extend(extra[1](module, report))
    return SheetData("汇总", COLUMNS, rows, landscape=False)


def _pledge_figures(queries, report: Report) -> list[list]:
    from desktop_app.domain import pledges as pledge_vocab

    counts = queries.counts_by_status(report.ledger, report.period.school_year)
    status_enum = getattr(pledge_vocab, "PledgeStatus")
    return [[f"承诺·{status_enum.label_of(code)}", count, f"{report.period.school_year}学年"]
            for code, count in counts.items()]


FIGURE_SOURCES = [
    ("desktop_app.services.pledges.queries", _pledge_figures),
]
