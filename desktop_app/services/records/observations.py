"""听课记录: entering, editing, deleting and listing lesson observations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from desktop_app.domain.calendar import Period
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.records import LessonType, Rating, SixLook
from desktop_app.services.errors import ValidationError
from desktop_app.services.records.writing import add_record, assign, delete_ids, record_or_gone, refuse_outside_school_time
from desktop_app.services.search.kinds import SearchKind
from desktop_app.services.search.record_filter import records_matching
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member, SchoolClass
from desktop_app.store.models.records import Observation

TOPIC = Topic.OBSERVATION
NOUN = "听课记录"
MAX_LESSON_NO = 20


@dataclass
class ObservationData:
    """The editable fields of one observation, as the dialog and the importer fill them."""

    date: date | None = None
    observer_id: int | None = None
    teacher_id: int | None = None
    lesson_no: int | None = None
    class_id: int | None = None
    subject: str | None = None
    lesson_type: str = LessonType.DROP_IN.value
    ratings: dict[str, str] = field(default_factory=dict)  # SixLook code → Rating code
    comment: str | None = None
    suggestions: str | None = None


@dataclass(frozen=True)
class ObservationRow:
    id: int
    date: date
    observer_id: int
    observer_name: str
    teacher_id: int
    teacher_name: str
    lesson_no: int | None
    class_id: int | None
    class_name: str
    subject: str
    lesson_type: str
    ratings: tuple[tuple[str, str], ...]
    comment: str
    suggestions: str

    @property
    def lesson_type_label(self) -> str:
        return LessonType.label_of(self.lesson_type)

    def rating_label(self, look: SixLook) -> str:
        return Rating.label_of(dict(self.ratings).get(look.value))


def validate_observation(data: ObservationData, today: date | None = None) -> list[FieldProblem]:
    problems = []
    if data.date is None:
        problems.append(FieldProblem("日期", "请填写听课日期"))
    elif data.date > (today or date.today()):
        problems.append(FieldProblem("日期", f"{data.date} 晚于今天"))
    if not data.observer_id:
        problems.append(FieldProblem("听课人", "请选择听课人"))
    if not data.teacher_id:
        problems.append(FieldProblem("授课教师", "请选择授课教师"))
    if data.observer_id and data.observer_id == data.teacher_id:
        problems.append(FieldProblem("授课教师", "听课人和授课教师不能是同一人"))
    if data.lesson_no is not None and not 1 <= data.lesson_no <= MAX_LESSON_NO:
        problems.append(FieldProblem("节次", f"节次应在 1 到 {MAX_LESSON_NO} 之间"))
    if data.lesson_type not in LessonType._value2member_map_:
        problems.append(FieldProblem("课型", f"没有“{data.lesson_type}”这种课型"))
    for look, rating in data.ratings.items():
        if look not in SixLook._value2member_map_ or rating not in Rating._value2member_map_:
            problems.append(FieldProblem("六看", f"评价“{look}: {rating}”无法识别（应为优、良、中、差）"))
    return problems


def _clean(data: ObservationData) -> dict:
    values = asdict(data)
    for name in ("subject", "comment", "suggestions"):
        values[name] = (values[name] or "").strip() or None
    values["ratings"] = {k: v for k, v in data.ratings.items() if v}
    return values


def _check(data: ObservationData) -> dict:
    problems = validate_observation(data)
    if problems:
        raise ValidationError(problems)
    return _clean(data)


def _people(data: ObservationData) -> list[tuple[str, int | None]]:
    return [("听课人", data.observer_id), ("授课教师", data.teacher_id)]


def add_observation(ledger: Ledger, data: ObservationData) -> int:
    values = _check(data)
    with ledger.transaction(TOPIC) as session:
        refuse_outside_school_time(session, data.date, _people(data))
        return add_record(session, Observation, values)


def update_observation(ledger: Ledger, observation_id: int, data: ObservationData) -> None:
    values = _check(data)
    with ledger.transaction(TOPIC) as session:
        refuse_outside_school_time(session, data.date, _people(data))
        assign(record_or_gone(session, Observation, observation_id, NOUN), values)


def delete_observations(ledger: Ledger, ids: list[int]) -> None:
    with ledger.transaction(TOPIC) as session:
        delete_ids(session, Observation, ids)


def get_observation(ledger: Ledger, observation_id: int) -> ObservationData:
    with ledger.reading() as session:
        record = record_or_gone(session, Observation, observation_id, NOUN)
        return ObservationData(
            date=record.date, observer_id=record.observer_id, teacher_id=record.teacher_id,
            lesson_no=record.lesson_no, class_id=record.class_id, subject=record.subject,
            lesson_type=record.lesson_type, ratings=dict(record.ratings or {}), comment=record.comment,
            suggestions=record.suggestions,
        )


def list_observations(ledger: Ledger, period: Period | None = None, *, member_id: int | None = None,
                      lesson_type: str | None = None, class_id: int | None = None, text: str = "",
                      limit: int | None = None) -> list[ObservationRow]:
    """Observations in the period, newest first; member_id matches the observer or the teacher.

    `text` is the list's text filter in SQL (services/search/record_filter.py), `limit` keeps the
    newest so many.
    """
    observer, teacher = aliased(Member), aliased(Member)
    query = (
        select(Observation, observer.name, teacher.name, SchoolClass.name)
        .join(observer, observer.id == Observation.observer_id)
        .join(teacher, teacher.id == Observation.teacher_id)
        .outerjoin(SchoolClass, SchoolClass.id == Observation.class_id)
        .order_by(Observation.date.desc(), Observation.id.desc())
    )
    if period is not None:
        query = query.where(Observation.date.between(period.start, period.end))
    if member_id is not None:
        query = query.where((Observation.observer_id == member_id) | (Observation.teacher_id == member_id))
    if lesson_type:
        query = query.where(Observation.lesson_type == lesson_type)
    if class_id is not None:
        query = query.where(Observation.class_id == class_id)
    if limit is not None:
        query = query.limit(limit)
    with ledger.reading() as session:
        if text.strip():
            query = query.where(records_matching(session, SearchKind.OBSERVATION, text, "lesson_type", LessonType))
        return [
            ObservationRow(
                id=o.id, date=o.date, observer_id=o.observer_id, observer_name=observer_name,
                teacher_id=o.teacher_id, teacher_name=teacher_name, lesson_no=o.lesson_no,
                class_id=o.class_id, class_name=class_name or "", subject=o.subject or "",
                lesson_type=o.lesson_type, ratings=tuple(sorted((o.ratings or {}).items())),
                comment=o.comment or "", suggestions=o.suggestions or "",
            )
            for o, observer_name, teacher_name, class_name in session.execute(query)
        ]
