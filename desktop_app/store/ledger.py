"""Opening a ledger folder: the one entry point the app, the CLI and the tests use."""

from __future__ import annotations

import functools
import getpass
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.paths import DB_FILENAME, ensure_private_dir, make_private
from desktop_app.store.access import refuse_flush, refuse_statement
from desktop_app.store.backup import BackupError, rotating_backup, stored_keep
from desktop_app.store.engine import is_database_url, make_engine, make_server_engine
from desktop_app.store.events import ChangeBus, Topic, as_topics
from desktop_app.store.reasons import reason
from desktop_app.store.schema import (
    LedgerDamaged,
    LedgerError,
    check_not_too_new,
    check_sound,
    current_revision,
    head_revision,
    upgrade_to_head,
    upgrade_with_backup,
)
from desktop_app.store.sqlite_files import in_read_only_folder
from desktop_app.store.versions import claim_expected, settle, stamp_changes

log = logging.getLogger(__name__)


def current_user() -> str | None:
    """The computer's login name: on her own PC, the person saving."""
    try:
        return getpass.getuser()[:50] or None
    except (OSError, KeyError, ImportError):
        return None


class LedgerReadOnly(LedgerError):
    """A save was asked of a ledger opened from a read-only folder."""


class Ledger:
    """One open ledger: a file in a data folder, or a PostgreSQL database named by `database_url`.

    Every user action runs inside one `transaction()`.
    """

    def __init__(self, data_dir: Path | None = None, *, read_only: bool = False, database_url: str | None = None):
        self.database_url = database_url
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.db_path = self.data_dir / DB_FILENAME if self.data_dir is not None else None
        self.read_only = read_only  # a read-only folder or file: reading works, saving says why not
        if database_url is not None:
            self.engine = make_server_engine(database_url)
            writers = self.engine
        else:
            self.engine = make_engine(self.db_path, read_only=read_only)
            writers = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writers = sessionmaker(writers, expire_on_commit=False, info={"ledger": self})
        event.listen(self._writers, "before_flush", lambda session, *_: _checked_and_stamped(session))
        event.listen(self._writers, "do_orm_execute", refuse_statement)
        self.user = current_user()  # who saves: named in entered_by / changed_by of every record
        self.role: str | None = None  # set by a login on a shared ledger (domain.roles.Role); None: the secretary
        # A report's snapshot: on PostgreSQL one REPEATABLE READ transaction (READ COMMITTED, the
        # default, would let each query see other clients' newer commits); on SQLite (WAL) any
        # read transaction already sees the file as of its first query.
        snapshots = (self.engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
                     if database_url is not None else self.engine)
        self._snapshots = sessionmaker(snapshots, expire_on_commit=False)
        self._pinned = threading.local()  # the snapshot session of the thread building a report
        self.bus = ChangeBus()
        self.warnings: list[str] = []  # problems on opening the user should hear about (Chinese)
        self.created = False  # True when this opening made a new, empty file
        self._sound_check = threading.Lock()
        self._check_pending = False  # open_ledger(check_later=True): quick_check still to run
        self._damage: LedgerDamaged | None = None

    @contextmanager
    def transaction(self, *topics: Topic) -> Iterator[Session]:
        """Commit on success, roll back on any error; announce `topics` once committed.

        The topics are checked before anything is written: an unknown one raises ValueError.
        """
        announced = as_topics(topics)
        self.ensure_sound()
        if self.read_only:
            raise LedgerReadOnly(f"台账“{self.db_path}”所在的文件夹是只读的（或文件不可写），不能保存修改，"
                                 "台账没有改动。请把文件夹改为可写后重新打开。")
        with self._writers.begin() as session:
            claims = claim_expected(session)
            yield session
            settle(session, claims)
        if announced:
            self.bus.publish(announced)

    def ensure_sound(self) -> None:
        """Run the quick_check that opening left for after the first paint, once; LedgerDamaged if
        the file is damaged. Every write waits for it, so nothing is written into a damaged file."""
        with self._sound_check:
            if self._check_pending:
                try:
                    check_sound(self.db_path)
                except LedgerDamaged as exc:
                    self._damage = exc
                finally:
                    self._check_pending = False
        if self._damage is not None:
            raise self._damage

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; nothing it does is committed. Inside `snapshot()`, its session."""
        pinned = getattr(self._pinned, "session", None)
        if pinned is not None:
            yield pinned
            return
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every `reading()` inside, on this thread, sees the ledger as it was at the first query.

        For reports made of many queries (the quarterly workbook, the year's evaluation): their
        sheets agree with each other while other clients go on writing. Nested snapshots are one.
        """
        if getattr(self._pinned, "session", None) is not None:
            yield
            return
        session = self._snapshots()
        self._pinned.session = session
        try:
            yield
        finally:
            self._pinned.session = None
            session.rollback()
            session.close()

    @staticmethod
    def hold_still(session: Session, first: str) -> None:
        """Inside a write transaction: no other client may change any table until it ends, so what
        other sessions read meanwhile (an approval computing the figures it freezes) stays true.
        SQLite: the transaction's BEGIN IMMEDIATE already holds the file's write lock. PostgreSQL:
        SHARE ROW EXCLUSIVE on every table (reads go on; writes wait; two holders queue), table
        `first` first: a writer that takes a SHARE lock on it before writing waits here, never halfway."""
        connection = session.connection()  # on SQLite this begins the transaction, taking the lock
        if connection.dialect.name == "postgresql":
            from desktop_app.store.base import Base, is_model_table

            names = [first] + [t.name for t in Base.metadata.sorted_tables if is_model_table(t.name) and t.name != first]
            tables = ", ".join(f'"{name}"' for name in names)
            connection.exec_driver_sql(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")

    @property
    def on_server(self) -> bool:
        """True for a PostgreSQL ledger: no file, so no file backups, restore or search index."""
        return self.database_url is not None

    @property
    def where(self) -> str:
        """The folder or the server database, for messages (never the password)."""
        if self.data_dir is not None:
            return str(self.data_dir)
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def _checked_and_stamped(session: Session) -> None:
    refuse_flush(session)  # the role first: a refused write must not count as a change
    stamp_changes(session)


def in_one_snapshot(report: Callable) -> Callable:
    """For a report `report(ledger, …)`: all its queries read one snapshot (see Ledger.snapshot)."""

    @functools.wraps(report)
    def reading_one_snapshot(ledger: Ledger, *args, **kwargs):
        with ledger.snapshot():
            return report(ledger, *args, **kwargs)

    return reading_one_snapshot


def take_startup_backup(ledger: Ledger, keep: int | None = None) -> str | None:
    """The automatic copy made at each start; None when done, else a warning for the user.

    The ledger itself is fine when this fails: it stays open and the user is told.
    """
    try:
        rotating_backup(ledger.db_path, ledger.data_dir, "start", keep or stored_keep(ledger.db_path))
    except BackupError as exc:
        log.warning("start-up backup failed")
        return f"启动时的自动备份没有完成：{exc}"
    return None


def _opened_read_only(ledger: Ledger) -> Ledger:
    """A ledger in a folder that cannot be written: readable as it is, never upgraded or backed up."""
    if current_revision(ledger.db_path) != head_revision():
        raise LedgerError(f"数据文件夹“{ledger.data_dir}”是只读的，而这个台账需要先升级数据结构才能打开。"
                          "请把文件夹改为可写（或复制到可写的位置）后再打开。")
    ledger.warnings.append(f"数据文件夹“{ledger.data_dir}”是只读的（或台账文件不可写）：可以查看、导出和打印，"
                           "但不能修改，也不会自动备份。要修改，请把文件夹改为可写后重新打开。")
    log.warning("ledger opened read-only")
    return ledger


def open_database(url: str) -> Ledger:
    """Open the shared ledger in a PostgreSQL database (empty or a ledger), upgraded to the code's schema."""
    ledger = Ledger(database_url=url)
    try:
        revision = _stamped_revision(ledger)
        ledger.created = revision is None
        check_not_too_new(revision)
        upgrade_to_head(ledger.engine)
    except LedgerError:
        ledger.close()
        raise
    except Exception as exc:
        ledger.close()
        raise LedgerError(f"无法打开服务器上的台账“{ledger.where}”：{reason(exc)}") from exc
    log.info("server ledger opened")
    return ledger


def _stamped_revision(ledger: Ledger) -> str | None:
    with ledger.engine.connect() as connection:
        if not connection.exec_driver_sql("SELECT to_regclass('alembic_version') IS NOT NULL").scalar():
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def server_revision(url: str) -> tuple[str, str | None]:
    """(where, revision) of a server ledger without changing it; LedgerError when it cannot be reached."""
    ledger = Ledger(database_url=url)
    try:
        return ledger.where, _stamped_revision(ledger)
    except Exception as exc:
        raise LedgerError(f"无法连接服务器上的台账“{ledger.where}”：{reason(exc)}") from exc
    finally:
        ledger.close()


def open_ledger(data_dir: Path | str, *, startup_backup: bool = False, keep: int | None = None,
                check_later: bool = False) -> Ledger:
    """Open (creating if needed) the ledger in `data_dir`, upgraded to the code's schema.

    `data_dir` may instead be a PostgreSQL URL (`postgresql+psycopg://…`): see open_database.

    With `startup_backup` an existing file is first copied to backups/, keeping the newest
    `keep` start-up copies (default: the school's `backup.keep` setting, else 10).

    Raises a LedgerError subclass with a Chinese message for a foreign, damaged or too-new file.
    With `check_later` (the window's start-up) SQLite's quick_check, which reads every page, is
    left to `Ledger.ensure_sound()` unless an upgrade is due: the first write waits for it.
    """
    if is_database_url(data_dir):
        return open_database(data_dir)
    ensure_private_dir(Path(data_dir))
    db = Path(data_dir) / DB_FILENAME
    exists = db.exists() and db.stat().st_size > 0
    read_only = exists and in_read_only_folder(db)
    ledger = Ledger(Path(data_dir), read_only=read_only)
    ledger.created = not exists
    try:
        if exists:
            revision = current_revision(db)
            check_not_too_new(revision)
            if check_later and revision == head_revision():
                ledger._check_pending = True
            else:
                check_sound(db)
            if read_only:
                return _opened_read_only(ledger)
            if startup_backup:
                warning = take_startup_backup(ledger, keep)
                if warning:
                    ledger.warnings.append(warning)
        upgrade_with_backup(ledger.engine, db, ledger.data_dir)
    except Exception:
        ledger.close()
        raise
    make_private(db, Path(f"{db}-wal"), Path(f"{db}-shm"))
    log.info("ledger opened")
    return ledger
