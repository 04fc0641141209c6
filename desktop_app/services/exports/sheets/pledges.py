"""承诺践诺: the school year's pledges, their publication and review."""

from __future__ import annotations

from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn
from desktop_app.services.pledges.queries import list_pledges

COLUMNS = [
    SheetColumn("序号", 5), "承诺人", "党小组", "承诺类型", "对标", SheetColumn("承诺内容", 40), "签订日期",
    "状态", "公示期间", "公示方式", "评议等次", "评议主体", "评议日期", SheetColumn("未践诺说明", 24),
]


def build(report: Report) -> SheetData:
    rows = [
        [n, p.owner_name, p.party_group, p.kind_label, p.standard,
         "\n".join(f"{i}. {item}" for i, item in enumerate(p.content_items, start=1)),
         p.signed_date, p.status_label, p.publication_label, p.places_label, p.grade_label,
         p.body_label, p.review_date, p.review_explanation]
        for n, p in enumerate(list_pledges(report.ledger, report.period.school_year), start=1)
    ]
    return SheetData("承诺践诺", COLUMNS, rows, note=f"{report.period.school_year}学年的承诺（承诺按学年管理）")
