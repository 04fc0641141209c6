"""The branch's own 五个好 self-assessment: five criteria, 20 points each, 百分制 like the members'."""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.vocab import LabelledEnum

CRITERION_MAX = 20.0


class BranchCriterion(LabelledEnum):
    LEADERSHIP = ("leadership", "领导班子好")
    CADRES = ("cadres", "干部队伍好")
    MECHANISM = ("mechanism", "工作机制好")
    PERFORMANCE = ("performance", "工作业绩好")
    REPUTATION = ("reputation", "群众反映好")


def check_criterion_score(criterion: BranchCriterion, score: float | None) -> str | None:
    if score is not None and not 0 <= score <= CRITERION_MAX:
        return f"“{criterion.label}”应在 0 到 {CRITERION_MAX:g} 分之间，输入的是 {score:g}"
    return None


def branch_total(scores: Mapping[str, float | None]) -> float | None:
    """Sum of the five criteria; None until every one is scored."""
    values = [scores.get(c.value) for c in BranchCriterion]
    if any(v is None for v in values):
        return None
    return round(sum(values), 2)
