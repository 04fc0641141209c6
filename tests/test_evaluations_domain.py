"""The 量化考核 rules with hand-checked numbers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.domain.evaluation import (
    NO_RECORDS_NOTE, Adjustment, Fulfilment, IndicatorScore, indicator_score, points, ranks,
    semester_score, star_counts, star_counts_text, star_level, year_score, check_entered,
)
from desktop_app.domain.scheme import (
    Combination, Indicator, Scheme, StarLevel, Thresholds, default_scheme, validate_scheme,
)

FULL = "full_member"
PROBATIONARY = "probationary"
ACTIVIST = "activist"


@pytest.fixture
def scheme() -> Scheme:
    return default_scheme("2025-2026")


def test_default_scheme_adds_up_to_100_and_follows_the_domain(scheme):
    assert sum(i.max_points for i in scheme.indicators) == 100
    assert [i.name for i in scheme.indicators] == [
        "思想政治", "师德师风", "教育教学", "听课", "示范课", "家校联系", "承诺践诺", "民主评议"]
    assert [i.name for i in scheme.entered_indicators] == ["思想政治", "师德师风", "教育教学", "民主评议"]
    assert validate_scheme(scheme) == []
    assert scheme.thresholds == Thresholds(90, 80, 70)


def test_scheme_round_trips_through_json(scheme):
    changed = replace(scheme, bonus_cap=6, thresholds=Thresholds(92, 85, 75), scored_only_statuses=(ACTIVIST,))
    assert Scheme.from_dict("2025-2026", changed.to_dict()) == changed


def test_scheme_validation_names_the_problem(scheme):
    broken = replace(scheme, indicators=scheme.indicators[:-1] + (Indicator("appraisal", "民主评议", 12),),
                     thresholds=Thresholds(80, 90, 70), bonus_cap=-1)
    texts = [str(p) for p in validate_scheme(broken)]
    assert "考核指标：各项满分合计应为 100 分，现为 102 分" in texts
    assert any(t.startswith("星级分数线") for t in texts)
    assert "加减分上限：不能为负数" in texts


def test_observation_quota_ratio_times_max(scheme):
    ind = scheme.indicator("observations")  # 10 points
    score = indicator_score(ind, None, Fulfilment(observations_done=18, observations_required=20))
    assert score.points == 9.0  # 18/20 × 10
    assert score.explanation == "听课 18/20 节 → 9/10"
    assert score.computed


def test_quota_is_capped_at_full_points_and_no_quota_gives_full_points(scheme):
    visits = scheme.indicator("visits")  # 15
    over = indicator_score(visits, None, Fulfilment(visits_done=50, visits_required=45))
    assert over.points == 15
    part = indicator_score(visits, None, Fulfilment(visits_done=40, visits_required=45))
    assert part.points == 13.33  # 40/45 × 15 = 13.333…
    assert part.explanation == "家访 40/45 次 → 13.33/15"
    none_required = indicator_score(scheme.indicator("observations"), None,
                                    Fulfilment(observations_done=2, observations_required=0))
    assert none_required.points == 10
    assert "无任务要求" in none_required.explanation


def test_demo_lessons_one_of_two(scheme):
    score = indicator_score(scheme.indicator("demo_lessons"), None, Fulfilment(demo_lessons_done=1, demo_lessons_required=2))
    assert (score.points, score.explanation) == (2.5, "示范课 1/2 节 → 2.5/5")


@pytest.mark.parametrize(("grade", "expected"), [("good", 10), ("fairly_good", 8.5), ("average", 6), ("poor", 0), ("较好", 8.5)])
def test_pledge_review_grade_maps_to_share_of_max(scheme, grade, expected):
    score = indicator_score(scheme.indicator("pledge"), None, Fulfilment(pledge_grade=grade))
    assert score.points == expected
    assert score.computed


def test_computed_indicator_without_records_falls_back_to_entered(scheme):
    ind = scheme.indicator("pledge")
    score = indicator_score(ind, 7, None)
    assert (score.points, score.computed) == (7, False)
    assert score.explanation == "承诺践诺" + NO_RECORDS_NOTE
    assert indicator_score(ind, 7, Fulfilment()).points == 7  # records exist but say nothing of pledges
    assert indicator_score(ind, None, None).points is None


def test_coverage_averages_the_quota_ratios():
    ind = Indicator("all", "任务完成", 20, "coverage")
    facts = Fulfilment(observations_done=5, observations_required=10, visits_done=30, visits_required=30)
    score = indicator_score(ind, None, facts)
    assert score.points == 15.0  # (0.5 + 1.0) / 2 × 20


def test_entered_value_must_be_within_max(scheme):
    assert check_entered(scheme.indicator("teaching"), 20) is None
    assert check_entered(scheme.indicator("teaching"), 20.5) == "“教育教学”应在 0 到 20 分之间，输入的是 20.5"
    assert check_entered(scheme.indicator("teaching"), -1) is not None


def _scores(*values):
    return [IndicatorScore(f"k{n}", v) for n, v in enumerate(values)]


def test_bonus_and_deduction_are_capped(scheme):
    # caps: 加分 10, 减分 20
    result = semester_score(scheme, _scores(40, 30, 15), [Adjustment(6, "市级公开课"), Adjustment(7, "优秀班主任")],
                            [Adjustment(3, "迟到")])
    assert (result.base, result.bonus, result.deduction, result.total) == (85, 10, 3, 92)
    heavy = semester_score(scheme, _scores(60, 20), [], [Adjustment(15, "a"), Adjustment(15, "b")])
    assert (heavy.deduction, heavy.total) == (20, 60)


def test_total_is_clamped_between_0_and_100(scheme):
    assert semester_score(scheme, _scores(98), [Adjustment(5, "x")]).total == 100
    assert semester_score(replace(scheme, deduction_cap=50), _scores(10), [], [Adjustment(30, "x")]).total == 0


def test_missing_entered_value_counts_zero_and_marks_incomplete(scheme):
    result = semester_score(scheme, _scores(40, None))
    assert (result.total, result.complete) == (40, False)


def test_year_combines_semesters(scheme):
    assert year_score(scheme, 88, 93) == 90.5
    assert year_score(scheme, 89.99, 90.01) == 90
    assert year_score(scheme, None, 84) == 84  # only the second semester
    assert year_score(scheme, 77.5, None) == 77.5  # only the first
    assert year_score(scheme, None, None) is None
    weighted = replace(scheme, combination=Combination.WEIGHTED.value, first_weight=0.4)
    assert year_score(weighted, 80, 90) == 86  # 0.4×80 + 0.6×90


@pytest.mark.parametrize(("score", "level"), [
    (100, StarLevel.FIVE), (90.01, StarLevel.FIVE), (90, StarLevel.FIVE), (89.99, StarLevel.FOUR),
    (80, StarLevel.FOUR), (79.99, StarLevel.THREE), (70, StarLevel.THREE), (69.99, None), (0, None),
])
def test_star_thresholds_at_their_edges(scheme, score, level):
    assert star_level(scheme, score, FULL) is level


def test_probationary_members_are_starred_activists_never(scheme):
    assert star_level(scheme, 95, PROBATIONARY) is StarLevel.FIVE
    assert star_level(replace(scheme, scored_only_statuses=(ACTIVIST,)), 95, ACTIVIST) is None
    assert star_level(scheme, None, FULL) is None


def test_float_sum_just_below_threshold_is_rounded_first(scheme):
    assert star_level(scheme, 89.99999999, FULL) is StarLevel.FIVE  # the sheet shows 90
    assert star_level(scheme, 89.994, FULL) is StarLevel.FOUR  # the sheet shows 89.99


def test_ties_share_a_rank_and_the_next_rank_skips():
    assert ranks({1: 95, 2: 88, 3: 95, 4: 70, 5: None}) == {1: 1, 2: 3, 3: 1, 4: 4, 5: None}


def test_points_round_half_up():
    assert points(13.335) == 13.34
    assert points(2 / 3 * 10) == 6.67


def test_counts_per_level_read_as_the_summary():
    counts = star_counts([StarLevel.FIVE, StarLevel.FIVE, StarLevel.FOUR, None])
    assert star_counts_text(counts) == "五星级 2 人，四星级 1 人，三星级 0 人"
