"""The role check inside every write transaction (rules in domain/roles.py).

A ledger opened without a login (`Ledger.role` None: her own file, or a server ledger without
users) is the secretary's and passes. A grade office is refused, before anything is written,
any statement on a table outside its 听课/家访 tables, and any change or deletion of a record
another user entered. The window greys the same buttons; this is what makes the rule hold.
"""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.orm import ORMExecuteState, Session

from desktop_app.domain.roles import is_secretary, refuse_others_record, refuse_table


def _ledger(session: Session):
    return session.info.get("ledger")


def _label(table: Table) -> str:
    return table.info.get("label", table.name)


def _table_of(record) -> Table:  # noqa: ANN001 - any mapped record
    return type(record).__table__


def refuse_flush(session: Session) -> None:
    """Before a flush: NotPermitted when the ledger's role may not write what the session holds."""
    ledger = _ledger(session)
    role = ledger.role if ledger is not None else None
    if is_secretary(role):
        return
    for record in session.new:
        refuse_table(role, _table_of(record).name, _label(_table_of(record)))
    changed = [r for r in session.dirty if session.is_modified(r, include_collections=False)]
    for records, deleting in ((changed, False), (session.deleted, True)):
        for record in records:
            table = _table_of(record)
            refuse_table(role, table.name, _label(table))
            if "entered_by" in table.c:
                refuse_others_record(role, ledger.user, record.entered_by, _label(table), deleting=deleting)


def refuse_statement(state: ORMExecuteState) -> None:
    """Before an INSERT/UPDATE/DELETE written in SQL (bulk rows, rewritten children): the table must be allowed."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    ledger = _ledger(state.session)
    role = ledger.role if ledger is not None else None
    table = getattr(state.statement, "table", None)
    if not is_secretary(role) and isinstance(table, Table):
        refuse_table(role, table.name, _label(table))
