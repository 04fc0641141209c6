"""The presence revision (入校日期, 请假) goes down and up again in place: the member table keeps its rows
and the search triggers on it."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from desktop_app.domain.people import MemberData
from desktop_app.services.members import add_member
from desktop_app.store.schema import alembic_config

# the presence revision's number (it is numbered when it lands, after whatever landed before it)
REVISION = next((Path(__file__).parents[1] / "migrations" / "versions").glob("*_presence.py")).name[:4]


def _run(ledger, action, target):
    cfg = alembic_config()
    with ledger.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        action(cfg, target)


def _member_triggers(ledger) -> set[str]:
    with ledger.engine.connect() as connection:
        return set(connection.scalars(text("select name from sqlite_master where type='trigger' and tbl_name='member'")))


def test_presence_down_and_up_again(ledger):
    add_member(ledger, MemberData(name="陈静"))
    triggers = _member_triggers(ledger)
    _run(ledger, command.downgrade, f"{int(REVISION) - 1:04d}")
    inspector = inspect(ledger.engine)
    assert "member_leave" not in inspector.get_table_names()
    assert "school_start_date" not in {c["name"] for c in inspector.get_columns("member")}
    assert _member_triggers(ledger) == triggers
    _run(ledger, command.upgrade, "head")
    assert "school_start_date" in {c["name"] for c in inspect(ledger.engine).get_columns("member")}
    assert _member_triggers(ledger) == triggers
    with ledger.engine.connect() as connection:
        assert connection.scalar(text("select name from member")) == "陈静"
