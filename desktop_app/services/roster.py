"""The roster as of a day: who was on the branch's books then, with every field."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from sqlalchemy import exists, or_, select

from desktop_app.domain.collation import name_key
from desktop_app.domain.people import MemberData
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member, SchoolClass, Student

_STATUS_ORDER = {status.value: i for i, status in enumerate(PoliticalStatus)}
_FIELDS = [f.name for f in fields(MemberData)]


def roster_at(ledger: Ledger, day: date) -> list[MemberData]:
    """Members still on the books on `day` (not left before it), by status, party group and name."""
    with ledger.reading() as session:
        query = select(Member).where(or_(Member.active.is_(True), Member.left_date.is_(None), Member.left_date > day))
        members = [MemberData(**{name: getattr(m, name) for name in _FIELDS}) for m in session.scalars(query)]
    for member in members:
        member.posts = list(member.posts or [])
        member.backbone_titles = list(member.backbone_titles or [])
    members.sort(key=lambda m: (_STATUS_ORDER.get(m.political_status, 99), m.party_group or "", name_key(m.name)))
    return members


def has_people(ledger: Ledger) -> bool:
    """True when the ledger already holds members, classes or students."""
    with ledger.reading() as session:
        return any(session.scalar(select(exists().where(column.isnot(None))))
                   for column in (Member.id, SchoolClass.id, Student.id))
