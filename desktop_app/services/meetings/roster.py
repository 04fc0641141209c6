"""Who should attend a meeting: all party members, the committee, or one 党小组, as of its day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, or_, select

from desktop_app.domain.meetings import MeetingKind, Roster
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member

PARTY_STATUSES = (PoliticalStatus.FULL_MEMBER.value, PoliticalStatus.PROBATIONARY.value)
GUEST_STATUSES = (PoliticalStatus.DEVELOPMENT_TARGET.value, PoliticalStatus.ACTIVIST.value)


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    party_group: str


def _on_books(day: date):
    return or_(Member.active.is_(True), Member.left_date.is_(None), Member.left_date > day)


def party_members_on(ledger: Ledger, day: date) -> list[Person]:
    """Full and probationary members on the books on `day` who had joined by then, by group and name."""
    query = (select(Member.id, Member.name, Member.party_group)
             .where(Member.political_status.in_(PARTY_STATUSES), _on_books(day),
                    or_(Member.join_date.is_(None), Member.join_date <= day))
             .order_by(Member.party_group, Member.name))
    with ledger.reading() as session:
        return [Person(i, n, g or "") for i, n, g in session.execute(query)]


def expected_attendees(ledger: Ledger, kind: str, day: date, party_group: str | None = None) -> list[Person]:
    """The roster a new meeting starts from (the user may still add or remove people)."""
    members = party_members_on(ledger, day)
    roster = MeetingKind(kind).roster
    if roster is Roster.GROUP:
        return [p for p in members if party_group and p.party_group == party_group]
    if roster is Roster.COMMITTEE:
        committee = meeting_settings.load(ledger).committee
        by_id = {p.id: p for p in members}
        return [by_id[i] for i in committee if i in by_id]
    return members


def guest_candidates(ledger: Ledger, day: date) -> list[Person]:
    """发展对象 and 入党积极分子 on the books, who often sit in (列席)."""
    query = (select(Member.id, Member.name, Member.party_group)
             .where(Member.political_status.in_(GUEST_STATUSES), _on_books(day)).order_by(Member.name))
    with ledger.reading() as session:
        return [Person(i, n, g or "") for i, n, g in session.execute(query)]


def party_groups(ledger: Ledger) -> list[str]:
    """The 党小组 that active party members belong to."""
    query = (select(Member.party_group).distinct()
             .where(Member.political_status.in_(PARTY_STATUSES), Member.active.is_(True),
                    and_(Member.party_group.is_not(None), Member.party_group != ""))
             .order_by(Member.party_group))
    with ledger.reading() as session:
        return list(session.scalars(query))
