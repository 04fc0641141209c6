"""The name road of the search, and how each kind of hit is described in the results list.

`conn` is the ledger's sqlite3 connection (see query.search): plain SQL over a few small lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.meetings import MeetingKind
from desktop_app.domain.pledges import PledgeKind
from desktop_app.domain.records import LessonType, VisitKind
from desktop_app.domain.vocab import CultivationKind, PoliticalStatus
from desktop_app.services.search.kinds import SearchKind


@dataclass(frozen=True)
class People:
    """Members, students and classes whose names contain the query (id → name)."""

    members: dict[int, str]
    students: dict[int, str]
    classes: dict[int, str]


def like_pattern(q: str) -> str:
    """LIKE … ESCAPE '\\' for text containing `q` (its % and _ taken literally)."""
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def people_named(conn, q: str) -> People:
    def named(table: str) -> dict[int, str]:
        rows = conn.execute(f"SELECT id, name FROM {table} WHERE name LIKE :p ESCAPE '\\'", {"p": like_pattern(q)})
        return dict(rows.fetchall())

    return People(named("member"), named("student"), named("school_class"))


def ids_sql(values) -> str:
    return ",".join(str(int(v)) for v in values) or "NULL"


# kind → SQL over {m} (member ids), {s} (student ids), {c} (class ids): records naming those people
_LINKED = {
    SearchKind.MEMBER: "SELECT id FROM member WHERE id IN ({m})",
    SearchKind.STUDENT: "SELECT id FROM student WHERE id IN ({s})",
    SearchKind.SCHOOL_CLASS: "SELECT id FROM school_class WHERE id IN ({c})",
    SearchKind.PLEDGE: "SELECT id FROM pledge WHERE member_id IN ({m})",
    SearchKind.OBSERVATION: "SELECT id FROM observation WHERE observer_id IN ({m}) UNION "
                            "SELECT id FROM observation WHERE teacher_id IN ({m})",
    SearchKind.VISIT: "SELECT id FROM visit WHERE visitor_id IN ({m}) UNION "
                      "SELECT id FROM visit WHERE target_member_id IN ({m}) UNION "
                      "SELECT visit_id FROM visit_student WHERE student_id IN ({s})",
    SearchKind.SUGGESTION: "SELECT id FROM suggestion WHERE recorder_id IN ({m})",
    SearchKind.RECTIFICATION: "SELECT id FROM rectification WHERE responsible_member_id IN ({m})",
    SearchKind.CULTIVATION: "SELECT id FROM cultivation WHERE member_id IN ({m}) UNION "
                            "SELECT id FROM cultivation WHERE mentor_id IN ({m})",
    SearchKind.MEETING: "SELECT meeting_id AS id FROM meeting_attendance WHERE member_id IN ({m}) UNION "
                        "SELECT id FROM meeting WHERE host_id IN ({m}) UNION "
                        "SELECT id FROM meeting WHERE recorder_id IN ({m})",
    SearchKind.TALK: "SELECT id FROM heart_to_heart_talk WHERE talker_id IN ({m}) UNION "
                     "SELECT id FROM heart_to_heart_talk WHERE member_id IN ({m})",
    SearchKind.DEVELOPMENT: "SELECT id FROM development WHERE member_id IN ({m})",
}


def linked_sql(kind: SearchKind, people: People) -> list[str]:
    """The SQL (a list of none or one) of the records of `kind` that name one of the people."""
    if not (people.members or people.students or people.classes):
        return []
    return [_LINKED[kind].format(m=ids_sql(people.members), s=ids_sql(people.students), c=ids_sql(people.classes))]


# kind → SQL returning (id, when, title parts…, role columns…) for the ids in {ids}
_DESCRIBE = {
    SearchKind.MEMBER: "SELECT id, NULL, name, political_status, department FROM member WHERE id IN ({ids})",
    SearchKind.STUDENT: "SELECT s.id, NULL, s.name, c.name FROM student s JOIN school_class c ON c.id = s.class_id "
                        "WHERE s.id IN ({ids})",
    SearchKind.SCHOOL_CLASS: "SELECT id, NULL, name, grade FROM school_class WHERE id IN ({ids})",
    SearchKind.PLEDGE: "SELECT p.id, p.signed_date, m.name, p.school_year, p.kind, p.member_id FROM pledge p "
                       "LEFT JOIN member m ON m.id = p.member_id WHERE p.id IN ({ids})",
    SearchKind.OBSERVATION: "SELECT o.id, o.date, a.name, b.name, o.subject, o.lesson_type, o.observer_id, o.teacher_id "
                            "FROM observation o JOIN member a ON a.id = o.observer_id "
                            "JOIN member b ON b.id = o.teacher_id WHERE o.id IN ({ids})",
    SearchKind.VISIT: "SELECT v.id, v.date, m.name, v.kind, v.interviewee, v.visitor_id, v.target_member_id "
                      "FROM visit v JOIN member m ON m.id = v.visitor_id WHERE v.id IN ({ids})",
    SearchKind.SUGGESTION: "SELECT id, raised_on, content, recorder_id FROM suggestion WHERE id IN ({ids})",
    SearchKind.RECTIFICATION: "SELECT id, deadline, measure, responsible_member_id FROM rectification "
                              "WHERE id IN ({ids})",
    SearchKind.CULTIVATION: "SELECT c.id, c.start_date, m.name, c.kind, c.member_id, c.mentor_id FROM cultivation c "
                            "JOIN member m ON m.id = c.member_id WHERE c.id IN ({ids})",
    SearchKind.MEETING: "SELECT id, date, topic, kind, host_id, recorder_id FROM meeting WHERE id IN ({ids})",
    SearchKind.TALK: "SELECT t.id, t.date, a.name, b.name, t.talker_id, t.member_id FROM heart_to_heart_talk t "
                     "JOIN member a ON a.id = t.talker_id JOIN member b ON b.id = t.member_id WHERE t.id IN ({ids})",
    SearchKind.DEVELOPMENT: "SELECT d.id, NULL, m.name, d.member_id FROM development d "
                            "JOIN member m ON m.id = d.member_id WHERE d.id IN ({ids})",
}


def _short(value: str | None, length: int = 24) -> str:
    flat = " ".join((value or "").split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def _title(kind: SearchKind, row) -> str:
    if kind is SearchKind.MEMBER:
        return " · ".join(x for x in (row[2], PoliticalStatus.label_of(row[3]), row[4]) if x)
    if kind is SearchKind.STUDENT:
        return f"{row[2]}（{row[3]}）"
    if kind is SearchKind.SCHOOL_CLASS:
        return row[2]
    if kind is SearchKind.PLEDGE:
        return f"{row[2] or '党支部'} · {row[3]}学年 · {PledgeKind.label_of(row[4])}"
    if kind is SearchKind.OBSERVATION:
        return f"{row[2]} 听 {row[3]} 的课 · {row[4] or ''} {LessonType.label_of(row[5])}".rstrip()
    if kind is SearchKind.VISIT:
        return " · ".join(x for x in (row[2], VisitKind.label_of(row[3]), row[4]) if x)
    if kind is SearchKind.CULTIVATION:
        return f"{row[2]} · {CultivationKind.label_of(row[3])}"
    if kind is SearchKind.MEETING:
        return f"{MeetingKind.label_of(row[3])} · {_short(row[2])}"
    if kind is SearchKind.TALK:
        return f"{row[2]} 与 {row[3]} 谈心谈话"
    if kind is SearchKind.DEVELOPMENT:
        return f"{row[2]} 的发展党员纪实"
    return _short(row[2])


def _role(kind: SearchKind, row, people: People, named: dict[int, list[str]]) -> str:
    """Why a record found through a name is in the list: who it names, and as what."""
    m = people.members
    if kind in (SearchKind.MEMBER, SearchKind.STUDENT, SearchKind.SCHOOL_CLASS):
        return f"姓名：{row[2]}" if kind is not SearchKind.SCHOOL_CLASS else f"班级：{row[2]}"
    if kind is SearchKind.PLEDGE and row[5] in m:
        return f"承诺人：{m[row[5]]}"
    if kind is SearchKind.OBSERVATION:
        parts = ([f"听课人：{m[row[6]]}"] if row[6] in m else []) + ([f"授课教师：{m[row[7]]}"] if row[7] in m else [])
        return "；".join(parts)
    if kind is SearchKind.VISIT:
        if row[5] in m:
            return f"走访人：{m[row[5]]}"
        if row[6] in m:
            return f"受访教师：{m[row[6]]}"
        return "涉及学生：" + "、".join(named.get(row[0], []))
    if kind is SearchKind.SUGGESTION and row[3] in m:
        return f"记录人：{m[row[3]]}"
    if kind is SearchKind.RECTIFICATION and row[3] in m:
        return f"责任人：{m[row[3]]}"
    if kind is SearchKind.CULTIVATION:
        return f"培养对象：{row[2]}" if row[4] in m else f"联系人：{m.get(row[5], '')}"
    if kind is SearchKind.MEETING:
        roles = [f"主持人：{m[row[4]]}"] if row[4] in m else []
        roles += [f"记录人：{m[row[5]]}"] if row[5] in m else []
        return "；".join(roles) or "参会人员：" + "、".join(named.get(row[0], []))
    if kind is SearchKind.TALK:
        return f"谈话人：{row[2]}" if row[4] in m else f"谈话对象：{row[3]}"
    if kind is SearchKind.DEVELOPMENT:
        return f"发展对象：{row[2]}"
    return ""


# kind → SQL of (record id, person id) for the people a record names in a table of its own
_NAMED = {
    SearchKind.VISIT: ("SELECT visit_id, student_id FROM visit_student WHERE visit_id IN ({ids}) "
                       "AND student_id IN ({people})", "students"),
    SearchKind.MEETING: ("SELECT meeting_id, member_id FROM meeting_attendance WHERE meeting_id IN ({ids}) "
                         "AND member_id IN ({people})", "members"),
}


def _named(conn, kind: SearchKind, ids: list[int], people: People) -> dict[int, list[str]]:
    """Which of the people each record names: the students a visit reached, a meeting's attendees."""
    if kind not in _NAMED:
        return {}
    sql, which = _NAMED[kind]
    names = getattr(people, which)
    if not names:
        return {}
    found: dict[int, list[str]] = {}
    for record_id, person_id in conn.execute(sql.format(ids=ids_sql(ids), people=ids_sql(names))):
        found.setdefault(record_id, []).append(names[person_id])
    return found


def hits(conn, kind: SearchKind, ids: list[int], people: People, excerpts: dict[int, str]) -> list:
    from desktop_app.services.search.query import SearchHit

    if not ids:
        return []
    rows = {row[0]: row for row in conn.execute(_DESCRIBE[kind].format(ids=ids_sql(ids)))}
    named = _named(conn, kind, ids, people)
    found = []
    for record_id in ids:
        row = rows.get(record_id)
        if row is None:
            continue
        when = row[1] if isinstance(row[1], date) or row[1] is None else date.fromisoformat(str(row[1])[:10])
        matched = excerpts.get(record_id) or _role(kind, row, people, named)
        found.append(SearchHit(kind, record_id, _title(kind, row), matched, when))
    return found
