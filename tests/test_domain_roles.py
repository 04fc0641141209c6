"""Who may write what: the secretary everything, a grade office only its own 听课/家访 records."""

from __future__ import annotations

import pytest

from desktop_app.domain.problems import UserError
from desktop_app.domain.roles import (NotPermitted, Role, is_secretary, may_write_table, refuse_others_record,
                                      refuse_table)


def test_her_own_file_without_users_is_the_secretarys():
    assert is_secretary(None) and is_secretary("secretary") and not is_secretary(Role.GRADE_OFFICE)


@pytest.mark.parametrize("table", ["observation", "visit", "visit_student", "member", "pledge", "setting"])
def test_the_secretary_writes_every_table(table):
    assert may_write_table(Role.SECRETARY, table) and may_write_table(None, table)
    refuse_table(None, table, "任何记录")


def test_a_grade_office_writes_only_observations_and_visits():
    assert {t for t in ("observation", "visit", "visit_student", "member", "student", "meeting", "app_user")
            if may_write_table("grade_office", t)} == {"observation", "visit", "visit_student"}
    with pytest.raises(NotPermitted, match="不能修改党员") as refused:
        refuse_table("grade_office", "member", "党员")
    assert isinstance(refused.value, UserError)


def test_a_grade_office_changes_only_what_it_entered():
    refuse_others_record("grade_office", "高一年级组", "高一年级组", "家访记录")
    with pytest.raises(NotPermitted, match="“高二年级组”录入的.*只能修改自己"):
        refuse_others_record("grade_office", "高一年级组", "高二年级组", "家访记录")
    with pytest.raises(NotPermitted, match="书记录入的.*只能删除自己"):
        refuse_others_record("grade_office", "高一年级组", None, "听课记录", deleting=True)
    refuse_others_record(None, "secretary", "高二年级组", "家访记录")
    refuse_others_record("secretary", "王书记", None, "家访记录")
