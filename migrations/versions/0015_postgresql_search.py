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

from alembic import context, op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

KIND_SHIFT = 40


def _json_list(column: str) -> str:
    return f"(SELECT string_agg(value, ' ') FROM json_array_elements_text({column}))"


def _sources() -> dict[str, tuple[int, str]]:
    """The SQLite index's sources (revisions 0008 and 0010): table → (kind code, body over the row
    alias {r}), so both engines index the same text; only the pledge items' JSON is read with
    PostgreSQL's functions instead of SQLite's."""
    earlier = context.script.get_revision("0008").module, context.script.get_revision("0010").module
    sqlite_items, items = earlier[0]._json_list("{r}.content_items"), _json_list("{r}.content_items")
    sources = {table: (code, body.replace(sqlite_items, items))
               for module in earlier for table, (code, body) in module.SOURCES.items()}
    assert items in sources["pledge"][1], "the pledge body reads its items as revision 0008 wrote them"
    return sources


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_postgresql():
        return
    op.execute("DROP INDEX uq_development_open_member")
    op.execute("CREATE UNIQUE INDEX uq_development_open_member ON development (member_id) WHERE closed_on IS NULL")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE TABLE search_index (rowid bigint PRIMARY KEY, body text NOT NULL)")
    for table, (code, body) in _sources().items():
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
    for table in _sources():
        op.execute(f"DROP TRIGGER search_index_{table} ON {table}")
        op.execute(f"DROP FUNCTION search_index_{table}()")
    op.execute("DROP TABLE search_index")
    op.execute("DROP INDEX uq_development_open_member")
    op.execute("CREATE UNIQUE INDEX uq_development_open_member ON development (member_id)")
