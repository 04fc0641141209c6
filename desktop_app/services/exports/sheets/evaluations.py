"""考核结果: a semester report shows that semester's scores and stars; any other period the school year's.

The sheet's name and title say which ("学期考核结果" / "学年考核结果"), so a semester's workbook never
shows the year's star under a semester title.
"""

from __future__ import annotations

from desktop_app.domain.collation import name_key
from desktop_app.domain.evaluation import ranks
from desktop_app.domain.scheme import Scheme
from desktop_app.domain.scheme_rules import scheme_rules
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.evaluations.queries import SemesterSheet, is_year_locked, semester_sheet
from desktop_app.services.exports.quarterly import Report, SheetData
from desktop_app.services.exports.sheet import SheetColumn

YEAR_COLUMNS = [SheetColumn("名次", 5), "姓名", "政治面貌", "党小组", "第一学期", "第二学期", "学年得分", "学年星级"]
SEMESTER_SHEET = "学期考核结果"
YEAR_SHEET = "学年考核结果"


def build(report: Report) -> SheetData | None:
    if report.period.kind == "semester" and report.period.semester:
        sheet = semester_sheet(report.ledger, report.period.school_year, report.period.semester, report.facts())
        return _semester(report, sheet)
    return _year(report)


def _year(report: Report) -> SheetData | None:
    results = [r for r in report.year_results() if r.score is not None]
    if not results:
        return None
    results.sort(key=lambda r: (r.rank or 10**6, name_key(r.member_name)))
    rows = [[r.rank, r.member_name, r.status_label, r.party_group, _points(r.first), _points(r.second),
             _points(r.score), r.star_label or "—"] for r in results]
    lock = is_year_locked(report.ledger, report.period.school_year)
    state = f"已于{lock.approved_on:%Y年%m月%d日}经{lock.meeting}审定" if lock else "尚未审定，得分可能变化"
    note = f"{report.period.school_year}学年量化考核学年结果（{state}）"
    return SheetData(YEAR_SHEET, YEAR_COLUMNS, rows,
                     note=_with_rules(note, get_scheme(report.ledger, report.period.school_year)))


def _semester(report: Report, sheet: SemesterSheet) -> SheetData | None:
    scored = [row for row in sheet.rows if row.scored]
    if not scored:
        return None
    placed = ranks({row.member_id: row.result.total for row in scored})
    scored.sort(key=lambda row: (placed[row.member_id], name_key(row.member_name)))
    columns = [SheetColumn("名次", 5), "姓名", "政治面貌", "党小组",
               *(ind.name for ind in sheet.scheme.indicators), "加分", "减分", "学期得分", "学期星级"]
    rows = [[placed[row.member_id], row.member_name, row.status_label, row.party_group,
             *(_points(s.points) for s in row.scores), _points(row.result.bonus), _points(row.result.deduction),
             _points(row.result.total), row.star_label or "—"] for row in scored]
    lock = sheet.lock
    state = f"已于{lock.approved_on:%Y年%m月%d日}经{lock.meeting}审定" if lock else "尚未审定，得分可能变化"
    return SheetData(SEMESTER_SHEET, columns, rows,
                     note=_with_rules(f"{report.period.label}量化考核学期结果（{state}）", sheet.scheme))


def _with_rules(note: str, scheme: Scheme) -> str:
    """The sheet's note and, one a line, the choices that decide the stars."""
    return "\n".join([note, "计分规则：", *(f"{n}. {line}" for n, line in enumerate(scheme_rules(scheme), start=1))])


def _points(value: float | None) -> float | None:
    return None if value is None else round(value, 4)  # an exact (unrounded) score keeps its decimals
