"""Building evaluated members and their semester scores through the real services (shared by tests)."""

from __future__ import annotations

from desktop_app.domain.evaluation import Adjustment, points
from desktop_app.domain.people import MemberData
from desktop_app.domain.scheme import Scheme
from desktop_app.services.evaluations.commands import record_semester
from desktop_app.services.members import add_member

YEAR = "2025-2026"

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹"
GIVEN = "晓明 丽华 建国 秀英 志强 海燕 立新 春梅 国庆 淑珍 文博 雅琴 卫东 红梅 永刚 桂兰".split()


def member_names(count: int) -> list[str]:
    return [SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)] for n in range(count)]


def add_members(ledger, count: int, status: str = "full_member") -> list[int]:
    return [add_member(ledger, MemberData(name=name, political_status=status)) for name in member_names(count)]


def entries_for_total(scheme: Scheme, total: float) -> dict[str, float]:
    """Points for every indicator (computed ones as their by-hand fallback) adding up to `total`."""
    share = total / 100
    values = {ind.key: points(ind.max_points * share) for ind in scheme.indicators}
    last = scheme.indicators[-1]
    values[last.key] = points(values[last.key] + total - sum(values.values()))
    assert 0 <= values[last.key] <= last.max_points
    return values


def enter_total(ledger, scheme: Scheme, member_id: int, semester: int, total: float,
                bonus: float = 0, deduction: float = 0) -> None:
    """Enter a semester whose sheet total is `total` (before the 加分/减分 given)."""
    record_semester(
        ledger, member_id, YEAR, semester, entered=entries_for_total(scheme, total),
        bonuses=[Adjustment(bonus, "区级优质课一等奖")] if bonus else [],
        deductions=[Adjustment(deduction, "教学常规检查不合格")] if deduction else [],
    )
