"""Roles on a real PostgreSQL server ledger: the secretary does everything, a grade office enters and
changes only its own 听课/家访 records and reads the roster; passwords kept only as scrypt hashes."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest
from records_school import make_people
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop_app.domain.people import MemberData
from desktop_app.domain.roles import NotPermitted, Role
from desktop_app.services import members as member_service
from desktop_app.services import users
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.visits import VisitData, add_visit, delete_visits, get_visit, update_visit
from desktop_app.store.ledger import open_ledger
from desktop_app.store.models.records import Observation

SECRETARY_PW, OFFICE_PW = "书记的口令123", "gaoyi-口令-456"


@pytest.fixture
def school(pg_ledger_url):
    """The secretary's and two grade offices' computers on one server ledger, each logged in."""
    secretary = open_ledger(pg_ledger_url)
    people = make_people(secretary)
    users.create_first_secretary(secretary, "王书记", SECRETARY_PW)
    users.add_user(secretary, "高一年级组", Role.GRADE_OFFICE, OFFICE_PW, "高一年级组")
    users.add_user(secretary, "高二年级组", Role.GRADE_OFFICE, OFFICE_PW, "高二年级组")
    grade_one, grade_two = open_ledger(pg_ledger_url), open_ledger(pg_ledger_url)
    users.log_in(grade_one, "高一年级组", OFFICE_PW)
    users.log_in(grade_two, "高二年级组", OFFICE_PW)
    yield secretary, grade_one, grade_two, people
    for ledger in (secretary, grade_one, grade_two):
        ledger.close()


def _visit(people, content: str) -> VisitData:
    return VisitData(date=date(2025, 9, 12), visitor_id=people.members["张老师"], kind="phone",
                     student_ids=[people.students["学生甲"]], content=content)


def test_a_grade_office_adds_and_edits_its_own_visit_and_observation(school):
    _, grade_one, _, people = school
    visit_id = add_visit(grade_one, _visit(people, "电话家访"))
    update_visit(grade_one, visit_id, _visit(people, "电话家访，家长同意配合"))
    assert get_visit(grade_one, visit_id).content == "电话家访，家长同意配合"
    add_observation(grade_one, ObservationData(date=date(2025, 9, 3), observer_id=people.members["李主任"],
                                               teacher_id=people.members["张老师"], lesson_type="regular"))
    delete_visits(grade_one, [visit_id])
    with grade_one.reading() as session:
        assert session.scalar(select(Observation.entered_by)) == "高一年级组"


def test_a_grade_office_may_not_edit_or_delete_another_offices_visit(school):
    _, grade_one, grade_two, people = school
    theirs = add_visit(grade_two, _visit(people, "高二的家访"))
    with pytest.raises(NotPermitted, match="“高二年级组”录入的.*只能修改自己录入的记录"):
        update_visit(grade_one, theirs, _visit(people, "改掉别人的记录"))
    with pytest.raises(NotPermitted, match="只能删除自己录入的记录"):
        delete_visits(grade_one, [theirs])
    assert get_visit(grade_two, theirs).content == "高二的家访"


def test_a_grade_office_reads_the_roster_but_may_not_add_or_change_a_member(school):
    secretary, grade_one, _, people = school
    assert "张老师" in {m.name for m in member_service.list_members(grade_one)}
    with pytest.raises(NotPermitted, match="不能修改党员") as refused:
        member_service.add_member(grade_one, MemberData(name="新党员", political_status="full_member"))
    assert isinstance(refused.value, UserError)
    with pytest.raises(NotPermitted, match="不能修改用户"):
        users.add_user(grade_one, "自封书记", Role.SECRETARY, "12345678")
    assert "新党员" not in {m.name for m in member_service.list_members(secretary)}


def test_the_secretary_does_everything_including_others_records(school):
    secretary, _, grade_two, people = school
    theirs = add_visit(grade_two, _visit(people, "高二的家访"))
    update_visit(secretary, theirs, _visit(people, "书记补充的内容"))
    assert get_visit(secretary, theirs).content == "书记补充的内容"
    delete_visits(secretary, [theirs])
    member_service.add_member(secretary, MemberData(name="新党员", political_status="full_member"))
    office = next(u for u in users.list_users(secretary) if u.name == "高二年级组")
    users.reset_password(secretary, office.id, "新的口令789")
    users.set_active(secretary, office.id, False)
    stopped = open_ledger(secretary.database_url)
    try:
        with pytest.raises(UserError, match="用户名或密码不正确"):  # 停用: the new password no longer opens it
            users.log_in(stopped, "高二年级组", "新的口令789")
    finally:
        stopped.close()


def test_a_wrong_password_or_unknown_name_is_refused_and_changes_nothing(school, pg_ledger_url):
    fresh = open_ledger(pg_ledger_url)
    try:
        for name, password in (("高一年级组", "不对的口令"), ("没有这个人", OFFICE_PW), ("高一年级组", "")):
            with pytest.raises(UserError, match="用户名或密码不正确"):
                users.log_in(fresh, name, password)
        assert fresh.role is None
        assert users.log_in(fresh, "高一年级组", OFFICE_PW).label == "高一年级组（高一年级组）"
        assert fresh.role == "grade_office"
    finally:
        fresh.close()


def test_accounts_are_checked_and_the_first_one_is_made_only_once(school):
    secretary, *_ = school
    with pytest.raises(ValidationError) as refused:
        users.add_user(secretary, "高一年级组", Role.GRADE_OFFICE, "123", "")
    assert {p.field for p in refused.value.problems} == {"年级组", "密码"}
    with pytest.raises(ValidationError, match="已经有了"):
        users.add_user(secretary, "高一年级组", Role.GRADE_OFFICE, "12345678", "高一年级组")
    with pytest.raises(UserError, match="已经有账号"):
        users.create_first_secretary(secretary, "另一个书记", "12345678")
    with pytest.raises(UserError, match="不能停用正在使用的账号"):
        users.set_active(secretary, users.list_users(secretary)[0].id, False)


def test_passwords_are_never_stored_in_plain_text(school, pg_ledger_url):
    parts = make_url(pg_ledger_url)
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname=parts.database) as conn:
        rows = conn.execute("SELECT name, password_hash, password_salt, scrypt_n FROM app_user").fetchall()
        dump = " ".join(str(v) for row in conn.execute("SELECT * FROM app_user").fetchall() for v in row)
    assert len(rows) == 3 and all(len(h) == 128 and len(s) == 32 and n == 2**14 for _, h, s, n in rows)
    assert len({h for _, h, _, _ in rows}) == 3  # the same password, different salts
    for password in (SECRETARY_PW, OFFICE_PW):
        assert password not in dump and password.encode("utf-8").hex() not in dump
