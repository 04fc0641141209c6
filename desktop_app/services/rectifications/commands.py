"""Changing suggestions and rectifications: every change validated, one transaction each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields, replace
from datetime import date

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.rectifications import (
    RectificationData,
    RectificationStatus,
    SuggestionData,
    move_problem,
    validate_rectification,
    validate_suggestion,
)
from desktop_app.services.errors import NotFound, UserError, ValidationError
from desktop_app.services.records.writing import add_record
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.rectifications import Rectification, Suggestion

TOPICS = (Topic.SUGGESTION, Topic.RECTIFICATION)
GONE_SUGGESTION = "这条意见建议已不存在，可能已被删除。"
GONE_RECTIFICATION = "这条整改已不存在，可能已被删除。"

_SUGGESTION_FIELDS = [f.name for f in fields(SuggestionData)]
_RECTIFICATION_FIELDS = [f.name for f in fields(RectificationData)]


def _stripped(data):
    """A copy with text fields trimmed and blanks turned into None."""
    values = {}
    for name, value in asdict(data).items():
        if isinstance(value, str):
            value = value.strip() or None
        values[name] = value
    return type(data)(**values)


# --- suggestions --------------------------------------------------------------

def _check_suggestion(data: SuggestionData, today: date | None) -> SuggestionData:
    cleaned = _stripped(data)
    cleaned.content = cleaned.content or ""
    problems = validate_suggestion(cleaned, today or date.today())
    if problems:
        raise ValidationError(problems)
    return cleaned


def add_suggestion(ledger: Ledger, data: SuggestionData, today: date | None = None) -> int:
    cleaned = _check_suggestion(data, today)
    with ledger.transaction(*TOPICS) as session:
        return add_record(session, Suggestion, asdict(cleaned))


def get_suggestion(ledger: Ledger, suggestion_id: int) -> SuggestionData:
    with ledger.reading() as session:
        suggestion = session.get(Suggestion, suggestion_id)
        if suggestion is None:
            raise NotFound(GONE_SUGGESTION)
        return SuggestionData(**{name: getattr(suggestion, name) for name in _SUGGESTION_FIELDS})


def update_suggestion(ledger: Ledger, suggestion_id: int, data: SuggestionData, today: date | None = None) -> None:
    cleaned = _check_suggestion(data, today)
    with ledger.transaction(*TOPICS) as session:
        suggestion = session.get(Suggestion, suggestion_id)
        if suggestion is None:
            raise NotFound(GONE_SUGGESTION)
        rectification = _rectification_of(session, suggestion_id)
        _check_dates_after(cleaned.raised_on, rectification)
        for name, value in asdict(cleaned).items():
            setattr(suggestion, name, value)


def _check_dates_after(raised_on: date | None, rectification: Rectification | None) -> None:
    if rectification is None or raised_on is None:
        return
    problems = []
    if rectification.deadline < raised_on:
        problems.append(FieldProblem("提出日期", f"不能晚于其整改期限 {rectification.deadline.isoformat()}"))
    if rectification.completed_on and rectification.completed_on < raised_on:
        problems.append(FieldProblem("提出日期", f"不能晚于其整改完成日期 {rectification.completed_on.isoformat()}"))
    if problems:
        raise ValidationError(problems)


def delete_suggestion(ledger: Ledger, suggestion_id: int) -> None:
    """Delete a suggestion together with its rectification (the UI asks first)."""
    with ledger.transaction(*TOPICS) as session:
        suggestion = session.get(Suggestion, suggestion_id)
        if suggestion is None:
            raise NotFound(GONE_SUGGESTION)
        rectification = _rectification_of(session, suggestion_id)
        if rectification is not None:
            session.delete(rectification)
        session.delete(suggestion)


# --- rectifications -----------------------------------------------------------

def _rectification_of(session, suggestion_id: int) -> Rectification | None:
    return session.query(Rectification).filter_by(suggestion_id=suggestion_id).one_or_none()


def _check_rectification(session, data: RectificationData, raised_on: date, today: date | None) -> RectificationData:
    cleaned = _stripped(data)
    cleaned.measure = cleaned.measure or ""
    if cleaned.status is None:
        cleaned.status = RectificationStatus.PENDING.value
    if cleaned.responsible_member_id is not None:
        member = session.get(Member, cleaned.responsible_member_id)
        if member is None:
            raise ValidationError([FieldProblem("责任人", "所选人员已不存在")])
        # The name is kept beside the link so the ledger still reads right if the person is deleted.
        cleaned.responsible_name = member.name
    problems = validate_rectification(cleaned, today or date.today(), raised_on)
    if problems:
        raise ValidationError(problems)
    return cleaned


def add_rectification(ledger: Ledger, suggestion_id: int, data: RectificationData, today: date | None = None) -> int:
    """Turn a suggestion into a rectification (立整改)."""
    with ledger.transaction(*TOPICS) as session:
        suggestion = session.get(Suggestion, suggestion_id)
        if suggestion is None:
            raise NotFound(GONE_SUGGESTION)
        if _rectification_of(session, suggestion_id) is not None:
            raise UserError("这条意见建议已经立了整改，请在整改台账中修改。")
        cleaned = _check_rectification(session, data, suggestion.raised_on, today)
        rectification = Rectification(suggestion_id=suggestion_id, **asdict(cleaned))
        session.add(rectification)
        session.flush()
        return rectification.id


def get_rectification(ledger: Ledger, rectification_id: int) -> RectificationData:
    with ledger.reading() as session:
        rectification = session.get(Rectification, rectification_id)
        if rectification is None:
            raise NotFound(GONE_RECTIFICATION)
        return RectificationData(**{name: getattr(rectification, name) for name in _RECTIFICATION_FIELDS})


def update_rectification(ledger: Ledger, rectification_id: int, data: RectificationData, today: date | None = None) -> None:
    with ledger.transaction(*TOPICS) as session:
        _write_rectification(session, rectification_id, lambda _current: data, today)


def _write_rectification(session, rectification_id: int, change: Callable[[RectificationData], RectificationData],
                         today: date | None, *, moving: bool = False) -> None:
    """Read, change and write one rectification inside the caller's transaction (never from a stale copy).
    `moving`: a status move (开始/完成/重新打开) that must be allowed even when the status stays."""
    rectification = session.get(Rectification, rectification_id)
    if rectification is None:
        raise NotFound(GONE_RECTIFICATION)
    data = change(RectificationData(**{name: getattr(rectification, name) for name in _RECTIFICATION_FIELDS}))
    if moving or data.status != rectification.status:
        problem = move_problem(rectification.status, data.status)
        if problem:
            raise ValidationError([FieldProblem("整改状态", problem)])
    suggestion = session.get(Suggestion, rectification.suggestion_id)
    cleaned = _check_rectification(session, data, suggestion.raised_on, today)
    for name, value in asdict(cleaned).items():
        setattr(rectification, name, value)


def delete_rectification(ledger: Ledger, rectification_id: int) -> None:
    """Delete the rectification; its suggestion stays (未立整改 again)."""
    with ledger.transaction(*TOPICS) as session:
        rectification = session.get(Rectification, rectification_id)
        if rectification is None:
            raise NotFound(GONE_RECTIFICATION)
        session.delete(rectification)


def _move(ledger: Ledger, rectification_id: int, today: date | None, **changes) -> None:
    with ledger.transaction(*TOPICS) as session:
        _write_rectification(session, rectification_id, lambda current: replace(current, **changes), today,
                             moving="status" in changes)


def start_rectification(ledger: Ledger, rectification_id: int, today: date | None = None) -> None:
    """待整改 → 整改中 (开始整改)."""
    _move(ledger, rectification_id, today, status=RectificationStatus.IN_PROGRESS.value)


def complete_rectification(
    ledger: Ledger, rectification_id: int, completed_on: date | None, result: str | None, today: date | None = None
) -> None:
    """→ 已完成 with the completion date and the result (完成整改)."""
    _move(ledger, rectification_id, today, status=RectificationStatus.DONE.value,
          completed_on=completed_on, result=result)


def reopen_rectification(ledger: Ledger, rectification_id: int, today: date | None = None) -> None:
    """已完成 → 整改中 when the result did not hold; the completion date is cleared, the result kept as a note."""
    _move(ledger, rectification_id, today, status=RectificationStatus.IN_PROGRESS.value, completed_on=None)


def publish_rectification(ledger: Ledger, rectification_id: int, published_on: date | None, today: date | None = None) -> None:
    """Record the day the rectification was published to teachers and students (公示)."""
    if published_on is None:
        raise ValidationError([FieldProblem("公示日期", "必须填写")])
    _move(ledger, rectification_id, today, published_on=published_on)
