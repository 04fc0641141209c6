"""The head migration creates exactly what the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.store.base import Base


def test_models_and_head_migration_agree(ledger):
    with ledger.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "render_as_batch": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], f"models differ from the migrations: {differences}"
