"""家访·访谈记录: entering, editing, deleting and listing visits, always filtered by period in SQL."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import aliased

from desktop_app.domain.calendar import Period
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.records import AssistanceKind, SixAsk, SixTalk, VisitKind, topic_label, topics_for
from desktop_app.services.errors import InUse, ValidationError
from desktop_app.services.records.writing import assign, delete_ids, record_or_gone, refuse_outside_school_time
from desktop_app.services.references import blocking, references_to
from desktop_app.services.search.kinds import SearchKind
from desktop_app.services.search.record_filter import records_matching
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member, SchoolClass, Student
from desktop_app.store.models.records import Visit, VisitStudent
from desktop_app.store.versions import touch

TOPIC = Topic.VISIT
NOUN = "家访记录"
NEEDS_STUDENT = (VisitKind.PHONE.value, VisitKind.HOME.value, VisitKind.STUDENT_INTERVIEW.value)


@dataclass
class VisitData:
    """The editable fields of one visit, as the dialog and the importer fill them."""

    date: date | None = None
    visitor_id: int | None = None
    kind: str = VisitKind.PHONE.value
    student_ids: list[int] = field(default_factory=list)
    class_id: int | None = None
    target_member_id: int | None = None  # the teacher a cadre interviewed
    interviewee: str | None = None  # 受访对象: a parent, the office served …
    topics: list[str] = field(default_factory=list)
    assistance: list[str] = field(default_factory=list)
    content: str | None = None
    suggestions: str | None = None
    follow_up_needed: bool = False
    follows_visit_id: int | None = None


@dataclass(frozen=True)
class VisitRow:
    id: int
    date: date
    visitor_id: int
    visitor_name: str
    kind: str
    class_id: int | None
    class_name: str
    student_ids: tuple[int, ...]
    student_names: tuple[str, ...]
    target_member_id: int | None
    target_name: str
    interviewee: str
    topics: tuple[str, ...]
    assistance: tuple[str, ...]
    content: str
    suggestions: str
    follow_up_needed: bool
    follows_visit_id: int | None

    @property
    def kind_label(self) -> str:
        return VisitKind.label_of(self.kind)

    @property
    def visited(self) -> str:
        """Who was visited, in one phrase for the table."""
        parts = list(self.student_names) or ([self.target_name] if self.target_name else [])
        if self.interviewee:
            parts.append(self.interviewee)
        return "、".join(parts)

    @property
    def topics_label(self) -> str:
        return "、".join(topic_label(t) for t in self.topics)

    @property
    def assistance_label(self) -> str:
        return "、".join(AssistanceKind.label_of(a) for a in self.assistance)


def validate_visit(data: VisitData, today: date | None = None) -> list[FieldProblem]:
    problems = []
    if data.date is None:
        problems.append(FieldProblem("日期", "请填写访问日期"))
    elif data.date > (today or date.today()):
        problems.append(FieldProblem("日期", f"{data.date} 晚于今天"))
    if not data.visitor_id:
        problems.append(FieldProblem("访问人", "请选择访问人"))
    if data.kind not in VisitKind._value2member_map_:
        problems.append(FieldProblem("方式", f"没有“{data.kind}”这种访问方式"))
        return problems
    kind = VisitKind(data.kind)
    if data.kind in NEEDS_STUDENT and not data.student_ids:
        problems.append(FieldProblem("学生", f"{kind.label}请至少选择一名学生"))
    if kind.takes_teacher and not data.target_member_id:
        problems.append(FieldProblem("受访教师", "访谈教师请选择受访教师"))
    if data.target_member_id and data.target_member_id == data.visitor_id:
        problems.append(FieldProblem("受访教师", "访问人和受访教师不能是同一人"))
    allowed = topics_for(kind)
    for topic in data.topics:
        if allowed is None or topic not in allowed._value2member_map_:
            problems.append(FieldProblem("谈话内容", f"“{topic_label(topic)}”不适用于{kind.label}"))
    for item in data.assistance:
        if item not in AssistanceKind._value2member_map_:
            problems.append(FieldProblem("帮扶类型", f"没有“{item}”这种帮扶"))
    return problems


def _clean(data: VisitData) -> dict:
    values = asdict(data)
    values.pop("student_ids")
    for name in ("interviewee", "content", "suggestions"):
        values[name] = (values[name] or "").strip() or None
    return values


def _check(data: VisitData) -> dict:
    problems = validate_visit(data)
    if problems:
        raise ValidationError(problems)
    return _clean(data)


def _class_of_students(session, student_ids: list[int]) -> int | None:
    if not student_ids:
        return None
    return session.scalar(select(Student.class_id).where(Student.id == student_ids[0]))


def add_visit(ledger: Ledger, data: VisitData) -> int:
    values = _check(data)
    with ledger.transaction(TOPIC) as session:
        refuse_outside_school_time(session, data.date, [("访问人", data.visitor_id)])
        values["class_id"] = values["class_id"] or _class_of_students(session, data.student_ids)
        record = Visit(**values)
        session.add(record)
        session.flush()
        _link_students(session, record.id, data.student_ids)
        return record.id


def _link_students(session, visit_id: int, student_ids: list[int]) -> None:
    unique = list(dict.fromkeys(student_ids))
    if unique:
        session.execute(insert(VisitStudent), [{"visit_id": visit_id, "student_id": s} for s in unique])


def update_visit(ledger: Ledger, visit_id: int, data: VisitData) -> None:
    values = _check(data)
    if data.follows_visit_id == visit_id:
        raise ValidationError([FieldProblem("回访", "一条记录不能回访它自己")])
    with ledger.transaction(TOPIC) as session:
        refuse_outside_school_time(session, data.date, [("访问人", data.visitor_id)])
        record = record_or_gone(session, Visit, visit_id, NOUN)
        values["class_id"] = values["class_id"] or _class_of_students(session, data.student_ids)
        assign(record, values)
        touch(record)
        session.execute(delete(VisitStudent).where(VisitStudent.visit_id == visit_id))
        _link_students(session, visit_id, data.student_ids)


def delete_visits(ledger: Ledger, ids: list[int]) -> None:
    """Delete visits unless something (a suggestion's rectification …) still refers to one."""
    for visit_id in ids:
        refusing = [r for r in blocking(references_to(ledger, Visit.__tablename__, visit_id))]
        if refusing:
            listed = "、".join(str(r) for r in refusing)
            raise InUse(f"不能删除：还有{listed}引用这条家访记录。")
    with ledger.transaction(TOPIC) as session:
        delete_ids(session, Visit, ids)


def get_visit(ledger: Ledger, visit_id: int) -> VisitData:
    with ledger.reading() as session:
        v = record_or_gone(session, Visit, visit_id, NOUN)
        students = list(session.scalars(select(VisitStudent.student_id).where(VisitStudent.visit_id == visit_id)))
        return VisitData(
            date=v.date, visitor_id=v.visitor_id, kind=v.kind, student_ids=students, class_id=v.class_id,
            target_member_id=v.target_member_id, interviewee=v.interviewee, topics=list(v.topics or []),
            assistance=list(v.assistance or []), content=v.content, suggestions=v.suggestions,
            follow_up_needed=v.follow_up_needed, follows_visit_id=v.follows_visit_id,
        )


def list_visits(ledger: Ledger, period: Period | None, *, member_id: int | None = None, kind: str | None = None,
                class_id: int | None = None, student_id: int | None = None, text: str = "",
                limit: int | None = None) -> list[VisitRow]:
    """Visits in the period (None: all — on a big ledger only with `limit`), newest first.

    member_id matches the visitor or the interviewed teacher; `text` is the list's text filter
    in SQL (services/search/record_filter.py), `limit` keeps the newest so many.
    """
    visitor, target = aliased(Member), aliased(Member)
    query = (
        select(Visit.id, Visit.date, Visit.visitor_id, visitor.name, Visit.kind, Visit.class_id, SchoolClass.name,
               Visit.target_member_id, target.name, Visit.interviewee, Visit.topics, Visit.assistance,
               Visit.content, Visit.suggestions, Visit.follow_up_needed, Visit.follows_visit_id)
        .join(visitor, visitor.id == Visit.visitor_id)
        .outerjoin(target, target.id == Visit.target_member_id)
        .outerjoin(SchoolClass, SchoolClass.id == Visit.class_id)
        .order_by(Visit.date.desc(), Visit.id.desc())
    )
    conditions = []
    if period is not None:
        conditions.append(Visit.date.between(period.start, period.end))
    if member_id is not None:
        conditions.append((Visit.visitor_id == member_id) | (Visit.target_member_id == member_id))
    if kind:
        conditions.append(Visit.kind == kind)
    if class_id is not None:
        conditions.append(Visit.class_id == class_id)
    if student_id is not None:
        conditions.append(Visit.id.in_(select(VisitStudent.visit_id).where(VisitStudent.student_id == student_id)))
    with ledger.reading() as session:
        if text.strip():
            conditions.append(records_matching(session, SearchKind.VISIT, text, "kind", VisitKind,
                                               {"topics": (SixTalk, SixAsk), "assistance": (AssistanceKind,)}))
        if limit is not None:  # the newest ids once; the rows and their students are read for those only
            newest = select(Visit.id).where(*conditions).order_by(Visit.date.desc(), Visit.id.desc()).limit(limit)
            conditions = [Visit.id.in_(session.scalars(newest).all())]
        rows = session.execute(query.where(*conditions)).all()
        students: dict[int, list[tuple[int, str]]] = defaultdict(list)
        linked = (
            select(VisitStudent.visit_id, Student.id, Student.name)
            .join(Student, Student.id == VisitStudent.student_id)
            .join(Visit, Visit.id == VisitStudent.visit_id)
            .where(*conditions)
        )
        for visit_id, sid, name in session.execute(linked):
            students[visit_id].append((sid, name))
    result = []
    for (vid, day, visitor_id, visitor_name, kind_code, cid, class_name, target_id, target_name, interviewee,
         topics, assistance, content, suggestions, follow_up, follows) in rows:
        linked_students = students.get(vid, [])
        result.append(VisitRow(
            id=vid, date=day, visitor_id=visitor_id, visitor_name=visitor_name, kind=kind_code, class_id=cid,
            class_name=class_name or "", student_ids=tuple(s for s, _ in linked_students),
            student_names=tuple(n for _, n in linked_students), target_member_id=target_id,
            target_name=target_name or "", interviewee=interviewee or "", topics=tuple(topics or ()),
            assistance=tuple(assistance or ()), content=content or "", suggestions=suggestions or "",
            follow_up_needed=bool(follow_up), follows_visit_id=follows,
        ))
    return result
