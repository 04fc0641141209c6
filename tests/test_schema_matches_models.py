"""The head migration creates exactly what the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.store import models  # noqa: F401  (registers every table)
from desktop_app.store.base import Base, is_model_table


def test_models_and_head_migration_agree(ledger):
    with ledger.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "render_as_batch": True,
            "include_name": lambda name, type_, _parents: type_ != "table" or is_model_table(name),
        })
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], f"models differ from the migrations: {differences}"
