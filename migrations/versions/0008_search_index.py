"""search index (全局搜索): an FTS5 trigram table kept in step by triggers

Revision ID: 0008
Revises: 0007

Each searchable record has one row in `search_index` whose rowid encodes the record: rowid =
(kind code << 40) + id (the codes are desktop_app.services.search.SearchKind), so each kind is one
contiguous rowid range that FTS5 can seek into. Triggers on every
source table insert, update and delete that row inside the writing transaction, so the index can
never lag behind the records. A table that a later batch migration recreates loses its
triggers: such a migration must create them again (tests check they exist at head).
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

KIND_SHIFT = 40


def _text(*parts: str) -> str:
    """Concatenate nullable text expressions with spaces (SQLite 3.40 has no concat_ws)."""
    return " || ' ' || ".join(f"coalesce({part}, '')" for part in parts)


def _json_list(column: str) -> str:
    return f"(SELECT group_concat(value, ' ') FROM json_each({column}))"


# table → (kind code, body expression over the row alias {r})
SOURCES: dict[str, tuple[int, str]] = {
    "member": (1, _text("{r}.name", "{r}.department", "{r}.party_group", "{r}.subject", "{r}.notes")),
    "student": (2, _text("{r}.name", "{r}.student_number", "{r}.guardian_name", "{r}.address")),
    "school_class": (3, _text("{r}.name", "{r}.grade")),
    "pledge": (4, _text("{r}.standard", _json_list("{r}.content_items"), "{r}.review_comment",
                        "{r}.review_explanation")),
    "observation": (5, _text("{r}.subject", "{r}.comment", "{r}.suggestions")),
    "visit": (6, _text("{r}.interviewee", "{r}.content", "{r}.suggestions")),
    "suggestion": (7, _text("{r}.content", "{r}.raised_by")),
    "rectification": (8, _text("{r}.measure", "{r}.target", "{r}.responsible_unit", "{r}.responsible_name",
                               "{r}.result")),
    "cultivation": (9, _text("{r}.target", "{r}.stage", "{r}.notes")),
}


def create_search_triggers(table: str, code: int, body: str) -> None:
    new_body = body.format(r="NEW")
    op.execute(
        f"CREATE TRIGGER search_ai_{table} AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO search_index(rowid, body) VALUES (({code} << {KIND_SHIFT}) + NEW.id, {new_body}); END"
    )
    op.execute(
        f"CREATE TRIGGER search_au_{table} AFTER UPDATE ON {table} BEGIN "
        f"DELETE FROM search_index WHERE rowid = ({code} << {KIND_SHIFT}) + OLD.id; "
        f"INSERT INTO search_index(rowid, body) VALUES (({code} << {KIND_SHIFT}) + NEW.id, {new_body}); END"
    )
    op.execute(
        f"CREATE TRIGGER search_ad_{table} AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM search_index WHERE rowid = ({code} << {KIND_SHIFT}) + OLD.id; END"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5 is SQLite's; a PostgreSQL ledger has no search index yet (the search service says so)
    op.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize='trigram')")
    for table, (code, body) in SOURCES.items():
        op.execute(
            f"INSERT INTO search_index(rowid, body) "
            f"SELECT ({code} << {KIND_SHIFT}) + r.id, {body.format(r='r')} FROM {table} AS r"
        )
        create_search_triggers(table, code, body)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5 is SQLite's; a PostgreSQL ledger has no search index yet
    for table in SOURCES:
        for prefix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER search_{prefix}_{table}")
    op.execute("DROP TABLE search_index")
