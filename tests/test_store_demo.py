"""The sample school a new user sees: complete, valid and the same every time."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from desktop_app.domain import idcard
from desktop_app.domain.people import validate_member
from desktop_app.domain.vocab import PoliticalStatus, Post, StudentFlag
from desktop_app.services import members, settings
from desktop_app.services.demo import people
from desktop_app.store.ledger import open_ledger
from desktop_app.store.models import Cultivation, SchoolClass, Student

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)


def test_sample_school_people(ledger):
    assert not people.has_people(ledger)
    people.add_demo(ledger, random.Random(7), today=TODAY)
    assert people.has_people(ledger)
    rows = members.list_members(ledger)
    statuses = Counter(row.political_status for row in rows)
    assert statuses["full_member"] + statuses["probationary"] == 31
    assert statuses["probationary"] >= 2
    assert {"development_target", "activist", "non_party"} <= set(statuses)
    posts = Counter(code for row in rows for code in row.posts)
    assert set(posts) == {post.value for post in Post}
    assert posts["grade_director"] == 3 and posts["head_teacher"] == 12
    assert {row.party_group for row in rows} >= {"高一党小组", "高二党小组", "高三党小组"}
    assert len({row.name for row in rows}) == len(rows)
    for row in rows:
        assert validate_member(members.get_member(ledger, row.id), today=TODAY) == [], row.name
        assert idcard.validate(row.id_number) is None
        assert row.phone and len(row.phone) == 11


def test_sample_school_classes_students_and_plans(ledger):
    people.add_demo(ledger, random.Random(7), today=TODAY)
    with ledger.reading() as session:
        classes = session.scalars(select(SchoolClass).order_by(SchoolClass.id)).all()
        names = [c.name for c in classes]
        heads = {c.head_teacher.name for c in classes}
        per_class = Counter(s.class_id for s in session.scalars(select(Student)))
        flags = Counter(flag for s in session.scalars(select(Student)) for flag in s.flags)
        plans = session.scalars(select(Cultivation)).all()
        plan_kinds = {p.kind for p in plans}
        mentors_ok = all(p.mentor_id and p.mentor_id != p.member_id for p in plans)
    assert names == [f"{g}({n})班" for g in ("高一", "高二", "高三") for n in range(1, 5)]
    assert len(heads) == 12
    assert all(38 <= count <= 42 for count in per_class.values()) and len(per_class) == 12
    assert set(flags) == {flag.value for flag in StudentFlag}
    assert len(plans) >= 3 and plan_kinds == {"member_to_backbone", "backbone_to_member"} and mentors_ok


def test_sample_school_settings(ledger):
    people.add_demo(ledger, random.Random(7), today=TODAY)
    profile = settings.school_profile(ledger)
    assert (profile.school_name, profile.branch_name) == ("示例市第一中学", "示例市第一中学党支部")
    dates = settings.semester_dates(ledger, "2026-2027")
    assert settings.validate_semester_dates(dates) is None
    assert dates.first.start == date(2026, 9, 1) and dates.second.end.year == 2027


def test_same_seed_same_school(tmp_path):
    def names_for(folder):
        ledger = open_ledger(folder)
        try:
            people.add_demo(ledger, random.Random(11), today=TODAY)
            return [(r.name, r.id_number, r.political_status) for r in members.list_members(ledger)]
        finally:
            ledger.close()

    first, second = names_for(tmp_path / "a"), names_for(tmp_path / "b")
    assert first == second
    assert PoliticalStatus.FULL_MEMBER.value in {status for _, _, status in first}
