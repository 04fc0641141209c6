"""The branch's 五个好 self-assessment per school year."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.branch_criteria import CRITERION_MAX, BranchCriterion, check_criterion_score
from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.problems import FieldProblem
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.services.evaluations.locks import year_lock
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.evaluations import BranchAssessment

TOPIC = Topic.EVALUATION


@dataclass(frozen=True)
class CriterionRow:
    criterion: str  # BranchCriterion code
    score: float | None
    notes: str
    max_points: float = CRITERION_MAX

    @property
    def label(self) -> str:
        return BranchCriterion.label_of(self.criterion)


def branch_assessment(ledger: Ledger, school_year: str) -> list[CriterionRow]:
    year = parse_school_year(school_year)
    with ledger.reading() as session:
        stored = {a.criterion: (a.score, a.notes or "") for a in session.scalars(
            select(BranchAssessment).where(BranchAssessment.school_year == year))}
    return [CriterionRow(c.value, *stored.get(c.value, (None, ""))) for c in BranchCriterion]


def save_criterion(ledger: Ledger, school_year: str, criterion: str, score: float | None, notes: str) -> None:
    year = parse_school_year(school_year)
    item = BranchCriterion(criterion)
    problem = check_criterion_score(item, score)
    if problem:
        raise ValidationError([FieldProblem(item.label, problem)])
    lock = year_lock(ledger, year)
    if lock is not None:
        raise UserError(f"{year}学年的考核结果已审批锁定，五个好自评不能修改。")
    with ledger.transaction(TOPIC) as session:
        row = session.scalars(select(BranchAssessment).where(
            BranchAssessment.school_year == year, BranchAssessment.criterion == item.value)).first()
        if row is None:
            row = BranchAssessment(school_year=year, criterion=item.value)
            session.add(row)
        row.score = score
        row.notes = (notes or "").strip() or None
