"""Reports read one snapshot: a workbook's sheets agree while another client writes (both engines)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain import report_period
from desktop_app.domain.people import MemberData
from desktop_app.services.exports.quarterly import build_workbook
from desktop_app.services.members import add_member, list_members
from desktop_app.services.settings import SchoolProfile, save_school_profile
from desktop_app.store.ledger import open_ledger

pytestmark = pytest.mark.both_engines

Q3 = report_period.quarter(2026, 3)


def another_client(ledger):
    """A second Ledger on the same folder or server database: a colleague's copy of the app."""
    return open_ledger(ledger.database_url or ledger.data_dir)


def _full_member(name: str) -> MemberData:
    return MemberData(name=name, political_status="full_member", join_date=date(2010, 7, 1),
                      full_member_date=date(2011, 7, 1))


def _roster_names(workbook) -> set[str]:
    return {cell.value for row in workbook["党员名册"].iter_rows() for cell in row if isinstance(cell.value, str)}


def _counted_full_members(workbook) -> int:
    return next(row[1].value for row in workbook["汇总"].iter_rows() if row[0].value == "中共党员人数")


def test_queries_inside_a_snapshot_do_not_see_a_commit_made_meanwhile(ledger):
    add_member(ledger, _full_member("王芳"))
    colleague = another_client(ledger)
    try:
        with ledger.snapshot():
            before = [m.name for m in list_members(ledger)]
            add_member(colleague, _full_member("李强"))
            assert [m.name for m in list_members(ledger)] == before == ["王芳"]
        assert sorted(m.name for m in list_members(ledger)) == ["李强", "王芳"]
    finally:
        colleague.close()


def test_the_quarterly_workbook_agrees_with_itself_while_a_colleague_adds_a_member(ledger):
    save_school_profile(ledger, SchoolProfile("示例中学", "示例中学党支部"))
    add_member(ledger, _full_member("王芳"))
    colleague = another_client(ledger)

    def colleague_writes_after_the_summary(done: int, _total: int) -> None:
        if done == 1:
            add_member(colleague, _full_member("后来者"))

    try:
        workbook = build_workbook(ledger, Q3, progress=colleague_writes_after_the_summary)
    finally:
        colleague.close()
    assert workbook.sheetnames[:2] == ["汇总", "党员名册"]
    assert _counted_full_members(workbook) == 1
    assert "王芳" in _roster_names(workbook) and "后来者" not in _roster_names(workbook)
    again = build_workbook(ledger, Q3)  # the next workbook has the colleague's member everywhere
    assert _counted_full_members(again) == 2 and "后来者" in _roster_names(again)
