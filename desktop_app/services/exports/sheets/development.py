"""发展党员: everyone in the procedure, the steps done in the period, what is next and the problems."""

from __future__ import annotations

from datetime import date

from desktop_app.services.development.queries import list_developments
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn

COLUMNS = [
    SheetColumn("序号", 5), "姓名", "政治面貌", SheetColumn("阶段", 22), SheetColumn("已到步骤", 22),
    SheetColumn("本期完成的步骤", 36), "下一步", "期限", SheetColumn("未遵守的规定", 50),
]


def build(report: Report) -> SheetData | None:
    """None (no sheet) while nobody is in the procedure."""
    period = report.period.period
    today = min(date.today(), period.end)
    rows, alerts = [], set()
    for r in list_developments(report.ledger, today):
        done = [f"{step.numbered} {day:%m-%d}" for step, day in sorted(r.data.dates.items()) if day in period]
        if min(r.data.dates.values(), default=period.end) > period.end:
            continue  # applied after the period
        if r.due_state == "overdue" or r.problems:
            alerts.add(len(rows))
        rows.append([len(rows) + 1, r.name, r.status_label, r.stage.label, r.last_step.numbered if r.last_step else "",
                     "\n".join(done), r.next.what, r.next.due, r.problems_text])
    if not rows:
        return None
    return SheetData("发展党员", COLUMNS, rows, alert_rows=alerts,
                     note=f"截至 {today:%Y年%m月%d日} 在发展程序中的人员；红色为逾期或有不合规定之处")
