"""发展党员 records through the services: refusals, breaches, and the 政治面貌 that follows the steps."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.development.rules import Rule
from desktop_app.domain.development.steps import Step
from desktop_app.services.development.commands import STATUS_ACTION, close_development, save_development
from desktop_app.services.development.mapping import PersonRef
from desktop_app.services.development.queries import get_development, list_developments, upcoming_deadlines
from desktop_app.services.errors import ValidationError
from desktop_app.services.members import get_member
from desktop_app.store.models import AuditEntry
from tests.development_helpers import TODAY, make_branch, procedure

pytestmark = pytest.mark.both_engines


def _audit(ledger) -> list[str]:
    with ledger.reading() as session:
        return [e.subject for e in session.query(AuditEntry).filter_by(action=STATUS_ACTION).order_by(AuditEntry.id)]


def test_a_whole_procedure_moves_the_status_step_by_step(ledger):
    branch = make_branch(ledger)
    record = save_development(ledger, None, procedure(branch, Step.TALK), TODAY)
    assert get_member(ledger, branch.applicant).political_status == "non_party"
    save_development(ledger, record, procedure(branch, Step.TARGET), TODAY)
    assert get_member(ledger, branch.applicant).political_status == "development_target"
    save_development(ledger, record, procedure(branch, Step.ASSEMBLY), TODAY)
    assert get_member(ledger, branch.applicant).political_status == "development_target"  # not before 审批
    save_development(ledger, record, procedure(branch, Step.APPROVAL), TODAY)
    person = get_member(ledger, branch.applicant)
    assert (person.political_status, person.join_date, person.full_member_date) == (
        "probationary", date(2024, 7, 10), None)
    save_development(ledger, record, procedure(branch, Step.FULL_APPROVAL), TODAY)
    person = get_member(ledger, branch.applicant)
    assert (person.political_status, person.join_date, person.full_member_date) == (
        "full_member", date(2024, 7, 10), date(2025, 7, 10))
    assert _audit(ledger) == [
        "刘洋：群众 → 发展对象（发展党员程序）",
        "刘洋：发展对象 → 中共预备党员，入党日期 2024-07-10（发展党员程序）",
        "刘洋：中共预备党员 → 中共党员，入党日期 2024-07-10，转正日期 2025-07-10（发展党员程序）",
    ]
    row = get_development(ledger, record, TODAY)
    assert row.problems == ()


def test_an_extension_moves_the_full_member_date(ledger):
    branch = make_branch(ledger)
    record = save_development(ledger, None, procedure(branch, Step.APPROVAL), TODAY)
    save_development(ledger, record, procedure(branch, Step.APPROVAL, extension_months=6,
                                               extension_reason="考察期间表现需继续观察"), TODAY)
    row = get_development(ledger, record, date(2025, 3, 1))
    assert (row.next.what, row.next.due) == ("预备期满", date(2026, 1, 10))
    with ledger.reading() as session:
        assert session.query(AuditEntry).filter_by(action="延长预备期").one().reason == "考察期间表现需继续观察"


def test_an_impossible_date_is_refused_and_nothing_changes(ledger):
    branch = make_branch(ledger)
    data = procedure(branch, Step.TARGET)
    data.dates[Step.TARGET] = date(2023, 5, 1)  # before 确定积极分子
    with pytest.raises(ValidationError, match="（7）确定发展对象"):
        save_development(ledger, None, data, TODAY)
    assert list_developments(ledger, TODAY) == []
    assert get_member(ledger, branch.applicant).political_status == "non_party"


def test_breaches_are_saved_and_listed_with_the_rule(ledger):
    branch = make_branch(ledger)
    data = procedure(branch, Step.TARGET, contacts=[])
    data.dates[Step.TARGET] = date(2024, 5, 9)  # one year minus a day after 10 May 2023
    data.contacts = [PersonRef("赵敏", branch.activist_member)]
    record = save_development(ledger, None, data, TODAY)
    rules = [b.rule for b in get_development(ledger, record, TODAY).problems]
    assert rules == [Rule.CONTACTS, Rule.ACTIVIST_YEAR]


def test_one_open_record_per_person(ledger):
    branch = make_branch(ledger)
    first = save_development(ledger, None, procedure(branch, Step.TALK), TODAY)
    with pytest.raises(ValidationError, match="已有一份进行中的发展党员记录"):
        save_development(ledger, None, procedure(branch, Step.APPLY), TODAY)
    close_development(ledger, first, date(2024, 1, 1), "本人撤回申请")
    save_development(ledger, None, procedure(branch, Step.APPLY), TODAY)
    assert len(list_developments(ledger, TODAY)) == 1


def test_a_record_closed_meanwhile_is_not_closed_again(ledger):
    from desktop_app.services.errors import UserError

    record_id = save_development(ledger, None, procedure(make_branch(ledger), Step.TALK), TODAY)
    close_development(ledger, record_id, date(2024, 1, 1), "本人撤回申请")
    with pytest.raises(UserError, match="已于2024-01-01终止（本人撤回申请）"):
        close_development(ledger, record_id, date(2024, 2, 1), "调离本校")


def test_deadlines_for_the_dashboard(ledger):
    branch = make_branch(ledger)
    data = procedure(branch, Step.APPLY)
    data.dates[Step.APPLY] = date(2026, 11, 20)
    save_development(ledger, None, data, TODAY)
    [row] = upcoming_deadlines(ledger, TODAY)
    assert (row.name, row.next.what, row.next.due, row.due_state) == ("刘洋", "谈话", date(2026, 12, 20), "soon")
    assert upcoming_deadlines(ledger, date(2026, 12, 21))[0].due_state == "overdue"


def test_scans_are_kept_with_the_record_and_go_with_it(ledger):
    from desktop_app.services.attachments import NewAttachment, attachments_of
    from desktop_app.services.development.commands import OWNER_KIND, delete_development

    branch = make_branch(ledger)
    data = procedure(branch, Step.TALK)
    data.new_attachments = [NewAttachment("入党申请书.pdf", b"%PDF-1.4 scan")]
    record = save_development(ledger, None, data, TODAY)
    [stored] = attachments_of(ledger, OWNER_KIND, record)
    assert (stored.filename, stored.size) == ("入党申请书.pdf", 13)
    data = procedure(branch, Step.TALK)
    data.removed_attachment_ids = [stored.id]
    save_development(ledger, record, data, TODAY)
    assert attachments_of(ledger, OWNER_KIND, record) == []
    data.removed_attachment_ids, data.new_attachments = [], [NewAttachment("谈话记录.jpg", b"jpeg")]
    save_development(ledger, record, data, TODAY)
    delete_development(ledger, record)
    with ledger.reading() as session:
        from desktop_app.store.models.attachments import Attachment
        assert session.query(Attachment).count() == 0


def test_the_demo_fills_the_procedure(ledger):
    from desktop_app.services.demo import fill_demo

    assert "development" in fill_demo(ledger)
    rows = list_developments(ledger)
    statuses = {r.status_label for r in rows}
    assert {"群众", "入党积极分子", "发展对象", "中共预备党员"} <= statuses
    assert any(r.problems for r in rows) and any(r.due_state for r in rows)
