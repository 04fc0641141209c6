"""What the record importers share: finding people named in a sheet (members by name, classes by
name, students by name within their class; an unknown or ambiguous name is a bad row, with the
reason in Chinese), existing records' match keys a month at a time, and buffered inserts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, Table, event, select

from desktop_app.domain.calendar import Period, month_period
from desktop_app.domain.presence import outside_school_time
from desktop_app.services.importing.classes import class_key
from desktop_app.services.importing.spec import RowError
from desktop_app.store.models import Member, SchoolClass, Student
from desktop_app.store.versions import stamped


@dataclass
class PeopleLookup:
    members: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    classes: dict[str, int] = field(default_factory=dict)
    students_in_class: dict[tuple[int, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    students_by_name: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    student_class: dict[int, int] = field(default_factory=dict)
    time_at_school: dict[int, tuple[str, date | None, date | None]] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    def at_school(self, key: str, label: str, member_id: int | None, day: date | None) -> list[RowError]:
        """A bad row when the record's day is outside the person's time at school (入校 … 离开)."""
        if member_id is None or day is None or member_id not in self.time_at_school:
            return []
        name, start, left = self.time_at_school[member_id]
        reason = outside_school_time(label, name, day, start, left)
        return [RowError(key, reason)] if reason else []

    def member(self, key: str, label: str, name: str) -> int:
        found = self.members.get(name, [])
        if not found:
            raise RowError(key, f"名册中没有名为“{name}”的人员")
        if len(found) > 1:
            raise RowError(key, f"名册中有{len(found)}人名为“{name}”，无法确定是谁，请在软件中逐条录入")
        return found[0]

    def class_id(self, key: str, name: str) -> int:
        found = self.classes.get(class_key(name))
        if found is None:
            raise RowError(key, f"没有名为“{name}”的班级")
        return found

    def student(self, key: str, name: str, class_id: int | None) -> int:
        if class_id is not None:
            found = self.students_in_class.get((class_id, name), [])
            where = "该班"
        else:
            found = [sid for sid, _cid in self.students_by_name.get(name, [])]
            where = "全校"
        if not found:
            raise RowError(key, f"{where}没有名为“{name}”的学生")
        if len(found) > 1:
            hint = "" if class_id is not None else "，请填写班级"
            raise RowError(key, f"{where}有{len(found)}名学生叫“{name}”{hint}")
        return found[0]


def load_people(session) -> PeopleLookup:
    lookup = PeopleLookup()
    for member_id, name, start, left in session.execute(
            select(Member.id, Member.name, Member.school_start_date, Member.left_date)):
        lookup.members[name].append(member_id)
        if start or left:
            lookup.time_at_school[member_id] = (name, start, left)
    lookup.classes = {class_key(name): cid for cid, name in session.execute(select(SchoolClass.id, SchoolClass.name))}
    for sid, name, cid in session.execute(select(Student.id, Student.name, Student.class_id)
                                          .where(Student.active.is_(True))):
        lookup.students_in_class[(cid, name)].append(sid)
        lookup.students_by_name[name].append((sid, cid))
        lookup.student_class[sid] = cid
    return lookup


def problems_to_errors(problems, keys: dict[str, str]) -> list[RowError]:
    """FieldProblems from the domain rules as RowErrors, naming the import column where known."""
    return [RowError(keys.get(p.field, p.field), p.message) for p in problems]


class MonthKeyCache:
    """Match key → id of the records already in the ledger, read one month at a time as rows need
    them, so a ledger with years of records stays quick. `read_month(connection, period)` returns
    the keys of one month.

    Inside the import's write transaction the keys are read on its own connection (a second
    connection would wait for the write lock); in a preview, whose session is closed by then, on
    a short connection of its own.
    """

    def __init__(self, session, read_month: Callable[[Connection, Period], dict[tuple, int]]):
        self._session = session
        self._read_month = read_month
        self._months: dict[tuple[int, int], dict[tuple, int]] = {}

    def find(self, day: date, key: tuple) -> int | None:
        month = self._months.get((day.year, day.month))
        if month is None:
            with self._connection() as connection:
                month = self._read_month(connection, month_period(day.year, day.month))
            self._months[(day.year, day.month)] = month
        return month.get(key)

    def _connection(self):
        if self._session.in_transaction():
            return nullcontext(self._session.connection())
        return self._session.get_bind().connect()


BATCH = 1000


class BufferedInserter:
    """New rows written with one executemany per table (ten times faster than one ORM object a
    row): every BATCH rows of the first table and once more just before the session commits."""

    def __init__(self, session, *tables: Table):
        self._session = session
        self._rows: dict[Table, list[dict]] = {table: [] for table in tables}
        self._main = tables[0]
        event.listen(session, "before_commit", self.flush)  # the last, partial batch

    def add(self, row: dict, **linked: list[dict]) -> None:
        """`row` into the first table; `linked` rows by table name (e.g. visit_student=[...])."""
        self._rows[self._main].append(row)
        for table in self._rows:
            self._rows[table].extend(linked.get(table.name, ()))
        if len(self._rows[self._main]) >= BATCH:
            self.flush(self._session)

    def flush(self, session) -> None:
        if self._rows[self._main]:
            connection = session.connection()
            for table, rows in self._rows.items():
                if rows:
                    connection.execute(table.insert(), stamped(session, table, rows))
        self._rows = {table: [] for table in self._rows}

