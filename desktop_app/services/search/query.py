"""Finding every record that mentions a text, grouped by kind, newest first.

Two roads, merged per kind:
- text: the trigram index (`search_index`: FTS5 on SQLite, a pg_trgm GIN-indexed table on
  PostgreSQL, same rowids and text) for queries of three or more characters; each kind is a rowid
  range, so each kind's newest hits are a seek, not a scan;
- names: members, students and classes whose name contains the text (small tables, any length,
  so one- and two-character names such as 王 or 王芳 are found), and the records that name those
  people (observations they gave or watched, visits they made or received, their pledges …).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import text

from desktop_app.services.search import describe
from desktop_app.services.search.kinds import SearchKind

TRIGRAM = 3
CAP = 1000  # totals beyond this are shown as "1000+"
PER_KIND = 50


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    record_id: int
    title: str
    matched: str  # the text that matched: an excerpt with the query, or the person's role
    when: date | None = None


@dataclass
class SearchGroup:
    kind: SearchKind
    total: int
    capped: bool
    hits: list[SearchHit] = field(default_factory=list)

    @property
    def total_text(self) -> str:
        return f"{self.total}+" if self.capped else str(self.total)


def normalise(query: str) -> str:
    """Full-width letters and digits become ASCII; white space is folded."""
    return " ".join(unicodedata.normalize("NFKC", query).split())


def search(ledger, query: str, *, per_kind: int = PER_KIND) -> list[SearchGroup]:
    q = normalise(query)
    if not q:
        return []
    with ledger.reading() as session:
        # The sqlite3 connection itself: a query returns up to a thousand ids per kind, and
        # fetching them through SQLAlchemy's result rows took most of a 1-character search.
        connection = session.connection()
        dialect = connection.dialect.name
        conn = connection.connection.driver_connection if dialect == "sqlite" else _ServerRows(connection)
        text_sql = _text_sql_of(dialect)
        people = describe.people_named(conn, q)
        groups = []
        for kind in SearchKind:
            # each road keeps only its newest CAP + 1 before the union, so FTS5 can stop early
            parts = ([text_sql] if len(q) >= TRIGRAM else []) + [
                f"SELECT id FROM ({sql} ORDER BY id DESC LIMIT {CAP + 1}) AS linked"
                for sql in describe.linked_sql(kind, people)]
            if not parts:
                continue
            params = {"phrase": '"' + q.replace('"', '""') + '"', "pattern": describe.like_pattern(q),
                      "low": kind.rowid_range[0], "high": kind.rowid_range[1]}
            ids = [row[0] for row in conn.execute(
                f"SELECT id FROM ({' UNION '.join(parts)}) AS found ORDER BY id DESC LIMIT {CAP + 1}", params)]
            if not ids:
                continue
            top = ids[:per_kind]
            hits = describe.hits(conn, kind, top, people, _excerpts(conn, kind, top, q))
            groups.append(SearchGroup(kind, min(len(ids), CAP), len(ids) > CAP, hits))
    return groups


class _ServerRows:
    """PostgreSQL through SQLAlchemy, in the sqlite3 connection's shape: execute(sql, params)."""

    def __init__(self, connection):
        self._connection = connection

    def execute(self, sql: str, params: dict | None = None):
        return self._connection.execute(text(sql), params or {})


# How the index holds a text: FTS5's phrase query on SQLite, a trigram-indexed ILIKE on PostgreSQL
_HOLDS = {"sqlite": "search_index MATCH :phrase", "postgresql": "body ILIKE :pattern ESCAPE '\\'"}


def _text_sql_of(dialect: str) -> str:
    """The ids of one kind whose text holds the query: a seek into the kind's rowid range."""
    # ORDER BY the rowid itself (not an expression of it): FTS5 then walks the range newest first
    return (f"SELECT id FROM (SELECT rowid - :low AS id FROM search_index WHERE {_HOLDS[dialect]} "
            f"AND rowid BETWEEN :low AND :high ORDER BY rowid DESC LIMIT {CAP + 1}) AS matched")


def _excerpts(conn, kind: SearchKind, ids: list[int], q: str) -> dict[int, str]:
    """For the hits whose own text holds the query: the text around it."""
    rowids = ",".join(str(kind.rowid(i)) for i in ids)
    rows = conn.execute(f"SELECT rowid, body FROM search_index WHERE rowid IN ({rowids})")
    needle = q.casefold()
    return {rowid - kind.rowid(0): excerpt(body, q) for rowid, body in rows if needle in (body or "").casefold()}


def excerpt(body: str, q: str, around: int = 14) -> str:
    """The matched text with a little context either side, on one line."""
    flat = " ".join((body or "").split())
    at = flat.casefold().find(q.casefold())
    if at < 0:
        return flat[: around * 2]
    start, end = max(0, at - around), min(len(flat), at + len(q) + around)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")
