"""Editing a stored record from a dialog without overwriting someone else's later save.

The dialog calls `opened(ledger, Edited.X, id)` before it loads the record, and saves inside
`expecting(loaded)`; a save over a newer version raises `EditConflict` (store/versions.py).
Reading the version before the fields means a change made in between is caught, never missed.
"""

from __future__ import annotations

from enum import StrEnum

from desktop_app.store.ledger import Ledger
from desktop_app.store.versions import EditConflict, Loaded, expecting, read_version

__all__ = ["Edited", "EditConflict", "Loaded", "expecting", "opened", "reopened"]


class Edited(StrEnum):
    """The kinds of record a dialog edits; each value is its table (checked: a typo raises)."""

    MEMBER = "member"
    SCHOOL_CLASS = "school_class"
    STUDENT = "student"
    CULTIVATION = "cultivation"
    PLEDGE = "pledge"
    OBSERVATION = "observation"
    VISIT = "visit"
    SUGGESTION = "suggestion"
    RECTIFICATION = "rectification"
    MEETING = "meeting"
    TALK = "heart_to_heart_talk"
    DEVELOPMENT = "development"
    HONOUR = "honour"


def opened(ledger: Ledger, kind: Edited, record_id: int) -> Loaded:
    """The record's version as of now, before its fields are read. A missing record is version 0,
    which no save can match (it says the record was deleted)."""
    with ledger.reading() as session:
        version = read_version(session, Edited(kind).value, record_id)
    return Loaded(Edited(kind).value, record_id, version or 0)


def reopened(ledger: Ledger, loaded: Loaded) -> Loaded:
    """The same record at its version now (after 继续编辑, or after a save that keeps the dialog open)."""
    return opened(ledger, Edited(loaded.table), loaded.record_id)
