"""Record versions: no save silently overwrites a change made after the record was opened.

Every record table (the models using `RecordMixin`) has a `version` that each flush changing the
row raises by one, and `entered_by` / `changed_by` names who did it (`Ledger.user`). A service that
rewrites a record's own rows in SQL (the students of a visit, the attendance of a meeting) calls
`touch(record)` so that counts as a change of the record.

A dialog remembers the version it loaded (`read_version`) and saves inside `expecting(...)`; the
next write transaction then claims the record first thing, with
``UPDATE … SET version = version WHERE id = ? AND version = ?``. No row means someone else
saved (or deleted) it in between: `EditConflict`, and nothing is written. The claim runs inside the
write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row lock), so two clients cannot both
pass it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop_app.store.base import Base, RecordMixin


@dataclass(frozen=True)
class Loaded:
    """A record as a dialog loaded it: which row (its primary key), and its version then."""

    table: str
    record_id: int | str
    version: int


class EditConflict(Exception):
    """The record changed (or went) after it was loaded; the save wrote nothing. Message in Chinese."""

    def __init__(self, loaded: Loaded, label: str, *, changed_at: datetime | None = None,
                 changed_by: str | None = None, now: int | None = None, deleted: bool = False):
        self.loaded, self.label, self.deleted = loaded, label, deleted
        self.now = now  # the version found: 继续编辑 saves over this one, and no later one
        self.changed_at, self.changed_by = changed_at, changed_by
        noun = label if label.endswith("记录") else f"{label}记录"
        if deleted:
            text = f"此{noun}在您打开之后已被删除（另一个窗口、命令行或其他用户），您的修改没有保存。"
        else:
            when = f"{_local(changed_at):%Y-%m-%d %H:%M}" if changed_at else "刚才"
            who = f"，修改人：{changed_by}" if changed_by else ""
            text = (f"此{noun}在您打开之后已被修改（{when}{who}；可能是另一个窗口、导入或其他用户），"
                    "您的修改没有保存。")
        super().__init__(text)


def _local(stamp: datetime) -> datetime:
    """CURRENT_TIMESTAMP is stored in UTC without a zone: shown in the computer's own time."""
    return stamp.replace(tzinfo=timezone.utc).astimezone() if stamp.tzinfo is None else stamp.astimezone()


def record_table(name: str) -> Table:
    """The record table called `name`; ValueError for a table without versions (a typo must not pass)."""
    from desktop_app.store import models  # noqa: F401  (registers the tables; not needed before the first paint)

    table = Base.metadata.tables.get(name)
    if table is None or "version" not in table.c or len(table.primary_key.columns) != 1:
        raise ValueError(f"{name!r} is not a versioned record table")
    return table


def _key(table: Table):
    return next(iter(table.primary_key.columns))


def read_version(session: Session, table_name: str, record_id: int | str) -> int | None:
    """The record's version now; None when there is no such record."""
    table = record_table(table_name)
    return session.execute(select(table.c.version).where(_key(table) == record_id)).scalar()


@dataclass
class Claim:
    """One record a save must find at the version its dialog loaded; `saved` is its version after the save."""

    loaded: Loaded
    saved: int | None = None


_expected: ContextVar[tuple[Claim, ...]] = ContextVar("expected_versions", default=())


@contextmanager
def expecting(*loaded: Loaded) -> Iterator[tuple[Claim, ...]]:
    """The next write transaction in this block saves over exactly these versions, or raises EditConflict.
    Yields the claims; once the save committed each tells the record's version (for the next save)."""
    claims = tuple(Claim(each) for each in loaded)
    token = _expected.set(claims)
    try:
        yield claims
    finally:
        _expected.reset(token)


def claim_expected(session: Session) -> tuple[Claim, ...]:
    """Claim what `expecting` named, once: later transactions in the same block are not checked again.

    ``SET version = version`` locks the row (PostgreSQL) without counting a change: the version
    goes up only if the save then changes something (`stamp_changes`)."""
    claims = _expected.get()
    if not claims:
        return ()
    _expected.set(())
    for claim in claims:
        table = record_table(claim.loaded.table)
        claimed = session.execute(
            update(table)
            .where(_key(table) == claim.loaded.record_id, table.c.version == claim.loaded.version)
            .values(version=table.c.version)
        )
        if claimed.rowcount != 1:
            raise _conflict(session, table, claim.loaded)
    return claims


def settle(session: Session, claims: tuple[Claim, ...]) -> None:
    """At the end of the save's transaction: each claimed record's version as the save leaves it."""
    if claims:
        session.flush()
    for claim in claims:
        claim.saved = read_version(session, claim.loaded.table, claim.loaded.record_id)


def _conflict(session: Session, table: Table, loaded: Loaded) -> EditConflict:
    label = table.info.get("label", "记录")
    row = session.execute(
        select(table.c.updated_at, table.c.changed_by, table.c.version).where(_key(table) == loaded.record_id)
    ).one_or_none()
    if row is None:
        return EditConflict(loaded, label, deleted=True)
    return EditConflict(loaded, label, changed_at=row.updated_at, changed_by=row.changed_by, now=row.version)


def user_of(session: Session) -> str | None:
    """Who saves in this (writing) session: its ledger's user."""
    ledger = session.info.get("ledger")
    return ledger.user if ledger is not None else None


def stamped(session: Session, table: Table, rows: list[dict]) -> list[dict]:
    """Rows inserted in bulk (no flush sees them), with who entered them."""
    if "entered_by" not in table.c:
        return rows
    user = user_of(session)
    return [{"entered_by": user, "changed_by": user, **row} for row in rows]


def stamp_changes(session: Session) -> None:
    """Before a flush: new records get who entered them; changed ones one more version and who changed them."""
    user = user_of(session)
    for record in session.new:
        if isinstance(record, RecordMixin):
            record.entered_by = record.entered_by or user
            record.changed_by = record.changed_by or user
    for record in session.dirty:
        if isinstance(record, RecordMixin) and session.is_modified(record, include_collections=False):
            _bump(record, user)


def _bump(record: RecordMixin, user: str | None) -> None:
    # In SQL, not Python: two writers that read the same version must end two versions on.
    record.version = type(record).version + 1
    record.changed_by = user


def touch(record: RecordMixin) -> None:
    """Count a change to rows that belong to `record` (a visit's students, a meeting's attendance,
    rewritten in SQL the flush does not see) as a change of the record itself."""
    flag_modified(record, "version")
