"""The semester sheet and the year's results, computed from the scheme, the scores and the records."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.collation import name_key
from desktop_app.domain.evaluation import (
    Adjustment, IndicatorScore, SemesterScore, indicator_score, ranks, semester_score, star_counts,
    star_level, year_score,
)
from desktop_app.domain.scheme import Scheme, StarLevel
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.evaluations.locks import LockRow, semester_lock, year_lock
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.evaluations.sources import FactsCache, semester_facts
from desktop_app.services.members import MemberRow, list_members
from desktop_app.store.ledger import Ledger, in_one_snapshot
from desktop_app.store.models.evaluations import EvaluationScheme, EvaluationScore, Honour
from desktop_app.store.versions import Loaded

# Key in EvaluationScore.frozen for the member's 政治面貌 at approval (indicator keys never start with "_").
FROZEN_STATUS = "_political_status"


@dataclass(frozen=True)
class SheetRow:
    """One member's semester as the sheet shows it."""

    member_id: int
    member_name: str
    political_status: str
    party_group: str
    scores: tuple[IndicatorScore, ...]  # in the scheme's indicator order
    bonuses: tuple[Adjustment, ...]
    deductions: tuple[Adjustment, ...]
    result: SemesterScore
    star_level: StarLevel | None
    locked: bool
    loaded: Loaded | None = None  # the stored row as read with these figures (None: nothing stored yet)

    @property
    def scored(self) -> bool:
        """Whether the semester was evaluated at all: something entered, or everything counted from records."""
        if self.bonuses or self.deductions:
            return True
        by_hand = [s for s in self.scores if not s.computed]
        if not by_hand:
            return any(s.points is not None for s in self.scores)
        return any(s.points is not None for s in by_hand)

    @property
    def status_label(self) -> str:
        return PoliticalStatus.label_of(self.political_status)

    @property
    def star_label(self) -> str:
        return self.star_level.label if self.star_level else ""

    @staticmethod
    def _reasons(items: tuple[Adjustment, ...]) -> str:
        return "；".join(f"{a.reason} {a.points:g}分" for a in items)

    @property
    def bonus_reasons(self) -> str:
        return self._reasons(self.bonuses)

    @property
    def deduction_reasons(self) -> str:
        return self._reasons(self.deductions)


@dataclass(frozen=True)
class SemesterSheet:
    school_year: str
    semester: int
    scheme: Scheme
    rows: tuple[SheetRow, ...]
    lock: LockRow | None

    @property
    def source_note(self) -> str:
        """Which computed indicators the records fed this semester, and which were entered by hand."""
        counted, by_hand = [], []
        for n, ind in enumerate(self.scheme.indicators):
            if ind.computed:
                fed = any(row.scores[n].computed for row in self.rows)
                (counted if fed else by_hand).append(ind.name)
        parts = []
        if counted:
            parts.append("由记录计算：" + "、".join(counted))
        if by_hand:
            parts.append("暂无记录、手工录入：" + "、".join(by_hand))
        return "；".join(parts)

    def row_of(self, member_id: int) -> SheetRow:
        for row in self.rows:
            if row.member_id == member_id:
                return row
        raise KeyError(member_id)


@dataclass(frozen=True)
class YearResultRow:
    member_id: int
    member_name: str
    political_status: str
    party_group: str
    first: float | None
    second: float | None
    score: float | None
    star_level: str | None  # StarLevel code
    rank: int | None

    @property
    def star_label(self) -> str:
        return StarLevel.label_of(self.star_level)

    @property
    def status_label(self) -> str:
        return PoliticalStatus.label_of(self.political_status)


def _adjustments(items) -> tuple[Adjustment, ...]:
    return tuple(Adjustment(float(i["points"]), str(i.get("reason", ""))) for i in (items or []))


def _evaluated(scheme: Scheme, members: list[MemberRow], scored_ids: set[int], locked: bool) -> list[MemberRow]:
    """Members on the sheet: once approved, exactly those approved; before, the roll plus anyone scored."""
    if locked:
        return [m for m in members if m.id in scored_ids]
    statuses = set(scheme.evaluated_statuses)
    return [m for m in members if m.id in scored_ids or (m.active and m.political_status in statuses)]


