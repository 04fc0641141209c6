"""Changing pledges: write, edit, publish, start fulfilment, review, reopen, delete.

Every command checks the domain's rules first and changes nothing when one is broken;
batch commands are all-or-nothing and name every pledge that stopped them. The `*_in(session, …)`
steps are the same rules inside a caller's transaction (the importer writes through them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.pledges import (
    BRANCH_OWNER_LABEL,
    PledgeData,
    PledgeKind,
    PledgeStatus,
    Publication,
    Review,
    delete_refusal,
    edit_refusal,
    move_refusal,
    validate_pledge,
    validate_publication,
    validate_review,
)
from desktop_app.services.errors import NotFound, UserError, ValidationError
from desktop_app.services.pledges.mapping import put_content, put_publication, put_review
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.pledges import Pledge

TOPIC = Topic.PLEDGE
_GONE = "该承诺已不存在，可能已被删除。"


def _owner(pledge: Pledge) -> str:
    return pledge.member.name if pledge.member else BRANCH_OWNER_LABEL


def _describe(pledge: Pledge) -> str:
    return f"{_owner(pledge)}的{PledgeKind.label_of(pledge.kind)}（{pledge.school_year}）"


def _clean(data: PledgeData) -> PledgeData:
    return PledgeData(
        member_id=data.member_id, kind=data.kind, school_year=(data.school_year or "").strip(),
        standard=(data.standard or "").strip(),
        content_items=[item.strip() for item in data.content_items if item and item.strip()],
        signed_date=data.signed_date,
    )


def _check_owner_and_duplicate(session: Session, data: PledgeData, exclude_id: int | None) -> None:
    if data.member_id is not None and session.get(Member, data.member_id) is None:
        raise NotFound("所选党员已不存在，可能已被删除。")
    query = select(Pledge).where(Pledge.school_year == data.school_year, Pledge.kind == data.kind)
    query = query.where(Pledge.member_id.is_(None) if data.member_id is None else Pledge.member_id == data.member_id)
    for other in session.scalars(query):
        if other.id != exclude_id:
            raise UserError(f"{_owner(other)}在{data.school_year}学年已有{PledgeKind.label_of(data.kind)}，"
                            "请直接修改那一份。")


def write_pledge(ledger: Ledger, data: PledgeData, *, require_content: bool = True) -> int:
    """A new pledge, in 草拟."""
    cleaned = _clean(data)
    problems = validate_pledge(cleaned, require_content=require_content)
    if problems:
        raise ValidationError(problems)
    with ledger.transaction(TOPIC) as session:
        return add_in(session, cleaned).id


def add_in(session: Session, data: PledgeData) -> Pledge:
    """A new draft from checked content; refused when the owner already has one of that kind and year."""
    _check_owner_and_duplicate(session, data, None)
    pledge = Pledge(status=PledgeStatus.DRAFT.value, publication_places=[])
    put_content(pledge, data)
    session.add(pledge)
    session.flush()
    return pledge


def update_pledge(ledger: Ledger, pledge_id: int, data: PledgeData) -> None:
    """Change the content; refused once reviewed (reopen first)."""
    with ledger.transaction(TOPIC) as session:
        edit_in(session, _get(session, pledge_id), _clean(data))


def edit_in(session: Session, pledge: Pledge, data: PledgeData) -> None:
    refusal = edit_refusal(pledge.status)
    if refusal:
        raise UserError(refusal)
    # A posted pledge must keep at least one item; a bulk-started draft may stay empty.
    problems = validate_pledge(data, require_content=pledge.status != PledgeStatus.DRAFT.value)
    if problems:
        raise ValidationError(problems)
    _check_owner_and_duplicate(session, data, pledge.id)
    put_content(pledge, data)


def _get(session: Session, pledge_id: int) -> Pledge:
    pledge = session.get(Pledge, pledge_id)
    if pledge is None:
        raise NotFound(_GONE)
    return pledge


def _load_all(session: Session, pledge_ids: Iterable[int]) -> list[Pledge]:
    ids = list(dict.fromkeys(pledge_ids))
    if not ids:
        raise UserError("请先选择承诺。")
    return [_get(session, pledge_id) for pledge_id in ids]


def _refuse_if_any(refusals: list[str], action: str) -> None:
    if refusals:
        raise UserError(f"不能{action}，没有做任何改动：\n" + "\n".join(refusals))


def publish(ledger: Ledger, pledge_id: int, publication: Publication) -> None:
    publish_many(ledger, [pledge_id], publication)


def publish_many(ledger: Ledger, pledge_ids: Iterable[int], publication: Publication) -> int:
    """Post drafts for a period in the chosen places; all or nothing. Returns how many."""
    problems = validate_publication(publication)
    if problems:
        raise ValidationError(problems)
    with ledger.transaction(TOPIC) as session:
        pledges = _load_all(session, pledge_ids)
        refusals = [f"{_describe(p)}：{reason}" for p in pledges if (reason := publish_refusal(p.status, p.content_items))]
        _refuse_if_any(refusals, "公示")
        for pledge in pledges:
            publish_in(pledge, publication)
        return len(pledges)


def publish_refusal(status: str, content_items: list[str]) -> str | None:
    reason = move_refusal(status, PledgeStatus.PUBLISHED)
    if reason is None and not content_items:
        reason = "承诺内容为空，请先填写承诺事项。"
    return reason


def publish_in(pledge: Pledge, publication: Publication) -> None:
    """Post a pledge whose `publish_refusal` is None, with a checked publication."""
    pledge.status = PledgeStatus.PUBLISHED.value
    put_publication(pledge, publication)


def withdraw_publication(ledger: Ledger, pledge_id: int) -> None:
    """已公示 → 草拟, for a posting made by mistake."""
    with ledger.transaction(TOPIC) as session:
        pledge = _get(session, pledge_id)
        reason = move_refusal(pledge.status, PledgeStatus.DRAFT)
        if reason:
            raise UserError(f"{_describe(pledge)}：{reason}")
        pledge.status = PledgeStatus.DRAFT.value
        put_publication(pledge, None)


def start_fulfilment(ledger: Ledger, pledge_ids: Iterable[int]) -> int:
    """已公示 → 践诺中 (usually when the posting period ends); all or nothing."""
    with ledger.transaction(TOPIC) as session:
        pledges = _load_all(session, pledge_ids)
        refusals = [f"{_describe(p)}：{r}" for p in pledges if (r := move_refusal(p.status, PledgeStatus.IN_PROGRESS))]
        _refuse_if_any(refusals, "标记为践诺中")
        for pledge in pledges:
            pledge.status = PledgeStatus.IN_PROGRESS.value
        return len(pledges)


@dataclass(frozen=True)
class ReviewEntry:
    """One member's line of a meeting's review."""

    pledge_id: int
    grade: str | None
    comment: str = ""
    explanation: str = ""


def record_review(ledger: Ledger, pledge_id: int, review: Review) -> None:
    entry = ReviewEntry(pledge_id, review.grade, review.comment, review.explanation)
    record_reviews(ledger, [entry], review.body, review.review_date)


def record_reviews(ledger: Ledger, entries: list[ReviewEntry], body: str | None, review_date: date | None) -> int:
    """A meeting reviews many pledges at once: one body and date, a grade per pledge. All or nothing."""
    with ledger.transaction(TOPIC) as session:
        pledges = _load_all(session, [e.pledge_id for e in entries])
        by_id = {p.id: p for p in pledges}
        refusals = []
        for entry in entries:
            pledge = by_id[entry.pledge_id]
            reason = move_refusal(pledge.status, PledgeStatus.REVIEWED)
            if reason:
                refusals.append(f"{_describe(pledge)}：{reason}")
                continue
            review = Review(entry.grade, body, review_date, entry.comment, entry.explanation)
            problems = validate_review(review, pledge.published_from)
            if problems and len(entries) == 1:
                raise ValidationError(problems)
            if problems:
                refusals.append(f"{_describe(pledge)}：" + "；".join(str(p) for p in problems))
        _refuse_if_any(refusals, "记录评议")
        for entry in entries:
            review_in(by_id[entry.pledge_id], Review(entry.grade, body, review_date, entry.comment, entry.explanation))
        return len(entries)


def review_in(pledge: Pledge, review: Review) -> None:
    """Record a checked review on a pledge that may move to 已评议."""
    pledge.status = PledgeStatus.REVIEWED.value
    put_review(pledge, review)


def reopen(ledger: Ledger, pledge_id: int) -> None:
    """已评议 → 践诺中: unlocks the content and clears the review so it can be redone."""
    with ledger.transaction(TOPIC) as session:
        pledge = _get(session, pledge_id)
        reason = move_refusal(pledge.status, PledgeStatus.IN_PROGRESS)
        if pledge.status != PledgeStatus.REVIEWED.value:
            reason = f"只有已评议的承诺需要重新打开；此承诺状态为“{PledgeStatus.label_of(pledge.status)}”。"
        if reason:
            raise UserError(f"{_describe(pledge)}：{reason}")
        pledge.status = PledgeStatus.IN_PROGRESS.value
        put_review(pledge, None)


def delete_draft(ledger: Ledger, pledge_id: int) -> None:
    delete_drafts(ledger, [pledge_id])


def delete_drafts(ledger: Ledger, pledge_ids: Iterable[int]) -> int:
    """Only drafts may go; all or nothing."""
    with ledger.transaction(TOPIC) as session:
        pledges = _load_all(session, pledge_ids)
        refusals = [f"{_describe(p)}：{r}" for p in pledges if (r := delete_refusal(p.status))]
        _refuse_if_any(refusals, "删除")
        for pledge in pledges:
            session.delete(pledge)
        return len(pledges)
