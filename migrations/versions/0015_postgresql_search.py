"""PostgreSQL: the search index as a trigram-indexed table (pg_trgm), the open-record index made partial

Revision ID: 0015
Revises: 0014

On PostgreSQL only (a SQLite ledger keeps its FTS5 index of revisions 0008 and 0010, untouched):
- `search_index(rowid, body)`, one row per searchable record with the same rowid scheme
  ((kind code << 40) + id, the codes of desktop_app.services.search.SearchKind) and the same body
  text as SQLite's, kept in step by one trigger function per source table, inside the writing
  transaction; a GIN trigram index on body answers `ILIKE '%…%'` for three or more characters.
- `uq_development_open_member` was created on PostgreSQL without its WHERE (0007 gave only the
  SQLite form), so a person could never have a second 发展 record once the first was closed.
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

KIND_SHIFT = 40


def _text(*parts: str) -> str:
    return " || ' ' || ".join(f"coalesce({part}, '')" for part in parts)


def _json_list(column: str) -> str:
    return f"(SELECT string_agg(value, ' ') FROM json_array_elements_text({column}))"


# table → (kind code, body over the row alias {r}): the same text as the SQLite index's
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
    "meeting": (10, _text("{r}.topic", "{r}.place", "{r}.party_group", "{r}.agenda", "{r}.resolutions",
                          "{r}.minutes")),
    "heart_to_heart_talk": (11, _text("{r}.topic", "{r}.place", "{r}.notes")),
    "development": (12, _text("{r}.notes", "{r}.extension_reason", "{r}.closed_reason")),
}


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_postgresql():
        return
    op.execute("DROP INDEX uq_development_open_member")
    op.execute("CREATE UNIQUE INDEX uq_development_open_member ON development (member_id) WHERE closed_on IS NULL")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE TABLE search_index (rowid bigint PRIMARY KEY, body text NOT NULL)")
    for table, (code, body) in SOURCES.items():
        base = code << KIND_SHIFT
        op.execute(f"INSERT INTO search_index (rowid, body) SELECT {base} + r.id, {body.format(r='r')} FROM {table} AS r")
        op.execute(
            f"CREATE FUNCTION search_index_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN DELETE FROM search_index WHERE rowid = {base} + OLD.id; END IF; "
            f"IF TG_OP <> 'DELETE' THEN INSERT INTO search_index (rowid, body) "
            f"VALUES ({base} + NEW.id, {body.format(r='NEW')}); END IF; "
            f"RETURN NULL; END $$"
        )
        op.execute(f"CREATE TRIGGER search_index_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION search_index_{table}()")
    op.execute("CREATE INDEX search_index_body_trgm ON search_index USING gin (body gin_trgm_ops)")


def downgrade() -> None:
    if not _on_postgresql():
        return
    for table in SOURCES:
        op.execute(f"DROP TRIGGER search_index_{table} ON {table}")
        op.execute(f"DROP FUNCTION search_index_{table}()")
    op.execute("DROP TABLE search_index")
    op.execute("DROP INDEX uq_development_open_member")
    op.execute("CREATE UNIQUE INDEX uq_development_open_member ON development (member_id)")
