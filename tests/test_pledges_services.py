"""Pledge services against a real ledger file."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.people import MemberData
from desktop_app.domain.pledges import PledgeData, Publication, Review
from desktop_app.services import pledges as svc
from desktop_app.services.errors import InUse, UserError, ValidationError
from desktop_app.services.members import add_member, delete_member

pytestmark = pytest.mark.both_engines

YEAR = "2025-2026"
PUB = Publication(date(2025, 9, 10), date(2025, 9, 20), ["notice_board", "web"])


def _member(ledger, name, status="full_member", group="第一党小组", active=True):
    return add_member(ledger, MemberData(name=name, political_status=status, party_group=group, active=active))


@pytest.fixture
def people(ledger):
    return {
        "张晓明": _member(ledger, "张晓明"),
        "李红": _member(ledger, "李红", "probationary", "第二党小组"),
        "王刚": _member(ledger, "王刚"),
        "赵敏": _member(ledger, "赵敏", "activist"),
        "陈老师": _member(ledger, "陈老师", active=False),
    }


def _write(ledger, member_id, items=("每学期上好一节示范课", "结对帮扶一名青年教师"), kind="post", year=YEAR):
    return svc.write_pledge(ledger, PledgeData(member_id, kind, year, "五个模范", list(items), date(2025, 9, 5)))


def test_write_publish_review_round_trip(ledger, people):
    pid = _write(ledger, people["张晓明"])
    row = svc.get_pledge(ledger, pid)
    assert (row.owner_name, row.status_label, row.kind_label, row.party_group) == ("张晓明", "草拟", "岗位承诺", "第一党小组")
    assert row.content_summary == "每学期上好一节示范课；结对帮扶一名青年教师"

    svc.publish(ledger, pid, PUB)
    row = svc.get_pledge(ledger, pid)
    assert row.status_label == "已公示" and row.places_label == "公示栏、网络"
    assert row.publication_label == "2025-09-10 至 2025-09-20"

    svc.start_fulfilment(ledger, [pid])
    svc.record_review(ledger, pid, Review("fairly_good", "members_meeting", date(2026, 7, 2), "示范课效果好"))
    row = svc.get_pledge(ledger, pid)
    assert (row.status_label, row.grade_label, row.body_label, row.review_date) == ("已评议", "较好", "党员大会", date(2026, 7, 2))
    assert svc.review_grades(ledger, YEAR) == {people["张晓明"]: "fairly_good"}


def test_review_before_publication_refused_and_nothing_changes(ledger, people):
    pid = _write(ledger, people["张晓明"])
    with pytest.raises(UserError, match="还没有公示"):
        svc.record_review(ledger, pid, Review("good", "members_meeting", date(2026, 7, 1)))
    assert svc.get_pledge(ledger, pid).status == "draft"


def test_poor_grade_needs_explanation(ledger, people):
    pid = _write(ledger, people["张晓明"])
    svc.publish(ledger, pid, PUB)
    with pytest.raises(ValidationError) as caught:
        svc.record_review(ledger, pid, Review("poor", "branch_committee", date(2026, 7, 1)))
    assert [p.field for p in caught.value.problems] == ["未践诺说明"]
    svc.record_review(ledger, pid, Review("poor", "branch_committee", date(2026, 7, 1), explanation="长期病假"))
    assert svc.get_pledge(ledger, pid).review_explanation == "长期病假"


def test_reviewed_content_locked_until_reopened(ledger, people):
    pid = _write(ledger, people["张晓明"])
    svc.publish(ledger, pid, PUB)
    svc.record_review(ledger, pid, Review("good", "members_meeting", date(2026, 7, 1)))
    edited = PledgeData(people["张晓明"], "post", YEAR, "党员标兵", ["新内容"])
    with pytest.raises(UserError, match="锁定"):
        svc.update_pledge(ledger, pid, edited)
    svc.reopen(ledger, pid)
    row = svc.get_pledge(ledger, pid)
    assert row.status_label == "践诺中" and row.review_grade is None
    assert svc.review_grades(ledger, YEAR) == {}
    svc.update_pledge(ledger, pid, edited)
    assert svc.get_pledge(ledger, pid).content_items == ("新内容",)
    with pytest.raises(UserError, match="只有已评议"):
        svc.reopen(ledger, pid)


def test_batch_publish_is_all_or_nothing_and_names_the_culprit(ledger, people):
    a, b = _write(ledger, people["张晓明"]), _write(ledger, people["李红"])
    svc.publish(ledger, b, PUB)
    with pytest.raises(UserError) as caught:
        svc.publish_many(ledger, [a, b], PUB)
    assert "李红的岗位承诺（2025-2026）" in str(caught.value) and "已经公示" in str(caught.value)
    assert svc.get_pledge(ledger, a).status == "draft"
    svc.withdraw_publication(ledger, b)
    assert svc.publish_many(ledger, [a, b], PUB) == 2
    assert svc.counts_by_status(ledger, YEAR) == {"draft": 0, "published": 2, "in_progress": 0, "reviewed": 0}


def test_batch_review_one_body_and_date_grade_per_row(ledger, people):
    ids = [_write(ledger, people[n]) for n in ("张晓明", "李红", "王刚")]
    svc.publish_many(ledger, ids, PUB)
    entries = [svc.ReviewEntry(ids[0], "good"), svc.ReviewEntry(ids[1], "average"), svc.ReviewEntry(ids[2], "fairly_good")]
    with pytest.raises(UserError, match="李红.*未践诺说明"):
        svc.record_reviews(ledger, entries, "members_meeting", date(2026, 7, 3))
    assert svc.counts_by_status(ledger, YEAR)["reviewed"] == 0
    entries[1] = svc.ReviewEntry(ids[1], "average", explanation="结对帮扶只完成一半")
    assert svc.record_reviews(ledger, entries, "members_meeting", date(2026, 7, 3)) == 3
    rows = {r.owner_name: r for r in svc.list_pledges(ledger, YEAR)}
    assert {n: r.review_grade for n, r in rows.items()} == {"张晓明": "good", "李红": "average", "王刚": "fairly_good"}
    assert {r.review_body for r in rows.values()} == {"members_meeting"}
    assert svc.counts_by_status(ledger, YEAR)["reviewed"] == 3


def test_duplicate_pledge_of_same_kind_refused(ledger, people):
    _write(ledger, people["张晓明"])
    with pytest.raises(UserError, match="张晓明在2025-2026学年已有岗位承诺"):
        _write(ledger, people["张晓明"])
    _write(ledger, people["张晓明"], kind="goal")  # a 目标承诺 besides is fine
    svc.write_pledge(ledger, PledgeData(None, "branch", YEAR, "五个好先进党支部", ["领导班子好"]))
    with pytest.raises(UserError, match="本支部"):
        svc.write_pledge(ledger, PledgeData(None, "branch", YEAR, "", ["工作业绩好"]))


def test_review_grade_prefers_post_pledge(ledger, people):
    goal = _write(ledger, people["张晓明"], kind="goal")
    post = _write(ledger, people["张晓明"])
    svc.publish_many(ledger, [goal, post], PUB)
    svc.record_reviews(ledger, [svc.ReviewEntry(goal, "good"), svc.ReviewEntry(post, "fairly_good")],
                       "branch_committee", date(2026, 7, 1))
    assert svc.review_grades(ledger, YEAR) == {people["张晓明"]: "fairly_good"}


def test_not_yet_pledged_lists_active_party_members_without_a_pledge(ledger, people):
    _write(ledger, people["张晓明"])
    assert [m.name for m in svc.not_yet_pledged(ledger, YEAR)] == sorted(["李红", "王刚"])
    everyone = ("full_member", "probationary", "activist")
    assert sorted(m.name for m in svc.not_yet_pledged(ledger, YEAR, everyone)) == sorted(["李红", "王刚", "赵敏"])
    assert len(svc.not_yet_pledged(ledger, "2024-2025")) == 3


def test_only_drafts_deleted_and_member_with_pledge_cannot_be_deleted(ledger, people):
    pid = _write(ledger, people["王刚"])
    with pytest.raises(InUse, match="承诺 1 条"):
        delete_member(ledger, people["王刚"])
    svc.publish(ledger, pid, PUB)
    with pytest.raises(UserError, match="只能删除草拟"):
        svc.delete_draft(ledger, pid)
    svc.withdraw_publication(ledger, pid)
    svc.delete_draft(ledger, pid)
    assert svc.list_pledges(ledger, YEAR) == []
    delete_member(ledger, people["王刚"])


def test_bulk_start_copies_last_years_content(ledger, people):
    _write(ledger, people["张晓明"], items=["每周听课不少于3节"], year="2024-2025")
    already = _write(ledger, people["王刚"])
    result = svc.start_year(ledger, YEAR, copy_previous=True)
    assert result == svc.YearStart(created=2, copied=1, already=1)
    rows = {r.owner_name: r for r in svc.list_pledges(ledger, YEAR)}
    assert set(rows) == {"张晓明", "李红", "王刚"}
    assert rows["张晓明"].content_items == ("每周听课不少于3节",) and rows["张晓明"].standard == "五个模范"
    assert rows["李红"].content_items == () and rows["李红"].status == "draft"
    assert rows["王刚"].id == already
    assert svc.start_year(ledger, YEAR) == svc.YearStart(0, 0, 3)  # running again adds nothing
    with pytest.raises(UserError, match="承诺内容为空"):
        svc.publish(ledger, rows["李红"].id, PUB)


def test_bulk_start_without_copy_and_bad_year(ledger, people):
    _write(ledger, people["张晓明"], year="2024-2025")
    assert svc.start_year(ledger, YEAR, copy_previous=False) == svc.YearStart(3, 0, 0)
    with pytest.raises(UserError, match="无法识别学年"):
        svc.start_year(ledger, "明年")
    assert svc.previous_school_year(YEAR) == "2024-2025"
