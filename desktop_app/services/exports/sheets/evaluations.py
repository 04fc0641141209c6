"""考核结果: the school year's scores and star levels, where the period has them."""

from __future__ import annotations

from desktop_app.services.evaluations.queries import is_year_locked
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn

COLUMNS = [SheetColumn("名次", 5), "姓名", "政治面貌", "党小组", "第一学期", "第二学期", "学年得分", "星级"]


def build(report: Report) -> SheetData | None:
    results = [r for r in report.year_results() if r.score is not None]
    if not results:
        return None
    results.sort(key=lambda r: (r.rank or 10**6, r.member_name))
    rows = [[r.rank, r.member_name, r.status_label, r.party_group, _points(r.first), _points(r.second),
             _points(r.score), r.star_label or "—"] for r in results]
    lock = is_year_locked(report.ledger, report.period.school_year)
    state = f"已于{lock.approved_on:%Y年%m月%d日}经{lock.meeting}审定" if lock else "尚未审定，得分可能变化"
    return SheetData("考核结果", COLUMNS, rows, note=f"{report.period.school_year}学年量化考核（{state}）")


def _points(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
