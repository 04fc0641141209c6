"""Editing a stored record from a dialog without overwriting someone else's later save.

A record kind is named by the change topic of its table (`Topic.MEMBER` …). The dialog calls
`opened(ledger, Topic.X, id)` before it loads the record, and saves inside `expecting(loaded)`; a
save over a newer version raises `EditConflict` (store/versions.py). Reading the version before
the fields means a change made in between is caught, never missed.
"""

from __future__ import annotations

from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.versions import EditConflict, Loaded, expecting, read_version, record_table

__all__ = ["EditConflict", "Loaded", "editable_kinds", "expecting", "opened", "reopened"]


def editable_kinds() -> list[Topic]:
    """The kinds of record that keep versions (the others, like settings, have no single row)."""
    kinds = []
    for topic in Topic:
        try:
            record_table(topic.value)
        except ValueError:
            continue
        kinds.append(topic)
    return kinds


def opened(ledger: Ledger, kind: Topic, record_id: int) -> Loaded:
    """The record's version as of now, before its fields are read. A missing record is version 0,
    which no save can match (it says the record was deleted). ValueError for a kind without versions."""
    table = record_table(Topic(kind).value)
    with ledger.reading() as session:
        version = read_version(session, table.name, record_id)
    return Loaded(table.name, record_id, version or 0)


def reopened(ledger: Ledger, loaded: Loaded) -> Loaded:
    """The same record at its version now (after 继续编辑, or after a save that keeps the dialog open)."""
    return opened(ledger, Topic(loaded.table), loaded.record_id)
