"""#21 item 5: every choice that decides a star is stated, editable and applied (hand-worked figures)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.domain.evaluation import (
    Adjustment, Fulfilment, IndicatorScore, indicator_score, semester_score, star_level, year_score,
)
from desktop_app.domain.scheme import Scheme, default_scheme, validate_scheme
from desktop_app.domain.scheme_rules import scheme_rules
from desktop_app.domain.star_explain import semester_working, threshold_text, year_working

YEAR = "2025-2026"
DEFAULT = default_scheme(YEAR)
EXACT = replace(DEFAULT, rounding="exact")
FULL = "full_member"


def test_89_995_is_five_stars_when_rounded_and_four_when_exact():
    # (89.99 + 90.00) ÷ 2 = 89.995
    assert year_score(DEFAULT, 89.99, 90.0) == 90.0
    assert star_level(DEFAULT, year_score(DEFAULT, 89.99, 90.0), FULL).label == "五星级"
    assert year_score(EXACT, 89.99, 90.0) == pytest.approx(89.995)
    assert star_level(EXACT, year_score(EXACT, 89.99, 90.0), FULL).label == "四星级"
    assert year_working(DEFAULT, 89.99, 90.0, 90.0) == "学年得分 （89.99 + 90）÷ 2 = 89.995，四舍五入保留两位小数为 90"
    assert year_working(EXACT, 89.99, 90.0, 89.995) == "学年得分 （89.99 + 90）÷ 2 = 89.995"
    assert threshold_text(EXACT, 89.995, star_level(EXACT, 89.995, FULL)) == \
        "89.995 分，达到四星级分数线 80（距五星级 90 差 0.005）"


def _entered(total: float) -> list[IndicatorScore]:
    return [IndicatorScore("politics", total)] + [IndicatorScore(i.key, 0.0) for i in DEFAULT.indicators[1:]]


def test_clamping_95_plus_10_minus_4():
    bonus, deduction = [Adjustment(10, "市级优秀教师")], [Adjustment(4, "迟交材料")]
    assert semester_score(DEFAULT, _entered(95), bonus, deduction).total == 100  # 105 − 4 = 101 → 100
    first = replace(DEFAULT, clamping="bonus_first")
    got = semester_score(first, _entered(95), bonus, deduction)
    assert got.total == 96  # min(100, 105) − 4
    assert semester_working(first, got) == ("各项指标合计 95 + 加分 10 − 减分 4（加分后先以 100 分封顶：100 − 4）"
                                            " → 学期得分 96")


def _teacher(no_quota: str) -> list[IndicatorScore]:
    """A 任课教师 (no 听课 quota): entered 15/15/18/9, 示范课 1/1, 家访 8/10, pledge 好."""
    facts = Fulfilment(observations_done=2, observations_required=0, demo_lessons_done=1, demo_lessons_required=1,
                       visits_done=8, visits_required=10, pledge_grade="good")
    entered = {"politics": 15, "ethics": 15, "teaching": 18, "appraisal": 9}
    return [indicator_score(ind, entered.get(ind.key), facts, no_quota) for ind in DEFAULT.indicators]


def test_a_post_with_no_quota_gets_full_marks_or_is_left_out_and_rescaled():
    full = semester_score(DEFAULT, _teacher("full"))
    assert full.total == 94  # 15+15+18 + 听课 10 (full) + 5 + 12 + 10 + 9
    rescale = replace(DEFAULT, no_quota="rescale")
    scores = _teacher("rescale")
    observations = scores[3]
    assert (observations.points, observations.applicable) == (None, False)
    got = semester_score(rescale, scores)
    assert (got.counted_points, got.out_of, got.total, got.complete) == (84, 90, 93.33, True)  # 84 × 100/90
    assert semester_working(rescale, got).startswith("计入指标得分 84（满分 90），折算为百分制 93.33")


def test_one_semester_alone_stands_counts_as_half_or_is_not_rated():
    assert year_score(DEFAULT, None, 88) == 88
    assert year_score(replace(DEFAULT, single_semester="zero"), None, 88) == 44
    assert year_score(replace(DEFAULT, single_semester="not_rated"), None, 88) is None
    weighted = replace(DEFAULT, combination="weighted", first_weight=0.4)
    assert year_score(weighted, 80, 90) == 86  # 32 + 54


def test_the_rules_are_stated_and_round_trip():
    lines = scheme_rules(DEFAULT)
    assert lines[1] == "无任务要求的计数指标（岗位不要求听课、家访或示范课的）：该项记满分"
    assert lines[2] == "加分最多 10 分，减分最多 20 分；基础分加上加分、减去减分后，再限定在 0–100 分之间"
    assert lines[3] == "学年得分 = 两学期得分的平均；只有一个学期得分的：以该学期得分作为学年得分"
    assert lines[4] == "学期、学年得分四舍五入保留两位小数后对照星级分数线"
    changed = replace(DEFAULT, no_quota="rescale", rounding="exact", clamping="bonus_first", single_semester="zero")
    assert Scheme.from_dict(YEAR, changed.to_dict()) == changed
    assert [str(p) for p in validate_scheme(replace(DEFAULT, rounding="ceil"))] == ["分数取舍：“ceil”无法识别"]
