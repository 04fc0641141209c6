"""听课统计: per observer done/required in the period, per observed teacher, 示范课."""

from __future__ import annotations

from desktop_app.domain.collation import name_key
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.records.queries import times_observed

COLUMNS = [
    SheetColumn("序号", 5), "姓名", "岗位", "听课（完成）", "听课（要求）", "示范课（完成）", "示范课（要求）",
    "被听课次数", "是否达标", SheetColumn("说明", 40),
]


def build(report: Report) -> SheetData:
    fulfilment = report.fulfilment()
    observed = times_observed(report.ledger, report.period.period)
    rows, alerts = [], set()
    people = sorted(fulfilment.values(), key=lambda f: (not f.observations_required, name_key(f.name)))
    for index, f in enumerate(p for p in people if p.observations_required or p.demo_lessons_required
                              or p.observations_done or observed.get(p.member_id)):
        behind = f.observations.behind or f.demo_lessons.behind
        if behind:
            alerts.add(index)
        rows.append([index + 1, f.name, f.posts_label, f.observations_done, f.observations_required,
                     f.demo_lessons_done, f.demo_lessons_required, observed.get(f.member_id, 0),
                     "未达标" if behind else "达标", "；".join(f.explain)])
    return SheetData("听课统计", COLUMNS, rows, alert_rows=alerts)
