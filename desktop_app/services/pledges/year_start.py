"""Bulk start of a school year: a draft pledge for every member who has none yet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.calendar import parse_school_year, school_year_label, school_year_start
from desktop_app.domain.pledges import PledgeKind, PledgeStatus
from desktop_app.services.errors import UserError
from desktop_app.services.pledges.commands import TOPIC
from desktop_app.services.pledges.queries import PARTY_STATUSES
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.pledges import Pledge


@dataclass(frozen=True)
class YearStart:
    created: int  # new drafts
    copied: int  # of which took last year's content
    already: int  # members who already had this kind of pledge for the year


def previous_school_year(school_year: str) -> str:
    return school_year_label(school_year_start(school_year) - 1)


def start_year(
    ledger: Ledger,
    school_year: str,
    *,
    kind: str = PledgeKind.POST.value,
    copy_previous: bool = True,
    statuses: tuple[str, ...] = PARTY_STATUSES,
) -> YearStart:
    """Draft pledges of `kind` for the active members with these political statuses.

    With copy_previous, each draft takes the 对标 and items of the member's pledge of the
    same kind last year, for the member to edit.
    """
    try:
        year = parse_school_year(school_year)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if PledgeKind(kind) is PledgeKind.BRANCH:
        raise UserError("支部承诺由支部作出，不能为每名党员批量创建。")
    if not statuses:
        raise UserError("请至少选择一种政治面貌。")
    last_year = previous_school_year(year)
    with ledger.transaction(TOPIC) as session:
        members = session.scalars(
            select(Member).where(Member.active.is_(True), Member.political_status.in_(statuses)).order_by(Member.name)
        ).all()
        existing = {
            (p.member_id, p.school_year): p
            for p in session.scalars(
                select(Pledge).where(Pledge.kind == kind, Pledge.school_year.in_((year, last_year)),
                                     Pledge.member_id.is_not(None))
            )
        }
        created = copied = already = 0
        for member in members:
            if (member.id, year) in existing:
                already += 1
                continue
            previous = existing.get((member.id, last_year)) if copy_previous else None
            session.add(Pledge(
                member_id=member.id, kind=kind, school_year=year, status=PledgeStatus.DRAFT.value,
                standard=previous.standard if previous else None,
                content_items=list(previous.content_items or []) if previous else [],
                publication_places=[],
            ))
            created += 1
            copied += previous is not None
    return YearStart(created, copied, already)
