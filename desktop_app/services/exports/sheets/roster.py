"""党员名册: everyone on the roster at the period's end, ID numbers masked unless asked."""

from __future__ import annotations

from desktop_app.domain import idcard
from desktop_app.domain.vocab import Gender, PoliticalStatus, Post
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.roster import roster_at

COLUMNS = [
    SheetColumn("序号", 5), "姓名", "性别", "出生日期", "民族", "学历", "政治面貌", "入党日期", "转正日期",
    "党小组", "部门", "岗位", "任教学科", "骨干称号", "联系电话", SheetColumn("身份证号", 20),
]


def build(report: Report) -> SheetData:
    rows = []
    for number, m in enumerate(roster_at(report.ledger, report.period.period.end), start=1):
        id_number = idcard.mask(m.id_number) if report.mask_ids else (m.id_number or "")
        rows.append([
            number, m.name, Gender.label_of(m.gender), m.birth_date, m.ethnicity or "", m.education or "",
            PoliticalStatus.label_of(m.political_status), m.join_date, m.full_member_date,
            m.party_group or "", m.department or "", "、".join(Post.label_of(p) for p in m.posts),
            m.subject or "", "、".join(m.backbone_titles), m.phone or "", id_number,
        ])
    return SheetData("党员名册", COLUMNS, rows)
