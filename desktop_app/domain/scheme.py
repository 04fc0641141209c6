"""The 量化考核 scheme: indicators, caps, how semesters combine, star thresholds, who is evaluated.

A scheme is plain data (saved as JSON per school year). `default_scheme` is described in
docs/domain.md; each school may change it until the year is approved (locked).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from desktop_app.domain.pledges import ReviewGrade
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.scheme_choices import Clamping, NoQuotaRule, Rounding, SingleSemester
from desktop_app.domain.vocab import LabelledEnum, PoliticalStatus

TOTAL_POINTS = 100.0


class IndicatorSource(LabelledEnum):
    ENTERED = ("entered", "手工录入")
    PLEDGE_REVIEW = ("pledge_review", "承诺践诺评议")
    OBSERVATION_QUOTA = ("observation_quota", "听课任务")
    DEMO_LESSONS = ("demo_lessons", "示范课")
    VISIT_QUOTA = ("visit_quota", "家访任务")
    COVERAGE = ("coverage", "综合完成率")
    MEETING_ATTENDANCE = ("meeting_attendance", "组织生活出席")

    @property
    def computed(self) -> bool:
        return self is not IndicatorSource.ENTERED


class Combination(LabelledEnum):
    AVERAGE = ("average", "两学期平均")
    WEIGHTED = ("weighted", "按权重合成")


class StarLevel(LabelledEnum):
    FIVE = ("five", "五星级")
    FOUR = ("four", "四星级")
    THREE = ("three", "三星级")

    @property
    def stars(self) -> int:
        """How many stars the level shows (plaques draw them)."""
        return {StarLevel.FIVE: 5, StarLevel.FOUR: 4, StarLevel.THREE: 3}[self]


# Share of the pledge indicator's points each review grade (ReviewGrade code) earns by default.
DEFAULT_GRADE_SHARES = {ReviewGrade.GOOD.value: 1.0, ReviewGrade.FAIRLY_GOOD.value: 0.85,
                        ReviewGrade.AVERAGE.value: 0.6, ReviewGrade.POOR.value: 0.0}
GRADE_LABELS = {grade.value: grade.label for grade in ReviewGrade}


@dataclass(frozen=True)
class Indicator:
    key: str  # stable code used in stored scores and imports
    name: str  # the column header, e.g. 思想政治
    max_points: float
    source: str = IndicatorSource.ENTERED.value
    grade_shares: dict[str, float] = field(default_factory=dict)  # pledge_review only

    @property
    def computed(self) -> bool:
        return IndicatorSource(self.source).computed

    def share_of_grade(self, grade: str | None) -> float | None:
        shares = self.grade_shares or DEFAULT_GRADE_SHARES
        if grade is None:
            return None
        if grade in shares:
            return shares[grade]
        for code, label in GRADE_LABELS.items():  # a label stored instead of a code
            if grade == label and code in shares:
                return shares[code]
        return None


@dataclass(frozen=True)
class Thresholds:
    five: float = 90.0
    four: float = 80.0
    three: float = 70.0


@dataclass(frozen=True)
class Scheme:
    school_year: str
    indicators: tuple[Indicator, ...]
    bonus_cap: float = 10.0
    deduction_cap: float = 20.0
    combination: str = Combination.AVERAGE.value
    first_weight: float = 0.5  # only for Combination.WEIGHTED; the second gets 1 - first_weight
    thresholds: Thresholds = Thresholds()
    starred_statuses: tuple[str, ...] = (PoliticalStatus.FULL_MEMBER.value, PoliticalStatus.PROBATIONARY.value)
    scored_only_statuses: tuple[str, ...] = ()  # e.g. 入党积极分子: scored, never starred
    no_quota: str = NoQuotaRule.FULL.value
    rounding: str = Rounding.TWO_DECIMALS.value
    clamping: str = Clamping.AFTER_ALL.value
    single_semester: str = SingleSemester.STANDS.value

    def indicator(self, key: str) -> Indicator:
        for ind in self.indicators:
            if ind.key == key:
                return ind
        raise KeyError(key)

    @property
    def entered_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if not i.computed)

    @property
    def evaluated_statuses(self) -> tuple[str, ...]:
        return self.starred_statuses + tuple(s for s in self.scored_only_statuses if s not in self.starred_statuses)

    def for_year(self, school_year: str) -> Scheme:
        return replace(self, school_year=school_year)

    # --- JSON --------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "indicators": [
                {"key": i.key, "name": i.name, "max_points": i.max_points, "source": i.source,
                 "grade_shares": dict(i.grade_shares)}
                for i in self.indicators
            ],
            "bonus_cap": self.bonus_cap,
            "deduction_cap": self.deduction_cap,
            "combination": self.combination,
            "first_weight": self.first_weight,
            "thresholds": {"five": self.thresholds.five, "four": self.thresholds.four, "three": self.thresholds.three},
            "starred_statuses": list(self.starred_statuses),
            "scored_only_statuses": list(self.scored_only_statuses),
            "no_quota": self.no_quota,
            "rounding": self.rounding,
            "clamping": self.clamping,
            "single_semester": self.single_semester,
        }

    @classmethod
    def from_dict(cls, school_year: str, data: dict) -> Scheme:
        base = default_scheme(school_year)
        indicators = tuple(
            Indicator(str(i["key"]), str(i["name"]), float(i["max_points"]), str(i.get("source", "entered")),
                      {str(k): float(v) for k, v in (i.get("grade_shares") or {}).items()})
            for i in data.get("indicators", [])
        ) or base.indicators
        t = data.get("thresholds") or {}
        return cls(
            school_year=school_year,
            indicators=indicators,
            bonus_cap=float(data.get("bonus_cap", base.bonus_cap)),
            deduction_cap=float(data.get("deduction_cap", base.deduction_cap)),
            combination=str(data.get("combination", base.combination)),
            first_weight=float(data.get("first_weight", base.first_weight)),
            thresholds=Thresholds(float(t.get("five", 90)), float(t.get("four", 80)), float(t.get("three", 70))),
            starred_statuses=tuple(data.get("starred_statuses", base.starred_statuses)),
            scored_only_statuses=tuple(data.get("scored_only_statuses", base.scored_only_statuses)),
            no_quota=str(data.get("no_quota", base.no_quota)),
            rounding=str(data.get("rounding", base.rounding)),
            clamping=str(data.get("clamping", base.clamping)),
            single_semester=str(data.get("single_semester", base.single_semester)),
        )


def default_scheme(school_year: str) -> Scheme:
    """The shipped scheme: entered 思想政治/师德师风/教育教学/民主评议, the rest counted."""
    return Scheme(
        school_year=school_year,
        indicators=(
            Indicator("politics", "思想政治", 15),
            Indicator("ethics", "师德师风", 15),
            Indicator("teaching", "教育教学", 20),
            Indicator("observations", "听课", 10, IndicatorSource.OBSERVATION_QUOTA.value),
            Indicator("demo_lessons", "示范课", 5, IndicatorSource.DEMO_LESSONS.value),
            Indicator("visits", "家校联系", 15, IndicatorSource.VISIT_QUOTA.value),
            Indicator("pledge", "承诺践诺", 10, IndicatorSource.PLEDGE_REVIEW.value, dict(DEFAULT_GRADE_SHARES)),
            Indicator("appraisal", "民主评议", 10),
        ),
    )


def validate_scheme(scheme: Scheme) -> list[FieldProblem]:
    """Problems that make a scheme unusable; an empty list when it may be saved."""
    problems: list[FieldProblem] = []
    if not scheme.indicators:
        problems.append(FieldProblem("考核指标", "至少要有一项"))
    keys, names = set(), set()
    for n, ind in enumerate(scheme.indicators, start=1):
        where = f"第{n}项指标"
        if not ind.name.strip():
            problems.append(FieldProblem(where, "名称必须填写"))
        if ind.name in names:
            problems.append(FieldProblem(where, f"名称“{ind.name}”重复"))
        if ind.key in keys:
            problems.append(FieldProblem(where, f"代码“{ind.key}”重复"))
        names.add(ind.name)
        keys.add(ind.key)
        if not math.isfinite(ind.max_points) or ind.max_points <= 0:
            problems.append(FieldProblem(where, "满分必须大于 0"))
        try:
            IndicatorSource(ind.source)
        except ValueError:
            problems.append(FieldProblem(where, f"来源“{ind.source}”无法识别"))
        for grade, share in ind.grade_shares.items():
            if not 0 <= share <= 1:
                problems.append(FieldProblem(where, f"评议等次“{GRADE_LABELS.get(grade, grade)}”的得分比例应在 0 到 100% 之间"))
    total = round(sum(i.max_points for i in scheme.indicators), 2)
    if scheme.indicators and total != TOTAL_POINTS:
        problems.append(FieldProblem("考核指标", f"各项满分合计应为 100 分，现为 {total:g} 分"))
    if not all(math.isfinite(cap) and cap >= 0 for cap in (scheme.bonus_cap, scheme.deduction_cap)):
        problems.append(FieldProblem("加减分上限", "不能为负数"))
    t = scheme.thresholds
    if not (0 <= t.three <= t.four <= t.five <= TOTAL_POINTS):
        problems.append(FieldProblem("星级分数线", "应满足 0 ≤ 三星级 ≤ 四星级 ≤ 五星级 ≤ 100"))
    if not 0 <= scheme.first_weight <= 1:
        problems.append(FieldProblem("学期权重", "第一学期权重应在 0 到 1 之间"))
    try:
        Combination(scheme.combination)
    except ValueError:
        problems.append(FieldProblem("学年合成方式", f"“{scheme.combination}”无法识别"))
    for label, enum, value in (("无任务要求的指标", NoQuotaRule, scheme.no_quota), ("分数取舍", Rounding, scheme.rounding),
                               ("加减分顺序", Clamping, scheme.clamping),
                               ("只有一个学期得分", SingleSemester, scheme.single_semester)):
        if value not in enum._value2member_map_:
            problems.append(FieldProblem(label, f"“{value}”无法识别"))
    if not scheme.starred_statuses and not scheme.scored_only_statuses:
        problems.append(FieldProblem("考核对象", "至少选择一种政治面貌"))
    return problems
