"""What a ledger file of a given revision must contain: tables, columns, keys and indexes.

A backup is only restored when its shape equals the shape the migrations give that revision:
a trigger or view of its own (which could wipe rows on the next insert), a dropped table or
column, or a foreign file that merely has an `alembic_version` row are refused.
The reference is built once per revision by running the real migrations into a scratch file.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from desktop_app.store.sqlite_files import connect_read_only


@dataclass(frozen=True)
class Shape:
    tables: dict[str, tuple]  # table → (columns, foreign keys)
    indexes: frozenset  # (table, index name, unique, columns, partial)
    extras: dict[str, str]  # trigger/view name → its SQL, whitespace-normalised


def shape_of(conn: sqlite3.Connection) -> Shape:
    master = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    tables, indexes, extras = {}, set(), {}
    for kind, name, _table, sql in master:
        if kind == "table":
            columns = tuple(tuple(r[1:]) for r in conn.execute(f'PRAGMA table_info("{_quoted(name)}")'))
            keys = tuple(sorted(tuple(r[2:]) for r in conn.execute(f'PRAGMA foreign_key_list("{_quoted(name)}")')))
            tables[name] = (columns, keys)
            for row in conn.execute(f'PRAGMA index_list("{_quoted(name)}")'):
                index_columns = tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{_quoted(row[1])}")'))
                indexes.add((name, row[1], bool(row[2]), index_columns, bool(row[4])))
        elif kind in ("trigger", "view"):
            extras[f"{kind} {name}"] = " ".join((sql or "").split())
    return Shape(tables, frozenset(indexes), extras)


def _quoted(name: str) -> str:
    return name.replace('"', '""')


@lru_cache(maxsize=4)
def expected_shape(revision: str) -> Shape:
    """The shape the migrations give a new file at `revision`."""
    from desktop_app.store.schema import alembic_config

    with tempfile.TemporaryDirectory(prefix="ledger-shape-") as scratch:
        path = Path(scratch) / "reference.sqlite3"
        engine = create_engine(URL.create("sqlite", database=str(path)))
        try:
            cfg = alembic_config()
            with engine.begin() as connection:
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, revision)
        finally:
            engine.dispose()
        conn = connect_read_only(path)
        try:
            return shape_of(conn)
        finally:
            conn.close()


def shape_differences(path: Path, revision: str) -> list[str]:
    """What in the file at `path` differs from a ledger of `revision`, in Chinese; [] when equal."""
    expected = expected_shape(revision)
    conn = connect_read_only(path)
    try:
        actual = shape_of(conn)
    finally:
        conn.close()
    problems: list[str] = []
    for name in sorted(actual.extras.keys() - expected.extras.keys()):
        problems.append(f"含有台账没有的{'触发器' if name.startswith('trigger') else '视图'} {name.split(' ', 1)[1]}")
    problems += [f"{name} 与台账不同" for name in sorted(expected.extras.keys() & actual.extras.keys())
                 if expected.extras[name] != actual.extras[name]]
    missing_extras = sorted(expected.extras.keys() - actual.extras.keys())
    _add_group(problems, "多出不属于台账的数据表", actual.tables.keys() - expected.tables.keys())
    _add_group(problems, "缺少数据表", expected.tables.keys() - actual.tables.keys())
    _add_group(problems, "列或外键与台账不同的数据表",
               {t for t in expected.tables.keys() & actual.tables.keys() if expected.tables[t] != actual.tables[t]})
    _add_group(problems, "索引与台账不同的数据表", {i[0] for i in expected.indexes ^ actual.indexes})
    _add_group(problems, "缺少", missing_extras)
    return problems


def _add_group(problems: list[str], label: str, names) -> None:
    names = sorted(names)
    if names:
        shown = "、".join(names[:6]) + (f" 等 {len(names)} 项" if len(names) > 6 else "")
        problems.append(f"{label}：{shown}")
