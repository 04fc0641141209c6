"""Why a member has the star they have, in words a colleague can check with a pencil.

Pure functions over the scheme and the scores: how the semester total is reached, how the
year combines the semesters, and which threshold the score meets.
"""

from __future__ import annotations

from desktop_app.domain.evaluation import SemesterScore, fmt, points, score_text
from desktop_app.domain.scheme import TOTAL_POINTS, Combination, Scheme, StarLevel
from desktop_app.domain.scheme_choices import Clamping, Rounding, SingleSemester


def semester_working(scheme: Scheme, result: SemesterScore) -> str:
    """基础分 72（满分 85，折算 84.71）+ 加分 3 − 减分 1 = 86.71"""
    if result.out_of != TOTAL_POINTS:
        base = (f"计入指标得分 {fmt(result.counted_points)}（满分 {fmt(result.out_of)}），"
                f"折算为百分制 {score_text(result.base)}")
    else:
        base = f"各项指标合计 {score_text(result.base)}"
    raw = result.base + result.bonus - result.deduction
    text = f"{base} + 加分 {fmt(result.bonus)} − 减分 {fmt(result.deduction)}"
    if scheme.clamping == Clamping.BONUS_FIRST.value and result.base + result.bonus > TOTAL_POINTS:
        text += f"（加分后先以 100 分封顶：{fmt(TOTAL_POINTS)} − {fmt(result.deduction)}）"
    elif raw > TOTAL_POINTS or raw < 0:
        text += f" = {score_text(raw)}，限定在 0–100 分"
    return f"{text} → 学期得分 {score_text(result.total)}"


def year_working(scheme: Scheme, first: float | None, second: float | None, score: float | None) -> str:
    """(89.99 + 90) ÷ 2 = 89.995，四舍五入保留两位小数为 90"""
    if first is None and second is None:
        return "两个学期都没有得分，不计学年得分"
    if first is None or second is None:
        only = "第一学期" if second is None else "第二学期"
        rule = SingleSemester.label_of(scheme.single_semester)
        if score is None:
            return f"只有{only}得分：{rule}"
        if scheme.single_semester == SingleSemester.STANDS.value:
            return f"只有{only}得分：{rule}，学年得分 {score_text(score)}"
        first, second = first or 0.0, second or 0.0
    if scheme.combination == Combination.WEIGHTED.value:
        w = scheme.first_weight
        exact = first * w + second * (1 - w)
        formula = f"{score_text(first)} × {w * 100:g}% + {score_text(second)} × {(1 - w) * 100:g}% = {round(exact, 4):g}"
    else:
        exact = (first + second) / 2
        formula = f"（{score_text(first)} + {score_text(second)}）÷ 2 = {round(exact, 4):g}"
    if scheme.rounding == Rounding.TWO_DECIMALS.value and points(exact) != round(exact, 4):
        formula += f"，四舍五入保留两位小数为 {score_text(score)}"
    return f"学年得分 {formula}"


def threshold_text(scheme: Scheme, score: float | None, level: StarLevel | None, starred: bool = True) -> str:
    """达到四星级分数线 80（距五星级 90 差 0.01）"""
    if score is None:
        return "没有得分，不评星级"
    if not starred:
        return "该政治面貌只打分、不评星级"
    t = scheme.thresholds
    lines = ((StarLevel.FIVE, t.five), (StarLevel.FOUR, t.four), (StarLevel.THREE, t.three))
    if level is None:
        return f"{score_text(score)} 分，未达三星级分数线 {fmt(t.three)}"
    text = f"{score_text(score)} 分，达到{level.label}分数线 {fmt(dict(lines)[level])}"
    higher = [(lv, line) for lv, line in lines if line > dict(lines)[level]]
    if higher:
        lv, line = higher[-1]
        text += f"（距{lv.label} {fmt(line)} 差 {round(line - score, 4):g}）"
    return text
