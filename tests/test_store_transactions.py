"""Every user action is one transaction: all of it or none, writers take the lock up front."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy.exc import IntegrityError

from desktop_app.domain.people import MemberData
from desktop_app.services.members import add_member, list_members
from desktop_app.store.models import Member, SchoolClass, Student
from desktop_app.store.reasons import reason


@pytest.mark.both_engines
def test_a_failing_action_leaves_nothing_behind(ledger):
    """On the SQLite file and on PostgreSQL alike."""
    with pytest.raises(RuntimeError):
        with ledger.transaction("member") as session:
            session.add(Member(name="半途", political_status="full_member", posts=[], backbone_titles=[]))
            session.flush()
            raise RuntimeError("power cut")
    assert list_members(ledger) == []


def test_writer_waits_for_another_writer_instead_of_failing(ledger):
    blocker = sqlite3.connect(ledger.db_path, timeout=0, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    released = threading.Timer(0.5, blocker.rollback)
    released.start()
    add_member(ledger, MemberData(name="等一等"))  # busy_timeout lets it wait for the lock
    released.join()
    blocker.close()
    assert [m.name for m in list_members(ledger)] == ["等一等"]


def test_semester_dates_far_outside_the_school_year_are_refused_late_august_is_fine(ledger):
    from datetime import date

    from desktop_app.domain.calendar import Period, SemesterDates
    from desktop_app.services.errors import UserError
    from desktop_app.services.settings import save_semester_dates, semester_of

    early = SemesterDates("2025-2026", Period(date(2025, 7, 20), date(2026, 1, 20)),
                          Period(date(2026, 2, 20), date(2026, 7, 10)))
    with pytest.raises(UserError, match="学年从9月1日算起"):
        save_semester_dates(ledger, early)
    late_august = SemesterDates("2025-2026", Period(date(2025, 8, 25), date(2026, 1, 20)),
                                Period(date(2026, 2, 20), date(2026, 7, 10)))
    save_semester_dates(ledger, late_august)
    assert semester_of(ledger, date(2025, 8, 27)) == ("2025-2026", 1)


@pytest.mark.both_engines
@pytest.mark.parametrize(("row", "meaning"), [
    (lambda: SchoolClass(name="高二(3)班"), "与已有记录重复"),
    (lambda: Student(name="甲", class_id=999), "引用的记录已不存在"),
])
def test_a_refused_write_is_explained_in_chinese_on_either_engine(ledger, row, meaning):
    with ledger.transaction() as session:
        session.add(SchoolClass(name="高二(3)班"))
    with pytest.raises(IntegrityError) as refused:
        with ledger.transaction() as session:
            session.add(row())
    assert reason(refused.value) == meaning
