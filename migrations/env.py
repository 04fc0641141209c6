"""Alembic environment: run in-process by desktop_app.store.schema, batch mode for SQLite."""

from alembic import context
from sqlalchemy import create_engine

from desktop_app.store.base import is_model_table
from desktop_app.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Only for developers running `alembic` by hand against a scratch file.
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///scratch.sqlite3"
        with create_engine(url).begin() as conn:
            _run(conn)
    else:
        _run(connection)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=lambda name, type_, _parents: type_ != "table" or is_model_table(name),
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("党建台账只在程序内部升级数据结构，不支持离线 SQL 脚本。")
run_migrations_online()
