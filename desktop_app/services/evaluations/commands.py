"""Changing evaluations: entered points, 加分/减分 items, approving and unlocking results."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from sqlalchemy import select

from desktop_app.domain.calendar import SEMESTER_LABELS, parse_school_year
from desktop_app.domain.evaluation import Adjustment, check_entered, points
from desktop_app.domain.problems import FieldProblem
from desktop_app.services.errors import NotFound, UserError, ValidationError
from desktop_app.services.evaluations.locks import (
    APPROVE_ACTION, UNLOCK_ACTION, LockRow, get_lock, locks_for, refuse_if_locked, refuse_if_locked_in, semester_lock,
)
from desktop_app.services.evaluations.queries import FROZEN_STATUS, semester_sheet
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import AuditEntry, Member
from desktop_app.store.models.evaluations import EvaluationLock, EvaluationScheme, EvaluationScore

TOPIC = Topic.EVALUATION


def _semester(semester: int) -> int:
    if semester not in (1, 2):
        raise UserError("学期只能是第一学期或第二学期")
    return semester


def _score_row(session, member_id: int, year: str, semester: int) -> EvaluationScore:
    if session.get(Member, member_id) is None:
        raise NotFound("该党员已不存在，可能已被删除。")
    row = session.scalars(select(EvaluationScore).where(
        EvaluationScore.member_id == member_id, EvaluationScore.school_year == year,
        EvaluationScore.semester == semester)).first()
    if row is None:
        row = EvaluationScore(member_id=member_id, school_year=year, semester=semester,
                              entered={}, bonuses=[], deductions=[])
        session.add(row)
    return row


def _checked_entries(ledger: Ledger, year: str, entered: Mapping[str, float | None]) -> dict[str, float | None]:
    scheme = get_scheme(ledger, year)
    problems, cleaned = [], {}
    for key, value in entered.items():
        try:
            ind = scheme.indicator(key)
        except KeyError:
            problems.append(FieldProblem(key, "不是本学年考核方案中的指标"))
            continue
        if value is not None:
            reason = check_entered(ind, float(value))
            if reason:
                problems.append(FieldProblem(ind.name, reason))
                continue
            value = points(float(value))
        cleaned[key] = value
    if problems:
        raise ValidationError(problems)
    return cleaned


def _checked_items(items: Iterable[Adjustment], what: str) -> list[dict]:
    problems, stored = [], []
    for n, item in enumerate(items, start=1):
        finite = math.isfinite(item.points)
        if not finite or item.points <= 0:
            problems.append(FieldProblem(f"{what}第{n}项", "分值必须大于 0"))
        if not item.reason.strip():
            problems.append(FieldProblem(f"{what}第{n}项", "必须写明事由"))
        if finite:
            stored.append({"points": points(item.points), "reason": item.reason.strip()})
    if problems:
        raise ValidationError(problems)
    return stored


def set_entered(ledger: Ledger, member_id: int, school_year: str, semester: int, key: str,
                value: float | None) -> None:
    """Enter (or clear, with None) one indicator's points for a member's semester."""
    record_semester(ledger, member_id, school_year, semester, entered={key: value})


def set_adjustments(ledger: Ledger, member_id: int, school_year: str, semester: int,
                    bonuses: Iterable[Adjustment], deductions: Iterable[Adjustment]) -> None:
    """Replace the member's 加分 and 减分 items for the semester."""
    record_semester(ledger, member_id, school_year, semester, bonuses=list(bonuses), deductions=list(deductions))


def record_semester(ledger: Ledger, member_id: int, school_year: str, semester: int, *,
                    entered: Mapping[str, float | None] | None = None,
                    bonuses: Iterable[Adjustment] | None = None,
                    deductions: Iterable[Adjustment] | None = None) -> None:
    """Change any of a semester's entered points and adjustment items at once (the importer's road)."""
    year, semester = parse_school_year(school_year), _semester(semester)
    refuse_if_locked(ledger, year, semester)
    checked = _checked_entries(ledger, year, entered or {})
    bonus_items = None if bonuses is None else _checked_items(bonuses, "加分")
    deduction_items = None if deductions is None else _checked_items(deductions, "减分")
    with ledger.transaction(TOPIC) as session:
        refuse_if_locked_in(session, year, semester)  # again: an approval may have finished meanwhile
        write_semester(session, member_id, year, semester, checked, bonus_items, deduction_items)


