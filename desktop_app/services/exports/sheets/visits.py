"""家访统计: per visitor done/required by the kind their quota counts, and coverage per class."""

from __future__ import annotations

from desktop_app.domain.collation import name_key
from desktop_app.domain.records import VisitKind
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.records.queries import class_coverage

COLUMNS = [
    SheetColumn("序号", 5), "姓名", "岗位", "统计方式", "家访（完成）", "家访（要求）", "是否达标",
    SheetColumn("说明", 36),
]
COVERAGE_COLUMNS = ["班级", "班主任", "学生数", "电话家访覆盖", "班主任入户家访", "学生访谈覆盖", "是否达标"]


def build(report: Report) -> SheetData:
    fulfilment = report.fulfilment()
    rows, alerts = [], set()
    people = sorted((f for f in fulfilment.values() if f.visits_required or f.visits_done), key=lambda f: name_key(f.name))
    for index, f in enumerate(people):
        if f.visits.behind:
            alerts.add(index)
        rows.append([index + 1, f.name, f.posts_label, VisitKind.label_of(f.visit_kind), f.visits_done,
                     f.visits_required, "未达标" if f.visits.behind else "达标", "；".join(f.explain)])
    # Coverage per class follows the per-person table, under its own header row.
    rows.append([])
    rows.append(["", *COVERAGE_COLUMNS])
    for cover in class_coverage(report.ledger, report.period.period):
        if cover.behind:
            alerts.add(len(rows))
        rows.append(["", cover.class_name, cover.head_teacher_name, cover.size, str(cover.phone), str(cover.home),
                     str(cover.interview), "未达标" if cover.behind else "达标"])
    return SheetData("家访统计", COLUMNS, rows, alert_rows=alerts)
