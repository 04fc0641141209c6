"""汇总: the key figures of the period, each defined as in the app's own views."""

from __future__ import annotations

from collections import Counter

from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.evaluations import queries as evaluation_queries
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.pledges import queries as pledge_queries
from desktop_app.services.records import queries as record_queries
from desktop_app.services.rectifications import queries as rectification_queries
from desktop_app.services.roster import roster_at

COLUMNS = [SheetColumn("项目", 24), SheetColumn("数值", 12), SheetColumn("说明", 40)]


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
    for queries, figures in FIGURE_SOURCES:
        rows.extend(figures(queries, report))
    return SheetData("汇总", COLUMNS, rows, landscape=False)


def _pledge_figures(queries, report: Report) -> list[list]:
    from desktop_app.domain.pledges import PledgeStatus

    counts = queries.counts_by_status(report.ledger, report.period.school_year)
    return [[f"承诺·{PledgeStatus.label_of(code)}", count, f"{report.period.school_year}学年"]
            for code, count in counts.items()]


def _record_figures(queries, report: Report) -> list[list]:
    from desktop_app.domain.records import VisitKind

    period = report.period.period
    totals = queries.totals(report.ledger, period)
    fulfilment = report.fulfilment()
    behind = queries.behind_list(fulfilment)
    rows = [
        ["听课总节数", totals.observations, "统计期间内的听课记录"],
        ["其中示范课", totals.demo_lessons, "按节计：几位老师同听一节只计一节（与听课统计表各人之和一致）"],
        ["家访·访谈总次数", totals.visits, ""],
    ]
    rows += [[f"　{kind.label}", totals.visits_by_kind[kind.value], ""] for kind in VisitKind
             if totals.visits_by_kind.get(kind.value)]
    rows.append(["家访覆盖学生数", totals.students_reached, "至少被一次家访覆盖的学生（去重）"])
    rows.append(["未完成定额人数", len(behind), "听课、示范课或家访任一项未达要求"])
    return rows


def _rectification_figures(queries, report: Report) -> list[list]:
    from datetime import date

    from desktop_app.domain.rectifications import RectificationStatus

    counts = queries.counts_by_status(report.ledger, report.period.period)
    today = min(date.today(), report.period.period.end)
    rows = [[f"整改·{RectificationStatus.label_of(code)}", count, "期末前提出、期初时尚未完成的整改（按当前状态）"]
            for code, count in counts.items()]
    rows.append(["整改逾期项数", len(queries.overdue(report.ledger, today)),
                 f"截至 {today:%Y年%m月%d日} 已过时限仍未完成（按当前状态）"])
    return rows


def _evaluation_figures(queries, report: Report) -> list[list]:
    results = report.year_results()
    counts = queries.year_star_counts(results)
    return [[f"{level.label}党员", count, f"{report.period.school_year}学年量化考核"] for level, count in counts.items()]


FIGURE_SOURCES = [
    (pledge_queries, _pledge_figures),
    (record_queries, _record_figures),
    (rectification_queries, _rectification_figures),
    (evaluation_queries, _evaluation_figures),
]
