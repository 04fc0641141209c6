"""Each star explained: for every evaluated member, each indicator's records counted, owed and points,
the 加分/减分 with reasons, both semesters' totals, the year's, and the threshold met.

The 考核 tab shows it, the print and the workbook export write it; all read `star_breakdowns`.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.calendar import SEMESTER_LABELS, parse_school_year
from desktop_app.domain.evaluation import Adjustment, Fulfilment, IndicatorScore, fmt, score_text
from desktop_app.domain.scheme import GRADE_LABELS, Indicator, IndicatorSource, Scheme, StarLevel
from desktop_app.domain.scheme_rules import scheme_rules
from desktop_app.domain.star_explain import semester_working, threshold_text, year_working
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.evaluations.queries import SemesterSheet, SheetRow, semester_sheet, year_results
from desktop_app.services.evaluations.sources import FactsCache, semester_facts
from desktop_app.store.ledger import Ledger

# source → (unit, done attribute, required attribute) of the Fulfilment facts
COUNTED = {
    IndicatorSource.OBSERVATION_QUOTA.value: ("节", "observations_done", "observations_required"),
    IndicatorSource.DEMO_LESSONS.value: ("节", "demo_lessons_done", "demo_lessons_required"),
    IndicatorSource.VISIT_QUOTA.value: ("次", "visits_done", "visits_required"),
}


@dataclass(frozen=True)
class IndicatorLine:
    name: str
    max_points: float
    counted: str  # the records counted, e.g. "8 次"; the pledge grade; "手工录入"
    owed: str  # e.g. "10 次", "无任务要求"
    points: str  # e.g. "12", "不计", "未录入"
    note: str  # how the points follow


@dataclass(frozen=True)
class SemesterBreakdown:
    label: str  # 第一学期
    scored: bool
    lines: tuple[IndicatorLine, ...]
    bonuses: tuple[Adjustment, ...]
    deductions: tuple[Adjustment, ...]
    total: float | None
    working: str  # how the total is reached
    star: str  # the semester's star label, or ""
    threshold: str


@dataclass(frozen=True)
class StarBreakdown:
    member_id: int
    name: str
    status_label: str
    party_group: str
    semesters: tuple[SemesterBreakdown, ...]
    year_score: float | None
    year_working: str
    star: str  # the year's star label, or ""
    threshold: str
    rank: int | None


def _counted(ind: Indicator, score: IndicatorScore, facts: Fulfilment | None) -> tuple[str, str]:
    if not ind.computed or not score.computed:
        return ("手工录入", "—") if not ind.computed else ("无记录，手工录入", "—")
    if ind.source in COUNTED and facts is not None:
        unit, done, required = COUNTED[ind.source]
        done_value, required_value = getattr(facts, done), getattr(facts, required)
        if done_value is not None and required_value is not None:
            owed = f"{fmt(required_value)} {unit}" if required_value > 0 else "无任务要求"
            return f"{fmt(done_value)} {unit}", owed
    if ind.source == IndicatorSource.PLEDGE_REVIEW.value and facts is not None and facts.pledge_grade:
        return f"评议“{GRADE_LABELS.get(facts.pledge_grade, facts.pledge_grade)}”", "—"
    return "见说明", "—"


def _points_text(score: IndicatorScore) -> str:
    if not score.applicable:
        return "不计"
    return "未录入" if score.points is None else fmt(score.points)


def _semester(scheme: Scheme, sheet: SemesterSheet, row: SheetRow | None, facts: dict[int, Fulfilment]) -> SemesterBreakdown:
    label = SEMESTER_LABELS[sheet.semester]
    if row is None or not row.scored:
        return SemesterBreakdown(label, False, (), (), (), None, f"{label}没有得分", "", "")
    member_facts = None if sheet.lock else facts.get(row.member_id)
    lines = []
    for ind, score in zip(scheme.indicators, row.scores, strict=True):
        counted, owed = _counted(ind, score, member_facts)
        lines.append(IndicatorLine(ind.name, ind.max_points, counted, owed, _points_text(score), score.explanation))
    starred = row.political_status in scheme.starred_statuses
    return SemesterBreakdown(
        label, True, tuple(lines), row.bonuses, row.deductions, row.result.total,
        semester_working(scheme, row.result), row.star_label,
        threshold_text(scheme, row.result.total, row.star_level, starred),
    )


def star_breakdowns(ledger: Ledger, school_year: str, cache: FactsCache | None = None) -> list[StarBreakdown]:
    """Every evaluated member of the year, in the order of the year's results (best first)."""
    year = parse_school_year(school_year)
    sheets = [semester_sheet(ledger, year, n, cache) for n in (1, 2)]
    scheme = sheets[0].scheme
    facts = [cache.get(ledger, year, n) if cache else semester_facts(ledger, year, n) for n in (1, 2)]
    by_member = [{row.member_id: row for row in sheet.rows} for sheet in sheets]
    found = []
    for result in year_results(ledger, year, cache):
        semesters = tuple(_semester(scheme, sheet, rows.get(result.member_id), member_facts)
                          for sheet, rows, member_facts in zip(sheets, by_member, facts, strict=True))
        level = StarLevel(result.star_level) if result.star_level else None
        starred = result.political_status in scheme.starred_statuses
        found.append(StarBreakdown(
            result.member_id, result.member_name, result.status_label, result.party_group, semesters,
            result.score, year_working(scheme, result.first, result.second, result.score), result.star_label,
            threshold_text(scheme, result.score, level, starred), result.rank,
        ))
    return found


def breakdown_rules(ledger: Ledger, school_year: str) -> list[str]:
    return scheme_rules(get_scheme(ledger, parse_school_year(school_year)))


DETAIL_HEADERS = ("学期", "项目", "记录数", "应完成", "得分", "满分", "说明")


def _adjustment_rows(label: str, kind: str, items: tuple[Adjustment, ...], counted: float, cap_note: str) -> list[list]:
    if not items:
        return []
    reasons = "；".join(f"{a.reason} {fmt(a.points)}分" for a in items)
    return [[label, kind, "", "", fmt(counted), "", f"{reasons}{cap_note}"]]


def detail_rows(breakdown: StarBreakdown) -> list[list[str]]:
    """The breakdown as table rows (学期, 项目, 记录数, 应完成, 得分, 满分, 说明), shared by print and export."""
    rows: list[list[str]] = []
    for semester in breakdown.semesters:
        if not semester.scored:
            rows.append([semester.label, "学期得分", "", "", "—", "", semester.working])
            continue
        rows += [[semester.label, line.name, line.counted, line.owed, line.points, fmt(line.max_points), line.note]
                 for line in semester.lines]
        bonus = sum(a.points for a in semester.bonuses)
        deduction = sum(a.points for a in semester.deductions)
        rows += _adjustment_rows(semester.label, "加分", semester.bonuses, bonus, "")
        rows += _adjustment_rows(semester.label, "减分", semester.deductions, deduction, "")
        rows.append([semester.label, "学期得分", "", "", score_text(semester.total), "100",
                     f"{semester.working}；{semester.threshold}"])
    rows.append(["学年", "学年得分", "", "", score_text(breakdown.year_score) or "—", "100",
                 f"{breakdown.year_working}；{breakdown.threshold}"])
    return rows
