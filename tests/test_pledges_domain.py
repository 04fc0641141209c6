"""The pledge status machine and rules, checked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.pledges import (
    MOVES,
    PledgeData,
    PledgeKind,
    PledgeStatus as S,
    Publication,
    PublicationPlace,
    Review,
    ReviewBody,
    ReviewGrade,
    can_move,
    content_items_from_text,
    delete_refusal,
    edit_refusal,
    move_refusal,
    validate_pledge,
    validate_publication,
    validate_review,
)

ALLOWED = {
    (S.DRAFT, S.PUBLISHED),
    (S.PUBLISHED, S.DRAFT),  # withdraw a posting made by mistake
    (S.PUBLISHED, S.IN_PROGRESS),
    (S.PUBLISHED, S.REVIEWED),
    (S.IN_PROGRESS, S.REVIEWED),
    (S.REVIEWED, S.IN_PROGRESS),  # reopen
}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_every_move_is_allowed_or_refused_with_a_reason(current, target):
    reason = move_refusal(current, target)
    if (current, target) in ALLOWED:
        assert reason is None and can_move(current, target)
    else:
        assert reason and not can_move(current, target)


def test_moves_table_matches_the_allowed_list():
    assert {(a, b) for a, targets in MOVES.items() for b in targets} == ALLOWED


def test_review_before_publication_is_refused_with_the_reason():
    assert move_refusal(S.DRAFT, S.REVIEWED) == "承诺还没有公示，不能评议：请先公示。"
    assert "先公示" in move_refusal("draft", "in_progress")


def test_reviewed_pledge_points_to_reopening():
    assert "重新打开" in move_refusal(S.REVIEWED, S.REVIEWED)
    assert "重新打开" in move_refusal(S.REVIEWED, S.PUBLISHED)


def test_content_locked_only_after_review():
    assert edit_refusal(S.DRAFT) is None
    assert edit_refusal(S.PUBLISHED) is None
    assert edit_refusal(S.IN_PROGRESS) is None
    assert "锁定" in edit_refusal(S.REVIEWED)


def test_only_drafts_can_be_deleted():
    assert delete_refusal(S.DRAFT) is None
    for status in (S.PUBLISHED, S.IN_PROGRESS, S.REVIEWED):
        assert status.label in delete_refusal(status)


@pytest.mark.parametrize("grade, needs", [("good", False), ("fairly_good", False), ("average", True), ("poor", True)])
def test_explanation_required_for_average_and_poor(grade, needs):
    assert ReviewGrade(grade).needs_explanation is needs
    review = Review(grade, ReviewBody.MEMBERS_MEETING.value, date(2026, 7, 1))
    problems = validate_review(review)
    assert [p.field for p in problems] == (["未践诺说明"] if needs else [])
    review.explanation = "因病休假一个学期，示范课未能完成"
    assert validate_review(review) == []


def test_review_needs_grade_body_and_date_not_before_publication():
    problems = validate_review(Review(None, None, None))
    assert [p.field for p in problems] == ["评议等次", "评议主体", "评议日期"]
    early = Review("good", "branch_committee", date(2025, 9, 1))
    problems = validate_review(early, published_from=date(2025, 9, 10))
    assert [p.field for p in problems] == ["评议日期"]
    assert "2025-09-10" in problems[0].message
    assert validate_review(early, published_from=date(2025, 9, 1)) == []


def test_publication_period_from_not_after_to_and_a_place():
    good = Publication(date(2025, 9, 10), date(2025, 9, 10), [PublicationPlace.NOTICE_BOARD.value])
    assert validate_publication(good) == []  # a one-day posting is fine
    backwards = Publication(date(2025, 9, 20), date(2025, 9, 10), ["web"])
    assert [p.field for p in validate_publication(backwards)] == ["公示结束"]
    nothing = Publication(None, None, [])
    assert [p.field for p in validate_publication(nothing)] == ["公示开始", "公示结束", "公示方式"]
    assert "不是可选" in validate_publication(Publication(date(2025, 9, 1), date(2025, 9, 2), ["radio"]))[0].message


def test_branch_pledge_has_no_member_and_member_pledges_have_one():
    assert validate_pledge(PledgeData(None, "branch", "2025-2026", content_items=["创建五个好先进党支部"])) == []
    problems = validate_pledge(PledgeData(3, "branch", "2025-2026", content_items=["x"]))
    assert [p.field for p in problems] == ["承诺人"]
    problems = validate_pledge(PledgeData(None, "post", "2025-2026", content_items=["x"]))
    assert [p.field for p in problems] == ["承诺人"] and "岗位承诺" in problems[0].message


def test_pledge_needs_kind_year_and_items_unless_bulk_draft():
    problems = validate_pledge(PledgeData(1, "oath", "2025-2027"))
    assert [p.field for p in problems] == ["承诺类型", "学年", "承诺内容"]
    assert validate_pledge(PledgeData(1, "goal", "2025-2026"), require_content=False) == []
    long_item = PledgeData(1, "post", "2025-2026", content_items=["好" * 501])
    assert "第1条" in validate_pledge(long_item)[0].message


def test_content_items_from_lines_semicolons_and_numbering():
    text = "1. 每学期上好一节示范课\n（2）结对帮扶一名青年教师；3、每周听课不少于3节\n\n  "
    assert content_items_from_text(text) == ["每学期上好一节示范课", "结对帮扶一名青年教师", "每周听课不少于3节"]
    assert content_items_from_text("") == []
    assert content_items_from_text("① 家访 15 户") == ["家访 15 户"]


def test_vocabulary_labels_from_the_sources():
    assert PledgeKind.labels() == ["岗位承诺", "目标承诺", "支部承诺"]
    assert S.labels() == ["草拟", "已公示", "践诺中", "已评议"]
    assert PublicationPlace.labels() == ["公示栏", "校报", "电子屏", "网络"]
    assert ReviewGrade.labels() == ["好", "较好", "一般", "差"]
    assert ReviewBody.labels() == ["党员大会", "支部委员会", "师生评议"]
    assert ReviewGrade.from_label("较好") is ReviewGrade.FAIRLY_GOOD
