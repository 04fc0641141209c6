"""Scoring a 量化考核: indicator points, capped 加分/减分, semester total, year result, star, rank.

Pure functions over plain numbers. Indicator points are rounded to two decimals. The scheme
states the choices that decide stars (scheme_choices.py): whether totals are rounded to two
decimals before the thresholds (so 90 compares against the figure printed on the sheet, and
89.995 is 90.00) or compared exactly; what an indicator owed by nobody in the member's posts
gives; whether 加分 is capped at 100 before or after 减分; what one semester alone means.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop_app.domain.scheme import (
    GRADE_LABELS, TOTAL_POINTS, Combination, Indicator, IndicatorSource, Scheme, StarLevel, Thresholds,
)
from desktop_app.domain.scheme_choices import Clamping, NoQuotaRule, Rounding, SingleSemester

NO_RECORDS_NOTE = "（暂无记录，手工录入）"


def points(value: float) -> float:
    """Round to two decimals, half away from zero (13.335 → 13.34 as a person would)."""
    scaled = abs(value) * 100 + 1e-9
    rounded = int(scaled + 0.5) / 100
    return rounded if value >= 0 else -rounded


def fmt(value: float | None) -> str:
    return "" if value is None else f"{points(value):g}"


def rounded(scheme: Scheme, value: float) -> float:
    """A semester or year score as the scheme compares it with the thresholds."""
    return value if scheme.rounding == Rounding.EXACT.value else points(value)


def score_text(value: float | None) -> str:
    """A score as shown: two decimals, or every decimal an exact (unrounded) score carries."""
    return "" if value is None else f"{round(value, 4):g}"


@dataclass(frozen=True)
class Fulfilment:
    """What the records say for one member in one semester (None: that count is not available)."""

    observations_done: float | None = None
    observations_required: float | None = None
    demo_lessons_done: float | None = None
    demo_lessons_required: float | None = None
    visits_done: float | None = None
    visits_required: float | None = None
    pledge_grade: str | None = None
    meetings_attended: float | None = None  # 组织生活: attended, under the school's 请假 rule
    meetings_expected: float | None = None
    meetings_note: str = ""  # how 请假 was counted, e.g. "请假 1 次不计入应到"


@dataclass(frozen=True)
class IndicatorScore:
    key: str
    points: float | None  # None: not entered yet (or not applicable)
    explanation: str = ""
    computed: bool = False
    applicable: bool = True  # False: owed by none of the member's posts and left out (NoQuotaRule.RESCALE)


@dataclass(frozen=True)
class Adjustment:
    """One 加分 or 减分 item: positive points and the reason."""

    points: float
    reason: str


def _quota_score(ind: Indicator, label: str, unit: str, done: float | None, required: float | None,
                 no_quota: str = NoQuotaRule.FULL.value):
    if done is None or required is None:
        return None
    if required <= 0 and no_quota == NoQuotaRule.RESCALE.value:
        return IndicatorScore(ind.key, None, f"{label} 无任务要求 → 此项不计，按其余指标折算", True, False)
    if required <= 0:
        return IndicatorScore(ind.key, ind.max_points, f"{label} 无任务要求（已完成 {fmt(done)} {unit}）→ {fmt(ind.max_points)}/{fmt(ind.max_points)}", True)
    ratio = min(done / required, 1.0)
    got = points(ratio * ind.max_points)
    return IndicatorScore(ind.key, got, f"{label} {fmt(done)}/{fmt(required)} {unit} → {fmt(got)}/{fmt(ind.max_points)}", True)


def _ratio(done: float | None, required: float | None, no_quota: str) -> float | None:
    if done is None or required is None:
        return None
    if required <= 0:
        return None if no_quota == NoQuotaRule.RESCALE.value else 1.0
    return min(done / required, 1.0)


def computed_score(ind: Indicator, facts: Fulfilment, no_quota: str = NoQuotaRule.FULL.value) -> IndicatorScore | None:
    """The points the records give, or None when the records for this source are missing."""
    source = IndicatorSource(ind.source)
    if source is IndicatorSource.OBSERVATION_QUOTA:
        return _quota_score(ind, "听课", "节", facts.observations_done, facts.observations_required, no_quota)
    if source is IndicatorSource.DEMO_LESSONS:
        return _quota_score(ind, "示范课", "节", facts.demo_lessons_done, facts.demo_lessons_required, no_quota)
    if source is IndicatorSource.VISIT_QUOTA:
        return _quota_score(ind, "家访", "次", facts.visits_done, facts.visits_required, no_quota)
    if source is IndicatorSource.PLEDGE_REVIEW:
        share = ind.share_of_grade(facts.pledge_grade)
        if share is None:
            return None
        got = points(share * ind.max_points)
        grade = GRADE_LABELS.get(facts.pledge_grade or "", facts.pledge_grade)
        return IndicatorScore(ind.key, got, f"践诺评议“{grade}” → {fmt(got)}/{fmt(ind.max_points)}", True)
    if source is IndicatorSource.MEETING_ATTENDANCE:
        if not facts.meetings_expected:  # no meeting expected the member: nothing to count
            return None
        ratio = min(facts.meetings_attended / facts.meetings_expected, 1.0)
        got = points(ratio * ind.max_points)
        note = f"（{facts.meetings_note}）" if facts.meetings_note else ""
        return IndicatorScore(ind.key, got, f"组织生活出席 {fmt(facts.meetings_attended)}/{fmt(facts.meetings_expected)} "
                              f"次{note} → {fmt(got)}/{fmt(ind.max_points)}", True)
    if source is IndicatorSource.COVERAGE:
        pairs = ((facts.observations_done, facts.observations_required),
                 (facts.demo_lessons_done, facts.demo_lessons_required), (facts.visits_done, facts.visits_required))
        ratios = [r for r in (_ratio(done, required, no_quota) for done, required in pairs) if r is not None]
        if not ratios:
            if any(done is not None and required is not None for done, required in pairs):  # nothing owed
                return IndicatorScore(ind.key, None, "无任何任务要求 → 此项不计，按其余指标折算", True, False)
            return None
        share = sum(ratios) / len(ratios)
        got = points(share * ind.max_points)
        return IndicatorScore(ind.key, got, f"各项任务平均完成 {share * 100:.0f}% → {fmt(got)}/{fmt(ind.max_points)}", True)
    return None


def indicator_score(ind: Indicator, entered: float | None, facts: Fulfilment | None,
                    no_quota: str = NoQuotaRule.FULL.value) -> IndicatorScore:
    """A computed indicator from the records; otherwise (or without records) the entered value."""
    if ind.computed:
        found = computed_score(ind, facts, no_quota) if facts is not None else None
        if found is not None:
            return found
        value = None if entered is None else points(entered)
        return IndicatorScore(ind.key, value, f"{ind.name}{NO_RECORDS_NOTE}", False)
    return IndicatorScore(ind.key, None if entered is None else points(entered), "", False)


def check_entered(ind: Indicator, value: float) -> str | None:
    """None when `value` may be entered for the indicator, else the reason in Chinese."""
    if not math.isfinite(value):  # NaN would pass both comparisons below
        return f"“{ind.name}”应填数字，输入的是“{value}”"
    if value < 0 or value > ind.max_points:
        return f"“{ind.name}”应在 0 到 {fmt(ind.max_points)} 分之间，输入的是 {fmt(value)}"
    return None


@dataclass(frozen=True)
class SemesterScore:
    indicators: tuple[IndicatorScore, ...]
    base: float  # sum of indicator points (rescaled to 100 when some are left out)
    bonus: float  # after the cap
    deduction: float  # after the cap
    total: float  # clamped 0–100 in the scheme's order
    complete: bool  # every applicable indicator has points
    counted_points: float = 0.0  # the applicable indicators' points before any rescaling
    out_of: float = TOTAL_POINTS  # the applicable indicators' full marks

    def points_of(self, key: str) -> float | None:
        for s in self.indicators:
            if s.key == key:
                return s.points
        return None


def semester_score(
    scheme: Scheme, scores: Sequence[IndicatorScore],
    bonuses: Iterable[Adjustment] = (), deductions: Iterable[Adjustment] = (),
) -> SemesterScore:
    counted = [s for s in scores if s.applicable]
    counted_points = points(sum(s.points or 0.0 for s in counted))
    maxima = {ind.key: ind.max_points for ind in scheme.indicators}
    out_of = sum(maxima.get(s.key, 0.0) for s in counted) if len(counted) < len(scores) else TOTAL_POINTS
    base = rounded(scheme, counted_points * TOTAL_POINTS / out_of) if out_of and out_of != TOTAL_POINTS \
        else counted_points
    bonus = points(min(sum(a.points for a in bonuses), scheme.bonus_cap))
    deduction = points(min(sum(a.points for a in deductions), scheme.deduction_cap))
    if scheme.clamping == Clamping.BONUS_FIRST.value:
        total = max(0.0, min(TOTAL_POINTS, base + bonus) - deduction)
    else:
        total = max(0.0, min(TOTAL_POINTS, base + bonus - deduction))
    complete = all(s.points is not None for s in counted)
    return SemesterScore(tuple(scores), base, bonus, deduction, rounded(scheme, total), complete,
                         counted_points, out_of or TOTAL_POINTS)


def year_score(scheme: Scheme, first: float | None, second: float | None) -> float | None:
    """The school-year result: the two semesters combined as the scheme says, one semester alone too."""
    if first is None and second is None:
        return None
    if first is None or second is None:
        if scheme.single_semester == SingleSemester.NOT_RATED.value:
            return None
        if scheme.single_semester == SingleSemester.STANDS.value:
            return rounded(scheme, first if second is None else second)
        first, second = first or 0.0, second or 0.0
    if scheme.combination == Combination.WEIGHTED.value:
        return rounded(scheme, first * scheme.first_weight + second * (1 - scheme.first_weight))
    return rounded(scheme, (first + second) / 2)


def star_level(scheme: Scheme, score: float | None, political_status: str) -> StarLevel | None:
    """五星级 / 四星级 / 三星级 for a starred status at or above the threshold; else None."""
    if score is None or political_status not in scheme.starred_statuses:
        return None
    return level_for(scheme.thresholds, score, exact=scheme.rounding == Rounding.EXACT.value)


def level_for(t: Thresholds, score: float, *, exact: bool = False) -> StarLevel | None:
    """The level a score reaches under the thresholds (also used for the branch's 五个好 total);
    rounded to two decimals first unless `exact`."""
    score = score if exact else points(score)
    if score >= t.five:
        return StarLevel.FIVE
    if score >= t.four:
        return StarLevel.FOUR
    if score >= t.three:
        return StarLevel.THREE
    return None


def ranks(scores: Mapping[int, float | None]) -> dict[int, int | None]:
    """Competition ranking, highest first: equal scores share a rank, the next rank skips (1, 1, 3)."""
    ordered = sorted((s for s in scores.values() if s is not None), reverse=True)
    first_place = {}
    for n, score in enumerate(ordered, start=1):
        first_place.setdefault(points(score), n)
    return {key: None if s is None else first_place[points(s)] for key, s in scores.items()}


def star_counts(levels: Iterable[StarLevel | None]) -> dict[StarLevel, int]:
    counts = {level: 0 for level in StarLevel}
    for level in levels:
        if level is not None:
            counts[level] += 1
    return counts


def star_counts_text(counts: Mapping[StarLevel, int]) -> str:
    return "，".join(f"{level.label} {counts.get(level, 0)} 人" for level in StarLevel)
