"""Entering and editing a person's steps. 政治面貌, 入党日期 and 转正日期 follow in the same transaction."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from desktop_app.domain.development import progress
from desktop_app.domain.development.rules import ImpossibleOrder, check_possible
from desktop_app.domain.development.steps import Step
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services import attachments
from desktop_app.services.development.mapping import DevelopmentInput, domain_data, named_member_ids, write_input
from desktop_app.services.errors import NotFound, UserError, ValidationError
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import AuditEntry, Cultivation, Member
from desktop_app.store.models.development import Development

TOPICS = (Topic.DEVELOPMENT, Topic.MEMBER)
OWNER_KIND = "development"  # the attachments (scans of the 志愿书, 考察 reports …) of a record
STATUS_ACTION = "政治面貌变更"
EXTENSION_ACTION = "延长预备期"
_GONE = "该发展党员记录已不存在，可能已被删除。"
# 政治面貌 the procedure gives; a person with one of these and no deciding step dated goes back to 群众.
_PROCEDURE_STATUSES = {PoliticalStatus.ACTIVIST.value, PoliticalStatus.DEVELOPMENT_TARGET.value,
                       PoliticalStatus.PROBATIONARY.value, PoliticalStatus.FULL_MEMBER.value}


def save_development(ledger: Ledger, record_id: int | None, data: DevelopmentInput, today: date | None = None) -> int:
    """Add (record_id None) or update a record; refuse an impossible one with the step named."""
    with ledger.transaction(*TOPICS) as session:
        member = session.get(Member, data.member_id) if data.member_id is not None else None
        if member is None:
            raise ValidationError([FieldProblem("姓名", "请选择发展对象本人" if data.member_id is None else "该人员已不存在")])
        _refuse_second_open_record(session, member, record_id)
        if data.cultivation_id is not None and session.get(Cultivation, data.cultivation_id) is None:
            raise ValidationError([FieldProblem("培养计划", "该培养计划已不存在，请重新选择")])
        try:
            record = store_development(session, _record(session, record_id), member, data, today or date.today())
        except ImpossibleOrder as exc:
            raise ValidationError([FieldProblem(exc.step.numbered, str(exc).split("：", 1)[1])]) from None
        return record.id


def checked_data(session, member: Member, data: DevelopmentInput, today: date):
    """The domain's view of `data`; ImpossibleOrder (naming the step) when it cannot be."""
    named = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(named_member_ids(data))))}
    if member.id in named:
        raise ImpossibleOrder(Step.TALK, f"{member.name}不能为自己谈话、联系或介绍")
    domain = domain_data(data, named, member.birth_date)
    check_possible(domain, today)
    return domain


def store_development(session, record: Development, member: Member, data: DevelopmentInput, today: date
                      ) -> Development:
    """Check and write one record, then bring 政治面貌 and the audit list in line: the dialog and the import."""
    domain = checked_data(session, member, data, today)
    old_extension = record.extension_months
    write_input(record, data)
    if record.id is None:
        session.add(record)
    session.flush()
    attachments.remove_in(session, OWNER_KIND, record.id, data.removed_attachment_ids)
    attachments.add_in(session, OWNER_KIND, record.id, data.new_attachments)
    _follow_status(session, member, domain)
    if data.extension_months != old_extension and data.extension_months:
        session.add(AuditEntry(at=datetime.now(), action=EXTENSION_ACTION,
                               subject=f"{member.name}预备期延长 {data.extension_months} 个月，"
                                       f"至 {progress.probation_end(domain):%Y-%m-%d} 期满",
                               reason=record.extension_reason))
    return record


def _record(session, record_id: int | None) -> Development:
    if record_id is None:
        return Development()
    record = session.get(Development, record_id)
    if record is None:
        raise NotFound(_GONE)
    return record


def _refuse_second_open_record(session, member: Member, record_id: int | None) -> None:
    query = select(Development.id).where(Development.member_id == member.id, Development.closed_on.is_(None))
    others = [i for i in session.scalars(query) if i != record_id]
    if others:
        raise ValidationError([FieldProblem("姓名", f"{member.name}已有一份进行中的发展党员记录，请在那份记录中继续填写")])


def _follow_status(session, member: Member, domain) -> None:
    """Steps 3, 7, 17 and 24 decide the 政治面貌; 入党日期 and 转正日期 come with them."""
    before = member.political_status
    decided = any(domain.done(s) for s in (Step.ACTIVIST, Step.TARGET, Step.APPROVAL, Step.FULL_APPROVAL))
    if not decided and before not in _PROCEDURE_STATUSES:
        return
    fallback = PoliticalStatus.NON_PARTY.value if before in _PROCEDURE_STATUSES else before
    after = progress.political_status(domain, fallback)
    join, full = progress.join_date(domain), progress.full_member_date(domain)
    if (after, join, full) == (before, member.join_date, member.full_member_date):
        return
    member.political_status, member.join_date, member.full_member_date = after, join, full
    dates = "".join(f"，{label} {day:%Y-%m-%d}" for label, day in (("入党日期", join), ("转正日期", full)) if day)
    session.add(AuditEntry(at=datetime.now(), action=STATUS_ACTION,
                           subject=f"{member.name}：{PoliticalStatus.label_of(before)} → "
                                   f"{PoliticalStatus.label_of(after)}{dates}（发展党员程序）", reason=None))


def close_development(ledger: Ledger, record_id: int, closed_on: date, reason: str) -> None:
    """End a record (终止发展, moved away …): the person leaves the list; a new record may start later."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError([FieldProblem("终止原因", "必须填写")])
    with ledger.transaction(*TOPICS) as session:
        record = _record(session, record_id)
        if record.closed_on is not None:  # e.g. closed meanwhile in another window
            raise UserError(f"{record.member.name}的发展记录已于{record.closed_on:%Y-%m-%d}终止"
                            f"（{record.closed_reason}），没有再次终止。")
        record.closed_on, record.closed_reason = closed_on, reason
        session.add(AuditEntry(at=datetime.now(), action="终止发展", subject=record.member.name, reason=reason))


def delete_development(ledger: Ledger, record_id: int) -> None:
    with ledger.transaction(*TOPICS) as session:
        session.delete(_record(session, record_id))
        attachments.delete_for(session, OWNER_KIND, [record_id])
