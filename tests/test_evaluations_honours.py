"""The honours register, stars → honours in one step, and the branch's 五个好."""

from __future__ import annotations

from datetime import date

import pytest
from evaluation_helpers import YEAR, add_members, enter_total

from desktop_app.domain.branch_criteria import branch_total
from desktop_app.domain.school import ClassData
from desktop_app.services.classes import add_class
from desktop_app.services.errors import InUse, NotFound, UserError, ValidationError
from desktop_app.services.evaluations.branch import branch_assessment, save_criterion
from desktop_app.services.evaluations.commands import approve
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.honours import (
    HonourData, add_honour, delete_honour, delete_honours, honours_from_stars, list_honours, update_honour,
)
from desktop_app.services.members import delete_member

pytestmark = pytest.mark.both_engines


def test_member_and_class_honours_are_listed_for_the_prints(ledger):
    teacher, other = add_members(ledger, 2)
    klass = add_class(ledger, ClassData(name="高二(3)班", grade="高二", head_teacher_id=teacher))
    add_honour(ledger, HonourData("爱岗敬业星", YEAR, member_id=other, issuer="校党支部",
                                  awarded_on=date(2025, 9, 10), note="首届班主任节"))
    add_honour(ledger, HonourData("党员先锋班", YEAR, class_id=klass, issuer="校党支部"))
    add_honour(ledger, HonourData("党员标兵", "2024-2025", member_id=other))
    rows = list_honours(ledger, YEAR)
    assert [r.title for r in rows] == ["爱岗敬业星", "党员先锋班"]
    pennant = list_honours(ledger, title="党员先锋班")[0]
    assert (pennant.class_name, pennant.head_teacher_name, pennant.member_id) == ("高二(3)班", "王晓明", teacher)
    assert pennant.recipient == "高二(3)班（班主任 王晓明）"
    assert rows[0].date == date(2025, 9, 10) and rows[0].issuer == "校党支部"
    assert len(list_honours(ledger)) == 3


def test_honour_input_is_checked(ledger):
    (member,) = add_members(ledger, 1)
    with pytest.raises(ValidationError, match="班级：“党员先锋班”必须选择班级"):
        add_honour(ledger, HonourData("党员先锋班", YEAR, member_id=member))
    with pytest.raises(ValidationError, match="荣誉称号：必须填写"):
        add_honour(ledger, HonourData("", YEAR, member_id=member))
    with pytest.raises(ValidationError, match="学年"):
        add_honour(ledger, HonourData("党员标兵", "明年", member_id=member))
    honour = add_honour(ledger, HonourData("党员标兵", YEAR, member_id=member))
    with pytest.raises(UserError, match="不要重复登记"):
        add_honour(ledger, HonourData("党员标兵", YEAR, member_id=member))
    update_honour(ledger, honour, HonourData("教学改革星", YEAR, member_id=member, issuer="教务处"))
    assert list_honours(ledger)[0].title == "教学改革星"
    with pytest.raises(InUse, match="荣誉 1 条"):
        delete_member(ledger, member)
    delete_honour(ledger, honour)
    assert list_honours(ledger) == []


def test_approved_year_stars_become_honours_once(ledger):
    five, four, none = add_members(ledger, 3)
    scheme = get_scheme(ledger, YEAR)
    for member, total in ((five, 95), (four, 85), (none, 60)):
        enter_total(ledger, scheme, member, 1, total)
    with pytest.raises(UserError, match="尚未审批锁定"):
        honours_from_stars(ledger, YEAR, "校党支部", date(2026, 7, 1))
    approve(ledger, YEAR, None, date(2026, 7, 1), "支部党员大会")
    assert honours_from_stars(ledger, YEAR, "校党支部", date(2026, 7, 1)) == 2
    assert honours_from_stars(ledger, YEAR, "校党支部", date(2026, 7, 1)) == 0  # no duplicates
    rows = list_honours(ledger, YEAR)
    assert [(r.title, r.member_id) for r in rows] == [("五星级党员", five), ("四星级党员", four)]
    assert rows[0].note == "2025-2026学年量化考核 95 分"


def test_branch_five_goods_self_assessment(ledger):
    save_criterion(ledger, YEAR, "leadership", 19, "班子团结，按期换届")
    save_criterion(ledger, YEAR, "reputation", 18.5, "")
    rows = branch_assessment(ledger, YEAR)
    assert [r.label for r in rows] == ["领导班子好", "干部队伍好", "工作机制好", "工作业绩好", "群众反映好"]
    assert (rows[0].score, rows[0].notes) == (19, "班子团结，按期换届")
    assert branch_total({r.criterion: r.score for r in rows}) is None
    for row in rows[1:4]:
        save_criterion(ledger, YEAR, row.criterion, 18, "")
    assert branch_total({r.criterion: r.score for r in branch_assessment(ledger, YEAR)}) == 91.5
    with pytest.raises(ValidationError, match="“工作业绩好”应在 0 到 20 分之间"):
        save_criterion(ledger, YEAR, "performance", 21, "")
    approve(ledger, YEAR, None, date(2026, 7, 1), "支部党员大会")
    with pytest.raises(UserError, match="五个好自评不能修改"):
        save_criterion(ledger, YEAR, "performance", 20, "")


def test_deleting_several_honours_is_all_or_nothing(ledger):
    first, second, third = add_members(ledger, 3)
    ids = [add_honour(ledger, HonourData("党员标兵", YEAR, member_id=m)) for m in (first, second, third)]
    delete_honour(ledger, ids[1])  # deleted meanwhile, e.g. in another window
    published = []
    ledger.bus.subscribe(published.append)
    with pytest.raises(NotFound, match="没有删除任何荣誉"):
        delete_honours(ledger, [ids[0], ids[1], ids[2]])
    assert sorted(r.id for r in list_honours(ledger)) == [ids[0], ids[2]]  # the first one is still there
    assert published == []

    assert delete_honours(ledger, [ids[0], ids[2]]) == 2
    assert list_honours(ledger) == []
    assert published == [{"honour"}]  # one change notice, so the screens reload once
