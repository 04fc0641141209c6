"""Reading pledges: the rows the tab shows, and the figures other features use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop_app.domain.collation import name_key
from desktop_app.domain.pledges import (
    BRANCH_OWNER_LABEL,
    PledgeKind,
    PledgeStatus,
    PublicationPlace,
    ReviewBody,
    ReviewGrade,
)
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.errors import NotFound
from desktop_app.services.members import MemberRow, list_members
from desktop_app.services.pledges.mapping import content_of, publication_of, review_of
from desktop_app.store.ledger import Ledger
from desktop_app.store.models.pledges import Pledge

PARTY_STATUSES = (PoliticalStatus.FULL_MEMBER.value, PoliticalStatus.PROBATIONARY.value)


@dataclass(frozen=True)
class PledgeRow:
    id: int
    member_id: int | None  # None: the branch's own pledge
    owner_name: str
    party_group: str
    kind: str  # codes below
    school_year: str
    standard: str
    content_items: tuple[str, ...]
    signed_date: date | None
    status: str
    published_from: date | None
    published_to: date | None
    places: tuple[str, ...]
    review_grade: str | None
    review_body: str | None
    review_date: date | None
    review_comment: str
    review_explanation: str

    @property
    def kind_label(self) -> str:
        return PledgeKind.label_of(self.kind)

    @property
    def status_label(self) -> str:
        return PledgeStatus.label_of(self.status)

    @property
    def grade_label(self) -> str:
        return ReviewGrade.label_of(self.review_grade)

    @property
    def body_label(self) -> str:
        return ReviewBody.label_of(self.review_body)

    @property
    def places_label(self) -> str:
        return "、".join(PublicationPlace.label_of(p) for p in self.places)

    @property
    def publication_label(self) -> str:
        if not self.published_from:
            return ""
        return f"{self.published_from.isoformat()} 至 {self.published_to.isoformat() if self.published_to else ''}"

    @property
    def content_summary(self) -> str:
        return "；".join(self.content_items)

    @property
    def needs_explanation(self) -> bool:
        return bool(self.review_grade) and ReviewGrade(self.review_grade).needs_explanation


def _row(p: Pledge) -> PledgeRow:
    member = p.member
    content, publication, review = content_of(p), publication_of(p), review_of(p)
    return PledgeRow(
        id=p.id, member_id=content.member_id,
        owner_name=member.name if member else BRANCH_OWNER_LABEL,
        party_group=(member.party_group or "") if member else "",
        kind=content.kind, school_year=content.school_year, standard=content.standard,
        content_items=tuple(content.content_items), signed_date=content.signed_date, status=p.status,
        published_from=publication.start, published_to=publication.end, places=tuple(publication.places),
        review_grade=review.grade, review_body=review.body, review_date=review.review_date,
        review_comment=review.comment, review_explanation=review.explanation,
    )


def list_pledges(ledger: Ledger, school_year: str | None = None) -> list[PledgeRow]:
    """Pledges of a school year (all years when None), branch pledges first, then by name."""
    with ledger.reading() as session:
        query = select(Pledge).options(selectinload(Pledge.member))
        if school_year:
            query = query.where(Pledge.school_year == school_year)
        rows = [_row(p) for p in session.scalars(query)]
    return sorted(rows, key=lambda r: (r.school_year, r.member_id is not None, name_key(r.owner_name), r.kind, r.id))


def get_pledge(ledger: Ledger, pledge_id: int) -> PledgeRow:
    with ledger.reading() as session:
        pledge = session.get(Pledge, pledge_id)
        if pledge is None:
            raise NotFound("该承诺已不存在，可能已被删除。")
        return _row(pledge)


def pledge_years(ledger: Ledger) -> list[str]:
    """School years that have pledges, newest first."""
    with ledger.reading() as session:
        years = session.scalars(select(Pledge.school_year).distinct())
        return sorted(set(years), reverse=True)


def counts_by_status(ledger: Ledger, school_year: str) -> dict[str, int]:
    """Status code → number of pledges that year (every status present, zeros included)."""
    counts = {status.value: 0 for status in PledgeStatus}
    with ledger.reading() as session:
        for status, count in session.execute(_of_year(select(Pledge.status, func.count()), school_year)
                                             .group_by(Pledge.status)):
            counts[status] = counts.get(status, 0) + count
    return counts


def _of_year(query, school_year: str | None):
    return query.where(Pledge.school_year == school_year) if school_year else query


_KIND_PRIORITY = {PledgeKind.POST.value: 0, PledgeKind.GOAL.value: 1}


def review_grades(ledger: Ledger, school_year: str) -> dict[int, str]:
    """Member id → review grade code of the member's reviewed pledge that year.

    When a member has both, the 岗位承诺's grade counts (then the 目标承诺's).
    """
    grades: dict[int, tuple[int, str]] = {}
    with ledger.reading() as session:
        reviewed = session.execute(_of_year(
            select(Pledge.member_id, Pledge.kind, Pledge.review_grade)
            .where(Pledge.member_id.is_not(None), Pledge.status == PledgeStatus.REVIEWED.value,
                   func.coalesce(Pledge.review_grade, "") != ""), school_year)
            .order_by(Pledge.member_id, Pledge.kind, Pledge.id)).all()
    for member_id, kind, grade in reviewed:
        rank = _KIND_PRIORITY.get(kind, 9)
        if member_id not in grades or rank < grades[member_id][0]:
            grades[member_id] = (rank, grade)
    return {member_id: grade for member_id, (_rank, grade) in grades.items()}


def not_yet_pledged(
    ledger: Ledger, school_year: str, statuses: tuple[str, ...] = PARTY_STATUSES
) -> list[MemberRow]:
    """Members on the roll (正式/预备党员 by default) with no pledge at all for the year."""
    with ledger.reading() as session:
        pledged = set(session.scalars(
            select(Pledge.member_id).where(Pledge.school_year == school_year, Pledge.member_id.is_not(None))
        ))
    return [
        m for m in list_members(ledger, include_left=False)
        if m.political_status in statuses and m.id not in pledged
    ]
