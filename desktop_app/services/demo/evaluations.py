"""Demo 量化考核: last school year scored, approved, starred and honoured; this year's first semester under way."""

from __future__ import annotations

import random
from datetime import date

from desktop_app.domain.calendar import school_year_label, school_year_of, school_year_start
from desktop_app.domain.evaluation import points
from desktop_app.domain.scheme import Scheme
from desktop_app.services.classes import list_classes
from desktop_app.services.evaluations.branch import save_criterion
from desktop_app.services.evaluations.commands import approve, write_semester
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.honours import HonourData, add_honour, honours_from_stars
from desktop_app.services.members import list_members
from desktop_app.services.settings import school_profile
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger

BONUS_REASONS = ("区级优质课一等奖", "指导学生竞赛获市级奖", "市级优秀班主任", "公开发表教学论文", "承担区级公开课")
DEDUCTION_REASONS = ("无故缺席党员活动日", "教学常规检查迟交", "家访记录未按时上交")
BRANCH_NOTES = ("班子团结，按期换届，民主集中制落实好", "党员干部带头听课、家访，示范岗作用明显",
                "认责承诺、争标晋位形成长效机制", "星级党员比例提高，教学质量稳步上升", "师生评议满意率高")


def _entries(rng: random.Random, scheme: Scheme, level: float) -> dict[str, float]:
    """Every indicator near `level` (a share of its maximum), as the 教务处's sheet would give it."""
    values = {}
    for ind in scheme.indicators:
        share = min(1.0, max(0.4, rng.gauss(level, 0.03)))
        values[ind.key] = points(round(ind.max_points * share * 2) / 2)
    return values


def _adjustments(rng: random.Random) -> tuple[list[dict], list[dict]]:
    bonuses = [{"points": float(rng.choice((1, 2, 3, 4))), "reason": rng.choice(BONUS_REASONS)}
               for _ in range(rng.choice((0, 0, 0, 1, 1, 2)))]
    deductions = [{"points": float(rng.choice((1, 2))), "reason": rng.choice(DEDUCTION_REASONS)}
                  for _ in range(rng.choice((0, 0, 0, 0, 0, 1)))]
    return bonuses, deductions


def _levels(rng: random.Random, count: int) -> list[float]:
    """Roughly a real school's spread (one year: 13 of 31 five-star, 6 four-star): many near the top, the rest fair."""
    top, good = round(count * 13 / 31), round(count * 6 / 31)
    levels = ([rng.uniform(0.92, 0.96) for _ in range(top)] + [rng.uniform(0.82, 0.86) for _ in range(good)]
              + [rng.uniform(0.66, 0.78) for _ in range(count - top - good)])
    rng.shuffle(levels)
    return levels


def _score_year(ledger: Ledger, rng: random.Random, year: str, semesters: tuple[int, ...], members) -> None:
    scheme = get_scheme(ledger, year)
    with ledger.transaction(Topic.EVALUATION) as session:
        for member, level in zip(members, _levels(rng, len(members)), strict=True):
            for semester in semesters:
                bonuses, deductions = _adjustments(rng)
                write_semester(session, member.id, year, semester, _entries(rng, scheme, level), bonuses, deductions)


def add_demo(ledger: Ledger, rng: random.Random, today: date | None = None) -> None:
    today = today or date.today()
    this_year = school_year_of(today)
    last_year = school_year_label(school_year_start(this_year) - 1)
    party = [m for m in list_members(ledger, include_left=False) if m.is_party_member]
    if not party:
        return
    _score_year(ledger, rng, last_year, (1, 2), party)
    issuer = school_profile(ledger).branch_title
    start = school_year_start(last_year)
    for criterion, note in zip(("leadership", "cadres", "mechanism", "performance", "reputation"), BRANCH_NOTES,
                               strict=True):
        save_criterion(ledger, last_year, criterion, rng.choice((17.5, 18, 18.5, 19, 19.5)), note)
    approve(ledger, last_year, 1, date(start + 1, 1, 18), "支部党员大会")
    approve(ledger, last_year, 2, date(start + 1, 7, 6), "支部党员大会")
    honours_from_stars(ledger, last_year, issuer, date(start + 1, 7, 6))
    festival = date(start, 9, 10)  # 班主任节 around Teachers' Day
    for title, count in (("爱岗敬业星", 2), ("学生爱戴星", 3), ("教学改革星", 2), ("育人成才先锋党员", 1)):
        for member in rng.sample(party, min(count, len(party))):
            add_honour(ledger, HonourData(title, last_year, member_id=member.id, issuer=issuer, awarded_on=festival,
                                          note="首届班主任节" if title.endswith("星") else ""))
    led = [c for c in list_classes(ledger) if c.head_teacher_id in {m.id for m in party}]
    for klass in rng.sample(led, min(2, len(led))):
        add_honour(ledger, HonourData("党员先锋班", last_year, class_id=klass.id, issuer=issuer,
                                      awarded_on=date(start + 1, 7, 6)))
    # This year: the first semester's entered indicators for most members, not yet approved.
    _score_year(ledger, rng, this_year, (1,), [m for m in party if rng.random() < 0.8])
