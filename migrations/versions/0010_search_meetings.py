"""search index: 组织生活 meetings, 谈心谈话 and 发展党员 records join it

Revision ID: 0010
Revises: 0009

Same scheme as revision 0008 (rowid = (kind code << 40) + id); the codes continue
desktop_app.services.search.SearchKind.
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

KIND_SHIFT = 40


def _text(*parts: str) -> str:
    return " || ' ' || ".join(f"coalesce({part}, '')" for part in parts)


SOURCES: dict[str, tuple[int, str]] = {
    "meeting": (10, _text("{r}.topic", "{r}.place", "{r}.party_group", "{r}.agenda", "{r}.resolutions", "{r}.minutes")),
    "heart_to_heart_talk": (11, _text("{r}.topic", "{r}.place", "{r}.notes")),
    "development": (12, _text("{r}.notes", "{r}.extension_reason", "{r}.closed_reason")),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5 is SQLite's; a PostgreSQL ledger has no search index yet (the search service says so)
    for table, (code, body) in SOURCES.items():
        row = body.format(r="NEW")
        op.execute(
            f"INSERT INTO search_index(rowid, body) SELECT ({code} << {KIND_SHIFT}) + r.id, {body.format(r='r')} "
            f"FROM {table} AS r"
        )
        op.execute(f"CREATE TRIGGER search_ai_{table} AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO search_index(rowid, body) VALUES (({code} << {KIND_SHIFT}) + NEW.id, {row}); END")
        op.execute(f"CREATE TRIGGER search_au_{table} AFTER UPDATE ON {table} BEGIN "
                   f"DELETE FROM search_index WHERE rowid = ({code} << {KIND_SHIFT}) + OLD.id; "
                   f"INSERT INTO search_index(rowid, body) VALUES (({code} << {KIND_SHIFT}) + NEW.id, {row}); END")
        op.execute(f"CREATE TRIGGER search_ad_{table} AFTER DELETE ON {table} BEGIN "
                   f"DELETE FROM search_index WHERE rowid = ({code} << {KIND_SHIFT}) + OLD.id; END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5 is SQLite's; a PostgreSQL ledger has no search index yet
    for table, (code, _body) in SOURCES.items():
        for prefix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER search_{prefix}_{table}")
        op.execute(f"DELETE FROM search_index WHERE rowid BETWEEN ({code} << {KIND_SHIFT}) "
                   f"AND (({code} + 1) << {KIND_SHIFT}) - 1")
