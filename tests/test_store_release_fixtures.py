"""A real ledger saved from every released schema revision opens in this version, data intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.store.backup import integrity_problems
from desktop_app.store.base import is_model_table
from desktop_app.store.ledger import open_ledger
from desktop_app.store.schema import current_revision, head_revision

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("ledger-*.sqlite3"))


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        # the search index is derived from the records and grows when an upgrade indexes more kinds
        return {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0]
                for t in tables if t != "alembic_version" and is_model_table(t)}
    finally:
        conn.close()


def test_there_is_a_fixture_for_the_first_and_the_newest_revision():
    names = {f.name for f in FIXTURES}
    assert {"ledger-0001.sqlite3", f"ledger-{head_revision()}.sqlite3"} <= names


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_release_fixture_upgrades_with_every_row_kept(fixture, data_dir, figures):
    shutil.copy(fixture, data_dir / "ledger.sqlite3")
    before = _counts(data_dir / "ledger.sqlite3")
    open_ledger(data_dir).close()
    db = data_dir / "ledger.sqlite3"
    assert current_revision(db) == head_revision()
    assert integrity_problems(db) == []
    after = _counts(db)
    assert {table: after[table] for table in before} == before
    figures.append(f"upgrade: {fixture.name} → {head_revision()}, {sum(before.values())} rows kept")
