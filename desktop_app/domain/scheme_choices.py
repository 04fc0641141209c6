"""The choices a scheme makes that decide stars, each stated in words wherever the stars are shown.

The defaults are what the ledger always did; a school whose documents say otherwise picks the
other reading in the scheme dialog. Pure Python.
"""

from __future__ import annotations

from desktop_app.domain.vocab import LabelledEnum


class NoQuotaRule(LabelledEnum):
    """A counted indicator (听课, 示范课, 家访) for someone whose posts owe none of it."""

    FULL = ("full", "该项记满分")
    RESCALE = ("rescale", "该项不计，其余指标得分按满分比例折算为百分制")


class Rounding(LabelledEnum):
    TWO_DECIMALS = ("two_decimals", "学期、学年得分四舍五入保留两位小数后对照星级分数线")
    EXACT = ("exact", "得分不四舍五入，按实际得分对照星级分数线")


class Clamping(LabelledEnum):
    AFTER_ALL = ("after_all", "基础分加上加分、减去减分后，再限定在 0–100 分之间")
    BONUS_FIRST = ("bonus_first", "基础分加上加分后先以 100 分封顶，再减去减分")


class SingleSemester(LabelledEnum):
    """A member scored in only one semester of the year (joined, left, on leave)."""

    STANDS = ("stands", "以该学期得分作为学年得分")
    ZERO = ("zero", "另一学期按 0 分合成")
    NOT_RATED = ("not_rated", "不计学年得分、不评定学年星级")
