"""The sample school's 发展党员 records: each person of the sample at the step his or her 政治面貌 implies.

Dates are counted back from today so the tab and the 工作台 show deadlines: an applicant waiting
for the 谈话, activists (one whose half-yearly 考察 is late, listed as a problem), the 发展对象 of
the cultivation plan, and the 预备党员 on their way to 转正.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from desktop_app.domain.development.record import Publication, Vote
from desktop_app.domain.development.steps import Step
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.development.commands import save_development
from desktop_app.services.development.mapping import DevelopmentInput, PersonRef
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Cultivation, Member

S = Step


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    join_date: date | None


def _people(ledger: Ledger) -> tuple[dict[str, list[_Person]], dict[int, int]]:
    """Active members by 政治面貌, and each member's cultivation plan."""
    with ledger.reading() as session:
        found: dict[str, list[_Person]] = {}
        query = select(Member.id, Member.name, Member.join_date, Member.political_status).where(Member.active)
        for member_id, name, join_date, status in session.execute(query.order_by(Member.id)):
            found.setdefault(status, []).append(_Person(member_id, name, join_date))
        plans = {member_id: plan_id for plan_id, member_id in session.execute(select(Cultivation.id, Cultivation.member_id))}
    return found, plans


def _ago(today: date, days: int) -> date:
    return today - timedelta(days=days)


def add_demo(ledger: Ledger, rng: random.Random) -> None:
    today = date.today()
    people, plans = _people(ledger)
    full = [PersonRef(m.name, m.id) for m in people.get(PoliticalStatus.FULL_MEMBER.value, [])]
    if len(full) < 3:
        return
    secretary, contact, introducer = full[0], full[1], full[2]

    def record(member: _Person, dates: dict[Step, date], **more) -> None:
        data = DevelopmentInput(member_id=member.id, cultivation_id=plans.get(member.id), dates=dates,
                                interviewer=secretary if S.TALK in dates else None,
                                contacts=[contact] if S.CONTACTS in dates else [],
                                introducers=[contact, introducer] if S.INTRODUCERS in dates else [], **more)
        save_development(ledger, None, data, today)

    for member in people.get(PoliticalStatus.NON_PARTY.value, [])[:1]:
        record(member, {S.APPLY: _ago(today, 20)})
    for index, member in enumerate(people.get(PoliticalStatus.ACTIVIST.value, [])):
        start = 300 + 120 * index
        activist = _ago(today, start)
        dates = {S.APPLY: _ago(today, start + 90), S.TALK: _ago(today, start + 70), S.ACTIVIST: activist,
                 S.ACTIVIST_FILED: activist + timedelta(days=10), S.CONTACTS: activist + timedelta(days=10)}
        # the first keeps to the half-yearly 考察; the second has none for longer than six months
        assessments = [activist + timedelta(days=170)] if index == 0 else []
        record(member, dates, assessments=assessments)
    for member in people.get(PoliticalStatus.DEVELOPMENT_TARGET.value, []):
        activist = _ago(today, 520)
        target = _ago(today, 120)
        record(member, {
            S.APPLY: _ago(today, 640), S.TALK: _ago(today, 620), S.ACTIVIST: activist,
            S.ACTIVIST_FILED: activist + timedelta(days=7), S.CONTACTS: activist + timedelta(days=7),
            S.ASSESSMENT: activist + timedelta(days=175), S.TARGET: target, S.TARGET_FILED: target + timedelta(days=8),
            S.INTRODUCERS: target + timedelta(days=8), S.POLITICAL_REVIEW: target + timedelta(days=30),
            S.TRAINING: target + timedelta(days=40),
        }, assessments=[activist + timedelta(days=175), activist + timedelta(days=350)],
            training_end=target + timedelta(days=42), training_hours=24)
    for member in people.get(PoliticalStatus.PROBATIONARY.value, []):
        assembly = member.join_date or _ago(today, 200)
        target = assembly - timedelta(days=90)
        activist = target - timedelta(days=rng.randint(380, 420))
        publication = assembly - timedelta(days=30)
        record(member, {
            S.APPLY: activist - timedelta(days=60), S.TALK: activist - timedelta(days=45), S.ACTIVIST: activist,
            S.ACTIVIST_FILED: activist + timedelta(days=5), S.CONTACTS: activist + timedelta(days=5),
            S.ASSESSMENT: activist + timedelta(days=170), S.TARGET: target, S.TARGET_FILED: target + timedelta(days=5),
            S.INTRODUCERS: target + timedelta(days=5), S.POLITICAL_REVIEW: target + timedelta(days=20),
            S.TRAINING: target + timedelta(days=30), S.COMMITTEE_REVIEW: publication - timedelta(days=2),
            S.PRE_REVIEW: publication + timedelta(days=12), S.VOLUNTEER_FORM: publication + timedelta(days=15),
            S.ASSEMBLY: assembly, S.HIGHER_TALK: assembly + timedelta(days=10),
            S.APPROVAL: min(assembly + timedelta(days=40), today), S.OATH: min(assembly + timedelta(days=50), today),
        }, assessments=[activist + timedelta(days=170), activist + timedelta(days=340)],
            training_end=target + timedelta(days=32), training_hours=24,
            target_publication=Publication(publication, publication + timedelta(days=9)),
            admission_vote=Vote(24, 21, 21))