@in_one_snapshot
def semester_sheet(ledger: Ledger, school_year: str, semester: int, cache: FactsCache | None = None) -> SemesterSheet:
    """Every evaluated member's semester; `cache` lets a screen reuse the records' facts between edits."""
    year = parse_school_year(school_year)
    scheme = get_scheme(ledger, year)
    lock = semester_lock(ledger, year, semester)
    with ledger.reading() as session:
        stored = {
            s.member_id: (dict(s.entered or {}), s.bonuses, s.deductions, s.frozen,
                          Loaded(EvaluationScore.__tablename__, s.id, s.version))
            for s in session.scalars(select(EvaluationScore).where(
                EvaluationScore.school_year == year, EvaluationScore.semester == semester))
        }
    members = _evaluated(scheme, list_members(ledger), set(stored), lock is not None)
    if lock:
        facts = {}
    else:
        facts = cache.get(ledger, year, semester) if cache else semester_facts(ledger, year, semester)
    rows = []
    for member in members:
        entered, bonuses, deductions, frozen, loaded = stored.get(member.id, ({}, [], [], None, None))
        scores = []
        for ind in scheme.indicators:
            kept = (frozen or {}).get(ind.key) if lock else None
            if kept is not None:
                scores.append(IndicatorScore(ind.key, kept[0], kept[1], bool(kept[2]),
                                             bool(kept[3]) if len(kept) > 3 else True))
            else:
                scores.append(indicator_score(ind, entered.get(ind.key), facts.get(member.id), scheme.no_quota))
        bonus_items, deduction_items = _adjustments(bonuses), _adjustments(deductions)
        result = semester_score(scheme, scores, bonus_items, deduction_items)
        status = (frozen or {}).get(FROZEN_STATUS) if lock else None
        status = status or member.political_status
        rows.append(SheetRow(
            member.id, member.name, status, member.party_group, tuple(scores),
            bonus_items, deduction_items, result, star_level(scheme, result.total, status), lock is not None,
            loaded,
        ))
    return SemesterSheet(year, semester, scheme, tuple(rows), lock)


@in_one_snapshot
def year_results(ledger: Ledger, school_year: str, cache: FactsCache | None = None) -> list[YearResultRow]:
    """Every evaluated member's two semesters, year result, star level and rank, best first."""
    year = parse_school_year(school_year)
    scheme = get_scheme(ledger, year)
    first, second = semester_sheet(ledger, year, 1, cache), semester_sheet(ledger, year, 2, cache)
    by_member: dict[int, list] = {}
    for n, sheet in ((0, first), (1, second)):
        for row in sheet.rows:
            entry = by_member.setdefault(row.member_id, [row, None, None])
            entry[0] = row  # the later semester's 政治面貌: as approved last, or today's while still open
            entry[n + 1] = row.result.total if row.scored else None
    scores = {mid: year_score(scheme, a, b) for mid, (_row, a, b) in by_member.items()}
    placed = ranks(scores)
    results = []
    for mid, (row, a, b) in by_member.items():
        level = star_level(scheme, scores[mid], row.political_status)
        results.append(YearResultRow(
            mid, row.member_name, row.political_status, row.party_group, a, b, scores[mid],
            level.value if level else None, placed[mid],
        ))
    results.sort(key=lambda r: (r.rank is None, r.rank or 0, name_key(r.member_name)))
    return results


def year_star_counts(results: list[YearResultRow]) -> dict[StarLevel, int]:
    return star_counts(StarLevel(r.star_level) if r.star_level else None for r in results)


def is_year_locked(ledger: Ledger, school_year: str) -> LockRow | None:
    return year_lock(ledger, parse_school_year(school_year))


def evaluated_years(ledger: Ledger) -> set[str]:
    """School years that have scores, a scheme of their own or honours."""
    with ledger.reading() as session:
        years = set(session.scalars(select(EvaluationScore.school_year).distinct()))
        years |= set(session.scalars(select(EvaluationScheme.school_year)))
        years |= set(session.scalars(select(Honour.school_year).distinct()))
    return years
