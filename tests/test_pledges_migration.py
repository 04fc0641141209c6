"""Revision 0002 creates and drops the pledge table by hand, with its constraints."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from desktop_app.store.schema import alembic_config


def _run(ledger, action, target):
    cfg = alembic_config()
    with ledger.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        action(cfg, target)


def test_pledge_table_down_and_up_again(ledger):
    _run(ledger, command.downgrade, "0001")
    assert "pledge" not in inspect(ledger.engine).get_table_names()
    _run(ledger, command.upgrade, "0002")
    inspector = inspect(ledger.engine)
    [fk] = inspector.get_foreign_keys("pledge")
    assert (fk["name"], fk["referred_table"], fk["options"].get("ondelete")) == ("fk_pledge_member_id_member", "member", None)
    assert [u["column_names"] for u in inspector.get_unique_constraints("pledge")] == [["member_id", "school_year", "kind"]]
    assert [i["name"] for i in inspector.get_indexes("pledge")] == ["ix_pledge_school_year"]
    _run(ledger, command.upgrade, "head")
