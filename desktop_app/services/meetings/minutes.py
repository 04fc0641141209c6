"""One meeting's minutes (会议记录) as a Word document in the official style, to sign and file."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.dates import format_date_cn
from desktop_app.domain.meetings import AttendanceStatus, MeetingKind, tally
from desktop_app.services import attachments
from desktop_app.services.documents.official import OfficialDocument
from desktop_app.services.meetings.commands import GUEST, OWNER_KIND
from desktop_app.services.meetings.queries import attendance_lines, get_meeting
from desktop_app.services.members import list_members
from desktop_app.services.settings import school_profile
from desktop_app.store.ledger import Ledger

ORDINALS = "一二三四五六七八九十"


def suggested_name(ledger: Ledger, meeting_id: int) -> str:
    data = get_meeting(ledger, meeting_id)
    return f"{data.date:%Y%m%d} {MeetingKind.label_of(data.kind)}记录.docx"


def write_minutes(ledger: Ledger, meeting_id: int, path: Path) -> Path:
    data = get_meeting(ledger, meeting_id)
    kind = MeetingKind(data.kind)
    lines = attendance_lines(ledger, meeting_id)
    names = {row.id: row.name for row in list_members(ledger)}
    branch = school_profile(ledger).branch_title
    group = f"（{data.party_group}）" if data.party_group else ""
    label = kind.label[2:] if branch.endswith("支部") and kind.label.startswith("支部") else kind.label
    document = OfficialDocument(f"{branch}{label}记录", subtitle=group or None)

    def listed(status: str, with_reason: bool = False) -> str:
        chosen = [line for line in lines if line.status == status]
        if not chosen:
            return "无"
        return "、".join(f"{line.name}（{line.reason}）" if with_reason and line.reason else line.name
                        for line in chosen)

    counts = tally(line.status for line in lines if line.status != GUEST)
    when = format_date_cn(data.date) + (f" {data.start_time:%H:%M}" if data.start_time else "")
    document.fields([
        ("会议主题", data.topic),
        ("时间", when),
        ("地点", data.place or ""),
        ("主持人", names.get(data.host_id, "")),
        (kind.recorder_label, names.get(data.recorder_id, "")),
        ("应到人数", f"{counts.expected} 人，实到 {counts.present} 人，请假 {counts.leave} 人，缺席 {counts.absent} 人"),
        ("出席人员", listed(AttendanceStatus.PRESENT.value)),
        ("请假人员", listed(AttendanceStatus.LEAVE.value, with_reason=True)),
        ("缺席人员", listed(AttendanceStatus.ABSENT.value)),
        ("列席人员", listed(GUEST)),
    ])
    sections = [(heading, text) for heading, text in (("会议议程", data.agenda), ("会议内容", data.minutes),
                                                      ("会议决议", data.resolutions)) if text]
    for number, (heading, text) in enumerate(sections):
        document.heading1(f"{ORDINALS[number]}、{heading}")
        for paragraph in text.splitlines():
            if paragraph.strip():
                document.paragraph(paragraph.strip())
    files = attachments.attachments_of(ledger, OWNER_KIND, meeting_id)
    if files:
        document.paragraph("附件：" + "；".join(f"{f.filename}（{f.size_label}）" for f in files), indent=False)
    document.signature([f"主持人（签字）：{' ' * 8}", f"{kind.recorder_label}（签字）：{' ' * 8}"],
                       format_date_cn(data.date))
    return Path(document.save(path))
