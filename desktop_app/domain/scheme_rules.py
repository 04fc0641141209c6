"""The scheme's counting rules in words: the 考核 tab, `evaluate`, the workbook and the 公示 print these."""

from __future__ import annotations

from desktop_app.domain.evaluation import fmt
from desktop_app.domain.scheme import Combination, Scheme
from desktop_app.domain.scheme_choices import Clamping, NoQuotaRule, Rounding, SingleSemester
from desktop_app.domain.vocab import PoliticalStatus


def combination_text(scheme: Scheme) -> str:
    if scheme.combination == Combination.WEIGHTED.value:
        first = scheme.first_weight * 100
        return f"学年得分 = 第一学期 × {first:g}% + 第二学期 × {100 - first:g}%"
    return "学年得分 = 两学期得分的平均"


def scheme_rules(scheme: Scheme) -> list[str]:
    """One line per choice that decides a star."""
    t = scheme.thresholds
    starred = "、".join(PoliticalStatus.label_of(s) for s in scheme.starred_statuses) or "无"
    return [
        "指标满分：" + "、".join(f"{i.name}{fmt(i.max_points)}" for i in scheme.indicators) + "（合计 100 分）",
        f"无任务要求的计数指标（岗位不要求听课、家访或示范课的）：{NoQuotaRule.label_of(scheme.no_quota)}",
        f"加分最多 {fmt(scheme.bonus_cap)} 分，减分最多 {fmt(scheme.deduction_cap)} 分；"
        f"{Clamping.label_of(scheme.clamping)}",
        f"{combination_text(scheme)}；只有一个学期得分的：{SingleSemester.label_of(scheme.single_semester)}",
        f"{Rounding.label_of(scheme.rounding)}",
        f"星级分数线：五星级 ≥ {fmt(t.five)}，四星级 ≥ {fmt(t.four)}，三星级 ≥ {fmt(t.three)}；评定星级的：{starred}",
    ]


def scheme_rules_text(scheme: Scheme) -> str:
    return "；".join(line.rstrip("。") for line in scheme_rules(scheme)) + "。"
