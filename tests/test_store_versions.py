"""Edit conflicts in the store: two ledgers open on one file (or one database), one record."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from desktop_app.services import members as member_service
from desktop_app.services.edits import EditConflict, editable_kinds, expecting, opened
from desktop_app.store.events import Topic
from desktop_app.services.members import MemberData
from desktop_app.store.ledger import open_ledger


def _member(ledger, name="王芳") -> int:
    return member_service.add_member(ledger, MemberData(name=name, political_status="full_member",
                                                        join_date=date(2010, 7, 1)))


def _renamed(ledger, member_id, notes) -> MemberData:
    data = member_service.get_member(ledger, member_id)
    data.notes = notes
    return data


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request, data_dir):
    """Where two clients open the same ledger: one file, or one PostgreSQL database."""
    return request.getfixturevalue("pg_url") if request.param == "postgresql" else data_dir


def test_second_save_over_an_older_version_is_refused_and_writes_nothing(shared):
    first, second = open_ledger(shared), open_ledger(shared)
    try:
        member_id = _member(first)
        in_first, in_second = opened(first, Topic.MEMBER, member_id), opened(second, Topic.MEMBER, member_id)
        mine, theirs = _renamed(first, member_id, "第一个窗口的备注"), _renamed(second, member_id, "第二个窗口的备注")
        with expecting(in_first):
            member_service.update_member(first, member_id, mine)
        with pytest.raises(EditConflict) as refused, expecting(in_second):
            member_service.update_member(second, member_id, theirs)
        assert "此党员记录在您打开之后已被修改" in str(refused.value)
        assert member_service.get_member(second, member_id).notes == "第一个窗口的备注"
    finally:
        first.close()
        second.close()


def test_a_save_over_the_version_it_loaded_goes_through_and_counts_one_more(ledger):
    member_id = _member(ledger)
    loaded = opened(ledger, Topic.MEMBER, member_id)
    with expecting(loaded):
        member_service.update_member(ledger, member_id, _renamed(ledger, member_id, "改过"))
    now = opened(ledger, Topic.MEMBER, member_id)
    assert now.version > loaded.version
    with expecting(now):
        member_service.update_member(ledger, member_id, _renamed(ledger, member_id, "又改过"))
    assert member_service.get_member(ledger, member_id).notes == "又改过"


def test_a_change_without_a_dialog_an_import_or_the_cli_still_counts(ledger):
    member_id = _member(ledger)
    loaded = opened(ledger, Topic.MEMBER, member_id)
    member_service.update_member(ledger, member_id, _renamed(ledger, member_id, "命令行改的"))
    with pytest.raises(EditConflict), expecting(loaded):
        member_service.update_member(ledger, member_id, _renamed(ledger, member_id, "窗口改的"))
    assert member_service.get_member(ledger, member_id).notes == "命令行改的"


def test_saving_a_record_someone_deleted_says_deleted(ledger):
    member_id = _member(ledger)
    loaded = opened(ledger, Topic.MEMBER, member_id)
    data = _renamed(ledger, member_id, "x")
    member_service.delete_member(ledger, member_id)
    with pytest.raises(EditConflict) as refused, expecting(loaded):
        member_service.update_member(ledger, member_id, data)
    assert refused.value.deleted and "已被删除" in str(refused.value)


def test_who_entered_and_who_changed_are_kept(shared):
    first, second = open_ledger(shared), open_ledger(shared)
    try:
        first.user, second.user = "书记", "初二年级组"
        member_id = _member(first)
        member_service.update_member(second, member_id, _renamed(second, member_id, "年级组补充"))
        with second.reading() as session:
            row = session.execute(text("SELECT entered_by, changed_by FROM member WHERE id = :id"),
                                  {"id": member_id}).one()
        assert tuple(row) == ("书记", "初二年级组")
    finally:
        first.close()
        second.close()


def test_only_the_first_write_in_the_block_is_checked(ledger):
    member_id = _member(ledger)
    with expecting(opened(ledger, Topic.MEMBER, member_id)):
        member_service.update_member(ledger, member_id, _renamed(ledger, member_id, "一"))
        member_service.update_member(ledger, member_id, _renamed(ledger, member_id, "二"))
    assert member_service.get_member(ledger, member_id).notes == "二"


def test_record_kinds_keep_versions_and_other_topics_are_refused(ledger):
    assert Topic.MEMBER in editable_kinds() and Topic.SETTING not in editable_kinds()
    for kind in editable_kinds():
        assert opened(ledger, kind, 1).version == 0  # no such record yet: version 0, never saved over
    for wrong in (Topic.SETTING, "memebr"):
        with pytest.raises(ValueError):
            opened(ledger, wrong, 1)


def test_change_times_are_utc_on_either_engine(shared):
    from datetime import datetime, timedelta, timezone

    import sqlalchemy as sa

    if isinstance(shared, str):  # a server in China keeps Beijing time by default: the ledger must not
        server = sa.create_engine(shared.replace("postgresql://", "postgresql+psycopg://", 1))
        with server.begin() as connection:
            connection.exec_driver_sql(f"ALTER DATABASE \"{server.url.database}\" SET timezone TO 'Asia/Shanghai'")
        server.dispose()
    ledger = open_ledger(shared)
    try:
        member_id = _member(ledger)
        with ledger.reading() as session:
            stamp = session.execute(text("SELECT updated_at FROM member WHERE id = :id"), {"id": member_id}).scalar()
        if isinstance(stamp, str):
            stamp = datetime.fromisoformat(stamp)
        assert abs(stamp - datetime.now(timezone.utc).replace(tzinfo=None)) < timedelta(minutes=5)
    finally:
        ledger.close()


def test_overlapping_writers_on_postgresql_each_count_a_version(pg_url):
    """A long import read the member before another save committed; its own change must still count,
    or a dialog opened between the two would save over the import's change unnoticed."""
    from desktop_app.store.models import Member

    importer, window, other = open_ledger(pg_url), open_ledger(pg_url), open_ledger(pg_url)
    try:
        member_id = _member(window)
        with importer.transaction() as session:
            record = session.get(Member, member_id)  # read at version 1
            member_service.update_member(window, member_id, _renamed(window, member_id, "窗口保存"))  # → 2
            opened_between = opened(other, Topic.MEMBER, member_id)  # a dialog opens at version 2
            record.party_group = "导入的党小组"
        assert opened(window, Topic.MEMBER, member_id).version > opened_between.version
        with pytest.raises(EditConflict), expecting(opened_between):
            member_service.update_member(other, member_id, _renamed(other, member_id, "第三个窗口"))
    finally:
        for ledger in (importer, window, other):
            ledger.close()


def test_a_save_that_changes_nothing_keeps_the_version_and_who_changed_it(ledger):
    member_id = _member(ledger)
    before = opened(ledger, Topic.MEMBER, member_id)
    with expecting(before):
        member_service.update_member(ledger, member_id, member_service.get_member(ledger, member_id))
    assert opened(ledger, Topic.MEMBER, member_id).version == before.version
