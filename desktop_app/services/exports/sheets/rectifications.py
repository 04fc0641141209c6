"""整改台账: suggestions and rectifications with status, overdue ones marked."""

from __future__ import annotations

from datetime import date

from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.rectifications.queries import list_rectifications

COLUMNS = [
    SheetColumn("序号", 5), SheetColumn("意见建议", 30), "类别", "来源", "提出日期", SheetColumn("整改措施", 30),
    "责任单位/人", "整改时限", "状态", "完成日期", SheetColumn("整改结果", 24), "公示日期", "是否逾期",
]


def build(report: Report) -> SheetData:
    today = min(date.today(), report.period.period.end)
    rows, alerts = [], set()
    for index, r in enumerate(list_rectifications(report.ledger, report.period.period)):
        overdue = r.is_overdue(today)
        if overdue:
            alerts.add(index)
        rows.append([index + 1, r.suggestion, r.category_label, r.source_label, r.raised_on, r.measure,
                     r.responsible, r.deadline, r.status_label, r.completed_on, r.result, r.published_on,
                     f"逾期{r.days_overdue(today)}天" if overdue else ""])
    return SheetData("整改台账", COLUMNS, rows, alert_rows=alerts,
                     note=f"期末前提出、期初时尚未完成的整改；逾期按当前状态截至 {today:%Y年%m月%d日} 计算")
