"""双培双促进 plans through the services and their rules."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.cultivation import CultivationData, validate_cultivation
from desktop_app.domain.people import MemberData
from desktop_app.services import cultivation
from desktop_app.services.errors import ValidationError
from desktop_app.services.members import add_member, delete_member

pytestmark = pytest.mark.both_engines


def test_rules_name_the_fields():
    problems = validate_cultivation(CultivationData(kind="x", member_id=None), today=date(2025, 9, 1))
    assert [p.field for p in problems] == ["培养类型", "培养对象"]
    same = validate_cultivation(CultivationData(member_id=3, mentor_id=3), today=date(2025, 9, 1))
    assert [str(p) for p in same] == ["帮扶人：不能与培养对象是同一人"]
    late = validate_cultivation(CultivationData(member_id=3, start_date=date(2027, 1, 1)), today=date(2025, 9, 1))
    assert [p.field for p in late] == ["开始日期"]
    assert validate_cultivation(CultivationData(member_id=3, start_date=date(2026, 12, 31)), today=date(2025, 9, 1)) == []


def test_plans_are_listed_with_names_and_cascade_with_the_person(ledger):
    person = add_member(ledger, MemberData(name="刘洋", political_status="non_party", backbone_titles=["教学骨干"]))
    mentor = add_member(ledger, MemberData(name="陈静"))
    plan = cultivation.add_cultivation(ledger, CultivationData(
        kind="backbone_to_member", member_id=person, mentor_id=mentor, target=" 两年内发展入党 ",
        start_date=date(2025, 9, 1), stage="结对帮扶中"))
    row = cultivation.list_cultivations(ledger)[0]
    assert (row.id, row.kind_label, row.member_name, row.mentor_name, row.target) == (
        plan, "骨干培养成党员", "刘洋", "陈静", "两年内发展入党")
    delete_member(ledger, mentor)
    assert cultivation.list_cultivations(ledger)[0].mentor_name == ""
    delete_member(ledger, person)
    assert cultivation.list_cultivations(ledger) == []


def test_update_and_delete(ledger):
    person = add_member(ledger, MemberData(name="刘洋"))
    plan = cultivation.add_cultivation(ledger, CultivationData(kind="member_to_backbone", member_id=person))
    data = cultivation.get_cultivation(ledger, plan)
    data.stage = "已达成"
    cultivation.update_cultivation(ledger, plan, data)
    assert cultivation.list_cultivations(ledger, member_id=person)[0].stage == "已达成"
    with pytest.raises(ValidationError, match="培养对象：该人员已不存在"):
        cultivation.add_cultivation(ledger, CultivationData(member_id=9999))
    cultivation.delete_cultivation(ledger, plan)
    assert cultivation.list_cultivations(ledger) == []
