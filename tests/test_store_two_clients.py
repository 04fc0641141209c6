"""Two secretaries' computers on one server ledger, saving one record at the same moment: no lost update."""

from __future__ import annotations

import threading
import time
from datetime import date

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop_app.services import members as member_service
from desktop_app.services.edits import EditConflict, expecting, opened
from desktop_app.services.members import MemberData
from desktop_app.store.events import Topic
from desktop_app.store.ledger import open_ledger
from desktop_app.store.models import Member


def _waiting_for_a_lock(url: str) -> int:
    """How many server sessions of this database wait for a row lock right now."""
    parts = make_url(url)
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname="postgres") as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
                            (parts.database,)).fetchone()[0]


def test_two_clients_saving_one_record_at_once_keep_the_first_and_refuse_the_second(pg_ledger_url):
    first, second = open_ledger(pg_ledger_url), open_ledger(pg_ledger_url)
    try:
        member_id = member_service.add_member(first, MemberData(name="王芳", political_status="full_member",
                                                                join_date=date(2010, 7, 1)))
        in_first, in_second = opened(first, Topic.MEMBER, member_id), opened(second, Topic.MEMBER, member_id)
        theirs = member_service.get_member(second, member_id)
        theirs.notes = "第二台电脑的备注"
        outcome: dict[str, object] = {}

        def second_saves() -> None:
            try:
                with expecting(in_second):
                    member_service.update_member(second, member_id, theirs)
                outcome["second"] = "saved"
            except EditConflict as exc:
                outcome["second"] = exc

        with expecting(in_first), first.transaction(Topic.MEMBER) as session:  # the first claims the record …
            session.get(Member, member_id).notes = "第一台电脑的备注"
            session.flush()
            saver = threading.Thread(target=second_saves)
            saver.start()
            for _ in range(200):  # … and the second's claim waits for the first's row lock
                if _waiting_for_a_lock(pg_ledger_url):
                    break
                time.sleep(0.05)
            else:
                pytest.fail("the second save never waited for the first")
        saver.join(timeout=30)
        assert isinstance(outcome["second"], EditConflict) and "已被修改" in str(outcome["second"])
        assert member_service.get_member(second, member_id).notes == "第一台电脑的备注"
    finally:
        first.close()
        second.close()