def write_semester(session, member_id: int, year: str, semester: int, entered: Mapping[str, float | None],
                   bonus_items: list[dict] | None, deduction_items: list[dict] | None) -> None:
    """Write already-checked values inside the caller's transaction."""
    row = _score_row(session, member_id, year, semester)
    merged = dict(row.entered or {})
    for key, value in entered.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    row.entered = merged
    if bonus_items is not None:
        row.bonuses = bonus_items
    if deduction_items is not None:
        row.deductions = deduction_items


def _freeze(session, sheet) -> None:
    """Keep the semester's computed indicators and each member's 政治面貌 (so the star eligibility) as they stand now."""
    year, semester = sheet.school_year, sheet.semester
    for row in sheet.rows:
        score_row = _score_row(session, row.member_id, year, semester)
        score_row.frozen = {s.key: [s.points, s.explanation, s.computed, s.applicable] for s in row.scores
                            if sheet.scheme.indicator(s.key).computed}
        score_row.frozen[FROZEN_STATUS] = row.political_status


def approve(ledger: Ledger, school_year: str, semester: int | None, approved_on: date, meeting: str) -> None:
    """Approve and lock a semester (1, 2) or the whole year (None) as decided by a branch meeting."""
    year = parse_school_year(school_year)
    meeting = (meeting or "").strip()
    if not meeting:
        raise ValidationError([FieldProblem("审批会议", "必须填写，例如“支部党员大会”")])
    semesters = [_semester(semester)] if semester is not None else [1, 2]
    already = [s for s in semesters if semester_lock(ledger, year, s)]
    if semester is not None and already:
        raise UserError(f"{year}学年{SEMESTER_LABELS[semester]}的考核结果已经审批锁定。")
    if semester is None and any(lock.semester is None for lock in locks_for(ledger, year)):
        raise UserError(f"{year}学年全年的考核结果已经审批锁定。")
    with ledger.transaction(TOPIC) as session:
        # The figures frozen are the ones in the ledger when the lock is written: nobody saves between.
        ledger.hold_still(session, first=EvaluationLock.__tablename__)
        sheets = [semester_sheet(ledger, year, s) for s in semesters if s not in already]
        scheme = get_scheme(ledger, year)
        if session.get(EvaluationScheme, year) is None:
            # A year without its own scheme follows an earlier year's; keep a copy so later edits
            # of that earlier scheme cannot change what was approved.
            session.add(EvaluationScheme(school_year=year, data=scheme.to_dict()))
        for sheet in sheets:
            _freeze(session, sheet)
        session.add(EvaluationLock(school_year=year, semester=semester, approved_on=approved_on, meeting=meeting))
        scope = f"{year}学年" + (SEMESTER_LABELS[semester] if semester else "全年")
        session.add(AuditEntry(at=datetime.now(), action=APPROVE_ACTION,
                               subject=f"{scope}考核结果（{approved_on.isoformat()} {meeting}）", reason=None))


def unlock(ledger: Ledger, lock_id: int, reason: str) -> LockRow:
    """Lift an approval; the reason and the time go to the audit list."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError([FieldProblem("解除原因", "必须填写")])
    lock = get_lock(ledger, lock_id)
    with ledger.transaction(TOPIC) as session:
        session.delete(session.get(EvaluationLock, lock_id))
        session.flush()
        still_locked = {
            s for other in session.scalars(select(EvaluationLock).where(EvaluationLock.school_year == lock.school_year))
            for s in ((1, 2) if other.semester is None else (other.semester,))
        }
        for score in session.scalars(select(EvaluationScore).where(EvaluationScore.school_year == lock.school_year)):
            if score.semester not in still_locked:
                score.frozen = None
        session.add(AuditEntry(at=datetime.now(), action=UNLOCK_ACTION,
                               subject=f"{lock.scope_label}考核结果（原 {lock.approved_on.isoformat()} {lock.meeting}审批）",
                               reason=reason))
    return lock
