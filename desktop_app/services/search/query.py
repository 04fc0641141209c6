"""Finding every record that mentions a text, grouped by kind, newest first.

Two roads, merged per kind:
- text: the FTS5 trigram index (`search_index`) for queries of three or more characters; each
  kind is a rowid range, so each kind's newest hits are a seek, not a scan;
- names: members, students and classes whose name contains the text (small tables, any length,
  so one- and two-character names such as 王 or 王芳 are found), and the records that name those
  people (observations they gave or watched, visits they made or received, their pledges …).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from desktop_app.services.errors import UserError
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
    if ledger.on_server:
        raise UserError("全局搜索目前只用于本机的台账文件（SQLite）；服务器上的台账（PostgreSQL）暂不支持搜索，"
                        "请在各个列表里用筛选查找。")
    with ledger.reading() as session:
        # The sqlite3 connection itself: a query returns up to a thousand ids per kind, and
        # fetching them through SQLAlchemy's result rows took most of a 1-character search.
        conn = session.connection().connection.driver_connection
        people = describe.people_named(conn, q)
        groups = []
        for kind in SearchKind:
            # each road keeps only its newest CAP + 1 before the union, so FTS5 can stop early
            parts = ([_text_sql(kind)] if len(q) >= TRIGRAM else []) + [
                f"SELECT id FROM ({sql} ORDER BY id DESC LIMIT {CAP + 1})" for sql in describe.linked_sql(kind, people)]
            if not parts:
                continue
            params = {"phrase": '"' + q.replace('"', '""') + '"', "low": kind.rowid_range[0],
                      "high": kind.rowid_range[1]}
            ids = [row[0] for row in conn.execute(
                f"SELECT id FROM ({' UNION '.join(parts)}) ORDER BY id DESC LIMIT {CAP + 1}", params)]
            if not ids:
                continue
            top = ids[:per_kind]
            hits = describe.hits(conn, kind, top, people, _excerpts(conn, kind, top, q))
            groups.append(SearchGroup(kind, min(len(ids), CAP), len(ids) > CAP, hits))
    return groups


def _text_sql(kind: SearchKind) -> str:
    """The ids of one kind whose text holds the phrase: a seek into the kind's rowid range."""
    # ORDER BY the rowid itself (not an expression of it): FTS5 then walks the range newest first
    return (f"SELECT id FROM (SELECT rowid - :low AS id FROM search_index WHERE search_index MATCH :phrase "
            f"AND rowid BETWEEN :low AND :high ORDER BY rowid DESC LIMIT {CAP + 1})")


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
