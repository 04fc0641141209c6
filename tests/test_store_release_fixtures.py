"""A real ledger saved from every released schema revision opens in this version, every row intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.store.backup import integrity_problems
from desktop_app.store.base import is_model_table
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import current_revision, head_revision, script_directory

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("ledger-*.sqlite3"))


def _columns(path: Path) -> dict[str, list[str]]:
    """The record tables and their columns; the search index is derived from the records, not kept."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")
                  if r[0] != "alembic_version" and not r[0].startswith("sqlite_") and is_model_table(r[0])]
        return {t: [c[1] for c in conn.execute(f'pragma table_info("{t}")')] for t in tables}
    finally:
        conn.close()


def _rows(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of the given tables' given columns, sorted."""
    conn = sqlite3.connect(path)
    try:
        return {table: sorted(conn.execute(f'select {", ".join(map(_quoted, cols))} from "{table}"').fetchall(), key=repr)
                for table, cols in columns.items()}
    finally:
        conn.close()


def _quoted(name: str) -> str:
    return f'"{name}"'


def test_there_is_a_fixture_for_every_revision():
    revisions = {script.revision for script in script_directory().walk_revisions()}
    assert {f"ledger-{rev}.sqlite3" for rev in revisions} <= {f.name for f in FIXTURES}
    for fixture in FIXTURES:
        assert current_revision(fixture) == fixture.stem.removeprefix("ledger-")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_release_fixture_upgrades_with_every_row_kept(fixture, data_dir, figures):
    shutil.copy(fixture, data_dir / "ledger.sqlite3")
    db = data_dir / "ledger.sqlite3"
    columns = _columns(db)
    before = _rows(db, columns)
    assert sum(map(len, before.values())) > 0
    open_ledger(data_dir).close()
    assert current_revision(db) == head_revision()
    assert integrity_problems(db) == []
    for table, rows in before.items():
        assert _rows(db, {table: columns[table]})[table] == rows, f"{fixture.name}: {table} changed"
    figures.append(f"upgrade: {fixture.name} → {head_revision()}, {sum(map(len, before.values()))} rows kept as they were")
