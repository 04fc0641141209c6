"""组织生活: each kind held against due in the period, then the meetings held."""

from __future__ import annotations

from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.due import missed_text
from desktop_app.services.meetings.queries import ever_recorded, list_meetings

COLUMNS = [SheetColumn("序号", 5), "项目", "已开展", "应开展", "是否完成", SheetColumn("未完成的期间", 48)]
MEETING_COLUMNS = ["日期", "应到", "实到", "缺席", "会议（类型、主题、主持人）"]


def build(report: Report) -> SheetData | None:
    """None while the ledger holds no 组织生活 at all (the school keeps it elsewhere)."""
    if not ever_recorded(report.ledger):
        return None
    period = report.period.period
    rows, alerts = [], set()
    for index, summary in enumerate(report.meetings_due().summaries):
        if summary.missed:
            alerts.add(len(rows))
        rows.append([index + 1, summary.label, summary.held, summary.required,
                     summary.completion, missed_text(summary)])
    rows.append([])
    rows.append(["", *MEETING_COLUMNS])
    for meeting in sorted(list_meetings(report.ledger, period), key=lambda m: (m.date, m.id)):
        host = f"（主持：{meeting.host_name}）" if meeting.host_name else ""
        rows.append(["", meeting.date, meeting.counts.expected, meeting.counts.present, meeting.counts.absent,
                     f"{meeting.kind_and_group}：{meeting.topic}{host}"])
    policy = meeting_settings.load(report.ledger).leave_policy
    note = (f"统计期间：{period.start:%Y年%m月%d日} 至 {period.end:%Y年%m月%d日}；已开展/应开展按期计"
            f"（本期内结束的月、季度、学年）；请假：{policy.label}")
    return SheetData("组织生活", COLUMNS, rows, alert_rows=alerts, note=note)
