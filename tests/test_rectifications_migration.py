"""Revision 0004 creates and drops the suggestion and rectification tables by hand."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from desktop_app.store.schema import alembic_config


def _run(ledger, action, target):
    cfg = alembic_config()
    with ledger.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        action(cfg, target)


def test_rectification_tables_down_and_up_again(ledger):
    _run(ledger, command.downgrade, "0003")
    tables = inspect(ledger.engine).get_table_names()
    assert "suggestion" not in tables and "rectification" not in tables and "visit" in tables
    _run(ledger, command.upgrade, "0004")
    inspector = inspect(ledger.engine)
    links = {fk["name"]: (fk["referred_table"], fk["options"].get("ondelete")) for fk in inspector.get_foreign_keys("suggestion")}
    assert links == {
        "fk_suggestion_recorder_id_member": ("member", "SET NULL"),
        "fk_suggestion_visit_id_visit": ("visit", "SET NULL"),
    }
    links = {fk["name"]: (fk["referred_table"], fk["options"].get("ondelete")) for fk in inspector.get_foreign_keys("rectification")}
    assert links == {
        "fk_rectification_suggestion_id_suggestion": ("suggestion", "CASCADE"),
        "fk_rectification_responsible_member_id_member": ("member", "SET NULL"),
    }
    assert [u["column_names"] for u in inspector.get_unique_constraints("rectification")] == [["suggestion_id"]]
    _run(ledger, command.upgrade, "head")
