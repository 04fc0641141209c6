"""Open to-dos: what was stored all the same but still needs seeing to (imports' 提醒), listed on the 工作台.

Each to-do is found by a query over the records themselves, so it closes by itself once the gap is
filled (e.g. the 未践诺说明 is written in 承诺).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from desktop_app.domain.collation import name_key
from desktop_app.domain.pledges import BRANCH_OWNER_LABEL, PledgeKind, ReviewGrade
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.pledges import Pledge


@dataclass(frozen=True)
class Todo:
    text: str  # e.g. 王芳 2025-2026学年岗位承诺：评议为“一般”，缺未践诺说明
    tab: str  # the tab where it is done
    criteria: dict = field(default_factory=dict, hash=False, compare=False)  # for MainWindow.open_tab


def open_todos(ledger: Ledger) -> list[Todo]:
    graded = [g.value for g in ReviewGrade if g.needs_explanation]
    with ledger.reading() as session:
        pledges = session.scalars(
            select(Pledge).options(selectinload(Pledge.member))
            .where(Pledge.review_grade.in_(graded),
                   or_(Pledge.review_explanation.is_(None), Pledge.review_explanation == ""))).all()
        rows = [(p.member.name if p.member else BRANCH_OWNER_LABEL, p.school_year, p.kind, p.review_grade)
                for p in pledges]
    rows.sort(key=lambda r: (r[1], name_key(r[0])))
    return [Todo(f"{name} {year}学年{PledgeKind.label_of(kind)}：评议为“{ReviewGrade.label_of(grade)}”，缺未践诺说明",
                 "pledges", {"school_year": year})
            for name, year, kind, grade in rows]
