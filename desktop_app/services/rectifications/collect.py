"""从家访记录汇总: turn the suggestions written on visit records into suggestion rows.

A visit whose `suggestions` text is not empty and that no suggestion row links to yet becomes
one suggestion (source from the visit kind, first category from its words, raised on the visit
date by the person visited, recorded by the visitor). Running it again adds nothing for visits
already collected, so it can be run after every monthly hand-in.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.calendar import Period
from desktop_app.domain.rectifications import guess_category, source_for_visit_kind
from desktop_app.domain.records import VisitKind
from desktop_app.services.rectifications.commands import TOPICS
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member, Student
from desktop_app.store.models.records import Visit, VisitStudent
from desktop_app.store.models.rectifications import Suggestion

MAX_RAISED_BY = 100


@dataclass(frozen=True)
class CollectResult:
    created: int  # new suggestion rows
    already: int  # visits with suggestions collected before

    @property
    def message(self) -> str:
        if not self.created and not self.already:
            return "所选期间的家访记录中没有填写意见建议。"
        text = f"从家访记录中汇总了 {self.created} 条意见建议"
        if self.already:
            text += f"，另有 {self.already} 条此前已汇总"
        return text + "。"


def collect_from_visits(ledger: Ledger, period: Period | None = None) -> CollectResult:
    query = select(Visit).where(Visit.suggestions.is_not(None), Visit.suggestions != "")
    if period is not None:
        query = query.where(Visit.date.between(period.start, period.end))
    created = already = 0
    with ledger.transaction(*TOPICS) as session:
        collected = set(session.scalars(select(Suggestion.visit_id).where(Suggestion.visit_id.is_not(None))))
        for visit in session.scalars(query.order_by(Visit.date, Visit.id)):
            text = (visit.suggestions or "").strip()
            if not text:
                continue
            if visit.id in collected:
                already += 1
                continue
            session.add(Suggestion(
                content=text,
                category=guess_category(text).value,
                source=source_for_visit_kind(VisitKind.label_of(visit.kind)).value,
                raised_by=_raised_by(session, visit),
                raised_on=visit.date,
                recorder_id=visit.visitor_id,
                visit_id=visit.id,
            ))
            created += 1
    return CollectResult(created, already)


def _raised_by(session, visit: Visit) -> str | None:
    """Who the opinion came from: the 受访对象 as written, the teacher interviewed, or the
    family of the students visited."""
    if visit.interviewee and visit.interviewee.strip():
        return visit.interviewee.strip()[:MAX_RAISED_BY]
    if visit.target_member_id:
        return session.scalar(select(Member.name).where(Member.id == visit.target_member_id))
    names = list(session.scalars(
        select(Student.name).join(VisitStudent, VisitStudent.student_id == Student.id)
        .where(VisitStudent.visit_id == visit.id).order_by(Student.name)
    ))
    if not names:
        return None
    shown = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
    try:
        home = VisitKind(visit.kind).is_home_visit
    except ValueError:
        home = False
    return (f"{shown}家长" if home else shown)[:MAX_RAISED_BY]
