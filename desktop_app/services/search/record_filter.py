"""The text filter of a record list (听课, 家访) in SQL, over all years: a condition on the records
whose own text, people, class or kind holds the text the user typed, any length.

- own text: the search index; three or more characters through the trigram index, one or two
  (which trigrams cannot find) by the text the index stores for each record;
- people: members and students whose name holds it, and the records that name them (as the
  search box finds them);
- the class's name, the kind's label (电话家访, 示范课 …), labels in lists of codes (六谈, 帮扶) and the date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from sqlalchemy import text
from sqlalchemy.sql.elements import TextClause

from desktop_app.domain.vocab import LabelledEnum
from desktop_app.services.search import describe
from desktop_app.services.search.kinds import SearchKind
from desktop_app.services.search.query import TRIGRAM, normalise

# FTS5 keeps the indexed text in its content table "<name>_content" (rowid as id, the body as c0).
_SHORT_IDS = ("SELECT id - :low FROM search_index_content WHERE id BETWEEN :low AND :high "
              "AND c0 LIKE :like ESCAPE '\\'")
_SHORT_ROW = ("EXISTS (SELECT 1 FROM search_index_content WHERE id = :low + {table}.id "
              "AND c0 LIKE :like ESCAPE '\\')")
_LONG_IDS = "SELECT rowid - :low FROM search_index WHERE search_index MATCH :phrase AND rowid BETWEEN :low AND :high"
_LONG_ROW = "EXISTS (SELECT 1 FROM search_index WHERE search_index MATCH :phrase AND rowid = :low + {table}.id)"
FEW = 2000  # up to this many records holding the text are listed by id; more are asked row by row


def records_matching(session, kind: SearchKind, typed: str, kind_column: str, kinds: type[LabelledEnum],
                     lists: Mapping[str, Iterable[type[LabelledEnum]]] = MappingProxyType({})) -> TextClause:
    """The condition (for WHERE) that a record of `kind` (an observation or visit) matches `typed`.

    `kind_column` holds the record's kind code, whose labels are `kinds`; `lists` names the columns
    holding a JSON list of codes (a visit's 六谈 and 帮扶) with the vocabularies of their labels.
    A date or its beginning (2026-12, 2026-12-01) matches the record's date, as the list shows it.
    """
    q = normalise(typed)
    conn = session.connection().connection.driver_connection
    people = describe.people_named(conn, q)
    # the class and the kind are the row's own columns: tested as the list walks, never listed
    found = [f"{kind.table}.class_id IN ({describe.ids_sql(people.classes)})"] if people.classes else []
    folded = q.casefold()
    codes = [k.value for k in kinds if folded in k.label.casefold()]
    if codes:
        found.append(f"{kind.table}.{kind_column} IN ({', '.join(map(_quoted, codes))})")
    for column, vocabularies in lists.items():
        found += [f"{kind.table}.{column} LIKE {_quoted(f'%{json.dumps(v.value)}%')}"
                  for vocabulary in vocabularies for v in vocabulary if folded in v.label.casefold()]
    day = _date_prefix(q)
    if day:
        found.append(f"{kind.table}.date LIKE {_quoted(day + '%')}")
    own, params = _own_text(conn, kind, q)
    # the records naming those people; UNION ALL: inside IN (…) duplicates do no harm
    named = describe.linked_sql(kind, people)
    found += own + ([f"{kind.table}.id IN ({' UNION ALL '.join(named)})"] if named else [])
    return text("(" + " OR ".join(found or ["0"]) + ")").bindparams(**params)


def _own_text(conn, kind: SearchKind, q: str) -> tuple[list[str], dict]:
    """The record's own text holds q: a few records by id, many asked row by row as the list walks
    from the newest (so a common character stops after the rows kept, and a rare one costs one
    pass over the text). Trigrams cannot find one or two characters: those read the stored text."""
    low, high = kind.rowid_range
    if len(q) >= TRIGRAM:
        ids_sql, row_sql, params = _LONG_IDS, _LONG_ROW, {"phrase": '"' + q.replace('"', '""') + '"'}
    else:
        ids_sql, row_sql, params = _SHORT_IDS, _SHORT_ROW, {"like": describe.like_pattern(q)}
    found = [r[0] for r in conn.execute(f"{ids_sql} LIMIT {FEW}", {"low": low, "high": high, **params})]
    if len(found) < FEW:
        return ([f"{kind.table}.id IN ({describe.ids_sql(found)})"] if found else []), {}
    return [row_sql.format(table=kind.table)], {"low": low, **params}


def _date_prefix(q: str) -> str | None:
    """2026-12-1 or 2026/12 → the stored date's beginning ("2026-12-01", "2026-12"); None if no date."""
    match = re.fullmatch(r"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?", q)
    if match is None:
        return None
    return "-".join([match[1], *(f"{int(part):02d}" for part in match.groups()[1:] if part)])


def _quoted(code: str) -> str:
    return "'" + code.replace("'", "''") + "'"
