"""党员出席: each member's attendance at 组织生活 in the period, and the talks held with them."""

from __future__ import annotations

from desktop_app.domain.meetings import percent
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.queries import ever_recorded

COLUMNS = [SheetColumn("序号", 5), "姓名", "党小组", "应到", "出席", "请假", "缺席", "出席率", "谈心谈话"]


def build(report: Report) -> SheetData | None:
    if not ever_recorded(report.ledger):
        return None
    rows, alerts = [], set()
    members = sorted(report.meetings_due().members, key=lambda m: (m.party_group, m.name))
    for index, m in enumerate(members):
        if m.counts.absent:
            alerts.add(index)
        rows.append([index + 1, m.name, m.party_group, m.counts.expected, m.counts.present, m.counts.leave,
                     m.counts.absent, percent(m.rate), m.talks])
    policy = meeting_settings.load(report.ledger).leave_policy
    period = report.period.period
    return SheetData("党员出席", COLUMNS, rows, alert_rows=alerts, landscape=False,
                     note=f"统计期间：{period.start:%Y年%m月%d日} 至 {period.end:%Y年%m月%d日}；出席率：{policy.label}；"
                          "缺席的党员标红")
